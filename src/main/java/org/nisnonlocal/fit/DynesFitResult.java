package org.nisnonlocal.fit;

import java.util.Locale;

/**
 * The outcome of a {@link DynesFit}. Units: G_N in the spectrum's value unit, Δ and Γ in eV, T_e in K, V0 in V. Errors
 * are one standard deviation from the covariance (scaled by χ²_red unless per-point σ were given), 0 for a fixed
 * parameter; the covariance is taken in the linear parameters at the optimum.
 */
public final class DynesFitResult
{
	/** Parameter order of {@link #values()} and {@link #errors()}. */
	public static final String[] NAMES = { "G_N", "Gamma", "Delta", "T_e", "V0" };

	private final double[] values;
	private final double[] errors;
	private final boolean[] fixed;
	private final double vacRms;
	private final double chi2Reduced;
	private final double rmsResidual;
	private final int points;
	private final int iterations;
	private final int evaluations;
	private final boolean converged;
	private final String valueUnit;

	DynesFitResult( final double[] values, final double[] errors, final boolean[] fixed, final double vacRms, final double chi2Reduced, final double rmsResidual, final int points, final int iterations, final int evaluations, final boolean converged, final String valueUnit )
	{
		this.values = values.clone();
		this.errors = errors.clone();
		this.fixed = fixed.clone();
		this.vacRms = vacRms;
		this.chi2Reduced = chi2Reduced;
		this.rmsResidual = rmsResidual;
		this.points = points;
		this.iterations = iterations;
		this.evaluations = evaluations;
		this.converged = converged;
		this.valueUnit = valueUnit;
	}

	public double gN() { return values[ 0 ]; }

	public double gNError() { return errors[ 0 ]; }

	/** Dynes Γ in eV. */
	public double gamma() { return values[ 1 ]; }

	public double gammaError() { return errors[ 1 ]; }

	/** Gap Δ in eV. */
	public double delta() { return values[ 2 ]; }

	public double deltaError() { return errors[ 2 ]; }

	/** Electron temperature in K. */
	public double temperature() { return values[ 3 ]; }

	public double temperatureError() { return errors[ 3 ]; }

	/** Bias offset V0 in V: the data's V = V0 is the junction's zero. */
	public double offset() { return values[ 4 ]; }

	public double offsetError() { return errors[ 4 ]; }

	/** G_N, Γ, Δ, T_e, V0 (see {@link #NAMES}). */
	public double[] values() { return values.clone(); }

	public double[] errors() { return errors.clone(); }

	public boolean isFixed( final int parameter ) { return fixed[ parameter ]; }

	/** The lock-in rms excitation (V) the model included. */
	public double vacRms() { return vacRms; }

	/**
	 * χ²/(n − free parameters) with the per-point σ given; with none given, the residual variance in (value unit)²
	 * (so named for the runner's {@code chi2_reduced} row; {@link #residualVariance()} and {@link #chi2PerDof()} say
	 * what each is).
	 */
	public double chi2Reduced() { return chi2Reduced; }

	private double residualVariance = Double.NaN;
	private double noiseSigma = Double.NaN;
	private double chi2PerDof = Double.NaN;
	private java.util.List< String > warnings = java.util.Collections.emptyList();

	/** This result with the noise figures and the warnings (set once by {@link DynesFit}). */
	DynesFitResult withNoise( final double residualVariance, final double noiseSigma, final double chi2PerDof, final java.util.List< String > warnings )
	{
		this.residualVariance = residualVariance;
		this.noiseSigma = noiseSigma;
		this.chi2PerDof = chi2PerDof;
		this.warnings = java.util.Collections.unmodifiableList( new java.util.ArrayList<>( warnings ) );
		return this;
	}

	/** Σ(data − model)²/(n − free parameters), in (value unit)²: the mean squared residual per degree of freedom. */
	public double residualVariance() { return residualVariance; }

	/** True when no σ was given and {@link #noiseSigma()} was estimated from the data. */
	public boolean sigmaEstimated() { return !Double.isNaN( noiseSigma ); }

	/** The per-point noise estimated from the data's point-to-point scatter (value unit); NaN when σ was given. */
	public double noiseSigma() { return noiseSigma; }

	/** χ²/ν with the σ given, or with {@link #noiseSigma()} when none was: near 1 when the model fits to the noise. */
	public double chi2PerDof() { return chi2PerDof; }

	/** Parameters at bounds and implausible results, one sentence each; empty when none. */
	public java.util.List< String > warnings() { return warnings; }

	/** sqrt(mean squared residual), value unit. */
	public double rmsResidual() { return rmsResidual; }

	public int points() { return points; }

	public int iterations() { return iterations; }

	public int evaluations() { return evaluations; }

	public boolean converged() { return converged; }

	/** G_N's unit: the spectrum's value unit. */
	public String valueUnit() { return valueUnit; }

	/** G(V) of the fitted model at bias values in V, in G_N's unit. */
	public double[] model( final double[] biasV )
	{
		return DynesConductance.conductance( biasV, gN(), delta(), gamma(), temperature(), offset(), vacRms );
	}

	@Override
	public String toString()
	{
		final String chi2 = Double.isNaN( chi2PerDof ) ? String.format( Locale.ROOT, "χ²_red = %.4g", chi2Reduced )
				: sigmaEstimated() ? String.format( Locale.ROOT, "χ²/ν = %.3g (σ = %.3g %s estimated from the point-to-point scatter)", chi2PerDof, noiseSigma, valueUnit )
						: String.format( Locale.ROOT, "χ²/ν = %.3g (σ given)", chi2PerDof );
		return String.format( Locale.ROOT, "G_N = %.5g ± %.2g %s, Γ = %.4g ± %.2g µeV, Δ = %.5g ± %.2g µeV, T_e = %.4g ± %.2g mK, V0 = %.4g ± %.2g µV, %s, %d points, %d iterations%s%s",
				gN(), gNError(), valueUnit, gamma() * 1e6, gammaError() * 1e6, delta() * 1e6, deltaError() * 1e6, temperature() * 1e3, temperatureError() * 1e3, offset() * 1e6, offsetError() * 1e6, chi2, points, iterations,
				converged ? "" : " (NOT converged)", warnings.isEmpty() ? "" : "; WARNING: " + String.join( "; WARNING: ", warnings ) );
	}
}
