package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class ProfileInterpolationTest
{
	private static final double[] X = { 0, 0.2, 0.85, 1.9, 3.4, 5.3, 7.6, 13.5, 21, 42, 84.6 };

	@Test
	public void reproducesLinearDataAndTheNodes()
	{
		final double[] y = new double[ X.length ];
		for ( int k = 0; k < X.length; k++ )
			y[ k ] = 0.5 + 0.003 * X[ k ];
		final ProfileInterpolation p = new ProfileInterpolation( X, y );
		for ( double x = 0; x <= 84.6; x += 0.37 )
			assertEquals( 0.5 + 0.003 * x, p.at( x ), 1e-14 );
		assertEquals( y[ 4 ], p.at( 3.4 ), 0 );
	}

	@Test
	public void aSharpRiseIsNotOvershot()
	{
		// the dip injection digs: flat, then a rise over a few ξ, then flat; a cubic spline overshoots such data
		final double[] y = new double[ X.length ];
		for ( int k = 0; k < X.length; k++ )
			y[ k ] = X[ k ] < 2 ? 0.57 : 0.99;
		final ProfileInterpolation p = new ProfileInterpolation( X, y );
		double prev = p.at( 0 );
		for ( double x = 0; x <= 84.6; x += 0.01 )
		{
			final double v = p.at( x );
			assertTrue( v >= 0.57 - 1e-15 && v <= 0.99 + 1e-15, "at " + x + ": " + v );
			assertTrue( v >= prev - 1e-15, "monotone at " + x );
			prev = v;
		}
		// continuity of the slope at a node
		final double h = 1e-6;
		final double left = ( p.at( 3.4 ) - p.at( 3.4 - h ) ) / h, right = ( p.at( 3.4 + h ) - p.at( 3.4 ) ) / h;
		assertEquals( left, right, 1e-4 + 1e-4 * Math.abs( left ) );
	}

	@Test
	public void smoothDataConvergeAtThirdOrderOrBetter()
	{
		// a smooth profile on nodes refined by 2: the error falls by ≥ 8 (PCHIP is third order away from extrema)
		final double e1 = error( 11 ), e2 = error( 21 );
		assertTrue( e2 < e1 / 6, e1 + " then " + e2 );
	}

	private static double error( final int n )
	{
		final double[] x = new double[ n ], y = new double[ n ];
		for ( int k = 0; k < n; k++ )
		{
			x[ k ] = 20.0 * k / ( n - 1 );
			y[ k ] = 1 - 0.4 * Math.exp( -x[ k ] / 5 );
		}
		final ProfileInterpolation p = new ProfileInterpolation( x, y );
		double m = 0;
		for ( double t = 0; t <= 20; t += 0.013 )
			m = Math.max( m, Math.abs( p.at( t ) - ( 1 - 0.4 * Math.exp( -t / 5 ) ) ) );
		return m;
	}
}
