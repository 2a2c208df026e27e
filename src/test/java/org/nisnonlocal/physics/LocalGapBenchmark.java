package org.nisnonlocal.physics;

import java.util.Locale;

/**
 * The paper's set (51 biases 0 … 5 step 0.1 plus the derivative's margin, γ_ee = 2e-4, Γ = 0.005) with the local gap
 * against the uniform model: timing (wall and process CPU), Δ at injector and detector, g_sa differences, and the
 * local approximation's DOS error on the converged profiles. A main, not a test (it takes a minute); the seed of
 * {@code bench-energy --gap-profile local}. Usage:
 * <pre>
 *   java -cp target/classes:target/test-classes:target/jars/commons-math3-3.6.1.jar \
 *     org.nisnonlocal.physics.LocalGapBenchmark [de=0.025] [points=21] [threads=2] [spectra=usadel|local] [usadelRefine=1] [uniform=true] [gamma=0.005] [profiles=false]
 * </pre>
 */
public final class LocalGapBenchmark
{
	private LocalGapBenchmark() {}

	public static void main( final String[] args )
	{
		Locale.setDefault( Locale.ROOT );
		double de = 0.025, gamma = 0.005;
		int points = 21, threads = 2, usadelRefine = 1;
		boolean uniform = true, profiles = false;
		LocalGapRun.Spectra spectra = LocalGapRun.Spectra.USADEL;
		for ( final String a : args )
		{
			final String[] kv = a.split( "=", 2 );
			switch ( kv[ 0 ] )
			{
			case "de": de = Double.parseDouble( kv[ 1 ] ); break;
			case "gamma": gamma = Double.parseDouble( kv[ 1 ] ); break;
			case "points": points = Integer.parseInt( kv[ 1 ] ); break;
			case "threads": threads = Integer.parseInt( kv[ 1 ] ); break;
			case "usadelRefine": usadelRefine = Integer.parseInt( kv[ 1 ] ); break;
			case "spectra": spectra = LocalGapRun.Spectra.valueOf( kv[ 1 ].toUpperCase( Locale.ROOT ) ); break;
			case "uniform": uniform = Boolean.parseBoolean( kv[ 1 ] ); break;
			case "profiles": profiles = Boolean.parseBoolean( kv[ 1 ] ); break;
			default: throw new IllegalArgumentException( "unknown argument " + a );
			}
		}
		final double[] v = new double[ 51 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.1 * b;
		final double[] vDet = new double[ 81 ];
		for ( int d = 0; d < vDet.length; d++ )
			vDet[ d ] = -2 + 0.05 * d;
		final LocalGapRun run = new LocalGapRun();
		run.de = de;
		run.gamma = gamma;
		run.points = points;
		run.threads = threads;
		run.spectra = spectra;
		run.usadelRefine = usadelRefine;
		System.out.printf( "local gap (%s, Usadel refine %d): 51+1 biases 0..5, gamma_ee=%s, Gamma=%s, de=1/%d, M=%d, %d threads, %d processors, load %s%n", spectra, usadelRefine, run.gammaEe,
				gamma, Math.round( 1 / de ), points, threads, Runtime.getRuntime().availableProcessors(), load() );
		final double c0 = cpu();
		final long t0 = System.nanoTime();
		final LocalGapResult r = run.runWithMargin( v, null );
		final double wall = ( System.nanoTime() - t0 ) * 1e-9, cpuSweep = cpu() - c0;
		int sc = 0, newton = 0;
		for ( int b = 0; b < r.size(); b++ )
		{
			sc += r.scIterations( b );
			newton += r.newtonIterations( b );
		}
		System.out.printf( "sweep: %.2f s wall, %.2f s CPU (%.3f s CPU per bias); %d kinetic solves (%.1f per bias), %d Newton steps; load after %s%n", wall, cpuSweep, cpuSweep / r.size(), sc,
				sc / ( double ) r.size(), newton, load() );
		final double c1 = cpu();
		final double[][] gLocal = r.gsa( vDet );
		System.out.printf( "g_sa map 51 x 81 with the detector DOS: %.2f s CPU%n", cpu() - c1 );
		final double scale = 1 / ( 2 * run.kappa );
		final double[] dInj = r.deltaInjector(), dDet = r.deltaDetector();
		double[] dUni = null;
		double[][] gUni = null;
		if ( uniform )
		{
			final EnergyModeRun u = new EnergyModeRun();
			u.de = de;
			u.gamma = gamma;
			u.points = points;
			u.threads = threads;
			final long u0 = System.nanoTime();
			final EnergyModeResult ur = u.runWithMargin( v, null );
			System.out.printf( "uniform sweep: %.2f s wall%n", ( System.nanoTime() - u0 ) * 1e-9 );
			dUni = ur.delta();
			gUni = u.detector().gsa( ur.biasesForDerivative(), ur.deltaForDerivative(), vDet );
		}
		System.out.println( "eV_inj, delta_injector, delta_detector, delta_uniform, solves" );
		for ( int b = 0; b < r.size(); b++ )
			System.out.printf( "%.1f, %.6f, %.6f, %s, %d%n", v[ b ], dInj[ b ], dDet[ b ], dUni == null ? "" : String.format( "%.6f", dUni[ b ] ), r.scIterations( b ) );
		double maxLocal = 0, maxUni = 0, maxDiff = 0, sq = 0;
		int worstB = 0, worstD = 0;
		for ( int b = 0; b < r.size(); b++ )
			for ( int d = 0; d < vDet.length; d++ )
			{
				maxLocal = Math.max( maxLocal, Math.abs( scale * gLocal[ b ][ d ] ) );
				if ( gUni != null )
				{
					maxUni = Math.max( maxUni, Math.abs( scale * gUni[ b ][ d ] ) );
					final double diff = Math.abs( scale * ( gLocal[ b ][ d ] - gUni[ b ][ d ] ) );
					sq += diff * diff;
					if ( diff > maxDiff )
					{
						maxDiff = diff;
						worstB = b;
						worstD = d;
					}
				}
			}
		System.out.printf( "max|g_sa| local %.4g, uniform %.4g (units G_inj G_det R_xi)%n", maxLocal, maxUni );
		if ( gUni != null )
		{
			final double sigma = 0.01 * maxUni;
			final double rms = Math.sqrt( sq / ( r.size() * vDet.length ) );
			System.out.printf( "g_sa local - uniform: max %.4g at eV_inj = %.1f, eV_det = %.2f (%.1f sigma), rms %.4g (%.2f sigma), sigma = 1%% of max|g_sa uniform| = %.4g%n", maxDiff, v[ worstB ],
					vDet[ worstD ], maxDiff / sigma, rms, rms / sigma, sigma );
			int beyond = 0;
			for ( int b = 0; b < r.size(); b++ )
				for ( int d = 0; d < vDet.length; d++ )
					if ( Math.abs( scale * ( gLocal[ b ][ d ] - gUni[ b ][ d ] ) ) > sigma )
						beyond++;
			System.out.printf( "pixels differing by more than sigma: %d of %d%n", beyond, r.size() * vDet.length );
			// where the map differs, column by column: the largest |difference| per eV_inj
			System.out.println( "eV_inj, max_d |g_local - g_uniform| / sigma" );
			for ( int b = 0; b < r.size(); b++ )
			{
				double m = 0;
				for ( int d = 0; d < vDet.length; d++ )
					m = Math.max( m, Math.abs( scale * ( gLocal[ b ][ d ] - gUni[ b ][ d ] ) ) );
				System.out.printf( "%.1f, %.2f%n", v[ b ], m / sigma );
			}
		}
		if ( profiles )
		{
			final double[] x = r.positions();
			System.out.println( "profiles: eV_inj, then Delta at x = " + java.util.Arrays.toString( x ) );
			for ( int b = 0; b < r.size(); b += 5 )
			{
				final StringBuilder sb = new StringBuilder( String.format( "%.1f", v[ b ] ) );
				for ( final double d : r.profile( b ) )
					sb.append( String.format( ", %.5f", d ) );
				System.out.println( sb );
			}
			localApproximationError( r, run, new int[] { 5, 9, 10, 20, 30, 40, 50 } );
		}
	}

	/**
	 * max |N_local − N_Usadel| over the kinetic energies and the nodes, for the converged profiles of some biases: how
	 * far the bulk DOS at the local Δ is from the spatial solution (refined 4×) for the profiles that actually occur.
	 */
	static void localApproximationError( final LocalGapResult r, final LocalGapRun run, final int[] biases )
	{
		final double[] x = r.positions(), eps = r.energies();
		final UsadelWire fine = new UsadelWire( x, run.gamma, 4 );
		final LocalSpectra local = new LocalSpectra( run.gamma );
		System.out.println( "local approximation: eV_inj, max|N_local - N_Usadel| (nodes, kinetic energies), at x, eps; same at x >= 10 xi" );
		for ( final int b : biases )
		{
			if ( b >= r.size() )
				continue;
			final double[] d = r.profile( b );
			final SpectralGrid[] u = fine.at( d, eps ), l = local.at( d, eps );
			double worst = 0, far = 0, wx = 0, we = 0;
			for ( int k = 0; k < x.length; k++ )
				for ( int i = 0; i < eps.length; i++ )
				{
					final double diff = Math.abs( u[ k ].n( i ) - l[ k ].n( i ) );
					if ( diff > worst )
					{
						worst = diff;
						wx = x[ k ];
						we = eps[ i ];
					}
					if ( x[ k ] >= 10 )
						far = Math.max( far, diff );
				}
			System.out.printf( "%.1f, %.4g, %.3f, %.4f; %.4g%n", r.biases()[ b ], worst, wx, we, far );
		}
	}

	private static double cpu()
	{
		final java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		if ( os instanceof com.sun.management.OperatingSystemMXBean )
			return ( ( com.sun.management.OperatingSystemMXBean ) os ).getProcessCpuTime() * 1e-9;
		return Double.NaN;
	}

	private static String load()
	{
		return String.format( "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() );
	}
}
