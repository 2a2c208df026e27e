package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A point (one of 40 random physical parameter sets tried: γ_ee = 6.81e-3, Γ = 7.09e-4, κ_I = 1.18e-6, L = 399 ξ,
 * t_inj = 0.0594, t_det = t_bath = 0.0165, eV_inj = 0) where Newton's line search could not lower the scaled residual
 * below 1.12e-9, above the 1e-10 tolerance, and the sweep failed with "solver stalled". Moving f_L by 4 ulps changes
 * that residual by 1.28e-9: the iterate was converged as far as doubles allow. It is now accepted as such, and the
 * gap there is the equilibrium one (eV_inj = 0: no injection), 1 − 1.3e-6.
 */
class RoundingLimitedNewtonTest
{
	@Test
	void aResidualAtItsRoundingLevelIsConvergedNotStalled()
	{
		final EnergyModeRun run = new EnergyModeRun();
		run.gammaEe = 0.00681;
		run.gamma = 0.000709;
		run.kappa = 1.18e-6;
		run.length = 399;
		run.tInj = 0.0594;
		run.tDet = 0.0165;
		run.tBath = 0.0165;
		run.threads = 1;
		final EnergyModeResult r = run.run( new double[] { 0, 0.5 }, null );
		// at T ≪ T_c the BCS gap is 1 to exponentially small corrections; Γ = 7e-4 lowers it by ~Γ²-order amounts
		assertEquals( 1, r.delta()[ 0 ], 1e-5 );
		assertTrue( r.delta()[ 1 ] <= r.delta()[ 0 ], "injection lowers the gap: " + r.delta()[ 1 ] + " vs " + r.delta()[ 0 ] );
	}
}
