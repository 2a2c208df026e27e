package org.nisnonlocal.fit;

import java.util.Arrays;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * Starting values for a Dynes fit read off the data, and the check that there is a gap at all. G_N is the mean of the
 * outer 10 % of points on each side divided by the BCS DOS there; the gap centre (bias offset V0) and Δ come from the two coherence peaks (midpoint
 * and half their distance) or, when the peaks are washed out, from the half-depth crossings; k_BT from the 20-80 %
 * rise of the gap edges (for a thermally broadened BCS edge that rise is ≈ 3.5 k_BT). All in V / eV / K.
 * <p>
 * A gap must be a dip of more than {@value #MIN_DEPTH} of G_N, below both ends, and more than {@value #MIN_SNR} times the
 * per-point noise deep.
 */
final class GapEstimate
{
	/** A dip shallower than this fraction of G_N is not taken for a superconducting gap. */
	static final double MIN_DEPTH = 0.2;

	/** The dip must exceed this many times the per-point noise. */
	static final double MIN_SNR = 10;

	final double gN;
	final double offset;
	final double delta;
	final double temperature;

	private GapEstimate( final double gN, final double offset, final double delta, final double temperature )
	{
		this.gN = gN;
		this.offset = offset;
		this.delta = delta;
		this.temperature = temperature;
	}

	/** Bias x ascending (V), values g; {@code what} names the data in messages. */
	static GapEstimate of( final double[] x, final double[] g, final String what )
	{
		final int n = x.length;
		if ( n < 20 )
			throw new BadInputException( what + ": " + n + " points are too few for a Dynes fit (need ≥ 20)" );
		final int half = Math.max( 1, n / 200 );
		final double[] s = smooth( g, half );
		final int edge = Math.max( 2, n / 10 );
		final double gLeft = mean( g, 0, edge ), gRight = mean( g, n - edge, n );
		final double gEnds = 0.5 * ( gLeft + gRight );
		if ( !( gEnds > 0 ) )
			throw new BadInputException( what + ": the high-bias signal is not positive (mean " + fmt( gEnds ) + "); wrong column, or inverted lock-in phase?" );
		int iMin = edge;
		for ( int i = edge; i < n - edge; i++ )
			if ( s[ i ] < s[ iMin ] )
				iMin = i;
		final double gMin = s[ iMin ];
		final double depth = ( Math.min( gLeft, gRight ) - gMin ) / gEnds;
		if ( !( depth > MIN_DEPTH ) )
			throw new BadInputException( String.format( Locale.ROOT, "%s: no superconducting gap found: the conductance dips only %.1f %% below its high-bias value (a gap needs > %.0f %%)", what, 100 * Math.max( 0, depth ), 100 * MIN_DEPTH ) );

		final double noise = noise( g );
		if ( !( Math.min( gLeft, gRight ) - gMin > MIN_SNR * noise ) )
			throw new BadInputException( String.format( Locale.ROOT, "%s: no superconducting gap found: the dip (%.3g) is not above the noise (%.3g per point)", what, Math.min( gLeft, gRight ) - gMin, noise ) );

		int iL = 0, iR = n - 1;
		for ( int i = 0; i < iMin; i++ )
			if ( s[ i ] > s[ iL ] )
				iL = i;
		for ( int i = n - 1; i > iMin; i-- )
			if ( s[ i ] > s[ iR ] )
				iR = i;
		final boolean peaks = iL > 0 && iR < n - 1 && s[ iL ] > 1.03 * gLeft && s[ iR ] > 1.03 * gRight;
		final double xL, xR;
		if ( peaks )
		{
			// the smoothed maximum locates the peak safely; the raw maximum near it places it to one bias step
			xL = x[ rawMax( g, iL, 2 * half ) ];
			xR = x[ rawMax( g, iR, 2 * half ) ];
		}
		else
		{
			xL = crossing( x, s, iMin, -1, gMin + 0.5 * ( gLeft - gMin ) );
			xR = crossing( x, s, iMin, +1, gMin + 0.5 * ( gRight - gMin ) );
		}
		final double delta = 0.5 * ( xR - xL );
		if ( !( delta > 0 ) )
			throw new BadInputException( what + ": no superconducting gap found: no gap edges on both sides of the minimum" );
		// 20-80 % rise of each edge, from the minimum to the peak (or to G_N without peaks)
		final double topL = peaks ? s[ iL ] : gLeft, topR = peaks ? s[ iR ] : gRight;
		final double wL = crossing( x, s, iMin, -1, gMin + 0.2 * ( topL - gMin ) ) - crossing( x, s, iMin, -1, gMin + 0.8 * ( topL - gMin ) );
		final double wR = crossing( x, s, iMin, +1, gMin + 0.8 * ( topR - gMin ) ) - crossing( x, s, iMin, +1, gMin + 0.2 * ( topR - gMin ) );
		final double step = ( x[ n - 1 ] - x[ 0 ] ) / ( n - 1 );
		double kT = 0.5 * ( wL + wR ) / 3.5;
		kT = Math.max( Math.max( kT, delta / 500 ), 0.25 * step );
		kT = Math.min( kT, delta / 2 );
		// the ends still feel the gap (BCS N = 1.036 at 3.8 Δ): divide by the BCS DOS there
		final double v0 = 0.5 * ( xL + xR );
		final double gN = 0.5 * ( gLeft / bcs( mean( x, 0, edge ) - v0, delta ) + gRight / bcs( mean( x, n - edge, n ) - v0, delta ) );
		return new GapEstimate( gN, v0, delta, kT / DynesConductance.K_B );
	}

	/** BCS DOS |ε|/sqrt(ε² − Δ²), 1 where it is undefined (ends inside the gap). */
	private static double bcs( final double eps, final double delta )
	{
		return Math.abs( eps ) > 1.05 * delta ? Math.abs( eps ) / Math.sqrt( eps * eps - delta * delta ) : 1;
	}

	/** Per-point noise from successive differences: 1.4826·median|g_{i+1} − g_i|/√2 (robust to the few steep edges). */
	static double noise( final double[] g )
	{
		final double[] d = new double[ g.length - 1 ];
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = Math.abs( g[ i + 1 ] - g[ i ] );
		Arrays.sort( d );
		return 1.4826 * d[ d.length / 2 ] / Math.sqrt( 2 );
	}

	private static int rawMax( final double[] g, final int i0, final int reach )
	{
		int best = i0;
		for ( int i = Math.max( 0, i0 - reach ); i <= Math.min( g.length - 1, i0 + reach ); i++ )
			if ( g[ i ] > g[ best ] )
				best = i;
		return best;
	}

	/** First x walking from i0 in direction dir where s reaches level (linearly interpolated); the end if never. */
	private static double crossing( final double[] x, final double[] s, final int i0, final int dir, final double level )
	{
		for ( int i = i0; i + dir >= 0 && i + dir < x.length; i += dir )
			if ( s[ i + dir ] >= level )
			{
				final double t = s[ i + dir ] == s[ i ] ? 0 : ( level - s[ i ] ) / ( s[ i + dir ] - s[ i ] );
				return x[ i ] + Math.max( 0, Math.min( 1, t ) ) * ( x[ i + dir ] - x[ i ] );
			}
		return dir < 0 ? x[ 0 ] : x[ x.length - 1 ];
	}

	/** Moving average over ±half points (shorter at the ends): enough to stop noise spikes posing as peaks. */
	private static double[] smooth( final double[] g, final int half )
	{
		final double[] s = new double[ g.length ];
		for ( int i = 0; i < g.length; i++ )
			s[ i ] = mean( g, Math.max( 0, i - half ), Math.min( g.length, i + half + 1 ) );
		return s;
	}

	private static double mean( final double[] g, final int from, final int to )
	{
		double sum = 0;
		for ( int i = from; i < to; i++ )
			sum += g[ i ];
		return sum / ( to - from );
	}

	private static String fmt( final double v ) { return String.format( Locale.ROOT, "%.4g", v ); }
}
