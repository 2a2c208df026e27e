package org.nisnonlocal.physics;

/**
 * Electron-electron collision integral of the energy mode (docs/physics.md §11.2), in occupation numbers f = (1 − f_L)/2:
 * <pre>
 *   I(ε) = K ∫dω ∫dε' W(ε, ε−ω) W(ε'+ω, ε') { f(ε−ω) f̄(ε) f(ε'+ω) f̄(ε') − f(ε) f̄(ε−ω) f(ε') f̄(ε'+ω) },
 *   W(a, b) = N(a) N(b) − M(a) M(b),   f̄ = 1 − f,   M = Im F,
 * </pre>
 * on a uniform energy grid ε_i (spacing δε, all energies in Δ0), with both integrals replaced by plain grid sums
 * (ω = ε_i − ε_j, ε' = ε_k, restricted to the grid). Plain sums make number and energy conservation
 * (Σ_i I_i = Σ_i ε_i I_i = 0) and detailed balance exact on the grid.
 * <p>
 * <b>Evaluation.</b> W is a sum of two separable products, so with C(m) = Σ_k W(k+m, k) f_{k+m} f̄_k (a
 * cross-correlation) the result is I_i = f̄_i A_i − f_i B_i, A_i = K δε² Σ_j W(i, j) f_j C(i−j),
 * B_i = K δε² Σ_j W(i, j) f̄_j C(j−i): correlations and convolutions, done by zero-padded FFTs of length
 * L ≥ 2N (exact, no wrap-around: C is supported on |m| ≤ N − 1). Cost O(N log N) per call. The spectra of N and M
 * are computed once; f̄ = 1 − f enters through linearity.
 * </p>
 * <p>
 * <b>Normalization (AMBIGUOUS, docs/physics.md §11.3, kept here only).</b> K = 4 γ_ee / (π² t_c²), t_c = 0.5669: then the
 * normal-state out-scattering rate at ε = 0 and temperature t_c equals γ_ee (K π² t_c²/4). The factor 2 between an
 * out-scattering rate and a relaxation rate is not included.
 * </p>
 */
public final class CollisionIntegral
{
	/** Weak-coupling critical temperature e^{γ_E}/π in Δ0, the reference temperature of γ_ee (S Sec. V). */
	public static final double T_C = 0.5669;

	private final int n;

	/** f_L odd: out-rates mirrored from in-rates (see the five-argument constructor). */
	private final boolean odd;

	private final double de;

	private final double kernel;

	private final double[] dos;

	private final double[] anomalous;

	private final Fft fft;

	/** Spectra of real sequences are Hermitian: only q = 0 … L/2 is stored and multiplied (half the traffic). */
	private final int half;

	private final double[] nRe, nIm, mRe, mIm;

	/**
	 * Scratch reused by every call (why: a call otherwise allocates ~15 arrays of L doubles, and at δε = 1/200 the
	 * zeroing alone costs as much as the FFTs). Hence an instance is not thread-safe: one per thread. FFT buffers
	 * (length L), half spectra (L/2 + 1) and grid functions (N).
	 */
	private final double[] re1, im1, re2, im2;

	private final double[][] spec;

	private final double[][] grid;

	/**
	 * Odd mode on an odd number of energies (centre c = (N−1)/2): a direction's N·v is odd and M·v even about c, so
	 * both spectra come from one real sequence, i.e. one complex FFT of length L/2 (see {@link #paritySpectra}).
	 * Null otherwise. Phases e^{−2πiqc/L} and real-FFT twiddles e^{−2πiq/L} for q = 0 … L/2.
	 */
	private final Fft halfFft;

	private final double[] phaseRe, phaseIm, twRe, twIm;

	/** K = 4 γ_ee/(π² t_c²) for a rate γ_ee = ħ/(Δ0 τ_ee) (see the class comment). */
	public static double kernel( final double gammaEe )
	{
		return 4 * gammaEe / ( Math.PI * Math.PI * T_C * T_C );
	}

	/**
	 * @param dos N(ε_i) on the uniform grid
	 * @param anomalous M(ε_i) = Im F on the same grid
	 * @param de grid spacing δε in Δ0
	 * @param kernel K (see {@link #kernel(double)})
	 */
	public CollisionIntegral( final double[] dos, final double[] anomalous, final double de, final double kernel )
	{
		this( dos, anomalous, de, kernel, false );
	}

	/**
	 * With {@code oddOnly}: every f_L given to {@link #linearize} and every direction given to
	 * {@link Linearization#jacobianTimes} is odd on a symmetric grid (ε_{N−1−i} = −ε_i), with N even and M odd
	 * (particle-hole symmetry, exact for the energy mode). Then f(−ε) = f̄(ε) and the out-rate is the mirrored
	 * in-rate, B(−ε) = A(ε): one inverse FFT per evaluation instead of two. With an odd number of energies the
	 * forward transforms use the parities too (N f_L, N v odd, M f_L, M v even): one complex FFT of length L/2
	 * instead of L. The caller guarantees the oddness.
	 */
	public CollisionIntegral( final double[] dos, final double[] anomalous, final double de, final double kernel, final boolean oddOnly )
	{
		if ( dos.length != anomalous.length || dos.length < 2 )
			throw new IllegalArgumentException( "N and M must have the same length >= 2" );
		this.odd = oddOnly;
		this.n = dos.length;
		this.de = de;
		this.kernel = kernel;
		this.dos = dos.clone();
		this.anomalous = anomalous.clone();
		this.fft = Fft.of( Fft.atLeast( 2 * n ) );
		final int l = fft.length();
		half = l / 2 + 1;
		nRe = new double[ half ];
		nIm = new double[ half ];
		mRe = new double[ half ];
		mIm = new double[ half ];
		re1 = new double[ l ];
		im1 = new double[ l ];
		re2 = new double[ l ];
		im2 = new double[ l ];
		spec = new double[ 4 ][ half ];
		grid = new double[ 7 ][ n ];
		if ( oddOnly && n % 2 == 1 && l >= 4 )
		{
			halfFft = Fft.of( l / 2 );
			final double[][] t = PARITY_TABLES.computeIfAbsent( n, CollisionIntegral::parityTables );
			phaseRe = t[ 0 ];
			phaseIm = t[ 1 ];
			twRe = t[ 2 ];
			twIm = t[ 3 ];
		}
		else
		{
			halfFft = null;
			phaseRe = phaseIm = twRe = twIm = null;
		}
		spectra( this.dos, this.anomalous, nRe, nIm, mRe, mIm );
	}

	/** Parity phases and real-FFT twiddles per N (read-only, shared: one collision integral is built per Δ). */
	private static final java.util.concurrent.ConcurrentHashMap< Integer, double[][] > PARITY_TABLES = new java.util.concurrent.ConcurrentHashMap<>();

	/** {phaseRe, phaseIm, twRe, twIm} for q = 0 … L/2: e^{−2πiqc/L} and e^{−2πiq/L}, c = (N − 1)/2. */
	private static double[][] parityTables( final int n )
	{
		final int l = Fft.atLeast( 2 * n );
		final int half = l / 2 + 1;
		final double[][] t = new double[ 4 ][ half ];
		final long c = ( n - 1 ) / 2;
		for ( int q = 0; q < half; q++ )
		{
			// reduce q·c mod L first: exact angles for large q·c
			final double a = 2 * Math.PI * ( ( q * c ) % l ) / l;
			t[ 0 ][ q ] = Math.cos( a );
			t[ 1 ][ q ] = -Math.sin( a );
			final double b = 2 * Math.PI * q / l;
			t[ 2 ][ q ] = Math.cos( b );
			t[ 3 ][ q ] = -Math.sin( b );
		}
		return t;
	}

	public int size()
	{
		return n;
	}

	public double kernel()
	{
		return kernel;
	}

	/** I_coll[f_L] on the grid. */
	public double[] apply( final double[] fL )
	{
		return linearize( fL ).value();
	}

	/** Evaluates at f_L and keeps what the Jacobian-vector product needs. */
	public Linearization linearize( final double[] fL )
	{
		return new Linearization( fL );
	}

	/**
	 * As {@link #linearize(double[])}, refilling {@code reuse} (a linearization of this integral that the caller no
	 * longer needs, or null) instead of allocating: the solver keeps two per node (current and trial state).
	 */
	Linearization linearize( final double[] fL, final Linearization reuse )
	{
		if ( reuse == null || reuse.owner() != this || reuse.aRe == null || reuse.f == null )
			return new Linearization( fL );
		reuse.set( fL );
		return reuse;
	}

	/** FFTs (q = 0 … L/2) of two real grid functions a, b (zero-padded) by one complex FFT of a + ib. */
	private void spectra( final double[] a, final double[] b, final double[] aRe, final double[] aIm, final double[] bRe, final double[] bIm )
	{
		final int l = fft.length();
		final double[] re = re1;
		final double[] im = im1;
		fft.forwardPadded( a, b, n, re, im );
		for ( int q = 0; q < half; q++ )
		{
			final int p = ( l - q ) & ( l - 1 );
			// A_q = (Z_q + conj Z_{−q})/2, B_q = (Z_q − conj Z_{−q})/(2i)
			aRe[ q ] = 0.5 * ( re[ q ] + re[ p ] );
			aIm[ q ] = 0.5 * ( im[ q ] - im[ p ] );
			bRe[ q ] = 0.5 * ( im[ q ] + im[ p ] );
			bIm[ q ] = -0.5 * ( re[ q ] - re[ p ] );
		}
	}

	/**
	 * Half spectra (q = 0 … L/2) of u, odd about the centre c, and w, even about c, from one real FFT of length L
	 * (a complex one of length L/2). Why: the Jacobian-vector product's forward transform at half the cost. With
	 * z_j = u_{c+j} + w_{c+j} placed circularly (j = −c … c), Z_q = Ŵ_q + Û_q where the centred transforms Ŵ are
	 * real and Û imaginary; then W_q = e^{−2πiqc/L} Re Z_q, U_q = e^{−2πiqc/L} i Im Z_q.
	 */
	private void paritySpectra( final double[] u, final double[] w, final double[] uRe, final double[] uIm, final double[] wRe, final double[] wIm )
	{
		parityTransform( u, w );
		final double[] hr = re2;
		final double[] hi = im2;
		final int m = fft.length() / 2;
		for ( int q = 0; q < half; q++ )
		{
			final int k = q & ( m - 1 );
			final int k2 = ( m - q ) & ( m - 1 );
			// Z_q = E + t_q O, E = (H_k + conj H_{m−k})/2, O = (H_k − conj H_{m−k})/(2i)
			final double er = 0.5 * ( hr[ k ] + hr[ k2 ] ), ei = 0.5 * ( hi[ k ] - hi[ k2 ] );
			final double or = 0.5 * ( hi[ k ] + hi[ k2 ] ), oi = -0.5 * ( hr[ k ] - hr[ k2 ] );
			final double tr = twRe[ q ], ti = twIm[ q ];
			final double zr = er + tr * or - ti * oi;
			final double zi = ei + tr * oi + ti * or;
			final double pr = phaseRe[ q ], pi = phaseIm[ q ];
			wRe[ q ] = pr * zr;
			wIm[ q ] = pi * zr;
			uRe[ q ] = -pi * zi;
			uIm[ q ] = pr * zi;
		}
	}

	/**
	 * The FFT part of {@link #paritySpectra}: H (length L/2) into re2, im2. Callers that use the spectra once
	 * extract them on the fly (same formulas as there; why: four arrays fewer to write and read back).
	 */
	private void parityTransform( final double[] u, final double[] w )
	{
		final int l = fft.length();
		final int m = l / 2;
		final int c = ( n - 1 ) / 2;
		// h_k = z_{2k} + i z_{2k+1}, z_j at j = 0 … c and at L − j for j = 1 … c, zero between
		final double[] hr = re2;
		final double[] hi = im2;
		// written in bit-reversed order: the half-length FFT then skips its permutation
		final int[] rev = halfFft.reversal();
		java.util.Arrays.fill( hr, 0, m, 0 );
		java.util.Arrays.fill( hi, 0, m, 0 );
		for ( int j = 0; j <= c; j++ )
		{
			final double z = u[ c + j ] + w[ c + j ];
			if ( ( j & 1 ) == 0 )
				hr[ rev[ j >> 1 ] ] = z;
			else
				hi[ rev[ j >> 1 ] ] = z;
		}
		for ( int j = 1; j <= c; j++ )
		{
			final int at = l - j;
			final double z = u[ c - j ] + w[ c - j ];
			if ( ( at & 1 ) == 0 )
				hr[ rev[ at >> 1 ] ] = z;
			else
				hi[ rev[ at >> 1 ] ] = z;
		}
		halfFft.forwardFromReversed( hr, hi );
	}

	/** Test hook: {@link #paritySpectra} (odd mode, odd N) or the general path, for u odd and w even. */
	void spectraOfParityPair( final double[] u, final double[] w, final double[] uRe, final double[] uIm, final double[] wRe, final double[] wIm )
	{
		if ( halfFft != null )
			paritySpectra( u, w, uRe, uIm, wRe, wIm );
		else
			spectra( u, w, uRe, uIm, wRe, wIm );
	}

	int halfLength()
	{
		return half;
	}

	/**
	 * Packs Hermitian spectra X_q, Y_q (given for q ≤ L/2) into Z = X + iY at the positions of q and L − q (callers
	 * pass the bit-reversed ones), so that one inverse FFT returns x in re and y in im. The mirror is written first:
	 * at q = 0 and L/2 the direct value wins.
	 */
	private static void pack( final double[] re, final double[] im, final int q, final int mirror, final double xr, final double xi, final double yr, final double yi )
	{
		re[ mirror ] = xr + yi;
		im[ mirror ] = yr - xi;
		re[ q ] = xr - yi;
		im[ q ] = xi + yr;
	}

	/**
	 * The collision integral at one distribution, with the pieces of its Jacobian. Holds the spectra of N f, M f and
	 * of the correlation C; {@link #jacobianTimes(double[])} reuses them.
	 */
	public final class Linearization
	{
		// arrays from the per-thread ArrayPool (why: see there), every entry written by set() before it is read
		private double[] f = ArrayPool.take( n );

		private double[] in = ArrayPool.take( n );

		private double[] out = ArrayPool.take( n );

		/** The four convolutions K δε² (Nf ⊛ C), (Mf ⊛ C), (N f̄ ⊛ C'), (M f̄ ⊛ C'): smooth in ε (see {@link #inRateAt}). */
		private double[] inN = ArrayPool.take( n ), inM = ArrayPool.take( n ), outN = ArrayPool.take( n ), outM = ArrayPool.take( n );

		private double[] value = ArrayPool.take( n );

		/** inN, inM, outN, outM interleaved per energy (why: {@link #ratesAt} reads all four, one cache line). */
		private double[] table = ArrayPool.take( 4 * n );

		/** Spectra for {@link #jacobianTimes}; null once {@link #releaseSpectra} gave them back. */
		private double[] aRe = ArrayPool.take( half ), aIm = ArrayPool.take( half ), bRe = ArrayPool.take( half ), bIm = ArrayPool.take( half ), cRe = ArrayPool.take( half ), cIm = ArrayPool.take( half );

		private Linearization( final double[] fL )
		{
			set( fL );
		}

		/**
		 * Gives the spectra back to this thread's pool: values, rates and {@link #ratesAt} stay valid, the
		 * Jacobian-vector product and refilling do not. For linearizations handed out after a solve.
		 */
		void releaseSpectra()
		{
			if ( aRe == null )
				return;
			ArrayPool.give( aRe );
			ArrayPool.give( aIm );
			ArrayPool.give( bRe );
			ArrayPool.give( bIm );
			ArrayPool.give( cRe );
			ArrayPool.give( cIm );
			aRe = aIm = bRe = bIm = cRe = cIm = null;
		}

		/** Gives every array back; the linearization must not be used afterwards. */
		void release()
		{
			if ( f == null )
				return;
			releaseSpectra();
			ArrayPool.give( f );
			ArrayPool.give( in );
			ArrayPool.give( out );
			ArrayPool.give( inN );
			ArrayPool.give( inM );
			ArrayPool.give( outN );
			ArrayPool.give( outM );
			ArrayPool.give( value );
			ArrayPool.give( table );
			f = in = out = inN = inM = outN = outM = value = table = null;
		}

		private CollisionIntegral owner()
		{
			return CollisionIntegral.this;
		}

		private void set( final double[] fL )
		{
			if ( fL.length != n )
				throw new IllegalArgumentException( "f_L has " + fL.length + " energies, expected " + n );
			final double[] nf = grid[ 0 ];
			final double[] mf = grid[ 1 ];
			if ( halfFft != null )
			{
				// f = (1 − f_L)/2: F(N f) = (F(N) − F(N f_L))/2 with N f_L odd and M f_L even (parity transform)
				for ( int i = 0; i < n; i++ )
				{
					f[ i ] = 0.5 * ( 1 - fL[ i ] );
					nf[ i ] = dos[ i ] * fL[ i ];
					mf[ i ] = anomalous[ i ] * fL[ i ];
				}
				// one pass over q (why: memory traffic): the spectra as paritySpectra, Â, B̂, Ĉ as below, and the
				// products ÂĈ, B̂Ĉ packed for the inverse as convolutions(…, false, …) does; same arithmetic
				parityTransform( nf, mf );
				final double[] hr = re2, hi = im2;
				final int l = fft.length(), m = l / 2;
				final int[] rev = fft.reversal();
				for ( int q = 0; q < half; q++ )
				{
					final int k = q & ( m - 1 );
					final int k2 = ( m - q ) & ( m - 1 );
					final double er = 0.5 * ( hr[ k ] + hr[ k2 ] ), ei = 0.5 * ( hi[ k ] - hi[ k2 ] );
					final double or = 0.5 * ( hi[ k ] + hi[ k2 ] ), oi = -0.5 * ( hr[ k ] - hr[ k2 ] );
					final double tr = twRe[ q ], ti = twIm[ q ];
					final double zr = er + tr * or - ti * oi;
					final double zi = ei + tr * oi + ti * or;
					final double hpr = phaseRe[ q ], hpi = phaseIm[ q ];
					final double ar = 0.5 * ( nRe[ q ] - -hpi * zi ), ai = 0.5 * ( nIm[ q ] - hpr * zi );
					final double br = 0.5 * ( mRe[ q ] - hpr * zr ), bi = 0.5 * ( mIm[ q ] - hpi * zr );
					aRe[ q ] = ar;
					aIm[ q ] = ai;
					bRe[ q ] = br;
					bIm[ q ] = bi;
					final double pr = nRe[ q ] - ar, pi = nIm[ q ] - ai;
					final double sr = mRe[ q ] - br, si = mIm[ q ] - bi;
					final double cr = ar * pr + ai * pi - ( br * sr + bi * si );
					final double ci = ai * pr - ar * pi - ( bi * sr - br * si );
					cRe[ q ] = cr;
					cIm[ q ] = ci;
					pack( re1, im1, rev[ q ], rev[ ( l - q ) & ( l - 1 ) ], ar * cr - ai * ci, ar * ci + ai * cr, br * cr - bi * ci, br * ci + bi * cr );
				}
				inverseConvolution( inN, inM );
			}
			else
			{
				for ( int i = 0; i < n; i++ )
				{
					f[ i ] = 0.5 * ( 1 - fL[ i ] );
					nf[ i ] = dos[ i ] * f[ i ];
					mf[ i ] = anomalous[ i ] * f[ i ];
				}
				spectra( nf, mf, aRe, aIm, bRe, bIm );
				// Ĉ = F(Nf) conj F(N f̄) − F(Mf) conj F(M f̄), with F(N f̄) = F(N) − F(Nf)
				for ( int q = 0; q < half; q++ )
				{
					final double pr = nRe[ q ] - aRe[ q ], pi = nIm[ q ] - aIm[ q ];
					final double sr = mRe[ q ] - bRe[ q ], si = mIm[ q ] - bIm[ q ];
					cRe[ q ] = aRe[ q ] * pr + aIm[ q ] * pi - ( bRe[ q ] * sr + bIm[ q ] * si );
					cIm[ q ] = aIm[ q ] * pr - aRe[ q ] * pi - ( bIm[ q ] * sr - bRe[ q ] * si );
				}
				convolutions( aRe, aIm, bRe, bIm, cRe, cIm, false, inN, inM );
			}
			if ( odd )
				for ( int i = 0; i < n; i++ )
				{
					// B(−ε) = A(ε): N even, M odd, f(−ε) = f̄(ε)
					outN[ i ] = inN[ n - 1 - i ];
					outM[ i ] = -inM[ n - 1 - i ];
				}
			else
			{
				final double[] fbNRe = spec[ 0 ], fbNIm = spec[ 1 ], fbMRe = spec[ 2 ], fbMIm = spec[ 3 ];
				for ( int q = 0; q < half; q++ )
				{
					fbNRe[ q ] = nRe[ q ] - aRe[ q ];
					fbNIm[ q ] = nIm[ q ] - aIm[ q ];
					fbMRe[ q ] = mRe[ q ] - bRe[ q ];
					fbMIm[ q ] = mIm[ q ] - bIm[ q ];
				}
				convolutions( fbNRe, fbNIm, fbMRe, fbMIm, cRe, cIm, true, outN, outM );
			}
			for ( int i = 0; i < n; i++ )
			{
				in[ i ] = dos[ i ] * inN[ i ] - anomalous[ i ] * inM[ i ];
				out[ i ] = dos[ i ] * outN[ i ] - anomalous[ i ] * outM[ i ];
				value[ i ] = ( 1 - f[ i ] ) * in[ i ] - f[ i ] * out[ i ];
				table[ 4 * i ] = inN[ i ];
				table[ 4 * i + 1 ] = inM[ i ];
				table[ 4 * i + 2 ] = outN[ i ];
				table[ 4 * i + 3 ] = outM[ i ];
			}
		}

		/** I_coll at the linearization point. */
		public double[] value()
		{
			return value.clone();
		}

		/** I_coll at energy i (no copy). */
		double value( final int i )
		{
			return value[ i ];
		}

		/** Scattering-in rate A_i (per empty state) and out rate B_i (per occupied state); I = f̄ A − f B. */
		public double inRate( final int i )
		{
			return in[ i ];
		}

		public double outRate( final int i )
		{
			return out[ i ];
		}

		/**
		 * In- and out-rates A(ε), B(ε) at an energy between grid points, given N(ε), M(ε) there: the convolutions are
		 * interpolated linearly in ε (they are continuous), the coherence factors N, M taken exactly. At a grid
		 * energy this is A_i, B_i. Returns {A, B}.
		 */
		public double[] ratesAt( final double position, final double dosHere, final double anomalousHere )
		{
			int i = ( int ) Math.floor( position );
			i = Math.max( 0, Math.min( n - 2, i ) );
			final double w = Math.max( 0, Math.min( 1, position - i ) );
			final double a = dosHere * lerp( 4 * i, w ) - anomalousHere * lerp( 4 * i + 1, w );
			final double b = dosHere * lerp( 4 * i + 2, w ) - anomalousHere * lerp( 4 * i + 3, w );
			return new double[] { a, b };
		}

		/**
		 * As {@link #ratesAt} at cell i, weight w ∈ [0, 1] (the caller has clamped them): (A + B)/2 into ab[0], (A − B)/2
		 * into ab[1]. Why: the gap equation asks for every node at ~10⁴ energies; no allocation, no repeated floor.
		 */
		void halfRates( final int i, final double w, final double dosHere, final double anomalousHere, final double[] ab )
		{
			final double[] y = table;
			final int j = 4 * i;
			final double inN = y[ j ] + w * ( y[ j + 4 ] - y[ j ] ), inM = y[ j + 1 ] + w * ( y[ j + 5 ] - y[ j + 1 ] );
			final double outN = y[ j + 2 ] + w * ( y[ j + 6 ] - y[ j + 2 ] ), outM = y[ j + 3 ] + w * ( y[ j + 7 ] - y[ j + 3 ] );
			final double a = dosHere * inN - anomalousHere * inM;
			final double b = dosHere * outN - anomalousHere * outM;
			ab[ 0 ] = 0.5 * ( a + b );
			ab[ 1 ] = 0.5 * ( a - b );
		}

		/**
		 * The four convolutions at grid energy i, K δε² (Nf ⊛ C), (Mf ⊛ C), (N f̄ ⊛ C'), (M f̄ ⊛ C') — A_i = N_i out[0] − M_i
		 * out[1], B_i = N_i out[2] − M_i out[3] — for callers that interpolate them their own way (the local-gap rebuild).
		 */
		void convolutionsAt( final int i, final double[] out )
		{
			System.arraycopy( table, 4 * i, out, 0, 4 );
		}

		/** Linear interpolation in the interleaved table from entry j (one energy) to j + 4 (the next). */
		private double lerp( final int j, final double w )
		{
			final double[] y = table;
			return w == 0 ? y[ j ] : y[ j ] + w * ( y[ j + 4 ] - y[ j ] );
		}

		/**
		 * ∂I/∂f_L at energy i from the occupation factors of that energy alone, (A_i + B_i)/2 ≥ 0 where the coherence
		 * factors are positive: the relaxation-time part of the Jacobian (for preconditioners).
		 */
		public double diagonal( final int i )
		{
			return 0.5 * ( in[ i ] + out[ i ] );
		}

		/**
		 * Largest in- or out-scattering rate |A_i|, |B_i|: the scale of the terms of I before the occupation factors,
		 * and the scale of the FFT's rounding error (which is spread over all energies, ~1e-16 of the largest rate).
		 */
		public double scale()
		{
			double s = 0;
			for ( int i = 0; i < n; i++ )
				s = Math.max( s, Math.max( Math.abs( in[ i ] ), Math.abs( out[ i ] ) ) );
			return s;
		}

		/** (∂I/∂f_L) · v by the same FFTs (exact derivative of the discrete I; I is quartic in f). */
		public double[] jacobianTimes( final double[] vL )
		{
			final double[] r = new double[ n ];
			jacobianTimes( vL, r );
			return r;
		}

		/** As {@link #jacobianTimes(double[])} into {@code r} (length N, not aliasing vL), without allocating. */
		void jacobianTimes( final double[] vL, final double[] r )
		{
			final int[] rev = fft.reversal();
			if ( aRe == null )
				throw new IllegalStateException( "linearization released" );
			final int l = fft.length();
			final double[] v = grid[ 0 ];
			final double[] nv = grid[ 1 ];
			final double[] mv = grid[ 2 ];
			for ( int i = 0; i < n; i++ )
			{
				v[ i ] = -0.5 * vL[ i ];
				nv[ i ] = dos[ i ] * v[ i ];
				mv[ i ] = anomalous[ i ] * v[ i ];
			}
			if ( halfFft != null )
			{
				// the direction's spectra extracted from the parity transform where they are used (as paritySpectra)
				parityTransform( nv, mv );
				final double[] hr = re2, hi = im2;
				final int m = l / 2;
				for ( int q = 0; q < half; q++ )
				{
					final int k = q & ( m - 1 );
					final int k2 = ( m - q ) & ( m - 1 );
					final double er = 0.5 * ( hr[ k ] + hr[ k2 ] ), ei = 0.5 * ( hi[ k ] - hi[ k2 ] );
					final double or = 0.5 * ( hi[ k ] + hi[ k2 ] ), oi = -0.5 * ( hr[ k ] - hr[ k2 ] );
					final double tr = twRe[ q ], ti = twIm[ q ];
					final double zr = er + tr * or - ti * oi;
					final double zi = ei + tr * oi + ti * or;
					final double pr = phaseRe[ q ], pi = phaseIm[ q ];
					directionTerm( q, rev[ q ], rev[ ( l - q ) & ( l - 1 ) ], -pi * zi, pr * zi, pr * zr, pi * zr );
				}
			}
			else
			{
				final double[] vnRe = spec[ 0 ], vnIm = spec[ 1 ], vmRe = spec[ 2 ], vmIm = spec[ 3 ];
				spectra( nv, mv, vnRe, vnIm, vmRe, vmIm );
				for ( int q = 0; q < half; q++ )
					directionTerm( q, rev[ q ], rev[ ( l - q ) & ( l - 1 ) ], vnRe[ q ], vnIm[ q ], vmRe[ q ], vmIm[ q ] );
			}
			final double[] dIn = grid[ 3 ];
			final double[] dOut = grid[ 4 ];
			combine( re1, im1, dIn );
			if ( odd )
				for ( int i = 0; i < n; i++ )
					dOut[ i ] = dIn[ n - 1 - i ];
			else
				combine( re2, im2, dOut );
			for ( int i = 0; i < n; i++ )
				r[ i ] = -v[ i ] * in[ i ] + ( 1 - f[ i ] ) * dIn[ i ] - v[ i ] * out[ i ] - f[ i ] * dOut[ i ];
		}

		/**
		 * One frequency of the Jacobian-vector product from the direction's spectra V̂n, V̂m at q, packed for the
		 * inverse FFT(s) at the bit-reversed positions of q and L − q. Memory traffic, not flops, is the cost here:
		 * dĈ = V̂n conj(F̂N − Â) − Â conj(V̂n) − V̂m conj(F̂M − B̂) + B̂ conj(V̂m);
		 * d(in) from X1 = V̂n Ĉ + Â dĈ, Y1 = V̂m Ĉ + B̂ dĈ; d(out) from −V̂ conj(Ĉ) + (F̂ − Â) conj(dĈ).
		 */
		private void directionTerm( final int q, final int at, final int mirror, final double vnr, final double vni, final double vmr, final double vmi )
		{
			{
				final double ar = aRe[ q ], ai = aIm[ q ], br = bRe[ q ], bi = bIm[ q ];
				final double pr = nRe[ q ] - ar, pi = nIm[ q ] - ai;
				final double sr = mRe[ q ] - br, si = mIm[ q ] - bi;
				final double dr = vnr * pr + vni * pi - ( ar * vnr + ai * vni ) - ( vmr * sr + vmi * si ) + ( br * vmr + bi * vmi );
				final double di = vni * pr - vnr * pi - ( ai * vnr - ar * vni ) - ( vmi * sr - vmr * si ) + ( bi * vmr - br * vmi );
				final double cr = cRe[ q ], ci = cIm[ q ];
				// packed in bit-reversed order (the inverse FFT then skips its permutation)
				pack( re1, im1, at, mirror,
						vnr * cr - vni * ci + ar * dr - ai * di,
						vnr * ci + vni * cr + ar * di + ai * dr,
						vmr * cr - vmi * ci + br * dr - bi * di,
						vmr * ci + vmi * cr + br * di + bi * dr );
				if ( odd )
					return;
				// conj(Ĉ) = (cr, −ci), conj(dĈ) = (dr, −di)
				pack( re2, im2, at, mirror,
						-( vnr * cr + vni * ci ) + pr * dr + pi * di,
						-( vni * cr - vnr * ci ) + pi * dr - pr * di,
						-( vmr * cr + vmi * ci ) + sr * dr + si * di,
						-( vmi * cr - vmr * ci ) + si * dr - sr * di );
			}
		}
	}

	/**
	 * x = K δε² (P ⊛ C), y = K δε² (Q ⊛ C) for half spectra P (paired with N) and Q (paired with M); with
	 * {@code conjugateC} the reflected correlation C(−m) (spectrum conj Ĉ) is used.
	 */
	private void convolutions( final double[] pRe, final double[] pIm, final double[] qRe, final double[] qIm, final double[] cRe, final double[] cIm, final boolean conjugateC, final double[] x, final double[] y )
	{
		final int l = fft.length();
		final double s = conjugateC ? -1 : 1;
		final int[] rev = fft.reversal();
		for ( int q = 0; q < half; q++ )
		{
			final double cr = cRe[ q ], ci = s * cIm[ q ];
			pack( re1, im1, rev[ q ], rev[ ( l - q ) & ( l - 1 ) ],
					pRe[ q ] * cr - pIm[ q ] * ci,
					pRe[ q ] * ci + pIm[ q ] * cr,
					qRe[ q ] * cr - qIm[ q ] * ci,
					qRe[ q ] * ci + qIm[ q ] * cr );
		}
		inverseConvolution( x, y );
	}

	/** The inverse FFT of the spectrum packed in re1, im1, times K δε², into x (real part) and y (imaginary). */
	private void inverseConvolution( final double[] x, final double[] y )
	{
		fft.inverseFromReversed( re1, im1, n );
		final double k = kernel * de * de;
		for ( int i = 0; i < n; i++ )
		{
			x[ i ] = k * re1[ i ];
			y[ i ] = k * im1[ i ];
		}
	}

	/** rate_i = K δε² (N_i x_i − M_i y_i), x + iy the inverse transform of the packed spectrum re + i im. */
	private void combine( final double[] re, final double[] im, final double[] rate )
	{
		fft.inverseFromReversed( re, im, n );
		final double k = kernel * de * de;
		for ( int i = 0; i < n; i++ )
			rate[ i ] = k * ( dos[ i ] * re[ i ] - anomalous[ i ] * im[ i ] );
	}
}
