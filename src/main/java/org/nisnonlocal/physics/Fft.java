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

	/**
	 * Forward transform of a + ib (first {@code count} ≤ length/2 entries) zero-padded to the length, into re, im
	 * (overwritten). Why: with the upper half zero, the bit-reversal permutation and the first stage become one
	 * gather (rev(2m + 1) = rev(2m) + length/2 lies in the zero half), instead of a copy, a fill, swaps and a stage.
	 * Same values as {@link #forward} on the padded arrays.
	 */
	void forwardPadded( final double[] a, final double[] b, final int count, final double[] re, final double[] im )
	{
		if ( 2 * count > length )
			throw new IllegalArgumentException( "padded FFT needs count <= length / 2, got " + count );
		for ( int m = 0; m < length; m += 2 )
		{
			final int j = reversed[ m ];
			final double x = j < count ? a[ j ] : 0;
			final double y = j < count ? b[ j ] : 0;
			// the first stage's butterfly with a zero partner, written as it (x + 0 turns −0 into +0)
			re[ m ] = x + 0.0;
			im[ m ] = y + 0.0;
			re[ m + 1 ] = x - 0.0;
			im[ m + 1 ] = y - 0.0;
		}
		stages( re, im, -1 );
	}

	/** Inverse transform (with 1/L) of which only the first {@code count} entries are scaled and to be used. */
	void inverse( final double[] re, final double[] im, final int count )
	{
		transform( re, im, 1 );
		final double s = 1.0 / length;
		for ( int i = 0; i < count; i++ )
		{
			re[ i ] *= s;
			im[ i ] *= s;
		}
	}

	/** The bit-reversal permutation (read-only): callers that write their input at reversed[i] skip the swaps. */
	int[] reversal()
	{
		return reversed;
	}

	/** {@link #forward} of x given in bit-reversed order (x_i at reversed[i]). */
	void forwardFromReversed( final double[] re, final double[] im )
	{
		butterflies( re, im, -1 );
	}

	/** {@link #inverse(double[], double[], int)} of X given in bit-reversed order (X_q at reversed[q]). */
	void inverseFromReversed( final double[] re, final double[] im, final int count )
	{
		butterflies( re, im, 1 );
		final double s = 1.0 / length;
		for ( int i = 0; i < count; i++ )
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
		butterflies( re, im, sign );
	}

	/** All stages on data already in bit-reversed order. */
	private void butterflies( final double[] re, final double[] im, final int sign )
	{
		// first stage (half = 1): twiddle 1
		for ( int a = 0; a < length; a += 2 )
		{
			final double tr = re[ a + 1 ], ti = im[ a + 1 ];
			re[ a + 1 ] = re[ a ] - tr;
			im[ a + 1 ] = im[ a ] - ti;
			re[ a ] += tr;
			im[ a ] += ti;
		}
		stages( re, im, sign );
	}

	/** The radix-2 stages from half-length 2 on, after the permutation and the first stage. */
	private void stages( final double[] re, final double[] im, final int sign )
	{
		// the remaining radix-2 stages two at a time (half and 2·half in one pass over the data: half the memory traffic)
		int half = 2;
		for ( ; 2 * half < length; half <<= 2 )
		{
			final int h2 = 2 * half;
			for ( int start = 0; start < length; start += 4 * half )
				for ( int k = 0; k < half; k++ )
				{
					final double w1r = cos[ half + k ], w1i = sign * sin[ half + k ];
					final double w2r = cos[ h2 + k ], w2i = sign * sin[ h2 + k ];
					final double w3r = cos[ h2 + half + k ], w3i = sign * sin[ h2 + half + k ];
					final int a0 = start + k, a1 = a0 + half, a2 = a1 + half, a3 = a2 + half;
					// stage half: (a0, a1) and (a2, a3) with w1
					double tr = w1r * re[ a1 ] - w1i * im[ a1 ];
					double ti = w1r * im[ a1 ] + w1i * re[ a1 ];
					final double b0r = re[ a0 ] + tr, b0i = im[ a0 ] + ti;
					final double b1r = re[ a0 ] - tr, b1i = im[ a0 ] - ti;
					tr = w1r * re[ a3 ] - w1i * im[ a3 ];
					ti = w1r * im[ a3 ] + w1i * re[ a3 ];
					final double b2r = re[ a2 ] + tr, b2i = im[ a2 ] + ti;
					final double b3r = re[ a2 ] - tr, b3i = im[ a2 ] - ti;
					// stage 2·half: (a0, a2) with w2, (a1, a3) with w3
					tr = w2r * b2r - w2i * b2i;
					ti = w2r * b2i + w2i * b2r;
					re[ a0 ] = b0r + tr;
					im[ a0 ] = b0i + ti;
					re[ a2 ] = b0r - tr;
					im[ a2 ] = b0i - ti;
					tr = w3r * b3r - w3i * b3i;
					ti = w3r * b3i + w3i * b3r;
					re[ a1 ] = b1r + tr;
					im[ a1 ] = b1i + ti;
					re[ a3 ] = b1r - tr;
					im[ a3 ] = b1i - ti;
				}
		}
		for ( ; half < length; half <<= 1 )
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
