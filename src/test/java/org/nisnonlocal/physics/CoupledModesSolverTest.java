package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-energy exact solution of S Eqs. 9-10: analytic limits, conservation laws, and the finite-volume check. */
public class CoupledModesSolverTest
{
	private static final double KAPPA = 2.1e-4;

	private static SpectralGrid grid( final double eps, final double gamma, final double zeta )
	{
		return new SpectralFunctions( 1, gamma, zeta ).onGrid( new double[] { eps } );
	}

	private static CoupledModesSolver solver( final SpectralGrid g, final double phaseGradient, final double length )
	{
		return new CoupledModesSolver( g.n( 0 ), g.dL( 0 ), g.dT( 0 ), g.rT( 0 ), g.jEps( 0 ) * phaseGradient, KAPPA, length );
	}

	/** Without coupling: f_T is S Eq. 21 on a finite half wire with κ_I/2, f_L is linear to the reservoirs. */
	@Test
	public void uncoupledIsTheHalfWireClosedForm()
	{
		final double l = 84.5;
		final double d = 4.62;
		for ( final double eps : new double[] { 0.5, 0.999, 1.01, 2 } )
		{
			final SpectralGrid g = grid( eps, 1.53e-3, 0 );
			final CoupledModesSolver s = solver( g, 0, 2 * l );
			final double n = g.n( 0 );
			final double q = Math.sqrt( g.rT( 0 ) / g.dT( 0 ) );
			final double kh = KAPPA / 2;
			final double fT = kh * n * Math.sinh( q * ( l - d ) ) / Math.sinh( q * l ) / ( kh * n + g.dT( 0 ) * q / Math.tanh( q * l ) );
			assertEquals( 1, s.solve( 0, 1 ).fT( d ) / fT, 1e-12, "f_T at eps " + eps );
			assertEquals( 1, s.solve( 0, 1 ).fT( -d ) / fT, 1e-12, "f_T mirror at eps " + eps );
			assertEquals( 0, s.solve( 0, 1 ).fL( d ), 1e-300 );
			final double u0 = kh * n / ( kh * n + g.dL( 0 ) / l );
			assertEquals( 1, s.solve( 1, 0 ).fL( d ) / ( u0 * ( l - d ) / l ), 1e-12, "f_L at eps " + eps );
			assertEquals( 0, s.solve( 1, 0 ).fT( d ), 1e-300 );
		}
	}

	/**
	 * First order in the coupling c: the f_L drive u0 (ℓ − |x|)/ℓ sources D_T v'' − R_T v = c u0 sign(x)/ℓ, whose
	 * odd solution vanishing at the reservoirs is v = −(c u0/(ℓ R_T)) sign(x) [1 − cosh(q(|x| − ℓ/2))/cosh(qℓ/2)].
	 */
	@Test
	public void weakCouplingMatchesFirstOrderPerturbation()
	{
		final double l = 84.5;
		final double d = 4.62;
		for ( final double eps : new double[] { 0.8, 1.01, 1.3, 2 } )
		{
			final SpectralGrid g = grid( eps, 1.53e-3, 0 );
			final double c = 1e-7;
			final CoupledModesSolver s = new CoupledModesSolver( g.n( 0 ), g.dL( 0 ), g.dT( 0 ), g.rT( 0 ), c, KAPPA, 2 * l );
			final double kh = KAPPA / 2;
			final double u0 = kh * g.n( 0 ) / ( kh * g.n( 0 ) + g.dL( 0 ) / l );
			final double q = Math.sqrt( g.rT( 0 ) / g.dT( 0 ) );
			final double v = -c * u0 / ( l * g.rT( 0 ) ) * ( 1 - Math.cosh( q * ( d - l / 2 ) ) / Math.cosh( q * l / 2 ) );
			final CoupledModesSolver.Profile p = s.solve( 1, 0 );
			assertEquals( 1, p.fT( d ) / v, 1e-6, "eps " + eps );
			assertEquals( -1, p.fT( -d ) / v, 1e-6, "eps " + eps );
		}
	}

	/** J_L = D_L f_L' + c f_T is constant on each branch, J_T' = R_T f_T, and the jumps at 0 are the tunnel source. */
	@Test
	public void spectralCurrentsAreConservedAndJumpByTheSource()
	{
		final double l = 10;
		for ( final double eps : new double[] { 0.5, 0.96, 1.02, 1.5 } )
		{
			final SpectralGrid g = grid( eps, 1.53e-3, 0.045 );
			final double c = g.jEps( 0 ) * 0.3;
			final CoupledModesSolver s = new CoupledModesSolver( g.n( 0 ), g.dL( 0 ), g.dT( 0 ), g.rT( 0 ), c, KAPPA, 2 * l );
			final CoupledModesSolver.Profile p = s.solve( 0.7, 0.3 );
			final double scale = Math.abs( currentL( g, c, p, 0 ) ) + Math.abs( currentL( g, c, p, -0.0 ) );
			assertTrue( scale > 0 );
			for ( final double side : new double[] { 1, -1 } )
			{
				final double j0 = currentL( g, c, p, side > 0 ? 0 : -0.0 );
				for ( final double x : new double[] { 0.3, 2, 7, 10 } )
					assertEquals( j0, currentL( g, c, p, side * x ), 1e-11 * scale, "J_L at eps " + eps + ", x " + side * x );
				// J_T(b) − J_T(a) = R_T ∫_a^b f_T dx (composite Simpson, 4000 intervals)
				final double a = side * 0.5;
				final double b = side * 6;
				final int m = 4000;
				double integral = 0;
				for ( int i = 0; i <= m; i++ )
				{
					final double w = i == 0 || i == m ? 1 : ( i % 2 == 1 ? 4 : 2 );
					integral += w * p.fT( a + ( b - a ) * i / m );
				}
				integral *= ( b - a ) / m / 3;
				final double dJ = currentT( g, c, p, b ) - currentT( g, c, p, a );
				assertEquals( g.rT( 0 ) * integral, dJ, 1e-9 * Math.abs( dJ ), "J_T balance at eps " + eps );
			}
			final double kn = KAPPA * g.n( 0 );
			final double jumpL = currentL( g, c, p, 0 ) - currentL( g, c, p, -0.0 );
			final double jumpT = currentT( g, c, p, 0 ) - currentT( g, c, p, -0.0 );
			assertEquals( kn * ( p.fL( 0 ) - 0.7 ), jumpL, 1e-10 * kn );
			assertEquals( kn * ( p.fT( 0 ) - 0.3 ), jumpT, 1e-10 * kn );
			// continuity at the injector, reservoirs at the ends
			assertEquals( p.fL( 0 ), p.fL( -0.0 ), 1e-13 );
			assertEquals( p.fT( 0 ), p.fT( -0.0 ), 1e-13 );
			assertEquals( 0, p.fL( l ), 1e-13 );
			assertEquals( 0, p.fT( -l ), 1e-13 );
		}
	}

	private static double currentL( final SpectralGrid g, final double c, final CoupledModesSolver.Profile p, final double x )
	{
		return g.dL( 0 ) * p.derivative( x )[ 0 ] + c * p.fT( x );
	}

	private static double currentT( final SpectralGrid g, final double c, final CoupledModesSolver.Profile p, final double x )
	{
		return g.dT( 0 ) * p.derivative( x )[ 1 ] + c * p.fL( x );
	}

	/**
	 * The finite-volume solution converges to the exponential one at second order: at h = 0.005 ξ the relative
	 * difference is below (k h)² (the leading truncation term is (k h)²/12 of the solution), and halving h divides
	 * it by 4 (3.5 … 4.5). Sub-gap energies included, with D_L down to 1e-8 (Γ = 1e-4).
	 */
	@Test
	public void finiteDifferenceAgreesAtSecondOrder()
	{
		final double length = 20;
		final double x = 5;
		final double[][] cases = { { 0.3, 1e-4 }, { 0.5, 1.53e-3 }, { 0.97, 1.53e-3 }, { 1.01, 1.53e-3 }, { 1.3, 1.53e-3 }, { 2.5, 1.53e-3 } };
		for ( final double[] cs : cases )
		{
			final SpectralGrid g = grid( cs[ 0 ], cs[ 1 ], 0.045 );
			final double c = g.jEps( 0 ) * 0.3;
			final CoupledModesSolver s = solver( g, 0.3, length );
			if ( cs[ 0 ] == 0.3 )
				assertTrue( g.dL( 0 ) < 1e-7, "sub-gap D_L " + g.dL( 0 ) );
			final double kh = s.decayConstant() * length / 2 / 2000;
			for ( final double[] src : new double[][] { { 1, 0 }, { 0, 1 } } )
			{
				final double exact = s.solve( src[ 0 ], src[ 1 ] ).fT( x );
				final double err1 = new CoupledModesFiniteDifference( g.n( 0 ), g.dL( 0 ), g.dT( 0 ), g.rT( 0 ), c, KAPPA, length, 1000, src[ 0 ], src[ 1 ] ).fT( x ) - exact;
				final double err2 = new CoupledModesFiniteDifference( g.n( 0 ), g.dL( 0 ), g.dT( 0 ), g.rT( 0 ), c, KAPPA, length, 2000, src[ 0 ], src[ 1 ] ).fT( x ) - exact;
				final String what = "eps " + cs[ 0 ] + ", source " + src[ 0 ] + "," + src[ 1 ];
				assertTrue( Math.abs( err2 ) < kh * kh * Math.abs( exact ), what + ": " + err2 / exact );
				assertEquals( 4, err1 / err2, 0.5, what );
			}
		}
	}
}
