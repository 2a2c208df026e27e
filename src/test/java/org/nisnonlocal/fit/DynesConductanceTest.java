package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.physics.DynesDos;

class DynesConductanceTest
{
	static final double DELTA = 265e-6, GAMMA = 1e-6, T = 0.061;

	/** Independent reference: Simpson's rule on N·(−f') with a 0.005 µeV step over ±25 k_BT. */
	static double reference( final double x, final double delta, final double gamma, final double temperature )
	{
		final double kT = DynesConductance.K_B * temperature;
		final double lo = x - 25 * kT;
		final int n = 2 * ( int ) Math.ceil( 25 * kT / 0.005e-6 );
		final double step = 50 * kT / n;
		double s = 0;
		for ( int i = 0; i <= n; i++ )
		{
			final double e = lo + i * step;
			final double c = Math.cosh( ( e - x ) / ( 2 * kT ) );
			final double v = DynesDos.n( e, delta, gamma ) / ( 4 * kT * c * c );
			s += v * ( i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2 );
		}
		return s * step / 3;
	}

	@Test
	void latticeRuleMatchesDirectQuadrature()
	{
		final double[] x = { 0, 150e-6, 250e-6, 262e-6, 265e-6, 268e-6, 280e-6, -300e-6, 600e-6, 1.4e-3 };
		final DynesConductance model = new DynesConductance( DynesConductance.stepFor( T, 0, 3e-3 ) );
		final double[] g = model.normalized( x, DELTA, GAMMA, T, 0 );
		double worst = 0;
		for ( int i = 0; i < x.length; i++ )
		{
			final double r = reference( x[ i ], DELTA, GAMMA, T );
			worst = Math.max( worst, Math.abs( g[ i ] - r ) );
		}
		// measured 1.09e-3 at 8 points per k_BT (2.7e-4 at 16: the rule is O(h²)), at the peak G/G_N ≈ 3.66,
		// i.e. 0.03 % of the peak, far below measurement noise
		assertEquals( 0, worst, 1.2e-3 );
		// in the gap: G(0)/G_N ≈ Γ/Δ for k_BT ≪ Δ
		assertEquals( GAMMA / DELTA, g[ 0 ], 0.02 * GAMMA / DELTA );
		// far out (5.3 Δ) it is BCS, 1/sqrt(1 − (Δ/x)²), up to the Sommerfeld term (π²/6)(k_BT)²N'' ≈ 3e-6
		assertEquals( 1 / Math.sqrt( 1 - Math.pow( DELTA / x[ 9 ], 2 ) ), g[ 9 ], 1e-5 );
	}

	@Test
	void lockInKernelHasUnitAreaAndSemicircleVariance()
	{
		// variance of the semicircle of radius a is a²/4 = V_rms²/2
		final double a = 3.0;
		double area = 0, var = 0;
		final int n = 100000;
		for ( int i = 0; i < n; i++ )
		{
			final double u0 = -a + 2 * a * i / n, u1 = -a + 2 * a * ( i + 1 ) / n;
			final double w = DynesConductance.lockInCell( u0, u1, a );
			area += w;
			var += w * Math.pow( 0.5 * ( u0 + u1 ), 2 );
		}
		assertEquals( 1, area, 1e-12 );
		assertEquals( a * a / 4, var, 1e-6 );
	}

	@Test
	void lockInBroadeningConservesAreaAndLowersThePeak()
	{
		final double[] x = new double[ 601 ];
		for ( int i = 0; i < x.length; i++ )
			x[ i ] = -1.5e-3 + i * 5e-6;
		final DynesConductance model = new DynesConductance( DynesConductance.stepFor( T, 15e-6, 3e-3 ) );
		final double[] g0 = model.normalized( x, DELTA, GAMMA, T, 0 );
		final double[] g1 = model.normalized( x, DELTA, GAMMA, T, 15e-6 );
		double s0 = 0, s1 = 0, p0 = 0, p1 = 0;
		for ( int i = 0; i < x.length; i++ )
		{
			s0 += g0[ i ] - 1;
			s1 += g1[ i ] - 1;
			p0 = Math.max( p0, g0[ i ] );
			p1 = Math.max( p1, g1[ i ] );
		}
		// a symmetric kernel of unit area moves no spectral weight: ∫(G − G_N) unchanged to 0.1 % of the peak area
		assertEquals( s0, s1, 1e-3 * Math.abs( s0 ) + 1e-6 * x.length );
		System.out.println( "peak G/G_N without / with 15 µV rms lock-in: " + p0 + " / " + p1 );
		assertEquals( true, p1 < 0.9 * p0 );
	}
}
