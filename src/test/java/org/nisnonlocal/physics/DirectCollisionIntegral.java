package org.nisnonlocal.physics;

/**
 * Reference evaluation of {@link CollisionIntegral} by the literal triple sum over ε_i, ω = ε_i − ε_j and ε' = ε_k,
 * O(N³): for tests on small grids only. Same discretization (plain grid sums, uniform spacing δε, energies in Δ0).
 */
public final class DirectCollisionIntegral
{
	private final double[] dos;

	private final double[] anomalous;

	private final double de;

	private final double kernel;

	public DirectCollisionIntegral( final double[] dos, final double[] anomalous, final double de, final double kernel )
	{
		this.dos = dos.clone();
		this.anomalous = anomalous.clone();
		this.de = de;
		this.kernel = kernel;
	}

	private double w( final int a, final int b )
	{
		return dos[ a ] * dos[ b ] - anomalous[ a ] * anomalous[ b ];
	}

	public double[] apply( final double[] fL )
	{
		final int n = fL.length;
		final double[] f = new double[ n ];
		for ( int i = 0; i < n; i++ )
			f[ i ] = 0.5 * ( 1 - fL[ i ] );
		final double[] r = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			double s = 0;
			for ( int j = 0; j < n; j++ )
			{
				final int m = i - j; // ω = ε_i − ε_j; ε' + ω = ε_{k+m}
				final double wij = w( i, j );
				for ( int k = Math.max( 0, -m ); k < Math.min( n, n - m ); k++ )
				{
					final int l = k + m;
					final double gain = f[ j ] * ( 1 - f[ i ] ) * f[ l ] * ( 1 - f[ k ] );
					final double loss = f[ i ] * ( 1 - f[ j ] ) * f[ k ] * ( 1 - f[ l ] );
					s += wij * w( l, k ) * ( gain - loss );
				}
			}
			r[ i ] = kernel * de * de * s;
		}
		return r;
	}
}
