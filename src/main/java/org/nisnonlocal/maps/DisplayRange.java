package org.nisnonlocal.maps;

/**
 * How a map is shown: signed maps (odd parts, residuals, anything with signal of both signs) with the diverging table
 * and a zero-centred ±max range, one-signed maps with the sequential table over [min, max].
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

	/** The automatic choice of {@link SymmetricDisplay} over all values: see {@link SymmetricDisplay#isSigned}. */
	public static DisplayRange auto( final ConductanceMap map ) { return SymmetricDisplay.choose( map, SymmetricDisplay.Mode.AUTO, 100 ); }

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
