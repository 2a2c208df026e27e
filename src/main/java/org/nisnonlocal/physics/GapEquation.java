package org.nisnonlocal.physics;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.nisnonlocal.BadInputException;

/**
 * The equilibrium self-consistent pair potential Δ(t, ζ) of S Eq. (8) on the real energy axis:
 * <pre>
 *   Δ = (λ/2) ∫_{−ω_D}^{ω_D} Im F(ε; Δ, Γ, ζ) tanh(ε/2t) dε = λ ∫_0^{ω_D} Im F tanh(ε/2t) dε
 * </pre>
 * (Im F and tanh are both odd). Energies and t = k_B T/Δ0 in Δ0; ω_D = 10 by default (S App. B).
 * <p>
 * <b>Coupling constant (docs/physics.md §8.1 decision).</b> S sets λ = 1/arcsinh(ω_D), which gives Δ(0) = 1 in the
 * Matsubara convention; on the real axis with Γ → 0 the same λ gives arccosh(ω_D/Δ) = 1/λ, i.e. Δ(0) = 0.995.
 * Here λ is calibrated on the same quadrature and Γ so that Δ(t = 0, ζ = 0) = 1 exactly:
 * λ = 1 / ∫_0^{ω_D} Im F(ε; 1, Γ, 0) dε ≈ 1/arccosh(ω_D) (0.33409 for ω_D = 10 versus 1/arcsinh(10) = 0.33353).
 * The device temperatures (t ≲ 0.03) change tanh(ε/2t) above the gap by less than e^{−30}; only the thermally
 * populated Dynes tail inside the gap (Im F ≈ εΓ) acts, lowering Δ by ~ Γt² (1e-8 at Γ = 1e-4, t = 0.01), so
 * calibrating at t = 0 is the same as at the device temperature. λ is a material constant: depairing ζ &gt; 0 lowers Δ.
 * </p>
 * <p>
 * <b>Consequence of the sharp cutoff at ω_D = 10.</b> The linearized equation at T_c gives
 * ln(2e^γ ω_D/(π t_c)) = 1/λ = arccosh(ω_D), so t_c = 0.5684 instead of the weak-coupling e^γ/π = 0.5669 (relative
 * shift 1/(4ω_D²)); with ω_D = 1000 the weak-coupling values are reproduced (see the tests). Any sharp cutoff at
 * ω_D = 10 shifts t_c by this order (the Matsubara cutoff by −1/(4ω_D²)).
 * </p>
 * <p>
 * <b>Integration rule.</b> Composite 8-point Gauss-Legendre on panels clustered geometrically (c ± Γ·2^k) at the
 * coherence peak ε = Δ, at the depairing gap edge E_g = (Δ^{2/3} − ζ^{2/3})^{3/2}, and at ε = 0 on the scale t.
 * A plain equidistant grid is not converged: the coherence peak of width Γ falls between grid points (see tests).
 * </p>
 */
public final class GapEquation
{
	public static final double DEFAULT_OMEGA_D = 10;

	private final double gamma;

	private final double omegaD;

	private final double lambda;

	public GapEquation( final double gamma )
	{
		this( gamma, DEFAULT_OMEGA_D );
	}

	/**
	 * @param gamma Dynes Γ in Δ0 (&gt; 0)
	 * @param omegaD Debye cutoff in Δ0 (&gt; 2)
	 */
	public GapEquation( final double gamma, final double omegaD )
	{
		if ( !( gamma > 0 ) || !( gamma < 0.5 ) )
			throw new BadInputException( "Dynes gamma must be in (0, 0.5), got " + gamma );
		if ( !( omegaD > 2 ) || !Double.isFinite( omegaD ) )
			throw new BadInputException( "Debye cutoff omega_D must be finite and > 2, got " + omegaD );
		this.gamma = gamma;
		this.omegaD = omegaD;
		this.lambda = 1 / integral( 1, 0, 0 );
	}

	/** The calibrated coupling constant (Δ(0) = 1). */
	public double lambda()
	{
		return lambda;
	}

	/** S's choice λ = 1/arcsinh(ω_D) (Δ(0) = 1 in the Matsubara convention), for comparison. */
	public static double matsubaraLambda( final double omegaD )
	{
		final double x = omegaD;
		return 1 / Math.log( x + Math.sqrt( x * x + 1 ) );
	}

	public double omegaD()
	{
		return omegaD;
	}

	public double gamma()
	{
		return gamma;
	}

	/** Right-hand side of S Eq. (8) at equilibrium: λ ∫_0^{ω_D} Im F(ε; Δ) tanh(ε/2t) dε. */
	public double rhs( final double delta, final double t, final double zeta )
	{
		return lambda * integral( delta, t, zeta );
	}

	/** The quadrature used for a given Δ, t, ζ (package-private for the convergence test). */
	Quadrature quadrature( final double delta, final double t, final double zeta, final double refine, final int order )
	{
		final double w = gamma / refine;
		final Quadrature.Builder b = Quadrature.on( 0, omegaD ).cluster( delta, w );
		if ( zeta > 0 && zeta < delta )
			b.cluster( Math.pow( Math.pow( delta, 2.0 / 3 ) - Math.pow( zeta, 2.0 / 3 ), 1.5 ), w );
		b.cluster( 0, Math.max( w, t ) );
		return b.build( order );
	}

	double integral( final double delta, final double t, final double zeta )
	{
		return integral( delta, t, zeta, quadrature( delta, t, zeta, 1, Quadrature.DEFAULT_ORDER ) );
	}

	double integral( final double delta, final double t, final double zeta, final Quadrature q )
	{
		final double[] eps = q.nodes();
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		double s = 0;
		for ( int i = 0; i < eps.length; i++ )
			s += q.weight( i ) * g.imF( i ) * fermiFactor( eps[ i ], t );
		return s;
	}

	/** f_L = tanh(ε/2t); the step function at t = 0. */
	static double fermiFactor( final double eps, final double t )
	{
		return t == 0 ? Math.signum( eps ) : Math.tanh( eps / ( 2 * t ) );
	}

	/**
	 * Δ(t, ζ) in Δ0: 0 at and above t_c(ζ), otherwise the root of λ I(Δ)/Δ = 1 (I(Δ)/Δ decreases with Δ) by
	 * Brent's method to 1e-12.
	 */
	public double delta( final double t, final double zeta )
	{
		checkT( t );
		checkZeta( zeta );
		if ( linearized( t, zeta ) <= 1 )
			return 0;
		final double hi = 1.5;
		try
		{
			return new BrentSolver( 1e-13, 1e-12 ).solve( 200, d -> rhs( d, t, zeta ) / d - 1, 1e-9, hi );
		}
		catch ( final TooManyEvaluationsException | IllegalArgumentException e )
		{
			throw new BadInputException( "gap equation: no solution found at t = " + t + ", zeta = " + zeta );
		}
	}

	/** Δ on a list of temperatures. */
	public double[] curve( final double[] t, final double zeta )
	{
		final double[] out = new double[ t.length ];
		for ( int i = 0; i < t.length; i++ )
			out[ i ] = delta( t[ i ], zeta );
		return out;
	}

	/**
	 * λ ∫_0^{ω_D} tanh(ε/2t) ε/(ε² + (Γ + ζ)²) dε: the gap equation divided by Δ in the limit Δ → 0, where
	 * F → iΔ/(E + iζ). Superconductivity exists where this exceeds 1.
	 */
	double linearized( final double t, final double zeta )
	{
		final double eta = gamma + zeta;
		final Quadrature q = Quadrature.on( 0, omegaD ).cluster( 0, eta ).cluster( 0, Math.max( t, 1e-12 ) ).build();
		double s = 0;
		for ( int i = 0; i < q.size(); i++ )
		{
			final double e = q.node( i );
			s += q.weight( i ) * fermiFactor( e, t ) * e / ( e * e + eta * eta );
		}
		return lambda * s;
	}

	/** t_c(ζ) = k_B T_c/Δ0: root of the linearized equation = 1; 0 if ζ destroys superconductivity at t = 0. */
	public double criticalTemperature( final double zeta )
	{
		checkZeta( zeta );
		if ( linearized( 0, zeta ) <= 1 )
			return 0;
		try
		{
			return new BrentSolver( 1e-14, 1e-12 ).solve( 200, t -> linearized( t, zeta ) - 1, 1e-6, 2 );
		}
		catch ( final TooManyEvaluationsException | IllegalArgumentException e )
		{
			throw new BadInputException( "gap equation: critical temperature not found for zeta = " + zeta );
		}
	}

	private static void checkT( final double t )
	{
		if ( !( t >= 0 ) || !Double.isFinite( t ) )
			throw new BadInputException( "temperature t must be finite and >= 0, got " + t );
	}

	private static void checkZeta( final double zeta )
	{
		if ( !( zeta >= 0 ) || !Double.isFinite( zeta ) )
			throw new BadInputException( "depairing zeta must be finite and >= 0, got " + zeta );
	}
}
