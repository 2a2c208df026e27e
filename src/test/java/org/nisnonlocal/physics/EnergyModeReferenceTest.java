package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Pins Δ(V_inj) of the energy-mode sweep to the values of the full-grid solver as it was before the speed-ups
 * (commit b83bfd4: per-call spectra of length L, allocation per residual), so that optimizations of the solver
 * and of the collision integral cannot move results. δε = 1/40 and M = 21 for test speed; paper defaults otherwise.
 */
public class EnergyModeReferenceTest
{
	/** Δ at eV_inj = 0, 0.2, …, 5 for Γ = 0.005, computed by b83bfd4. */
	private static final double[] DELTA_GAMMA_005 = {
			0.9999977468310944, 0.9999315661735318, 0.9997085698832281, 0.9992220476646224, 0.9980230090416204,
			0.9789015390649254, 0.96719156921103, 0.9649296030007928, 0.9636170794435532, 0.9626993775982692,
			0.9619801577698442, 0.9612989718096431, 0.960538414098027, 0.9595906463678764, 0.95812872647873,
			0.9493039184208067, 0.9415046734101156, 0.9324715384075881, 0.9224570233945704, 0.9166850434132582,
			0.9093190923157956, 0.8999033732413525, 0.8953219477532127, 0.8899697795547871, 0.8821866842722295,
			0.8727445763256133 };

	/** The same for Γ = 1.53e-3 (the fine sweep's Dynes parameter). */
	private static final double[] DELTA_GAMMA_153 = {
			0.9999991351362886, 0.999972182623827, 0.999880510150546, 0.9996759460421458, 0.9991443234543856,
			0.9750012100272335, 0.9673968573865657, 0.9647936966967064, 0.9633656740630286, 0.9623925036736072,
			0.9616585074753916, 0.9610270550231018, 0.9604003355491688, 0.9597127157106137, 0.9588469998464549,
			0.9479771638356848, 0.942761855769577, 0.934686718471094, 0.9220527141353348, 0.9179418336540621,
			0.9112483415989897, 0.8979985545476097, 0.8957321884275812, 0.8914782215739145, 0.8848661581603813,
			0.8719452190596595 };

	private static double[] sweep( final double gamma )
	{
		final EnergyModeRun r = new EnergyModeRun();
		r.gamma = gamma;
		r.points = 21;
		// the reference was made with node-sampled spectral functions (the paper's scheme)
		r.pointSampled = true;
		final double[] v = new double[ 26 ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = 0.2 * i;
		return r.run( v, null ).delta();
	}

	private static void assertClose( final double[] expected, final double[] actual )
	{
		assertEquals( expected.length, actual.length );
		for ( int b = 0; b < expected.length; b++ )
			assertEquals( expected[ b ], actual[ b ], 1e-9, "eV_inj = " + 0.2 * b );
	}

	@Test
	public void deltaMatchesTheFullGridSolverAtGamma005()
	{
		assertClose( DELTA_GAMMA_005, sweep( 0.005 ) );
	}

	@Test
	public void deltaMatchesTheFullGridSolverAtGamma153e3()
	{
		assertClose( DELTA_GAMMA_153, sweep( 1.53e-3 ) );
	}
}
