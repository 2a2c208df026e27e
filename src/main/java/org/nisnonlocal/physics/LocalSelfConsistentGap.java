package org.nisnonlocal.physics;

import java.util.ArrayList;
import java.util.List;

import org.nisnonlocal.BadInputException;

/**
 * The self-consistent pair-potential profile Δ(x) under injection (issue 17): S Eq. 8 at every node with the local
 * f_L (see {@link LocalGapEquation}), the kinetic equation with the profile's spectral functions at every node
 * ({@link LocalGapKinetics}), the spectral functions from a {@link ProfileSpectra} model.
 * <p>
 * <b>Iteration at one bias.</b> φ(Δ) = RHS(Δ) − Δ on the vector of the M node values, every evaluation with a fully
 * converged kinetic solution (warm-started from the previous one). Newton with a Jacobian J = ∂φ/∂Δ that is built by
 * finite differences (M kinetic solves, one Newton step each from the converged base) only where needed — at the
 * first bias of a chunk, or when the matrix inherited from the neighbouring bias and kept up to date by Broyden's
 * secant updates stops halving ‖φ‖ — with a backtracking line search on ‖φ‖₂ and steps of at most
 * {@value #MAX_STEP} per node. Converged when max|φ| &lt; {@link #TOLERANCE}.
 * </p>
 * <p>
 * <b>Where a branch of solutions ends.</b> Trapping of injected quasiparticles in the gap's own dip near the injector
 * makes the profile bistable (docs/local-gap.md): above eV_inj ≈ 0.95 the weakly suppressed solution of lower biases
 * ends in a fold, and Newton from it finds no root (a local minimum of ‖φ‖, where a fresh J has a positive eigenvalue).
 * Then the iteration follows the relaxation dΔ/dτ = φ — whose stable fixed points are the physical solutions — by
 * implicit pseudo-time steps (I/τ − J) δ = φ (pseudo-transient continuation), τ from {@value #TAU_START} growing with
 * the decrease of ‖φ‖ (back to Newton beyond {@value #TAU_NEWTON}), kept below half the inverse of J's largest positive
 * eigenvalue (else the step would run back up the unstable direction), with the kinetic equation solved only to
 * 1e-3 max|φ| on the way and J rebuilt every {@value #PTC_REFRESH} steps, after five steps without progress, and once
 * ‖φ‖ fell a hundredfold under such a cap. A sweep in increasing |V| thus follows the up-sweep branch; a different
 * history (a down-sweep) can end on the other branch inside the hysteresis window.
 * </p>
 */
public final class LocalSelfConsistentGap
{
	/** max|Δ_k − RHS_k| at convergence (as {@link SelfConsistentGap#TOLERANCE}). */
	public static final double TOLERANCE = 1e-9;

	/** Largest change of any Δ_k in one Newton step (Δ0). */
	static final double MAX_STEP = 0.1;

	static final int HALVINGS = 4;

	/** Accepted Newton steps that must halve ‖φ‖ (else Newton has stalled). */
	static final int STALL_STEPS = 6;

	/** Pseudo-time steps before the Jacobian is rebuilt by finite differences. */
	static final int PTC_REFRESH = 40;

	/** Step of the finite-difference Jacobian (Δ0): φ is smooth to ~1e-12, so J is good to ~1e-6 relative. */
	static final double FD_STEP = 1e-5;

	/** First pseudo-time step after Newton stalled (the relaxation rates −eig J are ≈ 0.07 … 1). */
	static final double TAU_START = 3;

	/** Beyond this pseudo-time step the iteration is Newton again. */
	static final double TAU_NEWTON = 1e4;

	/** Kinetic solves per bias point before giving up (a transition costs ≈ 100, a normal point 3-12). */
	private static final int MAX_EVALUATIONS = 400;

	private final LocalGapKinetics kinetics;

	private final LocalGapEquation equation;

	private final ProfileSpectra spectra;

	private final double tInj;

	private final double tBath;

	private final double[] eps;

	/** The running sweep's progress, asked before every kinetic solve (null: not cancellable). One per chunk instance. */
	private SelfConsistentGap.Progress cancel;

	public LocalSelfConsistentGap( final LocalGapEquation equation, final double tInj, final double tBath )
	{
		this.equation = equation;
		this.kinetics = equation.kinetics();
		this.spectra = equation.spectra();
		this.tInj = tInj;
		this.tBath = tBath;
		this.eps = kinetics.energies();
	}

	/** The same solver with a fresh spectral model (no warm-start history): one per sweep chunk. */
	public LocalSelfConsistentGap fresh()
	{
		return new LocalSelfConsistentGap( equation.withSpectra( spectra.fresh() ), tInj, tBath );
	}

	public LocalGapKinetics kinetics()
	{
		return kinetics;
	}

	public LocalGapEquation equation()
	{
		return equation;
	}

	public double tInj()
	{
		return tInj;
	}

	public double tBath()
	{
		return tBath;
	}

	/** The result at one bias point. */
	public static final class Point
	{
		private final double v;

		private final double[] delta;

		private final EnergyModeSolver.Solution solution;

		private final int newton, krylov, evaluations;

		/** The (Broyden-updated) Jacobian ∂φ/∂Δ at the solution: the start for the neighbouring bias point. */
		final double[][] jacobian;

		Point( final double v, final double[] delta, final EnergyModeSolver.Solution solution, final int newton, final int krylov, final int evaluations, final double[][] jacobian )
		{
			this.jacobian = jacobian;
			this.v = v;
			this.delta = delta;
			this.solution = solution;
			this.newton = newton;
			this.krylov = krylov;
			this.evaluations = evaluations;
		}

		public double v()
		{
			return v;
		}

		/** Δ at the M nodes (the last is the reservoir), Δ0. */
		public double[] delta()
		{
			return delta.clone();
		}

		public EnergyModeSolver.Solution solution()
		{
			return solution;
		}

		public int newtonIterations()
		{
			return newton;
		}

		public int krylovIterations()
		{
			return krylov;
		}

		/** Kinetic solves (evaluations of the gap equations). */
		public int scIterations()
		{
			return evaluations;
		}
	}

	/**
	 * Spectral grids on the kinetic energy grid; in the local approximation nodes whose Δ_k did not change keep their
	 * grid (the reservoir node, every node of a confirming solve). The Usadel model keeps its own warm starts.
	 */
	private final class Cache
	{
		private double[] delta;

		private SpectralGrid[] grids;

		SpectralGrid[] at( final double[] d )
		{
			if ( grids == null || !( spectra instanceof LocalSpectra ) )
			{
				grids = spectra.at( d, eps );
				delta = d.clone();
				return grids;
			}
			final SpectralGrid[] g = new SpectralGrid[ d.length ];
			for ( int k = 0; k < d.length; k++ )
			{
				if ( d[ k ] == delta[ k ] )
					g[ k ] = grids[ k ];
				else if ( k > 0 && d[ k ] == d[ k - 1 ] )
					g[ k ] = g[ k - 1 ];
				else
					g[ k ] = new SpectralFunctions( d[ k ], spectra.gamma(), 0 ).onGrid( eps );
			}
			grids = g;
			delta = d.clone();
			return g;
		}
	}

	/** Spectral functions of the kinetic grid for a profile (per node). */
	public SpectralGrid[] spectral( final double[] delta )
	{
		return spectra.at( delta, eps );
	}

	/** One evaluation of φ(Δ) = RHS − Δ with a fully converged kinetic solution. */
	private final class Evaluation
	{
		final double[] d, phi;

		final EnergyModeSolver.Solution solution;

		final double max, norm;

		/** Kinetic solution converged to {@link EnergyModeSolver#TOLERANCE}, or to its rounding level just above. */
		final boolean exact;

		Evaluation( final double[] d, final double v, final double[][] warm, final double tolerance, final int steps, final Cache cache, final String where )
		{
			this.d = d;
			final boolean elastic = kinetics.gammaEe() == 0;
			solution = kinetics.solve( cache.at( d ), v, tInj, tBath, elastic ? null : warm, tolerance, steps, where + ", Delta(0) = " + d[ 0 ] );
			exact = elastic || solution.atFullAccuracy();
			final double[] rhs = equation.rhs( d, v, solution );
			phi = new double[ d.length ];
			double mx = 0, sq = 0;
			for ( int k = 0; k < d.length; k++ )
			{
				phi[ k ] = rhs[ k ] - d[ k ];
				mx = Math.max( mx, Math.abs( phi[ k ] ) );
				sq += phi[ k ] * phi[ k ];
			}
			if ( !Double.isFinite( sq ) )
				throw new BadInputException( "self-consistent gap profile: non-finite residual at " + where );
			max = mx;
			norm = Math.sqrt( sq );
		}
	}

	/**
	 * Self-consistent Δ(x) at bias eV = v.
	 *
	 * @param deltaGuess starting profile (M values)
	 * @param initial starting f_L[k][i] (null: elastic at the starting profile)
	 * @param jacobian approximate ∂φ/∂Δ (M × M) to start from, e.g. the neighbouring bias point's (null: by finite
	 *            differences here)
	 */
	public Point solve( final double v, final double[] deltaGuess, final double[][] initial, final double[][] jacobian, final String where )
	{
		final int m = kinetics.points();
		if ( deltaGuess.length != m )
			throw new IllegalArgumentException( "profile needs " + m + " values" );
		final Cache cache = new Cache();
		final int[] count = new int[ 3 ];
		Evaluation cur = evaluate( deltaGuess.clone(), v, initial, EnergyModeSolver.TOLERANCE, cache, where, count );
		double[][] j = jacobian == null ? null : copy( jacobian );
		boolean rebuiltHere = false;
		int sinceFresh = 0, newtonSteps = 0;
		double normAtFresh = Double.POSITIVE_INFINITY, normAtCheck = cur.norm, normFiveAgo = cur.norm;
		boolean stale = false, capped = false;
		// pseudo-time step of the relaxation dΔ/dτ = φ (infinite: Newton); finite once Newton has stalled
		double tau = Double.POSITIVE_INFINITY;
		while ( !( cur.max < TOLERANCE && cur.exact ) )
		{
			if ( count[ 2 ] >= MAX_EVALUATIONS )
				throw new BadInputException( "self-consistent gap profile did not converge at " + where + ": max |Delta - rhs| = " + cur.max + " after " + count[ 2 ] + " kinetic solves" );
			final boolean relaxing = Double.isFinite( tau );
			// in pseudo time J is rebuilt periodically, and when five steps did not reduce ‖φ‖ by a fifth (a stale J
			// makes the implicit steps oscillate about the new branch)
			if ( relaxing && sinceFresh > 0 && sinceFresh % 5 == 0 )
			{
				stale |= cur.norm > 0.8 * normFiveAgo;
				normFiveAgo = cur.norm;
			}
			// ... and once ‖φ‖ fell a hundredfold since (the profile has moved: the eigenvalue cap on τ below may be
			// that of a J from the way, not of the solution's)
			if ( j == null || ( relaxing && ( sinceFresh >= PTC_REFRESH || stale || ( capped && cur.norm < 0.01 * normAtFresh ) ) ) || ( cur.max < TOLERANCE && !cur.exact ) )
			{
				if ( !cur.exact )
				{
					// converge the kinetic equation at this Δ first: differences of inexact residuals are noise
					final Evaluation e = evaluate( cur.d, v, cur.solution.fL(), EnergyModeSolver.TOLERANCE, cache, where, count );
					cur.solution.releaseCollisions();
					cur = e;
					continue;
				}
				j = finiteDifferenceJacobian( cur, v, cache, where, count );
				rebuiltHere = true;
				sinceFresh = 0;
				stale = false;
				normFiveAgo = cur.norm;
				normAtFresh = cur.norm;
				// an unstable direction away from a solution: the stable branch is elsewhere (past the end of this
				// one), so Newton would only wander; relax in pseudo time
				if ( !relaxing && largestEigenvalue( j ) > 0 )
				{
					tau = TAU_START;
					continue;
				}
			}
			if ( relaxing )
			{
				// an implicit pseudo-time step reverses every mode of J with eigenvalue above 1/τ (it would climb back
				// to where the branch ended): keep 1/τ above twice the largest one
				final double top = largestEigenvalue( j );
				capped = top > 0 && tau > 0.5 / top;
				if ( capped )
					tau = 0.5 / top;
			}
			final double[] step = Linear.solve( shifted( j, tau ), cur.phi );
			double big = 0;
			for ( int k = 0; k < m; k++ )
			{
				step[ k ] = -step[ k ];
				big = Math.max( big, Math.abs( step[ k ] ) );
			}
			double alpha = Double.isFinite( big ) && big > 0 ? Math.min( 1, MAX_STEP / big ) : 0;
			Evaluation accepted = null;
			// pseudo-time steps only need f_L as accurate as φ is large (the relaxation is not Newton)
			final double tolerance = relaxing ? Math.max( EnergyModeSolver.TOLERANCE, Math.min( 1e-6, 1e-3 * cur.max ) ) : EnergyModeSolver.TOLERANCE;
			for ( int halving = 0; halving <= HALVINGS && alpha > 0; halving++, alpha *= 0.5 )
			{
				final double[] d = new double[ m ];
				for ( int k = 0; k < m; k++ )
					d[ k ] = Math.max( 1e-6, Math.min( 2, cur.d[ k ] + alpha * step[ k ] ) );
				final Evaluation trial = evaluate( d, v, cur.solution.fL(), tolerance, cache, where, count );
				sinceFresh++;
				// Newton: sufficient decrease of ‖φ‖, and a secant update of J; pseudo-time steps are taken as they
				// come (the relaxation may climb out of a local minimum of ‖φ‖ where a branch of solutions ended) and
				// leave J alone (the long path would drag it far from the exact one)
				if ( relaxing )
				{
					accepted = trial;
					break;
				}
				broyden( j, cur, trial );
				if ( trial.norm <= ( 1 - 1e-4 * alpha ) * cur.norm )
				{
					accepted = trial;
					break;
				}
				trial.solution.releaseCollisions();
			}
			boolean stalled = accepted == null;
			if ( !relaxing && accepted != null && ++newtonSteps % STALL_STEPS == 0 )
			{
				// Newton steps that keep being accepted without halving ‖φ‖ are a stall too
				stalled = accepted.norm > 0.5 * normAtCheck;
				normAtCheck = accepted.norm;
			}
			if ( accepted != null )
			{
				if ( relaxing )
					tau = accepted.norm < cur.norm ? tau * Math.min( 4, cur.norm / accepted.norm ) : Math.max( TAU_START, 0.5 * tau );
				cur.solution.releaseCollisions();
				cur = accepted;
			}
			if ( relaxing && tau > TAU_NEWTON && largestEigenvalue( j ) < 0 )
			{
				tau = Double.POSITIVE_INFINITY;
				normAtCheck = cur.norm;
			}
			if ( stalled )
			{
				if ( !rebuiltHere )
					j = null; // the inherited or updated matrix misled: rebuild it here once
				else
				{
					// Newton has stalled with a Jacobian of this bias: no solution nearby (a branch of solutions
					// ended), so relax in pseudo-time towards a stable one
					tau = TAU_START;
					sinceFresh = PTC_REFRESH;
				}
			}
		}
		return new Point( v, cur.d, cur.solution, count[ 0 ], count[ 1 ], count[ 2 ], j );
	}

	private Evaluation evaluate( final double[] d, final double v, final double[][] warm, final double tolerance, final Cache cache, final String where, final int[] count )
	{
		return evaluate( d, v, warm, tolerance, Integer.MAX_VALUE, cache, where, count );
	}

	private Evaluation evaluate( final double[] d, final double v, final double[][] warm, final double tolerance, final int steps, final Cache cache, final String where, final int[] count )
	{
		// why here and not only per bias: a transition costs ≈ 100 kinetic solves (≈ 10 s), too long to wait for a cancel
		if ( cancel != null && cancel.cancelled() )
			throw new BadInputException( "energy-mode sweep cancelled" );
		final Evaluation e = new Evaluation( d, v, warm, tolerance, steps, cache, where );
		count[ 0 ] += e.solution.newtonIterations();
		count[ 1 ] += e.solution.krylovIterations();
		count[ 2 ]++;
		return e;
	}

	/** ∂φ_i/∂Δ_k by one-sided differences (step {@value #FD_STEP}), each from a kinetic solve warm-started at base. */
	private double[][] finiteDifferenceJacobian( final Evaluation base, final double v, final Cache cache, final String where, final int[] count )
	{
		final int m = base.d.length;
		final double[][] j = new double[ m ][ m ];
		for ( int k = 0; k < m; k++ )
		{
			final double[] d = base.d.clone();
			d[ k ] += FD_STEP;
			// one Newton step from the converged base solves the linear response (error O(h²)): enough for a difference
			final Evaluation e = evaluate( d, v, base.solution.fL(), EnergyModeSolver.TOLERANCE, 1, cache, where + " (Jacobian)", count );
			for ( int i = 0; i < m; i++ )
				j[ i ][ k ] = ( e.phi[ i ] - base.phi[ i ] ) / FD_STEP;
			e.solution.releaseCollisions();
		}
		return j;
	}

	/** Largest real part of the eigenvalues of J (a stable solution has them all negative). */
	static double largestEigenvalue( final double[][] j )
	{
		final double[] re = new org.apache.commons.math3.linear.EigenDecomposition( new org.apache.commons.math3.linear.Array2DRowRealMatrix( j ) ).getRealEigenvalues();
		double top = Double.NEGATIVE_INFINITY;
		for ( final double r : re )
			top = Math.max( top, r );
		return top;
	}

	/** J − I/τ (J itself for τ = ∞): the implicit pseudo-time step solves (I/τ − J) δ = φ. */
	private static double[][] shifted( final double[][] j, final double tau )
	{
		if ( Double.isInfinite( tau ) )
			return j;
		final double[][] a = copy( j );
		for ( int k = 0; k < a.length; k++ )
			a[ k ][ k ] -= 1 / tau;
		return a;
	}

	/** "Good" Broyden update of J with the secant pair from a to b: J += (Δφ − J s) sᵀ / (sᵀ s). */
	private static void broyden( final double[][] j, final Evaluation a, final Evaluation b )
	{
		final int m = a.d.length;
		final double[] s = new double[ m ];
		double ss = 0;
		for ( int k = 0; k < m; k++ )
		{
			s[ k ] = b.d[ k ] - a.d[ k ];
			ss += s[ k ] * s[ k ];
		}
		if ( !( ss > 0 ) )
			return;
		for ( int i = 0; i < m; i++ )
		{
			double js = 0;
			for ( int k = 0; k < m; k++ )
				js += j[ i ][ k ] * s[ k ];
			final double r = ( b.phi[ i ] - a.phi[ i ] - js ) / ss;
			for ( int k = 0; k < m; k++ )
				j[ i ][ k ] += r * s[ k ];
		}
	}

	private static double[][] copy( final double[][] a )
	{
		final double[][] c = new double[ a.length ][];
		for ( int k = 0; k < a.length; k++ )
			c[ k ] = a[ k ].clone();
		return c;
	}

	/**
	 * Δ(x) over a list of biases, sequentially warm-started: the profile extrapolated linearly from the two previous
	 * points, f_L as the elastic solution at the new bias and profile plus the previous point's inelastic correction.
	 * The first point starts from Δ = 1 at every node with the elastic f_L.
	 *
	 * @param keepRates false: each point's collision rates are given back once the next point is solved
	 */
	public List< Point > sweep( final double[] biases, final SelfConsistentGap.Progress progress, final boolean keepRates )
	{
		cancel = progress;
		try
		{
			return sweepPoints( biases, progress, keepRates );
		}
		finally
		{
			cancel = null;
		}
	}

	private List< Point > sweepPoints( final double[] biases, final SelfConsistentGap.Progress progress, final boolean keepRates )
	{
		final int m = kinetics.points();
		final List< Point > out = new ArrayList<>();
		double[] delta = new double[ m ];
		java.util.Arrays.fill( delta, 1 );
		Point prev = null, before = null;
		for ( int b = 0; b < biases.length; b++ )
		{
			if ( progress != null && progress.cancelled() )
				throw new BadInputException( "energy-mode sweep cancelled" );
			// linear extrapolation, except across a jump between branches (there the last profile is the better start)
			if ( before != null && prev.v() != before.v() && maxDifference( prev.delta, before.delta ) < 0.02 )
			{
				final double[] p1 = prev.delta, p0 = before.delta;
				final double s = ( biases[ b ] - prev.v() ) / ( prev.v() - before.v() );
				for ( int k = 0; k < m; k++ )
					delta[ k ] = Math.max( 1e-3, p1[ k ] + ( p1[ k ] - p0[ k ] ) * s );
			}
			final double[][] start = prev == null ? null : shifted( prev, biases[ b ], delta );
			final Point pt = solve( biases[ b ], delta, start, prev == null ? null : prev.jacobian, String.format( "eV_inj = %.6g", biases[ b ] ) );
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

	private static double maxDifference( final double[] a, final double[] b )
	{
		double m = 0;
		for ( int k = 0; k < a.length; k++ )
			m = Math.max( m, Math.abs( a[ k ] - b[ k ] ) );
		return m;
	}

	/** Warm start at a new bias and profile: the elastic solution there plus the previous point's inelastic correction. */
	private double[][] shifted( final Point prev, final double v, final double[] delta )
	{
		if ( kinetics.gammaEe() == 0 )
			return null;
		final double[][] now = kinetics.elastic( spectral( delta ), v, tInj, tBath );
		final double[][] then = kinetics.elastic( spectral( prev.delta ), prev.v(), tInj, tBath );
		final double[][] f = prev.solution().fL();
		for ( int k = 0; k < now.length; k++ )
			for ( int i = 0; i < now[ k ].length; i++ )
				now[ k ][ i ] += f[ k ][ i ] - then[ k ][ i ];
		return now;
	}
}
