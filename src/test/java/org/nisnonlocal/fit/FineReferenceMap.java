package org.nisnonlocal.fit;

import java.util.Random;

import org.nisnonlocal.physics.EnergyModeRun;

/**
 * g_sa at a fixed set of points from a discretization much finer than, and different from, any the fit uses: spectral
 * functions sampled at the nodes (not cell-averaged) of an energy grid δε = 1/800 (six times finer than Γ = 0.005),
 * 41 nodes in x, exact bias derivative. Made once per JVM (≈ 1 min) and shared by the honesty tests, which add their
 * own seeded noise: the fit's model cannot reproduce it by construction, only by converging to the same continuum.
 */
final class FineReferenceMap
{
	static final double GAMMA_EE = 2e-4;

	/** V_inj 1.5 … 5 every 0.25 (15 columns), V_det −1.95 … 1.95 every 0.2 (20 rows): 300 points. */
	static final double[] V_INJ, V_DET;

	static
	{
		final int columns = 15, rows = 20;
		V_INJ = new double[ columns * rows ];
		V_DET = new double[ columns * rows ];
		for ( int j = 0; j < rows; j++ )
			for ( int i = 0; i < columns; i++ )
			{
				V_INJ[ j * columns + i ] = 1.5 + 0.25 * i;
				V_DET[ j * columns + i ] = Math.round( ( -1.95 + 0.2 * j ) * 100 ) / 100.0;
			}
	}

	private static double[] truth;

	private FineReferenceMap() {}

	static EnergyModeRun fineSetup( final double gammaEe, final double gamma, final double delta0Scale )
	{
		final EnergyModeRun s = new EnergyModeRun();
		s.gammaEe = gammaEe;
		s.gamma = gamma;
		s.de = 1.0 / 800;
		s.points = 41;
		s.pointSampled = true;
		return s;
	}

	/** The noiseless reference at γ_ee = 2e-4, Γ = 0.005, s = 1 (cached). */
	static synchronized double[] truth()
	{
		if ( truth == null )
		{
			final long t0 = System.nanoTime();
			final EnergyModeRun s = fineSetup( GAMMA_EE, 0.005, 1 );
			truth = new EnergyModeMapModel( s, 0.25, V_INJ, V_DET ).values( GAMMA_EE ).clone();
			System.out.printf( "fine reference map (delta_epsilon = 1/800 node-sampled, 41 x nodes, %d points) in %.1f s%n", truth.length, ( System.nanoTime() - t0 ) * 1e-9 );
		}
		return truth.clone();
	}

	/** σ = 1 % of max |g_sa| of the reference (the noise level). */
	static double sigma()
	{
		double max = 0;
		for ( final double v : truth() )
			max = Math.max( max, Math.abs( v ) );
		return 0.01 * max;
	}

	/** The reference plus seeded Gaussian noise σ. */
	static double[] noisy( final long seed )
	{
		final double[] g = truth();
		final double sigma = sigma();
		final Random r = new Random( seed );
		for ( int k = 0; k < g.length; k++ )
			g[ k ] += sigma * r.nextGaussian();
		return g;
	}
}
