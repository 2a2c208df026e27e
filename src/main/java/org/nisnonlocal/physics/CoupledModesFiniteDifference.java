package org.nisnonlocal.physics;

/**
 * Finite-volume solution in x of the same per-energy problem as {@link CoupledModesSolver}, kept as an independent
 * check of the exponential solution (tests only). Lengths in ξ.
 * <p>
 * Uniform grid x_i = −ℓ + i h, i = 0 … 2M, h = ℓ/M, injector at node M. Fluxes at the half points,
 * J_L = D_L (u_{i+1} − u_i)/h + c (v_i + v_{i+1})/2 and J_T = D_T (v_{i+1} − v_i)/h + c (u_i + u_{i+1})/2;
 * per control volume J(i+½) − J(i−½) = 0 (L) and h R_T v_i (T), plus κ_I N (f_i − f^N) at the injector node;
 * u = v = 0 at the reservoirs. Second order in h. The 2(2M − 1) unknowns (u_i, v_i interleaved) form a banded
 * system solved by Gaussian elimination with partial pivoting (no division by D_L).
 * </p>
 */
final class CoupledModesFiniteDifference
{
	private final double h;

	private final int m;

	/** Solution at the nodes: u[i], v[i] for i = 0 … 2M. */
	private final double[] u, v;

	CoupledModesFiniteDifference( final double n, final double dL, final double dT, final double rT, final double c, final double kappa, final double fullLength, final int halfCells, final double sourceL, final double sourceT )
	{
		this.m = halfCells;
		this.h = fullLength / 2 / halfCells;
		final int nodes = 2 * halfCells - 1; // interior nodes 1 … 2M−1
		final int size = 2 * nodes;
		final Banded a = new Banded( size, 3, 3 );
		final double[] rhs = new double[ size ];
		// coefficients of one flux J(i+½) on (u_i, v_i, u_{i+1}, v_{i+1})
		final double[] fluxL = { -dL / h, c / 2, dL / h, c / 2 };
		final double[] fluxT = { c / 2, -dT / h, c / 2, dT / h };
		for ( int i = 1; i <= 2 * halfCells - 1; i++ )
		{
			final int rowL = 2 * ( i - 1 );
			final int rowT = rowL + 1;
			// + J(i+½) − J(i−½)
			addFlux( a, rowL, i, i + 1, fluxL, 1 );
			addFlux( a, rowL, i - 1, i, fluxL, -1 );
			addFlux( a, rowT, i, i + 1, fluxT, 1 );
			addFlux( a, rowT, i - 1, i, fluxT, -1 );
			a.add( rowT, rowT, -h * rT );
			if ( i == halfCells )
			{
				a.add( rowL, rowL, -kappa * n );
				a.add( rowT, rowT, -kappa * n );
				rhs[ rowL ] = -kappa * n * sourceL;
				rhs[ rowT ] = -kappa * n * sourceT;
			}
		}
		final double[] x = a.solve( rhs );
		u = new double[ 2 * halfCells + 1 ];
		v = new double[ 2 * halfCells + 1 ];
		for ( int i = 1; i <= 2 * halfCells - 1; i++ )
		{
			u[ i ] = x[ 2 * ( i - 1 ) ];
			v[ i ] = x[ 2 * ( i - 1 ) + 1 ];
		}
	}

	/** Adds sign · flux(left node, right node) to a row; reservoir nodes (0, 2M) are fixed at 0 and skipped. */
	private void addFlux( final Banded a, final int row, final int left, final int right, final double[] f, final double sign )
	{
		if ( left >= 1 && left <= 2 * m - 1 )
		{
			a.add( row, 2 * ( left - 1 ), sign * f[ 0 ] );
			a.add( row, 2 * ( left - 1 ) + 1, sign * f[ 1 ] );
		}
		if ( right >= 1 && right <= 2 * m - 1 )
		{
			a.add( row, 2 * ( right - 1 ), sign * f[ 2 ] );
			a.add( row, 2 * ( right - 1 ) + 1, sign * f[ 3 ] );
		}
	}

	/** f_L − n0 at node x (must be a grid point). */
	double fL( final double x )
	{
		return u[ node( x ) ];
	}

	/** f_T at node x (must be a grid point). */
	double fT( final double x )
	{
		return v[ node( x ) ];
	}

	private int node( final double x )
	{
		final double p = x / h + m;
		final int i = ( int ) Math.round( p );
		if ( Math.abs( p - i ) > 1e-6 || i < 0 || i > 2 * m )
			throw new IllegalArgumentException( "x = " + x + " is not a grid node (h = " + h + ")" );
		return i;
	}

	/** A banded matrix with lower/upper bandwidths kl, ku; row i stores columns i − kl … i + kl + ku (pivoting fill). */
	static final class Banded
	{
		private final int size, kl, ku, width;

		private final double[][] rows;

		/** First stored column of each row (pivoting swaps values within the windows, never the windows). */
		private final int[] first;

		Banded( final int size, final int kl, final int ku )
		{
			this.size = size;
			this.kl = kl;
			this.ku = ku;
			this.width = 2 * kl + ku + 1;
			rows = new double[ size ][ width ];
			first = new int[ size ];
			for ( int i = 0; i < size; i++ )
				first[ i ] = i - kl;
		}

		void add( final int i, final int j, final double value )
		{
			rows[ i ][ j - first[ i ] ] += value;
		}

		private double get( final int i, final int j )
		{
			final int o = j - first[ i ];
			return o >= 0 && o < width ? rows[ i ][ o ] : 0;
		}

		private void set( final int i, final int j, final double value )
		{
			rows[ i ][ j - first[ i ] ] = value;
		}

		/** Gaussian elimination with partial pivoting within the band; destroys the matrix. */
		double[] solve( final double[] rhs )
		{
			final double[] b = rhs.clone();
			for ( int k = 0; k < size; k++ )
			{
				final int last = Math.min( size - 1, k + kl );
				int p = k;
				for ( int r = k + 1; r <= last; r++ )
					if ( Math.abs( get( r, k ) ) > Math.abs( get( p, k ) ) )
						p = r;
				if ( get( p, k ) == 0 )
					throw new IllegalStateException( "singular finite-difference matrix at column " + k );
				final int hi = Math.min( size - 1, k + kl + ku );
				if ( p != k )
				{
					for ( int j = k; j <= hi; j++ )
					{
						final double t = get( k, j );
						set( k, j, get( p, j ) );
						set( p, j, t );
					}
					final double t = b[ k ];
					b[ k ] = b[ p ];
					b[ p ] = t;
				}
				final double piv = get( k, k );
				for ( int r = k + 1; r <= last; r++ )
				{
					final double f = get( r, k ) / piv;
					if ( f == 0 )
						continue;
					for ( int j = k; j <= hi; j++ )
						set( r, j, get( r, j ) - f * get( k, j ) );
					b[ r ] -= f * b[ k ];
				}
			}
			final double[] x = new double[ size ];
			for ( int k = size - 1; k >= 0; k-- )
			{
				double s = b[ k ];
				final int hi = Math.min( size - 1, k + kl + ku );
				for ( int j = k + 1; j <= hi; j++ )
					s -= get( k, j ) * x[ j ];
				x[ k ] = s / get( k, k );
			}
			return x;
		}
	}
}
