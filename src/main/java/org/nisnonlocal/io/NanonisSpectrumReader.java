package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;

/**
 * Reads a Nanonis "bias spectroscopy" text file (.dat): {@code key<TAB>value} header lines, a {@code [DATA]} line,
 * then a tab-separated table whose first row names the columns with their units, e.g. {@code Bias calc (V)},
 * {@code Current [AVG] (A)}, {@code Input 3 [AVG] (V)}, single sweeps {@code [00001]} and backward sweeps
 * {@code … [bwd] (V)}. The backward columns share the bias column: row i of a {@code [bwd]} column was measured at
 * the same bias as row i of its forward partner.
 * <p>
 * Cells may be {@code NaN} (an aborted sweep); that is only an error when such a column is turned into a spectrum.
 */
public final class NanonisSpectrumReader
{
	/** Which sweep of a file with backward sweeps. */
	public enum Sweep
	{
		FORWARD, BACKWARD;

		/** "forward"/"fwd" or "backward"/"bwd", case-insensitive. */
		public static Sweep parse( final String s )
		{
			final String t = s.trim().toLowerCase( Locale.ROOT );
			if ( t.equals( "forward" ) || t.equals( "fwd" ) )
				return FORWARD;
			if ( t.equals( "backward" ) || t.equals( "bwd" ) )
				return BACKWARD;
			throw new BadInputException( "sweep must be forward or backward, got '" + s + "'" );
		}
	}

	private static final String BWD = "[bwd]";
	/** A header comment naming the input that carries the lock-in X output, e.g. "Input 3: X gain 1k". */
	private static final Pattern INPUT_IS_X = Pattern.compile( "(?i)\\b(input\\s*\\d+)\\s*:\\s*x\\b" );

	private NanonisSpectrumReader() {}

	/** The header and the table of one file. Columns keep the file's order and full names (with unit). */
	public static final class Contents
	{
		private final String file;
		private final Map< String, String > header;
		private final List< String > names;
		private final double[][] columns;
		private final int firstDataLine;

		Contents( final String file, final Map< String, String > header, final List< String > names, final double[][] columns, final int firstDataLine )
		{
			this.file = file;
			this.header = Collections.unmodifiableMap( header );
			this.names = Collections.unmodifiableList( names );
			this.columns = columns;
			this.firstDataLine = firstDataLine;
		}

		public String file() { return file; }

		/** Header entries before {@code [DATA]}, key → value (trimmed). */
		public Map< String, String > header() { return header; }

		/** Full column names in file order, e.g. {@code Input 3 [AVG] [bwd] (V)}. */
		public List< String > columnNames() { return names; }

		public int rows() { return columns[ 0 ].length; }

		/** The column with this full name, or resolved as in {@link #resolve}. A copy. */
		public double[] column( final String name ) { return columns[ names.indexOf( resolve( name ) ) ].clone(); }

		/** File line (1-based) of data row {@code row} (0-based). */
		public int lineOfRow( final int row ) { return firstDataLine + row; }

		/**
		 * The full name of a column: an exact match, else a case-insensitive match of the full name or of the name
		 * without its unit ({@code Input 3 [AVG]}). An unknown name fails listing the available names.
		 */
		public String resolve( final String name )
		{
			if ( names.contains( name ) )
				return name;
			final String want = name.trim().toLowerCase( Locale.ROOT );
			for ( final String n : names )
				if ( n.toLowerCase( Locale.ROOT ).equals( want ) || baseName( n ).toLowerCase( Locale.ROOT ).equals( want ) )
					return n;
			throw BadInputException.at( file, 0, "no column '" + name + "'; the columns are: " + String.join( ", ", names ) );
		}

		/** True when the file holds backward sweeps ({@code [bwd]} columns). */
		public boolean hasBackward()
		{
			return names.stream().anyMatch( n -> n.contains( BWD ) );
		}
	}

	/** True when the file has a line {@code [DATA]}: how the runner tells a Nanonis file from a plain text table. */
	public static boolean isNanonis( final Path file ) throws IOException
	{
		for ( final String line : readLines( file ) )
			if ( line.trim().equals( "[DATA]" ) )
				return true;
		return false;
	}

	public static Contents read( final Path file ) throws IOException
	{
		final String name = file.toString();
		final List< String > lines = readLines( file );
		final Map< String, String > header = new LinkedHashMap<>();
		int k = 0;
		for ( ; k < lines.size() && !lines.get( k ).trim().equals( "[DATA]" ); k++ )
		{
			final String line = lines.get( k );
			final int tab = line.indexOf( '\t' );
			if ( tab > 0 )
				header.put( line.substring( 0, tab ).trim(), line.substring( tab + 1 ).trim() );
		}
		if ( k == lines.size() )
			throw BadInputException.at( name, 0, "no [DATA] line: not a Nanonis bias-spectroscopy file" );
		k++;
		while ( k < lines.size() && lines.get( k ).trim().isEmpty() )
			k++;
		if ( k == lines.size() )
			throw BadInputException.at( name, k, "no column names after [DATA]" );
		final List< String > names = cells( lines.get( k ) );
		for ( final String n : names )
			if ( n.isEmpty() )
				throw BadInputException.at( name, k + 1, "empty column name in the header row" );
		final int firstDataLine = k + 2;
		final List< double[] > rows = new ArrayList<>();
		for ( k++; k < lines.size(); k++ )
		{
			final String line = lines.get( k );
			if ( line.trim().isEmpty() )
				continue;
			if ( rows.size() + firstDataLine != k + 1 )
				throw BadInputException.at( name, k + 1, "data row after an empty line inside the table" );
			final List< String > c = cells( line );
			if ( c.size() != names.size() )
				throw BadInputException.at( name, k + 1, "row has " + c.size() + " values but the header names " + names.size() + " columns" );
			final double[] row = new double[ c.size() ];
			for ( int j = 0; j < row.length; j++ )
				row[ j ] = parse( name, k + 1, names.get( j ), c.get( j ) );
			rows.add( row );
		}
		if ( rows.isEmpty() )
			throw BadInputException.at( name, firstDataLine, "no data rows after the column names" );
		final double[][] columns = new double[ names.size() ][ rows.size() ];
		for ( int i = 0; i < rows.size(); i++ )
			for ( int j = 0; j < names.size(); j++ )
				columns[ j ][ i ] = rows.get( i )[ j ];
		return new Contents( name, header, names, columns, firstDataLine );
	}

	/** Reads the file and returns the spectrum of the default signal column (see {@link #defaultSignal}). */
	public static Spectrum readSpectrum( final Path file, final Sweep sweep ) throws IOException
	{
		return spectrum( read( file ), null, sweep );
	}

	/**
	 * One sweep of one signal column against the bias column, sorted ascending in bias (files often sweep +V → −V);
	 * repeated bias values are averaged. {@code signal} null means {@link #defaultSignal}. For {@link Sweep#BACKWARD}
	 * the {@code [bwd]} partner of the named column is used.
	 */
	public static Spectrum spectrum( final Contents c, final String signal, final Sweep sweep )
	{
		final String bias = biasColumn( c );
		String col = c.resolve( signal == null ? defaultSignal( c ) : signal );
		if ( sweep == Sweep.BACKWARD && !col.contains( BWD ) )
		{
			final String partner = backwardName( col );
			if ( !c.columnNames().contains( partner ) )
				throw BadInputException.at( c.file(), 0, "no backward sweep of '" + col + "' (expected a column '" + partner + "')" );
			col = partner;
		}
		else if ( sweep == Sweep.FORWARD && col.contains( BWD ) )
			throw BadInputException.at( c.file(), 0, "column '" + col + "' is a backward sweep; ask for the backward sweep or a forward column" );
		final double[] v = c.column( bias );
		final double[] g = c.column( col );
		for ( int i = 0; i < v.length; i++ )
		{
			if ( !Double.isFinite( v[ i ] ) )
				throw BadInputException.at( c.file(), c.lineOfRow( i ), "bias '" + bias + "' is " + v[ i ] );
			if ( !Double.isFinite( g[ i ] ) )
				throw BadInputException.at( c.file(), c.lineOfRow( i ), "'" + col + "' is " + g[ i ] + " (incomplete sweep?)" );
		}
		final MapMetadata meta = MapMetadata.empty()
				.with( MapMetadata.SOURCE, c.file() )
				.with( "column", col )
				.with( "sweep", sweep.name().toLowerCase( Locale.ROOT ) );
		return SpectrumTextReader.sortedSpectrum( c.file(), v, g, baseName( bias ), unitOf( bias ), baseName( col ), unitOf( col ), meta );
	}

	/** The bias column: {@code Bias calc (…)} if present, else the first column whose name starts with "Bias". */
	public static String biasColumn( final Contents c )
	{
		String first = null;
		for ( final String n : c.columnNames() )
		{
			final String b = baseName( n ).toLowerCase( Locale.ROOT );
			if ( b.equals( "bias calc" ) )
				return n;
			if ( first == null && b.startsWith( "bias" ) )
				first = n;
		}
		if ( first == null )
			throw BadInputException.at( c.file(), 0, "no bias column (a name starting with 'Bias'); the columns are: " + String.join( ", ", c.columnNames() ) );
		return first;
	}

	/**
	 * The lock-in X channel, forward sweep, averaged when averages exist: a column named like {@code X% LockIn},
	 * {@code LI Demod 1 X} or {@code LockIn X}; else the {@code Input N} a header comment calls X (e.g. "Input 3: X
	 * gain 1k"). Fails when neither exists, asking for an explicit column.
	 */
	public static String defaultSignal( final Contents c )
	{
		final List< String > candidates = new ArrayList<>();
		for ( final String n : c.columnNames() )
		{
			if ( n.contains( BWD ) )
				continue;
			final String b = baseName( n ).toLowerCase( Locale.ROOT );
			if ( b.contains( "lockin" ) || b.contains( "lock-in" ) || b.contains( "li demod" ) )
				if ( b.matches( ".*\\bx\\b.*" ) || b.startsWith( "x" ) )
					candidates.add( n );
		}
		if ( candidates.isEmpty() )
		{
			for ( final Map.Entry< String, String > e : c.header().entrySet() )
			{
				if ( !e.getKey().toLowerCase( Locale.ROOT ).startsWith( "comment" ) )
					continue;
				final Matcher m = INPUT_IS_X.matcher( e.getValue() );
				if ( m.find() )
					for ( final String n : c.columnNames() )
						if ( !n.contains( BWD ) && baseName( n ).toLowerCase( Locale.ROOT ).startsWith( m.group( 1 ).toLowerCase( Locale.ROOT ).replaceAll( "\\s+", " " ) ) )
							candidates.add( n );
			}
		}
		if ( candidates.isEmpty() )
			throw BadInputException.at( c.file(), 0, "cannot tell which column is the lock-in X signal; name one (--column); the columns are: " + String.join( ", ", c.columnNames() ) );
		for ( final String n : candidates )
			if ( n.contains( "[AVG]" ) )
				return n;
		for ( final String n : candidates )
			if ( !n.matches( ".*\\[\\d+\\].*" ) )
				return n;
		return candidates.get( 0 );
	}

	/** {@code Input 3 [AVG] (V)} → {@code Input 3 [AVG] [bwd] (V)}. */
	static String backwardName( final String forward )
	{
		final String unit = unitOf( forward );
		final String base = baseName( forward );
		return unit.isEmpty() ? base + " " + BWD : base + " " + BWD + " (" + unit + ")";
	}

	/** The unit in the trailing parentheses, or "" when there are none. */
	static String unitOf( final String column )
	{
		final String t = column.trim();
		final int open = t.lastIndexOf( '(' );
		return t.endsWith( ")" ) && open >= 0 ? t.substring( open + 1, t.length() - 1 ).trim() : "";
	}

	/** The name without its trailing unit. */
	static String baseName( final String column )
	{
		final String t = column.trim();
		final int open = t.lastIndexOf( '(' );
		return t.endsWith( ")" ) && open > 0 ? t.substring( 0, open ).trim() : t;
	}

	/** Tab-separated cells, a trailing empty cell (lines ending in a tab) dropped. */
	private static List< String > cells( final String line )
	{
		final String[] parts = line.split( "\t", -1 );
		final List< String > out = new ArrayList<>();
		for ( final String p : parts )
			out.add( p.trim() );
		while ( !out.isEmpty() && out.get( out.size() - 1 ).isEmpty() )
			out.remove( out.size() - 1 );
		return out;
	}

	private static double parse( final String file, final int line, final String column, final String cell )
	{
		try
		{
			return Double.parseDouble( cell );
		}
		catch ( final NumberFormatException e )
		{
			throw BadInputException.at( file, line, "'" + cell + "' in column '" + column + "' is not a number" );
		}
	}

	/** UTF-8, else Latin-1 (older Nanonis versions write µ as one byte). */
	static List< String > readLines( final Path file ) throws IOException
	{
		try
		{
			return Files.readAllLines( file, StandardCharsets.UTF_8 );
		}
		catch ( final CharacterCodingException e )
		{
			return Files.readAllLines( file, StandardCharsets.ISO_8859_1 );
		}
	}
}
