package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class GapEquationTest
{
	private static final double EULER_GAMMA = 0.5772156649015329;

	/** Weak-coupling T_c/Δ0 = e^γ/π. */
	private static final double TC_BCS = Math.exp( EULER_GAMMA ) / Math.PI;

	private static double arccosh( final double x )
	{
		return Math.log( x + Math.sqrt( x * x - 1 ) );
	}

	@Test
	public void calibratedCouplingGivesUnitGapAtZeroTemperature()
	{
		final GapEquation g = new GapEquation( 1e-4 );
		assertEquals( 1, g.delta( 0, 0 ), 1e-10 );
		// device temperatures: only the thermally populated Dynes sub-gap tail (Im F ~ εΓ) acts, ~ Γ t² = 1e-8
		assertEquals( 1, g.delta( 0.01, 0 ), 1e-7 );
		assertTrue( g.delta( 0.01, 0 ) < 1 );
		// λ ≈ 1/arccosh(ω_D) on the real axis (Γ → 0), not S's 1/arcsinh(ω_D)
		assertEquals( 1 / arccosh( 10 ), g.lambda(), 2e-4 );
		assertEquals( 0.333531, GapEquation.matsubaraLambda( 10 ), 1e-6 );
		// S's λ on the real axis gives Δ(0) = ω_D / cosh(arcsinh ω_D) = 0.995
		final double deltaWithMatsubaraLambda = 10 / Math.sqrt( 101 );
		assertEquals( 0.995037, deltaWithMatsubaraLambda, 1e-6 );
	}

	/** The quadrature is converged (refined clusters, higher order agree); an equidistant δε = 1/40 grid is not. */
	@Test
	public void quadratureConvergesAndEquidistantGridDoesNot()
	{
		final GapEquation g = new GapEquation( 1e-3 );
		for ( final double zeta : new double[] { 0, 0.05 } )
		{
			final double base = g.integral( 1, 0.1, zeta );
			final double fine = g.integral( 1, 0.1, zeta, g.quadrature( 1, 0.1, zeta, 8, 12 ) );
			assertEquals( fine, base, 1e-10 * fine );
		}
		// trapezoid on ε = k/40 (S App. B) at Γ = 1e-3: the coherence peak sits between grid points
		final double exact = g.integral( 1, 0, 0 );
		final int n = 400;
		final double[] eps = new double[ n + 1 ];
		for ( int k = 0; k <= n; k++ )
			eps[ k ] = k / 40.0;
		final SpectralGrid sg = new SpectralFunctions( 1, 1e-3, 0 ).onGrid( eps );
		double trap = 0;
		for ( int k = 0; k <= n; k++ )
			trap += ( k == 0 || k == n ? 0.5 : 1 ) * sg.imF( k ) / 40.0;
		assertTrue( Math.abs( trap - exact ) > 1e-3 * exact, "equidistant " + trap + " vs " + exact );
	}

	/** Linearized gap equation at the sharp cutoff ω_D = 10: ln(2e^γ ω_D/(π t_c)) = 1/λ ≈ arccosh(ω_D). */
	@Test
	public void criticalTemperatureWithCutoffTen()
	{
		final GapEquation g = new GapEquation( 1e-4 );
		final double tc = g.criticalTemperature( 0 );
		final double predicted = 2 * Math.exp( EULER_GAMMA ) * 10 / Math.PI / Math.exp( arccosh( 10 ) );
		assertEquals( 0.56836, predicted, 1e-5 );
		assertEquals( predicted, tc, 1e-4 );
		assertEquals( TC_BCS, tc, 2e-3 ); // the 1/(4ω_D²) cutoff shift, 0.25 %
		assertEquals( 0, g.delta( tc * 1.0001, 0 ), 0 );
		assertTrue( g.delta( tc * 0.99, 0 ) > 0.1 );
	}

	/** In the weak-coupling limit (large ω_D) t_c = e^γ/π = 0.5669 and Δ(0.5) = 0.5673 (cutoff-free BCS). */
	@Test
	public void weakCouplingLimit()
	{
		final GapEquation g = new GapEquation( 1e-4, 1000 );
		assertEquals( 1, g.delta( 0, 0 ), 1e-10 );
		assertEquals( 0.5669, TC_BCS, 1e-4 );
		assertEquals( TC_BCS, g.criticalTemperature( 0 ), 1e-4 );
		assertEquals( 0.5673, g.delta( 0.5, 0 ), 1e-3 );
		// ω_D = 10: within 1 %
		assertEquals( 0.5673, new GapEquation( 1e-4 ).delta( 0.5, 0 ), 0.01 * 0.5673 );
	}

	@Test
	public void gapDecreasesWithTemperatureAndDepairing()
	{
		final GapEquation g = new GapEquation( 1e-3 );
		final double[] t = { 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.55 };
		final double[] d = g.curve( t, 0 );
		for ( int i = 1; i < t.length; i++ )
			assertTrue( d[ i ] < d[ i - 1 ], "not decreasing at t = " + t[ i ] );
		final double d0 = g.delta( 0.02, 0 );
		final double d1 = g.delta( 0.02, 0.05 );
		final double d2 = g.delta( 0.02, 0.2 );
		assertTrue( d1 < d0 && d2 < d1, d0 + " " + d1 + " " + d2 );
		// Abrikosov-Gor'kov at T = 0, small ζ: Δ(ζ) ≈ 1 − πζ/4
		assertEquals( 1 - Math.PI * 0.05 / 4, d1, 0.01 );
		assertTrue( g.criticalTemperature( 0.05 ) < g.criticalTemperature( 0 ) );
		// Abrikosov-Gor'kov: at T = 0 superconductivity ends at ζ = Δ(0)/2
		final GapEquation weak = new GapEquation( 1e-4 );
		assertTrue( weak.delta( 0.002, 0.495 ) > 0.05 );
		assertEquals( 0, weak.delta( 0.002, 0.505 ), 0 );
	}
}
