package org.nisnonlocal.maps;

import java.util.Arrays;

/**
 * How a map is best shown: signed maps (odd parts, residuals, anything with both signs) with the diverging table and a
 * zero-centred ±max range, one-signed maps with the sequential table over [min, max].
 */
public final class DisplayRange
{
	private final double min;
	private final double max;
	private final boolean diverging;

	public DisplayRange( final double min, final double max, final boolean diverging )
	{
		this.min = min;
		this.max = max;
		this.diverging = diverging;
	}

	/** ±max|g| for signed maps, [min, max] otherwise; {@code percentile} < 100 clips outliers (100 = use all). */
	public static DisplayRange auto( final ConductanceMap map, final double percentile )
	{
		final float[] v = finiteSorted( map.data() );
		if ( v.length == 0 )
			return new DisplayRange( -1, 1, true );
		final double lo = quantile( v, ( 100 - percentile ) / 100 ), hi = quantile( v, percentile / 100 );
		final boolean signed = v[ 0 ] < 0 && v[ v.length - 1 ] > 0;
		if ( signed )
		{
			double m = Math.max( Math.abs( lo ), Math.abs( hi ) );
			if ( !( m > 0 ) )
				m = 1;
			return new DisplayRange( -m, m, true );
		}
		return hi > lo ? new DisplayRange( lo, hi, false ) : new DisplayRange( lo - 1, lo + 1, false );
	}

	public static DisplayRange auto( final ConductanceMap map ) { return auto( map, 100 ); }

	/** One zero-centred range covering several maps, for side-by-side display. */
	public static DisplayRange sharedSymmetric( final ConductanceMap... maps )
	{
		double m = 0;
		for ( final ConductanceMap map : maps )
		{
			final double[] r = map.range();
			if ( !Double.isNaN( r[ 0 ] ) )
				m = Math.max( m, Math.max( Math.abs( r[ 0 ] ), Math.abs( r[ 1 ] ) ) );
		}
		if ( !( m > 0 ) )
			m = 1;
		return new DisplayRange( -m, m, true );
	}

	private static float[] finiteSorted( final float[] data )
	{
		final float[] v = new float[ data.length ];
		int n = 0;
		for ( final float f : data )
			if ( Float.isFinite( f ) )
				v[ n++ ] = f;
		final float[] out = Arrays.copyOf( v, n );
		Arrays.sort( out );
		return out;
	}

	private static double quantile( final float[] sorted, final double q )
	{
		final double p = Math.max( 0, Math.min( 1, q ) ) * ( sorted.length - 1 );
		final int a = ( int ) Math.floor( p );
		final int b = Math.min( a + 1, sorted.length - 1 );
		return sorted[ a ] + ( p - a ) * ( sorted[ b ] - sorted[ a ] );
	}

	public double min() { return min; }

	public double max() { return max; }

	public boolean isDiverging() { return diverging; }

	public ColorMaps colorMap() { return diverging ? ColorMaps.DIVERGING : ColorMaps.SEQUENTIAL; }

	/** LUT index 0 … 255 of a value (NaN → -1). */
	public int lutIndex( final double v )
	{
		if ( Double.isNaN( v ) )
			return -1;
		final double p = ( v - min ) / ( max - min );
		return ( int ) Math.max( 0, Math.min( 255, Math.round( p * 255 ) ) );
	}
}
