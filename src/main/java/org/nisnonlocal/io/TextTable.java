package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions.Delimiter;

/**
 * The non-comment, non-blank lines of a text table split into cells, each row with its 1-based line number. Lines
 * starting with {@code #} or {@code %} are comments. Package-private: the parsing step of {@link TextMapImporter}.
 */
final class TextTable
{
	/** One data or header line: its cells (trimmed, surrounding quotes removed) and its line number. */
	static final class Row
	{
		final int line;
		final String[] cells;

		Row( final int line, final String[] cells )
		{
			this.line = line;
			this.cells = cells;
		}
	}

	final String file;
	final Delimiter delimiter;
	final List< Row > rows;
	final int commentLines;

	private TextTable( final String file, final Delimiter delimiter, final List< Row > rows, final int commentLines )
	{
		this.file = file;
		this.delimiter = delimiter;
		this.rows = Collections.unmodifiableList( rows );
		this.commentLines = commentLines;
	}

	static TextTable read( final Path path, final Delimiter requested )
	{
		final String file = path.toString();
		final List< String > lines = readLines( path, file );
		final List< Integer > numbers = new ArrayList<>();
		final List< String > content = new ArrayList<>();
		int comments = 0;
		for ( int k = 0; k < lines.size(); k++ )
		{
			String s = lines.get( k );
			if ( k == 0 && s.startsWith( "\uFEFF" ) )
				s = s.substring( 1 );
			final String t = s.trim();
			if ( t.isEmpty() )
				continue;
			if ( t.startsWith( "#" ) || t.startsWith( "%" ) )
			{
				comments++;
				continue;
			}
			numbers.add( k + 1 );
			content.add( s );
		}
		if ( content.isEmpty() )
			throw BadInputException.at( file, 0, "no data rows (the file is empty or holds only comments)" );
		final Delimiter d = requested == Delimiter.AUTO ? detect( content ) : requested;
		final List< Row > rows = new ArrayList<>( content.size() );
		for ( int k = 0; k < content.size(); k++ )
			rows.add( new Row( numbers.get( k ), split( content.get( k ), d ) ) );
		return new TextTable( file, d, rows, comments );
	}

	private static List< String > readLines( final Path path, final String file )
	{
		try
		{
			try
			{
				return Files.readAllLines( path, StandardCharsets.UTF_8 );
			}
			catch ( final CharacterCodingException e )
			{
				// instrument software often writes Latin-1 ("µV"); every byte is a valid Latin-1 character
				return Files.readAllLines( path, StandardCharsets.ISO_8859_1 );
			}
		}
		catch ( final NoSuchFileException e )
		{
			throw BadInputException.at( file, 0, "file not found" );
		}
		catch ( final IOException e )
		{
			throw BadInputException.at( file, 0, "cannot read: " + e.getMessage() );
		}
	}

	/**
	 * Tab, then semicolon, then comma, if it occurs on every one of the first lines; else whitespace. Semicolon comes
	 * before comma because semicolon files often use a decimal comma.
	 */
	static Delimiter detect( final List< String > lines )
	{
		final int n = Math.min( lines.size(), 20 );
		for ( final Delimiter d : new Delimiter[] { Delimiter.TAB, Delimiter.SEMICOLON, Delimiter.COMMA } )
		{
			final char c = d == Delimiter.TAB ? '\t' : d == Delimiter.SEMICOLON ? ';' : ',';
			boolean everywhere = true;
			for ( int k = 0; k < n && everywhere; k++ )
				everywhere = lines.get( k ).indexOf( c ) >= 0;
			if ( everywhere )
				return d;
		}
		return Delimiter.WHITESPACE;
	}

	static String[] split( final String line, final Delimiter d )
	{
		final String[] cells;
		switch ( d )
		{
		case TAB:
			cells = line.split( "\t", -1 );
			break;
		case SEMICOLON:
			cells = line.split( ";", -1 );
			break;
		case COMMA:
			cells = line.split( ",", -1 );
			break;
		default:
			final String t = line.trim();
			cells = t.isEmpty() ? new String[ 0 ] : t.split( "\\s+" );
			break;
		}
		for ( int k = 0; k < cells.length; k++ )
			cells[ k ] = unquote( cells[ k ].trim() );
		return cells;
	}

	private static String unquote( final String s )
	{
		if ( s.length() >= 2 && ( s.startsWith( "\"" ) && s.endsWith( "\"" ) || s.startsWith( "'" ) && s.endsWith( "'" ) ) )
			return s.substring( 1, s.length() - 1 ).trim();
		return s;
	}

	/**
	 * The cell as a number: decimal, "NaN", "Inf"/"Infinity" with sign, and a decimal comma when cells are not split
	 * by commas (European exports). Returns null for text that is not a number; an empty cell is NaN.
	 */
	static Double number( final String cell, final Delimiter d )
	{
		if ( cell.isEmpty() )
			return Double.NaN;
		final String lc = cell.toLowerCase( Locale.ROOT );
		switch ( lc )
		{
		case "nan":
		case "-nan":
		case "+nan":
			return Double.NaN;
		case "inf":
		case "+inf":
		case "infinity":
		case "+infinity":
			return Double.POSITIVE_INFINITY;
		case "-inf":
		case "-infinity":
			return Double.NEGATIVE_INFINITY;
		default:
			break;
		}
		// Java also accepts "1d", "1f" and hex; a data file means none of these
		final char last = lc.charAt( lc.length() - 1 );
		if ( !( Character.isDigit( last ) || last == '.' ) || lc.startsWith( "0x" ) || lc.startsWith( "-0x" ) )
			return null;
		try
		{
			return Double.parseDouble( d != Delimiter.COMMA && cell.indexOf( ',' ) == cell.lastIndexOf( ',' ) ? cell.replace( ',', '.' ) : cell );
		}
		catch ( final NumberFormatException e )
		{
			return null;
		}
	}

	/** True when every cell is a number (an empty cell counts as text here: headers have empty corners). */
	static boolean allNumeric( final String[] cells, final int from, final Delimiter d )
	{
		for ( int k = from; k < cells.length; k++ )
			if ( cells[ k ].isEmpty() || number( cells[ k ], d ) == null )
				return false;
		return cells.length > from;
	}

	/** Number of cells without trailing empty ones (a line ending with its delimiter). */
	static int width( final String[] cells )
	{
		int n = cells.length;
		while ( n > 0 && cells[ n - 1 ].isEmpty() )
			n--;
		return n;
	}
}
