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
		return read( file, new Selection().biasColumn( biasColumn ).valueColumn( valueColumn ) );
	}

	/**
	 * Which curve of a table to read: the bias and value columns (header name, the name without its unit, or 1-based
	 * position), their units when the header has none (or a wrong one), and for a table of several curves stacked by
	 * another column (a {@code cuts} CSV: {@code Vdet,Vinj,g}) the rows where that column has one value.
	 */
	public static final class Selection
	{
		String biasColumn, valueColumn, biasUnit, valueUnit, whereColumn;
		double whereValue = Double.NaN;

		public Selection biasColumn( final String c ) { biasColumn = blank( c ); return this; }

		public Selection valueColumn( final String c ) { valueColumn = blank( c ); return this; }

		public Selection biasUnit( final String u ) { biasUnit = blank( u ); return this; }

		public Selection valueUnit( final String u ) { valueUnit = blank( u ); return this; }

		/** "COLUMN=VALUE": keep the rows where COLUMN equals VALUE (to 1e-9 relative); null or empty = all rows. */
		public Selection where( final String condition )
		{
			final String c = blank( condition );
			if ( c == null )
				return this;
			final int eq = c.lastIndexOf( '=' );
			if ( eq <= 0 || eq == c.length() - 1 )
				throw new BadInputException( "where '" + c + "': write COLUMN=VALUE, e.g. Vdet=0.1" );
			whereColumn = c.substring( 0, eq ).trim();
			try
			{
				whereValue = Double.parseDouble( c.substring( eq + 1 ).trim() );
			}
			catch ( final NumberFormatException e )
			{
				throw new BadInputException( "where '" + c + "': '" + c.substring( eq + 1 ).trim() + "' is not a number" );
			}
			return this;
		}

		private static String blank( final String s ) { return s == null || s.trim().isEmpty() ? null : s.trim(); }
	}

	/** One curve of the table as {@code sel} chooses it. */
	public static Spectrum read( final Path file, final Selection sel ) throws IOException
	{
		final String biasColumn = sel.biasColumn, valueColumn = sel.valueColumn;
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
		final int jb = column( name, header, biasColumn, 0, width );
		// value by default the second column, or, when the bias is chosen and is the second, the last other one
		final int jv = column( name, header, valueColumn, jb == 1 ? ( width > 2 ? width - 1 : 0 ) : 1, width );
		if ( jb == jv )
			throw BadInputException.at( name, 0, "the same column is chosen for the bias and the value" );
		final List< double[] > kept = selectRows( name, header, rows, sel, width );
		checkNotStacked( name, header, kept, jb, jv );
		final double[] v = new double[ kept.size() ];
		final double[] g = new double[ kept.size() ];
		for ( int i = 0; i < v.length; i++ )
		{
			v[ i ] = kept.get( i )[ jb ];
			g[ i ] = kept.get( i )[ jv ];
		}
		final String bn = header == null ? "V" : NanonisSpectrumReader.baseName( unitInBrackets( header.get( jb ) ) );
		final String bu = sel.biasUnit != null ? sel.biasUnit : header == null ? "" : NanonisSpectrumReader.unitOf( unitInBrackets( header.get( jb ) ) );
		final String gn = header == null ? "G" : NanonisSpectrumReader.baseName( unitInBrackets( header.get( jv ) ) );
		final String gu = sel.valueUnit != null ? sel.valueUnit : header == null ? "" : NanonisSpectrumReader.unitOf( unitInBrackets( header.get( jv ) ) );
		final MapMetadata meta = MapMetadata.empty().with( MapMetadata.SOURCE, name );
		return sortedSpectrum( name, v, g, bn, bu.isEmpty() ? "V" : bu, gn, gu.isEmpty() ? Units.NORMALIZED : gu, meta );
	}

	/** The rows {@code sel.where} keeps (all without a condition); refuses a condition no row meets. */
	private static List< double[] > selectRows( final String name, final List< String > header, final List< double[] > rows, final Selection sel, final int width )
	{
		if ( sel.whereColumn == null )
			return rows;
		final int jw = column( name, header, sel.whereColumn, -1, width );
		final List< double[] > kept = new ArrayList<>();
		final java.util.TreeSet< Double > values = new java.util.TreeSet<>();
		for ( final double[] r : rows )
		{
			values.add( r[ jw ] );
			if ( Math.abs( r[ jw ] - sel.whereValue ) <= 1e-9 * Math.max( 1, Math.abs( sel.whereValue ) ) )
				kept.add( r );
		}
		if ( kept.isEmpty() )
			throw BadInputException.at( name, 0, "no row has " + sel.whereColumn + " = " + sel.whereValue + "; it takes " + values.size() + " values from " + values.first() + " to " + values.last() );
		return kept;
	}

	/**
	 * Refuses a table holding several curves one after the other (bias values repeat, and another column is constant
	 * along each curve with a new value for the next): averaging them point by point would fit a mixture.
	 */
	private static void checkNotStacked( final String name, final List< String > header, final List< double[] > rows, final int jb, final int jv )
	{
		final java.util.Set< Double > biases = new java.util.HashSet<>();
		for ( final double[] r : rows )
			biases.add( r[ jb ] );
		if ( biases.size() == rows.size() )
			return;
		final int width = rows.get( 0 ).length;
		for ( int j = 0; j < width; j++ )
		{
			if ( j == jb || j == jv )
				continue;
			int runs = 1;
			final java.util.Set< Double > distinct = new java.util.LinkedHashSet<>();
			distinct.add( rows.get( 0 )[ j ] );
			for ( int i = 1; i < rows.size(); i++ )
				if ( rows.get( i )[ j ] != rows.get( i - 1 )[ j ] )
				{
					runs++;
					distinct.add( rows.get( i )[ j ] );
				}
			if ( distinct.size() >= 2 && runs == distinct.size() && rows.size() >= 3 * runs )
			{
				final String col = header == null ? "column " + ( j + 1 ) : header.get( j );
				final Double firstValue = distinct.iterator().next();
				throw BadInputException.at( name, 0, String.format( Locale.ROOT, "holds %d curves one after the other, one per value of %s (%s …): choose one with where %s=%s (--where on the runner)",
						distinct.size(), col, firstValue, NanonisSpectrumReader.baseName( unitInBrackets( col ) ), firstValue ) );
			}
		}
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

	private static int column( final String file, final List< String > header, final String want, final int def, final int width )
	{
		if ( want == null )
			return def;
		if ( want.trim().matches( "\\d+" ) )
		{
			final int k = Integer.parseInt( want.trim() );
			if ( k < 1 || k > width )
				throw BadInputException.at( file, 0, "column " + k + " asked for, but the table has " + width + " columns" );
			return k - 1;
		}
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
