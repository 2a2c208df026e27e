package org.nisnonlocal.physics;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two length, tables precomputed once.
 * Forward: X_q = Σ_n x_n e^{−2πi qn/L}; inverse includes the 1/L factor. Why not commons-math3: its transformer
 * allocates Complex objects per element, and the collision integral calls this thousands of times per bias point.
 * Not thread-safe only in the sense that callers own their arrays; the tables are read-only.
 */
final class Fft
{
	private final int length;

	private final int[] reversed;

	/** Twiddles of the stage with half-length h at [h, 2h): contiguous per stage (no strided table reads). */
	private final double[] cos;

	private final double[] sin;

	Fft( final int length )
	{
		if ( length < 2 || Integer.bitCount( length ) != 1 )
			throw new IllegalArgumentException( "FFT length must be a power of two >= 2, got " + length );
		this.length = length;
		final int bits = Integer.numberOfTrailingZeros( length );
		reversed = new int[ length ];
		for ( int i = 0; i < length; i++ )
			reversed[ i ] = Integer.reverse( i ) >>> ( 32 - bits );
		cos = new double[ length ];
		sin = new double[ length ];
		for ( int half = 1; half < length; half <<= 1 )
			for ( int k = 0; k < half; k++ )
			{
				final double a = Math.PI * k / half;
				cos[ half + k ] = Math.cos( a );
				sin[ half + k ] = Math.sin( a );
			}
	}

	int length()
	{
		return length;
	}

	/** Smallest power of two ≥ n. */
	static int atLeast( final int n )
	{
		int l = 2;
		while ( l < n )
			l <<= 1;
		return l;
	}

	void forward( final double[] re, final double[] im )
	{
		transform( re, im, -1 );
	}

	void inverse( final double[] re, final double[] im )
	{
		transform( re, im, 1 );
		final double s = 1.0 / length;
		for ( int i = 0; i < length; i++ )
		{
			re[ i ] *= s;
			im[ i ] *= s;
		}
	}

	private void transform( final double[] re, final double[] im, final int sign )
	{
		for ( int i = 0; i < length; i++ )
		{
			final int j = reversed[ i ];
			if ( j > i )
			{
				double t = re[ i ];
				re[ i ] = re[ j ];
				re[ j ] = t;
				t = im[ i ];
				im[ i ] = im[ j ];
				im[ j ] = t;
			}
		}
		// first stage (half = 1): twiddle 1
		for ( int a = 0; a < length; a += 2 )
		{
			final double tr = re[ a + 1 ], ti = im[ a + 1 ];
			re[ a + 1 ] = re[ a ] - tr;
			im[ a + 1 ] = im[ a ] - ti;
			re[ a ] += tr;
			im[ a ] += ti;
		}
		for ( int half = 2; half < length; half <<= 1 )
		{
			for ( int start = 0; start < length; start += 2 * half )
				for ( int k = 0; k < half; k++ )
				{
					final double wr = cos[ half + k ];
					final double wi = sign * sin[ half + k ];
					final int a = start + k;
					final int b = a + half;
					final double br = re[ b ], bi = im[ b ];
					final double tr = wr * br - wi * bi;
					final double ti = wr * bi + wi * br;
					final double ar = re[ a ], ai = im[ a ];
					re[ b ] = ar - tr;
					im[ b ] = ai - ti;
					re[ a ] = ar + tr;
					im[ a ] = ai + ti;
				}
		}
	}
}
