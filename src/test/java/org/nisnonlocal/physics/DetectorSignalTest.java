package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

public class DetectorSignalTest
{
	@Test
	public void normalStateCurrentIsOhmic()
	{
		// Δ = 0: N = 1 and ∫_0^∞ f_T^N dε = eV_det, i.e. I = G_det V_det
		final DetectorSignal d = new DetectorSignal( 0.005, 0.012, 10 );
		for ( final double v : new double[] { 0.3, 1.7, -2.2 } )
			assertEquals( v, d.current( 0, v ), 1e-10 );
	}

	@Test
	public void currentIsExactlyOddInDetectorBias()
	{
		final DetectorSignal d = new DetectorSignal( 0.005, 0.012, 10 );
		for ( final double v : new double[] { 0.5, 0.99, 1.01, 1.6 } )
			assertEquals( -d.current( 0.93, v ), d.current( 0.93, -v ), 0 );
	}

	@Test
	public void gsaIsTheChainRuleThroughDelta()
	{
		// Δ(V) = 1 − 0.02 V²: g = ∂I/∂Δ · dΔ/dV; central differences are exact for the quadratic up to I's curvature
		final DetectorSignal d = new DetectorSignal( 0.005, 0.012, 10 );
		final double[] v = new double[ 41 ];
		final double[] delta = new double[ 41 ];
		for ( int b = 0; b < v.length; b++ )
		{
			v[ b ] = 0.05 * b;
			delta[ b ] = 1 - 0.02 * v[ b ] * v[ b ];
		}
		final double vDet = 1.2;
		final double[][] g = d.gsa( v, delta, new double[] { vDet } );
		assertEquals( 0, g[ 0 ][ 0 ], 0 );
		for ( final int b : new int[] { 10, 20, 30 } )
		{
			final double h = 1e-5;
			final double dIdDelta = ( d.current( delta[ b ] + h, vDet ) - d.current( delta[ b ] - h, vDet ) ) / ( 2 * h );
			final double expected = dIdDelta * ( -0.04 * v[ b ] );
			assertEquals( expected, g[ b ][ 0 ], 2e-3 * Math.abs( expected ), "eV_inj " + v[ b ] );
		}
	}
}
