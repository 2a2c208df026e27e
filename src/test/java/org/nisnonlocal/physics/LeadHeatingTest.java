package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Heated normal leads (docs/physics.md §20): the junction's heat current, the balance, and the self-consistent sweep. */
public class LeadHeatingTest
{
	private static final double T_BATH = 0.0078;

	/** N and an equilibrium f_L = n0(t) at the nodes of the heat rule. */
	private static double[][] equilibrium( final Quadrature q, final double delta, final double gamma, final double t )
	{
		final SpectralGrid g = new SpectralFunctions( delta, gamma, 0 ).onGrid( q.nodes() );
		final double[][] r = new double[ 2 ][ q.size() ];
		for ( int j = 0; j < q.size(); j++ )
		{
			r[ 0 ][ j ] = g.n( j );
			r[ 1 ][ j ] = EnergyModeSolver.n0( q.node( j ), t );
		}
		return r;
	}

	@Test
	public void heatCurrentIsZeroInEquilibriumAndHeatsAboveTheGap()
	{
		final Quadrature q0 = LeadHeating.rule( 1, 0.005, 0, 10, T_BATH );
		final double[][] eq = equilibrium( q0, 1, 0.005, T_BATH );
		assertEquals( 0, LeadHeating.heatOut( q0, eq[ 0 ], eq[ 1 ], 0, T_BATH ), 1e-14 );
		// a lead at the superconductor's temperature: only the bias drives heat; far above the gap it heats the lead
		final Quadrature q2 = LeadHeating.rule( 1, 0.005, 2, 10, T_BATH );
		final double[][] eq2 = equilibrium( q2, 1, 0.005, T_BATH );
		final double q = LeadHeating.heatOut( q2, eq2[ 0 ], eq2[ 1 ], 2, T_BATH );
		assertTrue( q < 0, "heat out of the lead at eV = 2: " + q );
		// it is less than the Joule power I V (the rest heats the superconductor)
		final double i = LeadHeating.current( q2, eq2[ 0 ], 2, T_BATH );
		assertTrue( -q < i * 2 && -q > 0.1 * i * 2, "q = " + q + ", IV = " + i * 2 );
	}

	@Test
	public void cleanJunctionCoolsJustBelowTheGapAsTheKnownOptimum()
	{
		// NIS cooler (Giazotto et al. RMP 78, 217 (2006)): at k_BT << Δ the best cooling power is
		// ≈ 0.59 (Δ²/e²R_T)(k_BT/Δ)^{3/2}, at eV ≈ Δ − 0.66 k_BT
		final double t = 0.05, gamma = 1e-7;
		double best = 0, at = 0;
		for ( double v = 0.8; v <= 1.0; v += 0.002 )
		{
			final Quadrature q = LeadHeating.rule( 1, gamma, v, 10, t );
			final double[][] eq = equilibrium( q, 1, gamma, t );
			final double p = LeadHeating.heatOut( q, eq[ 0 ], eq[ 1 ], v, t );
			if ( p > best )
			{
				best = p;
				at = v;
			}
		}
		assertEquals( 0.59 * Math.pow( t, 1.5 ), best, 0.1 * 0.59 * Math.pow( t, 1.5 ) );
		assertEquals( 1 - 0.66 * t, at, 0.02 );
		// so the balance puts such a lead below its phonon bath
		final Quadrature q = LeadHeating.rule( 1, gamma, at, 10, t );
		final double[][] eq = equilibrium( q, 1, gamma, t );
		assertTrue( new LeadHeating( 2e9, 1e-19, 25e-6, 0, t ).temperature( q, eq[ 0 ], eq[ 1 ], at ) < t );
	}

	@Test
	public void balanceReturnsTheBathWhenTheLeadIsHuge()
	{
		final Quadrature q = LeadHeating.rule( 1, 0.005, 3, 10, T_BATH );
		final double[][] eq = equilibrium( q, 1, 0.005, T_BATH );
		final double small = new LeadHeating( 2e9, 8e-19, 25e-6, 0, T_BATH ).temperature( q, eq[ 0 ], eq[ 1 ], 3 );
		final double huge = new LeadHeating( 2e9, 8e-9, 25e-6, 0, T_BATH ).temperature( q, eq[ 0 ], eq[ 1 ], 3 );
		assertTrue( small > 5 * T_BATH, "small lead " + small );
		assertEquals( T_BATH, huge, 1e-3 * T_BATH );
		// and the lead's own Joule heat only warms it further
		assertTrue( new LeadHeating( 2e9, 8e-19, 25e-6, 100, T_BATH ).temperature( q, eq[ 0 ], eq[ 1 ], 3 ) > small );
	}

	private static EnergyModeRun setup()
	{
		final EnergyModeRun s = new EnergyModeRun();
		s.de = 0.05;
		s.points = 11;
		s.threads = 1;
		return s;
	}

	@Test
	public void sweepHeatsTheLeadsAboveTheBathAndNotAtZeroBias()
	{
		final EnergyModeRun s = setup();
		s.leadHeating = true;
		final double[] v = { 0, 0.5, 1, 1.5, 2, 3 };
		final double[] vDet = { -1.5, 0, 1.5 };
		final HeatedLeadMap m = s.heatedMap( v, vDet, null );
		assertEquals( s.tBath, m.tInj[ 0 ], 1e-12 );
		assertEquals( s.tBath, m.tDet[ 0 ][ 1 ], 1e-9 );
		for ( int b = 1; b < v.length; b++ )
		{
			assertTrue( m.tInj[ b ] > m.tInj[ b - 1 ], "injector lead warms with the bias at " + v[ b ] );
			for ( int d = 0; d < vDet.length; d++ )
				assertTrue( m.tDet[ b ][ d ] >= s.tBath, "detector lead at " + v[ b ] + ", " + vDet[ d ] );
			// even in V_det
			assertEquals( m.tDet[ b ][ 0 ], m.tDet[ b ][ 2 ], 1e-10 );
		}
		// a hot injector lead suppresses the gap more than the 61 mK electrode at eV = 3 (T_N there ≈ 0.1)
		final EnergyModeRun cold = setup();
		assertTrue( m.result.delta()[ 5 ] < cold.run( v, null ).delta()[ 5 ] );
	}

	@Test
	public void hugeLeadIsTheModelWithTheElectrodesAtTheBath()
	{
		final EnergyModeRun s = setup();
		s.leadHeating = true;
		s.leadVolume = 1e-7;
		final double[] v = { 0, 1, 2.5 };
		final HeatedLeadMap m = s.heatedMap( v, new double[] { 1.5 }, null );
		final EnergyModeRun bath = setup();
		bath.tInj = bath.tBath;
		bath.tDet = bath.tBath;
		final double[] d = bath.run( v, null ).delta();
		for ( int b = 0; b < v.length; b++ )
		{
			assertEquals( d[ b ], m.result.delta()[ b ], 2e-9, "Delta at " + v[ b ] );
			assertEquals( s.tBath, m.tInj[ b ], 1e-4 * s.tBath );
			assertEquals( s.tBath, m.tDet[ b ][ 0 ], 1e-4 * s.tBath );
		}
	}

	@Test
	public void distributionAtTheNodesIsTheGridSolution()
	{
		final EnergyModeRun s = setup();
		final EnergyModeSolver solver = new EnergyModeSolver( EnergyModeSolver.energyGrid( s.omegaD, s.de ), s.kappa, s.length / 2, s.points, s.gammaEe );
		// node-sampled spectral functions: then the rebuild at grid energies is the grid solution
		final SelfConsistentGap gap = new SelfConsistentGap( solver, s.gamma, s.omegaD, s.tInj, s.tBath, 1 ).pointSampled();
		final SelfConsistentGap.Point p = gap.solve( 2, 0.96, Double.NaN, null, "test" );
		final double[] x = solver.positions();
		final double[] eps = solver.energies();
		for ( final int k : new int[] { 0, 3 } )
		{
			final double[] f = gap.distributionAt( p.delta(), 2, p.solution(), eps, x[ k ] );
			for ( int i = 0; i < eps.length; i += 37 )
				assertEquals( p.solution().fL()[ k ][ i ], f[ i ], 1e-9, "node " + k + ", eps " + eps[ i ] );
		}
		// halfway between nodes 3 and 4: the mean
		final double[] mid = gap.distributionAt( p.delta(), 2, p.solution(), eps, 0.5 * ( x[ 3 ] + x[ 4 ] ) );
		assertEquals( 0.5 * ( p.solution().fL()[ 3 ][ 250 ] + p.solution().fL()[ 4 ][ 250 ] ), mid[ 250 ], 1e-9 );
	}
}
