package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The self-consistent gap profile Δ(x) (issue 17): limits that are known independently of this solver. */
public class LocalSelfConsistentGapTest
{
	private static final double GAMMA = 0.005;

	private static LocalGapRun run( final double de, final int points, final double gammaEe )
	{
		final LocalGapRun r = new LocalGapRun();
		r.de = de;
		r.points = points;
		r.gammaEe = gammaEe;
		return r;
	}

	private static double[] solve( final LocalGapRun r, final double v )
	{
		return r.solver().sweep( new double[] { v }, null, false ).get( 0 ).delta();
	}

	@Test
	public void withoutInjectionTheProfileIsTheEquilibriumGapAtEveryNode()
	{
		// one temperature everywhere and V = 0: f_L = n0 is exact, so every node must sit at the equilibrium gap of
		// GapEquation (its own quadrature, no kinetics), for both spectral models
		final GapEquation eq = new GapEquation( GAMMA );
		for ( final double t : new double[] { 0.0078, 0.15, 0.35 } )
			for ( final LocalGapRun.Spectra model : LocalGapRun.Spectra.values() )
			{
				final LocalGapRun r = run( 0.025, 11, 2e-4 );
				r.spectra = model;
				r.tInj = t;
				r.tBath = t;
				final double expected = eq.delta( t, 0 );
				final double[] d = solve( r, 0 );
				for ( int k = 0; k < d.length; k++ )
					assertEquals( expected, d[ k ], 1e-8, model + ", t = " + t + ", node " + k );
			}
	}

	@Test
	public void theProfileIsEvenInTheInjectorBias()
	{
		final LocalGapRun r = run( 0.05, 11, 2e-4 );
		assertArrayEquals( solve( r, 1.7 ), solve( r, -1.7 ), 0 );
	}

	@Test
	public void weakElasticInjectionGivesALinearProfile()
	{
		// γ_ee = 0 and a suppression far below Γ (no trapping, D_L nearly uniform): f_L − n0 is linear in x between
		// injector and reservoir, and the gap equation is local, so Δ_eq − Δ(x) ∝ 1 − x/ℓ
		final LocalGapRun r = run( 0.025, 21, 0 );
		final double[] d = solve( r, 0.5 );
		final double[] x = r.solver().kinetics().positions();
		final double l = x[ x.length - 1 ], eq = d[ d.length - 1 ], dip = eq - d[ 0 ];
		assertTrue( dip > 1e-4 && dip < 0.1 * GAMMA, "suppression " + dip );
		for ( int k = 0; k < x.length; k++ )
			assertEquals( 1 - x[ k ] / l, ( eq - d[ k ] ) / dip, 0.02, "x = " + x[ k ] );
	}

	@Test
	public void aShortElasticWireApproachesTheUniformModel()
	{
		// γ_ee = 0, local spectra: as the wire shortens the gap varies less (∝ κ ℓ) and Δ(0) tends to the uniform
		// model's Δ; the relative difference of the suppression falls in proportion to the length
		final double[] rel = new double[ 2 ];
		final double[] halves = { 1.25, 2.5 };
		for ( int h = 0; h < 2; h++ )
		{
			final LocalGapRun r = run( 0.025, 11, 0 );
			r.spectra = LocalGapRun.Spectra.LOCAL;
			r.length = 2 * halves[ h ];
			r.xDetector = 1;
			final double[] d = solve( r, 2 );
			final EnergyModeRun u = new EnergyModeRun();
			u.gammaEe = 0;
			u.length = r.length;
			u.points = 11;
			final double uniform = u.run( new double[] { 2 }, null ).delta()[ 0 ];
			rel[ h ] = ( d[ 0 ] - uniform ) / ( d[ d.length - 1 ] - uniform );
		}
		assertTrue( Math.abs( rel[ 0 ] ) < 0.03 && Math.abs( rel[ 1 ] ) < 0.06, java.util.Arrays.toString( rel ) );
		assertEquals( 2, rel[ 1 ] / rel[ 0 ], 0.4 );
	}

	@Test
	public void injectionDigsTheGapAtTheInjectorAndTheReservoirKeepsEquilibrium()
	{
		final LocalGapRun r = run( 0.05, 11, 2e-4 );
		final double[] d = solve( r, 2.5 );
		final double bath = new GapEquation( GAMMA ).delta( r.tBath, 0 );
		assertEquals( bath, d[ d.length - 1 ], 1e-8 );
		for ( int k = 1; k < d.length; k++ )
			assertTrue( d[ k ] >= d[ k - 1 ], "rises away from the injector: " + java.util.Arrays.toString( d ) );
		assertTrue( d[ 0 ] < bath - 0.01, "suppressed at the injector: " + d[ 0 ] );
	}
}
