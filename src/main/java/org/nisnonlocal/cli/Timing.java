package org.nisnonlocal.cli;

import java.util.Arrays;
import java.util.function.Supplier;

/** Wall-clock timing for the bench verbs: warm-up runs, then the median and minimum of several timed runs. */
final class Timing
{
	/** Keeps results alive so the JIT cannot drop the work. */
	private static volatile double sink;

	private Timing() {}

	/** {median ms, min ms} of {@code runs} calls after {@code warmup} untimed ones. */
	static double[] medianAndMin( final int runs, final int warmup, final Supplier< double[] > work )
	{
		for ( int w = 0; w < warmup; w++ )
			sink += work.get()[ 0 ];
		final double[] ms = new double[ runs ];
		for ( int r = 0; r < runs; r++ )
		{
			final long t0 = System.nanoTime();
			sink += work.get()[ 0 ];
			ms[ r ] = ( System.nanoTime() - t0 ) * 1e-6;
		}
		Arrays.sort( ms );
		return new double[] { ms[ runs / 2 ], ms[ 0 ] };
	}
}
