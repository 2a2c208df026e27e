package org.nisnonlocal.maps;

import java.util.Arrays;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * The display choice for the map tools' "Display" option: {@link Mode#AUTO} is {@link DisplayRange#auto} (diverging
 * table and ±max for a map with both signs, sequential [min, max] for a one-signed map); the user may force either
 * table. The percentile p (50 &lt; p ≤ 100) clips outliers: the range is set by the (100 − p)-th and p-th
 * percentiles of the non-NaN values, and a diverging range is ±max(|low|, |high|) of those, so zero stays at the
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

	private SymmetricDisplay() {}

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
		final boolean diverging = mode == Mode.DIVERGING || mode == Mode.AUTO && v[ 0 ] < 0 && v[ v.length - 1 ] > 0;
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

	/** Linear interpolation between order statistics, as {@link DisplayRange} does. */
	private static double quantile( final double[] sorted, final double q )
	{
		final double p = q * ( sorted.length - 1 );
		final int a = ( int ) Math.floor( p );
		final int b = Math.min( a + 1, sorted.length - 1 );
		return sorted[ a ] + ( p - a ) * ( sorted[ b ] - sorted[ a ] );
	}
}
