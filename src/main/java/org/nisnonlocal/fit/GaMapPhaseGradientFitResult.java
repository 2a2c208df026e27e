package org.nisnonlocal.fit;

import java.util.Locale;

import org.nisnonlocal.maps.ConductanceMap;

/**
 * Outcome of {@link GaMapPhaseGradientFit}: the signed phase gradient ∂xφ (1/ξ) with its one-σ covariance error, the
 * amplitude factor A (1 and error 0 unless fitted), the fit quality and the model on the fitted points. Units: g in
 * G_inj G_det R_ξ, biases in eV/Δ0.
 */
public final class GaMapPhaseGradientFitResult
{
	/** ∂xφ (1/ξ), signed: g_a is odd in it, so the map gives the direction (detector at +x of the model). */
	public final double phaseGradient;

	/** 1σ from (JᵀJ)⁻¹ at the optimum (scaled by χ²_red when σ was estimated); NaN when the covariance is singular. */
	public final double error;

	/** g = A·g_a,model; 1 unless fitted. */
	public final double amplitude;

	public final double amplitudeError;

	public final boolean amplitudeFree;

	/** Correlation of ∂xφ and A (0 unless A is fitted; near ±1 means the map fixes only their product). */
	public final double correlation;

	/** χ²/(N − free parameters) with the σ used; 1 by construction when σ was estimated. */
	public final double chi2Reduced;

	public final int points;

	/** σ per point used in χ²: given, or estimated from the residuals. */
	public final double sigma;

	public final boolean sigmaEstimated;

	/** Δχ² of g ≡ 0 against the fit, in units of σ²: the significance of the g_a signal. */
	public final double signalDeltaChi2;

	public final boolean converged;

	public final int iterations;

	/** Notes: how σ was obtained, non-convergence, a weak signal, a degenerate amplitude. */
	public final String note;

	/** The fitted points and A·g_a,model at them. */
	public final double[] vInj, vDet, g, model;

	GaMapPhaseGradientFitResult( final double phaseGradient, final double error, final double amplitude, final double amplitudeError, final boolean amplitudeFree,
			final double correlation, final double chi2Reduced, final double sigma, final boolean sigmaEstimated, final double signalDeltaChi2, final boolean converged,
			final int iterations, final String note, final double[] vInj, final double[] vDet, final double[] g, final double[] model )
	{
		this.phaseGradient = phaseGradient;
		this.error = error;
		this.amplitude = amplitude;
		this.amplitudeError = amplitudeError;
		this.amplitudeFree = amplitudeFree;
		this.correlation = correlation;
		this.chi2Reduced = chi2Reduced;
		this.points = g.length;
		this.sigma = sigma;
		this.sigmaEstimated = sigmaEstimated;
		this.signalDeltaChi2 = signalDeltaChi2;
		this.converged = converged;
		this.iterations = iterations;
		this.note = note;
		this.vInj = vInj;
		this.vDet = vDet;
		this.g = g;
		this.model = model;
	}

	/** g − A·g_a,model at each fitted point. */
	public double[] residuals()
	{
		final double[] r = new double[ points ];
		for ( int k = 0; k < points; k++ )
			r[ k ] = g[ k ] - model[ k ];
		return r;
	}

	/** The fitted model on the grid of the fitted map (same axes, unit and metadata), NaN outside the fitted points. */
	public ConductanceMap fitMap( final ConductanceMap grid )
	{
		return onGrid( grid, model, "g_a_fit" );
	}

	/** Measured − fitted on the grid of the fitted map, NaN outside the fitted points. */
	public ConductanceMap residualMap( final ConductanceMap grid )
	{
		return onGrid( grid, residuals(), "g_a_residual" );
	}

	private ConductanceMap onGrid( final ConductanceMap grid, final double[] values, final String quantity )
	{
		final ConductanceMap out = ConductanceMap.empty( grid.xAxis(), grid.yAxis(), quantity, grid.valueUnit(), grid.metadata() );
		for ( int k = 0; k < points; k++ )
			out.set( grid.xAxis().nearestIndex( vInj[ k ] ), grid.yAxis().nearestIndex( vDet[ k ] ), ( float ) values[ k ] );
		return out;
	}

	@Override
	public String toString()
	{
		return String.format( Locale.ROOT, "∂xφ = %.5g ± %.2g /ξ%s, χ²_red = %.4g, %d points, σ = %.3g%s%s%s", phaseGradient, error,
				amplitudeFree ? String.format( Locale.ROOT, ", A = %.4g ± %.2g", amplitude, amplitudeError ) : "", chi2Reduced, points, sigma,
				sigmaEstimated ? " (estimated)" : "", converged ? "" : ", NOT CONVERGED", note.isEmpty() ? "" : "; " + note );
	}
}
