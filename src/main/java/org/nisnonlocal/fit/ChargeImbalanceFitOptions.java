package org.nisnonlocal.fit;

import org.nisnonlocal.BadInputException;

/**
 * Settings of a {@link ChargeImbalanceFit}. Mutable, fluent. Reduced units throughout: energies, biases eV_inj and
 * temperatures in Δ0, lengths in ξ, g in units of G_inj G_det R_ξ.
 * <p>
 * Defaults (S Sec. V, Fig. 10 at I_s = 0): the device of S Table 1 (injector A, detector B: half-wire κ_I =
 * 1.054·10⁻⁴, x = 4.62, t = 0.0198, full length L = 169.2), Γ free, phase gradient fixed at 0, amplitude fixed at 1,
 * only 0 ≤ eV_inj ≤ 1.5 (above, inelastic scattering pulls the data below the elastic model), errors scaled by χ²_red.
 * </p>
 * <p>
 * <b>Why the range starts at 0.</b> g_ss is even in V_inj by construction (S Eq. 19): its negative half repeats the
 * positive half, and fitting both would count every measurement twice (errors √2 too small). Select a range that
 * includes negative biases only for curves that are not symmetrised.
 * </p>
 * <p>
 * <b>Why the amplitude is fixed by default.</b> S fits Γ alone ("the only fit parameter"), with G_inj, G_det and R_ξ
 * from the sample. A free amplitude A (g = A·g_model) absorbs an uncertain conversion to G_inj G_det R_ξ, at the
 * price of a correlation with Γ, which then rests on the shape of the onset alone.
 * </p>
 */
public final class ChargeImbalanceFitOptions
{
	/** S Table 1: half-wire κ_I = G_inj R_ξ / 2 of injector A. */
	public static final double TABLE1_KAPPA = 1.054e-4;

	/** S Table 1: detector B at 300 nm = 4.62 ξ from the injector. */
	public static final double TABLE1_DISTANCE = 4.62;

	/** S Table 1: injector electrode temperature 61 mK = 0.0198 Δ0/k_B. */
	public static final double TABLE1_T = 0.0198;

	/** S Table 1: full wire length 11 µm = 169.2 ξ (half wire 84.6 ξ). */
	public static final double TABLE1_LENGTH = 169.2;

	/** Where the phase-gradient fit stops (1/ξ): ζ = 5·10⁻⁷ changes g by ≲ 10⁻³ relative at Γ ~ 10⁻³. */
	static final double MIN_PHASE_GRADIENT = 1e-3;

	double kappa = TABLE1_KAPPA;
	double distance = TABLE1_DISTANCE;
	double t = TABLE1_T;
	double length = TABLE1_LENGTH;
	double vmin = 0;
	double vmax = 1.5;
	double gamma = Double.NaN;
	boolean gammaFree = true;
	double phaseGradient = 0;
	boolean phaseGradientFree = false;
	double amplitude = 1;
	boolean amplitudeFree = false;
	double[] sigma = null;
	int maxIterations = 100;

	/**
	 * The device, all fixed.
	 *
	 * @param kappa half-wire κ_I = G_inj R_ξ / 2 (&gt; 0)
	 * @param distance detector distance from the injector (ξ, ≥ 0)
	 * @param t injector electrode temperature (Δ0/k_B, in [10⁻⁴, 10])
	 * @param fullLength full wire length L (ξ, &gt; 2·distance); infinite for a semi-infinite half wire
	 */
	public ChargeImbalanceFitOptions device( final double kappa, final double distance, final double t, final double fullLength )
	{
		if ( !( kappa > 0 ) || !Double.isFinite( kappa ) )
			throw new BadInputException( "kappa must be > 0, got " + kappa );
		if ( !( distance >= 0 ) || !Double.isFinite( distance ) )
			throw new BadInputException( "distance must be >= 0 (xi), got " + distance );
		if ( !( t >= 1e-4 ) || !( t <= 10 ) )
			throw new BadInputException( "t must be in [1e-4, 10] (Delta0), got " + t );
		if ( !( fullLength > 2 * distance ) )
			throw new BadInputException( "length must exceed twice the distance (detector inside the half wire), got " + fullLength );
		this.kappa = kappa;
		this.distance = distance;
		this.t = t;
		this.length = fullLength;
		return this;
	}

	/** Fits only points with vmin ≤ eV_inj ≤ vmax (Δ0). */
	public ChargeImbalanceFitOptions range( final double min, final double max )
	{
		if ( !( min < max ) || !Double.isFinite( min ) || !Double.isFinite( max ) )
			throw new BadInputException( "fit range: need finite vinj-min < vinj-max, got " + min + " … " + max );
		vmin = min;
		vmax = max;
		return this;
	}

	/** Fixes Γ (0 &lt; Γ &lt; 1), as in S's phase-gradient fits. */
	public ChargeImbalanceFitOptions fixGamma( final double g )
	{
		checkGamma( g );
		gamma = g;
		gammaFree = false;
		return this;
	}

	/** Fits Γ from this start (default: the best of a coarse scan). */
	public ChargeImbalanceFitOptions gammaStart( final double g )
	{
		checkGamma( g );
		gamma = g;
		gammaFree = true;
		return this;
	}

	private static void checkGamma( final double g )
	{
		if ( !( g > 0 ) || !( g < 1 ) )
			throw new BadInputException( "gamma must be in (0, 1), got " + g );
	}

	/** Fixes the phase gradient ∂xφ (1/ξ, ζ = (∂xφ)²/2); the model is even in it. Default 0. */
	public ChargeImbalanceFitOptions fixPhaseGradient( final double q )
	{
		if ( !Double.isFinite( q ) || Math.abs( q ) > 10 )
			throw new BadInputException( "phase gradient must be finite and at most 10/xi, got " + q );
		phaseGradient = Math.abs( q );
		phaseGradientFree = false;
		return this;
	}

	/** Fits |∂xφ| ≥ 0 (start: the best of a coarse scan). */
	public ChargeImbalanceFitOptions freePhaseGradient()
	{
		phaseGradientFree = true;
		return this;
	}

	/** Fits an amplitude factor A in g = A·g_model (start 1) instead of fixing A = 1. */
	public ChargeImbalanceFitOptions freeAmplitude()
	{
		amplitudeFree = true;
		return this;
	}

	/**
	 * One standard error per curve point (g units). With them χ²_red tests the model and the errors are not rescaled;
	 * without them the errors are scaled by χ²_red (the noise is estimated from the residuals).
	 */
	public ChargeImbalanceFitOptions sigma( final double[] s )
	{
		for ( int i = 0; i < s.length; i++ )
			if ( !( s[ i ] > 0 ) || !Double.isFinite( s[ i ] ) )
				throw new BadInputException( "sigma of point " + ( i + 1 ) + " must be > 0, got " + s[ i ] );
		sigma = s.clone();
		return this;
	}

	public ChargeImbalanceFitOptions maxIterations( final int n )
	{
		if ( n < 1 )
			throw new BadInputException( "max iterations must be >= 1, got " + n );
		maxIterations = n;
		return this;
	}

	/** A copy, so one set of options can seed the fits of several curves. */
	public ChargeImbalanceFitOptions copy()
	{
		final ChargeImbalanceFitOptions c = new ChargeImbalanceFitOptions();
		c.kappa = kappa;
		c.distance = distance;
		c.t = t;
		c.length = length;
		c.vmin = vmin;
		c.vmax = vmax;
		c.gamma = gamma;
		c.gammaFree = gammaFree;
		c.phaseGradient = phaseGradient;
		c.phaseGradientFree = phaseGradientFree;
		c.amplitude = amplitude;
		c.amplitudeFree = amplitudeFree;
		c.sigma = sigma == null ? null : sigma.clone();
		c.maxIterations = maxIterations;
		return c;
	}
}
