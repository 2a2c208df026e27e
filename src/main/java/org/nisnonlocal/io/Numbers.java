package org.nisnonlocal.io;

import org.nisnonlocal.maps.GridValues;

/** Number formatting for text output: shortest text that reads back to the same value. */
public final class Numbers
{
	private Numbers() {}

	/** A float value: the shortest decimal that parses back to the same float; NaN as "NaN". */
	public static String format( final float v )
	{
		if ( Float.isNaN( v ) )
			return "NaN";
		return trim( Float.toString( v ) );
	}

	/** A double at full precision (shortest round-trip text). */
	public static String format( final double v )
	{
		if ( Double.isNaN( v ) )
			return "NaN";
		return trim( Double.toString( v ) );
	}

	/** A grid coordinate origin + i·step: rounded to 12 significant digits so 0.30000000000000004 prints as 0.3. */
	public static String formatAxis( final double v )
	{
		return GridValues.text( v );
	}

	private static String trim( final String s )
	{
		return s.endsWith( ".0" ) ? s.substring( 0, s.length() - 2 ) : s;
	}

	/** Points of from, from + step, … ≤ to (to 1e-9 of a step); callers check step &gt; 0 and to ≥ from first. */
	public static long gridCount( final double from, final double to, final double step )
	{
		return ( long ) Math.floor( ( to - from ) / step + 1e-9 ) + 1;
	}

	/**
	 * from, from + step, … ≤ to, each rounded to 12 significant digits (0.3, not 0.30000000000000004), so the value
	 * computed is the value printed.
	 */
	public static double[] inclusiveGrid( final double from, final double to, final double step )
	{
		final double[] g = new double[ ( int ) gridCount( from, to, step ) ];
		for ( int i = 0; i < g.length; i++ )
			g[ i ] = GridValues.round( from + i * step );
		return g;
	}
}
