package org.nisnonlocal.maps;

import java.util.Arrays;

/**
 * The per-point noise of sampled curves without a model: σ = median|Δ²g| / (0.6745·√6), the robust scale of second
 * differences g[i−1] − 2g[i] + g[i+1] (variance 6σ² for white noise; a smooth signal sampled finely adds little, and
 * the median ignores the few points on sharp features). Correlated noise (a lock-in time constant longer than a point)
 * makes it too small.
 */
public final class Noise
{
	private Noise() {}

	/** σ over all lines together (NaN points skipped); 0 when no line has 3 consecutive finite points. */
	public static double fromSecondDifferences( final double[]... lines )
	{
		int n = 0;
		for ( final double[] g : lines )
			n += Math.max( 0, g.length - 2 );
		final double[] d2 = new double[ n ];
		int m = 0;
		for ( final double[] g : lines )
			for ( int i = 1; i + 1 < g.length; i++ )
			{
				final double v = g[ i - 1 ] - 2 * g[ i ] + g[ i + 1 ];
				if ( !Double.isNaN( v ) )
					d2[ m++ ] = Math.abs( v );
			}
		if ( m == 0 )
			return 0;
		final double[] a = Arrays.copyOf( d2, m );
		Arrays.sort( a );
		return a[ m / 2 ] / ( 0.6745 * Math.sqrt( 6 ) );
	}
}
