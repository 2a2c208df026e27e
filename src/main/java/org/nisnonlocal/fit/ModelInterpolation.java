package org.nisnonlocal.fit;

/**
 * The model vector m(u) between three evaluated sweeps u_a &lt; u_b &lt; u_c (u = log10 γ_ee), interpolated point by point
 * by the quadratic through them, and χ²(u) of that interpolant. Why: near its optimum a γ_ee fit needs χ² and dm/du at
 * many u (the minimum to well below its error, the Δχ² = 1 crossings, the covariance), and each real u costs a
 * self-consistent sweep. m(u) is smooth in u on the scale of a decade, so over a spacing of 0.05 decades the quadratic's
 * error (third order in the spacing) is far below any map's noise, while χ² itself, quadratic in m, is not well
 * described by a parabola through three of its values once the fit is tight.
 */
final class ModelInterpolation
{
	private final double[] u;

	private final double[][] m;

	private final double[] g, weight;

	/**
	 * @param u three distinct log10 γ_ee, ascending
	 * @param m the model at each of them (not copied: the caller's cached arrays, not changed here)
	 * @param g the data
	 * @param sigma per-point σ, or null for σ = 1
	 */
	ModelInterpolation( final double[] u, final double[][] m, final double[] g, final double[] sigma )
	{
		if ( u.length != 3 || m.length != 3 || !( u[ 0 ] < u[ 1 ] && u[ 1 ] < u[ 2 ] ) )
			throw new IllegalArgumentException( "need three ascending points" );
		this.u = u.clone();
		this.m = m;
		this.g = g;
		this.weight = new double[ g.length ];
		for ( int k = 0; k < g.length; k++ )
			weight[ k ] = sigma == null ? 1 : 1 / sigma[ k ];
	}

	double lower() { return u[ 0 ]; }

	double centre() { return u[ 1 ]; }

	double upper() { return u[ 2 ]; }

	/** Lagrange weights of the three nodes at v, and of their derivative (indices 3-5). */
	private double[] weights( final double v )
	{
		final double a = u[ 0 ], b = u[ 1 ], c = u[ 2 ];
		final double da = ( a - b ) * ( a - c ), db = ( b - a ) * ( b - c ), dc = ( c - a ) * ( c - b );
		return new double[] { ( v - b ) * ( v - c ) / da, ( v - a ) * ( v - c ) / db, ( v - a ) * ( v - b ) / dc, ( 2 * v - b - c ) / da, ( 2 * v - a - c ) / db,
				( 2 * v - a - b ) / dc };
	}

	/** The interpolated model at v. */
	double[] values( final double v )
	{
		final double[] w = weights( v );
		final double[] out = new double[ g.length ];
		for ( int k = 0; k < out.length; k++ )
			out[ k ] = w[ 0 ] * m[ 0 ][ k ] + w[ 1 ] * m[ 1 ][ k ] + w[ 2 ] * m[ 2 ][ k ];
		return out;
	}

	/** dm/du at v. */
	double[] slope( final double v )
	{
		final double[] w = weights( v );
		final double[] out = new double[ g.length ];
		for ( int k = 0; k < out.length; k++ )
			out[ k ] = w[ 3 ] * m[ 0 ][ k ] + w[ 4 ] * m[ 1 ][ k ] + w[ 5 ] * m[ 2 ][ k ];
		return out;
	}

	/** χ² of the interpolated model at v. */
	double chi2( final double v )
	{
		final double[] w = weights( v );
		double s = 0;
		for ( int k = 0; k < g.length; k++ )
		{
			final double r = ( g[ k ] - ( w[ 0 ] * m[ 0 ][ k ] + w[ 1 ] * m[ 1 ][ k ] + w[ 2 ] * m[ 2 ][ k ] ) ) * weight[ k ];
			s += r * r;
		}
		return s;
	}

	/** The minimum of {@link #chi2} on [lo, hi] by golden-section search to {@code tolerance} (χ² here costs microseconds). */
	double minimum( final double lo, final double hi, final double tolerance )
	{
		final double r = ( Math.sqrt( 5 ) - 1 ) / 2;
		double a = lo, b = hi;
		double x1 = b - r * ( b - a ), x2 = a + r * ( b - a );
		double f1 = chi2( x1 ), f2 = chi2( x2 );
		while ( b - a > tolerance )
			if ( f1 <= f2 )
			{
				b = x2;
				x2 = x1;
				f2 = f1;
				x1 = b - r * ( b - a );
				f1 = chi2( x1 );
			}
			else
			{
				a = x1;
				x1 = x2;
				f1 = f2;
				x2 = a + r * ( b - a );
				f2 = chi2( x2 );
			}
		final double mid = 0.5 * ( a + b );
		// an end of the interval can be lower than the bracket's interior (a minimum at the edge)
		double best = mid, value = chi2( mid );
		for ( final double e : new double[] { lo, hi } )
			if ( chi2( e ) < value )
			{
				best = e;
				value = chi2( e );
			}
		return best;
	}

	/**
	 * Where χ²/scale first reaches {@code target} going from {@code from} in direction dir, within the interpolation
	 * interval; NaN when it does not reach it there (the caller then searches with real sweeps).
	 */
	double crossing( final double from, final int dir, final double target, final double scale, final double tolerance )
	{
		final double end = dir > 0 ? u[ 2 ] : u[ 0 ];
		if ( chi2( end ) / scale < target )
			return Double.NaN;
		double inner = from, outer = end;
		while ( Math.abs( outer - inner ) > tolerance )
		{
			final double mid = 0.5 * ( inner + outer );
			if ( chi2( mid ) / scale >= target )
				outer = mid;
			else
				inner = mid;
		}
		return 0.5 * ( inner + outer );
	}
}
