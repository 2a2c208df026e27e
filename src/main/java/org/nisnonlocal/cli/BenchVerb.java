package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.ChargeImbalanceModel;
import org.nisnonlocal.physics.GapEquation;
import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SupercurrentModel;
import org.nisnonlocal.physics.SupercurrentRelation;

/**
 * {@code bench}: wall-clock medians of the model solvers after warm-up, one thread. Prints a table; the figures in
 * BENCHMARKS.md come from it.
 */
final class BenchVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "bench";
	}

	@Override
	public String summary()
	{
		return "measure the model solvers (median wall time after warm-up)";
	}

	@Override
	public String usage()
	{
		return "[--runs 7] [--warmup 3]";
	}


	@Override
	public void run( final Args a ) throws Exception
	{
		final int runs = a.integer( "runs", 7 );
		final int warmup = a.integer( "warmup", 3 );
		a.rejectUnknown();
		if ( runs < 1 || runs > 1000 )
			throw new BadInputException( "--runs must be in 1..1000, got " + runs );
		if ( warmup < 0 || warmup > 1000 )
			throw new BadInputException( "--warmup must be in 0..1000, got " + warmup );
		final PrintStream out = System.out;
		out.printf( "%-58s %12s %12s%n", "case", "median_ms", "min_ms" );
		for ( final int n : new int[] { 50, 200, 800 } )
			for ( final double zeta : new double[] { 0, 0.02 } )
			{
				final double[] v = grid( -3, 3, n );
				time( out, runs, warmup, String.format( "g_nl(V_inj) %d biases, t=0.012, zeta=%s, L=169.2", n, zeta ), () -> new ChargeImbalanceModel( 1, 1.53e-3, zeta, 1.054e-4, 4.62, 0.012, 169.2 ).conductance( v ) );
			}
		for ( final int n : new int[] { 1000, 10000, 100000 } )
			for ( final double zeta : new double[] { 0, 0.1 } )
			{
				final double[] e = grid( -3, 3, n );
				time( out, runs, warmup, String.format( "DOS %d energies, gamma=1e-3, zeta=%s", n, zeta ), () -> {
					final double[] r = { new SpectralFunctions( 1, 1e-3, zeta ).onGrid( e ).n( n / 2 ) };
					return r;
				} );
			}
		for ( final double zeta : new double[] { 0, 0.05 } )
		{
			final double[] t = grid( 0, 0.6, 61 );
			time( out, runs, warmup, String.format( "gap Delta(t) 61 temperatures 0..0.6, zeta=%s", zeta ), () -> new GapEquation( 1e-3 ).curve( t, zeta ) );
		}
		final double[] q = grid( 0, 1.2, 121 );
		time( out, runs, warmup, "supercurrent relation 121 gradients, Delta=1", () -> new SupercurrentRelation( 1e-3, 0.01 ).curve( q ) );
		final double[] v13 = grid( -3, 3, 100 );
		for ( final boolean sc : new boolean[] { false, true } )
			time( out, runs, warmup, "Fig. 13 set: 3 currents, 100 biases" + ( sc ? ", self-consistent Delta" : ", Delta=1" ), () -> {
				// the verb's work: invert I_s(∂xφ), then g_s and g_a per current (t_inj = 0.0198, L = 169 ξ)
				final SupercurrentModel m = new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0078, sc );
				final double[] r = new double[ 1 ];
				for ( final double is : new double[] { 4, 7, 10 } )
					r[ 0 ] += m.conductance( m.phaseGradient( is / 29.8 ), v13 ).ga()[ 60 ];
				return r;
			} );
		out.printf( "(%d runs after %d warm-up runs; %d processors visible)%n", runs, warmup, Runtime.getRuntime().availableProcessors() );
	}

	private static double[] grid( final double from, final double to, final int n )
	{
		final double[] g = new double[ n ];
		for ( int i = 0; i < n; i++ )
			g[ i ] = from + ( to - from ) * i / ( n - 1 );
		return g;
	}

	private void time( final PrintStream out, final int runs, final int warmup, final String label, final Supplier< double[] > work )
	{
		final double[] t = Timing.medianAndMin( runs, warmup, work );
		out.printf( "%-58s %12.2f %12.2f%n", label, t[ 0 ], t[ 1 ] );
		out.flush();
	}
}
