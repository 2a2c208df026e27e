package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmStartTest
{
	private static int solves( final EnergyModeResult r )
	{
		int n = 0;
		for ( int b = 0; b < r.size(); b++ )
			n += r.scIterations( b );
		return n;
	}

	/**
	 * A sweep at γ_ee 1 % away started from the previous sweep converges to the cold sweep's Δ(V_inj) within the
	 * self-consistency tolerance (1e-9 in |Δ − RHS|, ≈ 1e-8 in Δ) and needs fewer kinetic solves; a warm start over
	 * other biases is ignored (same numbers as cold, bit for bit).
	 */
	@Test
	void warmStartedSweepAgreesWithColdAndIsCheaper()
	{
		final double[] v = new double[ 26 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.2 * b;
		final EnergyModeRun run = new EnergyModeRun();
		run.de = 0.05;
		run.threads = 1;
		final EnergyModeResult base = run.run( v, null );
		run.gammaEe = 2.02e-4;
		final EnergyModeResult cold = run.run( v, null ), warm = run.run( v, null, base.warmStart() );
		for ( int b = 0; b < v.length; b++ )
			assertEquals( cold.delta()[ b ], warm.delta()[ b ], 2e-8, "eV_inj = " + v[ b ] );
		assertTrue( solves( warm ) < 0.9 * solves( cold ), "warm " + solves( warm ) + " vs cold " + solves( cold ) + " kinetic solves" );

		final EnergyModeResult other = run.run( java.util.Arrays.copyOf( v, 25 ), null, base.warmStart() );
		final EnergyModeResult otherCold = run.run( java.util.Arrays.copyOf( v, 25 ), null );
		for ( int b = 0; b < 25; b++ )
			assertEquals( otherCold.delta()[ b ], other.delta()[ b ], 0 );
	}
}
