package org.nisnonlocal.fit;

/**
 * The NIS tunnel conductance of a Dynes superconductor, thermally and lock-in broadened:
 * <pre>
 *   G(V) = G_N ∫ du w(u) ∫ dε N(ε; Δ, Γ) · [−∂f(ε − x − u)/∂ε],   x = e(V − V0),
 * </pre>
 * f the Fermi function at k_B·T_e, w the lock-in kernel ({@link #lockInCell}). Energies in eV, bias in V (so eV and V
 * are the same numbers), T in K.
 * <p>
 * <b>Grid and rule.</b> Everything lives on one uniform energy lattice ε_k = k·h (k integer, h fixed for the object, so
 * the model is a smooth function of the parameters and finite-difference Jacobians are clean):
 * <ul>
 * <li>N is replaced by its exact cell averages N̄_k = [F(ε_k + h/2) − F(ε_k − h/2)]/h, with the closed-form
 * antiderivative F(ε) = sign(ε)·Re sqrt((|ε| + iΓ)² − Δ²). The BCS edge singularity is thus integrated exactly, even
 * for Γ = 0.</li>
 * <li>The kernel is given by exact cell integrals: thermal w_m = f((m − ½)h) − f((m + ½)h); lock-in by the exact
 * integral of the semicircle over each cell; the two are convolved discretely and normalised to sum 1 (a flat N gives
 * exactly G_N). The thermal kernel is cut at ±{@value #THERMAL_CUT} k_BT (missing weight 4·10⁻⁹).</li>
 * <li>G on the lattice is the discrete convolution Σ_k N̄_k·w_{j−k} (a midpoint-type rule, error O(h²)); at a data
 * point it is interpolated with the 4-point Lagrange cubic (error O(h⁴)).</li>
 * </ul>
 * {@link #stepFor} picks h = min(k_BT, a)/{@value #POINTS_PER_WIDTH} with a = √2·V_ac; the test DynesConductanceTest
 * measures the resulting error against a 16× finer lattice.
 */
public final class DynesConductance
{
	/** Boltzmann constant in eV/K (CODATA 2018, exact). */
	public static final double K_B = 8.617333262e-5;

	/** Lattice points per k_BT (and per lock-in amplitude): sets accuracy against speed. */
	public static final int POINTS_PER_WIDTH = 8;

	/** Thermal kernel cut, in k_BT. */
	public static final double THERMAL_CUT = 20;

	/** Upper bound on lattice points, so a runaway temperature cannot exhaust memory. */
	private static final int MAX_POINTS = 2_000_000;

	private final double h;

	/** A model on the lattice ε_k = k·step (eV). */
	public DynesConductance( final double step )
	{
		if ( !( step > 0 ) || !Double.isFinite( step ) )
			throw new IllegalArgumentException( "lattice step must be > 0, got " + step );
		this.h = step;
	}

	public double step() { return h; }

	/**
	 * The lattice step for a temperature (K) and lock-in rms excitation (V), at least {@code span}/10⁵ so that a
	 * spectrum of that energy span never needs more than about 10⁵ points.
	 */
	public static double stepFor( final double temperature, final double vacRms, final double span )
	{
		final double kT = K_B * temperature;
		final double a = Math.sqrt( 2 ) * vacRms;
		final double width = a > 0 ? Math.min( kT, a ) : kT;
		return Math.max( width / POINTS_PER_WIDTH, span * 1e-5 );
	}

	/**
	 * G(V)/G_N at energies x_i = e(V_i − V0) (eV), in any order, for gap Δ and Dynes Γ (eV), temperature (K) and
	 * lock-in rms excitation (V; 0 for none).
	 */
	public double[] normalized( final double[] x, final double delta, final double gamma, final double temperature, final double vacRms )
	{
		return new Curve( lo( x ), hi( x ), delta, gamma, kernel( temperature, vacRms ) ).at( x, 0 );
	}

	/** G(V) in G_N's unit at bias values (V): the plotting entry point. */
	public static double[] conductance( final double[] biasV, final double gN, final double delta, final double gamma, final double temperature, final double offsetV, final double vacRms )
	{
		final double[] x = new double[ biasV.length ];
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for ( int i = 0; i < x.length; i++ )
		{
			x[ i ] = biasV[ i ] - offsetV;
			lo = Math.min( lo, x[ i ] );
			hi = Math.max( hi, x[ i ] );
		}
		final double[] g = new DynesConductance( stepFor( temperature, vacRms, hi - lo ) ).normalized( x, delta, gamma, temperature, vacRms );
		for ( int i = 0; i < g.length; i++ )
			g[ i ] *= gN;
		return g;
	}

	static double lo( final double[] x )
	{
		double m = Double.POSITIVE_INFINITY;
		for ( final double v : x )
			m = Math.min( m, v );
		return m;
	}

	static double hi( final double[] x )
	{
		double m = Double.NEGATIVE_INFINITY;
		for ( final double v : x )
			m = Math.max( m, v );
		return m;
	}

	/** Kernel cell weights w_m, m = −W … W, stored at index m + W; sum 1. */
	double[] kernel( final double temperature, final double vacRms )
	{
		final double kT = K_B * temperature;
		final int wt = ( int ) Math.ceil( THERMAL_CUT * kT / h ) + 1;
		if ( 2L * wt + 1 > MAX_POINTS )
			throw new IllegalArgumentException( "thermal kernel needs " + ( 2L * wt + 1 ) + " lattice points (T = " + temperature + " K, step " + h + " eV)" );
		final double[] thermal = new double[ 2 * wt + 1 ];
		for ( int m = -wt; m <= wt; m++ )
			thermal[ m + wt ] = fermi( ( m - 0.5 ) * h, kT ) - fermi( ( m + 0.5 ) * h, kT );
		final double a = Math.sqrt( 2 ) * vacRms;
		if ( !( a > 0 ) )
			return normalize( thermal );
		final int wl = ( int ) Math.ceil( a / h + 0.5 );
		final double[] lockIn = new double[ 2 * wl + 1 ];
		for ( int m = -wl; m <= wl; m++ )
			lockIn[ m + wl ] = lockInCell( ( m - 0.5 ) * h, ( m + 0.5 ) * h, a );
		final double[] both = new double[ thermal.length + lockIn.length - 1 ];
		for ( int i = 0; i < thermal.length; i++ )
			for ( int j = 0; j < lockIn.length; j++ )
				both[ i + j ] += thermal[ i ] * lockIn[ j ];
		return normalize( both );
	}

	private static double[] normalize( final double[] w )
	{
		double s = 0;
		for ( final double v : w )
			s += v;
		for ( int i = 0; i < w.length; i++ )
			w[ i ] /= s;
		return w;
	}

	/** Fermi function 1/(1 + e^{x/kT}), overflow-safe; a step for kT = 0. */
	static double fermi( final double x, final double kT )
	{
		if ( kT <= 0 )
			return x < 0 ? 1 : x > 0 ? 0 : 0.5;
		final double r = x / kT;
		return r > 0 ? Math.exp( -r ) / ( 1 + Math.exp( -r ) ) : 1 / ( 1 + Math.exp( r ) );
	}

	/**
	 * ∫_{u0}^{u1} w(u) du of the lock-in kernel w(u) = (2/(π a²))·sqrt(a² − u²), |u| ≤ a, with a = √2·V_rms the
	 * excitation amplitude. Why this kernel: a lock-in reading the first harmonic of I(V + a·cos ωt) outputs
	 * (1/(π a))∫_0^{2π} I(V + a cos θ) cos θ dθ; integrating by parts in θ and substituting u = a cos θ gives
	 * ∫ G(V + u)·(2/(π a²))·sqrt(a² − u²) du, a semicircle of unit area.
	 */
	static double lockInCell( final double u0, final double u1, final double a )
	{
		return semicircleCdf( Math.min( a, Math.max( -a, u1 ) ), a ) - semicircleCdf( Math.min( a, Math.max( -a, u0 ) ), a );
	}

	/** ∫_{-a}^{u} (2/(π a²)) sqrt(a² − t²) dt for |u| ≤ a. */
	private static double semicircleCdf( final double u, final double a )
	{
		final double s = u / a;
		return 0.5 + ( s * Math.sqrt( Math.max( 0, 1 - s * s ) ) + Math.asin( s ) ) / Math.PI;
	}

	/**
	 * Antiderivative of the Dynes DOS: F(ε) = sign(ε)·Re sqrt((|ε| + iΓ)² − Δ²); F' = N, F(0) = 0, F(ε) → ε far out.
	 */
	static double dosIntegral( final double eps, final double delta, final double gamma )
	{
		final double e = Math.abs( eps );
		final double zr = e * e - gamma * gamma - delta * delta;
		final double zi = 2 * e * gamma;
		final double mod = Math.hypot( zr, zi );
		// Re of the principal root; the second form avoids cancellation inside the gap (zr < 0)
		final double re = zr >= 0 ? Math.sqrt( 0.5 * ( mod + zr ) ) : Math.abs( zi ) / Math.sqrt( 2 * ( mod - zr ) );
		return Math.copySign( re, eps );
	}

	/** G/G_N on lattice points j = j0 … j0 + len − 1, for one parameter set. */
	final class Curve
	{
		final int j0;
		final double[] g;

		Curve( final double xlo, final double xhi, final double delta, final double gamma, final double[] w )
		{
			final int half = ( w.length - 1 ) / 2;
			j0 = ( int ) Math.floor( xlo / h ) - 2;
			final int j1 = ( int ) Math.ceil( xhi / h ) + 2;
			if ( ( long ) j1 - j0 + w.length > MAX_POINTS )
				throw new IllegalArgumentException( "lattice of " + ( ( long ) j1 - j0 + w.length ) + " points (step " + h + " eV)" );
			final int k0 = j0 - half;
			final int nk = j1 - j0 + 1 + 2 * half;
			final double[] nbar = new double[ nk ];
			double fPrev = dosIntegral( ( k0 - 0.5 ) * h, delta, gamma );
			for ( int i = 0; i < nk; i++ )
			{
				final double fNext = dosIntegral( ( k0 + i + 0.5 ) * h, delta, gamma );
				nbar[ i ] = ( fNext - fPrev ) / h;
				fPrev = fNext;
			}
			g = new double[ j1 - j0 + 1 ];
			// G_j = Σ_m w_m N̄_{j−m}; with k = j − m: index of N̄_{j−m} is (j − j0) + half − m
			for ( int j = 0; j < g.length; j++ )
			{
				double s = 0;
				for ( int m = 0; m < w.length; m++ )
					s += w[ m ] * nbar[ j + 2 * half - m ];
				g[ j ] = s;
			}
		}

		/** Interpolated at x_i + shift (4-point Lagrange cubic on the lattice). */
		double[] at( final double[] x, final double shift )
		{
			final double[] out = new double[ x.length ];
			for ( int i = 0; i < x.length; i++ )
			{
				final double t = ( x[ i ] + shift ) / h - j0;
				int k = ( int ) Math.floor( t ) - 1;
				k = Math.max( 0, Math.min( g.length - 4, k ) );
				final double s = t - k - 1; // position relative to point k+1, in [0, 1) inside the lattice
				final double sm = s + 1, s1 = s - 1, s2 = s - 2;
				out[ i ] = -g[ k ] * s * s1 * s2 / 6 + g[ k + 1 ] * sm * s1 * s2 / 2 - g[ k + 2 ] * sm * s * s2 / 2 + g[ k + 3 ] * sm * s * s1 / 6;
			}
			return out;
		}
	}
}
