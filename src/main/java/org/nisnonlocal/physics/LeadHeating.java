package org.nisnonlocal.physics;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.nisnonlocal.BadInputException;

/**
 * Electron temperature t_N of a normal lead heated through its NIS junction (docs/physics.md §20). Steady state of
 * the lead's electrons, in units of G Δ0²/e² (G the junction conductance, energies in Δ0, t = k_B T/Δ0):
 * <pre>
 *   q(t_N) + a (t_N⁵ − t_bath⁵) − r i² = 0,
 *   q = ∫_0^{ω_D} N/2 [ (ε − v)(f_L − τ(ε − v)) + (ε + v)(f_L − τ(ε + v)) ] dε   (heat leaving the lead),
 *   i = ∫_0^{ω_D} N f_T^N dε,   τ(x) = tanh(x / 2t_N),   a = ΣΩ (Δ0/k_B)⁵ / (G Δ0²/e²),   r = G R_lead,
 * </pre>
 * f_L the superconductor's (odd) distribution at the junction, N its DOS. q grows with t_N (hotter electrons carry
 * more heat out), so the balance has one root; it is found by Brent's method.
 */
public final class LeadHeating
{
	/** Electron-phonon constant of Cu, W K⁻⁵ m⁻³ (Giazotto et al., Rev. Mod. Phys. 78, 217 (2006)). */
	public static final double SIGMA_CU = 2e9;

	/** Lead volume, m³: 80 nm of Cu (S Sec. III) × 1 µm × 10 µm; S does not give the lead's size (a guess). */
	public static final double DEFAULT_VOLUME = 8e-19;

	/** Δ0 (eV) and R_ξ (Ω, S's rounded ξ = 65 nm) of S Table 1 (docs/physics.md §2): convert κ into G. */
	public static final double DELTA0_EV = 265e-6, R_XI = 8.568;

	/** Temperatures are converged to this (absolute, in Δ0/k_B). */
	static final double TOLERANCE = 1e-11;

	private final double a;

	private final double r;

	private final double tBath;

	/**
	 * @param sigma Σ in W K⁻⁵ m⁻³
	 * @param volume Ω in m³
	 * @param conductance G of the junction in S
	 * @param leadResistance R of the lead in Ω (its Joule heat I²R; 0: none)
	 * @param tBath phonon temperature (Δ0/k_B)
	 */
	public LeadHeating( final double sigma, final double volume, final double conductance, final double leadResistance, final double tBath )
	{
		if ( !( sigma > 0 ) || !( volume > 0 ) || !( conductance > 0 ) || !Double.isFinite( sigma * volume * conductance ) )
			throw new BadInputException( "lead heating needs finite sigma, volume and conductance > 0, got " + sigma + ", " + volume + ", " + conductance );
		if ( !( leadResistance >= 0 ) || !Double.isFinite( leadResistance ) )
			throw new BadInputException( "lead resistance must be finite and >= 0, got " + leadResistance );
		this.a = coefficient( sigma, volume, conductance );
		this.r = conductance * leadResistance;
		this.tBath = tBath;
	}

	/** a = ΣΩ(Δ0/k_B)⁵ / (G Δ0²/e²): electron-phonon power per t⁵ in units of the junction's power scale. */
	public static double coefficient( final double sigma, final double volume, final double conductance )
	{
		final double tUnit = DELTA0_EV * DeviceNumbers.E / DeviceNumbers.K_B;
		return sigma * volume * Math.pow( tUnit, 5 ) / ( conductance * DELTA0_EV * DELTA0_EV );
	}

	/** Junction conductance from a half-wire κ = G R_ξ / 2. */
	public static double conductance( final double kappa )
	{
		return 2 * kappa / R_XI;
	}

	public double phononTemperature()
	{
		return tBath;
	}

	/** The rule for q and i on [0, ω_D]: clustered at Δ (Γ), 0 and |v| (t_bath, at least Γ). */
	public static Quadrature rule( final double delta, final double gamma, final double v, final double omegaD, final double tBath )
	{
		final double s = Math.max( tBath, gamma );
		return Quadrature.on( 0, omegaD ).cluster( delta, gamma ).cluster( 0, s ).cluster( Math.abs( v ), s ).maxPanel( 0.25, 0, omegaD ).build();
	}

	/** q: heat leaving the lead (units G Δ0²/e²; negative: the lead is heated) at electron temperature t. */
	public static double heatOut( final Quadrature q, final double[] dos, final double[] fL, final double v, final double t )
	{
		double s = 0;
		for ( int j = 0; j < q.size(); j++ )
		{
			final double e = q.node( j );
			s += q.weight( j ) * dos[ j ] * 0.5 * ( ( e - v ) * ( fL[ j ] - EnergyModeSolver.n0( e - v, t ) ) + ( e + v ) * ( fL[ j ] - EnergyModeSolver.n0( e + v, t ) ) );
		}
		return s;
	}

	/** i: junction current (units G Δ0/e); f_L does not enter (f_T^S = 0). */
	public static double current( final Quadrature q, final double[] dos, final double v, final double t )
	{
		double s = 0;
		for ( int j = 0; j < q.size(); j++ )
		{
			final double e = q.node( j );
			s += q.weight( j ) * dos[ j ] * 0.5 * ( EnergyModeSolver.n0( e + v, t ) - EnergyModeSolver.n0( e - v, t ) );
		}
		return s;
	}

	/** The balance q + a(t⁵ − t_bath⁵) − r i² at t. */
	double balance( final Quadrature q, final double[] dos, final double[] fL, final double v, final double t )
	{
		final double i = r > 0 ? current( q, dos, v, t ) : 0;
		return heatOut( q, dos, fL, v, t ) + a * ( Math.pow( t, 5 ) - Math.pow( tBath, 5 ) ) - r * i * i;
	}

	/**
	 * The lead's electron temperature for the superconductor's f_L (at the rule's nodes) and bias v. Can be below
	 * t_bath (NIS cooling just below the gap) when the junction is clean enough; 0 when nothing balances the cooling.
	 */
	public double temperature( final Quadrature q, final double[] dos, final double[] fL, final double v )
	{
		if ( balance( q, dos, fL, v, 0 ) >= 0 )
			return 0;
		double hi = Math.max( tBath, 1e-3 );
		while ( balance( q, dos, fL, v, hi ) < 0 )
		{
			hi *= 2;
			if ( hi > 100 )
				throw new BadInputException( "lead heating: no electron temperature below 100 Delta0/k_B balances the junction's heat at eV = " + v );
		}
		final double lo = hi > Math.max( tBath, 1e-3 ) ? hi / 2 : 0;
		return new BrentSolver( TOLERANCE, TOLERANCE ).solve( 200, t -> balance( q, dos, fL, v, t ), lo, hi );
	}
}
