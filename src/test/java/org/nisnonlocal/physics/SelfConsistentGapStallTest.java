package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelfConsistentGapStallTest
{
	/**
	 * A point where the interleaved secant on Δ wandered for 60 kinetic solves (|Δ − RHS| stuck near 6e-6) and the
	 * sweep failed: 21 x nodes, δε = 1/20, γ_ee = 2.0535e-4, eV = 4. With the bisection fallback on fully converged
	 * kinetic solutions it converges, and Δ still falls monotonically through it (above 3Δ0 with scattering). The
	 * point is ill-conditioned (dφ/dΔ ≈ −0.03 there against ≈ −0.3 elsewhere): 31 x nodes give 0.904905, this 0.904749.
	 */
	@Test
	void stalledSecantFallsBackToBisectionAndConverges()
	{
		final EnergyModeRun run = new EnergyModeRun();
		run.gammaEe = 2.0535e-4;
		run.de = 0.05;
		run.points = 21;
		run.threads = 1;
		// the point that stalled, with node-sampled spectral functions (as when it was found)
		run.pointSampled = true;
		final double[] v = new double[ 22 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.25 * b;
		final EnergyModeResult r = run.run( v, null );
		final double[] d = r.delta();
		final int at4 = 16;
		assertTrue( Math.abs( v[ at4 ] - 4 ) < 1e-12 );
		assertTrue( d[ at4 - 1 ] > d[ at4 ] && d[ at4 ] > d[ at4 + 1 ], "Delta(3.75, 4, 4.25) = " + d[ at4 - 1 ] + ", " + d[ at4 ] + ", " + d[ at4 + 1 ] );
		assertTrue( Math.abs( d[ at4 ] - 0.904905 ) < 1e-3, "Delta(4) = " + d[ at4 ] + " against 0.904905 with 31 x nodes" );
		assertTrue( r.scIterations( at4 ) > 40, "the point needed the fallback: " + r.scIterations( at4 ) + " kinetic solves" );
	}
}
