package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The local-gap sweep's outputs: determinism, the detector's DOS, the g_sa derivative. */
public class LocalGapSweepTest
{
	private static LocalGapRun coarse()
	{
		final LocalGapRun r = new LocalGapRun();
		r.de = 0.05;
		r.points = 11;
		return r;
	}

	@Test
	public void resultsDoNotDependOnTheThreadCount()
	{
		final double[] v = { 0, 0.5, 1.5, 2, 2.5, 3 };
		final LocalGapRun r = coarse();
		r.threads = 1;
		final LocalGapResult one = r.run( v, null );
		r.threads = 2;
		final LocalGapResult two = r.run( v, null );
		for ( int b = 0; b < v.length; b++ )
		{
			assertArrayEquals( one.profile( b ), two.profile( b ), 0, "bias " + v[ b ] );
			assertArrayEquals( one.fL( b ), two.fL( b ), 0 );
		}
		assertArrayEquals( one.deltaDetector(), two.deltaDetector(), 0 );
		// Δ at the injector is the first node, Δ at the detector lies between its neighbours
		final double[] x = one.positions();
		for ( int b = 0; b < v.length; b++ )
		{
			assertEquals( one.profile( b )[ 0 ], one.deltaInjector()[ b ], 0 );
			int k = 0;
			while ( x[ k + 1 ] < 4.62 )
				k++;
			final double lo = Math.min( one.profile( b )[ k ], one.profile( b )[ k + 1 ] ), hi = Math.max( one.profile( b )[ k ], one.profile( b )[ k + 1 ] );
			assertTrue( one.deltaDetector()[ b ] >= lo && one.deltaDetector()[ b ] <= hi );
		}
	}

	@Test
	public void aCancelActsWithinABiasPointNotOnlyBetweenThem()
	{
		// a cold start at eV = 2.5 takes dozens of kinetic solves; a cancel after the third must stop the point there
		final LocalGapRun r = coarse();
		r.points = 7;
		final int[] asked = { 0 }, done = { 0 };
		final SelfConsistentGap.Progress p = new SelfConsistentGap.Progress()
		{
			@Override
			public void done( final int k, final int n ) { done[ 0 ]++; }

			@Override
			public boolean cancelled() { return ++asked[ 0 ] > 3; }
		};
		final org.nisnonlocal.BadInputException e = assertThrows( org.nisnonlocal.BadInputException.class, () -> r.solver().sweep( new double[] { 2.5 }, p, false ) );
		assertTrue( e.getMessage().contains( "cancelled" ), e.getMessage() );
		assertEquals( 4, asked[ 0 ] );
		assertEquals( 0, done[ 0 ] );
	}

	@Test
	public void theDetectorCurrentOfAUniformProfileIsTheUniformModels()
	{
		// peer code: DetectorSignal integrates N(ε; Δ) f_T^N on its own rule per detector bias
		final double[] nodes = { 0, 1, 3, 10, 40, 84.6 };
		final double[] flat = { 0.93, 0.93, 0.93, 0.93, 0.93, 0.93 };
		final double[] vDet = { -1.5, -0.95, -0.3, 0, 0.2, 0.93, 1.05, 2 };
		final DetectorSignal reference = new DetectorSignal( 0.005, 0.012, 10 );
		for ( final ProfileSpectra model : new ProfileSpectra[] { new LocalSpectra( 0.005 ), new UsadelWire( nodes, 0.005, 1 ) } )
		{
			final double[] got = new ProfileDetector( model, nodes, 4.62, 0.012, 10 ).currents( flat, vDet );
			for ( int d = 0; d < vDet.length; d++ )
				assertEquals( reference.current( 0.93, vDet[ d ] ), got[ d ], 1e-9 * ( 1 + Math.abs( got[ d ] ) ), model.getClass().getSimpleName() + " V_det " + vDet[ d ] );
		}
	}

	@Test
	public void theDetectorSeesItsOwnGap()
	{
		// a profile rising from 0.6 to 1: the detector's DOS has its coherence peak near the local Δ(x_det), not at
		// the injector's; its current at eV_det just above Δ(x_det) is much larger than a detector at the injector's gap
		// would carry at eV_det just below Δ(x_det)
		final double[] nodes = { 0, 1, 3, 6, 10, 40, 84.6 };
		final double[] delta = { 0.6, 0.62, 0.7, 0.85, 0.95, 0.99, 1 };
		final ProfileDetector det = new ProfileDetector( new UsadelWire( nodes, 0.005, 4 ), nodes, 4.62, 0.012, 10 );
		final double local = det.deltaAt( delta );
		assertTrue( local > 0.7 && local < 0.85, "Delta(x_det) " + local );
		final double[] dos = det.dos( delta, new double[] { 0.65, local + 0.02 } );
		assertTrue( dos[ 0 ] < 0.5, "inside the detector's gap: " + dos[ 0 ] );
		assertTrue( dos[ 1 ] > 1, "above it: " + dos[ 1 ] );
	}
}
