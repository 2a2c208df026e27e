package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;

/**
 * Reads a plain spectrum table: comma-, semicolon-, tab- or whitespace-separated columns (the separator is taken from
 * the first data row), {@code #} starts a comment, an optional header row names the columns with optional units,
 * {@code V (mV), G (uS)} or {@code V [mV]}. Without a header the first column is the bias and the second the signal.
 * Without units the bias is taken to be in V and the signal dimensionless.
 * <p>
 * The result is sorted ascending in bias; points at the same bias are averaged.
 */
public final class SpectrumTextReader
{
	private SpectrumTextReader() {}

	/** The first two columns. */
	public static Spectrum read( final Path file ) throws IOException
	{
		return read( file, null, null );
	}

	/** Named columns (full header name, or the name without its unit, case-insensitive); null = first / second. */
	public static Spectrum read( final Path file, final String biasColumn, final String valueColumn ) throws IOException
	{
		final String name = file.toString();
		final List< String > lines = NanonisSpectrumReader.readLines( file );
		String separator = null;
		List< String > header = null;
		final List< double[] > rows = new ArrayList<>();
		final List< Integer > rowLines = new ArrayList<>();
		int width = -1;
		for ( int k = 0; k < lines.size(); k++ )
		{
			String line = lines.get( k );
			final int hash = line.indexOf( '#' );
			if ( hash >= 0 )
				line = line.substring( 0, hash );
			if ( line.trim().isEmpty() )
				continue;
			if ( separator == null )
				separator = separatorOf( line );
			final List< String > cells = split( line, separator );
			if ( rows.isEmpty() && header == null && !isNumber( cells.get( 0 ) ) )
			{
				header = cells;
				continue;
			}
			if ( width < 0 )
			{
				width = header != null ? header.size() : cells.size();
				if ( width < 2 )
					throw BadInputException.at( name, k + 1, "needs at least 2 columns (bias, signal), found " + cells.size() );
			}
			if ( cells.size() != width )
				throw BadInputException.at( name, k + 1, "row has " + cells.size() + " values, expected " + width );
			final double[] row = new double[ width ];
			for ( int j = 0; j < width; j++ )
			{
				if ( !isNumber( cells.get( j ) ) )
					throw BadInputException.at( name, k + 1, "'" + cells.get( j ) + "' is not a number" );
				row[ j ] = Double.parseDouble( cells.get( j ) );
				if ( !Double.isFinite( row[ j ] ) )
					throw BadInputException.at( name, k + 1, "value " + ( j + 1 ) + " is " + cells.get( j ) );
			}
			rows.add( row );
			rowLines.add( k + 1 );
		}
		if ( rows.isEmpty() )
			throw BadInputException.at( name, 0, "no data rows" );
		if ( header != null && header.size() != width )
			throw BadInputException.at( name, rowLines.get( 0 ), "the header names " + header.size() + " columns but the rows have " + width );
		final int jb = column( name, header, biasColumn, 0 );
		final int jv = column( name, header, valueColumn, 1 );
		final double[] v = new double[ rows.size() ];
		final double[] g = new double[ rows.size() ];
		for ( int i = 0; i < v.length; i++ )
		{
			v[ i ] = rows.get( i )[ jb ];
			g[ i ] = rows.get( i )[ jv ];
		}
		final String bn = header == null ? "V" : NanonisSpectrumReader.baseName( unitInBrackets( header.get( jb ) ) );
		final String bu = header == null ? "" : NanonisSpectrumReader.unitOf( unitInBrackets( header.get( jb ) ) );
		final String gn = header == null ? "G" : NanonisSpectrumReader.baseName( unitInBrackets( header.get( jv ) ) );
		final String gu = header == null ? "" : NanonisSpectrumReader.unitOf( unitInBrackets( header.get( jv ) ) );
		final MapMetadata meta = MapMetadata.empty().with( MapMetadata.SOURCE, name );
		return sortedSpectrum( name, v, g, bn, bu.isEmpty() ? "V" : bu, gn, gu.isEmpty() ? Units.NORMALIZED : gu, meta );
	}

	/**
	 * A spectrum sorted ascending in bias with points at equal bias averaged; the importers' common last step. Fails
	 * when fewer than 2 distinct bias values remain.
	 */
	static Spectrum sortedSpectrum( final String file, final double[] bias, final double[] values, final String biasName, final String biasUnit, final String quantity, final String valueUnit, final MapMetadata meta )
	{
		final Integer[] order = new Integer[ bias.length ];
		for ( int i = 0; i < order.length; i++ )
			order[ i ] = i;
		Arrays.sort( order, Comparator.comparingDouble( i -> bias[ i ] ) );
		final double[] v = new double[ bias.length ];
		final double[] g = new double[ bias.length ];
		int n = 0;
		for ( int a = 0; a < order.length; )
		{
			int b = a;
			double sum = 0;
			while ( b < order.length && bias[ order[ b ] ] == bias[ order[ a ] ] )
				sum += values[ order[ b++ ] ];
			v[ n ] = bias[ order[ a ] ];
			g[ n++ ] = sum / ( b - a );
			a = b;
		}
		if ( n < 2 )
			throw BadInputException.at( file, 0, "needs at least 2 distinct bias values, found " + n );
		return new Spectrum( Arrays.copyOf( v, n ), Arrays.copyOf( g, n ), biasName, biasUnit, quantity, valueUnit, meta );
	}

	/** {@code V [mV]} → {@code V (mV)}, so one parser handles both spellings. */
	private static String unitInBrackets( final String h )
	{
		final String t = h.trim();
		final int open = t.lastIndexOf( '[' );
		return t.endsWith( "]" ) && open > 0 ? t.substring( 0, open ).trim() + " (" + t.substring( open + 1, t.length() - 1 ).trim() + ")" : t;
	}

	private static int column( final String file, final List< String > header, final String want, final int def )
	{
		if ( want == null )
			return def;
		if ( header == null )
			throw BadInputException.at( file, 0, "has no header row, so no column can be named '" + want + "'" );
		final String w = want.trim().toLowerCase( Locale.ROOT );
		for ( int j = 0; j < header.size(); j++ )
		{
			final String h = unitInBrackets( header.get( j ) );
			if ( h.toLowerCase( Locale.ROOT ).equals( w ) || header.get( j ).trim().toLowerCase( Locale.ROOT ).equals( w ) || NanonisSpectrumReader.baseName( h ).toLowerCase( Locale.ROOT ).equals( w ) )
				return j;
		}
		throw BadInputException.at( file, 0, "no column '" + want + "'; the columns are: " + String.join( ", ", header ) );
	}

	private static String separatorOf( final String line )
	{
		// ';' first: files that use it often have decimal commas, which then fail as "not a number", not silently
		if ( line.indexOf( ';' ) >= 0 )
			return ";";
		if ( line.indexOf( '\t' ) >= 0 )
			return "\t";
		if ( line.indexOf( ',' ) >= 0 )
			return ",";
		return " ";
	}

	/** Cells; with whitespace separation a "(unit)" or "[unit]" token joins the name before it. */
	private static List< String > split( final String line, final String separator )
	{
		final List< String > out = new ArrayList<>();
		if ( !separator.equals( " " ) )
		{
			for ( final String p : line.split( separator, -1 ) )
				out.add( p.trim() );
			while ( out.size() > 1 && out.get( out.size() - 1 ).isEmpty() )
				out.remove( out.size() - 1 );
			return out;
		}
		for ( final String p : line.trim().split( "\\s+" ) )
		{
			if ( !out.isEmpty() && ( p.startsWith( "(" ) || p.startsWith( "[" ) ) && !isNumber( out.get( out.size() - 1 ) ) )
				out.set( out.size() - 1, out.get( out.size() - 1 ) + " " + p );
			else
				out.add( p );
		}
		return out;
	}

	private static boolean isNumber( final String s )
	{
		try
		{
			Double.parseDouble( s.trim() );
			return !s.trim().isEmpty();
		}
		catch ( final NumberFormatException e )
		{
			return false;
		}
	}
}
