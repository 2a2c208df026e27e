package org.nisnonlocal.physics;

import java.util.Arrays;

import org.nisnonlocal.BadInputException;

/**
 * The position-dependent spectral Usadel equation on the half wire for a given real pair-potential profile Δ(x)
 * (no phase gradient, ζ = 0), in the θ parametrization G = cos θ, F = sin θ of S Eq. 1 with the gradient term:
 * <pre>
 *   ½ ∂x² θ + i E sin θ + Δ(x) cos θ = 0,   E = ε + iΓ,   x in ξ, energies in Δ0,
 *   ∂x θ(0) = 0   (mirror symmetry about the injector; the tunnel barrier's inverse proximity, ∝ κ_I ~ 1e-4, neglected),
 *   θ(ℓ) = θ_bulk(Δ(ℓ))   (the superconducting reservoir).
 * </pre>
 * (The uniform solution θ_bulk = arctan(iΔ/E) is {@link SpectralFunctions}' closed form; linearizing about it gives
 * ½ δθ'' + i w δθ = 0, w = √(E² − Δ²), i.e. the energy-dependent healing length 1/√(2|w|): ≈ 0.7 ξ at ε = 0 and
 * growing to ~1/√(2√(2ΓΔ)) at the gap edge.)
 * <p>
 * <b>Discretization.</b> Node-centred finite volumes on the kinetic solver's x nodes (finest at the injector), each
 * cell optionally cut into {@code refine} equal sub-cells with Δ between the nodes from {@link ProfileInterpolation};
 * the residual ½(θ_{j+1} − θ_j)/h_j − ½(θ_j − θ_{j−1})/h_{j−1} + V_j r(θ_j), r = iE sin θ + Δ cos θ. Newton per
 * energy from the local (bulk) solution, a complex tridiagonal system per step (Thomas; its diagonal has real part
 * ≤ −(conductances) − V Im w &lt; 0, so it is dominant). Steps are limited to |δθ| ≤ 0.5; if Newton does not converge
 * the gradient term is switched on gradually (s·½θ'', s: 0 → 1, where s = 0 is the local solution). The retarded
 * branch (Re G ≥ 0) is checked at every point. Negative energies follow from G(−ε) = G(ε)*, F(−ε) = F(ε)* (real Δ).
 * </p>
 */
public final class UsadelWire implements ProfileSpectra
{
	private static final int MAX_NEWTON = 40;

	private static final double STEP_LIMIT = 0.5;

	/**
	 * Newton stops after a step of at most this size (max-norm of δθ): convergence is quadratic with a constant ≲ 20
	 * (|h''/h'| ~ 1/|w| at the gap edge), so θ is then exact to ~1e-12.
	 */
	private static final double CONVERGED = 2e-7;

	private final double[] nodes;

	private final double gamma;

	private final int refine;

	/**
	 * θ of earlier solves by energy (packed a then b per grid point), the Newton start when the same energy and grid
	 * come again (the profile changes little between iterations: 1-2 Newton steps instead of 3-4). Why per instance:
	 * the history must be that of one sequential computation (one sweep chunk) for results independent of threads.
	 */
	private final LongMap previous = new LongMap();

	private int previousGridSize = -1;

	/** Entries kept at most (then the map starts over). */
	private static final int CACHE_LIMIT = 60000;

	/** A new instance of the same model without the cache of earlier solves (one per sequential computation). */
	@Override
	public UsadelWire fresh()
	{
		return new UsadelWire( nodes, gamma, refine );
	}

	/**
	 * @param nodes x nodes of the kinetic solver (ascending from 0; the last is the reservoir), ξ
	 * @param gamma Dynes Γ (Δ0)
	 * @param refine sub-cells per kinetic cell (1: the kinetic nodes themselves)
	 */
	public UsadelWire( final double[] nodes, final double gamma, final int refine )
	{
		if ( nodes.length < 2 || nodes[ 0 ] != 0 )
			throw new IllegalArgumentException( "need at least 2 nodes starting at x = 0" );
		if ( !( gamma > 0 ) || !Double.isFinite( gamma ) )
			throw new BadInputException( "Dynes gamma must be finite and > 0, got " + gamma );
		if ( refine < 1 || refine > 64 )
			throw new BadInputException( "refine must be in 1..64, got " + refine );
		this.nodes = nodes.clone();
		this.gamma = gamma;
		this.refine = refine;
	}

	@Override
	public double gamma()
	{
		return gamma;
	}

	@Override
	public SpectralGrid[] at( final double[] delta, final double[] energies )
	{
		return at( delta, energies, nodes );
	}

	/**
	 * G, F at the positions {@code query} (each in [0, ℓ]; positions between nodes are added to the grid) for the
	 * profile given at the nodes.
	 */
	public SpectralGrid[] at( final double[] delta, final double[] energies, final double[] query )
	{
		if ( delta.length != nodes.length )
			throw new IllegalArgumentException( "profile needs " + nodes.length + " values" );
		for ( final double d : delta )
			if ( !( d >= 0 ) || !Double.isFinite( d ) )
				throw new BadInputException( "pair potential must be finite and >= 0, got " + d );
		final Grid grid = new Grid( delta, query );
		final int nq = query.length, n = energies.length;
		final double[][] reG = new double[ nq ][ n ], imG = new double[ nq ][ n ], reF = new double[ nq ][ n ], imF = new double[ nq ][ n ];
		// solve once per |ε| (the kinetic grid is symmetric: half the work)
		final Integer[] order = new Integer[ n ];
		for ( int i = 0; i < n; i++ )
			order[ i ] = i;
		Arrays.sort( order, ( a, b ) -> Double.compare( Math.abs( energies[ a ] ), Math.abs( energies[ b ] ) ) );
		final Solver s = new Solver( grid );
		// the warm starts are valid only on the same grid (query points other than the nodes change it)
		final boolean cached = query == nodes;
		if ( cached && ( previousGridSize != grid.x.length || previous.size() > CACHE_LIMIT ) )
		{
			previous.clear();
			previousGridSize = grid.x.length;
		}
		double last = Double.NaN;
		for ( final int i : order )
		{
			final double e = Math.abs( energies[ i ] );
			if ( !Double.isFinite( e ) )
				throw new BadInputException( "energy grid contains a non-finite value" );
			if ( e != last )
			{
				final long key = Double.doubleToLongBits( e );
				final double[] start = cached ? previous.get( key ) : null;
				s.solve( e, start );
				if ( cached )
				{
					final double[] keep = start != null ? start : new double[ 2 * s.m ];
					System.arraycopy( s.ta, 0, keep, 0, s.m );
					System.arraycopy( s.tb, 0, keep, s.m, s.m );
					previous.put( key, keep );
				}
			}
			last = e;
			final double sign = energies[ i ] < 0 ? -1 : 1;
			for ( int q = 0; q < nq; q++ )
			{
				final int j = grid.queryIndex[ q ];
				final double a = s.ta[ j ], b = s.tb[ j ];
				final double ca = Math.cos( a ), sa = Math.sin( a ), chb = Math.cosh( b ), shb = Math.sinh( b );
				reG[ q ][ i ] = ca * chb;
				reF[ q ][ i ] = sa * chb;
				imG[ q ][ i ] = -sign * sa * shb;
				imF[ q ][ i ] = sign * ca * shb;
			}
		}
		final SpectralGrid[] out = new SpectralGrid[ nq ];
		for ( int q = 0; q < nq; q++ )
			out[ q ] = new SpectralGrid( grid.delta[ grid.queryIndex[ q ] ], energies.clone(), reG[ q ], imG[ q ], reF[ q ], imF[ q ] );
		return out;
	}

	/** The fine grid: nodes, sub-cells and query points, with Δ on it. */
	private final class Grid
	{
		final double[] x, delta, h, volume;

		final int[] queryIndex;

		Grid( final double[] nodeDelta, final double[] query )
		{
			final double end = nodes[ nodes.length - 1 ];
			final double[] pts = new double[ ( nodes.length - 1 ) * refine + 1 + query.length ];
			int c = 0;
			for ( int k = 0; k < nodes.length - 1; k++ )
				for ( int r = 0; r < refine; r++ )
					pts[ c++ ] = nodes[ k ] + ( nodes[ k + 1 ] - nodes[ k ] ) * r / refine;
			pts[ c++ ] = end;
			for ( final double q : query )
			{
				if ( !( q >= 0 && q <= end ) )
					throw new BadInputException( "position " + q + " is outside the wire [0, " + end + "]" );
				pts[ c++ ] = q;
			}
			x = Arrays.stream( pts ).sorted().distinct().toArray();
			final ProfileInterpolation p = new ProfileInterpolation( nodes, nodeDelta );
			delta = new double[ x.length ];
			for ( int j = 0; j < x.length; j++ )
			{
				final int at = Arrays.binarySearch( nodes, x[ j ] );
				delta[ j ] = at >= 0 ? nodeDelta[ at ] : p.at( x[ j ] );
			}
			h = new double[ x.length - 1 ];
			for ( int j = 0; j < h.length; j++ )
				h[ j ] = x[ j + 1 ] - x[ j ];
			volume = new double[ x.length ];
			for ( int j = 0; j < x.length; j++ )
				volume[ j ] = 0.5 * ( ( j > 0 ? h[ j - 1 ] : 0 ) + ( j < h.length ? h[ j ] : 0 ) );
			queryIndex = new int[ query.length ];
			for ( int q = 0; q < query.length; q++ )
				queryIndex[ q ] = Arrays.binarySearch( x, query[ q ] );
		}
	}

	/** Newton for one energy on a grid; θ = ta + i tb at every grid point (the last fixed by the reservoir). */
	private final class Solver
	{
		final Grid g;

		final int m;

		final double[] ta, tb, ra, rb, lowR, diagR, diagI, upR, cR, cI, dR, dI;

		Solver( final Grid g )
		{
			this.g = g;
			m = g.x.length;
			ta = new double[ m ];
			tb = new double[ m ];
			ra = new double[ m ];
			rb = new double[ m ];
			lowR = new double[ m ];
			diagR = new double[ m ];
			diagI = new double[ m ];
			upR = new double[ m ];
			cR = new double[ m ];
			cI = new double[ m ];
			dR = new double[ m ];
			dI = new double[ m ];
		}

		void solve( final double e, final double[] start )
		{
			if ( start != null )
			{
				// the reservoir end from the bulk solution of this profile, the rest from the earlier solve
				bulk( e );
				System.arraycopy( start, 0, ta, 0, m - 1 );
				System.arraycopy( start, m, tb, 0, m - 1 );
				if ( newton( e, 1 ) )
					return;
			}
			bulk( e );
			if ( newton( e, 1 ) )
				return;
			// continuation in the strength of the gradient term, from the local solution (s = 0)
			bulk( e );
			double s = 0, ds = 0.25;
			while ( s < 1 )
			{
				final double next = Math.min( 1, s + ds );
				final double[] a0 = ta.clone(), b0 = tb.clone();
				if ( newton( e, next ) )
				{
					s = next;
					ds = Math.min( 0.5, 2 * ds );
				}
				else
				{
					System.arraycopy( a0, 0, ta, 0, m );
					System.arraycopy( b0, 0, tb, 0, m );
					ds *= 0.5;
					if ( ds < 1e-6 )
						throw new BadInputException( "spatial Usadel equation did not converge at energy " + e + " (Gamma " + gamma + ")" );
				}
			}
		}

		/** θ = −i log(G + iF) of the bulk closed form at each point's Δ. */
		private void bulk( final double e )
		{
			for ( int j = 0; j < m; j++ )
			{
				final double d = g.delta[ j ];
				final double zr = e * e - gamma * gamma - d * d, zi = 2 * e * gamma;
				final double mod = Math.sqrt( zr * zr + zi * zi );
				double wr = Math.sqrt( 0.5 * ( mod + zr ) ), wi = Math.copySign( Math.sqrt( 0.5 * ( mod - zr ) ), zi );
				if ( e * wr + gamma * wi < 0 )
				{
					wr = -wr;
					wi = -wi;
				}
				final double den = wr * wr + wi * wi;
				final double gr = ( e * wr + gamma * wi ) / den, gi = ( gamma * wr - e * wi ) / den;
				final double fr = d * wi / den, fi = d * wr / den;
				// G + iF = (gr − fi) + i (gi + fr)
				final double ur = gr - fi, ui = gi + fr;
				ta[ j ] = Math.atan2( ui, ur );
				tb[ j ] = -0.5 * Math.log( ur * ur + ui * ui );
			}
		}

		/** Newton with the gradient term times s; false if it did not converge or left the retarded branch. */
		private boolean newton( final double e, final double s )
		{
			final double[] h = g.h, vol = g.volume, delta = g.delta;
			final int last = m - 1;
			for ( int it = 0; it < MAX_NEWTON; it++ )
			{
				for ( int j = 0; j < last; j++ )
				{
					final double a = ta[ j ], b = tb[ j ];
					final double ca = Math.cos( a ), sa = Math.sin( a ), eb = Math.exp( b ), ieb = 1 / eb;
					final double chb = 0.5 * ( eb + ieb ), shb = 0.5 * ( eb - ieb );
					final double sr = sa * chb, si = ca * shb; // sin θ
					final double cr = ca * chb, ci = -sa * shb; // cos θ
					// r = i E sin θ + Δ cos θ, iE = −Γ + i e; r' = i E cos θ − Δ sin θ
					final double d = delta[ j ];
					final double rr = -gamma * sr - e * si + d * cr;
					final double ri = -gamma * si + e * sr + d * ci;
					final double pr = -gamma * cr - e * ci - d * sr;
					final double pi = -gamma * ci + e * cr - d * si;
					final double up = 0.5 * s / h[ j ];
					final double low = j > 0 ? 0.5 * s / h[ j - 1 ] : 0;
					final double an = j > 0 ? ta[ j - 1 ] : 0, bn = j > 0 ? tb[ j - 1 ] : 0;
					ra[ j ] = up * ( ta[ j + 1 ] - a ) - low * ( a - an ) + vol[ j ] * rr;
					rb[ j ] = up * ( tb[ j + 1 ] - b ) - low * ( b - bn ) + vol[ j ] * ri;
					lowR[ j ] = low;
					upR[ j ] = j + 1 < last ? up : 0;
					diagR[ j ] = -up - low + vol[ j ] * pr;
					diagI[ j ] = vol[ j ] * pi;
				}
				// Thomas: J δ = −R, complex diagonal, real off-diagonals
				double prevCR = 0, prevCI = 0, prevDR = 0, prevDI = 0;
				for ( int j = 0; j < last; j++ )
				{
					final double br = diagR[ j ] - lowR[ j ] * prevCR, bi = diagI[ j ] - lowR[ j ] * prevCI;
					final double den = br * br + bi * bi;
					if ( !( den > 0 ) || !Double.isFinite( den ) )
						return false;
					final double ir = br / den, ii = -bi / den;
					cR[ j ] = upR[ j ] * ir;
					cI[ j ] = upR[ j ] * ii;
					final double nr = -ra[ j ] - lowR[ j ] * prevDR, ni = -rb[ j ] - lowR[ j ] * prevDI;
					dR[ j ] = nr * ir - ni * ii;
					dI[ j ] = nr * ii + ni * ir;
					prevCR = cR[ j ];
					prevCI = cI[ j ];
					prevDR = dR[ j ];
					prevDI = dI[ j ];
				}
				double nextR = 0, nextI = 0, max = 0;
				for ( int j = last - 1; j >= 0; j-- )
				{
					final double xr = dR[ j ] - ( cR[ j ] * nextR - cI[ j ] * nextI );
					final double xi = dI[ j ] - ( cR[ j ] * nextI + cI[ j ] * nextR );
					dR[ j ] = xr;
					dI[ j ] = xi;
					nextR = xr;
					nextI = xi;
					max = Math.max( max, Math.max( Math.abs( xr ), Math.abs( xi ) ) );
				}
				if ( !Double.isFinite( max ) )
					return false;
				final double scale = max > STEP_LIMIT ? STEP_LIMIT / max : 1;
				for ( int j = 0; j < last; j++ )
				{
					ta[ j ] += scale * dR[ j ];
					tb[ j ] += scale * dI[ j ];
				}
				if ( max <= CONVERGED )
					return retarded();
			}
			return false;
		}

		/** Re G = cos a cosh b ≥ 0 everywhere. */
		private boolean retarded()
		{
			for ( int j = 0; j < m; j++ )
				if ( Math.cos( ta[ j ] ) < -1e-12 )
					return false;
			return true;
		}
	}

	/** Open-addressing map from long keys to arrays (the cache of θ by energy without boxing). */
	static final class LongMap
	{
		private long[] keys = new long[ 1 << 12 ];

		private double[][] values = new double[ 1 << 12 ][];

		private int size;

		int size()
		{
			return size;
		}

		void clear()
		{
			java.util.Arrays.fill( values, null );
			size = 0;
		}

		private int slot( final long key )
		{
			final int mask = keys.length - 1;
			int i = ( int ) ( ( key ^ ( key >>> 29 ) ) * 0x9E3779B97F4A7C15L >>> 40 ) & mask;
			while ( values[ i ] != null && keys[ i ] != key )
				i = ( i + 1 ) & mask;
			return i;
		}

		double[] get( final long key )
		{
			return values[ slot( key ) ];
		}

		void put( final long key, final double[] value )
		{
			if ( 2 * ( size + 1 ) > keys.length )
			{
				final long[] k = keys;
				final double[][] v = values;
				keys = new long[ 2 * k.length ];
				values = new double[ 2 * k.length ][];
				size = 0;
				for ( int i = 0; i < k.length; i++ )
					if ( v[ i ] != null )
						put( k[ i ], v[ i ] );
			}
			final int i = slot( key );
			if ( values[ i ] == null )
				size++;
			keys[ i ] = key;
			values[ i ] = value;
		}
	}
}
