package org.nisnonlocal.fit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.SelfConsistentGap;

/**
 * A map fit whose model error is measured and kept below the noise (docs/physics.md, "Model error of a map fit"): the
 * one entry point of {@code fit-map} and Fit Model to Map.
 * <ol>
 * <li>Fit on the coarse energy grid δε_c (the paper's 1/40 by default) with {@link EnergyModeMapFit}.</li>
 * <li>At the optimum (γ_ee alone: at the swept γ_ee nearest it), evaluate the model solved at every point's own
 * V_inj/s (no interpolation) on grids δε_c/2, δε_c/4, …; the error of the grid δε is estimated by Richardson's rule
 * for a second-order discretization, (g(2δε) − g(δε))/3. Refine until, from {@link #TRUSTED} on, its rms over the
 * fitted points is at most σ/3 (rms σ: given, or the fit's estimate) and, γ_ee alone, the shift of γ_ee it causes is
 * at most {@link #TARGET_SHIFT} of γ_ee's error ({@link #bias}); or until δε reaches {@link #FINEST}.</li>
 * <li>Refit the coarse model plus the per-point defect correction g_ref − g_coarse, linear in log10 γ_ee through two
 * reference points (the coarse sweeps are reused); when γ_ee moved by more than {@link #CONVERGED} of its error,
 * correct once more at the new optimum.</li>
 * </ol>
 * With σ given, the estimated model error is added to σ in quadrature, so the interval includes it; above σ/3 (finest
 * grid reached, or a grid fixed by the user) the summary says so. With an explicit energy step the fit uses that grid
 * as it is (corrected only for the interpolation of an s-free fit) and the model error is estimated against δε/2.
 */
public final class ConvergedMapFit
{
	/** The paper's energy step, the coarse grid of an automatic fit. */
	public static final double COARSE = 0.025;

	/** The finest reference grid an automatic fit refines to. */
	public static final double FINEST = 0.025 / 16;

	/** The model error an automatic fit aims at, in units of σ. */
	public static final double TARGET = 1.0 / 3;

	/**
	 * The estimated shift of γ_ee by the model's grid error an automatic fit aims at, in units of γ_ee's error. At half
	 * an error a 95 % interval still holds the truth 92 % of the time; the estimate is an upper bound where the grid
	 * converges faster than second order (1/160 on the 101 × 40 map: estimated 0.35, actual 0.08).
	 */
	public static final double TARGET_SHIFT = 0.5;

	/**
	 * The coarsest grid whose Richardson estimate an automatic fit trusts. Between 1/40 and 1/80 the grid is not yet in
	 * its second-order regime: against the 1/800 reference map (`FineReferenceMap`) the rms error fell 2.64 → 0.79 → 0.099
	 * and the γ_ee shift 2.49 → 1.03 → 0.06 errors, so the 1/40-1/80 pair estimated 1/80's shift at 0.49 errors (actual
	 * 1.03: the fits' pulls leaned +1), the 1/80-1/160 pair 1/160's at 0.32 (actual 0.06).
	 */
	static final double TRUSTED = COARSE / 4;

	/** What a fit found, with its model error. */
	public static final class Result
	{
		/** The final (corrected) fit. */
		public final EnergyModeMapFitResult fit;

		/** Estimated rms model error on the fitted points (units of g), NaN when not estimated. */
		public final double modelError;

		/** The same over the rms σ used (given or estimated). */
		public final double modelErrorPerSigma;

		/** The grid the fit's model stands for (the reference grid of the correction, or the fixed grid). */
		public final double energyStep;

		/** The grid of the fit's sweeps. */
		public final double coarseStep;

		/** Reference evaluations (model solved at the points' own biases) done for the estimate and the correction. */
		public final int referenceEvaluations;

		/** Notes on the model error (empty when within the target). */
		public final String note;

		/**
		 * Estimated shift of γ_ee that the remaining grid error of the model would cause (γ_ee units; NaN when not
		 * estimated: other parameters free, or no convergence). Kept below a third of γ_ee's error where the grid allows.
		 */
		public final double modelBias;

		Result( final EnergyModeMapFitResult fit, final double modelError, final double sigma, final double energyStep, final double coarseStep, final int referenceEvaluations,
				final String note, final double modelBias )
		{
			this.modelBias = modelBias;
			this.fit = fit;
			this.modelError = modelError;
			this.modelErrorPerSigma = modelError / sigma;
			this.energyStep = energyStep;
			this.coarseStep = coarseStep;
			this.referenceEvaluations = referenceEvaluations;
			this.note = note;
		}

		/** The fit's notes and the model-error notes. */
		public String notes()
		{
			return fit.note.isEmpty() ? note : note.isEmpty() ? fit.note : fit.note + "; " + note;
		}
	}

	private final EnergyModeRun setup;

	private final double modelStep;

	private double energyStep = Double.NaN;

	private double span = 1;

	private final EnumSet< EnergyModeMapFit.Parameter > free = EnumSet.of( EnergyModeMapFit.Parameter.GAMMA_EE );

	private double delta0Scale = 1;

	/**
	 * @param setup model parameters (its δε is ignored: see {@link #energyStep}); Γ and κ_I fixed or start values
	 * @param modelStep V_inj step of the model's uniform bias grid (eV/Δ0)
	 */
	public ConvergedMapFit( final EnergyModeRun setup, final double modelStep )
	{
		this.setup = setup.copy();
		this.modelStep = modelStep;
	}

	/** A fixed energy step (the fit's grid as given, model error estimated against δε/2); NaN or 0: automatic. */
	public ConvergedMapFit energyStep( final double de )
	{
		if ( !( de >= 0 ) && !Double.isNaN( de ) || Double.isInfinite( de ) )
			throw new BadInputException( "energy step must be > 0 (or 0 for automatic), got " + de );
		this.energyStep = de == 0 ? Double.NaN : de;
		return this;
	}

	public ConvergedMapFit span( final double decades )
	{
		new EnergyModeMapFit( setup, modelStep ).span( decades );
		this.span = decades;
		return this;
	}

	public ConvergedMapFit free( final Collection< EnergyModeMapFit.Parameter > parameters )
	{
		free.clear();
		free.add( EnergyModeMapFit.Parameter.GAMMA_EE );
		free.addAll( parameters );
		return this;
	}

	public ConvergedMapFit delta0Scale( final double s )
	{
		new EnergyModeMapFit( setup, modelStep ).delta0Scale( s );
		this.delta0Scale = s;
		return this;
	}

	public Result fit( final double[] vInj, final double[] vDet, final double[] g, final double[] sigma, final double gammaEe0, final EnergyModeMapFit.Listener listener )
	{
		referenceModels.clear();
		coarseModel = null;
		final boolean auto = Double.isNaN( energyStep );
		final double coarse = auto ? COARSE : energyStep;
		final EnergyModeRun base = setup.copy();
		base.de = coarse;
		EnergyModeMapFit fitter = configured( base, delta0Scale );
		EnergyModeMapFitResult r = fitter.fit( vInj, vDet, g, sigma, gammaEe0, listener );
		if ( !allFinite( r.values ) || !r.converged )
			return new Result( r, Double.NaN, Double.NaN, coarse, coarse, 0, "model error not estimated (the fit did not converge)", Double.NaN );
		final double sig = sigma != null ? rms( sigma ) : r.sigma;
		coarseModel = fitter.lastModel();
		final boolean interpolated = free.contains( EnergyModeMapFit.Parameter.DELTA0_SCALE );
		int references = 0;
		double[] theta = theta( r );
		// where the references are evaluated: at the optimum, or (γ_ee alone) at the fit's swept γ_ee nearest it and its
		// neighbour on the other side, whose coarse sweeps are cached, so that a defect costs only its reference sweep
		final double[] triple = fitter.localPoints();
		final double[] thetaA = triple == null ? theta : swept( theta, triple, Double.NaN );
		final double[] thetaB = triple == null ? null : swept( theta, triple, Math.log10( thetaA[ 0 ] ) );
		// the coarse grid solved at each point's own bias (the same as the fit's model unless s is free)
		final double[] coarseA = interpolated ? reference( coarse, thetaA, vInj, vDet, listener ) : coarse( coarseModel, thetaA );
		references += interpolated ? 1 : 0;
		// γ_ee alone: the coarse model's slope in u = log10 γ_ee, for the shift of γ_ee that a model error would cause
		final double[] slopeU = thetaB == null ? null : difference( coarse( coarseModel, thetaB ), coarse( coarseModel, thetaA ), Math.log10( thetaB[ 0 ] ) - Math.log10( thetaA[ 0 ] ) );
		final double uError = r.error / ( r.gammaEe * Math.log( 10 ) );
		double[] previous = coarseA;
		double de = coarse / 2;
		double[] fine = reference( de, thetaA, vInj, vDet, listener );
		references++;
		double error = richardson( fine, previous );
		double bias = bias( fine, previous, slopeU, sigma );
		while ( auto && ( de > TRUSTED * ( 1 + 1e-9 ) || error > TARGET * sig || Math.abs( bias ) > TARGET_SHIFT * uError ) && de > FINEST * ( 1 + 1e-9 ) )
		{
			previous = fine;
			de /= 2;
			fine = reference( de, thetaA, vInj, vDet, listener );
			references++;
			error = richardson( fine, previous );
			bias = bias( fine, previous, slopeU, sigma );
		}
		// automatic: the model stands for the finest grid evaluated; fixed: for the user's grid, whose own error is
		// |g(δε) − g(δε/2)|·4/3
		final double modelError = auto ? error : 4 * error;
		final double modelBias = auto ? bias : 4 * bias;
		final double stands = auto ? de : coarse;
		final double[] target = auto ? fine : previous;
		final List< String > notes = new ArrayList<>();
		if ( modelError > TARGET * sig )
			notes.add( String.format( Locale.ROOT, "model error %.3g (%.2f sigma) above sigma/3 %s: the fit's interval includes it only as extra noise%s", modelError,
					modelError / sig, auto ? "at the finest grid (delta_epsilon = " + fmt( de ) + ")" : "on the given grid (delta_epsilon = " + fmt( coarse ) + ")",
					auto ? "" : "; use the automatic grid (--de auto, de = 0 in the menu)" ) );
		if ( Math.abs( modelBias ) > TARGET_SHIFT * uError )
			notes.add( String.format( Locale.ROOT, "the model's grid error may shift gamma_ee by %.2f of its error %s", Math.abs( modelBias ) / uError,
					auto ? "at the finest grid (delta_epsilon = " + fmt( de ) + ")" : "on the given grid (delta_epsilon = " + fmt( coarse ) + ")" ) );
		final double[] effective = sigma == null ? null : inQuadrature( sigma, modelError );
		final boolean needsCorrection = auto || interpolated;
		if ( !needsCorrection && effective == null )
			return new Result( r, modelError, sig, stands, coarse, references, String.join( "; ", notes ), modelBias * r.gammaEe * Math.log( 10 ) );
		// defects d(u) = g_ref(u) − g_coarse(u) at reference points u = log10 γ_ee; the refit's model is the coarse one
		// plus the line through the two defects nearest the current optimum, so that near the optimum it has the reference
		// model's value and γ_ee-slope (a secant iteration on the reference model, each step a cheap coarse refit). Past
		// one refinement the second point's defect comes from the grid before the finest (its slope in u differs from the
		// finest's by that grid's error of a slope, a second-order effect on γ_ee, for a fraction of the cost)
		final List< double[] > defects = new ArrayList<>();
		final List< Double > at = new ArrayList<>();
		double[] firstSlope = null;
		if ( needsCorrection )
		{
			at.add( Math.log10( thetaA[ 0 ] ) );
			defects.add( defect( coarseModel, target, thetaA ) );
			final double[] second = thetaB != null ? thetaB : theta.clone();
			if ( thetaB == null )
				second[ 0 ] = theta[ 0 ] * Math.pow( 10, SECANT_STEP );
			final boolean deep = auto && de < coarse / 2 * ( 1 - 1e-9 );
			final double[] secondDefect = defect( coarseModel, reference( deep ? 2 * de : stands, second, vInj, vDet, listener ), second );
			references++;
			final double[] firstDefect = deep ? defect( coarseModel, previous, thetaA ) : defects.get( 0 );
			firstSlope = difference( secondDefect, firstDefect, Math.log10( second[ 0 ] ) - at.get( 0 ) );
		}
		double uLast = Math.log10( theta[ 0 ] );
		for ( int round = 0; round < MAX_ROUNDS; round++ )
		{
			double[] c0 = null, slope = null;
			double u0 = uLast;
			if ( needsCorrection )
			{
				final int[] near = nearestTwo( at, uLast );
				c0 = defects.get( near[ 0 ] );
				u0 = at.get( near[ 0 ] );
				slope = near[ 1 ] < 0 ? firstSlope : difference( defects.get( near[ 1 ] ), c0, at.get( near[ 1 ] ) - u0 );
			}
			final EnergyModeRun start = base.copy();
			start.gamma = theta[ 1 ];
			start.kappa = theta[ 2 ];
			// same start γ_ee and span: the coarse profile points are the first fit's, whose sweeps are cached
			fitter = configured( start, theta[ 3 ] ).corrected( coarseModel, c0, slope, u0 ).startNear( Math.log10( theta[ 0 ] ) );
			r = fitter.fit( vInj, vDet, g, effective, gammaEe0, listener );
			if ( !needsCorrection || !allFinite( r.values ) || !r.converged )
				break;
			final double u = Math.log10( r.gammaEe );
			theta = theta( r );
			if ( Math.abs( u - uLast ) < CONVERGED * r.error / ( r.gammaEe * Math.log( 10 ) ) || round == MAX_ROUNDS - 1 )
				break;
			uLast = u;
			final double[] refitTriple = fitter.localPoints();
			final double[] next = refitTriple == null ? theta : swept( theta, refitTriple, Double.NaN );
			// the defects already bracket the swept point nearest the new optimum: the correction cannot improve
			if ( at.contains( Math.log10( next[ 0 ] ) ) )
				break;
			at.add( Math.log10( next[ 0 ] ) );
			defects.add( defect( coarseModel, reference( stands, next, vInj, vDet, listener ), next ) );
			references++;
		}
		return new Result( r, modelError, sig, stands, coarse, references, String.join( "; ", notes ), modelBias * r.gammaEe * Math.log( 10 ) );
	}

	/** Offset in log10 γ_ee of the second reference point (the secant's first step). */
	static final double SECANT_STEP = 0.05;

	/** Refits at most. */
	static final int MAX_ROUNDS = 4;

	/** A refit whose γ_ee moved by less than this many of its errors ends the iteration. */
	static final double CONVERGED = 0.2;

	/**
	 * θ with γ_ee replaced by a swept one of the triple (log10): the nearest to θ's (skip NaN), or, given the
	 * log10 γ_ee to skip, the nearest on the other side of θ's from it (else the nearest other one).
	 */
	private static double[] swept( final double[] theta, final double[] triple, final double skip )
	{
		final double u = Math.log10( theta[ 0 ] );
		double best = Double.NaN;
		for ( final double t : triple )
		{
			if ( t == skip )
				continue;
			final boolean otherSide = Double.isNaN( skip ) || ( t - u ) * ( skip - u ) < 0;
			final boolean bestOtherSide = Double.isNaN( best ) || Double.isNaN( skip ) || ( best - u ) * ( skip - u ) < 0;
			if ( Double.isNaN( best ) || otherSide && !bestOtherSide || otherSide == bestOtherSide && Math.abs( t - u ) < Math.abs( best - u ) )
				best = t;
		}
		final double[] out = theta.clone();
		out[ 0 ] = Math.pow( 10, best );
		return out;
	}

	/** (a − b)/h. */
	private static double[] difference( final double[] a, final double[] b, final double h )
	{
		final double[] out = new double[ a.length ];
		for ( int k = 0; k < out.length; k++ )
			out[ k ] = ( a[ k ] - b[ k ] ) / h;
		return out;
	}

	/**
	 * The shift of log10 γ_ee that the Richardson error estimate e = (coarse − fine)/3 of {@code fine} (g_h = g + Ch²,
	 * g_2h = g + 4Ch²) causes in a weighted least-squares fit with model slope {@code slopeU}: −Σ w J e / Σ w J²
	 * (w = 1/σ²; fitting data g with model g + e moves u by that much); NaN without a slope
	 * (other parameters free). Why beside the rms: an error far below σ per point but alike over a thousand points
	 * moves γ_ee by several of its errors (1/80 against 1/640 on the 101 × 40 map: rms 0.06σ, γ_ee 1.1σ).
	 */
	static double bias( final double[] fine, final double[] coarse, final double[] slopeU, final double[] sigma )
	{
		if ( slopeU == null )
			return Double.NaN;
		double je = 0, jj = 0;
		for ( int k = 0; k < fine.length; k++ )
		{
			final double w = sigma == null ? 1 : 1 / ( sigma[ k ] * sigma[ k ] );
			je += w * slopeU[ k ] * ( coarse[ k ] - fine[ k ] ) / 3;
			jj += w * slopeU[ k ] * slopeU[ k ];
		}
		return -je / jj;
	}

	/** The coarse model (without correction) at θ. */
	private static double[] coarse( final EnergyModeMapModel coarse, final double[] theta )
	{
		coarse.correction( null, null, 0 );
		return coarse.values( theta[ 0 ], theta[ 1 ], theta[ 2 ], theta[ 3 ] ).clone();
	}

	/** g_ref − g_coarse at θ (the coarse model without correction). */
	private static double[] defect( final EnergyModeMapModel coarse, final double[] ref, final double[] theta )
	{
		return difference( ref, coarse( coarse, theta ), 1 );
	}

	/** Indices of the two points of {@code at} nearest u (the nearer first). */
	private static int[] nearestTwo( final List< Double > at, final double u )
	{
		int a = -1, b = -1;
		for ( int k = 0; k < at.size(); k++ )
		{
			final double d = Math.abs( at.get( k ) - u );
			if ( a < 0 || d < Math.abs( at.get( a ) - u ) )
			{
				b = a;
				a = k;
			}
			else if ( b < 0 || d < Math.abs( at.get( b ) - u ) )
				b = k;
		}
		return new int[] { a, b };
	}

	private EnergyModeMapFit configured( final EnergyModeRun s, final double scale )
	{
		return new EnergyModeMapFit( s, modelStep ).span( span ).free( free ).delta0Scale( scale );
	}

	/** (γ_ee, Γ, κ_I, s) at the fit's optimum; fixed ones from the setup. */
	private double[] theta( final EnergyModeMapFitResult r )
	{
		final double[] t = { r.gammaEe, setup.gamma, setup.kappa, delta0Scale };
		for ( int k = 0; k < r.parameters.size(); k++ )
			switch ( r.parameters.get( k ) )
			{
			case GAMMA: t[ 1 ] = r.values[ k ]; break;
			case KAPPA: t[ 2 ] = r.values[ k ]; break;
			case DELTA0_SCALE: t[ 3 ] = r.values[ k ]; break;
			default: break;
			}
		return t;
	}

	/**
	 * The reference models of the running fit by grid and s (each solves at the points' own V_inj/s): a second
	 * evaluation on the same grid warm-starts from the first.
	 */
	private final java.util.Map< List< Double >, EnergyModeMapModel > referenceModels = new java.util.HashMap<>();

	/** The running fit's coarse model, whose last sweep starts each reference model's first. */
	private EnergyModeMapModel coarseModel;

	/** The model at θ on grid δε, solved at every point's own V_inj/s. */
	private double[] reference( final double de, final double[] theta, final double[] vInj, final double[] vDet, final EnergyModeMapFit.Listener listener )
	{
		if ( listener != null && listener.cancelled() )
			throw new EnergyModeMapFit.CancelledException();
		final EnergyModeMapModel m = referenceModels.computeIfAbsent( List.of( de, theta[ 3 ] ), key -> {
			final EnergyModeRun s = setup.copy();
			s.de = de;
			return coarseModel != null ? EnergyModeMapModel.startedFrom( coarseModel, s, vInj, vDet, theta[ 3 ] ) : new EnergyModeMapModel( s, modelStep, vInj, vDet, theta[ 3 ], true );
		} );
		if ( listener != null )
			m.progress( new SelfConsistentGap.Progress()
			{
				@Override
				public void done( final int k, final int n ) { listener.biasPoint( k, n ); }

				@Override
				public boolean cancelled() { return listener.cancelled(); }
			} );
		return m.values( theta[ 0 ], theta[ 1 ], theta[ 2 ], theta[ 3 ] ).clone();
	}

	/** Richardson's estimate of the error of {@code fine} (grid δε) from {@code coarse} (2δε), second order: rms/3. */
	static double richardson( final double[] fine, final double[] coarse )
	{
		return rmsDifference( fine, coarse ) / 3;
	}

	static double rms( final double[] a )
	{
		double s = 0;
		for ( final double v : a )
			s += v * v;
		return Math.sqrt( s / a.length );
	}

	static double rmsDifference( final double[] a, final double[] b )
	{
		double s = 0;
		for ( int k = 0; k < a.length; k++ )
			s += ( a[ k ] - b[ k ] ) * ( a[ k ] - b[ k ] );
		return Math.sqrt( s / a.length );
	}

	private static double[] inQuadrature( final double[] sigma, final double e )
	{
		final double[] out = new double[ sigma.length ];
		for ( int k = 0; k < out.length; k++ )
			out[ k ] = Math.sqrt( sigma[ k ] * sigma[ k ] + e * e );
		return out;
	}

	private static boolean allFinite( final double[] v )
	{
		for ( final double x : v )
			if ( !Double.isFinite( x ) )
				return false;
		return true;
	}

	private static String fmt( final double v ) { return String.format( Locale.ROOT, "%.4g", v ); }
}
