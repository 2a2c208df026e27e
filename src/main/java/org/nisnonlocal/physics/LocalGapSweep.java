package org.nisnonlocal.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.nisnonlocal.BadInputException;

/**
 * Bias sweep of the self-consistent gap profile, chunked as {@link EnergyModeSweep}: the bias list is cut into
 * {@link EnergyModeSweep#CHUNKS} contiguous chunks whatever the thread count, each solved sequentially from
 * equilibrium (Δ = 1 at every node) with its own spectral model instance (its own warm-start history), so the
 * numbers are bit-identical for any thread count.
 */
public final class LocalGapSweep
{
	private LocalGapSweep() {}

	public static LocalGapResult run( final LocalSelfConsistentGap gap, final ProfileDetector detector, final double[] biases, final int threads, final SelfConsistentGap.Progress progress )
	{
		if ( biases.length == 0 )
			throw new BadInputException( "no bias points" );
		if ( threads < 1 )
			throw new BadInputException( "threads must be >= 1, got " + threads );
		final int chunks = Math.min( EnergyModeSweep.CHUNKS, biases.length );
		final int[] start = new int[ chunks + 1 ];
		for ( int c = 0; c <= chunks; c++ )
			start[ c ] = ( int ) ( ( long ) biases.length * c / chunks );
		final AtomicInteger finished = new AtomicInteger();
		final SelfConsistentGap.Progress shared = new SelfConsistentGap.Progress()
		{
			@Override
			public void done( final int k, final int n )
			{
				final int all = finished.incrementAndGet();
				if ( progress != null )
					progress.done( all, biases.length );
			}

			@Override
			public boolean cancelled()
			{
				return progress != null && progress.cancelled();
			}
		};
		final List< List< LocalSelfConsistentGap.Point > > parts = new ArrayList<>();
		final ExecutorService pool = Executors.newFixedThreadPool( Math.min( threads, chunks ) );
		try
		{
			final List< Future< List< LocalSelfConsistentGap.Point > > > futures = new ArrayList<>();
			for ( int c = 0; c < chunks; c++ )
			{
				final double[] part = java.util.Arrays.copyOfRange( biases, start[ c ], start[ c + 1 ] );
				final LocalSelfConsistentGap own = gap.fresh();
				futures.add( pool.submit( () -> own.sweep( part, shared, false ) ) );
			}
			for ( final Future< List< LocalSelfConsistentGap.Point > > f : futures )
				parts.add( f.get() );
		}
		catch ( final ExecutionException e )
		{
			if ( e.getCause() instanceof BadInputException )
				throw ( BadInputException ) e.getCause();
			throw new IllegalStateException( e.getCause() );
		}
		catch ( final InterruptedException e )
		{
			Thread.currentThread().interrupt();
			throw new BadInputException( "energy-mode sweep interrupted" );
		}
		finally
		{
			pool.shutdownNow();
		}
		final int n = biases.length;
		final double[][] delta = new double[ n ][];
		final double[][] fL = new double[ n ][];
		final int[] newton = new int[ n ], krylov = new int[ n ], sc = new int[ n ];
		int b = 0;
		for ( final List< LocalSelfConsistentGap.Point > part : parts )
			for ( final LocalSelfConsistentGap.Point p : part )
			{
				delta[ b ] = p.delta();
				fL[ b ] = p.solution().atInjector();
				newton[ b ] = p.newtonIterations();
				krylov[ b ] = p.krylovIterations();
				sc[ b ] = p.scIterations();
				b++;
			}
		return new LocalGapResult( biases, gap.kinetics().energies(), gap.kinetics().positions(), delta, fL, newton, krylov, sc, detector );
	}
}
