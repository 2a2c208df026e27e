package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/**
 * The stationary energy mode with position-dependent spectral coefficients (issue 17, docs/physics.md §11 with Δ = Δ(x)):
 * <pre>
 *   ∂x (D_L(ε, x) ∂x f_L) = c · I_coll[f_L; N(·, x), M(·, x)](ε, x),
 *   D_L(ε, 0) ∂x f_L(0⁺) = κ_I N(ε, 0) [f_L(0) − f_L^N(ε; V)],   f_L(ℓ) = n0(ε; t_bath),
 * </pre>
 * in conservative form, on the x grid and energy grid of {@link EnergyModeSolver} (same nodes, cells and volumes, so
 * a uniform profile is the same discrete problem). Each node k has its own spectral functions (N, M = Im F, D_L at
 * the local Δ_k, or from the spatial Usadel solution), its own collision integral (the coherence factors of that
 * node) and the face conductance (D_L,k + D_L,k+1)/(2 h_k) (arithmetic mean: exact for a uniform profile, second
 * order for a smooth one; a harmonic mean would let one sub-gap node, D_L ≈ 1e-5, block a face whose other end
 * conducts).
 * <p>
 * Newton-Krylov as in {@link EnergyModeSolver}: left-preconditioned restarted GMRES with the per-energy tridiagonal
 * operator (diffusion, tunnel, relaxation-time part of the collision Jacobian), matrix-free collision Jacobian by
 * the FFTs of {@link CollisionIntegral}, backtracking on the preconditioned 2-norm, converged when the max-norm of
 * T⁻¹R (units of f_L) is below the tolerance. With one spectral grid on every node the arithmetic is that of
 * {@link EnergyModeSolver} operation for operation (the tests check the results agree to the last bits). Why a
 * class of its own rather than a switch in {@link EnergyModeSolver}: that class is the uniform model's hot path and
 * is being extended in parallel; this one can replace its Newton core once both have settled.
 * </p>
 * Particle-hole symmetry holds at every node (N even, M odd), so f_L is kept exactly odd as there.
 */
public final class LocalGapKinetics
{
	private static final int MAX_NEWTON = 30;

	private static final int RESTART = 40;

	private static final int MAX_KRYLOV = 400;

	private final EnergyModeSolver grid;

	private final double[] eps;

	private final double de;

	private final double kappa;

	private final double gammaEe;

	private final double[] x;

	private final double[] h;

	private final double[] volume;

	private final boolean symmetric;

	/** Same arguments and grids as {@link EnergyModeSolver#EnergyModeSolver}. */
	public LocalGapKinetics( final double[] eps, final double kappa, final double halfLength, final int points, final double gammaEe )
	{
		this.grid = new EnergyModeSolver( eps, kappa, halfLength, points, gammaEe );
		this.eps = grid.energies();
		this.de = this.eps[ 1 ] - this.eps[ 0 ];
		boolean sym = true;
		for ( int i = 0; i < this.eps.length; i++ )
			sym &= this.eps[ this.eps.length - 1 - i ] == -this.eps[ i ];
		this.symmetric = sym;
		this.kappa = kappa;
		this.gammaEe = gammaEe;
		this.x = grid.positions();
		this.h = grid.cellSteps();
		this.volume = grid.cellVolumes();
	}

	/** The x grid, energies and cells of the uniform solver this one shares them with. */
	public EnergyModeSolver grid()
	{
		return grid;
	}

	/** Nodes in x, reservoir included. */
	public int points()
	{
		return x.length;
	}

	public double[] positions()
	{
		return x.clone();
	}

	public double[] energies()
	{
		return eps.clone();
	}

	public double kappa()
	{
		return kappa;
	}

	public double gammaEe()
	{
		return gammaEe;
	}

	double[] cellSteps()
	{
		return h.clone();
	}

	double[] cellVolumes()
	{
		return volume.clone();
	}

	private void check( final SpectralGrid[] g )
	{
		if ( g.length != x.length )
			throw new IllegalArgumentException( "need spectral functions at all " + x.length + " nodes, got " + g.length );
		for ( final SpectralGrid s : g )
			if ( s.size() != eps.length )
				throw new IllegalArgumentException( "spectral grid does not match the energy grid" );
	}

	/**
	 * The elastic solution (γ_ee = 0): per energy the tridiagonal system of the diffusion and tunnel terms, solved by
	 * the Thomas algorithm (no division by D_L alone: every pivot contains the tunnel conductance). f_L[k][i] at the
	 * M−1 unknown nodes.
	 */
	public double[][] elastic( final SpectralGrid[] g, final double v, final double tInj, final double tBath )
	{
		check( g );
		final int n = eps.length, p = x.length - 1;
		final double[][] f = new double[ p ][ n ];
		final double[] c = new double[ p ], d = new double[ p ];
		for ( int i = 0; i < n; i++ )
		{
			double prevC = 0, prevD = 0;
			for ( int k = 0; k < p; k++ )
			{
				final double upper = 0.5 * ( g[ k ].dL( i ) + g[ k + 1 ].dL( i ) ) / h[ k ];
				final double lower = k > 0 ? 0.5 * ( g[ k - 1 ].dL( i ) + g[ k ].dL( i ) ) / h[ k - 1 ] : 0;
				final double tunnel = k == 0 ? kappa * g[ 0 ].n( i ) : 0;
				final double diag = -upper - lower - tunnel;
				double rhs = k == 0 ? -tunnel * EnergyModeSolver.injector( eps[ i ], v, tInj ) : 0;
				if ( k == p - 1 )
					rhs -= upper * EnergyModeSolver.n0( eps[ i ], tBath );
				final double inv = 1 / ( diag - lower * prevC );
				c[ k ] = ( k + 1 < p ? upper : 0 ) * inv;
				d[ k ] = ( rhs - lower * prevD ) * inv;
				prevC = c[ k ];
				prevD = d[ k ];
			}
			double next = 0;
			for ( int k = p - 1; k >= 0; k-- )
			{
				next = d[ k ] - c[ k ] * next;
				f[ k ][ i ] = next;
			}
		}
		if ( symmetric )
			for ( final double[] row : f )
				makeOdd( row, 0 );
		return f;
	}

	/**
	 * Solves the kinetic equation for spectral functions {@code g[k]} at every node (reservoir included) and bias v,
	 * to {@code tolerance} (≥ {@link EnergyModeSolver#TOLERANCE}) with at most {@code maxSteps} Newton steps (fewer
	 * than the internal limit: a partial solve is fine, the caller checks the residual).
	 *
	 * @param initial starting f_L[k][i] (null: the elastic solution)
	 */
	public EnergyModeSolver.Solution solve( final SpectralGrid[] g, final double v, final double tInj, final double tBath, final double[][] initial, final double tolerance, final int maxSteps,
			final String where )
	{
		check( g );
		final double[][] start = initial != null ? copy( initial ) : elastic( g, v, tInj, tBath );
		if ( symmetric )
			for ( final double[] row : start )
				makeOdd( row, 0 );
		if ( gammaEe == 0 && initial == null )
			return new EnergyModeSolver.Solution( start, null, 0, 0, 0 );
		if ( maxSteps < 1 )
			throw new IllegalArgumentException( "maxSteps must be >= 1" );
		return new Newton( g, v, tInj, tBath, where ).run( start, Math.max( EnergyModeSolver.TOLERANCE, tolerance ), Math.min( MAX_NEWTON, maxSteps ) );
	}

	/** To {@link EnergyModeSolver#TOLERANCE}. */
	public EnergyModeSolver.Solution solve( final SpectralGrid[] g, final double v, final double tInj, final double tBath, final double[][] initial, final String where )
	{
		return solve( g, v, tInj, tBath, initial, EnergyModeSolver.TOLERANCE, MAX_NEWTON, where );
	}

	/**
	 * The discrete residual R_{k,i} = flux_{k+½} − flux_{k−½} − c V_k I_i(f_k) at f (no solve): zero at a solution.
	 * For conservation and detailed-balance checks.
	 */
	public double[][] residual( final SpectralGrid[] g, final double v, final double tInj, final double tBath, final double[][] f )
	{
		check( g );
		final Newton nw = new Newton( g, v, tInj, tBath, "residual" );
		final double[][] r = new double[ x.length - 1 ][ eps.length ];
		nw.residual( f, r );
		nw.release();
		return r;
	}

	/**
	 * Spectral energy-mode current J_L(ε_i) = D_L ∂x f_L through each face k+½ (k = 0 … M−2, the last face ends at
	 * the reservoir), as the discretization defines it, plus the tunnel current κ N(0)(f_L^N − f_L(0)) entering at
	 * x = 0 as row 0 … returned as {tunnel, face 0, face 1, …}: M rows of N energies.
	 */
	public double[][] currents( final SpectralGrid[] g, final double v, final double tInj, final double tBath, final double[][] f )
	{
		check( g );
		final int n = eps.length, p = x.length - 1;
		final double[][] j = new double[ p + 1 ][ n ];
		for ( int i = 0; i < n; i++ )
		{
			j[ 0 ][ i ] = kappa * g[ 0 ].n( i ) * ( EnergyModeSolver.injector( eps[ i ], v, tInj ) - f[ 0 ][ i ] );
			for ( int k = 0; k < p; k++ )
			{
				final double next = k + 1 < p ? f[ k + 1 ][ i ] : EnergyModeSolver.n0( eps[ i ], tBath );
				// the current flows from the injector to the reservoir: −D ∂x f
				j[ k + 1 ][ i ] = -0.5 * ( g[ k ].dL( i ) + g[ k + 1 ].dL( i ) ) / h[ k ] * ( next - f[ k ][ i ] );
			}
		}
		return j;
	}

	/** Replaces x[off … off+N) by its odd part (see {@link EnergyModeSolver}). */
	private void makeOdd( final double[] v, final int off )
	{
		final int n = eps.length;
		for ( int i = 0; i < n / 2; i++ )
		{
			final double a = 0.5 * ( v[ off + i ] - v[ off + n - 1 - i ] );
			v[ off + i ] = a;
			v[ off + n - 1 - i ] = -a;
		}
		if ( n % 2 == 1 )
			v[ off + n / 2 ] = 0;
	}

	private static double[][] copy( final double[][] a )
	{
		final double[][] c = new double[ a.length ][];
		for ( int k = 0; k < a.length; k++ )
			c[ k ] = a[ k ].clone();
		return c;
	}

	/** One Newton-Krylov solve with per-node coefficients (the structure of {@link EnergyModeSolver}'s). */
	private final class Newton
	{
		private final int n = eps.length;

		private final int p = x.length - 1;

		private final double[] tunnel = new double[ n ];

		private final double[] source = new double[ n ];

		private final double[] bath = new double[ n ];

		/** One collision integral per unknown node (its own coherence factors); null when γ_ee = 0. */
		private final CollisionIntegral[] collision;

		private final String where;

		private final double[][] diag;

		private CollisionIntegral.Linearization[] lin;

		private CollisionIntegral.Linearization[] spare;

		/** Face conductances (D_L,k + D_L,k+1)/(2 h_k) per [k][i]. */
		private final double[][] conductance;

		private final double[] flat, flatZ, nodeIn, nodeOut;

		private final double[][] invPivot;

		private final double[][] upperFactor;

		Newton( final SpectralGrid[] g, final double v, final double tInj, final double tBath, final String where )
		{
			for ( int i = 0; i < n; i++ )
			{
				tunnel[ i ] = kappa * g[ 0 ].n( i );
				source[ i ] = EnergyModeSolver.injector( eps[ i ], v, tInj );
				bath[ i ] = EnergyModeSolver.n0( eps[ i ], tBath );
			}
			collision = new CollisionIntegral[ p ];
			if ( gammaEe > 0 )
			{
				final double kernel = CollisionIntegral.kernel( gammaEe );
				for ( int k = 0; k < p; k++ )
				{
					// nodes sharing one spectral grid share its collision integral's spectra (not its scratch: one
					// instance is used by one node at a time, sequentially)
					if ( k > 0 && g[ k ] == g[ k - 1 ] )
					{
						collision[ k ] = collision[ k - 1 ];
						continue;
					}
					final double[] dos = new double[ n ], m = new double[ n ];
					for ( int i = 0; i < n; i++ )
					{
						dos[ i ] = g[ k ].n( i );
						m[ i ] = g[ k ].m( i );
					}
					collision[ k ] = new CollisionIntegral( dos, m, de, kernel, symmetric );
				}
			}
			this.where = where;
			diag = ArrayPool.take( p, n );
			invPivot = ArrayPool.take( p, n );
			upperFactor = ArrayPool.take( p, n );
			lin = new CollisionIntegral.Linearization[ p ];
			spare = new CollisionIntegral.Linearization[ p ];
			conductance = ArrayPool.take( p, n );
			for ( int k = 0; k < p; k++ )
				for ( int i = 0; i < n; i++ )
					conductance[ k ][ i ] = 0.5 * ( g[ k ].dL( i ) + g[ k + 1 ].dL( i ) ) / h[ k ];
			flat = ArrayPool.take( p * n );
			flatZ = ArrayPool.take( p * n );
			nodeIn = ArrayPool.take( n );
			nodeOut = ArrayPool.take( n );
		}

		private void residual( final double[][] f, final double[][] r )
		{
			final CollisionIntegral.Linearization[] l = spare;
			for ( int k = 0; k < p; k++ )
			{
				CollisionIntegral.Linearization c = null;
				if ( collision[ k ] != null )
				{
					l[ k ] = collision[ k ].linearize( f[ k ], l[ k ] );
					c = l[ k ];
				}
				final double[] rk = r[ k ], fk = f[ k ], next = k + 1 < p ? f[ k + 1 ] : bath, right = conductance[ k ];
				final double cv = EnergyModeSolver.COLLISION_FACTOR * volume[ k ];
				for ( int i = 0; i < n; i++ )
				{
					final double left = k > 0 ? conductance[ k - 1 ][ i ] * ( fk[ i ] - f[ k - 1 ][ i ] ) : tunnel[ i ] * ( fk[ i ] - source[ i ] );
					rk[ i ] = right[ i ] * ( next[ i ] - fk[ i ] ) - left - ( c != null ? cv * c.value( i ) : 0 );
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
						d -= EnergyModeSolver.COLLISION_FACTOR * volume[ k ] * Math.max( 0, lin[ k ].diagonal( i ) );
					diag[ k ][ i ] = d;
				}
			for ( int k = 0; k < p; k++ )
				for ( int i = 0; i < n; i++ )
				{
					final double a = k > 0 ? conductance[ k - 1 ][ i ] : 0;
					final double pivot = diag[ k ][ i ] - ( k > 0 ? a * upperFactor[ k - 1 ][ i ] : 0 );
					invPivot[ k ][ i ] = 1 / pivot;
					upperFactor[ k ][ i ] = k + 1 < p ? conductance[ k ][ i ] / pivot : 0;
				}
		}

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
				throw new BadInputException( "local-gap kinetic solver: residual is not finite at " + where );
			return new double[] { max, Math.sqrt( sq ) };
		}

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
				final double cv = EnergyModeSolver.COLLISION_FACTOR * volume[ k ];
				for ( int i = 0; i < n; i++ )
				{
					final double vc = v[ k * n + i ];
					final double vr = k + 1 < p ? v[ ( k + 1 ) * n + i ] : 0;
					final double left = k > 0 ? conductance[ k - 1 ][ i ] * ( vc - v[ ( k - 1 ) * n + i ] ) : tunnel[ i ] * vc;
					out[ k * n + i ] = right[ i ] * ( vr - vc ) - left - ( jc != null ? cv * jc[ i ] : 0 );
				}
			}
		}

		private void precondition( final double[] r, final double[] z )
		{
			for ( int k = 0; k < p; k++ )
			{
				final double[] inv = invPivot[ k ];
				final int row = k * n;
				if ( k == 0 )
					for ( int i = 0; i < n; i++ )
						z[ i ] = r[ i ] * inv[ i ];
				else
				{
					final double[] lower = conductance[ k - 1 ];
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

		/** Gives the work arrays and linearizations back (after {@link #residual} alone). */
		void release()
		{
			for ( final double[] a : new double[][] { flat, flatZ, nodeIn, nodeOut } )
				ArrayPool.give( a );
			for ( final double[][] a : new double[][][] { diag, invPivot, upperFactor, conductance } )
				ArrayPool.give( a );
			for ( int k = 0; k < p; k++ )
			{
				if ( spare[ k ] != null )
					spare[ k ].release();
				if ( lin[ k ] != null )
					lin[ k ].release();
			}
		}

		EnergyModeSolver.Solution run( final double[][] start, final double tolerance, final int maxSteps )
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
			double[][] trial = ArrayPool.take( p, n );
			double[][] rt = ArrayPool.take( p, n );
			boolean roundingLimited = false;
			while ( norm[ 0 ] > tolerance )
			{
				if ( newton >= maxSteps && maxSteps < MAX_NEWTON )
					break;
				if ( newton >= MAX_NEWTON )
					throw new BadInputException( "local-gap kinetic solver did not converge at " + where + ": scaled residual " + norm[ 0 ] + " after " + newton + " Newton steps" );
				newton++;
				for ( int k = 0; k < p; k++ )
					System.arraycopy( r[ k ], 0, tmp, k * n, n );
				precondition( tmp, rhs );
				for ( int j = 0; j < size; j++ )
					rhs[ j ] = -rhs[ j ];
				final double eta = Math.min( 1e-2, Math.max( Math.max( 1e-6, 0.1 * tolerance / norm[ 0 ] ), norm[ 1 ] ) );
				if ( symmetric )
					for ( int k = 0; k < p; k++ )
						makeOdd( rhs, k * n );
				final int used = Gmres.solve( ( in, out ) -> {
					if ( symmetric )
					{
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
					// as in EnergyModeSolver: no step along Newton's direction lowers the residual; near the tolerance
					// that is rounding, accepted when within ROUNDING_MARGIN × what moving f by 4 ulps changes it by
					final double floor = EnergyModeSolver.roundingFloor( f, r, trial, rt, this::residual, this::norms );
					if ( norm[ 0 ] <= EnergyModeSolver.ROUNDING_MARGIN * floor )
					{
						roundingLimited = true;
						break;
					}
					throw new BadInputException( "local-gap kinetic solver stalled at " + where + ": no step along the Newton direction lowers the scaled residual " + norm[ 0 ] + " (tolerance "
							+ tolerance + ", rounding level " + floor + ") after " + newton + " Newton steps" );
				}
				final double[][] fOld = f, rOld = r;
				f = trial;
				r = rt;
				trial = fOld;
				rt = rOld;
				refreshDiagonal();
				norm = norms( r );
			}
			for ( final double[] a : new double[][] { rhs, z, tmp, oddIn, flat, flatZ, nodeIn, nodeOut } )
				ArrayPool.give( a );
			for ( final double[][] a : new double[][][] { r, rt, trial, diag, invPivot, upperFactor, conductance } )
				ArrayPool.give( a );
			for ( int k = 0; k < p; k++ )
			{
				if ( spare[ k ] != null && spare[ k ] != lin[ k ] )
					spare[ k ].release();
				if ( lin[ k ] != null )
					lin[ k ].releaseSpectra();
			}
			return new EnergyModeSolver.Solution( f, lin, newton, krylov, norm[ 0 ], roundingLimited );
		}
	}
}
