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

	/** 1σ from the covariance in log γ_ee, converted to γ_ee (γ·ln10·σ_log10); NaN when degenerate. */
	public final double error;

	/** Profile interval ends (Δχ² = 1); NaN where the data do not bound γ_ee inside the searched range. */
	public final double low;

	public final double high;

	/** χ²_min / (points − free parameters). */
	public final double chi2Reduced;

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
	 * The χ² profile, ascending γ_ee, in the same χ² units as the interval (σ as above); with other free parameters the
	 * profile likelihood (each point minimized over them).
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

	/** Per free parameter: profile-likelihood interval; computed for γ_ee only (NaN for the others). */
	public final double[] lows;

	public final double[] highs;

	/** Correlation matrix of the free parameters (order of {@link #parameters}), or null when the covariance is singular. */
	public final double[][] correlation;

	EnergyModeMapFitResult( final double gammaEe, final double error, final double low, final double high, final double chi2Reduced, final int points, final double sigma,
			final boolean sigmaEstimated, final boolean converged, final String note, final double[] profileGammaEe, final double[] profileChi2, final double[] model,
			final int evaluations, final int detectorEvaluations, final List< EnergyModeMapFit.Parameter > parameters, final double[] values, final double[] errors,
			final double[] lows, final double[] highs, final double[][] correlation )
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
