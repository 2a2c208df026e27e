package org.nisnonlocal.fit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.DetectorSignal;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.EnergyModeSolver;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.WarmStart;

/**
 * The energy-mode g_sa model (docs/physics.md §18.1, {@link org.nisnonlocal.physics.DetectorSignal#gsaMap}) as a function of
 * (γ_ee, Γ, κ_I, s) at fixed points (V_inj, V_det), in units of G_inj G_det R_ξ. The cost structure decides the cache
 * levels:
 * <ul>
 * <li>a self-consistent sweep Δ(V_inj) over the model bias grid 0, step, … per (γ_ee, Γ, κ_I) (seconds; counted by
 * {@link #evaluations()}): κ_I is the tunnel coupling in the injector's boundary condition, so it changes Δ(V_inj)
 * and needs a sweep of its own, apart from the plain 1/(2κ_I) of the units;</li>
 * <li>the detector integral at the V_det values per (sweep, Γ, s) (a third of an evaluation at δε = 1/40; counted by
 * {@link #detectorEvaluations()}), computed once per distinct |V_det| (I_det is exactly odd in V_det);</li>
 * <li>linear interpolation in V_inj between the model biases (mirrored to negative V_inj by the oddness of g_sa).</li>
 * </ul>
 * <b>Δ0 scale s.</b> The measured biases are taken as eV/Δ0_nominal; the true gap is Δ0 = s·Δ0_nominal, and all other
 * model parameters (Γ, temperatures, γ_ee, κ_I, L) stay as given, in units of the true Δ0 and ξ. The model's
 * dimensionless biases are then eV/Δ0 = v/s for both electrodes, and the amplitude does not change: with
 * I_det = (G_det Δ0/e)·J(eV_inj/Δ0, eV_det/Δ0), g = ∂I_det/∂V_inj = G_det·∂J/∂(eV_inj/Δ0), the Δ0 of the current unit
 * cancels the Δ0 of the bias unit. So g_s(v_inj, v_det) = g_1(v_inj/s, v_det/s): no new sweep, only the detector
 * integral at v_det/s and the interpolation at v_inj/s. The model bias grid covers max |V_inj| / s_min (constructor)
 * plus one step, and a request beyond it is an error, never an extrapolation.
 */
public final class EnergyModeMapModel
{
	private final EnergyModeRun setup;

	private final double gamma0;

	private final double kappa0;

	private final double minScale;

	private final double[] biases;

	private final double modelStep;

	/** Smallest bias whose dΔ/dV_inj the sweeps compute. */
	private final double derivativeFrom;

	/** Distinct |V_det|, ascending. */
	private final double[] vDetAbs;

	private final double[] pointVinj;

	private final int[] pointRow;

	private final boolean[] pointNegative;

	private final Map< Key, double[][] > sweeps = new HashMap<>();

	private final Map< Key, double[] > cache = new HashMap<>();

	private int evaluations;

	private int detectorEvaluations;

	private SelfConsistentGap.Progress progress = QUIET;

	/** The last sweep, the start of the next one. */
	private WarmStart warm;

	/** Same as {@link #EnergyModeMapModel(EnergyModeRun, double, double[], double[], double)} with s ≥ 1. */
	public EnergyModeMapModel( final EnergyModeRun setup, final double modelStep, final double[] vInj, final double[] vDetOfPoint )
	{
		this( setup, modelStep, vInj, vDetOfPoint, 1 );
	}

	/**
	 * @param setup model parameters: its Γ and κ_I are the defaults of {@link #values(double)}; the object is not
	 *        changed (each sweep runs on a copy)
	 * @param modelStep V_inj step of the model bias grid (eV/Δ0)
	 * @param vInj V_inj of each point
	 * @param vDetOfPoint V_det of each point (a few distinct values, typically the rows of a map)
	 * @param minScale smallest Δ0 scale s that will be asked for: the model grid reaches max |V_inj| / min(1, s)
	 */
	public EnergyModeMapModel( final EnergyModeRun setup, final double modelStep, final double[] vInj, final double[] vDetOfPoint, final double minScale )
	{
		this( setup, modelStep, vInj, vDetOfPoint, minScale, true );
	}

	/**
	 * As above; with {@code scaleFixed} the only scale asked for is {@code minScale} itself, and the model sweep
	 * also solves at every point's |V_inj|/s, so that g_sa there is exact (no interpolation between biases).
	 * Without it (s free) points between the model biases are interpolated (cubic Hermite in Δ).
	 */
	public EnergyModeMapModel( final EnergyModeRun setup, final double modelStep, final double[] vInj, final double[] vDetOfPoint, final double minScale, final boolean scaleFixed )
	{
		this( setup, modelStep, vInj, vDetOfPoint, minScale, scaleFixed, null );
	}

	/**
	 * The model at fixed s solved only at the points' own |V_inj|/s, every sweep started from {@code start}'s last
	 * sweep (another grid: {@link WarmStart#onto}); for reference grids of a fit ({@link ConvergedMapFit}), where a
	 * sweep up from V_inj = 0 would cost most of its time below the fitted biases.
	 */
	static EnergyModeMapModel startedFrom( final EnergyModeMapModel start, final EnergyModeRun setup, final double[] vInj, final double[] vDetOfPoint, final double scale )
	{
		return new EnergyModeMapModel( setup, start.modelStep, vInj, vDetOfPoint, scale, true, start );
	}

	private EnergyModeMapModel( final EnergyModeRun setup, final double modelStep, final double[] vInj, final double[] vDetOfPoint, final double minScale, final boolean scaleFixed,
			final EnergyModeMapModel start )
	{
		if ( !( modelStep > 0 ) )
			throw new BadInputException( "model V_inj step must be > 0, got " + modelStep );
		if ( vInj.length == 0 )
			throw new BadInputException( "no points to model" );
		if ( !( minScale > 0 ) || !Double.isFinite( minScale ) )
			throw new BadInputException( "smallest delta0 scale must be finite and > 0, got " + minScale );
		if ( vDetOfPoint.length != vInj.length )
			throw new BadInputException( "V_inj and V_det of the points differ in length" );
		this.setup = setup;
		this.gamma0 = setup.gamma;
		this.kappa0 = setup.kappa;
		this.minScale = Math.min( 1, minScale );
		this.pointVinj = vInj.clone();
		double max = 0;
		for ( final double v : vInj )
			max = Math.max( max, Math.abs( v ) );
		// at least 3 biases for the derivative; the grid covers max |V_inj| / s_min and one step more, so that interpolation
		// never extrapolates and every point lies on central differences: the one-sided difference at a grid end misses
		// the wiggles of g_sa (paper's grid, V_inj = 5, V_det = 1: 131 one-sided against 243 central), and the model at a
		// given V_inj then depends on how far the grid reaches (with s free it reaches 1/0.8 further)
		final double reach = max / this.minScale;
		final int n = Math.max( 3, ( int ) Math.ceil( reach / modelStep - 1e-9 ) + 2 );
		final double[] uniform = new double[ n ];
		for ( int b = 0; b < n; b++ )
			uniform[ b ] = b * modelStep;
		this.modelStep = modelStep;
		final boolean startable = start != null && start.warm != null;
		this.biases = startable ? withPoints( new double[ 0 ], vInj, minScale ) : scaleFixed ? withPoints( uniform, vInj, minScale ) : uniform;
		if ( startable )
			this.warm = start.warm.onto( biases, EnergyModeSolver.energyGrid( setup.omegaD, setup.de ) );
		// dΔ/dV_inj only where g_sa is asked for: at the points' own biases (s fixed), or at the interpolation nodes of
		// every s up to the fit's largest (s free)
		double low = Double.POSITIVE_INFINITY;
		for ( final double v : vInj )
			low = Math.min( low, Math.abs( v ) );
		this.derivativeFrom = scaleFixed ? low / minScale * ( 1 - 1e-9 ) : low / EnergyModeMapFit.SCALE_MAX - modelStep;
		this.vDetAbs = Arrays.stream( vDetOfPoint ).map( Math::abs ).distinct().sorted().toArray();
		this.pointRow = new int[ vDetOfPoint.length ];
		this.pointNegative = new boolean[ vDetOfPoint.length ];
		for ( int k = 0; k < vDetOfPoint.length; k++ )
		{
			pointRow[ k ] = Arrays.binarySearch( vDetAbs, Math.abs( vDetOfPoint[ k ] ) );
			pointNegative[ k ] = vDetOfPoint[ k ] < 0;
		}
	}

	/**
	 * The uniform biases and every |V_inj|/s of the points (computed as {@link #points} does, so that they are found
	 * exactly), ascending; a uniform bias within rounding of a point's is replaced by it.
	 */
	private static double[] withPoints( final double[] uniform, final double[] vInj, final double s )
	{
		final double[] at = Arrays.stream( vInj ).map( v -> s == 1 ? Math.abs( v ) : Math.abs( v ) / s ).distinct().sorted().toArray();
		final java.util.List< Double > out = new java.util.ArrayList<>();
		int j = 0;
		for ( final double u : uniform )
		{
			while ( j < at.length && at[ j ] < u - 1e-9 * Math.max( 1, u ) )
				out.add( at[ j++ ] );
			if ( j < at.length && Math.abs( at[ j ] - u ) <= 1e-9 * Math.max( 1, u ) )
				out.add( at[ j++ ] );
			else
				out.add( u );
		}
		while ( j < at.length )
			out.add( at[ j++ ] );
		return out.stream().mapToDouble( Double::doubleValue ).toArray();
	}

	/**
	 * Added to the model values at the points, linear in u = log10 γ_ee: correction + (u − correctionAt)·correctionSlope
	 * (a defect correction from a finer model, {@link ConvergedMapFit}); null: none.
	 */
	private double[] correction, correctionSlope;

	private double correctionAt;

	/**
	 * Sets the per-point defect correction c0 + (log10 γ_ee − u0)·slope added to every value from now on (c0 null:
	 * none; slope null: constant); the cached sweeps stay, the cached values are dropped.
	 */
	void correction( final double[] c0, final double[] slope, final double u0 )
	{
		if ( c0 != null && c0.length != pointVinj.length || slope != null && slope.length != pointVinj.length )
			throw new IllegalArgumentException( "correction does not have one value per point (" + pointVinj.length + ")" );
		correction = c0 == null ? null : c0.clone();
		correctionSlope = c0 == null || slope == null ? null : slope.clone();
		correctionAt = u0;
		cache.clear();
	}

	/** Progress per bias point of each sweep; cancellation is checked there and per bias row of each detector integral. */
	public void progress( final SelfConsistentGap.Progress p ) { this.progress = p == null ? QUIET : p; }

	/** Model values at the points for this γ_ee, Γ and κ_I of the setup, s = 1 (cached; do not modify the array). */
	public double[] values( final double gammaEe )
	{
		return values( gammaEe, gamma0, kappa0, 1 );
	}

	/**
	 * Model values at the points (cached; do not modify the returned array).
	 *
	 * @param gamma Dynes Γ (injector, wire and detector DOS alike)
	 * @param kappa κ_I (half wire)
	 * @param delta0Scale s = Δ0 / Δ0_nominal, ≥ the constructor's smallest scale
	 */
	public double[] values( final double requestedGammaEe, final double gamma, final double kappa, final double delta0Scale )
	{
		// a γ_ee within rounding of a swept one (log10 and back) is that one
		final double gammaEe = swept( requestedGammaEe, gamma, kappa );
		final Key key = new Key( gammaEe, gamma, kappa, delta0Scale );
		final double[] hit = cache.get( key );
		if ( hit != null )
			return hit;
		if ( !( delta0Scale >= minScale * ( 1 - 1e-12 ) ) || !Double.isFinite( delta0Scale ) )
			throw new BadInputException( "delta0 scale " + delta0Scale + " outside the model's bias grid (built for scales >= " + minScale + ")" );
		final Key sweepKey = new Key( gammaEe, gamma, kappa, 1 );
		double[][] delta = sweeps.get( sweepKey );
		if ( delta == null )
		{
			final EnergyModeRun run = setup.copy();
			run.gammaEe = gammaEe;
			run.gamma = gamma;
			run.kappa = kappa;
			run.derivativeFrom = derivativeFrom;
			evaluations++;
			// warm-started from the previous sweep (nearby parameters): fewer Newton steps per bias point, and the
			// second chunk need not start from equilibrium; the result agrees with a cold sweep to the tolerances
			final EnergyModeResult r = run.run( biases, progress, warm );
			warm = r.warmStart();
			delta = new double[][] { r.delta(), r.deltaSlope() };
			sweeps.put( sweepKey, delta );
		}
		final double[] v = points( delta, gamma, kappa, delta0Scale );
		if ( correction != null )
		{
			final double du = Math.log10( gammaEe ) - correctionAt;
			for ( int k = 0; k < v.length; k++ )
				v[ k ] += correction[ k ] + ( correctionSlope == null ? 0 : du * correctionSlope[ k ] );
		}
		cache.put( key, v );
		return v;
	}

	/**
	 * g_sa at the points: Δ(V_inj/s) and dΔ/dV_inj by cubic Hermite interpolation of the sweep's Δ and exact slopes (the
	 * nodes themselves where a point's V_inj/s is a model bias, as for every point when s is fixed), then
	 * ∂I_det/∂Δ · dΔ/dV_inj / (2κ_I) in units of G_inj G_det R_ξ, once per distinct (|V_inj|/s, |V_det|/s).
	 */
	private double[] points( final double[][] sweep, final double gamma, final double kappa, final double s )
	{
		final double[] at = new double[ pointVinj.length ];
		for ( int k = 0; k < at.length; k++ )
			at[ k ] = s == 1 ? Math.abs( pointVinj[ k ] ) : Math.abs( pointVinj[ k ] ) / s;
		final double[] distinct = Arrays.stream( at ).distinct().sorted().toArray();
		final double last = biases[ biases.length - 1 ];
		if ( distinct[ distinct.length - 1 ] > last * ( 1 + 1e-12 ) )
			throw new BadInputException( "V_inj/delta0_scale = " + distinct[ distinct.length - 1 ] + " beyond the model sweep (0 .. " + last + ")" );
		final double[] delta = new double[ distinct.length ], slope = new double[ distinct.length ];
		for ( int c = 0; c < distinct.length; c++ )
		{
			final double[] h = hermite( sweep[ 0 ], sweep[ 1 ], Math.min( distinct[ c ], last ) );
			delta[ c ] = h[ 0 ];
			slope[ c ] = h[ 1 ];
			if ( Double.isNaN( slope[ c ] ) )
				throw new BadInputException( "V_inj/delta0_scale = " + distinct[ c ] + " below the biases whose dDelta/dV_inj the model sweep computes (from " + derivativeFrom + ")" );
		}
		final double[] vDet = new double[ vDetAbs.length ];
		for ( int d = 0; d < vDet.length; d++ )
			vDet[ d ] = s == 1 ? vDetAbs[ d ] : vDetAbs[ d ] / s;
		final double[][] g = detector( delta, slope, gamma, vDet );
		final double scale = 1 / ( 2 * kappa );
		final double[] out = new double[ pointVinj.length ];
		for ( int k = 0; k < out.length; k++ )
		{
			final double v = Math.copySign( 1, pointVinj[ k ] ) * scale * g[ Arrays.binarySearch( distinct, at[ k ] ) ][ pointRow[ k ] ];
			out[ k ] = pointNegative[ k ] ? -v : v;
		}
		return out;
	}

	/**
	 * Δ(v) and dΔ/dv from the cubic Hermite interpolant of (biases, Δ, dΔ/dV): the node values where v is a node
	 * (to rounding), else error O(step⁴) in Δ and O(step³) in its slope.
	 */
	private double[] hermite( final double[] delta, final double[] slope, final double v )
	{
		int b = Arrays.binarySearch( biases, v );
		if ( b < 0 )
		{
			b = -b - 2;
			final double near = Math.min( Math.abs( v - biases[ b ] ), Math.abs( biases[ b + 1 ] - v ) );
			if ( near > 1e-12 * Math.max( 1, v ) )
			{
				final double h = biases[ b + 1 ] - biases[ b ], t = ( v - biases[ b ] ) / h;
				final double t2 = t * t, t3 = t2 * t;
				final double y0 = delta[ b ], y1 = delta[ b + 1 ], m0 = slope[ b ] * h, m1 = slope[ b + 1 ] * h;
				final double y = ( 2 * t3 - 3 * t2 + 1 ) * y0 + ( t3 - 2 * t2 + t ) * m0 + ( -2 * t3 + 3 * t2 ) * y1 + ( t3 - t2 ) * m1;
				final double dy = ( 6 * t2 - 6 * t ) * y0 + ( 3 * t2 - 4 * t + 1 ) * m0 + ( -6 * t2 + 6 * t ) * y1 + ( 3 * t2 - 2 * t ) * m1;
				return new double[] { y, dy / h };
			}
			b = Math.abs( v - biases[ b ] ) <= Math.abs( biases[ b + 1 ] - v ) ? b : b + 1;
		}
		return new double[] { delta[ b ], slope[ b ] };
	}

	/**
	 * ∂I_det/∂Δ · dΔ/dV_inj [c][d] at the distinct (Δ, slope) pairs c and the (non-negative) V_det values d, split into
	 * {@link EnergyModeRun#threads} contiguous chunks of V_det computed in parallel: each value is independent, so the
	 * result does not depend on the number of threads. Cancellation is checked per row.
	 */
	private double[][] detector( final double[] delta, final double[] slope, final double gamma, final double[] vDet )
	{
		detectorEvaluations++;
		final DetectorSignal signal = new DetectorSignal( gamma, setup.tDet, setup.omegaD );
		final int chunks = Math.max( 1, Math.min( setup.threads, vDet.length ) );
		final double[][] g = new double[ delta.length ][ vDet.length ];
		IntStream.range( 0, chunks ).parallel().forEach( c -> {
			final int from = c * vDet.length / chunks, to = ( c + 1 ) * vDet.length / chunks;
			for ( int b = 0; b < delta.length; b++ )
			{
				if ( progress.cancelled() )
					throw new BadInputException( "detector integral cancelled" );
				for ( int d = from; d < to; d++ )
					g[ b ][ d ] = slope[ b ] == 0 ? 0 : signal.currentSlope( delta[ b ], vDet[ d ] ) * slope[ b ];
			}
		} );
		return g;
	}

	private double swept( final double gammaEe, final double gamma, final double kappa )
	{
		for ( final Key k : sweeps.keySet() )
			if ( k.v[ 1 ] == gamma && k.v[ 2 ] == kappa && Math.abs( k.v[ 0 ] - gammaEe ) <= 1e-12 * gammaEe )
				return k.v[ 0 ];
		return gammaEe;
	}

	/** The γ_ee of every sweep made so far at this Γ and κ_I (in no particular order). */
	public double[] swept( final double gamma, final double kappa )
	{
		return sweeps.keySet().stream().filter( k -> k.v[ 1 ] == gamma && k.v[ 2 ] == kappa ).mapToDouble( k -> k.v[ 0 ] ).toArray();
	}

	/** Number of self-consistent sweeps computed (the cost of a fit; one per distinct γ_ee, Γ, κ_I). */
	public int evaluations() { return evaluations; }

	/** Number of detector integrals computed (one per distinct γ_ee, Γ, κ_I, s). */
	public int detectorEvaluations() { return detectorEvaluations; }

	/** Number of bias points of one model sweep. */
	public int biasCount() { return biases.length; }

	/** Cache key: the parameter values, compared exactly. */
	private static final class Key
	{
		private final double[] v;

		Key( final double... v ) { this.v = v; }

		@Override
		public boolean equals( final Object o ) { return o instanceof Key && Arrays.equals( v, ( ( Key ) o ).v ); }

		@Override
		public int hashCode() { return Arrays.hashCode( v ); }
	}

	private static final SelfConsistentGap.Progress QUIET = new SelfConsistentGap.Progress()
	{
		@Override
		public void done( final int k, final int n )
		{}

		@Override
		public boolean cancelled() { return false; }
	};
}
