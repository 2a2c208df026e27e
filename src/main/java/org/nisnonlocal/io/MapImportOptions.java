package org.nisnonlocal.io;

import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * How {@link TextMapImporter} reads a map from text. Every setting has a default that suits the usual files, so
 * {@code new MapImportOptions()} imports a long-format table with a bias column, a second axis and a conductance
 * column. Setters return {@code this}; a null argument restores the default.
 * <p>
 * Columns are chosen by header name (case-insensitive, with or without the unit in parentheses or brackets, e.g.
 * {@code Vinj (uV)} matches {@code vinj}) or, when the text is a positive integer, by 1-based position. Units given
 * here override those of a {@code .meta} sidecar, which override those in the header.
 */
public final class MapImportOptions
{
	/** Table layout: one row per point, or a matrix with x in the first row and y in the first column. */
	public enum Format
	{
		AUTO, LONG, MATRIX;

		public static Format parse( final String s )
		{
			return parseEnum( Format.class, "format", s );
		}
	}

	/** What separates cells. WHITESPACE means runs of spaces and tabs. */
	public enum Delimiter
	{
		AUTO, COMMA, TAB, SEMICOLON, WHITESPACE;

		/** "auto", "comma", "tab", "semicolon", "whitespace", or the character itself (",", ";", "\t", " "). */
		public static Delimiter parse( final String s )
		{
			if ( s != null )
			{
				switch ( s.equals( " " ) || s.equals( "\t" ) ? s : s.trim() )
				{
				case ",":
					return COMMA;
				case ";":
					return SEMICOLON;
				case "\t":
				case "\\t":
					return TAB;
				case " ":
				case "space":
					return WHITESPACE;
				default:
					break;
				}
			}
			return parseEnum( Delimiter.class, "delimiter", s );
		}
	}

	/**
	 * What to do with a point measured more than once (a retrace, where one sweep goes back and forth, or a repeated
	 * sweep): average all measurements, refuse files whose sweeps go back and forth, or keep the first measurement.
	 * With REJECT, repeated sweeps in one direction are still averaged.
	 */
	public enum Retrace
	{
		AVERAGE, REJECT, FIRST;

		public static Retrace parse( final String s )
		{
			return parseEnum( Retrace.class, "retrace", s );
		}
	}

	private Format format = Format.AUTO;
	private Delimiter delimiter = Delimiter.AUTO;
	private String xColumn;
	private String yColumn;
	private String valueColumn;
	private String xUnit;
	private String yUnit;
	private String valueUnit;
	private String xName;
	private String yName;
	private String quantity;
	private Retrace retrace = Retrace.AVERAGE;
	private boolean resample = false;
	private double valueScale = 1;
	private String scaledValueUnit;
	private String convertValuesTo;
	private String run;

	public MapImportOptions format( final Format f ) { format = f == null ? Format.AUTO : f; return this; }

	public MapImportOptions delimiter( final Delimiter d ) { delimiter = d == null ? Delimiter.AUTO : d; return this; }

	/** The x column (header name or 1-based position); default: the first bias-like column (Vinj, v_bias, bias, V). */
	public MapImportOptions xColumn( final String c ) { xColumn = blankToNull( c ); return this; }

	/** The y column; default: a Vdet-like column, else the remaining axis column. */
	public MapImportOptions yColumn( final String c ) { yColumn = blankToNull( c ); return this; }

	/** The value column; default: a conductance-like name (g, G, cond…, dIdV), else the last column. */
	public MapImportOptions valueColumn( final String c ) { valueColumn = blankToNull( c ); return this; }

	/** Unit of the x values in the file (e.g. "mV"); default from the sidecar or header, else unknown ("1"). */
	public MapImportOptions xUnit( final String u ) { xUnit = blankToNull( u ); return this; }

	public MapImportOptions yUnit( final String u ) { yUnit = blankToNull( u ); return this; }

	/** Unit of the values in the file (e.g. "G0"); default from the sidecar or header, else "1". */
	public MapImportOptions valueUnit( final String u ) { valueUnit = blankToNull( u ); return this; }

	/** Name of the output x axis; default "Vinj" for a bias, else a name from the header ("B" for a magnet field). */
	public MapImportOptions xName( final String n ) { xName = blankToNull( n ); return this; }

	public MapImportOptions yName( final String n ) { yName = blankToNull( n ); return this; }

	/** What the values are ("G", "g_nl", …); default from the sidecar, else "G". */
	public MapImportOptions quantity( final String q ) { quantity = blankToNull( q ); return this; }

	public MapImportOptions retrace( final Retrace r ) { retrace = r == null ? Retrace.AVERAGE : r; return this; }

	/** Allow linear interpolation of an irregular axis onto a uniform one (same range and number of points). */
	public MapImportOptions resample( final boolean r ) { resample = r; return this; }

	/**
	 * Multiply every value by {@code factor}; the result is in {@code resultUnit}. For a change between known units
	 * (G0 → S) prefer {@link #convertValuesTo}.
	 */
	public MapImportOptions valueScale( final double factor, final String resultUnit )
	{
		if ( !Double.isFinite( factor ) || factor == 0 )
			throw new BadInputException( "value scale must be a finite, non-zero number, got " + factor );
		valueScale = factor;
		scaledValueUnit = blankToNull( resultUnit );
		return this;
	}

	/** Convert the values from their unit (option, sidecar or header) to this one, e.g. "S" or "µS" from "G0". */
	public MapImportOptions convertValuesTo( final String unit ) { convertValuesTo = blankToNull( unit ); return this; }

	/**
	 * Which measurement of a file that holds several: a QCoDeS run id ("8", or a dialog choice "8: results (…)");
	 * empty = the first that makes a map. Ignored by text and TIFF.
	 */
	public MapImportOptions run( final String r ) { run = blankToNull( r ); return this; }

	public String run() { return run; }

	public Format format() { return format; }

	public Delimiter delimiter() { return delimiter; }

	public String xColumn() { return xColumn; }

	public String yColumn() { return yColumn; }

	public String valueColumn() { return valueColumn; }

	public String xUnit() { return xUnit; }

	public String yUnit() { return yUnit; }

	public String valueUnit() { return valueUnit; }

	public String xName() { return xName; }

	public String yName() { return yName; }

	public String quantity() { return quantity; }

	public Retrace retrace() { return retrace; }

	public boolean resample() { return resample; }

	public double valueScale() { return valueScale; }

	/** Unit after {@link #valueScale}, or null when none was given. */
	public String scaledValueUnit() { return scaledValueUnit; }

	public String convertValuesTo() { return convertValuesTo; }

	private static String blankToNull( final String s )
	{
		return s == null || s.trim().isEmpty() ? null : s.trim();
	}

	private static < E extends Enum< E > > E parseEnum( final Class< E > type, final String what, final String s )
	{
		if ( s == null || s.trim().isEmpty() )
			return type.getEnumConstants()[ 0 ];
		try
		{
			return Enum.valueOf( type, s.trim().toUpperCase( Locale.ROOT ) );
		}
		catch ( final IllegalArgumentException e )
		{
			final StringBuilder names = new StringBuilder();
			for ( final E c : type.getEnumConstants() )
				names.append( names.length() == 0 ? "" : ", " ).append( c.name().toLowerCase( Locale.ROOT ) );
			throw new BadInputException( what + " must be one of " + names + ", got '" + s.trim() + "'" );
		}
	}
}
