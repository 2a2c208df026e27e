package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The detector as a second injecting junction (docs/physics.md §21). */
public class TwoJunctionTest
{
	private static EnergyModeRun setup()
	{
		final EnergyModeRun s = new EnergyModeRun();
		s.de = 0.05;
		s.points = 11;
		s.threads = 1;
		return s;
	}

	private static EnergyModeSolver solver( final EnergyModeRun s )
	{
		return new EnergyModeSolver( EnergyModeSolver.energyGrid( s.omegaD, s.de ), s.kappa, s.length / 2, s.points, s.gammaEe );
	}

	@Test
	public void newtonWithTheDetectorTermConvergesToItsElasticSolution()
	{
		// residual, Jacobian and preconditioner carry the same detector term as the direct elastic solve
		final EnergyModeRun s = setup();
		final EnergyModeSolver two = new EnergyModeSolver( EnergyModeSolver.energyGrid( s.omegaD, s.de ), s.kappa, s.length / 2, s.points, 0 ).withDetector( s.distance, s.kappaDet, 1.5, s.tDet );
		final SpectralGrid g = new SpectralFunctions( 0.97, s.gamma, 0 ).onGrid( two.energies() );
		final double[][] exact = two.elastic( g, 2, s.tInj, s.tBath );
		final double[][] start = two.elastic( g, 1.7, s.tInj, s.tBath );
		final EnergyModeSolver.Solution sol = two.solve( g, 2, s.tInj, s.tBath, start, "test" );
		for ( int k = 0; k < exact.length; k++ )
			for ( int i = 0; i < exact[ k ].length; i += 7 )
				assertEquals( exact[ k ][ i ], sol.fL()[ k ][ i ], 1e-9 );
		// and the detector term is there: f_L at the node below x_det differs from the single-junction solution
		final double[][] single = solver( s ).elastic( g, 2, s.tInj, s.tBath );
		double diff = 0;
		for ( int i = 0; i < exact[ 0 ].length; i++ )
			diff = Math.max( diff, Math.abs( exact[ 3 ][ i ] - single[ 3 ][ i ] ) );
		assertTrue( diff > 1e-4, "detector changes f_L by " + diff );
	}

	@Test
	public void vanishingDetectorCouplingIsTheSingleJunctionModel()
	{
		final double[] v = { 0, 1, 3 };
		final EnergyModeRun s = setup();
		final double[] single = s.run( v, null ).delta();
		final EnergyModeRun two = setup();
		two.detectorBias = 2;
		two.kappaDet = 1e-14;
		final double[] d = two.run( v, null ).delta();
		for ( int b = 0; b < v.length; b++ )
			assertEquals( single[ b ], d[ b ], 3e-9, "at " + v[ b ] );
	}

	@Test
	public void injectorGapIsEvenInTheDetectorBiasAndSuppressedAboveTheGap()
	{
		final double[] v = { 0, 0.5 };
		final EnergyModeRun plus = setup(), minus = setup(), zero = setup();
		plus.detectorBias = 1.6;
		minus.detectorBias = -1.6;
		zero.detectorBias = 0;
		final EnergyModeResult p = plus.run( v, null ), m = minus.run( v, null ), z = zero.run( v, null );
		final double[] single = setup().run( v, null ).delta();
		for ( int b = 0; b < v.length; b++ )
		{
			assertEquals( p.delta()[ b ], m.delta()[ b ], 0, "even in V_det at " + v[ b ] );
			assertEquals( p.localGap()[ b ], m.localGap()[ b ], 0 );
			// an injecting detector suppresses the gap; an unbiased one still couples the wire to its 37 mK lead,
			// which cools the injected wire a little (measured: 4e-7 at eV_inj = 0, 2e-4 at 0.5)
			assertTrue( p.delta()[ b ] < z.delta()[ b ] - 1e-2, "suppression at " + v[ b ] );
			assertEquals( single[ b ], z.delta()[ b ], 5e-4 );
			System.out.println( "two-junction at eV_inj = " + v[ b ] + ": Delta " + p.delta()[ b ] + ", local at detector " + p.localGap()[ b ] + ", V_det = 0: " + z.delta()[ b ] + ", single " + single[ b ] );
		}
	}

	@Test
	public void unbiasedDetectorAtTheElectrodesTemperatureIsTheSingleJunctionModel()
	{
		// V_det = 0 with its lead at the wire's temperature: the second junction carries nothing
		final double[] v = { 0, 0.3 };
		final EnergyModeRun s = setup();
		s.tInj = s.tBath;
		s.tDet = s.tBath;
		final double[] single = s.run( v, null ).delta();
		final EnergyModeRun two = s.copy();
		two.detectorBias = 0;
		final double[] d = two.run( v, null ).delta();
		assertEquals( single[ 0 ], d[ 0 ], 3e-9 );
		// once the injector heats the wire, the unbiased detector is one more cold drain: Δ can only rise
		// (measured 6e-5 at eV_inj = 0.3)
		assertTrue( d[ 1 ] > single[ 1 ] && d[ 1 ] - single[ 1 ] < 1e-3, d[ 1 ] + " against " + single[ 1 ] );
	}

	@Test
	public void heatedLeadsOfAHugeVolumeAreTheTwoJunctionModelAtTheBath()
	{
		final double[] v = { 0, 1, 2.5 };
		final EnergyModeRun bath = setup();
		bath.tInj = bath.tBath;
		bath.tDet = bath.tBath;
		final EnergyModeRun heated = setup();
		heated.leadHeating = true;
		heated.leadVolume = 1e-7;
		final double[] vDet = { -1.5, 1.5 };
		final TwoJunctionMap a = bath.twoJunctionMap( v, vDet, null ), b = heated.twoJunctionMap( v, vDet, null );
		for ( int i = 0; i < v.length; i++ )
		{
			assertEquals( a.deltaInjector[ i ][ 1 ], b.deltaInjector[ i ][ 1 ], 2e-9, "at " + v[ i ] );
			assertEquals( bath.tBath, b.tInjector[ i ][ 1 ], 1e-4 * bath.tBath );
			assertEquals( bath.tBath, b.tDetector[ i ][ 1 ], 1e-4 * bath.tBath );
			assertEquals( b.tDetector[ i ][ 0 ], b.tDetector[ i ][ 1 ], 0 );
		}
		// a small lead: the detector heats its own lead and, through the wire, the injector's
		final EnergyModeRun small = setup();
		small.leadHeating = true;
		final TwoJunctionMap c = small.twoJunctionMap( new double[] { 0, 0.5 }, new double[] { 0, 1.5 }, null );
		assertEquals( small.tBath, c.tInjector[ 0 ][ 0 ], 1e-9 );
		assertTrue( c.tDetector[ 0 ][ 1 ] > 5 * small.tBath && c.tInjector[ 0 ][ 1 ] > 2 * small.tBath, c.tDetector[ 0 ][ 1 ] + ", " + c.tInjector[ 0 ][ 1 ] );
	}

	@Test
	public void energyInjectedByBothJunctionsLeavesAtTheReservoir()
	{
		final EnergyModeRun s = setup();
		final EnergyModeSolver two = solver( s ).withDetector( s.distance, s.kappaDet, 1.8, s.tDet );
		final SelfConsistentGap gap = new SelfConsistentGap( two, s.gamma, s.omegaD, s.tInj, s.tBath, 1 );
		final SelfConsistentGap.Point p = gap.solve( 2.5, 0.95, Double.NaN, null, "test" );
		final SpectralGrid g = gap.spectral( p.delta() );
		final double[] eps = two.energies(), x = two.positions(), h = two.cellSteps();
		final double[][] f = p.solution().fL();
		final int last = f.length - 1, k = two.detectorNode();
		final double w = two.detectorWeight();
		double injector = 0, detector = 0, reservoir = 0;
		for ( int i = 0; i < eps.length; i++ )
		{
			final double e = Math.abs( eps[ i ] ), sign = Math.signum( eps[ i ] );
			// heat currents into the wire, −Σ ε κN (f^N − f_L) (a hot electrode has the smaller f_L at ε > 0)
			injector -= e * sign * s.kappa * g.n( i ) * ( EnergyModeSolver.injector( eps[ i ], 2.5, s.tInj ) - f[ 0 ][ i ] );
			detector -= e * sign * s.kappaDet * g.n( i ) * ( two.detectorSource( eps[ i ] ) - ( ( 1 - w ) * f[ k ][ i ] + w * f[ k + 1 ][ i ] ) );
			reservoir -= e * sign * g.dL( i ) / h[ last ] * ( f[ last ][ i ] - EnergyModeSolver.n0( eps[ i ], s.tBath ) );
		}
		assertTrue( x[ k ] <= s.distance && s.distance < x[ k + 1 ] );
		assertTrue( injector > 0 && detector > 0, injector + " " + detector );
		System.out.println( "energy balance: injector " + injector + ", detector " + detector + ", reservoir " + reservoir );
		// electron-electron scattering conserves energy: what both junctions put in leaves at the end
		assertEquals( injector + detector, reservoir, 1e-6 * ( injector + detector ) );
	}
}
