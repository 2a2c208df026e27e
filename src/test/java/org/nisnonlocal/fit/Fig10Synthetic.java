package org.nisnonlocal.fit;

import java.util.Random;

import org.nisnonlocal.physics.ChargeImbalanceModel;

/** Synthetic S Fig. 10 data: g_ss(eV_inj) of the analytic model with S Table 1's device plus seeded Gaussian noise. */
final class Fig10Synthetic
{
	static final double GAMMA = 1.53e-3;

	/** Absolute noise of the synthetic curves (G_inj G_det R_ξ): 1 % of g at 1.5 Δ0, where g ≈ 10 (and ≈ 1 at Δ0). */
	static final double NOISE = 0.1;

	private Fig10Synthetic() {}

	/** 0, 0.01, …, 3 (301 biases; 151 of them in the default range 0 … 1.5). */
	static double[] bias()
	{
		final double[] v = new double[ 301 ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = i / 100.0; // exact decimals: range ends such as 1.2 fall on a point
		return v;
	}

	static double[] exact( final double[] v, final double gamma, final double phaseGradient )
	{
		return new ChargeImbalanceModel( 1, gamma, 0.5 * phaseGradient * phaseGradient, ChargeImbalanceFitOptions.TABLE1_KAPPA, ChargeImbalanceFitOptions.TABLE1_DISTANCE,
				ChargeImbalanceFitOptions.TABLE1_T, ChargeImbalanceFitOptions.TABLE1_LENGTH ).conductance( v );
	}

	static double[] noisy( final double[] exact, final double noise, final long seed )
	{
		final Random r = new Random( seed );
		final double[] g = exact.clone();
		for ( int i = 0; i < g.length; i++ )
			g[ i ] += noise * r.nextGaussian();
		return g;
	}
}
