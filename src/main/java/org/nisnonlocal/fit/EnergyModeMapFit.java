package org.nisnonlocal.fit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ValueAndJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.util.Pair;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.SelfConsistentGap;

/**
 * Fits γ_ee of the energy-mode g_sa model ({@link EnergyModeMapModel}) to measured points, in u = log10 γ_ee
 * (γ_ee enters weakly and over decades, and stays positive), optionally together with Γ, the Δ0 scale s and κ_I
 * ({@link #free}). The model has no free amplitude.
 * <p>
 * Every new (γ_ee, Γ, κ_I) costs one self-consistent sweep (seconds); a new s costs only a detector integral (see
 * {@link EnergyModeMapModel}). The search over γ_ee is one-dimensional and frugal: a coarse profile every
 * {@link #COARSE_STEP} decades over ±span around the start, Brent's method inside the bracket of the coarse minimum,
 * and regula falsi for each Δχ² = 1 crossing; all evaluations are cached and all of them make up the reported χ²
 * profile. With other free parameters every point of that profile is a <em>profile likelihood</em> point: the other
 * parameters are minimized at fixed γ_ee by Levenberg–Marquardt (forward differences, log Γ and log κ_I, s linear,
 * clamped to the bounds below), warm-started from the optimum at the nearest γ_ee already evaluated. The covariance
 * comes from the Jacobian of all free parameters at the joint optimum (central differences); the correlation matrix
 * is reported and |ρ| > {@value #DEGENERATE} is stated as a degeneracy. The profile-likelihood interval is computed
 * for γ_ee only. With no σ, σ is estimated from the residuals so that the reduced χ² is 1 at the optimum (then the
 * interval is a Δχ² = 1 interval in those units). With σ given and a reduced χ² above 1 + 4·√(2/ν) (ν = points − free
 * parameters) the model does not describe the data within their errors: this is stated, and the errors and the interval
 * are widened the same way (χ² divided by χ²_red: errors × √χ²_red, interval at Δχ²/χ²_red = 1); the statistical-only
 * ones stay in the result beside them.
 */
public final class EnergyModeMapFit
{
	/** Spacing of the coarse profile, decades of γ_ee. */
	static final double COARSE_STEP = 0.5;

	/**
	 * Brent's absolute tolerance, decades (0.7 % in γ_ee). A full 101 × 81 map at σ = 100 gives a 1σ error of ≈ 1 %:
	 * with 0.01 decades the optimum (and so the Δχ² = 1 reference) was off by up to 2 % and the interval lopsided.
	 */
	static final double TOLERANCE = 0.003;

	/** Half-width of the central difference for the covariance derivative, decades (γ_ee, Γ, κ_I). */
	static final double DERIVATIVE_STEP = 0.05;

	/** Spacing of the three sweeps the γ_ee-only fit interpolates the model between, decades. */
	static final double LOCAL_STEP = 0.05;

	/** Moves of that triple at most before the local search gives up. */
	static final int LOCAL_ROUNDS = 6;

	/** Half-width of the central difference for the covariance derivative in s. */
	static final double SCALE_DERIVATIVE_STEP = 0.01;

	/** Forward-difference steps of the inner Levenberg–Marquardt Jacobian: decades (Γ, κ_I), and s. */
	static final double INNER_LOG_STEP = 0.02, INNER_SCALE_STEP = 0.004;

	/**
	 * A profile point whose χ² at the warm start exceeds the best so far by more than FAR estimated σ² is minimized
	 * with at most {@link #FAR_ITERATIONS} Levenberg–Marquardt iterations (its χ² may then be an upper bound).
	 */
	static final double FAR = 100;

	static final int FAR_ITERATIONS = 4;

	/** |correlation| above which two parameters are reported as degenerate. */
	public static final double DEGENERATE = 0.95;

	/**
	 * Bounds of the free parameters other than γ_ee. Γ ≥ 10⁻³: narrower broadening is not resolved by the kinetic
	 * solver's equidistant energy grid (δε = 1/40 by default) and made it stall in trials.
	 */
	public static final double GAMMA_MIN = 1e-3, GAMMA_MAX = 0.4, SCALE_MIN = 0.8, SCALE_MAX = 1.25, KAPPA_MIN = 1e-7, KAPPA_MAX = 1e-2;

	/** The fittable parameters: name in CSV files, name on the command line. */
	public enum Parameter
	{
		GAMMA_EE( "gamma_ee", "gamma-ee" ), GAMMA( "gamma", "gamma" ), DELTA0_SCALE( "delta0_scale", "delta0-scale" ), KAPPA( "kappa", "kappa" );

		public final String csvName;

		public final String option;

		Parameter( final String csvName, final String option )
		{
			this.csvName = csvName;
			this.option = option;
		}

		/** The parameter named {@code option} ("gamma-ee", "gamma", "delta0-scale", "kappa"). */
		public static Parameter fromOption( final String option )
		{
			for ( final Parameter p : values() )
				if ( p.option.equals( option ) )
					return p;
			throw new BadInputException( "unknown free parameter " + option + " (gamma-ee, gamma, delta0-scale, kappa)" );
		}
	}

	/**
	 * Progress and cancellation of a fit (no UI types; the menu command adapts it). Called on the fitting thread,
	 * except {@link #biasPoint}, which may come from the sweep's worker threads.
	 */
	public interface Listener
	{
		/**
		 * After each χ² (and each covariance derivative point, with χ² NaN).
		 *
		 * @param sweeps self-consistent sweeps so far (the cost)
		 * @param parameters current values by CSV name (all four, fixed ones included)
		 * @param chi2 χ² with the given σ, or with σ = 1 when σ is to be estimated; NaN when not computed
		 */
		default void evaluated( final int sweeps, final Map< String, Double > parameters, final double chi2 )
		{}

		/** Bias point k of n of the running sweep finished. */
		default void biasPoint( final int k, final int n )
		{}

		/** Polled before each model evaluation, at every bias point of a sweep and every bias row of a detector integral. */
		default boolean cancelled() { return false; }
	}

	/** Thrown when the {@link Listener} cancelled the fit (within one bias point). */
	public static final class CancelledException extends BadInputException
	{
		private static final long serialVersionUID = 1L;

		public CancelledException()
		{
			super( "fit cancelled" );
		}
	}

	private final EnergyModeRun setup;

	private final double modelStep;

	private double span = 1;

	private final EnumSet< Parameter > extra = EnumSet.noneOf( Parameter.class );

	private double delta0Scale = 1;

	/** A model of the same points and setup whose cached sweeps a refit reuses ({@link ConvergedMapFit}); null: a new one. */
	private EnergyModeMapModel reuse;

	/** Per-point defect correction added to the model, linear in log10 γ_ee around correctionAt (null: none). */
	private double[] correction, correctionSlope;

	private double correctionAt;

	/** The model of the last fit (for a refit with a correction). */
	private EnergyModeMapModel lastModel;

	/**
	 * Refit on {@code model} (same points, setup and free parameters: its cached sweeps count) plus the per-point
	 * correction c0 + (log10 γ_ee − u0)·slope.
	 */
	EnergyModeMapFit corrected( final EnergyModeMapModel model, final double[] c0, final double[] slope, final double u0 )
	{
		this.reuse = model;
		this.correction = c0;
		this.correctionSlope = slope;
		this.correctionAt = u0;
		return this;
	}

	EnergyModeMapModel lastModel() { return lastModel; }

	/** The three log10 γ_ee the last γ_ee-only fit interpolated between (null: none). */
	private double[] localPoints;

	/** The three log10 γ_ee (swept) the last γ_ee-only fit interpolated the model between; null when it did not. */
	double[] localPoints() { return localPoints == null ? null : localPoints.clone(); }

	/** log10 γ_ee where a γ_ee-only fit starts its local search (NaN: from the coarse profile). */
	private double startNear = Double.NaN;

	/** Starts the local search at log10 γ_ee = u (a refit near a known optimum: its sweeps are cached). */
	EnergyModeMapFit startNear( final double u )
	{
		this.startNear = u;
		return this;
	}

	/**
	 * @param setup model parameters; its Γ and κ_I are the fixed values or the start values when free (not changed)
	 * @param modelStep V_inj step of the model sweep (eV/Δ0)
	 */
	public EnergyModeMapFit( final EnergyModeRun setup, final double modelStep )
	{
		this.setup = setup;
		this.modelStep = modelStep;
	}

	/** Half-width of the searched range in decades around the start value (default 1: two decades in all). */
	public EnergyModeMapFit span( final double decades )
	{
		if ( !( decades >= 0.5 ) || decades > 4 )
			throw new BadInputException( "search span must be in [0.5, 4] decades, got " + decades );
		this.span = decades;
		return this;
	}

	/** The free parameters; γ_ee is free whether listed or not (default: γ_ee only). */
	public EnergyModeMapFit free( final Collection< Parameter > parameters )
	{
		extra.clear();
		extra.addAll( parameters );
		extra.remove( Parameter.GAMMA_EE );
		return this;
	}

	/** s = Δ0/Δ0_nominal: the fixed value, or the start value when free (default 1). */
	public EnergyModeMapFit delta0Scale( final double s )
	{
		if ( !( s > 0 ) || !Double.isFinite( s ) )
			throw new BadInputException( "delta0 scale must be finite and > 0, got " + s );
		this.delta0Scale = s;
		return this;
	}

	/**
	 * @param vInj V_inj of each point (eV/Δ0)
	 * @param vDet V_det of each point
	 * @param g measured g_sa in units of G_inj G_det R_ξ
	 * @param sigma per-point σ, or null to estimate one common σ from the residuals
	 * @param gammaEe0 start value (centre of the searched range)
	 */
	public EnergyModeMapFitResult fit( final double[] vInj, final double[] vDet, final double[] g, final double[] sigma, final double gammaEe0 )
	{
		return fit( vInj, vDet, g, sigma, gammaEe0, null );
	}

	/** As {@link #fit(double[], double[], double[], double[], double)} with progress and cancellation (listener may be null). */
	public EnergyModeMapFitResult fit( final double[] vInj, final double[] vDet, final double[] g, final double[] sigma, final double gammaEe0, final Listener listener )
	{
		final int n = g.length;
		final int p = 1 + extra.size();
		if ( vInj.length != n || vDet.length != n || ( sigma != null && sigma.length != n ) )
			throw new BadInputException( "fit arrays differ in length" );
		if ( n < p + 1 )
			throw new BadInputException( "need at least " + ( p + 1 ) + " points to fit " + p + " parameter" + ( p > 1 ? "s" : "" ) + ", got " + n );
		if ( !( gammaEe0 > 0 ) || !Double.isFinite( gammaEe0 ) )
			throw new BadInputException( "gamma_ee start value must be > 0, got " + gammaEe0 );
		if ( sigma != null )
			for ( final double s : sigma )
				if ( !( s > 0 ) || !Double.isFinite( s ) )
					throw new BadInputException( "per-point sigma must be finite and > 0, got " + s );
		final Space space = new Space( extra, setup, delta0Scale );
		final EnergyModeMapModel model = reuse != null ? reuse
				: new EnergyModeMapModel( setup, modelStep, vInj, vDet, extra.contains( Parameter.DELTA0_SCALE ) ? SCALE_MIN : delta0Scale, !extra.contains( Parameter.DELTA0_SCALE ) );
		model.correction( correction, correctionSlope, correctionAt );
		lastModel = model;
		final Objective objective = new Objective( model, space, g, sigma, listener );
		final Profile chi2 = new Profile( objective, space );
		final List< String > notes = new ArrayList<>();
		boolean converged = true;

		// coarse profile: brackets the minimum and is the base of the reported profile
		final double u0 = Math.log10( gammaEe0 );
		final int half = Math.max( 1, ( int ) Math.round( span / COARSE_STEP ) );
		// the searched range is the coarse grid's: ±span rounded to whole coarse steps
		final double reach = half * COARSE_STEP;
		int best = -half;
		double bestValue = Double.POSITIVE_INFINITY;
		// from the start outward: the start values of the other parameters belong to the start γ_ee, and each further point
		// is warm-started from its inner neighbour (from the lower edge inward, the optimum of Γ at the edge was so far
		// off at the start γ_ee that its capped minimization stopped there, and the fit ended at the edge)
		// γ_ee alone: only as far out as χ² keeps falling (a point half a decade or more beyond the minimum costs a sweep far
		// from any warm start, and the interval, if it reaches there, evaluates what it needs)
		int first = 0, last = 0;
		for ( int step = 0; step <= 2 * half; step++ )
		{
			final int k;
			if ( !extra.isEmpty() || step < 3 )
				k = step % 2 == 1 ? -( step + 1 ) / 2 : step / 2;
			else if ( best == first && first > -half )
				k = first - 1;
			else if ( best == last && last < half )
				k = last + 1;
			else
				break;
			first = Math.min( first, k );
			last = Math.max( last, k );
			final double c = chi2.at( u0 + k * COARSE_STEP );
			if ( c < bestValue || c == bestValue && k < best )
			{
				bestValue = c;
				best = k;
			}
		}
		double uOpt = u0 + best * COARSE_STEP;
		// γ_ee alone: the optimum, the covariance and (where they fall inside it) the interval from the model interpolated
		// between sweeps 0.05 decades apart (ModelInterpolation): 3-4 sweeps instead of Brent's 8-10 and the crossings'
		// 4-6, and the optimum to 1e-6 decades instead of Brent's 0.003
		ModelInterpolation local = null;
		if ( best == -half || best == half )
		{
			converged = false;
			notes.add( "minimum at the " + ( best == -half ? "lower" : "upper" ) + " edge of the searched range (gamma_ee " + fmt( Math.pow( 10, u0 - reach ) ) + " .. "
					+ fmt( Math.pow( 10, u0 + reach ) ) + "): not converged" );
		}
		else if ( extra.isEmpty() )
		{
			final double[] coarse = { uOpt - COARSE_STEP, uOpt, uOpt + COARSE_STEP };
			final double guess = Double.isNaN( startNear ) ? interpolation( chi2, objective, coarse, g, sigma ).minimum( coarse[ 0 ], coarse[ 2 ], 1e-6 )
					: Math.max( coarse[ 0 ], Math.min( coarse[ 2 ], startNear ) );
			double centre = guess;
			for ( int round = 0; local == null && round < LOCAL_ROUNDS; round++ )
			{
				centre = Math.max( u0 - reach + LOCAL_STEP, Math.min( u0 + reach - LOCAL_STEP, centre ) );
				// snapped to sweeps already made (by this fit or, in a refit, by the first): they cost no new sweep
				final double[] swept = model.swept( space.gamma, space.kappa );
				final double[] at = { near( swept, centre - LOCAL_STEP ), near( swept, centre ), near( swept, centre + LOCAL_STEP ) };
				final ModelInterpolation trial = interpolation( chi2, objective, at, g, sigma );
				final double u = trial.minimum( at[ 0 ], at[ 2 ], 1e-6 );
				if ( Math.abs( u - at[ 1 ] ) <= LOCAL_STEP / 2 )
				{
					local = trial;
					uOpt = u;
					localPoints = at;
				}
				else
					centre = u;
			}
			if ( local == null )
			{
				converged = false;
				uOpt = centre;
				notes.add( "the local search for the minimum did not settle in " + LOCAL_ROUNDS + " steps of " + LOCAL_STEP + " decades: not converged" );
			}
		}
		else
		{
			try
			{
				final UnivariatePointValuePair pv = new BrentOptimizer( 1e-6, TOLERANCE ).optimize( new MaxEval( 30 ), GoalType.MINIMIZE,
						new UnivariateObjectiveFunction( chi2::at ), new SearchInterval( uOpt - COARSE_STEP, uOpt + COARSE_STEP, uOpt ) );
				// Brent returns its best point; the cache may hold a better coarse one only within tolerance
				uOpt = chi2.at( pv.getPoint() ) <= bestValue ? pv.getPoint() : uOpt;
			}
			catch ( final TooManyEvaluationsException e )
			{
				converged = false;
				notes.add( "Brent search did not converge in 30 evaluations" );
			}
		}
		// the interpolated optimum joins the reported profile (whose minimum is then the fit's)
		if ( local != null )
			chi2.record( uOpt, local.chi2( uOpt ) );
		final double raw = chi2.at( uOpt );
		final double[] qOpt = local != null ? new double[ 0 ] : chi2.theta( uOpt );
		final boolean estimated = sigma == null;
		final int nu = n - p;
		final double chi2Reduced = estimated ? 1 : raw / nu;
		// given σ and χ²_red far above what noise allows: the model does not describe the data within their errors, and
		// the errors and the interval are widened by the same scaling as an estimated σ (Δχ²/χ²_red = 1)
		final double widening = estimated ? 1 : widening( chi2Reduced, nu );
		final boolean inconsistent = widening > 1;
		// χ² units: given σ, or σ² = χ²_min(σ = 1)/(N − p) so that the reduced χ² is 1 at the optimum (estimated σ, or
		// the given σ scaled up by √χ²_red when inconsistent)
		final double scale = estimated ? raw / nu : widening;
		if ( estimated )
			notes.add( "sigma estimated from the residuals (reduced chi2 = 1 by construction): " + fmt( Math.sqrt( scale ) ) );
		else if ( inconsistent )
			notes.add( "the model does not describe these data within their errors (reduced chi2 = " + fmt( chi2Reduced ) + ", expected 1 +- " + fmt( chi2Band( nu ) ) + " for " + n
					+ " points): errors and interval widened by sqrt(reduced chi2) = " + fmt( Math.sqrt( widening ) ) );
		else if ( chi2Reduced < 1 - chi2Band( nu ) )
			notes.add( "reduced chi2 = " + fmt( chi2Reduced ) + " is below the expected 1 +- " + fmt( chi2Band( nu ) ) + " for " + n
					+ " points: the given sigma is larger than the scatter about the model (errors and interval not narrowed)" );
		final double minimum = raw / scale;
		if ( !extra.isEmpty() )
			notes.add( "chi2 profile and interval with " + space.names() + " re-optimized at each gamma_ee" );
		if ( chi2.innerFailures > 0 )
		{
			converged = false;
			notes.add( "the minimization over " + space.names() + " did not converge at " + chi2.innerFailures + " gamma_ee value(s)" );
		}
		if ( chi2.failedTrials > 0 )
			notes.add( "the model failed at " + chi2.failedTrials + " trial point(s) of the inner minimization (treated as rejected steps)" );
		if ( chi2.farCapped > 0 )
			notes.add( chi2.farCapped + " profile point(s) far from the minimum (delta chi2 > " + ( int ) FAR + ") minimized with at most " + FAR_ITERATIONS
					+ " iterations: their chi2 is an upper bound" );
		for ( int j = 0; j < space.size(); j++ )
			if ( space.atBound( j, qOpt[ j ] ) )
			{
				converged = false;
				notes.add( space.parameters.get( j ).csvName + " at its bound " + fmt( space.physical( j, qOpt[ j ] ) ) + " (allowed " + fmt( space.lowerBound( j ) ) + " .. "
						+ fmt( space.upperBound( j ) ) + "): not converged" );
			}

		// covariance by the Jacobian of the model (central differences in u, the internal coordinates q), as the LM fits do
		final double[][] jac = new double[ n ][ p ];
		if ( local != null )
		{
			final double[] slope = local.slope( uOpt );
			for ( int k = 0; k < n; k++ )
				jac[ k ][ 0 ] = slope[ k ] / ( sigma == null ? 1 : sigma[ k ] );
		}
		else
		{
			final double[] mPlus = objective.model( uOpt + DERIVATIVE_STEP, qOpt );
			final double[] mMinus = objective.model( uOpt - DERIVATIVE_STEP, qOpt );
			if ( extra.isEmpty() )
			{
				// these are profile points too when γ_ee is the only parameter
				chi2.at( uOpt + DERIVATIVE_STEP );
				chi2.at( uOpt - DERIVATIVE_STEP );
			}
			for ( int k = 0; k < n; k++ )
				jac[ k ][ 0 ] = ( mPlus[ k ] - mMinus[ k ] ) / ( 2 * DERIVATIVE_STEP ) / ( sigma == null ? 1 : sigma[ k ] );
		}
		for ( int j = 0; j < space.size(); j++ )
		{
			final double h = space.parameters.get( j ) == Parameter.DELTA0_SCALE ? SCALE_DERIVATIVE_STEP : DERIVATIVE_STEP;
			final double[] qHi = qOpt.clone(), qLo = qOpt.clone();
			qHi[ j ] = Math.min( qOpt[ j ] + h, space.upper[ j ] );
			qLo[ j ] = Math.max( qOpt[ j ] - h, space.lower[ j ] );
			final double[] hi = objective.model( uOpt, qHi ), lo = objective.model( uOpt, qLo );
			for ( int k = 0; k < n; k++ )
				jac[ k ][ 1 + j ] = ( hi[ k ] - lo[ k ] ) / ( qHi[ j ] - qLo[ j ] ) / ( sigma == null ? 1 : sigma[ k ] );
		}
		final double[][] cov = Covariance.matrix( jac, scale, 1e-300 );
		// statistical only (the given σ as it is): the same as cov unless widened
		final double[][] covUnscaled = inconsistent ? Covariance.matrix( jac, 1, 1e-300 ) : cov;
		final List< Parameter > names = new ArrayList<>();
		names.add( Parameter.GAMMA_EE );
		names.addAll( space.parameters );
		final double[] values = new double[ p ], errors = new double[ p ], errorsUnscaled = new double[ p ], lows = new double[ p ], highs = new double[ p ];
		final double gOpt = Math.pow( 10, uOpt );
		values[ 0 ] = gOpt;
		for ( int j = 0; j < space.size(); j++ )
			values[ 1 + j ] = space.physical( j, qOpt[ j ] );
		double[][] correlation = null;
		if ( cov == null )
		{
			java.util.Arrays.fill( errors, Double.NaN );
			java.util.Arrays.fill( errorsUnscaled, Double.NaN );
			notes.add( p == 1 ? "covariance degenerate: the model does not depend on gamma_ee at these points"
					: "covariance singular: the model does not depend on some combination of " + names( names ) + " at these points (degenerate)" );
		}
		else
		{
			for ( int j = 0; j < p; j++ )
			{
				final double sd = Math.sqrt( cov[ j ][ j ] );
				// u and log parameters: d(10^q) = 10^q ln10 dq
				final double factor = j == 0 || space.logarithmic( j - 1 ) ? values[ j ] * Math.log( 10 ) : 1;
				errors[ j ] = factor * sd;
				errorsUnscaled[ j ] = covUnscaled == null ? Double.NaN : factor * Math.sqrt( covUnscaled[ j ][ j ] );
			}
			correlation = new double[ p ][ p ];
			for ( int a = 0; a < p; a++ )
				for ( int b = 0; b < p; b++ )
					correlation[ a ][ b ] = cov[ a ][ b ] / Math.sqrt( cov[ a ][ a ] * cov[ b ][ b ] );
			for ( int a = 0; a < p; a++ )
				for ( int b = a + 1; b < p; b++ )
					if ( Math.abs( correlation[ a ][ b ] ) > DEGENERATE )
						notes.add( "degenerate: " + names.get( a ).csvName + " and " + names.get( b ).csvName + " correlated (rho = "
								+ String.format( Locale.ROOT, "%.3f", correlation[ a ][ b ] ) + "); the data fix mainly a combination of the two" );
		}
		java.util.Arrays.fill( lows, Double.NaN );
		java.util.Arrays.fill( highs, Double.NaN );

		// unscaled first: its crossings are the nearer ones, and the widened search brackets from them in the cache
		final double lowUnscaled = inconsistent ? crossing( local, chi2, uOpt, -1, raw, 1, u0 - reach ) : Double.NaN;
		final double highUnscaled = inconsistent ? crossing( local, chi2, uOpt, +1, raw, 1, u0 + reach ) : Double.NaN;
		final double low = crossing( local, chi2, uOpt, -1, minimum, scale, u0 - reach );
		final double high = crossing( local, chi2, uOpt, +1, minimum, scale, u0 + reach );
		lows[ 0 ] = low;
		highs[ 0 ] = high;
		if ( Double.isNaN( low ) && Double.isNaN( high ) )
			notes.add( "interval unbounded on both sides: the data do not constrain gamma_ee within " + fmt( Math.pow( 10, u0 - reach ) ) + " .. " + fmt( Math.pow( 10, u0 + reach ) ) );
		else if ( Double.isNaN( low ) )
			notes.add( "one-sided interval: the data bound gamma_ee only from above (no lower bound down to " + fmt( Math.pow( 10, u0 - reach ) ) + ")" );
		else if ( Double.isNaN( high ) )
			notes.add( "one-sided interval: the data bound gamma_ee only from below (no upper bound up to " + fmt( Math.pow( 10, u0 + reach ) ) + ")" );

		final double[][] profile = chi2.profile( scale );
		// estimated σ: reduced χ² is 1 by construction (exactly, not up to rounding)
		return new EnergyModeMapFitResult( gOpt, errors[ 0 ], low, high, chi2Reduced, n, estimated ? Math.sqrt( scale ) : Double.NaN, estimated, converged,
				String.join( "; ", notes ), profile[ 0 ], profile[ 1 ], local != null ? local.values( uOpt ) : objective.model( uOpt, qOpt ).clone(), model.evaluations(), model.detectorEvaluations(), names, values,
				errors, lows, highs, correlation, 1 + chi2Band( nu ), inconsistent, Math.sqrt( widening ), errorsUnscaled, inconsistent ? lowUnscaled : low,
				inconsistent ? highUnscaled : high );
	}

	/**
	 * Half-width of the band of reduced χ² that noise alone explains with ν degrees of freedom: 4·√(2/ν), four standard
	 * deviations of χ²_ν/ν.
	 */
	static double chi2Band( final int nu ) { return 4 * Math.sqrt( 2.0 / nu ); }

	/**
	 * The factor χ² is divided by before the errors and the Δχ² = 1 interval are taken, for a given σ: the reduced χ² when
	 * it is above 1 + {@link #chi2Band} (the model does not describe the data within their errors; the errors then grow
	 * by its square root), else 1 (consistent, or below the band: never narrowed).
	 */
	static double widening( final double chi2Reduced, final int nu ) { return chi2Reduced > 1 + chi2Band( nu ) ? chi2Reduced : 1; }

	private static String names( final List< Parameter > list )
	{
		final List< String > s = new ArrayList<>();
		for ( final Parameter p : list )
			s.add( p.csvName );
		return String.join( ", ", s );
	}

	/** The finite points of a map inside the bias windows (inclusive), as {V_inj[], V_det[], g[]}. */
	public static double[][] select( final ConductanceMap map, final double vInjMin, final double vInjMax, final double vDetMin, final double vDetMax )
	{
		return select( map, null, vInjMin, vInjMax, vDetMin, vDetMax );
	}

	/**
	 * The finite points of a map that are in the mask and inside the bias windows (inclusive), as {V_inj[], V_det[], g[]}.
	 *
	 * @param mask one flag per map pixel in the layout of {@link ConductanceMap#data()}, i.e. at
	 *        {@link ConductanceMap#index}(i, j): x fastest, top row (highest V_det) first, the pixel order of the map's
	 *        image (a whole-image ROI mask, e.g. from {@code Roi.contains(x, y)} per pixel); null for all pixels
	 */
	public static double[][] select( final ConductanceMap map, final boolean[] mask, final double vInjMin, final double vInjMax, final double vDetMin, final double vDetMax )
	{
		if ( mask != null && mask.length != map.width() * map.height() )
			throw new BadInputException( "region mask has " + mask.length + " pixels, the map " + map.width() + " x " + map.height() );
		final List< double[] > rows = new ArrayList<>();
		for ( int j = 0; j < map.height(); j++ )
			for ( int i = 0; i < map.width(); i++ )
			{
				if ( mask != null && !mask[ map.index( i, j ) ] )
					continue;
				final double x = map.xAxis().value( i ), y = map.yAxis().value( j ), v = map.get( i, j );
				if ( x >= vInjMin - 1e-9 && x <= vInjMax + 1e-9 && y >= vDetMin - 1e-9 && y <= vDetMax + 1e-9 && Double.isFinite( v ) )
					rows.add( new double[] { x, y, v } );
			}
		if ( rows.isEmpty() )
			throw new BadInputException( "no finite measured points inside " + ( mask == null ? "" : "the region mask and " ) + "V_inj " + vInjMin + " .. " + vInjMax + ", V_det " + vDetMin
					+ " .. " + vDetMax );
		final double[][] out = new double[ 3 ][ rows.size() ];
		for ( int k = 0; k < rows.size(); k++ )
			for ( int c = 0; c < 3; c++ )
				out[ c ][ k ] = rows.get( k )[ c ];
		return out;
	}

	/** {@link #crossing(Profile, double, int, double, double, double)}, from the interpolated model where it lies inside it. */
	private static double crossing( final ModelInterpolation local, final Profile chi2, final double uOpt, final int dir, final double minimum, final double scale, final double limit )
	{
		if ( local != null )
		{
			final double u = local.crossing( uOpt, dir, minimum + 1, scale, 1e-6 );
			if ( !Double.isNaN( u ) )
			{
				chi2.record( u, local.chi2( u ) );
				return Math.pow( 10, u );
			}
		}
		return crossing( chi2, uOpt, dir, minimum, scale, limit );
	}

	/** The log10 of the swept γ_ee nearest u when within a third of {@link #LOCAL_STEP}, else u itself. */
	private static double near( final double[] sweptGammaEe, final double u )
	{
		double best = u, d = LOCAL_STEP / 3;
		for ( final double gee : sweptGammaEe )
		{
			final double w = Math.log10( gee );
			if ( Math.abs( w - u ) <= d )
			{
				best = w;
				d = Math.abs( w - u );
			}
		}
		return best;
	}

	/** The model interpolated between the (real, cached) sweeps at the three u. */
	private static ModelInterpolation interpolation( final Profile chi2, final Objective objective, final double[] at, final double[] g, final double[] sigma )
	{
		final double[][] m = new double[ 3 ][];
		for ( int j = 0; j < 3; j++ )
		{
			chi2.at( at[ j ] );
			m[ j ] = objective.values( at[ j ], new double[ 0 ] );
		}
		return new ModelInterpolation( at, m, g, sigma );
	}

	/**
	 * The γ_ee where χ²/scale first reaches minimum + 1 going from uOpt in direction dir, or NaN when it does not
	 * within the searched range. Bracketed by the cached profile; refined by regula falsi (Illinois) in u on √Δχ² − 1.
	 */
	private static double crossing( final Profile chi2, final double uOpt, final int dir, final double minimum, final double scale, final double limit )
	{
		final double target = minimum + 1;
		double inner = uOpt, outer = Double.NaN;
		// nearest evaluated point beyond the crossing, scanning outward through the cache
		for ( final Map.Entry< Double, Double > e : chi2.sorted( dir ) )
		{
			final double u = e.getKey();
			if ( dir * ( u - uOpt ) <= 0 )
				continue;
			if ( e.getValue() / scale >= target )
			{
				outer = u;
				break;
			}
			inner = u;
		}
		if ( Double.isNaN( outer ) )
		{
			if ( dir * ( limit - inner ) > 1e-12 && chi2.at( limit ) / scale >= target )
				outer = limit;
			else
				return Double.NaN;
		}
		// root of √(Δχ²) − 1: √Δχ² is nearly linear in |u − u_opt| near the optimum, so regula falsi converges fast
		double fi = excess( chi2.at( inner ) / scale - minimum ), fo = excess( chi2.at( outer ) / scale - minimum );
		int side = 0;
		for ( int it = 0; it < 6 && Math.abs( outer - inner ) > TOLERANCE; it++ )
		{
			final double u = inner - fi * ( outer - inner ) / ( fo - fi );
			final double f = excess( chi2.at( u ) / scale - minimum );
			if ( Math.abs( f ) < 0.02 )
				return Math.pow( 10, u );
			if ( f < 0 )
			{
				inner = u;
				fi = f;
				if ( side == -1 )
					fo /= 2;
				side = -1;
			}
			else
			{
				outer = u;
				fo = f;
				if ( side == 1 )
					fi /= 2;
				side = 1;
			}
		}
		return Math.pow( 10, inner - fi * ( outer - inner ) / ( fo - fi ) );
	}

	private static double excess( final double dChi2 ) { return Math.sqrt( Math.max( dChi2, 0 ) ) - 1; }

	private static String fmt( final double v ) { return String.format( Locale.ROOT, "%.3g", v ); }

	/**
	 * The free parameters other than γ_ee in internal coordinates q: log10 Γ, s, log10 κ_I, each clamped to its bounds;
	 * the fixed ones at the setup's values (and the given s).
	 */
	private static final class Space
	{
		final List< Parameter > parameters;

		final double[] lower, upper, start;

		final double gamma, kappa, scale;

		Space( final EnumSet< Parameter > free, final EnergyModeRun setup, final double scale )
		{
			this.parameters = new ArrayList<>( free );
			this.gamma = setup.gamma;
			this.kappa = setup.kappa;
			this.scale = scale;
			final int m = parameters.size();
			lower = new double[ m ];
			upper = new double[ m ];
			start = new double[ m ];
			for ( int j = 0; j < m; j++ )
				switch ( parameters.get( j ) )
				{
				case GAMMA:
					check( "gamma", gamma, GAMMA_MIN, GAMMA_MAX );
					lower[ j ] = Math.log10( GAMMA_MIN );
					upper[ j ] = Math.log10( GAMMA_MAX );
					start[ j ] = Math.log10( gamma );
					break;
				case DELTA0_SCALE:
					check( "delta0-scale", scale, SCALE_MIN, SCALE_MAX );
					lower[ j ] = SCALE_MIN;
					upper[ j ] = SCALE_MAX;
					start[ j ] = scale;
					break;
				case KAPPA:
					check( "kappa", kappa, KAPPA_MIN, KAPPA_MAX );
					lower[ j ] = Math.log10( KAPPA_MIN );
					upper[ j ] = Math.log10( KAPPA_MAX );
					start[ j ] = Math.log10( kappa );
					break;
				default:
					throw new IllegalStateException( parameters.get( j ).toString() );
				}
		}

		private static void check( final String name, final double v, final double min, final double max )
		{
			if ( !( v >= min && v <= max ) )
				throw new BadInputException( "--" + name + " start value " + v + " outside the fit's bounds " + min + " .. " + max + " (give a start inside them)" );
		}

		int size() { return parameters.size(); }

		boolean logarithmic( final int j ) { return parameters.get( j ) != Parameter.DELTA0_SCALE; }

		double physical( final int j, final double q ) { return logarithmic( j ) ? Math.pow( 10, q ) : q; }

		double lowerBound( final int j ) { return physical( j, lower[ j ] ); }

		double upperBound( final int j ) { return physical( j, upper[ j ] ); }

		boolean atBound( final int j, final double q ) { return q <= lower[ j ] + 1e-6 || q >= upper[ j ] - 1e-6; }

		double[] clamp( final double[] q )
		{
			final double[] c = q.clone();
			for ( int j = 0; j < c.length; j++ )
				c[ j ] = Double.isNaN( c[ j ] ) ? start[ j ] : Math.max( lower[ j ], Math.min( upper[ j ], c[ j ] ) );
			return c;
		}

		/** {γ, κ, s} at q. */
		double[] full( final double[] q )
		{
			double g = gamma, k = kappa, s = scale;
			for ( int j = 0; j < q.length; j++ )
				switch ( parameters.get( j ) )
				{
				case GAMMA:
					g = Math.pow( 10, q[ j ] );
					break;
				case DELTA0_SCALE:
					s = q[ j ];
					break;
				case KAPPA:
					k = Math.pow( 10, q[ j ] );
					break;
				default:
					break;
				}
			return new double[] { g, k, s };
		}

		String names() { return EnergyModeMapFit.names( parameters ); }
	}

	/** Model and χ² at (u, q), with the listener's progress, cancellation and error context. */
	private static final class Objective
	{
		final EnergyModeMapModel model;

		final Space space;

		final double[] g;

		final double[] sigma;

		final Listener listener;

		Objective( final EnergyModeMapModel model, final Space space, final double[] g, final double[] sigma, final Listener listener )
		{
			this.model = model;
			this.space = space;
			this.g = g;
			this.sigma = sigma;
			this.listener = listener;
			if ( listener != null )
				model.progress( new SelfConsistentGap.Progress()
				{
					@Override
					public void done( final int k, final int n ) { listener.biasPoint( k, n ); }

					@Override
					public boolean cancelled() { return listener.cancelled(); }
				} );
		}

		double[] model( final double u, final double[] q )
		{
			final double[] m = values( u, q );
			report( u, q, Double.NaN );
			return m;
		}

		private double[] values( final double u, final double[] q )
		{
			if ( listener != null && listener.cancelled() )
				throw new CancelledException();
			final double[] f = space.full( q );
			try
			{
				return model.values( Math.pow( 10, u ), f[ 0 ], f[ 1 ], f[ 2 ] );
			}
			catch ( final BadInputException e )
			{
				if ( listener != null && listener.cancelled() )
					throw new CancelledException();
				throw new BadInputException( "energy-mode model at " + describe( u, q ) + ": " + e.getMessage(), e );
			}
		}

		double chi2( final double u, final double[] q )
		{
			final double[] m = values( u, q );
			double s = 0;
			for ( int k = 0; k < g.length; k++ )
			{
				final double r = ( g[ k ] - m[ k ] ) / ( sigma == null ? 1 : sigma[ k ] );
				s += r * r;
			}
			if ( !Double.isFinite( s ) )
				throw new BadInputException( "chi2 is not finite at " + describe( u, q ) + " (NaN in the data or the model)" );
			report( u, q, s );
			return s;
		}

		double weight( final int k ) { return sigma == null ? 1 : 1 / sigma[ k ]; }

		private void report( final double u, final double[] q, final double chi2 )
		{
			if ( listener == null )
				return;
			final double[] f = space.full( q );
			final Map< String, Double > p = new LinkedHashMap<>();
			p.put( Parameter.GAMMA_EE.csvName, Math.pow( 10, u ) );
			p.put( Parameter.GAMMA.csvName, f[ 0 ] );
			p.put( Parameter.DELTA0_SCALE.csvName, f[ 2 ] );
			p.put( Parameter.KAPPA.csvName, f[ 1 ] );
			listener.evaluated( model.evaluations(), p, chi2 );
		}

		String describe( final double u, final double[] q )
		{
			final StringBuilder b = new StringBuilder( "gamma_ee = " + fmt( Math.pow( 10, u ) ) );
			for ( int j = 0; j < q.length; j++ )
				b.append( ", " ).append( space.parameters.get( j ).csvName ).append( " = " ).append( fmt( space.physical( j, q[ j ] ) ) );
			return b.toString();
		}
	}

	/**
	 * χ²(u) minimized over the other free parameters (σ = 1 where none is given), cached by u with its optimum q; every
	 * evaluated u is part of the profile.
	 */
	private static final class Profile
	{
		private final Objective objective;

		private final Space space;

		private final TreeMap< Double, Double > values = new TreeMap<>();

		private final TreeMap< Double, double[] > optima = new TreeMap<>();

		int innerFailures;

		/** Far profile points where the capped minimization ended before convergence (their χ² is an upper bound). */
		int farCapped;

		/** Inner trial points where the model failed. */
		int failedTrials;

		private double best()
		{
			double b = Double.POSITIVE_INFINITY;
			for ( final double v : values.values() )
				b = Math.min( b, v );
			return b;
		}

		Profile( final Objective objective, final Space space )
		{
			this.objective = objective;
			this.space = space;
		}

		double at( final double u )
		{
			final Double hit = values.get( u );
			if ( hit != null )
				return hit;
			final double[] q;
			final double c;
			if ( space.size() == 0 )
			{
				q = new double[ 0 ];
				c = objective.chi2( u, q );
			}
			else
			{
				final Inner inner = new Inner( objective, space, u );
				final double[] start = space.clamp( nearest( u ) );
				// far from the minimum (the far coarse points) only a few iterations: Gauss–Newton crawls where the residuals
				// are large, and there the profile only has to be clearly high
				final boolean far = !values.isEmpty() && objective.chi2( u, start ) - best() > FAR * best() / Math.max( 1, objective.g.length - space.size() - 1 );
				q = inner.minimize( start, far ? FAR_ITERATIONS : Inner.MAX_ITERATIONS );
				c = inner.best;
				if ( inner.failed && !far )
					innerFailures++;
				if ( inner.failed && far )
					farCapped++;
				failedTrials += inner.failedTrials;
			}
			values.put( u, c );
			optima.put( u, q );
			return c;
		}

		/**
		 * Adds a point of the interpolated model (γ_ee alone: no other parameters) to the profile: the optimum and the
		 * crossings found between sweeps, so that the reported profile shows them. An evaluated u keeps its value.
		 */
		void record( final double u, final double c )
		{
			if ( values.containsKey( u ) )
				return;
			values.put( u, c );
			optima.put( u, new double[ 0 ] );
		}

		/** Optimum of the other parameters at an evaluated u. */
		double[] theta( final double u )
		{
			at( u );
			return optima.get( u ).clone();
		}

		/** Warm start: the optimum at the nearest evaluated u, or the start values. */
		private double[] nearest( final double u )
		{
			final Map.Entry< Double, double[] > lo = optima.floorEntry( u ), hi = optima.ceilingEntry( u );
			if ( lo == null && hi == null )
				return space.start.clone();
			if ( lo == null )
				return hi.getValue().clone();
			if ( hi == null )
				return lo.getValue().clone();
			return ( u - lo.getKey() <= hi.getKey() - u ? lo : hi ).getValue().clone();
		}

		Iterable< Map.Entry< Double, Double > > sorted( final int dir ) { return dir > 0 ? values.entrySet() : values.descendingMap().entrySet(); }

		double[][] profile( final double scale )
		{
			final double[][] p = new double[ 2 ][ values.size() ];
			int k = 0;
			for ( final Map.Entry< Double, Double > e : values.entrySet() )
			{
				p[ 0 ][ k ] = Math.pow( 10, e.getKey() );
				p[ 1 ][ k++ ] = e.getValue() / scale;
			}
			return p;
		}
	}

	/**
	 * Levenberg–Marquardt over q at fixed u: residuals (g − m)/σ, forward-difference Jacobian (backward at an upper
	 * bound), q clamped to the bounds. The model caches by parameter values, so the Jacobian reuses the value at q.
	 */
	private static final class Inner implements ValueAndJacobianFunction
	{
		static final int MAX_ITERATIONS = 20;

		private final Objective objective;

		private final Space space;

		private final double u;

		double best = Double.POSITIVE_INFINITY;

		double[] bestQ;

		boolean failed;

		/** Trial points where the model failed (treated as rejected steps). */
		int failedTrials;

		Inner( final Objective objective, final Space space, final double u )
		{
			this.objective = objective;
			this.space = space;
			this.u = u;
		}

		double[] minimize( final double[] start, final int maxIterations )
		{
			final int n = objective.g.length;
			final double[] target = new double[ n ];
			for ( int k = 0; k < n; k++ )
				target[ k ] = objective.g[ k ] * objective.weight( k );
			final double[] q0 = space.clamp( start );
			try
			{
				final Optimum o = new LevenbergMarquardtOptimizer().withCostRelativeTolerance( 1e-6 ).withParameterRelativeTolerance( 1e-3 )
						.optimize( new LeastSquaresBuilder().model( this ).target( target ).start( q0 ).maxIterations( maxIterations ).maxEvaluations( 2 * maxIterations )
								.lazyEvaluation( true ).parameterValidator( v -> new ArrayRealVector( space.clamp( v.toArray() ), false ) ).build() );
				// the optimum is one of the evaluated points: keep the best one seen (identical unless LM ended on a worse trial)
				track( o.getPoint().toArray() );
			}
			catch ( final MathIllegalStateException e )
			{
				failed = true;
			}
			if ( bestQ == null )
				track( q0 );
			return bestQ.clone();
		}

		/** χ² at q (tracks the best point). */
		private double track( final double[] q )
		{
			final double c = objective.chi2( u, q );
			if ( c < best )
			{
				best = c;
				bestQ = q.clone();
			}
			return c;
		}

		@Override
		public Pair< RealVector, RealMatrix > value( final RealVector point )
		{
			final double[] q = point.toArray();
			return new Pair<>( computeValue( q ), computeJacobian( q ) );
		}

		@Override
		public RealVector computeValue( final double[] q )
		{
			final double[] r = new double[ objective.g.length ];
			try
			{
				track( q );
			}
			catch ( final CancelledException e )
			{
				throw e;
			}
			catch ( final BadInputException e )
			{
				// the solver failed at a trial point: a χ² far above the best makes LM reject the step and shrink its trust region
				if ( bestQ == null )
					throw e;
				failedTrials++;
				final double offset = Math.sqrt( 1e6 * Math.max( best, 1 ) / r.length );
				for ( int k = 0; k < r.length; k++ )
					r[ k ] = objective.g[ k ] * objective.weight( k ) + offset;
				return new ArrayRealVector( r, false );
			}
			final double[] m = objective.values( u, q );
			for ( int k = 0; k < m.length; k++ )
				r[ k ] = m[ k ] * objective.weight( k );
			return new ArrayRealVector( r, false );
		}

		@Override
		public RealMatrix computeJacobian( final double[] q )
		{
			final double[] m0 = objective.values( u, q );
			final int n = m0.length;
			final double[][] jac = new double[ n ][ q.length ];
			for ( int j = 0; j < q.length; j++ )
			{
				final double h = space.parameters.get( j ) == Parameter.DELTA0_SCALE ? INNER_SCALE_STEP : INNER_LOG_STEP;
				final double[] qh = q.clone();
				qh[ j ] = q[ j ] + h <= space.upper[ j ] ? q[ j ] + h : q[ j ] - h;
				double[] m;
				try
				{
					m = objective.values( u, qh );
				}
				catch ( final CancelledException e )
				{
					throw e;
				}
				catch ( final BadInputException e )
				{
					// the solver failed on one side: the other side's difference
					failedTrials++;
					qh[ j ] = 2 * q[ j ] - qh[ j ];
					if ( qh[ j ] < space.lower[ j ] || qh[ j ] > space.upper[ j ] )
						throw e;
					m = objective.values( u, qh );
				}
				final double step = qh[ j ] - q[ j ];
				track( qh );
				for ( int k = 0; k < n; k++ )
					jac[ k ][ j ] = ( m[ k ] - m0[ k ] ) / step * objective.weight( k );
			}
			return new Array2DRowRealMatrix( jac, false );
		}
	}
}
