package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/**
 * Charge-imbalance nonlocal conductance without supercurrent coupling and inelastic scattering (S Eqs. 20-21,
 * docs/physics.md §10). Energies, biases eV and temperatures in Δ0; lengths in ξ.
 * <p>
 * Half wire x ∈ [0, ℓ], injector at x = 0, equilibrium reservoir at x = ℓ = L/2 (or ℓ = ∞). Per energy
 * D_T ∂x² f_T = R_T f_T with λ_T = √(D_T/R_T) and the tunnel boundary condition D_T ∂x f_T = κ_I N (f_T − f_T^N)
 * give f_T(ε, x) = [κ_I N / (κ_I N + D_T q c)] u(x) f_T^N(ε; V_inj), q = 1/λ_T, with
 * u = e^{−qx}, c = 1 (semi-infinite) or u = sinh(q(ℓ − x))/sinh(qℓ), c = coth(qℓ) (finite). The spectral signal
 * is s(ε) = N f_T / f_T^N = κ_I N² u / (κ_I N + D_T q c) (S Eq. 21). κ_I is the half-wire value G_inj R_ξ/2.
 * </p>
 * <p>
 * <b>Nonlocal conductance</b> (S Eqs. 14, 15; positive for charge imbalance by S's sign convention, which is minus
 * dI_det/dV_inj of Eq. 14):
 * <pre>
 *   g_nl / (G_inj G_det R_ξ) = (1/2κ_I) ∫_0^∞ s(ε) ½[n0'(ε + eV_inj) + n0'(ε − eV_inj)] dε,
 *   n0'(u) = (1/2t) sech²(u/2t),  t the injector electrode temperature.
 * </pre>
 * <b>Detector bias.</b> S Eq. 14: I_det = −(G_det/2e) ∫ N [f_T^S(V_inj) − f_T^N(V_det)] dε. With Δ independent of
 * the biases (this model) and the detector a weak probe (its own injection, ∝ κ_det f_T^N(V_det), does not depend on
 * V_inj), the f_T^N(V_det) term does not depend on V_inj and drops out of g_nl = dI_det/dV_inj: the
 * charge-imbalance part of the 2D map is independent of V_det (even in V_det, trivially). The V_det dependence of
 * S Fig. 4 enters only through Δ(V_inj), the energy mode (docs/physics.md §13). {@link #detectorCurrent} keeps the full
 * Eq. 14 so that this is checked numerically.
 * </p>
 * <p>
 * <b>Integration rule.</b> s(ε) is computed once on composite 8-point Gauss-Legendre panels clustered
 * geometrically at the coherence peak Δ and at the depairing gap edge E_g (scale Γ) and no longer than t up to
 * max|eV| + 40t (the Fermi kernel, of width t, then needs no re-sampling per bias: one grid serves all biases).
 * </p>
 */
public final class ChargeImbalanceModel
{
	/** Kernel range in units of t: sech²(20) ~ 2e-17. */
	private static final double KERNEL_RANGE = 40;

	private final double delta;

	private final double gamma;

	private final double zeta;

	private final double kappa;

	private final double distance;

	private final double t;

	private final double halfLength;

	/**
	 * @param delta pair potential Δ (Δ0), 1 at equilibrium; 0 gives the normal state
	 * @param gamma Dynes Γ (&gt; 0)
	 * @param zeta depairing ζ (≥ 0)
	 * @param kappa half-wire κ_I = G_inj R_ξ/2 (&gt; 0)
	 * @param distance detector distance x from the injector (ξ, ≥ 0)
	 * @param t injector electrode temperature k_B T/Δ0 (≥ 1e-4)
	 * @param fullLength full wire length L (ξ); infinite for the semi-infinite half wire; must exceed 2x
	 */
	public ChargeImbalanceModel( final double delta, final double gamma, final double zeta, final double kappa, final double distance, final double t, final double fullLength )
	{
		if ( !( delta >= 0 ) || !Double.isFinite( delta ) )
			throw new BadInputException( "delta must be finite and >= 0, got " + delta );
		if ( !( gamma > 0 ) || !( gamma < 1 ) )
			throw new BadInputException( "gamma must be in (0, 1), got " + gamma );
		if ( !( zeta >= 0 ) || !Double.isFinite( zeta ) )
			throw new BadInputException( "zeta must be finite and >= 0, got " + zeta );
		if ( !( kappa > 0 ) || !Double.isFinite( kappa ) )
			throw new BadInputException( "kappa must be finite and > 0, got " + kappa );
		if ( !( distance >= 0 ) || !Double.isFinite( distance ) )
			throw new BadInputException( "distance must be finite and >= 0, got " + distance );
		if ( !( t >= 1e-4 ) || !( t <= 10 ) )
			throw new BadInputException( "t must be in [1e-4, 10] (the Fermi kernel must be resolved), got " + t );
		if ( !( fullLength > 2 * distance ) )
			throw new BadInputException( "length must exceed twice the distance (detector inside the half wire), got " + fullLength );
		this.delta = delta;
		this.gamma = gamma;
		this.zeta = zeta;
		this.kappa = kappa;
		this.distance = distance;
		this.t = t;
		this.halfLength = fullLength / 2;
	}

	/** Δ = 1, semi-infinite half wire. */
	public static ChargeImbalanceModel semiInfinite( final double gamma, final double zeta, final double kappa, final double distance, final double t )
	{
		return new ChargeImbalanceModel( 1, gamma, zeta, kappa, distance, t, Double.POSITIVE_INFINITY );
	}

	/** The spectral signal s(ε) (S Eq. 21) at grid point i. */
	double signal( final SpectralGrid g, final int i )
	{
		final double n = g.n( i );
		final double dT = g.dT( i );
		final double rT = Math.max( 0, g.rT( i ) ); // R_T ≥ 0 on the retarded branch; clamp rounding
		final double q = Math.sqrt( rT / dT );
		final double x = distance;
		final double l = halfLength;
		final double u;
		final double qc; // q·coth(qℓ), or q
		if ( Double.isInfinite( l ) )
		{
			u = Math.exp( -q * x );
			qc = q;
		}
		else if ( q * l < 1e-8 )
		{
			u = ( l - x ) / l;
			qc = 1 / l;
		}
		else
		{
			// sinh(q(ℓ − x))/sinh(qℓ) without overflow
			u = Math.exp( -q * x ) * Math.expm1( -2 * q * ( l - x ) ) / Math.expm1( -2 * q * l );
			qc = q / Math.tanh( q * l );
		}
		final double den = kappa * n + dT * qc;
		return den > 0 ? kappa * n * n * u / den : 0;
	}

	/** s(ε) on the given energies (Δ0). */
	public double[] signal( final double[] eps )
	{
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		final double[] s = new double[ eps.length ];
		for ( int i = 0; i < s.length; i++ )
			s[ i ] = signal( g, i );
		return s;
	}

	private Quadrature quadrature( final double eMax )
	{
		final Quadrature.Builder b = Quadrature.on( 0, eMax ).cluster( delta, gamma ).maxPanel( t, 0, eMax );
		if ( zeta > 0 && zeta < delta )
			b.cluster( Math.pow( Math.pow( delta, 2.0 / 3 ) - Math.pow( zeta, 2.0 / 3 ), 1.5 ), gamma );
		return b.build();
	}

	private static double maxAbs( final double[] v, final String name )
	{
		double m = 0;
		for ( final double x : v )
		{
			if ( !Double.isFinite( x ) )
				throw new BadInputException( name + " contains a non-finite value" );
			m = Math.max( m, Math.abs( x ) );
		}
		return m;
	}

	/** n0'(u) = (1/2t) sech²(u/2t), overflow-free. */
	private double fermiDerivative( final double u )
	{
		final double e = Math.exp( -Math.abs( u ) / t );
		return 2 * e / ( t * ( 1 + e ) * ( 1 + e ) );
	}

	/** g_nl/(G_inj G_det R_ξ) at V_det = 0 for each injector bias eV_inj (Δ0); even in V_inj, positive. */
	public double[] conductance( final double[] vInj )
	{
		final double eMax = maxAbs( vInj, "injector bias" ) + KERNEL_RANGE * t;
		final Quadrature q = quadrature( eMax );
		final double[] eps = q.nodes();
		final double[] ws = signal( eps );
		for ( int i = 0; i < ws.length; i++ )
			ws[ i ] *= q.weight( i );
		final double[] g = new double[ vInj.length ];
		for ( int k = 0; k < vInj.length; k++ )
		{
			final double v = vInj[ k ];
			double s = 0;
			for ( int i = 0; i < eps.length; i++ )
				s += ws[ i ] * 0.5 * ( fermiDerivative( eps[ i ] + v ) + fermiDerivative( eps[ i ] - v ) );
			g[ k ] = s / ( 2 * kappa );
		}
		return g;
	}

	/**
	 * The 2D map g_nl(V_inj, V_det)/(G_inj G_det R_ξ), indexed [detector][injector]. By the derivation in the class
	 * comment every row equals {@link #conductance(double[])}.
	 */
	public double[][] map( final double[] vInj, final double[] vDet )
	{
		maxAbs( vDet, "detector bias" );
		final double[] row = conductance( vInj );
		final double[][] m = new double[ vDet.length ][];
		for ( int j = 0; j < vDet.length; j++ )
			m[ j ] = row.clone();
		return m;
	}

	/** f_T^N(ε; V) = ½[tanh((ε + V)/2t) − tanh((ε − V)/2t)] (S Eq. 12). */
	static double fT( final double eps, final double v, final double t )
	{
		return 0.5 * ( Math.tanh( ( eps + v ) / ( 2 * t ) ) - Math.tanh( ( eps - v ) / ( 2 * t ) ) );
	}

	/**
	 * Detector current of S Eq. 14 in units of G_det Δ0/e (Eq. 14's sign): −∫_0^∞ [s f_T^N(ε; V_inj, t) − N
	 * f_T^N(ε; V_det, tDet)] dε (both terms even in ε). S's g_nl is −dI_det/dV_inj.
	 */
	public double detectorCurrent( final double vInj, final double vDet, final double tDet )
	{
		if ( !( tDet >= 1e-4 ) || !( tDet <= 10 ) )
			throw new BadInputException( "detector temperature must be in [1e-4, 10], got " + tDet );
		final double eMax = Math.max( Math.abs( vInj ) + KERNEL_RANGE * t, Math.abs( vDet ) + KERNEL_RANGE * tDet );
		final Quadrature q = Quadrature.on( 0, eMax ).cluster( delta, gamma ).maxPanel( Math.min( t, tDet ), 0, eMax ).build();
		final double[] eps = q.nodes();
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		double s = 0;
		for ( int i = 0; i < eps.length; i++ )
			s += q.weight( i ) * ( signal( g, i ) * fT( eps[ i ], vInj, t ) - g.n( i ) * fT( eps[ i ], vDet, tDet ) );
		return -s;
	}
}
