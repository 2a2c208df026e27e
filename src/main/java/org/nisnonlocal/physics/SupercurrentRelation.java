package org.nisnonlocal.physics;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.nisnonlocal.BadInputException;

/**
 * The equilibrium supercurrent-phase-gradient relation of S Eq. (6):
 * <pre>
 *   I_s/I0 = (∂xφ/2) ∫ j_ε f_L dε = ∂xφ ∫_0^∞ Im F²(ε; Δ, Γ, ζ) tanh(ε/2t) dε,   ζ = (∂xφ)²/2 (S Eq. 7),
 * </pre>
 * with ∂xφ in 1/ξ, energies and t in Δ0, I0 = Δ0/(e R_ξ). Depairing enters G, F self-consistently through ζ; Δ = 1
 * by default, or Δ(t, ζ) from the {@link GapEquation} if one is given (S does not say Δ is recomputed).
 * <p>
 * For weak depairing and Γ → 0 the slope is (π/2) Δ tanh(Δ/2t); at ζ = 0, T = 0 the integral is exactly
 * πΔ/2 − Γ (contour integration of −Δ²/(E² − Δ²)). The relation has a maximum, the depairing critical current.
 * </p>
 * <b>Integration rule.</b> Composite 8-point Gauss-Legendre on [0, W = 1000], panels clustered geometrically (scale
 * Γ) at the coherence peak Δ and at the gap edge E_g = (Δ^{2/3} − ζ^{2/3})^{3/2}, and at 0 on the scale t; the tail
 * beyond W is added in closed form, ∫_W^∞ 2Δ²(Γ + ζ)/ε³ dε = Δ²(Γ + ζ)/W² (j_ε ≈ Im[−Δ²/(ε + i(Γ + ζ))²]).
 */
public final class SupercurrentRelation
{
	private static final double W = 1000;

	private final double gamma;

	private final double t;

	private final GapEquation gap;

	/** Δ = 1. */
	public SupercurrentRelation( final double gamma, final double t )
	{
		this( gamma, t, null );
	}

	/** @param gap if not null, Δ = gap.delta(t, ζ) at each phase gradient; Γ is then the gap equation's. */
	public SupercurrentRelation( final double gamma, final double t, final GapEquation gap )
	{
		if ( !( gamma > 0 ) || !( gamma < 1 ) )
			throw new BadInputException( "gamma must be in (0, 1), got " + gamma );
		if ( !( t >= 0 ) || !( t <= 10 ) )
			throw new BadInputException( "t must be in [0, 10], got " + t );
		if ( gap != null && gap.gamma() != gamma )
			throw new BadInputException( "gamma differs from the gap equation's" );
		this.gamma = gamma;
		this.t = t;
		this.gap = gap;
	}

	/** I_s/I0 at phase gradient ∂xφ (1/ξ); odd in ∂xφ. */
	public double current( final double phaseGradient )
	{
		if ( !Double.isFinite( phaseGradient ) )
			throw new BadInputException( "phase gradient must be finite, got " + phaseGradient );
		if ( phaseGradient == 0 )
			return 0;
		final double zeta = 0.5 * phaseGradient * phaseGradient;
		final double delta = gap == null ? 1 : gap.delta( t, zeta );
		return phaseGradient * integral( delta, zeta );
	}

	/** ∫_0^∞ j_ε tanh(ε/2t) dε. */
	double integral( final double delta, final double zeta )
	{
		if ( delta == 0 )
			return 0;
		final Quadrature.Builder b = Quadrature.on( 0, W ).cluster( delta, gamma ).cluster( 0, Math.max( t, gamma ) );
		if ( zeta > 0 && zeta < delta )
			b.cluster( Math.pow( Math.pow( delta, 2.0 / 3 ) - Math.pow( zeta, 2.0 / 3 ), 1.5 ), gamma );
		final Quadrature q = b.build();
		final double[] eps = q.nodes();
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		double s = 0;
		for ( int i = 0; i < eps.length; i++ )
			s += q.weight( i ) * g.jEps( i ) * GapEquation.fermiFactor( eps[ i ], t );
		return s + delta * delta * ( gamma + zeta ) / ( W * W );
	}

	/** I_s/I0 at each phase gradient. */
	public double[] curve( final double[] phaseGradients )
	{
		final double[] out = new double[ phaseGradients.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = current( phaseGradients[ i ] );
		return out;
	}

	/** {∂xφ at the maximum, I_s/I0 there}: the depairing critical point, searched in [0.2, 1.5] to 1e-6. */
	public double[] criticalPoint()
	{
		final UnivariatePointValuePair p = new BrentOptimizer( 1e-8, 1e-10 ).optimize( new MaxEval( 200 ), GoalType.MAXIMIZE,
				new SearchInterval( 0.2, 1.5 ), new UnivariateObjectiveFunction( this::current ) );
		return new double[] { p.getPoint(), p.getValue() };
	}
}
