package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.CollisionIntegral;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.EnergyModeSolver;
import org.nisnonlocal.physics.EnergyModeSweep;
import org.nisnonlocal.physics.LocalGapResult;
import org.nisnonlocal.physics.LocalGapRun;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SpectralGrid;

/**
 * {@code bench-energy}: wall-clock medians for the energy-mode kinetics (docs/physics.md §11): the collision integral vs the
 * number of energies, one self-consistent inelastic bias point, and the full S Fig. 11-12 sweep. Separate from
 * {@code bench} because one sweep takes seconds.
 */
final class EnergyModeBenchVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "bench-energy";
	}

	@Override
	public String summary()
	{
		return "measure the energy-mode solver (collision integral, one bias point, the Fig. 11-12 sweep)";
	}

	@Override
	public String usage()
	{
		return "[--runs 5] [--warmup 1] [--threads 2] [--points 21 (x nodes)] [--fine] [--scaling] [--gap-profile uniform|local] (--fine adds the Gamma = 1.53e-3, de = 1/200 sweep, ~1 min per run;"
				+ " --scaling the Gamma = 1.53e-3 sweeps at de = 1/40, 1/100, 1/200 for the cost per bias point vs N;"
				+ " --gap-profile local times only the local-gap sweeps (51 biases + margin at de = 1/40 and 1/100, ~20-40 s each; runs default 1, warmup 0))";
	}


	/** x nodes of the solver (--points; default the energy-mode default). */
	private int points;

	@Override
	public void run( final Args a ) throws Exception
	{
		final boolean local = EnergyModeVerb.gapProfile( a );
		// a local sweep takes 20-40 s: one timed run by default
		final int runs = a.integer( "runs", local ? 1 : 5 );
		final int warmup = a.integer( "warmup", local ? 0 : 1 );
		final int threads = a.integer( "threads", 2 );
		final boolean fine = a.flag( "fine" );
		final boolean scaling = a.flag( "scaling" );
		points = a.integer( "points", EnergyModeRun.DEFAULT_POINTS );
		a.rejectUnknown();
		if ( points < 3 || points > 2001 )
			throw new BadInputException( "--points must be in 3..2001, got " + points );
		if ( runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000 )
			throw new BadInputException( "--runs must be in 1..1000 and --warmup in 0..1000" );
		final PrintStream out = System.out;
		out.printf( "%-72s %10s %10s  %s%n", "case", "median_ms", "min_ms", "notes" );
		if ( local )
		{
			for ( final double de : new double[] { 1.0 / 40, 1.0 / 100 } )
				localSweep( out, runs, warmup, threads, de );
			out.printf( "(%d processors visible)%n", Runtime.getRuntime().availableProcessors() );
			return;
		}
		for ( final double de : new double[] { 1.0 / 40, 1.0 / 100, 1.0 / 200 } )
		{
			final double[] eps = EnergyModeSolver.energyGrid( 10, de );
			final SpectralGrid g = new SpectralFunctions( 1, 0.005, 0 ).onGrid( eps );
			final double[] n = new double[ eps.length ], m = new double[ eps.length ], f = new double[ eps.length ];
			for ( int i = 0; i < eps.length; i++ )
			{
				n[ i ] = g.n( i );
				m[ i ] = g.m( i );
				f[ i ] = 0.5 * ( Math.tanh( ( eps[ i ] + 3 ) / 0.04 ) + Math.tanh( ( eps[ i ] - 3 ) / 0.04 ) );
			}
			final CollisionIntegral c = new CollisionIntegral( n, m, de, 1e-4 );
			final CollisionIntegral.Linearization lin = c.linearize( f );
			time( out, runs * 20, warmup * 200, String.format( "collision integral + rates, N = %d energies", eps.length ), "", () -> c.linearize( f ).value() );
			time( out, runs * 20, warmup * 200, String.format( "collision Jacobian-vector product, N = %d energies", eps.length ), "", () -> lin.jacobianTimes( f ) );
		}
		for ( final double[] p : new double[][] { { 1.0 / 40, 0.005 }, { 1.0 / 200, 1.53e-3 } } )
		{
			final double[] eps = EnergyModeSolver.energyGrid( 10, p[ 0 ] );
			final SelfConsistentGap gap = new SelfConsistentGap( new EnergyModeSolver( eps, 1.054e-4, 84.6, points, 2e-4 ), p[ 1 ], 10, 0.0198, 0.00781, 1 );
			final SelfConsistentGap.Point pt = gap.solve( 4, 0.95, Double.NaN, null, "bench" );
			time( out, runs, warmup, String.format( "one SC inelastic bias point eV=4 from Delta=0.95 cold, de=1/%d, M=%d", Math.round( 1 / p[ 0 ] ), points ),
					String.format( "newton %d, sc %d", pt.newtonIterations(), pt.scIterations() ), () -> new double[] { gap.solve( 4, 0.95, Double.NaN, null, "bench" ).delta() } );
		}
		sweep( out, runs, warmup, threads, 1.0 / 40, 0.005, 0, "Fig. 11 elastic sweep" );
		sweep( out, runs, warmup, threads, 1.0 / 40, 0.005, 2e-4, "Fig. 11+12 sweep" );
		derivative = true;
		sweep( out, runs, warmup, threads, 1.0 / 40, 0.005, 2e-4, "Fig. 11+12 sweep with dDelta/dV_inj" );
		derivative = false;
		if ( fine )
		{
			sweep( out, Math.min( runs, 3 ), 0, threads, 1.0 / 200, 1.53e-3, 2e-4, "fine sweep" );
			derivative = true;
			sweep( out, Math.min( runs, 3 ), 0, threads, 1.0 / 200, 1.53e-3, 2e-4, "fine sweep with dDelta/dV_inj" );
			derivative = false;
		}
		if ( scaling )
			for ( final int steps : new int[] { 40, 100, 200 } )
				sweep( out, Math.min( runs, 3 ), steps == 200 && fine ? 0 : 1, threads, 1.0 / steps, 1.53e-3, 2e-4, "scaling sweep" );
		out.printf( "(%d processors visible)%n", Runtime.getRuntime().availableProcessors() );
	}

	/** Whether the sweep rows also compute dΔ/dV_inj at every bias. */
	private boolean derivative;

	private void sweep( final PrintStream out, final int runs, final int warmup, final int threads, final double de, final double gamma, final double gammaEe, final String label )
	{
		final double[] v = new double[ 51 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.1 * b;
		final double[] eps = EnergyModeSolver.energyGrid( 10, de );
		// Δ(V_inj) alone (as the numpy reference computes it) unless the g_sa row asks for the exact bias derivative too
		// (four more kinetic solves per bias)
		final SelfConsistentGap gap = new SelfConsistentGap( new EnergyModeSolver( eps, 1.054e-4, 84.6, points, gammaEe ), gamma, 10, 0.0198, 0.00781, 1 )
				.derivativeFrom( derivative ? 0 : Double.POSITIVE_INFINITY );
		final EnergyModeResult r = EnergyModeSweep.run( gap, v, threads, null );
		int newton = 0, sc = 0, krylov = 0;
		for ( int b = 0; b < r.size(); b++ )
		{
			newton += r.newtonIterations( b );
			sc += r.scIterations( b );
			krylov += r.krylovIterations( b );
		}
		final String label2 = String.format( "%s: 51 biases 0..5, gamma_ee=%s, Gamma=%s, de=1/%d, M=%d, %d threads", label, gammaEe, gamma, Math.round( 1 / de ), points, threads );
		// process CPU time per run alongside the wall time (why: on a shared machine the CPU time per bias point is the
		// comparable number; the sweep's threads are pool threads, so per-thread clocks would miss them)
		final double[] cpu = new double[ runs ];
		final int[] run = { -warmup };
		final double[] t = Timing.medianAndMin( runs, warmup, () -> {
			final double c0 = processCpuSeconds();
			final double[] d = EnergyModeSweep.run( gap, v, threads, null ).delta();
			if ( run[ 0 ] >= 0 )
				cpu[ run[ 0 ] ] = processCpuSeconds() - c0;
			run[ 0 ]++;
			return d;
		} );
		out.printf( "%-72s %10.3f %10.3f  %s%n", label2, t[ 0 ], t[ 1 ], String.format( "newton %d, sc %d, gmres %d in total", newton, sc, krylov ) );
		java.util.Arrays.sort( cpu );
		out.printf( "  CPU per bias point: median %.4f s, min %.4f s (%d runs); per point %.2f Newton steps, %.2f kinetic solves, %.2f GMRES iterations%n",
				cpu[ runs / 2 ] / v.length, cpu[ 0 ] / v.length, runs, newton / ( double ) v.length, sc / ( double ) v.length, krylov / ( double ) v.length );
		out.flush();
	}

	/** The paper's 51 biases with the local gap (docs/local-gap.md §6): wall, process CPU, kinetic solves per bias. */
	private void localSweep( final PrintStream out, final int runs, final int warmup, final int threads, final double de )
	{
		final double[] v = new double[ 51 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.1 * b;
		final LocalGapRun run = new LocalGapRun();
		run.de = de;
		run.points = points;
		run.threads = threads;
		final double[] cpu = new double[ runs ];
		final LocalGapResult[] last = new LocalGapResult[ 1 ];
		final int[] k = { -warmup };
		final double[] t = Timing.medianAndMin( runs, warmup, () -> {
			final double c0 = processCpuSeconds();
			last[ 0 ] = run.runWithMargin( v, null );
			if ( k[ 0 ] >= 0 )
				cpu[ k[ 0 ] ] = processCpuSeconds() - c0;
			k[ 0 ]++;
			return last[ 0 ].deltaInjector();
		} );
		final LocalGapResult r = last[ 0 ];
		int sc = 0;
		for ( int b = 0; b < r.size(); b++ )
			sc += r.scIterations( b );
		java.util.Arrays.sort( cpu );
		final String label = String.format( "local-gap sweep: 51+1 biases 0..5, gamma_ee=2e-4, Gamma=0.005, de=1/%d, M=%d, %d threads", Math.round( 1 / de ), points, threads );
		out.printf( "%-72s %10.3f %10.3f  %s%n", label, t[ 0 ], t[ 1 ], String.format( "CPU median %.2f s; %.1f kinetic solves per bias; at eV_inj = 5 Delta(0) = %.4f, Delta(x_det) = %.4f",
				cpu[ runs / 2 ], sc / ( double ) r.size(), r.deltaInjector()[ r.size() - 1 ], r.deltaDetector()[ r.size() - 1 ] ) );
		out.flush();
	}

	/** CPU time of the whole process in seconds (NaN where the JVM does not report it). */
	private static double processCpuSeconds()
	{
		final java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		if ( os instanceof com.sun.management.OperatingSystemMXBean )
			return ( ( com.sun.management.OperatingSystemMXBean ) os ).getProcessCpuTime() * 1e-9;
		return Double.NaN;
	}

	private void time( final PrintStream out, final int runs, final int warmup, final String label, final String notes, final Supplier< double[] > work )
	{
		final double[] t = Timing.medianAndMin( runs, warmup, work );
		out.printf( "%-72s %10.3f %10.3f  %s%n", label, t[ 0 ], t[ 1 ], notes );
		out.flush();
	}
}
