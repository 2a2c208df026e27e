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

	/** The energy grid of f_L. */
	private final double[] grid;

	WarmStart( final double[] biases, final double[] delta, final double[] slope, final double[][][] fL, final double[] grid, final int nodes )
	{
		this.biases = biases;
		this.delta = delta;
		this.slope = slope;
		this.fL = fL;
		this.grid = grid;
		this.energies = grid.length;
		this.nodes = nodes;
	}

	/**
	 * This sweep as the start of one over other biases on another energy grid of the same x nodes (a finer grid's
	 * reference sweep started from the fit's coarse one): each bias takes the Δ, slope and f_L of the nearest bias here,
	 * f_L interpolated linearly in ε onto the new grid. Why: a cold sweep walks up from V_inj = 0 with several kinetic
	 * solves per bias to find Δ; from the coarse solution Δ is off by the grid error only (≲ 3e-3) and f_L by less than
	 * its own resolution, so each bias converges in a few Newton steps and the biases below the fitted ones need no
	 * solve at all. Only the start changes; each point converges to the solver's own tolerances.
	 */
	public WarmStart onto( final double[] newBiases, final double[] newGrid )
	{
		final int n = newBiases.length;
		final double[] d = new double[ n ], s = new double[ n ];
		final double[][][] f = new double[ n ][][];
		for ( int b = 0; b < n; b++ )
		{
			int near = 0;
			for ( int j = 1; j < biases.length; j++ )
				if ( Math.abs( biases[ j ] - newBiases[ b ] ) < Math.abs( biases[ near ] - newBiases[ b ] ) )
					near = j;
			d[ b ] = delta[ near ];
			s[ b ] = slope[ near ];
			f[ b ] = new double[ fL[ near ].length ][];
			for ( int k = 0; k < f[ b ].length; k++ )
				f[ b ][ k ] = interpolate( grid, fL[ near ][ k ], newGrid );
		}
		return new WarmStart( newBiases.clone(), d, s, f, newGrid.clone(), nodes );
	}

	/** Linear interpolation of y(x) onto xs (x ascending; constant beyond its ends). */
	private static double[] interpolate( final double[] x, final double[] y, final double[] xs )
	{
		final double[] out = new double[ xs.length ];
		int j = 0;
		for ( int i = 0; i < xs.length; i++ )
		{
			final double v = xs[ i ];
			while ( j < x.length - 2 && x[ j + 1 ] < v )
				j++;
			final double t = Math.max( 0, Math.min( 1, ( v - x[ j ] ) / ( x[ j + 1 ] - x[ j ] ) ) );
			out[ i ] = y[ j ] + t * ( y[ j + 1 ] - y[ j ] );
		}
		return out;
	}

	/** Whether this can start a sweep over these biases on this grid (same biases, energies and x nodes). */
	boolean fits( final double[] sweepBiases, final int sweepEnergies, final int sweepNodes )
	{
		return java.util.Arrays.equals( biases, sweepBiases ) && energies == sweepEnergies && nodes == sweepNodes;
	}
}
