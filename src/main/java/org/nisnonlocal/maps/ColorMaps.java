package org.nisnonlocal.maps;

/**
 * The two colour tables the plugin uses, as 256-entry RGB arrays shared by the PNG writer and the ImageJ LUTs.
 * <ul>
 * <li>{@link #DIVERGING}: blue → white → red, light at the centre, for signed maps (odd parts, residuals) shown with a
 * zero-centred range. Stock ImageJ has no LUT that is light at zero.</li>
 * <li>{@link #SEQUENTIAL}: black → purple → orange → pale yellow, for one-signed maps.</li>
 * </ul>
 * Missing points (NaN) are drawn in {@link #NAN_RGB}, a neutral mid grey that is in neither table: not the light centre
 * of the diverging one, not the dark ends of either, so it cannot be read as zero or as strong signal.
 */
public final class ColorMaps
{
	/** Name under which the diverging table is shown in ImageJ. */
	public static final String DIVERGING_NAME = "NIS diverging";

	public static final String SEQUENTIAL_NAME = "NIS sequential";

	/** 0xRRGGBB of missing points (NaN). */
	public static final int NAN_RGB = 0x808080;

	/** What the legend says next to the {@link #NAN_RGB} swatch. */
	public static final String NAN_LEGEND = "no value (NaN)";

	public static final ColorMaps DIVERGING = interpolate( DIVERGING_NAME, new int[][] {
			{ 5, 48, 97 }, { 33, 102, 172 }, { 67, 147, 195 }, { 146, 197, 222 }, { 209, 229, 240 }, { 247, 247, 247 },
			{ 253, 219, 199 }, { 244, 165, 130 }, { 214, 96, 77 }, { 178, 24, 43 }, { 103, 0, 31 } } );

	public static final ColorMaps SEQUENTIAL = interpolate( SEQUENTIAL_NAME, new int[][] {
			{ 0, 0, 4 }, { 40, 11, 84 }, { 101, 21, 110 }, { 159, 42, 99 }, { 212, 72, 66 }, { 245, 125, 21 },
			{ 250, 193, 39 }, { 252, 255, 164 } } );

	private final String name;
	private final byte[] r = new byte[ 256 ], g = new byte[ 256 ], b = new byte[ 256 ];

	private ColorMaps( final String name ) { this.name = name; }

	private static ColorMaps interpolate( final String name, final int[][] anchors )
	{
		final ColorMaps c = new ColorMaps( name );
		final int n = anchors.length - 1;
		for ( int k = 0; k < 256; k++ )
		{
			final double p = k / 255.0 * n;
			final int a = Math.min( ( int ) Math.floor( p ), n - 1 );
			final double w = p - a;
			c.r[ k ] = ( byte ) Math.round( anchors[ a ][ 0 ] * ( 1 - w ) + anchors[ a + 1 ][ 0 ] * w );
			c.g[ k ] = ( byte ) Math.round( anchors[ a ][ 1 ] * ( 1 - w ) + anchors[ a + 1 ][ 1 ] * w );
			c.b[ k ] = ( byte ) Math.round( anchors[ a ][ 2 ] * ( 1 - w ) + anchors[ a + 1 ][ 2 ] * w );
		}
		return c;
	}

	public String name() { return name; }

	public byte[] reds() { return r.clone(); }

	public byte[] greens() { return g.clone(); }

	public byte[] blues() { return b.clone(); }

	/** 0xRRGGBB of entry k (0 … 255). */
	public int rgb( final int k ) { return ( ( r[ k ] & 0xff ) << 16 ) | ( ( g[ k ] & 0xff ) << 8 ) | ( b[ k ] & 0xff ); }
}
