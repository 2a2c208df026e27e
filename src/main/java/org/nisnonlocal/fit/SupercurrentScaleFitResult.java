package org.nisnonlocal.fit;

import java.util.Locale;

/** The outcome of a {@link SupercurrentScaleFit}: I0 in the unit of the currents given, its one-σ error, χ²_red. */
public final class SupercurrentScaleFitResult
{
	private final double i0, i0Error, chi2Reduced;
	private final double[] residuals;
	private final boolean weighted;

	SupercurrentScaleFitResult( final double i0, final double i0Error, final double chi2Reduced, final double[] residuals, final boolean weighted )
	{
		this.i0 = i0;
		this.i0Error = i0Error;
		this.chi2Reduced = chi2Reduced;
		this.residuals = residuals.clone();
		this.weighted = weighted;
	}

	/** I0 = Δ0/(e R_ξ), unit of the currents. */
	public double i0() { return i0; }

	public double i0Error() { return i0Error; }

	/** χ²/(n − 1) with the effective variances (≈ 1 when the gradient errors are right); unweighted: residual variance. */
	public double chi2Reduced() { return chi2Reduced; }

	/** I_s − I0·f(∂xφ) per point. */
	public double[] residuals() { return residuals.clone(); }

	public int points() { return residuals.length; }

	/** False when no point had an error: unit weights and the error scaled by χ²_red. */
	public boolean weighted() { return weighted; }

	@Override
	public String toString()
	{
		return String.format( Locale.ROOT, "I0 = %.5g ± %.2g, χ²_red = %.4g, %d points%s", i0, i0Error, chi2Reduced, points(), weighted ? "" : " (unweighted)" );
	}
}
