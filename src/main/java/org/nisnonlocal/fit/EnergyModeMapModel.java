package org.nisnonlocal.fit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapInterpolation;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.SelfConsistentGap;

/**
 * The energy-mode g_sa model (MODEL.md §6, {@link org.nisnonlocal.physics.DetectorSignal#gsaMap}) as a function of
 * γ_ee at fixed points (V_inj, V_det), in units of G_inj G_det R_ξ. Each new γ_ee costs one self-consistent sweep over
 * the model bias grid 0, step, … ≥ max |V_inj| (the expensive part), so results are cached by γ_ee: the search, the
 * covariance differences and the χ² profile share evaluations.
 * <p>
 * The model is computed at the requested V_det values themselves (g_sa needs no interpolation in V_det) and
 * interpolated linearly in V_inj between the model biases (mirrored to negative V_inj by the oddness of g_sa).
 */
public final class EnergyModeMapModel
{
	private final EnergyModeRun setup;

	private final double[] biases;

	private final double[] vDet;

	private final double[] pointVinj;

	private final int[] pointRow;

	private final Map< Double, double[] > cache = new HashMap<>();

	private int evaluations;

	/**
	 * @param setup model parameters (its γ_ee is overwritten per evaluation; the object is not otherwise changed)
	 * @param modelStep V_inj step of the model bias grid (eV/Δ0)
	 * @param vInj V_inj of each point
	 * @param vDetOfPoint V_det of each point (a few distinct values, typically the rows of a map)
	 */
	public EnergyModeMapModel( final EnergyModeRun setup, final double modelStep, final double[] vInj, final double[] vDetOfPoint )
	{
		if ( !( modelStep > 0 ) )
			throw new BadInputException( "model V_inj step must be > 0, got " + modelStep );
		if ( vInj.length == 0 )
			throw new BadInputException( "no points to model" );
		this.setup = setup;
		this.pointVinj = vInj.clone();
		double max = 0;
		for ( final double v : vInj )
			max = Math.max( max, Math.abs( v ) );
		// the grid covers max |V_inj| (interpolation never extrapolates) plus one bias more: g_sa is a difference
		// quotient of I_det over the grid, one-sided at its last bias, and a model whose value near max |V_inj| depended
		// on where the grid happens to end pulled γ_ee by 4 % (5σ) on a full synthetic map (the last column alone)
		final int n = Math.max( 3, ( int ) Math.ceil( max / modelStep - 1e-9 ) + 2 );
		this.biases = new double[ n ];
		for ( int b = 0; b < n; b++ )
			biases[ b ] = b * modelStep;
		final double[] distinct = Arrays.stream( vDetOfPoint ).distinct().sorted().toArray();
		this.vDet = distinct;
		this.pointRow = new int[ vDetOfPoint.length ];
		for ( int k = 0; k < vDetOfPoint.length; k++ )
			pointRow[ k ] = Arrays.binarySearch( distinct, vDetOfPoint[ k ] );
	}

	/** Model values at the points for this γ_ee (cached; do not modify the returned array). */
	public double[] values( final double gammaEe )
	{
		final double[] hit = cache.get( gammaEe );
		if ( hit != null )
			return hit;
		final double[] v = map( gammaEe, pointVinj, pointRow );
		cache.put( gammaEe, v );
		return v;
	}

	private double[] map( final double gammaEe, final double[] at, final int[] row )
	{
		setup.gammaEe = gammaEe;
		evaluations++;
		final EnergyModeResult r = setup.run( biases, QUIET );
		final double[][] g = detector( r.delta() );
		// columns over the biases, in units of G_inj G_det R_ξ (g_sa / 2κ_I, as DetectorSignal.gsaMap)
		final double scale = 1 / ( 2 * setup.kappa );
		final double[][] columns = new double[ vDet.length ][ biases.length ];
		for ( int b = 0; b < biases.length; b++ )
			for ( int d = 0; d < vDet.length; d++ )
				columns[ d ][ b ] = scale * g[ b ][ d ];
		final double[] out = new double[ at.length ];
		for ( int k = 0; k < at.length; k++ )
			out[ k ] = Math.copySign( 1, at[ k ] ) * MapInterpolation.linear( biases, columns[ row[ k ] ], Math.abs( at[ k ] ) );
		return out;
	}

	/**
	 * g_sa[b][d] over all V_det, the V_det values split into {@link EnergyModeRun#threads} contiguous chunks computed
	 * in parallel: the detector integral is a third of an evaluation's time at δε = 1/40 and each V_det column is
	 * independent, so the result does not depend on the number of threads.
	 */
	private double[][] detector( final double[] delta )
	{
		final int chunks = Math.max( 1, Math.min( setup.threads, vDet.length ) );
		final double[][][] parts = new double[ chunks ][][];
		IntStream.range( 0, chunks ).parallel().forEach( c -> parts[ c ] = setup.detector().gsa( biases, delta,
				Arrays.copyOfRange( vDet, c * vDet.length / chunks, ( c + 1 ) * vDet.length / chunks ) ) );
		final double[][] g = new double[ biases.length ][ vDet.length ];
		for ( int c = 0; c < chunks; c++ )
		{
			final int from = c * vDet.length / chunks;
			for ( int b = 0; b < biases.length; b++ )
				System.arraycopy( parts[ c ][ b ], 0, g[ b ], from, parts[ c ][ b ].length );
		}
		return g;
	}

	/** Number of distinct γ_ee for which the model was computed (the cost of a fit). */
	public int evaluations() { return evaluations; }

	/** Number of bias points of one model sweep. */
	public int biasCount() { return biases.length; }

	private static final SelfConsistentGap.Progress QUIET = new SelfConsistentGap.Progress()
	{
		@Override
		public void done( final int k, final int n )
		{}

		@Override
		public boolean cancelled() { return false; }
	};
}
