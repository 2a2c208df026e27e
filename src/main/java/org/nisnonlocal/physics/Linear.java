package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/** Small dense linear systems (the gap profile's Newton steps): Gaussian elimination with partial pivoting. */
final class Linear
{
	private Linear() {}

	/** x with A x = b (A, b unchanged); a singular A raises {@link BadInputException}. */
	static double[] solve( final double[][] a, final double[] b )
	{
		final int n = b.length;
		final double[][] m = new double[ n ][];
		for ( int i = 0; i < n; i++ )
			m[ i ] = java.util.Arrays.copyOf( a[ i ], n + 1 );
		for ( int i = 0; i < n; i++ )
			m[ i ][ n ] = b[ i ];
		for ( int c = 0; c < n; c++ )
		{
			int p = c;
			for ( int r = c + 1; r < n; r++ )
				if ( Math.abs( m[ r ][ c ] ) > Math.abs( m[ p ][ c ] ) )
					p = r;
			if ( !( Math.abs( m[ p ][ c ] ) > 0 ) )
				throw new BadInputException( "singular Jacobian of the gap profile" );
			final double[] t = m[ c ];
			m[ c ] = m[ p ];
			m[ p ] = t;
			for ( int r = c + 1; r < n; r++ )
			{
				final double f = m[ r ][ c ] / m[ c ][ c ];
				if ( f != 0 )
					for ( int k = c; k <= n; k++ )
						m[ r ][ k ] -= f * m[ c ][ k ];
			}
		}
		final double[] x = new double[ n ];
		for ( int r = n - 1; r >= 0; r-- )
		{
			double s = m[ r ][ n ];
			for ( int k = r + 1; k < n; k++ )
				s -= m[ r ][ k ] * x[ k ];
			x[ r ] = s / m[ r ][ r ];
		}
		return x;
	}
}
