package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class EnergyModeSolverTest
{
	private static final double KAPPA = 1.054e-4;

	private static final double HALF = 84.6;

	private static final double[] EPS = EnergyModeSolver.energyGrid( 10, 0.05 );

	private static final SpectralGrid SC = new SpectralFunctions( 1, 0.005, 0 ).onGrid( EPS );

	private static double maxDiff( final double[][] a, final double[][] b )
	{
		double m = 0;
		for ( int k = 0; k < a.length; k++ )
			for ( int i = 0; i < a[ k ].length; i++ )
				m = Math.max( m, Math.abs( a[ k ][ i ] - b[ k ][ i ] ) );
		return m;
	}

	private static double[][] uniform( final int p, final double[] values )
	{
		final double[][] f = new double[ p ][];
		for ( int k = 0; k < p; k++ )
			f[ k ] = values.clone();
		return f;
	}

	@Test
	public void newtonWithoutScatteringReproducesTheClosedFormAndItsConstantEnergyCurrent()
	{
		final EnergyModeSolver s = new EnergyModeSolver( EPS, KAPPA, HALF, 21, 0 );
		final double[][] exact = s.elastic( SC, 2.0, 0.0198, 0.00781 );
		// start far away (f_L = 0): the solver must find the linear profile itself
		final EnergyModeSolver.Solution sol = s.solve( SC, 2.0, 0.0198, 0.00781, new double[ 20 ][ EPS.length ], "test" );
		assertEquals( 0, maxDiff( exact, sol.fL() ), 1e-10 );
		assertEquals( 1, sol.newtonIterations() ); // linear problem, exact preconditioner
		// spectral energy current D_L ∂x f_L: the same in every cell and equal to the tunnel current (to rounding of f ~ 1e-16)
		final double[] x = s.positions();
		for ( int i = 0; i < EPS.length; i += 7 )
		{
			final double d = SC.dL( i );
			final double tunnel = KAPPA * SC.n( i ) * ( sol.fL()[ 0 ][ i ] - EnergyModeSolver.injector( EPS[ i ], 2.0, 0.0198 ) );
			for ( int k = 0; k < 19; k++ )
			{
				final double flux = d * ( sol.fL()[ k + 1 ][ i ] - sol.fL()[ k ][ i ] ) / ( x[ k + 1 ] - x[ k ] );
				assertEquals( tunnel, flux, 1e-9 * Math.abs( tunnel ) + 1e-14 * d, "eps " + EPS[ i ] + " cell " + k );
			}
		}
		// below the bias (|ε| < eV) the injector has f_L^N = 0: f_L(0) = D_L/(D_L + κ N ℓ), the bath's weight
		final int at15 = ( int ) Math.round( ( 1.5 + 10 ) / 0.05 );
		final double n = SC.n( at15 ), d = SC.dL( at15 );
		assertEquals( d / ( d + KAPPA * n * HALF ), exact[ 0 ][ at15 ], 1e-9 );
	}

	@Test
	public void equilibriumInjectionIsAnExactFixedPointWithScattering()
	{
		final EnergyModeSolver s = new EnergyModeSolver( EPS, KAPPA, HALF, 21, 2e-4 );
		final double t = 0.0198;
		final double[] n0 = new double[ EPS.length ];
		for ( int i = 0; i < EPS.length; i++ )
			n0[ i ] = Math.tanh( EPS[ i ] / ( 2 * t ) );
		final EnergyModeSolver.Solution sol = s.solve( SC, 0, t, t, uniform( 20, n0 ), "test" );
		assertEquals( 0, sol.newtonIterations() );
		assertEquals( 0, maxDiff( uniform( 20, n0 ), sol.fL() ), 0 );
	}

	@Test
	public void weakScatteringTendsToTheElasticSolution()
	{
		final double[][] elastic = new EnergyModeSolver( EPS, KAPPA, HALF, 21, 0 ).elastic( SC, 4, 0.0198, 0.00781 );
		final double d9 = maxDiff( elastic, new EnergyModeSolver( EPS, KAPPA, HALF, 21, 1e-9 ).solve( SC, 4, 0.0198, 0.00781, null, "test" ).fL() );
		final double d8 = maxDiff( elastic, new EnergyModeSolver( EPS, KAPPA, HALF, 21, 1e-8 ).solve( SC, 4, 0.0198, 0.00781, null, "test" ).fL() );
		// the deviation is linear in γ_ee
		assertTrue( d9 > 0 );
		assertEquals( 10, d8 / d9, 0.1 );
		assertTrue( d9 < 1e-4, "" + d9 );
	}

	@Test
	public void scatteringConservesEnergyAndNumberCurrentsAlongTheWire()
	{
		final EnergyModeSolver s = new EnergyModeSolver( EPS, KAPPA, HALF, 21, 2e-4 );
		final EnergyModeSolver.Solution sol = s.solve( SC, 4, 0.0198, 0.00781, null, "test" );
		assertTrue( sol.newtonIterations() >= 1 );
		final double[][] f = sol.fL();
		final double[][] elastic = s.elastic( SC, 4, 0.0198, 0.00781 );
		// scattering matters at this bias: f_L(0) differs from the elastic one by much more than the tolerance
		assertTrue( maxDiff( elastic, f ) > 1e-2, "" + maxDiff( elastic, f ) );
		final double[] x = s.positions();
		double first = 0, firstN = 0;
		for ( int k = 0; k < 19; k++ )
		{
			double energy = 0, number = 0, abs = 0;
			for ( int i = 0; i < EPS.length; i++ )
			{
				final double flux = SC.dL( i ) * ( f[ k + 1 ][ i ] - f[ k ][ i ] ) / ( x[ k + 1 ] - x[ k ] );
				energy += EPS[ i ] * flux;
				number += flux;
				abs += Math.abs( EPS[ i ] * flux );
			}
			if ( k == 0 )
			{
				first = energy;
				firstN = number;
				assertTrue( Math.abs( energy ) > 1e-3 * abs );
			}
			assertEquals( first, energy, 1e-7 * abs, "energy current, cell " + k );
			assertEquals( firstN, number, 1e-7 * abs, "number current, cell " + k );
		}
	}
}
