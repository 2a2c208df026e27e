package org.nisnonlocal.physics;

import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.nisnonlocal.BadInputException;

/**
 * Nonlocal conductance under a supercurrent with the charge and energy modes coupled (S Eqs. 9-10, 14-17, Fig. 13;
 * docs/physics.md §14). Energies, biases eV and temperatures in Δ0; lengths in ξ; phase gradients ∂xφ in 1/ξ; currents in
 * I0 = Δ0/(e R_ξ).
 * <p>
 * Whole wire of length L between equilibrium reservoirs (f_L = n0(t_bath), f_T = 0), injector at x = 0 with the full
 * κ_I = G_inj R_ξ, detector at x = +d; the sign of ∂xφ carries the current direction. Depairing ζ = (∂xφ)²/2 enters
 * G, F (S Eq. 7); Δ = 1, or Δ(t_bath, ζ) from the {@link GapEquation} if asked. Each energy is solved exactly by
 * {@link CoupledModesSolver}.
 * </p>
 * <p>
 * <b>Nonlocal conductance</b> at V_det = 0 (S Eqs. 14-15, sign and units as {@link ChargeImbalanceModel}: positive
 * for charge imbalance, in units of G_inj G_det R_ξ). The equations are linear with fixed coefficients, so f_T at
 * the detector is a_T(ε) f_T^N + a_L(ε) (f_L^N − n0) with the per-energy responses a_T, a_L to a unit source, and
 * <pre>
 *   g = (1/2κ_I) ∫ N(ε) [a_T(ε) K_T(ε, V) + a_L(ε) K_L(ε, V)] dε,
 *   K_T = ∂f_T^N/∂(eV) = ½[n0'(ε + eV) + n0'(ε − eV)],  K_L = ∂f_L^N/∂(eV) = ½[n0'(ε + eV) − n0'(ε − eV)],
 * </pre>
 * n0' at the injector electrode temperature. At −ε the coupling c = j_ε ∂xφ changes sign (j_ε is odd) and the
 * problem is the mirror image x → −x, so a(−ε; +d) = a(ε; −d): one solve per positive energy serves both signs,
 * <pre>
 *   g = (1/2κ_I) ∫_0^∞ N { K_T [a_T(+d) + a_T(−d)] + K_L [a_L(+d) − a_L(−d)] } dε.
 * </pre>
 * Reversing ∂xφ swaps ±d: the K_T term is g_s (even in I_s and in V_inj), the K_L term is g_a (odd in both). At
 * ∂xφ = 0 this is S Eq. 21 with κ_I/2 per branch. With Δ independent of the biases the detector's f_T^N(V_det) term
 * of Eq. 14 does not depend on V_inj, so g(V_inj, V_det) does not depend on V_det (as in ChargeImbalanceModel).
 * </p>
 * <p>
 * <b>Integration rule</b> (the same nodes as {@link ChargeImbalanceModel}, so ∂xφ = 0 reproduces it node by node):
 * composite 8-point Gauss-Legendre on [0, max|eV| + 40t], panels clustered geometrically (scale Γ) at ε = Δ and at
 * the depairing gap edge E_g = (Δ^{2/3} − ζ^{2/3})^{3/2}, no panel longer than t (the Fermi kernel; for t = 0.0198
 * that is ≈ 400 nodes per Δ0, finer than S's δε = 1/50).
 * </p>
 * <p>
 * <b>Decisions</b> (docs/physics.md §5, §14.4): R_T = 2Δ Re F at ζ = (∂xφ)²/2 with no extra phase-gradient term (the
 * AMBIGUOUS point, kept in {@link ChargeRelaxation}); Δ = 1 unless asked (S does not say Δ is recomputed with
 * depairing); the injector feeds both modes with the coefficient κ_I N of S Eq. 11 (no supercurrent-dependent
 * tunnel coefficients); Δ does not depend on x or on the biases (no V_det dependence of g).
 * </p>
 */
public final class SupercurrentModel
{
	private static final double KERNEL_RANGE = 40;

	private final double gamma;

	private final double kappa;

	private final double distance;

	private final double fullLength;

	private final double tInj;

	private final double tBath;

	private final GapEquation gap;

	/** Refinement of the energy rule (1 = default; tests use 2 for convergence). */
	private final double refine;

	/**
	 * @param gamma Dynes Γ in (0, 0.5)
	 * @param kappa full κ_I = G_inj R_ξ (both branches)
	 * @param distance detector distance d (ξ, &gt; 0), on the branch x &gt; 0
	 * @param fullLength wire length L between the reservoirs (ξ, &gt; 2d)
	 * @param tInj injector electrode temperature (Δ0, ≥ 1e-4)
	 * @param tBath reservoir (bath) temperature; enters only Δ(t, ζ) and the supercurrent relation
	 * @param selfConsistentDelta Δ = Δ(t_bath, ζ) from the gap equation instead of 1
	 */
	public SupercurrentModel( final double gamma, final double kappa, final double distance, final double fullLength, final double tInj, final double tBath, final boolean selfConsistentDelta )
	{
		this( gamma, kappa, distance, fullLength, tInj, tBath, selfConsistentDelta, 1 );
	}

	SupercurrentModel( final double gamma, final double kappa, final double distance, final double fullLength, final double tInj, final double tBath, final boolean selfConsistentDelta, final double refine )
	{
		if ( !( gamma > 0 ) || !( gamma < 0.5 ) )
			throw new BadInputException( "gamma must be in (0, 0.5), got " + gamma );
		if ( !( kappa > 0 ) || !Double.isFinite( kappa ) )
			throw new BadInputException( "kappa must be finite and > 0, got " + kappa );
		if ( !( distance > 0 ) || !Double.isFinite( distance ) )
			throw new BadInputException( "distance must be finite and > 0, got " + distance );
		if ( !( fullLength > 2 * distance ) || !Double.isFinite( fullLength ) )
			throw new BadInputException( "length must be finite and exceed twice the distance, got " + fullLength );
		if ( !( tInj >= 1e-4 ) || !( tInj <= 10 ) )
			throw new BadInputException( "injector temperature must be in [1e-4, 10], got " + tInj );
		if ( !( tBath >= 0 ) || !( tBath <= 10 ) )
			throw new BadInputException( "bath temperature must be in [0, 10], got " + tBath );
		this.gamma = gamma;
		this.kappa = kappa;
		this.distance = distance;
		this.fullLength = fullLength;
		this.tInj = tInj;
		this.tBath = tBath;
		this.gap = selfConsistentDelta ? new GapEquation( gamma ) : null;
		this.refine = refine;
	}

	/** Δ at the phase gradient: 1, or the self-consistent Δ(t_bath, ζ); 0 (gapless, no solution) is an error. */
	public double delta( final double phaseGradient )
	{
		if ( gap == null )
			return 1;
		final double d = gap.delta( tBath, 0.5 * phaseGradient * phaseGradient );
		if ( !( d > 0 ) )
			throw new BadInputException( "phase gradient " + phaseGradient + " destroys superconductivity (Delta = 0)" );
		return d;
	}

	/** The equilibrium supercurrent relation I_s/I0(∂xφ) (S Eq. 6) with this model's Γ, t_bath and Δ choice. */
	public SupercurrentRelation relation()
	{
		return new SupercurrentRelation( gamma, tBath, gap );
	}

	/**
	 * ∂xφ (1/ξ) carrying the supercurrent I_s/I0 at equilibrium: the root of S Eq. 6 on the branch below the
	 * depairing critical point (Brent, 1e-12); the sign follows I_s. Above the critical current: an error.
	 */
	public double phaseGradient( final double currentOverI0 )
	{
		if ( !Double.isFinite( currentOverI0 ) )
			throw new BadInputException( "supercurrent must be finite, got " + currentOverI0 );
		if ( currentOverI0 == 0 )
			return 0;
		final SupercurrentRelation r = relation();
		final double[] crit = r.criticalPoint();
		final double target = Math.abs( currentOverI0 );
		if ( target >= crit[ 1 ] )
			throw new BadInputException( "supercurrent I_s/I0 = " + currentOverI0 + " exceeds the depairing critical current " + crit[ 1 ] + " (at phase gradient " + crit[ 0 ] + ")" );
		try
		{
			final double p = new BrentSolver( 1e-14, 1e-12 ).solve( 200, q -> r.current( q ) - target, 0, crit[ 0 ] );
			return Math.copySign( p, currentOverI0 );
		}
		catch ( final TooManyEvaluationsException | IllegalArgumentException e )
		{
			throw new BadInputException( "supercurrent relation could not be inverted at I_s/I0 = " + currentOverI0 );
		}
	}

	/** The energy rule for biases up to eMax − 40t. */
	Quadrature quadrature( final double delta, final double zeta, final double eMax )
	{
		final Quadrature.Builder b = Quadrature.on( 0, eMax ).cluster( delta, gamma / refine ).maxPanel( tInj / refine, 0, eMax );
		if ( zeta > 0 && zeta < delta )
			b.cluster( Math.pow( Math.pow( delta, 2.0 / 3 ) - Math.pow( zeta, 2.0 / 3 ), 1.5 ), gamma / refine );
		return b.build();
	}

	/**
	 * Per-node spectral responses at a phase gradient: {ε, w·N·[a_T(+d) + a_T(−d)], w·N·[a_L(+d) − a_L(−d)]} on the
	 * energy rule (w the quadrature weight).
	 */
	double[][] responses( final double phaseGradient, final double eMax )
	{
		final double zeta = 0.5 * phaseGradient * phaseGradient;
		final double delta = delta( phaseGradient );
		final Quadrature q = quadrature( delta, zeta, eMax );
		final double[] eps = q.nodes();
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		final double[] even = new double[ eps.length ];
		final double[] odd = new double[ eps.length ];
		for ( int i = 0; i < eps.length; i++ )
		{
			final CoupledModesSolver s = solver( g, i, phaseGradient );
			final CoupledModesSolver.Profile pT = s.solve( 0, 1 );
			final CoupledModesSolver.Profile pL = s.solve( 1, 0 );
			final double wn = q.weight( i ) * g.n( i );
			even[ i ] = wn * ( pT.fT( distance ) + pT.fT( -distance ) );
			odd[ i ] = wn * ( pL.fT( distance ) - pL.fT( -distance ) );
		}
		return new double[][] { eps, even, odd };
	}

	/** The per-energy solver at grid point i (R_T clamped at 0 from below against rounding, as ChargeImbalanceModel). */
	CoupledModesSolver solver( final SpectralGrid g, final int i, final double phaseGradient )
	{
		return new CoupledModesSolver( g.n( i ), g.dL( i ), g.dT( i ), Math.max( 0, g.rT( i ) ), g.jEps( i ) * phaseGradient, kappa, fullLength );
	}

	/** The two parts of g_nl(V_inj) at ±∂xφ, in units of G_inj G_det R_ξ. */
	public static final class Parts
	{
		private final double[] gs;

		private final double[] ga;

		Parts( final double[] gs, final double[] ga )
		{
			this.gs = gs;
			this.ga = ga;
		}

		/** g_s = ½[g(I_s) + g(−I_s)] (S Eq. 17): even in I_s and in V_inj. */
		public double[] gs()
		{
			return gs.clone();
		}

		/** g_a = ½[g(I_s) − g(−I_s)] (S Eq. 16): odd in I_s and in V_inj (the mode mixing). */
		public double[] ga()
		{
			return ga.clone();
		}

		/** g(I_s) = g_s + g_a. */
		public double[] total()
		{
			final double[] g = new double[ gs.length ];
			for ( int i = 0; i < g.length; i++ )
				g[ i ] = gs[ i ] + ga[ i ];
			return g;
		}
	}

	/** g_s and g_a at phase gradient ∂xφ (sign = current direction) for each injector bias eV_inj (Δ0). */
	public Parts conductance( final double phaseGradient, final double[] vInj )
	{
		if ( !Double.isFinite( phaseGradient ) )
			throw new BadInputException( "phase gradient must be finite, got " + phaseGradient );
		double vMax = 0;
		for ( final double v : vInj )
		{
			if ( !Double.isFinite( v ) )
				throw new BadInputException( "injector bias contains a non-finite value" );
			vMax = Math.max( vMax, Math.abs( v ) );
		}
		final double[][] r = responses( phaseGradient, vMax + KERNEL_RANGE * tInj );
		final double[] eps = r[ 0 ];
		final double[] gs = new double[ vInj.length ];
		final double[] ga = new double[ vInj.length ];
		for ( int k = 0; k < vInj.length; k++ )
		{
			final double v = vInj[ k ];
			double s = 0;
			double a = 0;
			for ( int i = 0; i < eps.length; i++ )
			{
				final double plus = fermiDerivative( eps[ i ] + v );
				final double minus = fermiDerivative( eps[ i ] - v );
				s += r[ 1 ][ i ] * 0.5 * ( plus + minus );
				a += r[ 2 ][ i ] * 0.5 * ( plus - minus );
			}
			gs[ k ] = s / ( 2 * kappa );
			ga[ k ] = a / ( 2 * kappa );
			if ( !Double.isFinite( gs[ k ] ) || !Double.isFinite( ga[ k ] ) )
				throw new BadInputException( "nonlocal conductance not finite at eV_inj = " + v );
		}
		return new Parts( gs, ga );
	}

	/**
	 * g_nl(V_inj) at ∂xφ by the direct route, for tests: every energy of [−eMax, eMax] solved with its own sign of
	 * j_ε, f_T read at +d only, no use of the mirror symmetry.
	 */
	double[] conductanceDirect( final double phaseGradient, final double[] vInj )
	{
		double vMax = 0;
		for ( final double v : vInj )
			vMax = Math.max( vMax, Math.abs( v ) );
		final double eMax = vMax + KERNEL_RANGE * tInj;
		final double zeta = 0.5 * phaseGradient * phaseGradient;
		final double delta = delta( phaseGradient );
		final Quadrature half = quadrature( delta, zeta, eMax );
		final int n = half.size();
		final double[] eps = new double[ 2 * n ];
		final double[] w = new double[ 2 * n ];
		for ( int i = 0; i < n; i++ )
		{
			eps[ i ] = -half.node( n - 1 - i );
			w[ i ] = half.weight( n - 1 - i );
			eps[ n + i ] = half.node( i );
			w[ n + i ] = half.weight( i );
		}
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		final double[] aT = new double[ 2 * n ];
		final double[] aL = new double[ 2 * n ];
		for ( int i = 0; i < 2 * n; i++ )
		{
			final CoupledModesSolver s = solver( g, i, phaseGradient );
			aT[ i ] = w[ i ] * g.n( i ) * s.solve( 0, 1 ).fT( distance );
			aL[ i ] = w[ i ] * g.n( i ) * s.solve( 1, 0 ).fT( distance );
		}
		final double[] out = new double[ vInj.length ];
		for ( int k = 0; k < vInj.length; k++ )
		{
			double s = 0;
			for ( int i = 0; i < 2 * n; i++ )
			{
				final double plus = fermiDerivative( eps[ i ] + vInj[ k ] );
				final double minus = fermiDerivative( eps[ i ] - vInj[ k ] );
				s += aT[ i ] * 0.5 * ( plus + minus ) + aL[ i ] * 0.5 * ( plus - minus );
			}
			out[ k ] = s / ( 2 * kappa );
		}
		return out;
	}

	/** n0'(u) = (1/2t) sech²(u/2t) at the injector temperature, overflow-free. */
	private double fermiDerivative( final double u )
	{
		final double e = Math.exp( -Math.abs( u ) / tInj );
		return 2 * e / ( tInj * ( 1 + e ) * ( 1 + e ) );
	}

	/**
	 * Local DOS N(ε) under supercurrent, indexed [current][energy]: ζ = (∂xφ)²/2 with ∂xφ from
	 * {@link #phaseGradient(double)} for each I_s/I0, Δ as this model (compare S Fig. 8).
	 */
	public double[][] dos( final double[] eps, final double[] currentsOverI0 )
	{
		final double[][] out = new double[ currentsOverI0.length ][];
		for ( int j = 0; j < currentsOverI0.length; j++ )
		{
			final double p = phaseGradient( currentsOverI0[ j ] );
			final SpectralGrid g = new SpectralFunctions( delta( p ), gamma, 0.5 * p * p ).onGrid( eps );
			out[ j ] = new double[ eps.length ];
			for ( int i = 0; i < eps.length; i++ )
				out[ j ][ i ] = g.n( i );
		}
		return out;
	}

	/**
	 * {@link #dos} as a map: x = ε (eV/Δ0), y = I_s/I0, for comparison with local conductance measured under current
	 * bias (S Fig. 8). Both grids uniform with at least 2 points.
	 */
	public ConductanceMap dosMap( final double[] eps, final double[] currentsOverI0 )
	{
		final double[][] n = dos( eps, currentsOverI0 );
		final Axis x = new Axis( "eps", Units.EV_PER_DELTA0, eps[ 0 ], eps[ 1 ] - eps[ 0 ], eps.length );
		final Axis y = new Axis( "I_s/I0", Units.NORMALIZED, currentsOverI0[ 0 ],
				currentsOverI0[ 1 ] - currentsOverI0[ 0 ], currentsOverI0.length );
		final MapMetadata meta = MapMetadata.empty()
				.with( MapMetadata.SOURCE, "model: supercurrent DOS gamma=" + gamma + " t_bath=" + tBath + ( gap != null ? " self-consistent" : "" ) );
		return ConductanceMap.fromFunction( x, y, "N", Units.NORMALIZED, meta, ( i, j ) -> n[ j ][ i ] );
	}
}
