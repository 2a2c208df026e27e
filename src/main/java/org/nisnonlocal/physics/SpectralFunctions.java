package org.nisnonlocal.physics;

import java.util.Arrays;

import org.nisnonlocal.BadInputException;

/**
 * Retarded normal and anomalous Green's functions G, F of the Usadel equation with Dynes broadening Γ and depairing
 * ζ (S Eq. 1, docs/physics.md §4):
 * <pre>
 *   Δ G + i (ε + iΓ) F − ζ F G = 0,   G² + F² = 1.
 * </pre>
 * Energies in Δ0. Parametrized as G = cos θ, F = sin θ (θ complex), the root of
 * h(θ) = Δ cos θ + i E sin θ − ζ sin θ cos θ, E = ε + iΓ, is found by Newton's method.
 * <ul>
 * <li>ζ = 0: the Dynes closed form G = E/√(E² − Δ²), F = iΔ/√(E² − Δ²) on the branch Re G ≥ 0 (there the joint sign
 * flip of G, F is an exact symmetry, so choosing the sign is legitimate).</li>
 * <li>ζ &gt; 0: the joint flip is no symmetry, so a root with Re G &lt; 0 is a branch jump, never sign-flipped.
 * Energies are visited in descending |ε| (continuation from high energy, where θ ≈ F ≈ iΔ/(E + iζ)); each point
 * starts Newton from its neighbour's θ. A step is accepted only if Newton converges quickly, Re G ≥ 0 and θ moved
 * by less than {@value #JUMP}; otherwise the step is halved (continuation through intermediate energies). As a last
 * resort one energy is solved by continuation along the imaginary axis, Im E = Y from large Y down to Γ, which
 * follows the retarded sheet (analytic in the upper half plane) independently of the grid.</li>
 * <li>Negative energies follow from the exact symmetry G(−ε) = G(ε)*, F(−ε) = F(ε)* (conjugating S Eq. 1 maps
 * the equation at ε onto the one at −ε): N and Re F are even, Im G and Im F odd, on any grid.</li>
 * </ul>
 * Γ must be positive (for ζ = 0 and Γ = 0 the DOS diverges at ε = Δ). No NaN is ever returned: a failure raises
 * {@link BadInputException}.
 */
public final class SpectralFunctions
{
	/** Largest change of θ accepted between neighbouring energies of a continuation. */
	static final double JUMP = 0.25;

	private static final int MAX_NEWTON = 80;

	/** Newton steps that still count as an easy continuation step; more means "halve the step". */
	private static final int EASY_NEWTON = 20;

	private static final int MAX_HALVINGS = 45;

	private static final double MAX_NEWTON_STEP = 0.5;

	private final double delta;

	private final double gamma;

	private final double zeta;

	/** Tests set this to check the Newton path against the closed form at ζ = 0. */
	private final boolean forceNewton;

	/**
	 * @param delta pair potential Δ in Δ0 (≥ 0)
	 * @param gamma Dynes broadening Γ in Δ0 (&gt; 0)
	 * @param zeta depairing ζ in Δ0 (≥ 0); a phase gradient gives ζ = (∂xφ)²/2
	 */
	public SpectralFunctions( final double delta, final double gamma, final double zeta )
	{
		this( delta, gamma, zeta, false );
	}

	SpectralFunctions( final double delta, final double gamma, final double zeta, final boolean forceNewton )
	{
		if ( !( delta >= 0 ) || !Double.isFinite( delta ) )
			throw new BadInputException( "pair potential delta must be finite and >= 0, got " + delta );
		if ( !( gamma > 0 ) || !Double.isFinite( gamma ) )
			throw new BadInputException( "Dynes gamma must be finite and > 0, got " + gamma );
		if ( !( zeta >= 0 ) || !Double.isFinite( zeta ) )
			throw new BadInputException( "depairing zeta must be finite and >= 0, got " + zeta );
		this.delta = delta;
		this.gamma = gamma;
		this.zeta = zeta;
		this.forceNewton = forceNewton;
	}

	public double delta()
	{
		return delta;
	}

	public double gamma()
	{
		return gamma;
	}

	public double zeta()
	{
		return zeta;
	}

	/** G, F at one energy (ε in Δ0). */
	public SpectralGrid at( final double eps )
	{
		return onGrid( new double[] { eps } );
	}

	/** G, F at the given energies (any order, in Δ0); the result keeps that order. */
	public SpectralGrid onGrid( final double[] eps )
	{
		final int n = eps.length;
		for ( final double e : eps )
			if ( !Double.isFinite( e ) )
				throw new BadInputException( "energy grid contains a non-finite value" );
		final double[] reG = new double[ n ];
		final double[] imG = new double[ n ];
		final double[] reF = new double[ n ];
		final double[] imF = new double[ n ];
		if ( delta == 0 )
			Arrays.fill( reG, 1 ); // normal state: G = 1, F = 0 solves Eq. 1 for any ζ
		else if ( zeta == 0 && !forceNewton )
			for ( int i = 0; i < n; i++ )
				closedForm( eps[ i ], i, reG, imG, reF, imF );
		else
			continuation( eps, reG, imG, reF, imF );
		return new SpectralGrid( delta, eps.clone(), reG, imG, reF, imF );
	}

	/** Dynes/BCS: G = E/w, F = iΔ/w with w = √(E² − Δ²), joint sign chosen so that Re G ≥ 0 (ζ = 0 only). */
	private void closedForm( final double e, final int i, final double[] reG, final double[] imG, final double[] reF, final double[] imF )
	{
		final double zr = e * e - gamma * gamma - delta * delta;
		final double zi = 2 * e * gamma;
		final double mod = Math.hypot( zr, zi );
		final double wr = Math.sqrt( 0.5 * ( mod + zr ) );
		final double wi = Math.copySign( Math.sqrt( 0.5 * ( mod - zr ) ), zi );
		final double d = wr * wr + wi * wi; // > 0 since Γ > 0
		double gr = ( e * wr + gamma * wi ) / d;
		double gi = ( gamma * wr - e * wi ) / d;
		double fr = delta * wi / d;
		double fi = delta * wr / d;
		if ( gr < 0 )
		{
			gr = -gr;
			gi = -gi;
			fr = -fr;
			fi = -fi;
		}
		reG[ i ] = gr;
		imG[ i ] = gi;
		reF[ i ] = fr;
		imF[ i ] = fi;
	}

	/**
	 * N, M = Im F and D_L averaged over the cells of a uniform energy grid (cell i = [ε_i − δε/2, ε_i + δε/2]) instead of
	 * sampled at the nodes, for ζ = 0: where the coherence peak (width Γ) is narrower than δε the sampled value depends
	 * on where ±Δ falls between the nodes, the cell average does not. Cells within 2δε + 40Γ of ±Δ are integrated on a
	 * rule clustered at the peak; the rest are sampled (there the functions are smooth on the scale δε).
	 */
	public SpectralGrid cellAveraged( final double[] eps )
	{
		final SpectralGrid point = onGrid( eps );
		if ( zeta != 0 || delta == 0 || eps.length < 2 )
			return point;
		final int n = eps.length;
		final double h = eps[ 1 ] - eps[ 0 ];
		final double[] reG = new double[ n ], imG = new double[ n ], reF = new double[ n ], imF = new double[ n ], dL = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			reG[ i ] = point.reG( i );
			imG[ i ] = point.imG( i );
			reF[ i ] = point.reF( i );
			imF[ i ] = point.imF( i );
			dL[ i ] = point.dL( i );
			final double e = eps[ i ];
			if ( Math.abs( Math.abs( e ) - delta ) > 2 * h + 40 * gamma )
				continue;
			final double lo = e - h / 2, hi = e + h / 2;
			final double c = e >= 0 ? delta : -delta;
			Quadrature.Builder b = Quadrature.on( lo, hi );
			if ( c > lo - 20 * gamma && c < hi + 20 * gamma )
				b = b.cluster( Math.max( lo, Math.min( hi, c ) ), gamma );
			final Quadrature q = b.build();
			final double[] x = q.nodes();
			final SpectralGrid g = onGrid( x );
			double sg = 0, sgi = 0, sf = 0, sfi = 0, sd = 0;
			for ( int j = 0; j < x.length; j++ )
			{
				final double w = q.weight( j ) / h;
				sg += w * g.reG( j );
				sgi += w * g.imG( j );
				sf += w * g.reF( j );
				sfi += w * g.imF( j );
				sd += w * g.dL( j );
			}
			reG[ i ] = sg;
			imG[ i ] = sgi;
			reF[ i ] = sf;
			imF[ i ] = sfi;
			dL[ i ] = sd;
		}
		return new SpectralGrid( delta, eps.clone(), reG, imG, reF, imF ).withDL( dL );
	}

	/**
	 * ∂N/∂Δ of the Dynes DOS (ζ = 0) at energy e: with E = e + iΓ and w = √(E² − Δ²), G = ±E/w and ∂G/∂Δ = ±EΔ/w³
	 * (the sign of {@link #closedForm}, Re G ≥ 0). The exact derivative the detector current's bias derivative needs.
	 */
	public static double dosSlope( final double e, final double delta, final double gamma )
	{
		final double zr = e * e - gamma * gamma - delta * delta;
		final double zi = 2 * e * gamma;
		final double mod = Math.hypot( zr, zi );
		final double wr = Math.sqrt( 0.5 * ( mod + zr ) );
		final double wi = Math.copySign( Math.sqrt( 0.5 * ( mod - zr ) ), zi );
		final double sign = e * wr + gamma * wi < 0 ? -1 : 1;
		// w³ = w · w²
		final double w2r = wr * wr - wi * wi, w2i = 2 * wr * wi;
		final double w3r = wr * w2r - wi * w2i, w3i = wr * w2i + wi * w2r;
		// Re[(e + iΓ) Δ / w³]
		final double d = w3r * w3r + w3i * w3i;
		return sign * delta * ( e * w3r + gamma * w3i ) / d;
	}

	private void continuation( final double[] eps, final double[] reG, final double[] imG, final double[] reF, final double[] imF )
	{
		final int n = eps.length;
		final Integer[] order = new Integer[ n ];
		for ( int i = 0; i < n; i++ )
			order[ i ] = i;
		Arrays.sort( order, ( i, j ) -> Double.compare( Math.abs( eps[ j ] ), Math.abs( eps[ i ] ) ) );
		final double[] theta = new double[ 2 ];
		double prev = Double.NaN;
		for ( int k = 0; k < n; k++ )
		{
			final int i = order[ k ];
			final double e = Math.abs( eps[ i ] );
			if ( k == 0 )
				vertical( e, theta );
			else if ( e != prev )
				advance( prev, e, theta, 0 );
			prev = e;
			final double a = theta[ 0 ];
			final double b = theta[ 1 ];
			final double chb = Math.cosh( b );
			final double shb = Math.sinh( b );
			reG[ i ] = Math.cos( a ) * chb;
			reF[ i ] = Math.sin( a ) * chb;
			// G(−ε) = G(ε)*, F(−ε) = F(ε)*
			final double sign = eps[ i ] < 0 ? -1 : 1;
			imG[ i ] = -sign * Math.sin( a ) * shb;
			imF[ i ] = sign * Math.cos( a ) * shb;
		}
	}

	/** Moves θ (solution at energy {@code from}) to the solution at {@code to}, halving the step when needed. */
	private void advance( final double from, final double to, final double[] theta, final int depth )
	{
		final double a0 = theta[ 0 ];
		final double b0 = theta[ 1 ];
		final int it = newton( to, gamma, theta, EASY_NEWTON );
		if ( it >= 0 && acceptable( theta, a0, b0 ) )
			return;
		theta[ 0 ] = a0;
		theta[ 1 ] = b0;
		if ( depth >= MAX_HALVINGS )
		{
			vertical( to, theta );
			return;
		}
		final double mid = 0.5 * ( from + to );
		advance( from, mid, theta, depth + 1 );
		advance( mid, to, theta, depth + 1 );
	}

	/** Retarded branch (Re G ≥ 0) and no jump. */
	private static boolean acceptable( final double[] theta, final double a0, final double b0 )
	{
		final double reG = Math.cos( theta[ 0 ] ) * Math.cosh( theta[ 1 ] );
		return reG >= -1e-12 && Math.hypot( theta[ 0 ] - a0, theta[ 1 ] - b0 ) <= JUMP;
	}

	/**
	 * Solves at E = e + iΓ by continuation along Im E from Y = 2 + 2(Δ + ζ + e), where F ≈ iΔ/(E + iζ) is small,
	 * down to Γ; the step in Y shrinks wherever Newton struggles, jumps, or leaves Re G ≥ 0.
	 */
	private void vertical( final double e, final double[] theta )
	{
		double y = 2 + 2 * ( delta + zeta + e );
		// θ ≈ F for small F = iΔ/(E + iζ) = iΔ/(e + i(y + ζ))
		final double den = e * e + ( y + zeta ) * ( y + zeta );
		theta[ 0 ] = delta * ( y + zeta ) / den;
		theta[ 1 ] = delta * e / den;
		if ( newton( e, y, theta, MAX_NEWTON ) < 0 )
			throw failure( e );
		double r = 0.7;
		while ( y > gamma )
		{
			final double yNew = Math.max( gamma, y * r );
			final double a0 = theta[ 0 ];
			final double b0 = theta[ 1 ];
			if ( newton( e, yNew, theta, EASY_NEWTON ) >= 0 && acceptable( theta, a0, b0 ) )
			{
				y = yNew;
				r = Math.max( 0.5, r * r );
			}
			else
			{
				theta[ 0 ] = a0;
				theta[ 1 ] = b0;
				r = Math.sqrt( r );
				if ( 1 - r < 1e-12 )
					throw failure( e );
			}
		}
	}

	private BadInputException failure( final double e )
	{
		return new BadInputException( "Usadel solver did not converge at energy " + e + " (delta " + delta + ", gamma " + gamma
				+ ", zeta " + zeta + ")" );
	}

	/**
	 * Newton for h(θ) = 0 at E = e + iy, starting from θ; returns the number of iterations, or −1 if it did not
	 * converge within maxIt (θ is then garbage).
	 */
	private int newton( final double e, final double y, final double[] theta, final int maxIt )
	{
		double a = theta[ 0 ];
		double b = theta[ 1 ];
		for ( int it = 1; it <= maxIt; it++ )
		{
			final double ca = Math.cos( a );
			final double sa = Math.sin( a );
			final double chb = Math.cosh( b );
			final double shb = Math.sinh( b );
			final double cr = ca * chb, ci = -sa * shb; // cos θ
			final double sr = sa * chb, si = ca * shb; // sin θ
			final double scr = sr * cr - si * ci, sci = sr * ci + si * cr; // sin θ cos θ
			// iE = −y + i e
			final double hr = delta * cr + ( -y * sr - e * si ) - zeta * scr;
			final double hi = delta * ci + ( -y * si + e * sr ) - zeta * sci;
			final double c2r = cr * cr - ci * ci - ( sr * sr - si * si ), c2i = 2 * ( cr * ci - sr * si ); // cos 2θ
			final double dr = -delta * sr + ( -y * cr - e * ci ) - zeta * c2r;
			final double di = -delta * si + ( -y * ci + e * cr ) - zeta * c2i;
			final double den = dr * dr + di * di;
			if ( !( den > 0 ) || !Double.isFinite( den ) || !Double.isFinite( hr ) || !Double.isFinite( hi ) )
				return -1;
			double stepR = ( hr * dr + hi * di ) / den;
			double stepI = ( hi * dr - hr * di ) / den;
			final double mag = Math.hypot( stepR, stepI );
			if ( mag > MAX_NEWTON_STEP )
			{
				stepR *= MAX_NEWTON_STEP / mag;
				stepI *= MAX_NEWTON_STEP / mag;
			}
			a -= stepR;
			b -= stepI;
			// Converged: a negligible step, or (near a double root, where Newton is slow and θ is only defined to
			// ~√(machine ε)) a residual at rounding level with a small step.
			final double scale = ( delta + Math.hypot( e, y ) + zeta * Math.hypot( sr, si ) ) * Math.hypot( sr, si ) + delta * Math.hypot( cr, ci );
			if ( mag <= 1e-14 * ( 1 + Math.abs( b ) ) || ( mag <= 1e-7 && Math.hypot( hr, hi ) <= 1e-14 * scale ) )
			{
				theta[ 0 ] = a;
				theta[ 1 ] = b;
				return it;
			}
		}
		return -1;
	}
}
