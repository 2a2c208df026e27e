package org.nisnonlocal.io;

import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * What a layout reader yields: values on the (possibly irregular) grid of distinct axis values, and the columns they
 * came from. Package-private, with the cell and grid checks both layouts share.
 */
final class ParsedTable
{
	String format;
	AxisGrid gx, gy;
	/** Grid values, index j·nx + i with i, j ascending; nx = gx.size for a uniform axis, else centers.length. */
	double[] values;
	Column x, y, value;

	int nx() { return gx.uniform ? gx.size : gx.centers.length; }

	int ny() { return gy.uniform ? gy.size : gy.centers.length; }

	/** An axis or value column: its header (null without one), how messages and the history name it. */
	static final class Column
	{
		final HeaderName header;
		final String label;
		final String historyName;
		/** Where the header's unit came from, for the report: "header" in text, e.g. "file" or "label" elsewhere. */
		final String unitSource;

		Column( final HeaderName header, final String label, final String historyName )
		{
			this( header, label, historyName, "header" );
		}

		Column( final HeaderName header, final String label, final String historyName, final String unitSource )
		{
			this.header = header;
			this.label = label;
			this.historyName = historyName;
			this.unitSource = unitSource;
		}

		/** A long-format column: "'v_bias'" with a header, "column 2" without. */
		static Column at( final HeaderName[] names, final int k )
		{
			final HeaderName h = names == null ? null : names[ k ];
			final boolean named = h != null && !h.raw.isEmpty();
			return new Column( h, named ? "'" + h.raw + "'" : "column " + ( k + 1 ), named ? h.raw : "#" + ( k + 1 ) );
		}

		String label() { return label; }

		String historyName() { return historyName; }
	}

	/** A value cell; {@code label} names it in messages ("value column 'g'"). Empty or NaN is a missing point. */
	static double valueCell( final TextTable.Row row, final int k, final String label, final TextTable t )
	{
		final String cell = row.cells[ k ];
		final Double v = TextTable.number( cell, t.delimiter );
		if ( v == null )
			throw BadInputException.at( t.file, row.line, label + " is not a number: '" + cell + "'" );
		if ( Double.isInfinite( v ) )
			throw BadInputException.at( t.file, row.line, label + " is " + cell + "; write NaN for a missing point" );
		if ( !fitsFloat( v ) )
			throw BadInputException.at( t.file, row.line, label + " is " + cell + ", which a 32-bit map cannot hold (|g| from 1.2e-38 to 3.4e38, or 0); give the values in another unit" );
		return v;
	}

	/** NaN, 0, or a magnitude a float holds without overflow to ±Inf or underflow towards 0. */
	static boolean fitsFloat( final double v )
	{
		final double a = Math.abs( v );
		return Double.isNaN( v ) || a == 0 || a >= Float.MIN_NORMAL && a <= Float.MAX_VALUE;
	}

	/**
	 * The grid of an axis column; refuses fewer than 2 distinct values, a value far off the others (always: resampling
	 * would stretch the grid over it), and an irregular grid unless resampling. {@code lines[k]} is the file line of
	 * {@code values[k]} for the messages.
	 */
	static AxisGrid grid( final double[] values, final int[] lines, final Column c, final String file, final boolean resample, final boolean allowHoles )
	{
		final AxisGrid g = allowHoles ? AxisGrid.of( values, true ) : AxisGrid.ofDistinct( values );
		if ( g.centers.length < 2 )
			throw BadInputException.at( file, 0, "axis column " + c.label() + " has " + g.centers.length + " distinct value" + ( g.centers.length == 1 ? " (" + Numbers.format( g.centers[ 0 ] ) + ")" : "" ) + "; a map needs at least 2" );
		final int out = g.uniform ? -1 : g.outlier();
		if ( out >= 0 )
		{
			final int n = g.centers.length;
			final double restLo = g.centers[ out == 0 ? 1 : 0 ], restHi = g.centers[ out == 0 ? n - 1 : n - 2 ];
			throw BadInputException.at( file, lineOf( g, out, lines ), c.label() + " = " + Numbers.format( g.centers[ out ] ) + " lies far off the grid of the other " + ( n - 1 ) + " values (" + Numbers.format( restLo )
					+ " … " + Numbers.format( restHi ) + "): a typo or a corrupted number?" );
		}
		if ( !g.uniform && !resample )
		{
			final int k = g.firstIrregularStep();
			final String where = k < 0 ? "" : " (first " + brief( g.centers[ k ] - g.centers[ k - 1 ] ) + " from " + Numbers.format( g.centers[ k - 1 ] ) + " to " + Numbers.format( g.centers[ k ] ) + ")";
			throw BadInputException.at( file, k < 0 ? 0 : lineOf( g, k, lines ), "irregular grid in column " + c.label() + ": steps vary from " + brief( g.minStep ) + " to " + brief( g.maxStep ) + where + "; ask for resampling" );
		}
		return g;
	}

	private static int lineOf( final AxisGrid g, final int cluster, final int[] lines )
	{
		final int k = g.firstInputOf( cluster );
		return lines == null || k < 0 ? 0 : lines[ k ];
	}

	/** Six significant digits for messages: "1.24459e-06", "0.002". */
	static String brief( final double v )
	{
		final String s = String.format( Locale.ROOT, "%.6g", v );
		final int e = s.indexOf( 'e' );
		final String mantissa = e < 0 ? s : s.substring( 0, e );
		final String trimmed = mantissa.contains( "." ) ? mantissa.replaceAll( "0+$", "" ).replaceAll( "\\.$", "" ) : mantissa;
		return e < 0 ? trimmed : trimmed + s.substring( e );
	}
}
