package org.nisnonlocal.maps;

import java.util.Arrays;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * The display choice for the map tools' "Display" option: {@link Mode#AUTO} gives the diverging table and ±max to a
 * map that carries signal of both signs ({@link #isSigned}) and the sequential [min, max] to any other; the user may
 * force either table. The percentile p (50 &lt; p ≤ 100) clips outliers: the range is set by the (100 − p)-th and
 * p-th percentiles of the non-NaN values, and a diverging range is ±max(|low|, |high|) of those, so zero stays at the
 * centre of the table. {@link #shared} pools several maps so that panels shown side by side share one scale.
 */
public final class SymmetricDisplay
{
	public enum Mode
	{
		AUTO, DIVERGING, SEQUENTIAL;

		/** "auto", "diverging" or "sequential" (any case). */
		public static Mode parse( final String s )
		{
			final String t = s == null ? "" : s.trim().toUpperCase( Locale.ROOT );
			for ( final Mode m : values() )
				if ( m.name().equals( t ) )
					return m;
			throw new BadInputException( "display '" + s + "' is not one of auto, diverging, sequential" );
		}
	}

	/** Tails that decide the sign: a few stray pixels (up to 1 % of the map) cannot flip the table. */
	static final double TAIL = 0.01;

	/** The weaker side must reach this share of the stronger one to count as signal, not noise around zero. */
	static final double MINOR_SIDE_SHARE = 0.10;

	private SymmetricDisplay() {}

	/**
	 * Whether sorted finite values carry signal of both signs: the 1st and 99th percentiles have opposite signs and
	 * the smaller magnitude is at least 10 % of the larger. Noise around zero in a one-signed map (min −0.0013 against
	 * max 0.33; the even part g_ss of the example, −0.01 against 0.72) stays sequential, while real lobes of the other
	 * sign (g_s of the example: −0.15 against 0.72 at these tails) and odd parts get the zero-centred table.
	 */
	static boolean isSigned( final double[] sorted )
	{
		if ( sorted.length == 0 )
			return false;
		final double low = quantile( sorted, TAIL ), high = quantile( sorted, 1 - TAIL );
		if ( !( low < 0 && high > 0 ) )
			return false;
		return Math.min( -low, high ) >= MINOR_SIDE_SHARE * Math.max( -low, high );
	}

	/** The range and table for one map. */
	public static DisplayRange choose( final ConductanceMap map, final Mode mode, final double percentile )
	{
		return shared( mode, percentile, map );
	}

	/** One range and table for several maps, from their pooled values. */
	public static DisplayRange shared( final Mode mode, final double percentile, final ConductanceMap... maps )
	{
		if ( !( percentile > 50 && percentile <= 100 ) )
			throw new BadInputException( "display percentile must be in (50, 100], got " + percentile );
		final double[] v = finiteSorted( maps );
		if ( v.length == 0 )
			return new DisplayRange( -1, 1, true );
		final double lo = quantile( v, ( 100 - percentile ) / 100 ), hi = quantile( v, percentile / 100 );
		final boolean diverging = mode == Mode.DIVERGING || mode == Mode.AUTO && isSigned( v );
		if ( diverging )
		{
			final double m = Math.max( Math.abs( lo ), Math.abs( hi ) );
			return m > 0 ? new DisplayRange( -m, m, true ) : new DisplayRange( -1, 1, true );
		}
		return hi > lo ? new DisplayRange( lo, hi, false ) : new DisplayRange( lo - 1, lo + 1, false );
	}

	private static double[] finiteSorted( final ConductanceMap... maps )
	{
		int n = 0;
		for ( final ConductanceMap m : maps )
			n += m.data().length;
		final double[] v = new double[ n ];
		int k = 0;
		for ( final ConductanceMap m : maps )
			for ( final float f : m.data() )
				if ( Float.isFinite( f ) )
					v[ k++ ] = f;
		final double[] out = Arrays.copyOf( v, k );
		Arrays.sort( out );
		return out;
	}

	/** Linear interpolation between order statistics. */
	private static double quantile( final double[] sorted, final double q )
	{
		final double p = q * ( sorted.length - 1 );
		final int a = ( int ) Math.floor( p );
		final int b = Math.min( a + 1, sorted.length - 1 );
		return sorted[ a ] + ( p - a ) * ( sorted[ b ] - sorted[ a ] );
	}
}
