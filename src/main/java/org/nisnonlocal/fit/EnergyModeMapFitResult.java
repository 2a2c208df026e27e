package org.nisnonlocal.fit;

/**
 * Outcome of {@link EnergyModeMapFit}: γ_ee with its covariance error and 68 % profile-likelihood interval (NaN at an
 * unbounded end), the χ² profile actually evaluated, and the model at the optimum on the fitted points.
 */
public final class EnergyModeMapFitResult
{
	public final double gammaEe;

	/** 1σ from the covariance in log γ_ee, converted to γ_ee (γ·ln10·σ_log10); NaN when degenerate. */
	public final double error;

	/** Profile interval ends (Δχ² = 1); NaN where the data do not bound γ_ee inside the searched range. */
	public final double low;

	public final double high;

	public final double chi2Reduced;

	public final int points;

	/** σ per point used in χ²: given, or estimated from the residuals (reduced χ² = 1 at the optimum). */
	public final double sigma;

	public final boolean sigmaEstimated;

	public final boolean converged;

	/** Human-readable notes: non-convergence, one-sided interval, how σ was obtained. */
	public final String note;

	/** The χ² profile, ascending γ_ee, in the same χ² units as the interval (σ as above). */
	public final double[] profileGammaEe;

	public final double[] profileChi2;

	/** Model at the optimum at each fitted point. */
	public final double[] model;

	public final int evaluations;

	EnergyModeMapFitResult( final double gammaEe, final double error, final double low, final double high, final double chi2Reduced, final int points, final double sigma,
			final boolean sigmaEstimated, final boolean converged, final String note, final double[] profileGammaEe, final double[] profileChi2, final double[] model,
			final int evaluations )
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
	}

	/** True when at least one end of the interval is open (the data bound γ_ee from one side at most). */
	public boolean oneSided() { return Double.isNaN( low ) || Double.isNaN( high ); }
}
