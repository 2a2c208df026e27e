package org.nisnonlocal.physics;

/**
 * In-place iterative complex FFT of one fixed power-of-two length, tables precomputed once.
 * Forward: X_q = Σ_n x_n e^{−2πi qn/L}; inverse includes the 1/L factor. Why not commons-math3: its transformer
 * allocates Complex objects per element, and the collision integral calls this thousands of times per bias point.
 * Not thread-safe only in the sense that callers own their arrays; the tables are read-only.
 * <p>
 * <b>Kernel.</b> Decimation in time on bit-reversed input: one radix-2 stage (twiddle 1), then radix-4 stages
 * (3 complex multiplications per 4 points and 2 levels, against 4 for two radix-2 levels, and half the passes over
 * the data), a last radix-2 stage when log2 L is even. Twiddles per stage are tabulated contiguously, interleaved
 * w, w², w³ (one cache line per butterfly), separately for both signs (no sign multiplications in the loop).
 * </p>
 */
final class Fft
{
	private final int length;

	private final int[] reversed;

	/**
	 * Radix-4 twiddles: the stage with quarter length q (sub-transforms of length q combined into 4q) at offset
	 * 6(q − 2)/3 … (q = 2, 8, 32, …: the offsets of the smaller stages sum to 6(q − 2)/3), entries
	 * (Re, Im) of w^k, w^{2k}, w^{3k}, w = e^{∓2πi/(4q)}, k = 0 … q−1.
	 */
	private final double[] forwardTwiddles, inverseTwiddles;

	/** Twiddles e^{∓2πik/L}, k < L/2, of a last radix-2 stage (log2 L even), else null. */
	private final double[] lastCos, lastSinForward, lastSinInverse;

	/** One instance per length, shared (the tables are read-only): the solver builds a collision integral per Δ. */
	private static final java.util.concurrent.ConcurrentHashMap< Integer, Fft > SHARED = new java.util.concurrent.ConcurrentHashMap<>();

	/** The shared FFT of this length (why: its tables cost ~10⁴ sin/cos, once per kinetic solve otherwise). */
	static Fft of( final int length )
	{
		return SHARED.computeIfAbsent( length, Fft::new );
	}

	Fft( final int length )
	{
		if ( length < 2 || Integer.bitCount( length ) != 1 )
			throw new IllegalArgumentException( "FFT length must be a power of two >= 2, got " + length );
		this.length = length;
		final int bits = Integer.numberOfTrailingZeros( length );
		reversed = new int[ length ];
		for ( int i = 0; i < length; i++ )
			reversed[ i ] = Integer.reverse( i ) >>> ( 32 - bits );
		int size = 0;
		int q = 2;
		for ( ; 4 * q <= length; q *= 4 )
			size += 6 * q;
		forwardTwiddles = new double[ size ];
		inverseTwiddles = new double[ size ];
		for ( int quarter = 2; 4 * quarter <= length; quarter *= 4 )
		{
			final int off = offset( quarter );
			for ( int k = 0; k < quarter; k++ )
				for ( int r = 1; r <= 3; r++ )
				{
					// angle 2π r k/(4q) < 3π/2: one rounding of the fraction, then cos and sin
					final double a = 2 * Math.PI * ( r * k ) / ( 4.0 * quarter );
					forwardTwiddles[ off + 6 * k + 2 * ( r - 1 ) ] = Math.cos( a );
					forwardTwiddles[ off + 6 * k + 2 * ( r - 1 ) + 1 ] = -Math.sin( a );
					inverseTwiddles[ off + 6 * k + 2 * ( r - 1 ) ] = Math.cos( a );
					inverseTwiddles[ off + 6 * k + 2 * ( r - 1 ) + 1 ] = Math.sin( a );
				}
		}
		if ( q < length )
		{
			// one radix-2 level left (q = L/2)
			lastCos = new double[ q ];
			lastSinForward = new double[ q ];
			lastSinInverse = new double[ q ];
			for ( int k = 0; k < q; k++ )
			{
				final double a = Math.PI * k / q;
				lastCos[ k ] = Math.cos( a );
				lastSinForward[ k ] = -Math.sin( a );
				lastSinInverse[ k ] = Math.sin( a );
			}
		}
		else
			lastCos = lastSinForward = lastSinInverse = null;
	}

	/** Offset of the radix-4 stage with quarter length q in the twiddle tables. */
	private static int offset( final int q )
	{
		return 6 * ( q - 2 ) / 3;
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
		permute( re, im );
		butterflies( re, im, true, length );
	}

	void inverse( final double[] re, final double[] im )
	{
		inverse( re, im, length );
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
		stages( re, im, true, length, 2 );
	}

	/**
	 * Inverse transform (with 1/L) of which only the first {@code count} entries are computed, scaled and to be
	 * used (the last stage skips the outputs beyond; entries ≥ count are left unspecified).
	 */
	void inverse( final double[] re, final double[] im, final int count )
	{
		permute( re, im );
		inverseFromReversed( re, im, count );
	}

	/** The bit-reversal permutation (read-only): callers that write their input at reversed[i] skip the swaps. */
	int[] reversal()
	{
		return reversed;
	}

	/** {@link #forward} of x given in bit-reversed order (x_i at reversed[i]). */
	void forwardFromReversed( final double[] re, final double[] im )
	{
		butterflies( re, im, true, length );
	}

	/** {@link #inverse(double[], double[], int)} of X given in bit-reversed order (X_q at reversed[q]). */
	void inverseFromReversed( final double[] re, final double[] im, final int count )
	{
		butterflies( re, im, false, count );
		final double s = 1.0 / length;
		for ( int i = 0; i < count; i++ )
		{
			re[ i ] *= s;
			im[ i ] *= s;
		}
	}

	private void permute( final double[] re, final double[] im )
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
	}

	/** All stages on data already in bit-reversed order; outputs from {@code count} on may be skipped. */
	private void butterflies( final double[] re, final double[] im, final boolean forward, final int count )
	{
		if ( length >= 8 )
		{
			firstLevels( re, im, forward );
			stages( re, im, forward, count, 8 );
			return;
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
		stages( re, im, forward, count, 2 );
	}

	/**
	 * The first radix-2 stage and the radix-4 stage with q = 2 in one pass, block of 8 by block of 8 (why: those
	 * two passes had short strides and cost a third of the transform). The same operations as the separate
	 * stages, in the same order per element: bit-identical.
	 */
	private void firstLevels( final double[] re, final double[] im, final boolean forward )
	{
		final double[] tw = forward ? forwardTwiddles : inverseTwiddles;
		final int off = offset( 2 );
		final double u1r = tw[ off + 6 ], u1i = tw[ off + 7 ], u2r = tw[ off + 8 ], u2i = tw[ off + 9 ], u3r = tw[ off + 10 ], u3i = tw[ off + 11 ];
		final double o1r = tw[ off ], o1i = tw[ off + 1 ], o2r = tw[ off + 2 ], o2i = tw[ off + 3 ], o3r = tw[ off + 4 ], o3i = tw[ off + 5 ];
		for ( int s = 0; s < length; s += 8 )
		{
			// radix-2 on the pairs (s + 2m, s + 2m + 1)
			final double x0r = re[ s ] + re[ s + 1 ], x0i = im[ s ] + im[ s + 1 ], x1r = re[ s ] - re[ s + 1 ], x1i = im[ s ] - im[ s + 1 ];
			final double x2r = re[ s + 2 ] + re[ s + 3 ], x2i = im[ s + 2 ] + im[ s + 3 ], x3r = re[ s + 2 ] - re[ s + 3 ], x3i = im[ s + 2 ] - im[ s + 3 ];
			final double x4r = re[ s + 4 ] + re[ s + 5 ], x4i = im[ s + 4 ] + im[ s + 5 ], x5r = re[ s + 4 ] - re[ s + 5 ], x5i = im[ s + 4 ] - im[ s + 5 ];
			final double x6r = re[ s + 6 ] + re[ s + 7 ], x6i = im[ s + 6 ] + im[ s + 7 ], x7r = re[ s + 6 ] - re[ s + 7 ], x7i = im[ s + 6 ] - im[ s + 7 ];
			// radix-4 with q = 2: k = 0 on (x0, x2, x4, x6), k = 1 on (x1, x3, x5, x7), as in radix4()
			radix4Block( re, im, s, x0r, x0i, x2r, x2i, x4r, x4i, x6r, x6i, o1r, o1i, o2r, o2i, o3r, o3i, forward );
			radix4Block( re, im, s + 1, x1r, x1i, x3r, x3i, x5r, x5i, x7r, x7i, u1r, u1i, u2r, u2i, u3r, u3i, forward );
		}
	}

	/** One radix-4 butterfly of {@link #radix4} with q = 2 on given inputs, written to a0, a0 + 2, a0 + 4, a0 + 6. */
	private static void radix4Block( final double[] re, final double[] im, final int a0, final double t0r, final double t0i, final double y1r, final double y1i,
			final double y2r, final double y2i, final double y3r, final double y3i, final double w1r, final double w1i, final double w2r, final double w2i,
			final double w3r, final double w3i, final boolean forward )
	{
		// block 1 (y1) holds E2 (twiddle w²), block 2 (y2) holds E1 (w)
		final double t2r = w2r * y1r - w2i * y1i, t2i = w2r * y1i + w2i * y1r;
		final double t1r = w1r * y2r - w1i * y2i, t1i = w1r * y2i + w1i * y2r;
		final double t3r = w3r * y3r - w3i * y3i, t3i = w3r * y3i + w3i * y3r;
		final double sr = t0r + t2r, si = t0i + t2i, dr = t0r - t2r, di = t0i - t2i;
		final double ur = t1r + t3r, ui = t1i + t3i;
		final double vr = forward ? t1i - t3i : t3i - t1i, vi = forward ? t3r - t1r : t1r - t3r;
		re[ a0 ] = sr + ur;
		im[ a0 ] = si + ui;
		re[ a0 + 2 ] = dr + vr;
		im[ a0 + 2 ] = di + vi;
		re[ a0 + 4 ] = sr - ur;
		im[ a0 + 4 ] = si - ui;
		re[ a0 + 6 ] = dr - vr;
		im[ a0 + 6 ] = di - vi;
	}

	/** The stages after the permutation and the levels below quarter length {@code from}: radix-4, then possibly one radix-2. */
	private void stages( final double[] re, final double[] im, final boolean forward, final int count, final int from )
	{
		final double[] tw = forward ? forwardTwiddles : inverseTwiddles;
		int q = from;
		for ( ; 4 * q <= length; q *= 4 )
		{
			final boolean last = 4 * q == length;
			// the last stage writes X[k + jq] for j = 0 … 3: with count ≤ 2q only j = 0, 1 are needed
			final boolean lowerHalf = last && count <= 2 * q;
			if ( q < 16 )
				smallRadix4( re, im, tw, q, forward );
			else
				radix4( re, im, tw, q, forward, lowerHalf );
		}
		if ( q < length )
			radix2( re, im, forward ? lastSinForward : lastSinInverse, q, count <= q );
	}

	/**
	 * One radix-4 level: sub-transforms E0, E2, E1, E3 of length q (in this order in each block of 4q, bit-reversed
	 * layout) combined into X[k + jq] = Σ_r w^{rk} E_r[k] J^{rj}, J = w^q = ∓i, with t_r = w^{rk} E_r[k]:
	 * X[k] = (t0 + t2) + (t1 + t3), X[k + q] = (t0 − t2) + J (t1 − t3), X[k + 2q] = (t0 + t2) − (t1 + t3),
	 * X[k + 3q] = (t0 − t2) − J (t1 − t3).
	 */
	private void radix4( final double[] re, final double[] im, final double[] tw, final int q, final boolean forward, final boolean lowerHalf )
	{
		final int off = offset( q );
		for ( int start = 0; start < length; start += 4 * q )
			for ( int k = 0; k < q; k++ )
			{
				final int t = off + 6 * k;
				final double w1r = tw[ t ], w1i = tw[ t + 1 ], w2r = tw[ t + 2 ], w2i = tw[ t + 3 ], w3r = tw[ t + 4 ], w3i = tw[ t + 5 ];
				final int a0 = start + k, a1 = a0 + q, a2 = a1 + q, a3 = a2 + q;
				final double t0r = re[ a0 ], t0i = im[ a0 ];
				// block 1 holds E2 (twiddle w²), block 2 holds E1 (w)
				double xr = re[ a1 ], xi = im[ a1 ];
				final double t2r = w2r * xr - w2i * xi, t2i = w2r * xi + w2i * xr;
				xr = re[ a2 ];
				xi = im[ a2 ];
				final double t1r = w1r * xr - w1i * xi, t1i = w1r * xi + w1i * xr;
				xr = re[ a3 ];
				xi = im[ a3 ];
				final double t3r = w3r * xr - w3i * xi, t3i = w3r * xi + w3i * xr;
				final double sr = t0r + t2r, si = t0i + t2i, dr = t0r - t2r, di = t0i - t2i;
				final double ur = t1r + t3r, ui = t1i + t3i;
				// J (t1 − t3): forward J = −i: (x, y) → (y, −x); inverse J = i: (x, y) → (−y, x)
				final double vr = forward ? t1i - t3i : t3i - t1i, vi = forward ? t3r - t1r : t1r - t3r;
				re[ a0 ] = sr + ur;
				im[ a0 ] = si + ui;
				re[ a1 ] = dr + vr;
				im[ a1 ] = di + vi;
				if ( lowerHalf )
					continue;
				re[ a2 ] = sr - ur;
				im[ a2 ] = si - ui;
				re[ a3 ] = dr - vr;
				im[ a3 ] = di - vi;
			}
	}

	/** As {@link #radix4} for short sub-transforms (q &lt; 16): twiddles outside, blocks inside (short loops otherwise). */
	private void smallRadix4( final double[] re, final double[] im, final double[] tw, final int q, final boolean forward )
	{
		final int off = offset( q );
		for ( int k = 0; k < q; k++ )
		{
			final int t = off + 6 * k;
			final double w1r = tw[ t ], w1i = tw[ t + 1 ], w2r = tw[ t + 2 ], w2i = tw[ t + 3 ], w3r = tw[ t + 4 ], w3i = tw[ t + 5 ];
			for ( int a0 = k; a0 < length; a0 += 4 * q )
			{
				final int a1 = a0 + q, a2 = a1 + q, a3 = a2 + q;
				final double t0r = re[ a0 ], t0i = im[ a0 ];
				double xr = re[ a1 ], xi = im[ a1 ];
				final double t2r = w2r * xr - w2i * xi, t2i = w2r * xi + w2i * xr;
				xr = re[ a2 ];
				xi = im[ a2 ];
				final double t1r = w1r * xr - w1i * xi, t1i = w1r * xi + w1i * xr;
				xr = re[ a3 ];
				xi = im[ a3 ];
				final double t3r = w3r * xr - w3i * xi, t3i = w3r * xi + w3i * xr;
				final double sr = t0r + t2r, si = t0i + t2i, dr = t0r - t2r, di = t0i - t2i;
				final double ur = t1r + t3r, ui = t1i + t3i;
				final double vr = forward ? t1i - t3i : t3i - t1i, vi = forward ? t3r - t1r : t1r - t3r;
				re[ a0 ] = sr + ur;
				im[ a0 ] = si + ui;
				re[ a1 ] = dr + vr;
				im[ a1 ] = di + vi;
				re[ a2 ] = sr - ur;
				im[ a2 ] = si - ui;
				re[ a3 ] = dr - vr;
				im[ a3 ] = di - vi;
			}
		}
	}

	/** The last level when log2 L is even: halves of length q = L/2; with {@code lowerHalf} only X[k], k &lt; q. */
	private void radix2( final double[] re, final double[] im, final double[] sin, final int q, final boolean lowerHalf )
	{
		for ( int k = 0; k < q; k++ )
		{
			final double wr = lastCos[ k ], wi = sin[ k ];
			final int b = k + q;
			final double br = re[ b ], bi = im[ b ];
			final double tr = wr * br - wi * bi;
			final double ti = wr * bi + wi * br;
			final double ar = re[ k ], ai = im[ k ];
			re[ k ] = ar + tr;
			im[ k ] = ai + ti;
			if ( lowerHalf )
				continue;
			re[ b ] = ar - tr;
			im[ b ] = ai - ti;
		}
	}
}
