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
 * Bias sweep of the self-consistent energy mode. <b>Determinism:</b> the bias list is cut into {@value #CHUNKS}
 * contiguous chunks whatever the thread count; each chunk is solved sequentially, its first point started from
 * equilibrium (Δ = 1, elastic f_L), every later point warm-started from its predecessor in the chunk. Threads only
 * decide how many chunks run at once, so the numbers are bit-identical for any --threads.
 */
public final class EnergyModeSweep
{
	/** Fixed number of independent contiguous chunks (2 cores on the target machine). */
	public static final int CHUNKS = 2;

	private EnergyModeSweep() {}

	/**
	 * @param biases eV_inj values (Δ0), in sweep order (ascending recommended: warm starts follow the list)
	 * @param threads worker threads (≥ 1)
	 * @param progress may be null; {@code done} may be called from worker threads
	 */
	public static EnergyModeResult run( final SelfConsistentGap gap, final double[] biases, final int threads, final SelfConsistentGap.Progress progress )
	{
		return run( gap, biases, threads, progress, null );
	}

	/**
	 * As above; a {@link WarmStart} over the same biases and grid (else ignored) starts every point from the previous
	 * sweep's solution at its bias, and the result carries its own WarmStart for the next sweep. With a warm start the
	 * chunks no longer start from equilibrium, and the numbers agree with a cold sweep to the solver's tolerances.
	 */
	public static EnergyModeResult run( final SelfConsistentGap gap, final double[] biases, final int threads, final SelfConsistentGap.Progress progress, final WarmStart warm )
	{
		final WarmStart usable = warm != null && warm.fits( biases, gap.energies().length, gap.points() ) ? warm : null;
		if ( biases.length == 0 )
			throw new BadInputException( "no bias points" );
		if ( threads < 1 )
			throw new BadInputException( "threads must be >= 1, got " + threads );
		final int chunks = Math.min( CHUNKS, biases.length );
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
		final List< List< SelfConsistentGap.Point > > parts = new ArrayList<>();
		final ExecutorService pool = Executors.newFixedThreadPool( Math.min( threads, chunks ) );
		try
		{
			final List< Future< List< SelfConsistentGap.Point > > > futures = new ArrayList<>();
			for ( int c = 0; c < chunks; c++ )
			{
				final double[] part = java.util.Arrays.copyOfRange( biases, start[ c ], start[ c + 1 ] );
				final int offset = start[ c ];
				futures.add( pool.submit( () -> gap.sweep( part, 1, shared, false, usable, offset ) ) );
			}
			for ( final Future< List< SelfConsistentGap.Point > > f : futures )
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
		final double[] delta = new double[ n ];
		final int[] newton = new int[ n ];
		final int[] krylov = new int[ n ];
		final int[] sc = new int[ n ];
		final double[][] fL = new double[ n ][];
		final double[] slope = new double[ n ];
		final double[] deltaSlope = new double[ n ];
		final double[][][] full = new double[ n ][][];
		final double[] leadT = new double[ n ];
		final double[] localGap = new double[ n ];
		final double[] detectorLeadT = new double[ n ];
		final double[][] atDetector = new double[ n ][];
		int b = 0;
		for ( final List< SelfConsistentGap.Point > part : parts )
			for ( final SelfConsistentGap.Point p : part )
			{
				delta[ b ] = p.delta();
				newton[ b ] = p.newtonIterations();
				krylov[ b ] = p.krylovIterations();
				sc[ b ] = p.scIterations();
				fL[ b ] = p.solution().atInjector();
				slope[ b ] = p.slope();
				deltaSlope[ b ] = p.biasDerivative();
				full[ b ] = p.solution().fL();
				leadT[ b ] = p.leadTemperature();
				localGap[ b ] = p.localGap();
				detectorLeadT[ b ] = p.detectorLeadTemperature();
				atDetector[ b ] = p.detectorDistribution();
				b++;
			}
		final EnergyModeResult r = new EnergyModeResult( biases, gap.energies(), delta, newton, krylov, sc, fL );
		// heated leads give no exact slopes: then g_sa is differenced over the biases
		r.deltaSlope = gap.heatsLeads() ? null : deltaSlope;
		r.localGap = localGap;
		r.detectorLeadTemperature = detectorLeadT;
		if ( atDetector[ 0 ] != null )
			r.heatedLeads( leadT, atDetector, gap.detectorEnergies() );
		r.warmStart = new WarmStart( biases.clone(), delta.clone(), slope, full, gap.energies(), gap.points() );
		return r;
	}
}
