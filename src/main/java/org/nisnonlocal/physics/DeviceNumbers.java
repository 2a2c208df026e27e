package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/**
 * Device scales of the model (docs/physics.md §1-2, S Eqs. 2, 6, 11, Sec. V), all in SI units (m, Ω, A, s, J, K):
 * <pre>
 *   ξ = √(ħD/Δ0),  R_ξ = R ξ / l,  I0 = Δ0/(e R_ξ),  L_T = √(ħD/(k_B T)),  t = k_B T/Δ0,
 *   κ_I = G_inj R_ξ / 2 (half-wire model, S App. B),  τ_ee = ħ/(Δ0 γ_ee),  γ_ee = ħ/(Δ0 τ_ee).
 * </pre>
 * Constants: CODATA 2018 exact SI values (e, k_B) and ħ.
 */
public final class DeviceNumbers
{
	public static final double HBAR = 1.054571817e-34; // J s

	public static final double E = 1.602176634e-19; // C

	public static final double K_B = 1.380649e-23; // J/K

	private final double resistance;

	private final double length;

	private final double diffusion;

	private final double delta0;

	private final double temperature;

	private final double xi;

	/**
	 * @param resistance normal-state wire resistance R (Ω)
	 * @param length wire length l (m)
	 * @param diffusion normal-state diffusion constant D (m²/s)
	 * @param delta0Ev zero-temperature gap Δ0 (eV)
	 * @param temperature T (K)
	 */
	public DeviceNumbers( final double resistance, final double length, final double diffusion, final double delta0Ev, final double temperature )
	{
		this( resistance, length, diffusion, delta0Ev, temperature, Double.NaN );
	}

	private DeviceNumbers( final double resistance, final double length, final double diffusion, final double delta0Ev, final double temperature, final double xiOverride )
	{
		positive( "resistance", resistance );
		positive( "length", length );
		positive( "diffusion", diffusion );
		positive( "delta0", delta0Ev );
		positive( "temperature", temperature );
		this.resistance = resistance;
		this.length = length;
		this.diffusion = diffusion;
		this.delta0 = delta0Ev * E;
		this.temperature = temperature;
		this.xi = Double.isNaN( xiOverride ) ? Math.sqrt( HBAR * diffusion / this.delta0 ) : xiOverride;
	}

	/**
	 * The same device with ξ set to a given value (m), e.g. S's rounded 65 nm; R_ξ, I0 and κ_I then follow it, L_T
	 * and t do not depend on ξ.
	 */
	public DeviceNumbers withXi( final double xiMetres )
	{
		positive( "xi", xiMetres );
		return new DeviceNumbers( resistance, length, diffusion, delta0 / E, temperature, xiMetres );
	}

	/** From resistivity ρ (Ω m) and cross-section A (m²) instead of the wire resistance: R = ρ l / A. */
	public static DeviceNumbers fromResistivity( final double rho, final double area, final double length, final double diffusion, final double delta0Ev, final double temperature )
	{
		positive( "resistivity", rho );
		positive( "area", area );
		positive( "length", length );
		return new DeviceNumbers( rho * length / area, length, diffusion, delta0Ev, temperature );
	}

	private static void positive( final String name, final double v )
	{
		if ( !( v > 0 ) || !Double.isFinite( v ) )
			throw new BadInputException( name + " must be finite and > 0, got " + v );
	}

	/** Dirty-limit coherence length ξ (m). */
	public double xi()
	{
		return xi;
	}

	/** Δ0 in J. */
	public double delta0()
	{
		return delta0;
	}

	/** Normal-state resistance of one ξ of wire (Ω). */
	public double rXi()
	{
		return rXi( xi );
	}

	/** R_ξ for a given ξ (e.g. a rounded published value). */
	public double rXi( final double xiMetres )
	{
		return resistance * xiMetres / length;
	}

	/** Current unit I0 = Δ0/(e R_ξ) (A). */
	public double i0()
	{
		return delta0 / ( E * rXi() );
	}

	/** Thouless length √(ħD/(k_B T)) (m). */
	public double thoulessLength()
	{
		return Math.sqrt( HBAR * diffusion / ( K_B * temperature ) );
	}

	/** Reduced temperature k_B T/Δ0. */
	public double t()
	{
		return K_B * temperature / delta0;
	}

	/** Half-wire injection coefficient κ_I = G_inj R_ξ / 2 (dimensionless), G_inj in S. */
	public double kappa( final double gInj )
	{
		positive( "ginj", gInj );
		return gInj * rXi() / 2;
	}

	/** τ_ee = ħ/(Δ0 γ_ee) (s). */
	public double tauEe( final double gammaEe )
	{
		positive( "gamma-ee", gammaEe );
		return HBAR / ( delta0 * gammaEe );
	}

	/** γ_ee = ħ/(Δ0 τ_ee) from a time in s. */
	public double gammaEe( final double tauEe )
	{
		positive( "tau-ee", tauEe );
		return HBAR / ( delta0 * tauEe );
	}

	/** A length in m expressed in ξ. */
	public double inXi( final double metres )
	{
		return metres / xi;
	}
}
