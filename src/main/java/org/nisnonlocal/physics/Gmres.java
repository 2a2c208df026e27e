package org.nisnonlocal.physics;

/**
 * Restarted GMRES(m) for A y = b with modified Gram-Schmidt and Givens rotations, 2-norm. The operator is given as a
 * callback (matrix-free); preconditioning is the caller's business (right preconditioning: pass A M⁻¹).
 */
final class Gmres
{
	interface Operator
	{
		/** out = A · in (out is overwritten). */
		void apply( double[] in, double[] out );
	}

	private Gmres() {}

	/**
	 * Basis vectors kept per thread between calls: a Newton step needs a handful of vectors of M·N doubles (≈ 1 MB
	 * at δε = 1/200), and allocating them per call made the garbage collector's system time comparable to the work.
	 * Contents never carry over (every vector is overwritten before use), so results do not depend on the history.
	 */
	private static final ThreadLocal< double[][] > BASIS = new ThreadLocal<>();

	private static double[] basis( final int j, final int n, final int restart )
	{
		double[][] b = BASIS.get();
		if ( b == null || b.length < restart + 2 )
		{
			b = new double[ restart + 2 ][];
			BASIS.set( b );
		}
		if ( b[ j ] == null || b[ j ].length != n )
			b[ j ] = new double[ n ];
		return b[ j ];
	}

	/**
	 * Solves A y = b from y = 0 until ‖b − A y‖ ≤ tol · ‖b‖ or maxIterations matrix-vector products.
	 *
	 * @return the number of products used; y holds the iterate (negative count: not converged)
	 */
	static int solve( final Operator a, final double[] b, final double[] y, final double tol, final int restart, final int maxIterations )
	{
		final int n = b.length;
		java.util.Arrays.fill( y, 0 );
		final double bnorm = norm( b );
		if ( bnorm == 0 )
			return 0;
		final double target = tol * bnorm;
		// basis vectors on demand from the per-thread pool (see BASIS); the last slot is the work vector
		final double[][] v = new double[ restart + 1 ][];
		final double[][] h = new double[ restart + 1 ][ restart ];
		final double[] cs = new double[ restart ];
		final double[] sn = new double[ restart ];
		final double[] g = new double[ restart + 1 ];
		final double[] w = basis( restart + 1, n, restart );
		int used = 0;
		// the residual is only read to build v[0]: b itself, later the work vector (no copies)
		double[] r = b;
		double rnorm = bnorm;
		while ( used < maxIterations )
		{
			if ( v[ 0 ] == null )
				v[ 0 ] = basis( 0, n, restart );
			for ( int i = 0; i < n; i++ )
				v[ 0 ][ i ] = r[ i ] / rnorm;
			java.util.Arrays.fill( g, 0 );
			g[ 0 ] = rnorm;
			int k = 0;
			for ( ; k < restart && used < maxIterations; k++ )
			{
				a.apply( v[ k ], w );
				used++;
				// modified Gram-Schmidt; each pass subtracts one basis vector and accumulates the next dot product (or
				// finally the norm) on the updated entries: the same sums in the same order as separate passes, with
				// one pass over w per basis vector instead of two (why: these vectors are M·N long and memory-bound)
				double d = 0;
				for ( int i = 0; i < n; i++ )
					d += w[ i ] * v[ 0 ][ i ];
				double sq = 0;
				for ( int j = 0; j <= k; j++ )
				{
					h[ j ][ k ] = d;
					final double[] vj = v[ j ];
					final double dj = d;
					d = 0;
					if ( j < k )
					{
						final double[] next = v[ j + 1 ];
						for ( int i = 0; i < n; i++ )
						{
							w[ i ] -= dj * vj[ i ];
							d += w[ i ] * next[ i ];
						}
					}
					else
						for ( int i = 0; i < n; i++ )
						{
							w[ i ] -= dj * vj[ i ];
							sq += w[ i ] * w[ i ];
						}
				}
				final double wn = Math.sqrt( sq );
				h[ k + 1 ][ k ] = wn;
				if ( v[ k + 1 ] == null )
					v[ k + 1 ] = basis( k + 1, n, restart );
				if ( wn > 0 )
					for ( int i = 0; i < n; i++ )
						v[ k + 1 ][ i ] = w[ i ] / wn;
				for ( int j = 0; j < k; j++ )
				{
					final double t = cs[ j ] * h[ j ][ k ] + sn[ j ] * h[ j + 1 ][ k ];
					h[ j + 1 ][ k ] = -sn[ j ] * h[ j ][ k ] + cs[ j ] * h[ j + 1 ][ k ];
					h[ j ][ k ] = t;
				}
				final double den = Math.hypot( h[ k ][ k ], h[ k + 1 ][ k ] );
				cs[ k ] = den == 0 ? 1 : h[ k ][ k ] / den;
				sn[ k ] = den == 0 ? 0 : h[ k + 1 ][ k ] / den;
				h[ k ][ k ] = den;
				h[ k + 1 ][ k ] = 0;
				g[ k + 1 ] = -sn[ k ] * g[ k ];
				g[ k ] = cs[ k ] * g[ k ];
				if ( Math.abs( g[ k + 1 ] ) <= target || wn == 0 )
				{
					k++;
					break;
				}
			}
			// back substitution for the k coefficients, update y
			final double[] c = new double[ k ];
			for ( int j = k - 1; j >= 0; j-- )
			{
				double s = g[ j ];
				for ( int l = j + 1; l < k; l++ )
					s -= h[ j ][ l ] * c[ l ];
				c[ j ] = h[ j ][ j ] == 0 ? 0 : s / h[ j ][ j ];
			}
			for ( int j = 0; j < k; j++ )
				for ( int i = 0; i < n; i++ )
					y[ i ] += c[ j ] * v[ j ][ i ];
			// the Givens estimate is the true residual norm in exact arithmetic: trust it instead of another product
			if ( Math.abs( g[ k ] ) <= target )
				return used;
			a.apply( y, w );
			for ( int i = 0; i < n; i++ )
				w[ i ] = b[ i ] - w[ i ];
			r = w;
			rnorm = norm( r );
			if ( rnorm <= target )
				return used;
		}
		return -used;
	}

	static double norm( final double[] x )
	{
		double s = 0;
		for ( final double v : x )
			s += v * v;
		return Math.sqrt( s );
	}
}
