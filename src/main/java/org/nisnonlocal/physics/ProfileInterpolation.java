package org.nisnonlocal.physics;

/**
 * Monotone piecewise-cubic Hermite interpolation (Fritsch-Carlson; PCHIP) of node values along x: used for Δ(x)
 * between the kinetic nodes (the detector's Δ, refined Usadel grids). Why monotone: a profile that rises from the
 * injector to the reservoir must not overshoot between nodes (a spline would, where the profile bends sharply near
 * the injector); it reproduces linear data exactly and is C¹.
 */
public final class ProfileInterpolation
{
	private final double[] x;

	private final double[] y;

	private final double[] slope;

	/** @param x strictly ascending positions, @param y values there (at least 2) */
	public ProfileInterpolation( final double[] x, final double[] y )
	{
		if ( x.length != y.length || x.length < 2 )
			throw new IllegalArgumentException( "need at least 2 points and one value per point" );
		for ( int k = 1; k < x.length; k++ )
			if ( !( x[ k ] > x[ k - 1 ] ) )
				throw new IllegalArgumentException( "positions must be strictly ascending" );
		this.x = x.clone();
		this.y = y.clone();
		final int n = x.length;
		final double[] secant = new double[ n - 1 ];
		for ( int k = 0; k < n - 1; k++ )
			secant[ k ] = ( y[ k + 1 ] - y[ k ] ) / ( x[ k + 1 ] - x[ k ] );
		slope = new double[ n ];
		slope[ 0 ] = endSlope( x[ 1 ] - x[ 0 ], n > 2 ? x[ 2 ] - x[ 1 ] : 0, secant[ 0 ], n > 2 ? secant[ 1 ] : secant[ 0 ] );
		slope[ n - 1 ] = endSlope( x[ n - 1 ] - x[ n - 2 ], n > 2 ? x[ n - 2 ] - x[ n - 3 ] : 0, secant[ n - 2 ], n > 2 ? secant[ n - 3 ] : secant[ n - 2 ] );
		for ( int k = 1; k < n - 1; k++ )
		{
			final double a = secant[ k - 1 ], b = secant[ k ];
			if ( a * b <= 0 )
				slope[ k ] = 0;
			else
			{
				// weighted harmonic mean (Fritsch-Butland form used by PCHIP)
				final double h0 = x[ k ] - x[ k - 1 ], h1 = x[ k + 1 ] - x[ k ];
				final double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
				slope[ k ] = ( w1 + w2 ) / ( w1 / a + w2 / b );
			}
		}
	}

	/** Three-point end slope, limited so that the end interval stays monotone. */
	private static double endSlope( final double h0, final double h1, final double d0, final double d1 )
	{
		if ( h1 == 0 )
			return d0;
		double s = ( ( 2 * h0 + h1 ) * d0 - h0 * d1 ) / ( h0 + h1 );
		if ( s * d0 <= 0 )
			s = 0;
		else if ( d0 * d1 <= 0 && Math.abs( s ) > Math.abs( 3 * d0 ) )
			s = 3 * d0;
		return s;
	}

	/** The interpolant at xq (clamped to the end values outside the range). */
	public double at( final double xq )
	{
		final int n = x.length;
		if ( xq <= x[ 0 ] )
			return y[ 0 ];
		if ( xq >= x[ n - 1 ] )
			return y[ n - 1 ];
		int lo = 0, hi = n - 1;
		while ( hi - lo > 1 )
		{
			final int mid = ( lo + hi ) >>> 1;
			if ( x[ mid ] <= xq )
				lo = mid;
			else
				hi = mid;
		}
		final double h = x[ hi ] - x[ lo ];
		final double t = ( xq - x[ lo ] ) / h;
		final double t2 = t * t, t3 = t2 * t;
		return ( 2 * t3 - 3 * t2 + 1 ) * y[ lo ] + ( t3 - 2 * t2 + t ) * h * slope[ lo ] + ( -2 * t3 + 3 * t2 ) * y[ hi ] + ( t3 - t2 ) * h * slope[ hi ];
	}
}
