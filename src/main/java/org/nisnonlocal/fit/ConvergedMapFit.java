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
 * <li>At the optimum, evaluate the model solved at every point's own V_inj/s (no interpolation) on grids δε_c/2,
 * δε_c/4, …; the error of the grid δε is estimated by Richardson's rule for a second-order discretization,
 * |g(δε) − g(2δε)|/3 (rms over the fitted points). Refine until that estimate is at most σ/3 (rms σ: given, or the
 * fit's estimate) or δε reaches {@link #FINEST}.</li>
 * <li>Refit the coarse model plus the fixed per-point defect correction g_ref − g_coarse at the optimum (the coarse
 * sweeps are reused); when γ_ee moved by more than half its error, correct once more at the new optimum.</li>
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

		Result( final EnergyModeMapFitResult fit, final double modelError, final double sigma, final double energyStep, final double coarseStep, final int referenceEvaluations,
				final String note )
		{
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
		final boolean auto = Double.isNaN( energyStep );
		final double coarse = auto ? COARSE : energyStep;
		final EnergyModeRun base = setup.copy();
		base.de = coarse;
		EnergyModeMapFit fitter = configured( base, delta0Scale );
		EnergyModeMapFitResult r = fitter.fit( vInj, vDet, g, sigma, gammaEe0, listener );
		if ( !allFinite( r.values ) || !r.converged )
			return new Result( r, Double.NaN, Double.NaN, coarse, coarse, 0, "model error not estimated (the fit did not converge)" );
		final double sig = sigma != null ? rms( sigma ) : r.sigma;
		final EnergyModeMapModel coarseModel = fitter.lastModel();
		final boolean interpolated = free.contains( EnergyModeMapFit.Parameter.DELTA0_SCALE );
		int references = 0;
		double[] theta = theta( r );
		// the coarse grid solved at each point's own bias (the same as the fit's model unless s is free)
		double[] previous = interpolated ? reference( coarse, theta, vInj, vDet, listener ) : r.model.clone();
		references += interpolated ? 1 : 0;
		double de = coarse / 2;
		double[] fine = reference( de, theta, vInj, vDet, listener );
		references++;
		double error = richardson( fine, previous );
		while ( auto && error > TARGET * sig && de > FINEST * ( 1 + 1e-9 ) )
		{
			previous = fine;
			de /= 2;
			fine = reference( de, theta, vInj, vDet, listener );
			references++;
			error = richardson( fine, previous );
		}
		// automatic: the model stands for the finest grid evaluated; fixed: for the user's grid, whose own error is
		// |g(δε) − g(δε/2)|·4/3
		final double modelError = auto ? error : 4 * error;
		final double stands = auto ? de : coarse;
		final double[] target = auto ? fine : previous;
		final List< String > notes = new ArrayList<>();
		if ( modelError > TARGET * sig )
			notes.add( String.format( Locale.ROOT, "model error %.3g (%.2f sigma) above sigma/3 %s: the fit's interval includes it only as extra noise%s", modelError,
					modelError / sig, auto ? "at the finest grid (delta_epsilon = " + fmt( de ) + ")" : "on the given grid (delta_epsilon = " + fmt( coarse ) + ")",
					auto ? "" : "; use the automatic grid (--de auto, de = 0 in the menu)" ) );
		final double[] effective = sigma == null ? null : inQuadrature( sigma, modelError );
		final boolean needsCorrection = auto || interpolated;
		if ( !needsCorrection && effective == null )
			return new Result( r, modelError, sig, stands, coarse, references, String.join( "; ", notes ) );
		// defects d(u) = g_ref(u) − g_coarse(u) at reference points u = log10 γ_ee; the refit's model is the coarse one
		// plus the line through the two defects nearest the current optimum, so that near the optimum it has the reference
		// model's value and γ_ee-slope (a secant iteration on the reference model, each step a cheap coarse refit)
		final List< double[] > defects = new ArrayList<>();
		final List< Double > at = new ArrayList<>();
		if ( needsCorrection )
		{
			at.add( Math.log10( theta[ 0 ] ) );
			defects.add( defect( coarseModel, target, theta ) );
			final double[] second = theta.clone();
			second[ 0 ] = theta[ 0 ] * Math.pow( 10, SECANT_STEP );
			at.add( Math.log10( second[ 0 ] ) );
			defects.add( defect( coarseModel, reference( stands, second, vInj, vDet, listener ), second ) );
			references++;
		}
		double uLast = Math.log10( theta[ 0 ] );
		for ( int round = 0; round < MAX_ROUNDS; round++ )
		{
			double[] c0 = null, slope = null;
			double u0 = uLast;
			if ( needsCorrection )
			{
				final int[] near = nearestTwo( at, uLast );
				final double ua = at.get( near[ 0 ] ), ub = at.get( near[ 1 ] );
				final double[] da = defects.get( near[ 0 ] ), db = defects.get( near[ 1 ] );
				c0 = da;
				u0 = ua;
				slope = new double[ da.length ];
				for ( int k = 0; k < da.length; k++ )
					slope[ k ] = ( db[ k ] - da[ k ] ) / ( ub - ua );
			}
			final EnergyModeRun start = base.copy();
			start.gamma = theta[ 1 ];
			start.kappa = theta[ 2 ];
			// same start γ_ee and span: the coarse profile points are the first fit's, whose sweeps are cached
			fitter = configured( start, theta[ 3 ] ).corrected( coarseModel, c0, slope, u0 );
			r = fitter.fit( vInj, vDet, g, effective, gammaEe0, listener );
			if ( !needsCorrection || !allFinite( r.values ) || !r.converged )
				break;
			final double u = Math.log10( r.gammaEe );
			final double uError = r.error / ( r.gammaEe * Math.log( 10 ) );
			theta = theta( r );
			if ( Math.abs( u - uLast ) < CONVERGED * uError || round == MAX_ROUNDS - 1 )
				break;
			uLast = u;
			at.add( u );
			defects.add( defect( coarseModel, reference( stands, theta, vInj, vDet, listener ), theta ) );
			references++;
		}
		return new Result( r, modelError, sig, stands, coarse, references, String.join( "; ", notes ) );
	}

	/** Offset in log10 γ_ee of the second reference point (the secant's first step). */
	static final double SECANT_STEP = 0.05;

	/** Refits at most. */
	static final int MAX_ROUNDS = 4;

	/** A refit whose γ_ee moved by less than this many of its errors ends the iteration. */
	static final double CONVERGED = 0.2;

	/** g_ref − g_coarse at θ (the coarse model without correction). */
	private static double[] defect( final EnergyModeMapModel coarse, final double[] ref, final double[] theta )
	{
		coarse.correction( null, null, 0 );
		final double[] c = coarse.values( theta[ 0 ], theta[ 1 ], theta[ 2 ], theta[ 3 ] );
		final double[] d = new double[ ref.length ];
		for ( int k = 0; k < d.length; k++ )
			d[ k ] = ref[ k ] - c[ k ];
		return d;
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

	/** The model at θ on grid δε, solved at every point's own V_inj/s. */
	private double[] reference( final double de, final double[] theta, final double[] vInj, final double[] vDet, final EnergyModeMapFit.Listener listener )
	{
		if ( listener != null && listener.cancelled() )
			throw new EnergyModeMapFit.CancelledException();
		final EnergyModeRun s = setup.copy();
		s.de = de;
		final EnergyModeMapModel m = new EnergyModeMapModel( s, modelStep, vInj, vDet, theta[ 3 ], true );
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
