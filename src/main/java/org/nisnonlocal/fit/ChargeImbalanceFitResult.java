package org.nisnonlocal.fit;

import java.util.Locale;

import org.nisnonlocal.physics.ChargeImbalanceModel;

/**
 * The outcome of a {@link ChargeImbalanceFit}, in reduced units (Γ in Δ0, ∂xφ in 1/ξ, g in G_inj G_det R_ξ). Errors are
 * one standard deviation from the covariance in the linear parameters Γ, ζ = (∂xφ)²/2 and A at the optimum (scaled by
 * χ²_red unless per-point σ were given), 0 for a fixed parameter.
 * <p>
 * The phase-gradient error is the distance from ∂xφ to √(2(ζ + σ_ζ)): σ_ζ/∂xφ for a well-determined gradient and
 * √(2σ_ζ) at ∂xφ = 0, where g depends on ζ = (∂xφ)²/2 only and the linear error in ∂xφ would be infinite.
 * </p>
 */
public final class ChargeImbalanceFitResult
{
	private final double gamma, gammaError;
	private final double phaseGradient, phaseGradientError;
	private final double amplitude, amplitudeError;
	private final boolean gammaFree, phaseGradientFree, amplitudeFree;
	private final double chi2Reduced;
	private final double[] bias;
	private final double[] residuals;
	private final int iterations;
	private final double kappa, distance, t, length;

	ChargeImbalanceFitResult( final double[] values, final double[] errors, final boolean[] free, final double chi2Reduced, final double[] bias, final double[] residuals, final int iterations, final ChargeImbalanceFitOptions o )
	{
		gamma = values[ 0 ];
		phaseGradient = values[ 1 ];
		amplitude = values[ 2 ];
		gammaError = errors[ 0 ];
		phaseGradientError = errors[ 1 ];
		amplitudeError = errors[ 2 ];
		gammaFree = free[ 0 ];
		phaseGradientFree = free[ 1 ];
		amplitudeFree = free[ 2 ];
		this.chi2Reduced = chi2Reduced;
		this.bias = bias.clone();
		this.residuals = residuals.clone();
		this.iterations = iterations;
		kappa = o.kappa;
		distance = o.distance;
		t = o.t;
		length = o.length;
	}

	/** Dynes Γ (Δ0). */
	public double gamma() { return gamma; }

	public double gammaError() { return gammaError; }

	/** |∂xφ| (1/ξ); 0 when the fit ran to {@value ChargeImbalanceFitOptions#MIN_PHASE_GRADIENT}. */
	public double phaseGradient() { return phaseGradient; }

	public double phaseGradientError() { return phaseGradientError; }

	/** Amplitude factor A in g = A·g_model (1 unless fitted). */
	public double amplitude() { return amplitude; }

	public double amplitudeError() { return amplitudeError; }

	public boolean gammaFree() { return gammaFree; }

	public boolean phaseGradientFree() { return phaseGradientFree; }

	public boolean amplitudeFree() { return amplitudeFree; }

	/** χ²/(n − free parameters); without per-point σ the residual variance in g units squared. */
	public double chi2Reduced() { return chi2Reduced; }

	/** Number of curve points inside the fit range. */
	public int points() { return bias.length; }

	/** The biases eV_inj (Δ0) of the fitted points. */
	public double[] bias() { return bias.clone(); }

	/** Data − model at {@link #bias()} (g units, unweighted). */
	public double[] residuals() { return residuals.clone(); }

	public int iterations() { return iterations; }

	/** A·g_model at the fitted parameters for any biases (Δ0), e.g. to plot beyond the fit range. */
	public double[] model( final double[] vInj )
	{
		final double[] g = new ChargeImbalanceModel( 1, gamma, 0.5 * phaseGradient * phaseGradient, kappa, distance, t, length ).conductance( vInj );
		for ( int i = 0; i < g.length; i++ )
			g[ i ] *= amplitude;
		return g;
	}

	@Override
	public String toString()
	{
		return String.format( Locale.ROOT, "Γ = %.5g ± %.2g, ∂xφ = %.5g ± %.2g, A = %.5g ± %.2g, χ²_red = %.4g, %d points, %d iterations",
				gamma, gammaError, phaseGradient, phaseGradientError, amplitude, amplitudeError, chi2Reduced, points(), iterations );
	}
}
