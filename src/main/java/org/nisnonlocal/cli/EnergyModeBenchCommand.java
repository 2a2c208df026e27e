package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.CollisionIntegral;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeSolver;
import org.nisnonlocal.physics.EnergyModeSweep;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SpectralGrid;

/**
 * {@code bench-energy}: wall-clock medians for the energy-mode kinetics (MODEL.md §6): the collision integral vs the
 * number of energies, one self-consistent inelastic bias point, and the full S Fig. 11-12 sweep. Separate from
 * {@code bench} because one sweep takes seconds.
 */
final class EnergyModeBenchCommand implements Subcommand
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
		return "[--runs 5] [--warmup 1] [--threads 2] [--fine] (--fine adds the Gamma = 1.53e-3, de = 1/200 sweep, ~1 min per run)";
	}


	@Override
	public void run( final Args a ) throws Exception
	{
		final int runs = a.integer( "runs", 5 );
		final int warmup = a.integer( "warmup", 1 );
		final int threads = a.integer( "threads", 2 );
		final boolean fine = a.flag( "fine" );
		a.rejectUnknown();
		if ( runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000 )
			throw new BadInputException( "--runs must be in 1..1000 and --warmup in 0..1000" );
		final PrintStream out = System.out;
		out.printf( "%-72s %10s %10s  %s%n", "case", "median_ms", "min_ms", "notes" );
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
			final SelfConsistentGap gap = new SelfConsistentGap( new EnergyModeSolver( eps, 1.054e-4, 84.6, 41, 2e-4 ), p[ 1 ], 10, 0.0198, 0.00781, 1 );
			final SelfConsistentGap.Point pt = gap.solve( 4, 0.95, Double.NaN, null, "bench" );
			time( out, runs, warmup, String.format( "one SC inelastic bias point eV=4 from Delta=0.95 cold, de=1/%d, M=41", Math.round( 1 / p[ 0 ] ) ),
					String.format( "newton %d, sc %d", pt.newtonIterations(), pt.scIterations() ), () -> new double[] { gap.solve( 4, 0.95, Double.NaN, null, "bench" ).delta() } );
		}
		sweep( out, runs, warmup, threads, 1.0 / 40, 0.005, 0, "Fig. 11 elastic sweep" );
		sweep( out, runs, warmup, threads, 1.0 / 40, 0.005, 2e-4, "Fig. 11+12 sweep" );
		if ( fine )
			sweep( out, Math.min( runs, 3 ), 0, threads, 1.0 / 200, 1.53e-3, 2e-4, "fine sweep" );
		out.printf( "(%d processors visible)%n", Runtime.getRuntime().availableProcessors() );
	}

	private void sweep( final PrintStream out, final int runs, final int warmup, final int threads, final double de, final double gamma, final double gammaEe, final String label )
	{
		final double[] v = new double[ 51 ];
		for ( int b = 0; b < v.length; b++ )
			v[ b ] = 0.1 * b;
		final double[] eps = EnergyModeSolver.energyGrid( 10, de );
		final SelfConsistentGap gap = new SelfConsistentGap( new EnergyModeSolver( eps, 1.054e-4, 84.6, 41, gammaEe ), gamma, 10, 0.0198, 0.00781, 1 );
		final EnergyModeResult r = EnergyModeSweep.run( gap, v, threads, null );
		int newton = 0, sc = 0;
		for ( int b = 0; b < r.size(); b++ )
		{
			newton += r.newtonIterations( b );
			sc += r.scIterations( b );
		}
		time( out, runs, warmup, String.format( "%s: 51 biases 0..5, gamma_ee=%s, Gamma=%s, de=1/%d, M=41, %d threads", label, gammaEe, gamma, Math.round( 1 / de ), threads ),
				String.format( "newton %d, sc %d in total", newton, sc ), () -> EnergyModeSweep.run( gap, v, threads, null ).delta() );
	}

	private void time( final PrintStream out, final int runs, final int warmup, final String label, final String notes, final Supplier< double[] > work )
	{
		final double[] t = Timing.medianAndMin( runs, warmup, work );
		out.printf( "%-72s %10.3f %10.3f  %s%n", label, t[ 0 ], t[ 1 ], notes );
		out.flush();
	}
}
