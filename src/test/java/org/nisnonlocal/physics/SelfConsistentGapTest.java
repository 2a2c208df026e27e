package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

public class SelfConsistentGapTest
{
	private static final double[] EPS = EnergyModeSolver.energyGrid( 10, 0.025 );

	private static final double T_INJ = 0.0198, T_BATH = 0.00781;

	private static SelfConsistentGap gap( final double gammaEe, final int refine, final double tInj )
	{
		return new SelfConsistentGap( new EnergyModeSolver( EPS, 1.054e-4, 84.6, 21, gammaEe ), 0.005, 10, tInj, T_BATH, refine );
	}

	@Test
	public void equilibriumInjectionGivesTheEquilibriumGap()
	{
		final double expected = new GapEquation( 0.005 ).delta( T_BATH, 0 );
		assertEquals( 1, expected, 1e-5 ); // λ is calibrated so that Δ(0) = 1
		for ( final double gammaEe : new double[] { 0, 2e-4 } )
		{
			final SelfConsistentGap.Point p = gap( gammaEe, 1, T_BATH ).solve( 0, 0.97, Double.NaN, null, "test" );
			assertEquals( expected, p.delta(), 1e-8, "gamma_ee " + gammaEe );
		}
	}

	@Test
	public void elasticGapIsSmoothMonotonicAndResolved()
	{
		final double[] v = new double[ 51 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.1 * b;
		final List< SelfConsistentGap.Point > coarse = gap( 0, 1, T_INJ ).sweep( v, 1, null );
		final List< SelfConsistentGap.Point > fine = gap( 0, 2, T_INJ ).sweep( v, 1, null );
		for ( int b = 0; b < v.length; b++ )
		{
			// the gap-equation quadrature is converged: doubling its resolution changes nothing visible
			assertEquals( coarse.get( b ).delta(), fine.get( b ).delta(), 1e-8, "eV " + v[ b ] );
			if ( b > 0 )
				assertTrue( coarse.get( b ).delta() <= coarse.get( b - 1 ).delta() + 1e-12, "monotonic at eV " + v[ b ] );
		}
		// quick drop once eV passes Δ, then nearly flat (S Fig. 11a): most of the fall happens between 0.8 and 1.2
		final double drop = coarse.get( 8 ).delta() - coarse.get( 12 ).delta();
		final double rest = coarse.get( 12 ).delta() - coarse.get( 50 ).delta();
		assertTrue( drop > 0.02 && drop > 1.5 * rest, drop + " vs " + rest );
	}

	@Test
	public void reconstructionReproducesTheGridSolutionAtGridEnergies()
	{
		// with node-sampled spectral functions the rebuilt f_L uses the grid's own N, M, D_L at the grid energies (cell
		// averages differ from the values at the nodes by O(δε²) where the coherence peak is narrow)
		final SelfConsistentGap g = gap( 2e-4, 1, T_INJ ).pointSampled();
		final EnergyModeSolver s = new EnergyModeSolver( EPS, 1.054e-4, 84.6, 21, 2e-4 );
		final EnergyModeSolver.Solution sol = s.solve( g.spectral( 0.93 ), 3.5, T_INJ, T_BATH, null, "test" );
		final double[] rebuilt = g.injectorDistribution( 0.93, 3.5, sol, EPS );
		final double[] grid = sol.atInjector();
		for ( int i = 0; i < EPS.length; i++ )
			assertEquals( grid[ i ], rebuilt[ i ], 1e-9, "eps " + EPS[ i ] );
	}

	@Test
	public void scatteringLowersTheGapAboveThreeDelta()
	{
		// inelastic Δ follows the elastic one below ~3Δ0 and falls clearly below it at high bias (S Fig. 11a)
		final double elastic2 = gap( 0, 1, T_INJ ).solve( 2, 0.96, Double.NaN, null, "test" ).delta();
		final double inelastic2 = gap( 2e-4, 1, T_INJ ).solve( 2, 0.96, Double.NaN, null, "test" ).delta();
		final double elastic45 = gap( 0, 1, T_INJ ).solve( 4.5, 0.95, Double.NaN, null, "test" ).delta();
		final double inelastic45 = gap( 2e-4, 1, T_INJ ).solve( 4.5, 0.95, Double.NaN, null, "test" ).delta();
		assertEquals( elastic2, inelastic2, 0.01 );
		assertTrue( elastic45 - inelastic45 > 0.04, elastic45 + " vs " + inelastic45 );
	}
}
