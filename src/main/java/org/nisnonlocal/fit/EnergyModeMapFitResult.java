package org.nisnonlocal.fit;

import java.util.Collections;
import java.util.List;

import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.ModelUnits;

/**
 * Outcome of {@link EnergyModeMapFit}: γ_ee with its covariance error and 68 % profile-likelihood interval (NaN at an
 * unbounded end), the other free parameters with their covariance errors, the correlation matrix, the χ² profile
 * actually evaluated, and the model at the optimum on the fitted points.
 */
public final class EnergyModeMapFitResult
{
	public final double gammaEe;

	/**
	 * 1σ from the covariance in log γ_ee, converted to γ_ee (γ·ln10·σ_log10); NaN when degenerate. Widened by
	 * {@link #widening} when {@link #inconsistent}.
	 */
	public final double error;

	/**
	 * Profile interval ends (Δχ² = 1; Δχ²/χ²_red = 1 when {@link #inconsistent}); NaN where the data do not bound γ_ee
	 * inside the searched range.
	 */
	public final double low;

	public final double high;

	/** χ²_min / (points − free parameters) with the given σ (1 by construction when σ is estimated). */
	public final double chi2Reduced;

	/**
	 * 1 + 4·√(2/ν), ν = points − free parameters: the highest reduced χ² that noise alone explains (four standard
	 * deviations of χ²_ν/ν); above it, with σ given, the fit is {@link #inconsistent}.
	 */
	public final double chi2ExpectedHigh;

	/**
	 * σ given and {@link #chi2Reduced} above {@link #chi2ExpectedHigh}: the model does not describe these data within
	 * their errors (stated in {@link #note}); errors and interval are then widened by {@link #widening}. Never true when
	 * σ is estimated (nothing to test: reduced χ² = 1 by construction).
	 */
	public final boolean inconsistent;

	/** Factor the errors were widened by: √χ²_red when {@link #inconsistent}, else 1. */
	public final double widening;

	/**
	 * Statistical-only γ_ee error and profile interval (Δχ² = 1 with σ as given or estimated); equal to {@link #error},
	 * {@link #low}, {@link #high} unless {@link #inconsistent}.
	 */
	public final double errorUnscaled;

	public final double lowUnscaled;

	public final double highUnscaled;

	public final int points;

	/** σ per point used in χ²: given, or estimated from the residuals (reduced χ² = 1 at the optimum). */
	public final double sigma;

	public final boolean sigmaEstimated;

	/**
	 * False when the minimum is at the edge of the searched γ_ee range or at a bound of another parameter, or a search
	 * did not converge (see {@link #note}).
	 */
	public final boolean converged;

	/** Human-readable notes: non-convergence, one-sided interval, how σ was obtained, degeneracies. */
	public final String note;

	/**
	 * The χ² profile, ascending γ_ee, in the same χ² units as the interval (σ as above; divided by χ²_red when
	 * {@link #inconsistent}); with other free parameters the profile likelihood (each point minimized over them).
	 */
	public final double[] profileGammaEe;

	public final double[] profileChi2;

	/** Model at the optimum at each fitted point. */
	public final double[] model;

	/** Self-consistent sweeps computed (the cost). */
	public final int evaluations;

	/** Detector integrals computed (one per sweep and Δ0 scale). */
	public final int detectorEvaluations;

	/** The free parameters, γ_ee first, then in the order gamma, delta0_scale, kappa. */
	public final List< EnergyModeMapFit.Parameter > parameters;

	/** Per free parameter (order of {@link #parameters}): value, 1σ from the covariance (NaN when singular). */
	public final double[] values;

	public final double[] errors;

	/** Per free parameter: the statistical-only covariance 1σ (equal to {@link #errors} unless {@link #inconsistent}). */
	public final double[] errorsUnscaled;

	/** Per free parameter: profile-likelihood interval; computed for γ_ee only (NaN for the others). */
	public final double[] lows;

	public final double[] highs;

	/** Correlation matrix of the free parameters (order of {@link #parameters}), or null when the covariance is singular. */
	public final double[][] correlation;

	EnergyModeMapFitResult( final double gammaEe, final double error, final double low, final double high, final double chi2Reduced, final int points, final double sigma,
			final boolean sigmaEstimated, final boolean converged, final String note, final double[] profileGammaEe, final double[] profileChi2, final double[] model,
			final int evaluations, final int detectorEvaluations, final List< EnergyModeMapFit.Parameter > parameters, final double[] values, final double[] errors,
			final double[] lows, final double[] highs, final double[][] correlation, final double chi2ExpectedHigh, final boolean inconsistent, final double widening,
			final double[] errorsUnscaled, final double lowUnscaled, final double highUnscaled )
	{
		this.gammaEe = gammaEe;
		this.error = error;
		this.low = low;
		this.high = high;
		this.chi2Reduced = chi2Reduced;
		this.points = points;
		this.sigma = sigma;
		this.sigmaEstimated = sigmaEstimated;
		this.converged = converged;
		this.note = note;
		this.profileGammaEe = profileGammaEe;
		this.profileChi2 = profileChi2;
		this.model = model;
		this.evaluations = evaluations;
		this.detectorEvaluations = detectorEvaluations;
		this.parameters = Collections.unmodifiableList( parameters );
		this.values = values;
		this.errors = errors;
		this.lows = lows;
		this.highs = highs;
		this.correlation = correlation;
		this.chi2ExpectedHigh = chi2ExpectedHigh;
		this.inconsistent = inconsistent;
		this.widening = widening;
		this.errorsUnscaled = errorsUnscaled;
		this.errorUnscaled = errorsUnscaled[ 0 ];
		this.lowUnscaled = lowUnscaled;
		this.highUnscaled = highUnscaled;
	}

	/** True when at least one end of the interval is open (the data bound γ_ee from one side at most). */
	public boolean oneSided() { return Double.isNaN( low ) || Double.isNaN( high ); }

	/** Index of a free parameter in {@link #parameters}, or −1 when it was fixed. */
	public int indexOf( final EnergyModeMapFit.Parameter p ) { return parameters.indexOf( p ); }

	/** Fitted value of a free parameter (NaN when it was fixed). */
	public double value( final EnergyModeMapFit.Parameter p )
	{
		final int i = indexOf( p );
		return i < 0 ? Double.NaN : values[ i ];
	}

	/** Covariance 1σ of a free parameter (NaN when fixed or singular). */
	public double error( final EnergyModeMapFit.Parameter p )
	{
		final int i = indexOf( p );
		return i < 0 ? Double.NaN : errors[ i ];
	}

	/** Correlation of two free parameters (NaN when either was fixed or the covariance is singular). */
	public double correlation( final EnergyModeMapFit.Parameter a, final EnergyModeMapFit.Parameter b )
	{
		final int i = indexOf( a ), j = indexOf( b );
		return i < 0 || j < 0 || correlation == null ? Double.NaN : correlation[ i ][ j ];
	}

	/**
	 * The fitted model ({@code residual} false) or the residual data − model (true) on the measured map's grid and in
	 * its units, NaN where no point was fitted.
	 *
	 * @param measured the map as given (its grid, unit and metadata are used)
	 * @param units its conversion to the fit's units (same indices; {@link ModelUnits#valueFactor()} undone)
	 * @param points the fitted points {V_inj[], V_det[], g[]} in the fit's units, in the order of {@link #model}
	 */
	public ConductanceMap onMeasuredGrid( final ConductanceMap measured, final ModelUnits units, final double[][] points, final boolean residual )
	{
		final double back = 1 / units.valueFactor();
		final ConductanceMap grid = units.map();
		final ConductanceMap out = ConductanceMap.empty( measured.xAxis(), measured.yAxis(), residual ? "residual" : "g_sa_fit", measured.valueUnit(), measured.metadata() );
		for ( int k = 0; k < this.points; k++ )
		{
			final int i = grid.xAxis().nearestIndex( points[ 0 ][ k ] ), j = grid.yAxis().nearestIndex( points[ 1 ][ k ] );
			out.set( i, j, ( float ) ( back * ( residual ? points[ 2 ][ k ] - model[ k ] : model[ k ] ) ) );
		}
		return out;
	}
}
