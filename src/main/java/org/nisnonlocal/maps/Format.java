package org.nisnonlocal.maps;

import java.util.Locale;

/** Compact numbers for history lines and reports: 9 significant digits, no trailing zeros ("-0.93", "1.37e-05"). */
final class Format
{
	private Format() {}

	static String num( final double v )
	{
		if ( !Double.isFinite( v ) )
			return Double.toString( v );
		final String s = String.format( Locale.ROOT, "%.9g", v );
		final int e = s.indexOf( 'e' );
		final String mantissa = e < 0 ? s : s.substring( 0, e );
		final String exponent = e < 0 ? "" : s.substring( e );
		if ( !mantissa.contains( "." ) )
			return s;
		String m = mantissa.replaceAll( "0+$", "" );
		if ( m.endsWith( "." ) )
			m = m.substring( 0, m.length() - 1 );
		return m + exponent;
	}

	/** "[min, max] unit" of an axis, for messages. */
	static String range( final Axis a )
	{
		return "[" + num( a.min() ) + ", " + num( a.max() ) + "] " + a.unit();
	}
}
