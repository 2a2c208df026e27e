package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/**
 * Stationary energy mode on the half wire x ∈ [0, ℓ], ℓ = L/2 in ξ (docs/physics.md §6, §11, S Eq. 22):
 * <pre>
 *   ∂x (D_L(ε) ∂x f_L) = c · I_coll[f_L](ε, x),   c = {@value #COLLISION_FACTOR} (docs/physics.md §11.3, AMBIGUOUS, here only),
 *   D_L ∂x f_L(0⁺) = κ_I N(ε) [f_L(0) − f_L^N(ε; V)],   f_L(ℓ) = n0(ε; t_bath),
 * </pre>
 * with f_L^N = ½[n0(ε + eV) + n0(ε − eV)] at the injector temperature (S Eq. 12) and κ_I the half-wire value. Energies
 * in Δ0 on the uniform grid of the {@link CollisionIntegral}; Δ, Γ enter through the {@link SpectralGrid} on it.
 * <p>
 * <b>Grid in x.</b> Nodes x_k = ℓ (k/(M−1))², k = 0…M−1 (finest at the injector, where the distribution is read);
 * node-centred finite volumes: cell k spans the midpoints to its neighbours (half cells at both ends), fluxes
 * D_L (f_{k+1} − f_k)/h_k, the tunnel flux at x = 0, f_L fixed at x_{M−1} = ℓ. Unknowns: f_L at k = 0…M−2 for all
 * energies. A linear f_L is reproduced exactly, so the elastic solution is the exact one at any M.
 * </p>
 * <p>
 * <b>Newton-Krylov.</b> Residual R_{k,i} = flux_{k+½} − flux_{k−½} − c V_k I_i(f_k). Newton steps solve T⁻¹J δ = −T⁻¹R by
 * left-preconditioned restarted GMRES; J·v is matrix-free (the collision Jacobian by the same FFTs,
 * {@link CollisionIntegral.Linearization#jacobianTimes}). Preconditioner: for each energy the tridiagonal diffusion
 * operator in x with the tunnel term and the relaxation-time (diagonal) part of the collision Jacobian, solved by the
 * Thomas algorithm (exact for γ_ee = 0). Preconditioned residuals are in units of f_L (which
 * is what makes sub-gap energies, where D_L ≈ 4e-5, count). Backtracking line search on the scaled 2-norm.
 * Converged when the max-norm of the preconditioned residual T⁻¹R (units of f_L) is below {@link #TOLERANCE}; otherwise {@link BadInputException}
 * naming the bias point and the residual.
 * </p>
 * Never divides by D_L: all denominators contain D_L/h + κ_I N + (collision rate) &gt; 0.
 * <p>
 * <b>Symmetry.</b> On the symmetric grid of {@link #energyGrid} the problem is particle-hole symmetric (N, D_L even;
 * n0, f_L^N odd), so f_L is odd: iterates and Krylov vectors are projected on odd functions (removing only
 * rounding), which lets the collision integral mirror its out-rates from its in-rates (one FFT fewer) and take its
 * forward transforms at half length.
 * </p>
 */
public final class EnergyModeSolver
{
	/** Factor c in ∂x(D_L ∂x f_L) = c I_coll (f_L = 1 − 2f; S writes I_L without prefactor). AMBIGUOUS. */
	public static final double COLLISION_FACTOR = 2;

	/** Max-norm of the row-scaled residual (units of f_L) at convergence. */
	public static final double TOLERANCE = 1e-10;

	private static final int MAX_NEWTON = 30;

	/** A stalled Newton iteration is converged when its residual is within this many rounding levels (see roundingFloor). */
	static final double ROUNDING_MARGIN = 16;

	/** A Newton iteration's residual R(f) into r, its collision integrals linearized at f. */
	interface Residual
	{
		void at( double[][] f, double[][] r );
	}

	/**
	 * The scaled residual's rounding level at f: the max-norm change of T⁻¹R ({@code norms}) when every f entry moves
	 * by 4 ulps (alternating sign); {@code trial} and {@code work} are the iteration's p × N scratch. Evaluates the residual at f last, so that the linearization is f's again
	 * ({@code work} ends equal to {@code r}). Shared with {@link LocalGapKinetics}, whose Newton iteration is this one's.
	 */
	static double roundingFloor( final double[][] f, final double[][] r, final double[][] trial, final double[][] work, final Residual residual,
			final java.util.function.Function< double[][], double[] > norms )
	{
		for ( int k = 0; k < trial.length; k++ )
			for ( int i = 0; i < trial[ k ].length; i++ )
				trial[ k ][ i ] = f[ k ][ i ] + ( ( k + i ) % 2 == 0 ? 4 : -4 ) * Math.ulp( f[ k ][ i ] );
		residual.at( trial, work );
		for ( int k = 0; k < work.length; k++ )
			for ( int i = 0; i < work[ k ].length; i++ )
				work[ k ][ i ] -= r[ k ][ i ];
		final double floor = norms.apply( work )[ 0 ];
		residual.at( f, work );
		return floor;
	}

	private static final int RESTART = 40;

	private static final int MAX_KRYLOV = 400;

	private final double[] eps;

	private final double de;

	private final double kappa;

	private final double halfLength;

	private final double gammaEe;

	private final double[] x;

	private final double[] h;

	private final double[] volume;

	/** ε_{N−1−i} = −ε_i exactly: then f_L is kept exactly odd and the collision integral uses its odd shortcut. */
	private final boolean symmetric;

	/**
	 * Second tunnel junction (the biased detector, docs/physics.md §21), none when detNode &lt; 0: a point term
	 * −κ_D N [f_L(x_D) − f_L^N(ε; V_det, t_det)] shared by the two nodes around x_D with the weights of the linear
	 * interpolation f_L(x_D) = (1 − w) f_k + w f_{k+1} (conservative and symmetric, so the x grid stays the same).
	 */
	private int detNode = -1;

	private double detWeight, detKappa, detBias, detTemperature;

	/** A copy with the detector junction at {@code position} (ξ, 0 &lt; x &lt; ℓ) injecting at bias vDet. */
	public EnergyModeSolver withDetector( final double position, final double kappaDet, final double vDet, final double tDet )
	{
		if ( !( position > 0 ) || !( position < halfLength ) )
			throw new BadInputException( "detector position must be in (0, " + halfLength + "), got " + position );
		if ( !( kappaDet > 0 ) || !Double.isFinite( kappaDet ) )
			throw new BadInputException( "detector kappa must be finite and > 0, got " + kappaDet );
		if ( !Double.isFinite( vDet ) || !( tDet >= 0 ) || !Double.isFinite( tDet ) )
			throw new BadInputException( "detector bias and temperature must be finite (temperature >= 0), got " + vDet + ", " + tDet );
		final EnergyModeSolver c = new EnergyModeSolver( eps, kappa, halfLength, x.length, gammaEe );
		int k = 0;
		while ( x[ k + 1 ] <= position )
			k++;
		c.detNode = k;
		c.detWeight = ( position - x[ k ] ) / ( x[ k + 1 ] - x[ k ] );
		c.detKappa = kappaDet;
		c.detBias = vDet;
		c.detTemperature = tDet;
		return c;
	}

	/** This solver's detector junction with its lead at another temperature (heated detector lead). */
	EnergyModeSolver atDetectorTemperature( final double tDet )
	{
		if ( detNode < 0 )
			throw new IllegalStateException( "no detector junction" );
		return withDetector( ( 1 - detWeight ) * x[ detNode ] + detWeight * x[ detNode + 1 ], detKappa, detBias, tDet );
	}

	double detectorBias() { return detBias; }

	/** Node k below the detector (−1: no detector), its weight w, κ_D and f_L^N of the detector at ε. */
	int detectorNode() { return detNode; }

	double detectorWeight() { return detWeight; }

	double detectorKappa() { return detKappa; }

	double detectorSource( final double e ) { return injector( e, detBias, detTemperature ); }

	/**
	 * @param eps uniform energy grid (Δ0), e.g. {@link #energyGrid(double, double)}
	 * @param kappa κ_I = G_inj R_ξ / 2 (half wire)
	 * @param halfLength ℓ = L/2 in ξ
	 * @param points M ≥ 3 nodes in x
	 * @param gammaEe γ_ee = ħ/(Δ0 τ_ee) ≥ 0 (0: elastic)
	 */
	public EnergyModeSolver( final double[] eps, final double kappa, final double halfLength, final int points, final double gammaEe )
	{
		if ( eps.length < 3 )
			throw new BadInputException( "energy grid needs at least 3 points" );
		if ( !( kappa > 0 ) || !Double.isFinite( kappa ) )
			throw new BadInputException( "kappa must be finite and > 0, got " + kappa );
		if ( !( halfLength > 0 ) || !Double.isFinite( halfLength ) )
			throw new BadInputException( "wire length must be finite and > 0, got " + halfLength );
		if ( points < 3 || points > 10000 )
			throw new BadInputException( "number of points in x must be in 3..10000, got " + points );
		if ( !( gammaEe >= 0 ) || !Double.isFinite( gammaEe ) )
			throw new BadInputException( "gamma_ee must be finite and >= 0, got " + gammaEe );
		this.eps = eps.clone();
		this.de = eps[ 1 ] - eps[ 0 ];
		boolean sym = true;
		for ( int i = 0; i < eps.length; i++ )
			sym &= eps[ eps.length - 1 - i ] == -eps[ i ];
		this.symmetric = sym;
		this.kappa = kappa;
		this.halfLength = halfLength;
		this.gammaEe = gammaEe;
		x = new double[ points ];
		for ( int k = 0; k < points; k++ )
		{
			final double s = k / ( double ) ( points - 1 );
			x[ k ] = halfLength * s * s;
		}
		h = new double[ points - 1 ];
		for ( int k = 0; k < points - 1; k++ )
			h[ k ] = x[ k + 1 ] - x[ k ];
		volume = new double[ points - 1 ];
		for ( int k = 0; k < points - 1; k++ )
			volume[ k ] = 0.5 * ( h[ k ] + ( k > 0 ? h[ k - 1 ] : 0 ) );
	}

	/** ε_i = −ω_D + i δε, i = 0 … 2ω_D/δε (δε must divide ω_D to 1e-9). */
	public static double[] energyGrid( final double omegaD, final double de )
	{
		if ( !( de > 0 ) || !( omegaD > 0 ) || !Double.isFinite( omegaD ) )
			throw new BadInputException( "energy grid needs de > 0 and omega_D > 0, got " + de + ", " + omegaD );
		final double steps = omegaD / de;
		if ( Math.abs( steps - Math.rint( steps ) ) > 1e-9 * steps || steps > 1e6 )
			throw new BadInputException( "omega_D / de must be an integer (<= 1e6), got " + steps );
		final int half = ( int ) Math.rint( steps );
		final double[] e = new double[ 2 * half + 1 ];
		for ( int i = 0; i <= 2 * half; i++ )
			e[ i ] = ( i - half ) * de;
		return e;
	}

	/** f_L^N(ε; V) = ½[n0(ε + eV) + n0(ε − eV)] (S Eq. 12), t the electrode temperature (0: step functions). */
	public static double injector( final double e, final double v, final double t )
	{
		return 0.5 * ( n0( e + v, t ) + n0( e - v, t ) );
	}

	/** n0 = tanh(ε/2t). */
	public static double n0( final double e, final double t )
	{
		return t == 0 ? Math.signum( e ) : Math.tanh( e / ( 2 * t ) );
	}

	/** Nodes in x, the reservoir node included. */
	public int points() { return x.length; }

	public double[] energies()
	{
		return eps.clone();
	}

	public double[] positions()
	{
		return x.clone();
	}

	public double halfLength()
	{
		return halfLength;
	}

	public double kappa()
	{
		return kappa;
	}

	public double gammaEe()
	{
		return gammaEe;
	}

	/** Finite-volume data needed to rebuild one energy's equation off the grid (see {@link SelfConsistentGap}). */
	double[] cellSteps()
	{
		return h.clone();
	}

	double[] cellVolumes()
	{
		return volume.clone();
	}

	/**
	 * Elastic closed form (γ_ee = 0): f_L linear in x, f_L(0) = (D_L n0 + κ N ℓ f^N)/(D_L + κ N ℓ) — a weighted mean,
	 * finite as D_L → 0. Returns f_L[k][i] at the M−1 unknown nodes.
	 */
	public double[][] elastic( final SpectralGrid g, final double v, final double tInj, final double tBath )
	{
		if ( detNode >= 0 )
			return elasticTwoJunctions( g, v, tInj, tBath );
		final int n = eps.length;
		final double[][] f = new double[ x.length - 1 ][ n ];
		for ( int i = 0; i < n; i++ )
		{
			final double d = g.dL( i );
			final double kn = kappa * g.n( i ) * halfLength;
			final double bath = n0( eps[ i ], tBath );
			final double f0 = ( d * bath + kn * injector( eps[ i ], v, tInj ) ) / ( d + kn );
			for ( int k = 0; k < x.length - 1; k++ )
				f[ k ][ i ] = f0 + ( bath - f0 ) * ( x[ k ] / halfLength );
		}
		return f;
	}

	/** Elastic solution with the detector junction: per energy the tridiagonal finite-volume system, by Thomas. */
	private double[][] elasticTwoJunctions( final SpectralGrid g, final double v, final double tInj, final double tBath )
	{
		final int n = eps.length, p = x.length - 1;
		final double[][] f = new double[ p ][ n ];
		final double[] lower = new double[ p ], diag = new double[ p ], upper = new double[ p ], rhs = new double[ p ];
		for ( int i = 0; i < n; i++ )
		{
			final double d = g.dL( i ), bath = n0( eps[ i ], tBath );
			for ( int k = 0; k < p; k++ )
			{
				lower[ k ] = k > 0 ? d / h[ k - 1 ] : 0;
				upper[ k ] = d / h[ k ];
				diag[ k ] = -upper[ k ] - ( k > 0 ? lower[ k ] : kappa * g.n( i ) );
				rhs[ k ] = k == 0 ? -kappa * g.n( i ) * injector( eps[ i ], v, tInj ) : 0;
				if ( k == p - 1 )
				{
					rhs[ k ] -= upper[ k ] * bath;
					upper[ k ] = 0;
				}
			}
			addDetector( g.n( i ), detectorSource( eps[ i ] ), bath, lower, diag, upper, rhs );
			thomas( lower, diag, upper, rhs, f, i );
		}
		return f;
	}

	/** Adds the detector's point term to one energy's tridiagonal rows (lower, diag, upper, rhs). */
	void addDetector( final double dos, final double source, final double bath, final double[] lower, final double[] diag, final double[] upper, final double[] rhs )
	{
		final int k = detNode, p = x.length - 1;
		final double w = detWeight, c = detKappa * dos;
		diag[ k ] -= c * ( 1 - w ) * ( 1 - w );
		rhs[ k ] -= c * ( 1 - w ) * source;
		if ( k + 1 < p )
		{
			upper[ k ] -= c * ( 1 - w ) * w;
			lower[ k + 1 ] -= c * w * ( 1 - w );
			diag[ k + 1 ] -= c * w * w;
			rhs[ k + 1 ] -= c * w * source;
		}
		else
			rhs[ k ] += c * ( 1 - w ) * w * bath; // f at the reservoir node is the bath's
	}

	private static void thomas( final double[] a, final double[] b, final double[] c, final double[] r, final double[][] f, final int i )
	{
		final int p = b.length;
		final double[] cp = new double[ p ], dp = new double[ p ];
		for ( int k = 0; k < p; k++ )
		{
			final double m = b[ k ] - ( k > 0 ? a[ k ] * cp[ k - 1 ] : 0 );
			cp[ k ] = c[ k ] / m;
			dp[ k ] = ( r[ k ] - ( k > 0 ? a[ k ] * dp[ k - 1 ] : 0 ) ) / m;
		}
		for ( int k = p - 1; k >= 0; k-- )
			f[ k ][ i ] = dp[ k ] - ( k + 1 < p ? cp[ k ] * f[ k + 1 ][ i ] : 0 );
	}

	/** The converged distribution with its solver statistics. */
	public static final class Solution
	{
		private final double[][] fL;

		private final CollisionIntegral.Linearization[] collisions;

		private final int newtonIterations;

		private final int krylovIterations;

		private final double residual;

		private final boolean roundingLimited;

		Solution( final double[][] fL, final CollisionIntegral.Linearization[] collisions, final int newtonIterations, final int krylovIterations, final double residual )
		{
			this( fL, collisions, newtonIterations, krylovIterations, residual, false );
		}

		Solution( final double[][] fL, final CollisionIntegral.Linearization[] collisions, final int newtonIterations, final int krylovIterations, final double residual, final boolean roundingLimited )
		{
			this.fL = fL;
			this.collisions = collisions;
			this.newtonIterations = newtonIterations;
			this.krylovIterations = krylovIterations;
			this.residual = residual;
			this.roundingLimited = roundingLimited;
		}

		/**
		 * Converged as far as double precision allows: residual ≤ {@link #TOLERANCE}, or Newton stopped at the
		 * residual's rounding level above it (then {@code residual()} says where).
		 */
		public boolean atFullAccuracy()
		{
			return residual <= TOLERANCE || roundingLimited;
		}

		/** f_L[k][i] at node x_k (k = 0 … M−2; the reservoir node is not stored). */
		public double[][] fL()
		{
			return fL;
		}

		/** f_L(ε_i, x = 0). */
		public double[] atInjector()
		{
			return fL[ 0 ].clone();
		}

		/** The collision integral linearized at the solution, per node (null in the elastic case). */
		CollisionIntegral.Linearization[] collisions()
		{
			if ( released )
				throw new IllegalStateException( "the collision rates of this solution were released" );
			return collisions;
		}

		private boolean released;

		/**
		 * Gives the linearizations' arrays back to this thread's pool (call from the solving thread, when only
		 * {@link #fL()} is still needed). Why: each holds ~12 N doubles per node (15 MB at δε = 1/200), and a
		 * sweep that kept every superseded or finished solution's rates spent a tenth of its time allocating
		 * and collecting them.
		 */
		void releaseCollisions()
		{
			if ( released || collisions == null )
				return;
			released = true;
			for ( final CollisionIntegral.Linearization c : collisions )
				if ( c != null )
					c.release();
		}

		public int newtonIterations()
		{
			return newtonIterations;
		}

		public int krylovIterations()
		{
			return krylovIterations;
		}

		/** Max-norm of the preconditioned residual at exit (units of f_L). */
		public double residual()
		{
			return residual;
		}
	}

	/**
	 * Solves the kinetic equation for one Δ (through {@code g}, on this solver's energy grid) and bias.
	 *
	 * @param initial starting f_L[k][i] (warm start; null: the elastic solution)
	 * @param where names the bias point in error messages
	 */
	public Solution solve( final SpectralGrid g, final double v, final double tInj, final double tBath, final double[][] initial, final String where )
	{
		return solve( g, v, tInj, tBath, initial, TOLERANCE, where );
	}

	/** As above, to a looser tolerance (≥ {@link #TOLERANCE}) for early self-consistency iterations. */
	public Solution solve( final SpectralGrid g, final double v, final double tInj, final double tBath, final double[][] initial, final double tolerance, final String where )
	{
		return solve( g, v, tInj, tBath, initial, tolerance, MAX_NEWTON, where );
	}

	/**
	 * As above with at most {@code maxSteps} Newton steps; fewer than the internal limit means "a partial solve is
	 * fine" (the caller checks {@link Solution#residual()}), used to interleave Newton steps with updates of Δ.
	 */
	public Solution solve( final SpectralGrid g, final double v, final double tInj, final double tBath, final double[][] initial, final double tolerance, final int maxSteps, final String where )
	{
		if ( g.size() != eps.length )
			throw new IllegalArgumentException( "spectral grid does not match the energy grid" );
		final double[][] start = initial != null ? copy( initial ) : elastic( g, v, tInj, tBath );
		if ( symmetric )
			for ( final double[] row : start )
				makeOdd( row, 0 );
		if ( gammaEe == 0 && initial == null )
			return new Solution( start, null, 0, 0, 0 );
		if ( maxSteps < 1 )
			throw new IllegalArgumentException( "maxSteps must be >= 1" );
		return new Newton( g, v, tInj, tBath, where ).run( start, Math.max( TOLERANCE, tolerance ), Math.min( MAX_NEWTON, maxSteps ) );
	}

	/**
	 * Replaces x[off … off+N) by its odd part. The kinetic problem is particle-hole symmetric (N, D_L even, n0 and
	 * f_L^N odd), so this only removes rounding; it makes the collision integral's odd shortcut exact.
	 */
	private void makeOdd( final double[] x, final int off )
	{
		final int n = eps.length;
		for ( int i = 0; i < n / 2; i++ )
		{
			final double a = 0.5 * ( x[ off + i ] - x[ off + n - 1 - i ] );
			x[ off + i ] = a;
			x[ off + n - 1 - i ] = -a;
		}
		if ( n % 2 == 1 )
			x[ off + n / 2 ] = 0;
	}

	private static double[][] copy( final double[][] a )
	{
		final double[][] c = new double[ a.length ][];
		for ( int k = 0; k < a.length; k++ )
			c[ k ] = a[ k ].clone();
		return c;
	}

	/** One Newton-Krylov solve: the problem data and the per-iteration linearization. */
	private final class Newton
	{
		private final int n = eps.length;

		private final int p = x.length - 1;

		private final double[] dl = new double[ n ];

		private final double[] tunnel = new double[ n ];

		private final double[] source = new double[ n ];

		private final double[] bath = new double[ n ];

		/** κ_D N and the detector's f_L^N per energy (unused without a detector). */
		private final double[] detTunnel = new double[ n ], detSource = new double[ n ];

		/** Off-diagonal couplings of the preconditioner: D_L/h, less the detector's cross term between its two nodes. */
		private final double[][] coupling;

		private final CollisionIntegral collision;

		private final String where;

		/** Preconditioner diagonal (negative) per [k][i], refreshed at each linearization. */
		private final double[][] diag;

		private CollisionIntegral.Linearization[] lin;

		/**
		 * Linearizations of the previous evaluation, refilled by the next one (why: each holds ~6 spectra of L/2
		 * doubles per node, and allocating them per residual made garbage collection a fifth of the time).
		 */
		private CollisionIntegral.Linearization[] spare;

		/** D_L(ε_i)/h_k per [k][i], the off-diagonals of the preconditioner (why: divisions dominated its loops). */
		private final double[][] conductance;

		/** Work vectors of p·n doubles (norms, JVP) and of n (one node's direction and collision product). */
		private final double[] flat, flatZ, nodeIn, nodeOut;

		/** Thomas factors of the preconditioner, refreshed with the diagonal. */
		private final double[][] invPivot;

		private final double[][] upperFactor;

		Newton( final SpectralGrid g, final double v, final double tInj, final double tBath, final String where )
		{
			final double[] dos = new double[ n ];
			final double[] m = new double[ n ];
			for ( int i = 0; i < n; i++ )
			{
				dl[ i ] = g.dL( i );
				dos[ i ] = g.n( i );
				m[ i ] = g.m( i );
				tunnel[ i ] = kappa * dos[ i ];
				source[ i ] = injector( eps[ i ], v, tInj );
				bath[ i ] = n0( eps[ i ], tBath );
				if ( detNode >= 0 )
				{
					detTunnel[ i ] = detKappa * dos[ i ];
					detSource[ i ] = detectorSource( eps[ i ] );
				}
			}
			collision = gammaEe > 0 ? new CollisionIntegral( dos, m, de, CollisionIntegral.kernel( gammaEe ), symmetric ) : null;
			this.where = where;
			// work arrays from the per-thread pool (every entry written before it is read), given back by run()
			diag = ArrayPool.take( p, n );
			invPivot = ArrayPool.take( p, n );
			upperFactor = ArrayPool.take( p, n );
			lin = new CollisionIntegral.Linearization[ p ];
			spare = new CollisionIntegral.Linearization[ p ];
			conductance = ArrayPool.take( p, n );
			for ( int k = 0; k < p; k++ )
				for ( int i = 0; i < n; i++ )
					conductance[ k ][ i ] = dl[ i ] / h[ k ];
			if ( detNode >= 0 && detNode + 1 < p )
			{
				coupling = ArrayPool.take( p, n );
				for ( int k = 0; k < p; k++ )
					System.arraycopy( conductance[ k ], 0, coupling[ k ], 0, n );
				for ( int i = 0; i < n; i++ )
					coupling[ detNode ][ i ] -= detTunnel[ i ] * detWeight * ( 1 - detWeight );
			}
			else
				coupling = conductance;
			flat = ArrayPool.take( p * n );
			flatZ = ArrayPool.take( p * n );
			nodeIn = ArrayPool.take( n );
			nodeOut = ArrayPool.take( n );
		}

		/** Residual at f into r; linearizes the collision integral at f (into lin, the previous lin becomes spare). */
		private void residual( final double[][] f, final double[][] r )
		{
			final CollisionIntegral.Linearization[] l = spare;
			for ( int k = 0; k < p; k++ )
			{
				CollisionIntegral.Linearization c = null;
				if ( collision != null )
				{
					l[ k ] = collision.linearize( f[ k ], l[ k ] );
					c = l[ k ];
				}
				// fluxes with the tabulated D_L/h (why: two divisions per entry were a tenth of the time)
				final double[] rk = r[ k ], fk = f[ k ], next = k + 1 < p ? f[ k + 1 ] : bath, right = conductance[ k ];
				final double cv = COLLISION_FACTOR * volume[ k ];
				for ( int i = 0; i < n; i++ )
				{
					final double left = k > 0 ? conductance[ k - 1 ][ i ] * ( fk[ i ] - f[ k - 1 ][ i ] ) : tunnel[ i ] * ( fk[ i ] - source[ i ] );
					rk[ i ] = right[ i ] * ( next[ i ] - fk[ i ] ) - left - ( c != null ? cv * c.value( i ) : 0 );
				}
			}
			if ( detNode >= 0 )
			{
				final double w = detWeight;
				final double[] a = f[ detNode ], b = detNode + 1 < p ? f[ detNode + 1 ] : bath;
				for ( int i = 0; i < n; i++ )
				{
					final double j = detTunnel[ i ] * ( ( 1 - w ) * a[ i ] + w * b[ i ] - detSource[ i ] );
					r[ detNode ][ i ] -= ( 1 - w ) * j;
					if ( detNode + 1 < p )
						r[ detNode + 1 ][ i ] -= w * j;
				}
			}
			spare = lin;
			lin = l;
		}

		private void refreshDiagonal()
		{
			for ( int k = 0; k < p; k++ )
				for ( int i = 0; i < n; i++ )
				{
					double d = -conductance[ k ][ i ] - ( k > 0 ? conductance[ k - 1 ][ i ] : tunnel[ i ] );
					if ( lin[ k ] != null )
						d -= COLLISION_FACTOR * volume[ k ] * Math.max( 0, lin[ k ].diagonal( i ) );
					if ( k == detNode )
						d -= detTunnel[ i ] * ( 1 - detWeight ) * ( 1 - detWeight );
					else if ( detNode >= 0 && k == detNode + 1 )
						d -= detTunnel[ i ] * detWeight * detWeight;
					diag[ k ][ i ] = d;
				}
			// Thomas factorization per energy (diagonally dominant: no pivoting): pivot_k = b_k − a_k c_{k−1},
			// c_k = upper_k / pivot_k
			for ( int k = 0; k < p; k++ )
				for ( int i = 0; i < n; i++ )
				{
					final double a = k > 0 ? coupling[ k - 1 ][ i ] : 0;
					final double pivot = diag[ k ][ i ] - ( k > 0 ? a * upperFactor[ k - 1 ][ i ] : 0 );
					invPivot[ k ][ i ] = 1 / pivot;
					upperFactor[ k ][ i ] = k + 1 < p ? coupling[ k ][ i ] / pivot : 0;
				}
		}

		/**
		 * Max-norm and 2-norm of the preconditioned residual T⁻¹R: the correction an elastic (relaxation-time) solve
		 * would make, in units of f_L — so sub-gap rows (D_L ≈ 4e-5) weigh as much as the others.
		 */
		private double[] norms( final double[][] r )
		{
			for ( int k = 0; k < p; k++ )
				System.arraycopy( r[ k ], 0, flat, k * n, n );
			final double[] z = flatZ;
			precondition( flat, z );
			double max = 0, sq = 0;
			for ( final double v : z )
			{
				max = Math.max( max, Math.abs( v ) );
				sq += v * v;
			}
			if ( !Double.isFinite( sq ) )
				throw new BadInputException( "energy-mode solver: residual is not finite at " + where );
			return new double[] { max, Math.sqrt( sq ) };
		}

		/** J·v (unscaled), v and out flattened k·n + i. */
		private void jacobian( final double[] v, final double[] out )
		{
			for ( int k = 0; k < p; k++ )
			{
				double[] jc = null;
				if ( lin[ k ] != null )
				{
					System.arraycopy( v, k * n, nodeIn, 0, n );
					lin[ k ].jacobianTimes( nodeIn, nodeOut );
					jc = nodeOut;
				}
				final double[] right = conductance[ k ];
				final double cv = COLLISION_FACTOR * volume[ k ];
				for ( int i = 0; i < n; i++ )
				{
					final double vc = v[ k * n + i ];
					final double vr = k + 1 < p ? v[ ( k + 1 ) * n + i ] : 0;
					final double left = k > 0 ? conductance[ k - 1 ][ i ] * ( vc - v[ ( k - 1 ) * n + i ] ) : tunnel[ i ] * vc;
					out[ k * n + i ] = right[ i ] * ( vr - vc ) - left - ( jc != null ? cv * jc[ i ] : 0 );
				}
			}
			if ( detNode >= 0 )
			{
				final double w = detWeight;
				final int a = detNode * n, b = ( detNode + 1 ) * n;
				final boolean inside = detNode + 1 < p;
				for ( int i = 0; i < n; i++ )
				{
					final double j = detTunnel[ i ] * ( ( 1 - w ) * v[ a + i ] + ( inside ? w * v[ b + i ] : 0 ) );
					out[ a + i ] -= ( 1 - w ) * j;
					if ( inside )
						out[ b + i ] -= w * j;
				}
			}
		}

		/** z = T⁻¹ r per energy (tridiagonal in x, Thomas algorithm; diagonally dominant, no pivoting needed). */
		private void precondition( final double[] r, final double[] z )
		{
			// forward and back substitution with the factors of refreshDiagonal(), all energies of one node at a
			// time (contiguous in memory)
			for ( int k = 0; k < p; k++ )
			{
				final double[] inv = invPivot[ k ];
				final int row = k * n;
				if ( k == 0 )
					for ( int i = 0; i < n; i++ )
						z[ i ] = r[ i ] * inv[ i ];
				else
				{
					final double[] lower = coupling[ k - 1 ];
					final int prev = row - n;
					for ( int i = 0; i < n; i++ )
						z[ row + i ] = ( r[ row + i ] - lower[ i ] * z[ prev + i ] ) * inv[ i ];
				}
			}
			for ( int k = p - 2; k >= 0; k-- )
			{
				final double[] c = upperFactor[ k ];
				final int row = k * n;
				for ( int i = 0; i < n; i++ )
					z[ row + i ] -= c[ i ] * z[ row + n + i ];
			}
		}

		Solution run( final double[][] start, final double tolerance, final int maxSteps )
		{
			double[][] f = start;
			double[][] r = ArrayPool.take( p, n );
			residual( f, r );
			refreshDiagonal();
			double[] norm = norms( r );
			int newton = 0;
			int krylov = 0;
			final int size = p * n;
			final double[] rhs = ArrayPool.take( size );
			final double[] z = ArrayPool.take( size );
			final double[] tmp = ArrayPool.take( size );
			final double[] oddIn = ArrayPool.take( size );
			// the rejected or previous iterate and residual are refilled (the returned f is never reused)
			double[][] trial = ArrayPool.take( p, n );
			double[][] rt = ArrayPool.take( p, n );
			boolean roundingLimited = false;
			while ( norm[ 0 ] > tolerance )
			{
				if ( newton >= maxSteps && maxSteps < MAX_NEWTON )
					break;
				if ( newton >= MAX_NEWTON )
					throw new BadInputException( "energy-mode solver did not converge at " + where + ": scaled residual " + norm[ 0 ] + " after " + newton + " Newton steps" );
				newton++;
				// left-preconditioned system T⁻¹ J δ = −T⁻¹ R (identity for γ_ee = 0)
				for ( int k = 0; k < p; k++ )
					System.arraycopy( r[ k ], 0, tmp, k * n, n );
				precondition( tmp, rhs );
				for ( int j = 0; j < size; j++ )
					rhs[ j ] = -rhs[ j ];
				// inexact Newton: forcing term ~ residual (quadratic convergence), no finer than the target needs
				final double eta = Math.min( 1e-2, Math.max( Math.max( 1e-6, 0.1 * tolerance / norm[ 0 ] ), norm[ 1 ] ) );
				if ( symmetric )
					for ( int k = 0; k < p; k++ )
						makeOdd( rhs, k * n );
				final int used = Gmres.solve( ( in, out ) -> {
					if ( symmetric )
					{
						// Krylov vectors stay odd up to rounding; project so the odd shortcut is exact
						System.arraycopy( in, 0, oddIn, 0, size );
						for ( int k = 0; k < p; k++ )
							makeOdd( oddIn, k * n );
						jacobian( oddIn, tmp );
					}
					else
						jacobian( in, tmp );
					precondition( tmp, out );
				}, rhs, z, eta, RESTART, MAX_KRYLOV );
				krylov += Math.abs( used );
				// backtracking line search on the scaled 2-norm
				double alpha = 1;
				double[] nt;
				int halvings = 0;
				while ( true )
				{
					for ( int k = 0; k < p; k++ )
						for ( int i = 0; i < n; i++ )
							trial[ k ][ i ] = f[ k ][ i ] + alpha * z[ k * n + i ];
					if ( symmetric )
						for ( final double[] row : trial )
							makeOdd( row, 0 );
					residual( trial, rt );
					nt = norms( rt );
					if ( nt[ 1 ] <= ( 1 - 1e-4 * alpha ) * norm[ 1 ] || halvings >= 10 )
						break;
					alpha *= 0.5;
					halvings++;
				}
				if ( halvings >= 10 && nt[ 1 ] > norm[ 1 ] )
				{
					// No step along Newton's direction lowers the residual. Near the tolerance that is rounding: accept
					// f when its residual is within ROUNDING_MARGIN × what moving f by 4 ulps changes it by.
					final double floor = roundingFloor( f, r, trial, rt, this::residual, this::norms );
					if ( norm[ 0 ] <= ROUNDING_MARGIN * floor )
					{
						roundingLimited = true;
						break;
					}
					throw new BadInputException( "energy-mode solver stalled at " + where + ": no step along the Newton direction lowers the scaled residual " + norm[ 0 ] + " (tolerance " + tolerance
							+ ", rounding level " + floor + ") after " + newton + " Newton steps" );
				}
				final double[][] fOld = f, rOld = r;
				f = trial;
				r = rt;
				trial = fOld;
				rt = rOld;
				refreshDiagonal();
				norm = norms( r );
			}
			// give the work arrays back; the returned linearizations keep their rates, not their spectra
			for ( final double[] a : new double[][] { rhs, z, tmp, oddIn, flat, flatZ, nodeIn, nodeOut } )
				ArrayPool.give( a );
			for ( final double[][] a : new double[][][] { r, rt, trial, diag, invPivot, upperFactor, conductance } )
				ArrayPool.give( a );
			if ( coupling != conductance )
				ArrayPool.give( coupling );
			for ( int k = 0; k < p; k++ )
			{
				if ( spare[ k ] != null )
					spare[ k ].release();
				if ( lin[ k ] != null )
					lin[ k ].releaseSpectra();
			}
			return new Solution( f, lin, newton, krylov, norm[ 0 ], roundingLimited );
		}
	}
}
