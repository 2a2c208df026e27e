package org.nisnonlocal.physics;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.nisnonlocal.BadInputException;

/**
 * Self-consistent pair potential under injection (S Eq. 8, docs/physics.md §12), Δ uniform along the wire and f_L taken at
 * the injector (x = 0) as in S Sec. V:
 * <pre>
 *   Δ = (λ/2) ∫_{−ω_D}^{ω_D} Im F(ε; Δ) f_L(ε, 0) dε = λ ∫_0^{ω_D} Im F(ε; Δ) f_L(ε, 0) dε
 * </pre>
 * (f_L is odd in ε: the kinetic equation is particle-hole symmetric). λ is {@link GapEquation}'s calibrated constant
 * (Δ = 1 at t = 0 on the real axis with the same Γ, ω_D).
 * <p>
 * <b>Resolving the gap edge.</b> The kinetic grid (δε = 1/40) does not resolve the coherence peak (width Γ), so the
 * integral is done on a composite Gauss rule whose panels are the grid cells, split further geometrically around
 * ε = Δ (scale Γ), ε = 0 (scale t_bath) and ε = eV (scale t_inj) (see {@link #rule}). At each Gauss node
 * f_L(ε, 0) is rebuilt from its own energy's finite-volume equation in x, with the exact N, M, D_L, f_L^N, n0 at that ε and the collision in/out
 * rates A, B interpolated from the converged grid solution (their convolution parts are continuous in ε; the
 * coherence factors are taken exactly). At grid energies this reproduces the grid solution; without scattering it
 * is the exact elastic f_L(0). {@code refine} &gt; 1 divides the cells and cluster scales and raises the Gauss order
 * (a convergence check).
 * </p>
 * <p>
 * <b>Iteration.</b> φ(Δ) = RHS(Δ) − Δ. Newton steps on f_L and secant steps on Δ are interleaved: while
 * |φ| &gt; 1e-7 each trial Δ gets one Newton step (kinetic tolerance 1e-3 |φ|, warm-started from the previous
 * trial's f_L), then full kinetic solves. The first Δ step uses the neighbouring bias point's slope (or Δ ← RHS),
 * later ones the secant. Converged when |φ| &lt; {@link #TOLERANCE} with a kinetic solution converged to
 * {@link EnergyModeSolver#TOLERANCE}. (A slope with the collision rates frozen was tried: it fails above 3Δ0,
 * where pair breaking makes the rates depend on Δ.)
 * </p>
 */
public final class SelfConsistentGap
{
	public static final double TOLERANCE = 1e-9;

	private static final int MAX_ITERATIONS = 80;

	/**
	 * After this many kinetic solves without convergence every trial Δ gets a fully converged kinetic solution and,
	 * once φ has changed sign between two such solutions, Δ is bisected. The interleaved one-Newton-step solutions
	 * leave φ noisy at the 1e-6 level where the collision rates change fast with Δ (pair breaking near eV ≈ 4), and
	 * the secant then wandered for 60 and more solves without converging (seen at 21 x nodes, δε = 1/20, γ_ee = 2.0535e-4,
	 * eV = 4; with exact solutions φ is smooth there and bisection converges in ≈ 12 more solves). Normal points
	 * converge in ≈ 5 solves (slow ones in up to ≈ 30) and never reach this, so their results are unchanged.
	 */
	private static final int BISECT_AFTER = 40;

	/**
	 * A bracket this narrow in Δ is accepted as the solution even when |Δ − RHS| stays above the tolerance at both
	 * ends (a jump of the quadrature, whose panels are placed relative to Δ) ...
	 */
	static final double BRACKET = 1e-10;

	/** ... provided the jump is small: a larger |Δ − RHS| at both ends is a failure, not a quadrature artefact. */
	static final double JUMP_LIMIT = 1e-4;

	/** Energies rebuilt side by side in {@link #injectorDistribution} (see there). */
	private static final int LANES = 4;

	private final EnergyModeSolver solver;

	private final double gamma;

	private final double omegaD;

	private final double tInj;

	private final double tBath;

	private final int refine;

	private final double lambda;

	private final double[] eps;

	private final double de;

	/**
	 * @param gamma Dynes Γ (Δ0)
	 * @param omegaD Debye cutoff (Δ0), must equal the energy grid's end
	 * @param refine resolution of the gap-equation quadrature (1 default, 2 for checks)
	 */
	public SelfConsistentGap( final EnergyModeSolver solver, final double gamma, final double omegaD, final double tInj, final double tBath, final int refine )
	{
		if ( !( tInj >= 0 ) || !( tBath >= 0 ) || !Double.isFinite( tInj ) || !Double.isFinite( tBath ) )
			throw new BadInputException( "temperatures must be finite and >= 0, got " + tInj + ", " + tBath );
		if ( refine < 1 || refine > 4 )
			throw new BadInputException( "refine must be in 1..4, got " + refine );
		this.solver = solver;
		this.gamma = gamma;
		this.omegaD = omegaD;
		this.tInj = tInj;
		this.tBath = tBath;
		this.refine = refine;
		this.lambda = new GapEquation( gamma, omegaD ).lambda();
		this.eps = solver.energies();
		this.de = eps[ 1 ] - eps[ 0 ];
		if ( Math.abs( eps[ eps.length - 1 ] - omegaD ) > 1e-9 )
			throw new BadInputException( "energy grid must end at omega_D = " + omegaD );
	}

	/** A copy at another injector-electrode temperature (same solver, λ and spectral scheme): for heated leads. */
	private SelfConsistentGap( final SelfConsistentGap o, final double tInj, final EnergyModeSolver solver )
	{
		this.solver = solver;
		this.gamma = o.gamma;
		this.omegaD = o.omegaD;
		this.tInj = tInj;
		this.tBath = o.tBath;
		this.refine = o.refine;
		this.lambda = o.lambda;
		this.eps = o.eps;
		this.de = o.de;
		this.cellAveraged = o.cellAveraged;
	}

	public double lambda()
	{
		return lambda;
	}

	/** Heated injector lead (null: the electrode stays at t_inj); see {@link #withLeadHeating}. */
	private LeadHeating injectorLead;

	/** Heated detector lead when the detector injects too (null: its lead stays at the solver's t_det). */
	private LeadHeating detectorLead;

	/**
	 * With the detector injecting ({@link EnergyModeSolver#withDetector}) and heated leads: the detector lead's
	 * temperature is solved at each bias together with the injector's, and enters the detector's f_L^N.
	 */
	public SelfConsistentGap withDetectorLeadHeating( final LeadHeating lead )
	{
		if ( solver.detectorNode() < 0 )
			throw new IllegalStateException( "the detector lead only acts back with an injecting detector" );
		this.detectorLead = lead;
		return this;
	}

	/** Where the detector's f_L is recorded for its own lead's heat balance, and its energies (step δε/8 on [0, ω_D]). */
	private double detectorPosition = Double.NaN;

	private double[] detectorEnergies;

	/**
	 * Heated injector lead (docs/physics.md §20): at each bias the lead's electron temperature t_N solves its heat
	 * balance with the self-consistent Δ and f_L(0), and f_L^N is taken at t_N (the t_inj of the constructor is then
	 * only the start). f_L at the detector position is kept for the detector lead's balance. No exact dΔ/dV_inj
	 * (t_N moves with V_inj): callers difference over the bias grid.
	 */
	public SelfConsistentGap withLeadHeating( final LeadHeating lead, final double detectorPosition )
	{
		this.injectorLead = lead;
		this.detectorPosition = detectorPosition;
		final int m = ( int ) Math.rint( omegaD / ( de / 8 ) );
		detectorEnergies = new double[ m + 1 ];
		for ( int j = 0; j <= m; j++ )
			detectorEnergies[ j ] = j * ( de / 8 );
		return this;
	}

	/** Where the local gap equation is evaluated after each bias point (NaN: nowhere); see {@link #recordGapAt}. */
	private double gapPosition = Double.NaN;

	/**
	 * After each converged bias point also solve the gap equation with the local f_L(ε, x) at x (docs/physics.md §21):
	 * Δ_x = λ ∫ Im F(ε; Δ_x) f_L(ε, x) dε, f_L from the uniform-Δ kinetics. A diagnostic of the gap the detector
	 * would see; the kinetics keep the paper's uniform Δ, set at the injector.
	 */
	public SelfConsistentGap recordGapAt( final double x )
	{
		this.gapPosition = x;
		return this;
	}

	/** The local gap equation at x for a converged point (bracketed from the uniform Δ). */
	double localGap( final Point pt, final double x )
	{
		final double v = pt.v();
		final java.util.function.DoubleUnaryOperator phi = d -> {
			final double[][] q = rule( d, v );
			final SpectralGrid g = new SpectralFunctions( d, gamma, 0 ).onGrid( q[ 0 ] );
			final double[] f = distributionAt( pt.delta(), v, pt.solution(), q[ 0 ], x );
			double s = 0;
			for ( int j = 0; j < f.length; j++ )
				s += q[ 1 ][ j ] * g.m( j ) * f[ j ];
			return lambda * s - d;
		};
		// bracket the root around the uniform Δ (φ falls with Δ), then Brent: the rule's panels move with Δ, so φ
		// has small jumps that stalled a plain secant
		double step = 1e-3, lo = pt.delta(), hi = pt.delta();
		double fLo = phi.applyAsDouble( lo ), fHi = fLo;
		if ( fLo == 0 )
			return lo;
		for ( int it = 0; it < 40 && fLo < 0; it++, step *= 2 )
		{
			hi = lo;
			fHi = fLo;
			lo = Math.max( 1e-6, lo - step );
			fLo = phi.applyAsDouble( lo );
		}
		for ( int it = 0; it < 40 && fHi > 0; it++, step *= 2 )
		{
			lo = hi;
			fLo = fHi;
			hi = Math.min( 2, hi + step );
			fHi = phi.applyAsDouble( hi );
		}
		if ( !( fLo >= 0 && fHi <= 0 ) )
			throw new BadInputException( "local gap at x = " + x + ": no sign change of Delta - rhs found at eV_inj = " + v );
		return new org.apache.commons.math3.analysis.solvers.BrentSolver( 1e-12, 1e-11 ).solve( 100, phi::applyAsDouble, lo, hi );
	}

	/** Heated injector lead: the electrode temperatures move with the bias, so there is no exact dΔ/dV_inj. */
	boolean heatsLeads()
	{
		return injectorLead != null;
	}

	/** The energies of {@link Point#detectorDistribution()} (null without lead heating). */
	public double[] detectorEnergies()
	{
		return detectorEnergies == null ? null : detectorEnergies.clone();
	}

	/** The kinetic energy grid. */
	public double[] energies()
	{
		return eps.clone();
	}

	/** The result at one bias point. */
	public static final class Point
	{
		private final double v;

		private final double delta;

		private final EnergyModeSolver.Solution solution;

		private final int newtonIterations;

		private final int scIterations;

		private final double slope;

		private final int krylovIterations;

		/** dΔ/dV_inj, set by {@link SelfConsistentGap#sweep} while the solution's rates are still held. */
		private double biasDerivative = Double.NaN;

		/** The local gap equation's Δ at {@link SelfConsistentGap#recordGapAt} (NaN when not asked for). */
		private double localGap = Double.NaN;

		public double localGap()
		{
			return localGap;
		}

		/** Electron temperature of the heated injector lead (NaN without lead heating). */
		private double leadTemperature = Double.NaN;

		/** Electron temperature of the heated detector lead when the detector injects (NaN otherwise). */
		private double detectorLeadTemperature = Double.NaN;

		public double detectorLeadTemperature()
		{
			return detectorLeadTemperature;
		}

		/** f_L − n0(t_bath) at the detector position on {@link SelfConsistentGap#detectorEnergies()} (null without lead heating). */
		private double[] detectorDistribution;

		public double leadTemperature()
		{
			return leadTemperature;
		}

		public double[] detectorDistribution()
		{
			return detectorDistribution == null ? null : detectorDistribution.clone();
		}

		Point( final double v, final double delta, final EnergyModeSolver.Solution solution, final int newtonIterations, final int krylovIterations, final int scIterations, final double slope )
		{
			this.krylovIterations = krylovIterations;
			this.slope = slope;
			this.v = v;
			this.delta = delta;
			this.solution = solution;
			this.newtonIterations = newtonIterations;
			this.scIterations = scIterations;
		}

		public double v()
		{
			return v;
		}

		/** Self-consistent Δ in Δ0. */
		public double delta()
		{
			return delta;
		}

		public EnergyModeSolver.Solution solution()
		{
			return solution;
		}

		/** Newton steps summed over all kinetic solves of this bias point. */
		public int newtonIterations()
		{
			return newtonIterations;
		}

		/** GMRES iterations (Jacobian-vector products on all nodes) summed over all kinetic solves of this bias point. */
		public int krylovIterations()
		{
			return krylovIterations;
		}

		/** Last secant slope dφ/dΔ (a starting slope for the neighbouring bias point). */
		public double slope()
		{
			return slope;
		}

		/** dΔ/dV_inj at this bias ({@link SelfConsistentGap#biasDerivative}); NaN when not computed. */
		public double biasDerivative()
		{
			return biasDerivative;
		}

		/** Kinetic solves (evaluations of the gap equation's right-hand side). */
		public int scIterations()
		{
			return scIterations;
		}
	}

	/** Spectral functions of the kinetic grid at Δ. */
	public SpectralGrid spectral( final double delta )
	{
		return cellAveraged ? new SpectralFunctions( delta, gamma, 0 ).cellAveraged( eps ) : new SpectralFunctions( delta, gamma, 0 ).onGrid( eps );
	}

	/**
	 * Kinetic-grid spectral functions as cell averages (default; {@link SpectralFunctions#cellAveraged}) or sampled at the
	 * nodes (the paper's scheme). Sampling converges only once δε &lt; Γ: g_sa on the fit window of a 101 × 40 map
	 * differed from δε = 1/640 by 31 (rms, δε = 1/40), 18 (1/80), 2.0 (1/160); cell averages by 2.5, 0.69, 0.14, 0.03
	 * (1/320), second order (docs/physics.md, "Energy grid").
	 */
	private boolean cellAveraged = true;

	/** Smallest bias whose dΔ/dV_inj a sweep computes ({@link #derivativeFrom}). */
	private double derivativeFrom = 0;

	/**
	 * A sweep computes dΔ/dV_inj only at biases ≥ v (NaN below). Why: the derivative costs four kinetic solves per bias,
	 * more than the self-consistent point itself, and a map fit over 1.5 ≤ eV_inj ≤ 5 needs it only there; the biases
	 * below are solved only to warm-start their neighbours.
	 */
	public SelfConsistentGap derivativeFrom( final double v )
	{
		derivativeFrom = v;
		return this;
	}

	/** Node-sampled spectral functions on the kinetic grid (the paper's scheme) instead of cell averages. */
	public SelfConsistentGap pointSampled()
	{
		cellAveraged = false;
		return this;
	}

	/**
	 * Self-consistent Δ at bias eV = v.
	 *
	 * @param deltaGuess starting Δ (the neighbouring bias point's)
	 * @param slopeGuess dφ/dΔ from the neighbouring bias point (NaN: unknown, then a plain step Δ ← RHS first)
	 * @param initial starting f_L[k][i] (null: elastic at deltaGuess)
	 */
	public Point solve( final double v, final double deltaGuess, final double slopeGuess, final double[][] initial, final String where )
	{
		// Newton steps on f_L and secant steps on Δ are interleaved: while |φ| is large each Δ gets one Newton step
		// (to a tolerance ~1e-3 |φ|), so the kinetic state converges together with Δ instead of being solved to
		// 1e-10 for every trial Δ. Convergence is accepted only with a fully converged kinetic solution.
		double tol = 1e-6;
		int steps = 1;
		double d = deltaGuess;
		double[][] warm = initial;
		double dPrev = Double.NaN, phiPrev = Double.NaN;
		double slope = slopeGuess;
		int newton = 0;
		int krylov = 0;
		int evaluations = 0;
		double lastPhi = Double.NaN;
		// sign-change bracket from fully converged evaluations (φ decreases with Δ): lo has φ > 0, hi has φ < 0
		double lo = Double.NaN, hi = Double.NaN;
		EnergyModeSolver.Solution best = null;
		double bestD = Double.NaN, bestPhi = Double.POSITIVE_INFINITY;
		while ( true )
		{
			if ( evaluations >= MAX_ITERATIONS )
				throw new BadInputException( "self-consistent gap did not converge at " + where + ": |Delta - rhs| = " + Math.abs( lastPhi ) + " after " + evaluations + " kinetic solves"
						+ ( Double.isNaN( lo ) || Double.isNaN( hi ) ? "" : " (bracket " + lo + " .. " + hi + ")" ) );
			final EnergyModeSolver.Solution sol = solver.solve( spectral( d ), v, tInj, tBath, solver.gammaEe() == 0 ? null : warm, tol, steps, where + ", Delta = " + d );
			newton += sol.newtonIterations();
			krylov += sol.krylovIterations();
			evaluations++;
			final double phi = rhs( d, v, sol ) - d;
			lastPhi = phi;
			final boolean exact = solver.gammaEe() == 0 || sol.atFullAccuracy();
			if ( Math.abs( phi ) < TOLERANCE && exact )
			{
				if ( best != null && best != sol )
					best.releaseCollisions();
				return new Point( v, d, sol, newton, krylov, evaluations, slope );
			}
			warm = sol.fL();
			boolean keep = false;
			if ( exact )
			{
				if ( phi > 0 && !( d <= lo ) )
					lo = d;
				if ( phi < 0 && !( d >= hi ) )
					hi = d;
				if ( Math.abs( phi ) < Math.abs( bestPhi ) )
				{
					if ( best != null )
						best.releaseCollisions();
					best = sol;
					bestD = d;
					bestPhi = phi;
					keep = true;
				}
			}
			final boolean bisecting = evaluations >= BISECT_AFTER && lo < hi;
			if ( bisecting && hi - lo < BRACKET && Math.abs( bestPhi ) < JUMP_LIMIT )
			{
				// the root sits on a jump of RHS(Δ): Δ is fixed to the bracket, the rest is quadrature noise
				if ( !keep )
					sol.releaseCollisions();
				return new Point( v, bestD, best, newton, krylov, evaluations, slope );
			}
			// superseded by the next kinetic solve: only its f_L is still needed (the warm start)
			if ( !keep )
				sol.releaseCollisions();
			if ( Math.abs( phi ) < TOLERANCE )
			{
				// confirm at full accuracy, same Δ
				tol = EnergyModeSolver.TOLERANCE;
				steps = Integer.MAX_VALUE;
				continue;
			}
			if ( !Double.isNaN( dPrev ) && d != dPrev && phi != phiPrev )
				slope = ( phi - phiPrev ) / ( d - dPrev );
			final double next = bisecting ? 0.5 * ( lo + hi ) : slope < 0 && Double.isFinite( slope ) ? d - phi / slope : d + phi;
			dPrev = d;
			phiPrev = phi;
			d = Math.max( 1e-6, Math.min( 2, next ) );
			// past BISECT_AFTER every trial Δ gets a fully converged kinetic solution: the interleaved one-step
			// solutions leave φ noisy at the 1e-6 level, and only exact evaluations make a trustworthy bracket
			final boolean careful = evaluations + 1 >= BISECT_AFTER;
			tol = careful ? EnergyModeSolver.TOLERANCE : Math.max( EnergyModeSolver.TOLERANCE, Math.min( 1e-6, 1e-3 * Math.abs( phi ) ) );
			steps = careful || Math.abs( phi ) <= 1e-7 ? Integer.MAX_VALUE : 1;
		}
	}

	/**
	 * Nodes and weights on [0, ω_D] for a given Δ and bias: composite Gauss-Legendre on panels whose edges are every
	 * grid energy (so the interpolated rates are linear on each panel) and geometric rings c ± s·2^k/4 around the
	 * features c = Δ (s = Γ), 0 (s = max(t_bath, Γ)) and eV (s = t_inj). Panels within a window of each feature
	 * (0.25 around Δ, 12 s + 2 δε around the others) get 8 points, the smooth remainder 4 (per panel of at most
	 * δε, 4 points integrate the 1/√(ε − Δ) tail beyond 0.25 to ~(δε/0.5)^8). refine = 2 halves cells and ring
	 * scales and uses 12 and 6 points.
	 */
	double[][] rule( final double delta, final double v )
	{
		final List< Double > breaks = new ArrayList<>();
		for ( int i = 0; i < eps.length; i++ )
			if ( eps[ i ] >= 0 && eps[ i ] <= omegaD )
				for ( int r = 0; r < refine; r++ )
					if ( eps[ i ] + r * de / refine <= omegaD )
						breaks.add( eps[ i ] + r * de / refine );
		final double[][] features = { { delta, gamma, 0.25 }, { 0, Math.max( tBath, gamma ), 0 }, { v, tInj, 0 } };
		for ( final double[] f : features )
		{
			if ( !( f[ 1 ] > 0 ) || f[ 0 ] < 0 || f[ 0 ] > omegaD )
				continue;
			breaks.add( f[ 0 ] );
			for ( double d = f[ 1 ] / refine / 4; d < omegaD; d *= 2 )
			{
				if ( f[ 0 ] - d > 0 )
					breaks.add( f[ 0 ] - d );
				if ( f[ 0 ] + d < omegaD )
					breaks.add( f[ 0 ] + d );
			}
			f[ 2 ] = Math.max( f[ 2 ], 12 * f[ 1 ] + 2 * de );
		}
		final double[] edges = breaks.stream().mapToDouble( Double::doubleValue ).sorted().distinct().toArray();
		final GaussIntegrator fine = GAUSS.legendre( refine == 1 ? 8 : 12 );
		final GaussIntegrator coarse = GAUSS.legendre( refine == 1 ? 4 : 6 );
		final List< double[] > nodes = new ArrayList<>();
		for ( int k = 1; k < edges.length; k++ )
		{
			final double lo = edges[ k - 1 ], hi = edges[ k ];
			if ( hi - lo < 1e-14 )
				continue;
			final double mid = 0.5 * ( lo + hi ), half = 0.5 * ( hi - lo );
			boolean near = false;
			for ( final double[] f : features )
				near |= f[ 1 ] > 0 && Math.abs( mid - f[ 0 ] ) < f[ 2 ];
			final GaussIntegrator g = near ? fine : coarse;
			for ( int q = 0; q < g.getNumberOfPoints(); q++ )
				nodes.add( new double[] { mid + half * g.getPoint( q ), half * g.getWeight( q ) } );
		}
		final double[][] r = new double[ 2 ][ nodes.size() ];
		for ( int j = 0; j < nodes.size(); j++ )
		{
			r[ 0 ][ j ] = nodes.get( j )[ 0 ];
			r[ 1 ][ j ] = nodes.get( j )[ 1 ];
		}
		return r;
	}

	private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

	/** Right-hand side λ ∫_0^{ω_D} Im F(ε; Δ) f_L(ε, 0) dε for a kinetic solution at that Δ. */
	public double rhs( final double delta, final double v, final EnergyModeSolver.Solution solution )
	{
		final double[][] q = rule( delta, v );
		final SpectralGrid g = new SpectralFunctions( delta, gamma, 0 ).onGrid( q[ 0 ] );
		final double[] f0 = injectorDistribution( g, v, solution );
		double s = 0;
		for ( int j = 0; j < f0.length; j++ )
			s += q[ 1 ][ j ] * g.m( j ) * f0[ j ];
		return lambda * s;
	}

	/**
	 * f_L(ε, x = 0) at arbitrary energies in [−ω_D, ω_D], rebuilt per energy from the finite-volume equation in x with
	 * the solution's interpolated collision rates (see the class comment).
	 */
	public double[] injectorDistribution( final double delta, final double v, final EnergyModeSolver.Solution solution, final double[] energies )
	{
		return injectorDistribution( new SpectralFunctions( delta, gamma, 0 ).onGrid( energies ), v, solution );
	}

	private double[] injectorDistribution( final SpectralGrid g, final double v, final EnergyModeSolver.Solution solution )
	{
		return distribution( g, v, solution, 0, 0 );
	}

	/**
	 * f_L(ε, x) at arbitrary energies and a position 0 ≤ x &lt; ℓ, rebuilt as {@link #injectorDistribution} and
	 * interpolated linearly between the two x nodes around x (as the finite volumes are).
	 */
	public double[] distributionAt( final double delta, final double v, final EnergyModeSolver.Solution solution, final double[] energies, final double x )
	{
		final double[] nodes = solver.positions();
		if ( !( x >= 0 ) || !( x < nodes[ nodes.length - 1 ] ) )
			throw new BadInputException( "position " + x + " is not on the half wire [0, " + nodes[ nodes.length - 1 ] + ")" );
		int k = 0;
		while ( nodes[ k + 1 ] <= x )
			k++;
		return distribution( new SpectralFunctions( delta, gamma, 0 ).onGrid( energies ), v, solution, k, ( x - nodes[ k ] ) / ( nodes[ k + 1 ] - nodes[ k ] ) );
	}

	/** f_L at (1 − w) x_kx + w x_{kx+1} (the node after the last unknown one is the reservoir). */
	private double[] distribution( final SpectralGrid g, final double v, final EnergyModeSolver.Solution solution, final int kx, final double wx )
	{
		final int count = g.size();
		final double[] h = solver.cellSteps();
		final double[] vol = solver.cellVolumes();
		final int p = h.length;
		final CollisionIntegral.Linearization[] lin = solution.collisions();
		final double kappa = solver.kappa();
		final double c = EnergyModeSolver.COLLISION_FACTOR;
		final double[] out = new double[ count ];
		final double[] invH = new double[ p ];
		final double[] cv = new double[ p ];
		for ( int k = 0; k < p; k++ )
		{
			invH[ k ] = 1 / h[ k ];
			cv[ k ] = c * vol[ k ];
		}
		// LANES energies at a time, each with its own Thomas sweep in x: the sweep is one chain of dependent
		// divisions, and independent chains side by side let the processor overlap them (same arithmetic per energy)
		final int lanes = LANES;
		final double[] cc = new double[ p * lanes ], dd = new double[ p * lanes ];
		final double[] dl = new double[ lanes ], tunnel = new double[ lanes ], fn = new double[ lanes ], bath = new double[ lanes ];
		final double[] nj = new double[ lanes ], mj = new double[ lanes ], w = new double[ lanes ], prevC = new double[ lanes ], prevD = new double[ lanes ];
		final int[] cell = new int[ lanes ];
		final double[] ab = new double[ 2 ];
		final int det = solver.detectorNode();
		final double detW = solver.detectorWeight(), detKappa = solver.detectorKappa();
		final double[] detSource = new double[ lanes ];
		final int n = eps.length;
		for ( int j0 = 0; j0 < count; j0 += lanes )
		{
			final int width = Math.min( lanes, count - j0 );
			for ( int l = 0; l < width; l++ )
			{
				final int j = j0 + l;
				final double e = g.eps( j );
				dl[ l ] = g.dL( j );
				tunnel[ l ] = kappa * g.n( j );
				fn[ l ] = EnergyModeSolver.injector( e, v, tInj );
				bath[ l ] = EnergyModeSolver.n0( e, tBath );
				if ( det >= 0 )
					detSource[ l ] = solver.detectorSource( e );
				nj[ l ] = g.n( j );
				mj[ l ] = g.m( j );
				// the interpolation cell and weight of ratesAt, once per energy instead of once per node
				final double position = ( e - eps[ 0 ] ) / de;
				cell[ l ] = Math.max( 0, Math.min( n - 2, ( int ) Math.floor( position ) ) );
				w[ l ] = Math.max( 0, Math.min( 1, position - cell[ l ] ) );
				prevC[ l ] = 0;
				prevD[ l ] = 0;
			}
			for ( int k = 0; k < p; k++ )
			{
				final CollisionIntegral.Linearization lk = lin != null ? lin[ k ] : null;
				for ( int l = 0; l < width; l++ )
				{
					double lower = k > 0 ? dl[ l ] * invH[ k - 1 ] : 0;
					final double upper = dl[ l ] * invH[ k ];
					double diag = -upper - ( k > 0 ? lower : tunnel[ l ] );
					double rhs = k == 0 ? -tunnel[ l ] * fn[ l ] : 0;
					if ( k == p - 1 )
						rhs -= upper * bath[ l ];
					if ( lk != null )
					{
						// c V [ (A − B)/2 + f_L (A + B)/2 ] is the collision term c V I in terms of f_L
						lk.halfRates( cell[ l ], w[ l ], nj[ l ], mj[ l ], ab );
						diag -= cv[ k ] * ab[ 0 ];
						rhs += cv[ k ] * ab[ 1 ];
					}
					double up = k + 1 < p ? upper : 0;
					if ( det >= 0 && ( k == det || k == det + 1 ) )
					{
						// the detector's point term (EnergyModeSolver.addDetector, row by row)
						final double cd = detKappa * nj[ l ], src = detSource[ l ];
						if ( k == det )
						{
							diag -= cd * ( 1 - detW ) * ( 1 - detW );
							rhs -= cd * ( 1 - detW ) * src;
							if ( k + 1 < p )
								up -= cd * ( 1 - detW ) * detW;
							else
								rhs += cd * ( 1 - detW ) * detW * bath[ l ];
						}
						else
						{
							lower -= cd * detW * ( 1 - detW );
							diag -= cd * detW * detW;
							rhs -= cd * detW * src;
						}
					}
					final double inv = 1 / ( diag - lower * prevC[ l ] );
					final double ck = up * inv, dk = ( rhs - lower * prevD[ l ] ) * inv;
					cc[ k * lanes + l ] = ck;
					dd[ k * lanes + l ] = dk;
					prevC[ l ] = ck;
					prevD[ l ] = dk;
				}
			}
			for ( int l = 0; l < width; l++ )
			{
				double next = 0;
				double after = bath[ l ];
				for ( int k = p - 1; k >= kx; k-- )
				{
					if ( k == kx + 1 )
						after = dd[ k * lanes + l ] - cc[ k * lanes + l ] * next;
					next = dd[ k * lanes + l ] - cc[ k * lanes + l ] * next;
				}
				out[ j0 + l ] = wx == 0 ? next : ( 1 - wx ) * next + wx * after;
			}
		}
		return out;
	}

	/** Δ(V) over a list of biases, sequentially warm-started (see {@link EnergyModeSweep} for the parallel sweep). */
	public List< Point > sweep( final double[] biases, final double deltaStart, final Progress progress )
	{
		return sweep( biases, deltaStart, progress, true );
	}

	/**
	 * As above; without {@code keepRates} each point's collision rates are given back once the next point is
	 * solved (its {@link EnergyModeSolver.Solution#fL()} stays), for callers that only read Δ and f_L.
	 */
	List< Point > sweep( final double[] biases, final double deltaStart, final Progress progress, final boolean keepRates )
	{
		return sweep( biases, deltaStart, progress, keepRates, null, 0 );
	}

	/**
	 * As above; with a {@link WarmStart} of the same biases (from {@code offset} on) every point starts from the
	 * previous sweep's converged Δ, slope and f_L at its own bias instead of from its neighbour in this sweep.
	 */
	List< Point > sweep( final double[] biases, final double deltaStart, final Progress progress, final boolean keepRates, final WarmStart warm, final int offset )
	{
		final List< Point > out = new ArrayList<>();
		double delta = deltaStart;
		Point prev = null;
		Point before = null;
		for ( int b = 0; b < biases.length; b++ )
		{
			if ( progress != null && progress.cancelled() )
				throw new BadInputException( "energy-mode sweep cancelled" );
			// linear extrapolation of Δ from the last two points (a better start than the last Δ where Δ(V) slopes)
			if ( before != null && prev.v() != before.v() )
				delta = Math.max( 1e-3, prev.delta() + ( prev.delta() - before.delta() ) * ( biases[ b ] - prev.v() ) / ( prev.v() - before.v() ) );
			final Point pt;
			if ( injectorLead != null )
			{
				final double[][] start = prev == null ? null : shifted( prev, biases[ b ], delta );
				pt = solveHeated( biases[ b ], delta, prev == null ? Double.NaN : prev.slope(), start, prev == null ? injectorLead.phononTemperature() : prev.leadTemperature(),
						prev == null ? tBath : prev.detectorLeadTemperature(), String.format( "eV_inj = %.6g", biases[ b ] ) );
			}
			else if ( warm != null && solver.gammaEe() > 0 )
			{
				final int w = offset + b;
				pt = solve( biases[ b ], warm.delta[ w ], warm.slope[ w ], warm.fL[ w ], String.format( "eV_inj = %.6g", biases[ b ] ) );
			}
			else
			{
				final double[][] start = prev == null ? null : shifted( prev, biases[ b ], delta );
				pt = solve( biases[ b ], delta, prev == null ? Double.NaN : prev.slope(), start, String.format( "eV_inj = %.6g", biases[ b ] ) );
			}
			pt.biasDerivative = injectorLead == null && biases[ b ] >= derivativeFrom ? biasDerivative( pt ) : Double.NaN;
			if ( !Double.isNaN( gapPosition ) && Double.isNaN( pt.localGap ) )
				pt.localGap = localGap( pt, gapPosition );
			out.add( pt );
			if ( !keepRates && prev != null )
				prev.solution().releaseCollisions();
			delta = pt.delta();
			before = prev;
			prev = pt;
			if ( progress != null )
				progress.done( b + 1, biases.length );
		}
		return out;
	}

	/** Fixed-point steps t_N → balance(Δ(t_N), f_L(t_N)) allowed per bias. */
	private static final int MAX_LEAD_ITERATIONS = 60;

	/**
	 * Self-consistent Δ with the heated injector lead: alternates the gap at a fixed lead temperature (warm-started
	 * from the previous one) with the lead's heat balance at that Δ and f_L(0), until t_N moves by less than
	 * {@link LeadHeating#TOLERANCE}. Converges fast: f_L(0) follows t_N only through the weak tunnel coupling.
	 */
	private Point solveHeated( final double v, final double deltaGuess, final double slopeGuess, final double[][] initial, final double tStart, final double tDetStart, final String where )
	{
		double t = tStart, d = deltaGuess, slope = slopeGuess, tDet = detectorLead == null ? Double.NaN : tDetStart;
		double[][] warm = initial;
		Point pt = null;
		int newton = 0, krylov = 0, solves = 0;
		for ( int it = 0; it < MAX_LEAD_ITERATIONS; it++ )
		{
			final SelfConsistentGap g = new SelfConsistentGap( this, t, detectorLead == null ? solver : solver.atDetectorTemperature( tDet ) );
			final Point next = g.solve( v, d, slope, warm, where + ", T_N = " + t );
			if ( pt != null )
				pt.solution().releaseCollisions();
			pt = next;
			newton += pt.newtonIterations();
			krylov += pt.krylovIterations();
			solves += pt.scIterations();
			final Quadrature q = LeadHeating.rule( pt.delta(), gamma, v, omegaD, tBath );
			final double[] nodes = q.nodes();
			final SpectralGrid sg = new SpectralFunctions( pt.delta(), gamma, 0 ).onGrid( nodes );
			final double[] dos = new double[ nodes.length ];
			for ( int j = 0; j < nodes.length; j++ )
				dos[ j ] = sg.n( j );
			final double tNew = injectorLead.temperature( q, dos, g.injectorDistribution( sg, v, pt.solution() ), v );
			final double tDetNew = detectorLead == null ? Double.NaN : detectorTemperature( g, pt, v );
			if ( Math.abs( tNew - t ) <= LeadHeating.TOLERANCE * 10 && !( Math.abs( tDetNew - tDet ) > LeadHeating.TOLERANCE * 10 ) )
			{
				// the iteration counts of all rounds (the output's cost columns)
				pt = new Point( v, pt.delta(), pt.solution(), newton, krylov, solves, pt.slope() );
				pt.leadTemperature = t;
				pt.detectorLeadTemperature = tDet;
				// the local gap needs this round's electrode temperatures in its rebuild of f_L
				if ( !Double.isNaN( gapPosition ) )
					pt.localGap = g.localGap( pt, gapPosition );
				// stored as the deviation from the bath, which is smooth where n0 is not (t_bath ≈ 3 steps of the table)
				final double[] f = g.distributionAt( pt.delta(), v, pt.solution(), detectorEnergies, detectorPosition );
				for ( int j = 0; j < f.length; j++ )
					f[ j ] -= EnergyModeSolver.n0( detectorEnergies[ j ], tBath );
				pt.detectorDistribution = f;
				return pt;
			}
			t = tNew;
			tDet = tDetNew;
			d = pt.delta();
			slope = pt.slope();
			warm = pt.solution().fL();
		}
		throw new BadInputException( "heated lead did not converge at " + where + ": T_N still moves after " + MAX_LEAD_ITERATIONS + " steps" );
	}

	/** The detector lead's temperature from its balance with Δ and f_L at the detector of a converged point. */
	private double detectorTemperature( final SelfConsistentGap g, final Point pt, final double v )
	{
		final double vDet = solver.detectorBias();
		final Quadrature q = LeadHeating.rule( pt.delta(), gamma, vDet, omegaD, tBath );
		final double[] nodes = q.nodes();
		final SpectralGrid sg = new SpectralFunctions( pt.delta(), gamma, 0 ).onGrid( nodes );
		final double[] dos = new double[ nodes.length ];
		for ( int j = 0; j < nodes.length; j++ )
			dos[ j ] = sg.n( j );
		return detectorLead.temperature( q, dos, g.distributionAt( pt.delta(), v, pt.solution(), nodes, detectorPosition ), vDet );
	}

	/**
	 * Steps of the central differences in Δ and eV_inj of {@link #biasDerivative}: far below the narrowest feature
	 * (Γ = 0.005, t_inj ≈ 0.02; truncation ~ (h/Γ)² ≈ 4e-4 at worst) and far above the kinetic tolerance
	 * (1e-10 / 2h ≈ 5e-7 in φ's slopes).
	 */
	static final double DERIVATIVE_STEP = 1e-4;

	/**
	 * dΔ/dV_inj at a converged point by implicit differentiation of the self-consistency φ(Δ, V) = RHS(Δ, V) − Δ = 0:
	 * dΔ/dV = −(∂φ/∂V)/(∂φ/∂Δ), each partial a central difference of φ over fully converged kinetic solutions at
	 * (Δ ± h, V) and (Δ, V ± h), warm-started from the point's own f_L (one or two Newton steps each). Unlike a
	 * difference of Δ between bias points, its error does not grow with the bias step: φ is smooth in Δ and V on
	 * the scale h (docs/physics.md, exact bias derivative). Δ(V) is even, so the slope is 0 at V = 0.
	 */
	public double biasDerivative( final Point p )
	{
		if ( p.v() == 0 )
			return 0;
		final double h = DERIVATIVE_STEP, d = p.delta(), v = p.v();
		final double[][] f = p.solution().fL();
		final String where = String.format( "eV_inj = %.6g (bias derivative)", v );
		final double dPhiDv = phi( d, v + h, f, where ) - phi( d, v - h, f, where );
		final double dPhiDDelta = phi( d + h, v, f, where ) - phi( d - h, v, f, where );
		if ( !( dPhiDDelta < 0 ) )
			throw new BadInputException( "self-consistent gap at " + where + ": rhs - Delta does not decrease with Delta (slope " + dPhiDDelta / ( 2 * h ) + ")" );
		return -dPhiDv / dPhiDDelta;
	}

	/** φ = RHS − Δ over a fully converged kinetic solution at (Δ, V) started from {@code warm}. */
	private double phi( final double delta, final double v, final double[][] warm, final String where )
	{
		final EnergyModeSolver.Solution s = solver.solve( spectral( delta ), v, tInj, tBath, solver.gammaEe() == 0 ? null : warm, EnergyModeSolver.TOLERANCE, Integer.MAX_VALUE, where );
		try
		{
			return rhs( delta, v, s ) - delta;
		}
		finally
		{
			s.releaseCollisions();
		}
	}

	/** Nodes in x of the kinetic solver (for checking that a {@link WarmStart} fits). */
	int points() { return solver.points(); }

	/** Warm start at a new bias: the elastic solution there plus the previous point's inelastic correction. */
	private double[][] shifted( final Point prev, final double v, final double delta )
	{
		if ( solver.gammaEe() == 0 )
			return null;
		final double[][] now = solver.elastic( spectral( delta ), v, tInj, tBath );
		final double[][] then = solver.elastic( spectral( prev.delta() ), prev.v(), tInj, tBath );
		final double[][] f = prev.solution().fL();
		for ( int k = 0; k < now.length; k++ )
			for ( int i = 0; i < now[ k ].length; i++ )
				now[ k ][ i ] += f[ k ][ i ] - then[ k ][ i ];
		return now;
	}

	/** Progress and cancellation of a sweep (no UI types: the plugin and the runner adapt it). */
	public interface Progress
	{
		/** Bias point k of n finished (k counts from 1; with several chunks, k counts all finished points). */
		void done( int k, int n );

		boolean cancelled();
	}
}
