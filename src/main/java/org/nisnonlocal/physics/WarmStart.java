package org.nisnonlocal.physics;

/**
 * A converged sweep kept as the starting point of the next one over the same biases with nearby parameters (a map
 * fit re-runs the sweep for γ_ee, Γ, κ_I a few per cent apart): per bias Δ, the secant slope of the gap iteration and
 * the whole f_L(ε, x). Only the start changes; the next sweep converges to its own tolerances, so its numbers agree
 * with a cold sweep to the solver's tolerance (not bit for bit).
 */
public final class WarmStart
{
	final double[] biases;

	final double[] delta;

	final double[] slope;

	final double[][][] fL;

	final int energies, nodes;

	WarmStart( final double[] biases, final double[] delta, final double[] slope, final double[][][] fL, final int energies, final int nodes )
	{
		this.biases = biases;
		this.delta = delta;
		this.slope = slope;
		this.fL = fL;
		this.energies = energies;
		this.nodes = nodes;
	}

	/** Whether this can start a sweep over these biases on this grid (same biases, energies and x nodes). */
	boolean fits( final double[] sweepBiases, final int sweepEnergies, final int sweepNodes )
	{
		return java.util.Arrays.equals( biases, sweepBiases ) && energies == sweepEnergies && nodes == sweepNodes;
	}
}
