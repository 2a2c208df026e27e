package org.nisnonlocal.maps;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Grid coordinates origin + i·step rounded to 12 significant digits, so that 0.30000000000000004 is 0.3 both in the
 * text written and in the value computed with. One home for this rounding: {@code io.Numbers} formats axes with it,
 * and physics rounds the detector-bias step of its maps with it.
 */
public final class GridValues
{
	private GridValues() {}

	/** The shortest text of {@code v} rounded to 12 significant digits ("0.3", "1e-07", "0"). */
	public static String text( final double v )
	{
		if ( v == 0 || !Double.isFinite( v ) )
			return v == 0 ? "0" : Double.toString( v );
		final BigDecimal b = new BigDecimal( v ).round( new MathContext( 12 ) ).stripTrailingZeros();
		final int exp = b.precision() - b.scale() - 1;
		if ( exp < -5 || exp > 10 )
		{
			final String s = Double.toString( b.doubleValue() );
			return s.endsWith( ".0" ) ? s.substring( 0, s.length() - 2 ) : s;
		}
		return b.toPlainString();
	}

	/** {@code v} rounded to 12 significant digits: the value {@link #text} reads back to. */
	public static double round( final double v )
	{
		return Double.parseDouble( text( v ) );
	}
}
