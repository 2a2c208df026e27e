package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;

/**
 * The legacy QCoDeS GNUPlot {@code .dat} (qcodes.data GNUPlotFormat): three {@code #} header lines (array names,
 * quoted labels, the shape: outer size first), then tab-separated rows, setpoint columns first (outer loop first),
 * with a blank line after each inner sweep. Units are only in labels such as {@code "P4 (mV)"}; a
 * {@code snapshot.json} beside the file adds the scan time and instrument settings.
 */
final class QcodesGnuplot
{
	private static final Pattern SHAPE = Pattern.compile( "#\\s*\\d+(\\s+\\d+)*\\s*" );

	final String[] names;
	final String[] labels;
	final int[] shape;
	/** columns[c][row] */
	final double[][] columns;
	final int rows;

	private QcodesGnuplot( final String[] names, final String[] labels, final int[] shape, final double[][] columns, final int rows )
	{
		this.names = names;
		this.labels = labels;
		this.shape = shape;
		this.columns = columns;
		this.rows = rows;
	}

	/** Three '#' lines, the third only integers (the shape), the first as many names as the second has labels. */
	static boolean looksLike( final String head )
	{
		final String[] l = head.split( "\r?\n", 4 );
		return l.length >= 3 && l[ 0 ].startsWith( "#" ) && l[ 1 ].startsWith( "#" ) && l[ 1 ].contains( "\"" ) && SHAPE.matcher( l[ 2 ] ).matches()
				&& l[ 0 ].substring( 1 ).trim().split( "\t" ).length == l[ 1 ].substring( 1 ).trim().split( "\t" ).length;
	}

	static QcodesGnuplot read( final Path file )
	{
		final List< String > lines;
		try
		{
			lines = Files.readAllLines( file, StandardCharsets.ISO_8859_1 );
		}
		catch ( final IOException e )
		{
			throw new BadInputException( file + ": cannot be read (" + e.getMessage() + ")" );
		}
		if ( lines.size() < 4 || !looksLike( String.join( "\n", lines.subList( 0, 3 ) ) ) )
			throw new BadInputException( file + ": not a QCoDeS GNUPlot file (three '#' header lines: names, labels, shape)" );
		final String[] names = lines.get( 0 ).substring( 1 ).trim().split( "\t" );
		final String[] labels = lines.get( 1 ).substring( 1 ).trim().split( "\t" );
		for ( int k = 0; k < labels.length; k++ )
			labels[ k ] = labels[ k ].trim().replaceAll( "^\"|\"$", "" );
		final String[] s = lines.get( 2 ).substring( 1 ).trim().split( "\\s+" );
		final int[] shape = new int[ s.length ];
		long expected = 1;
		for ( int k = 0; k < s.length; k++ )
		{
			shape[ k ] = Integer.parseInt( s[ k ] );
			expected *= shape[ k ];
		}
		if ( shape.length >= names.length )
			throw BadInputException.at( file.toString(), 3, "shape has " + shape.length + " dimensions but there are only " + names.length + " columns" );
		final double[][] cols = new double[ names.length ][ ( int ) Math.min( expected, lines.size() ) ];
		int n = 0;
		for ( int i = 3; i < lines.size(); i++ )
		{
			final String line = lines.get( i ).trim();
			if ( line.isEmpty() || line.startsWith( "#" ) )
				continue;
			final String[] cells = line.split( "\t" );
			if ( cells.length != names.length )
				throw BadInputException.at( file.toString(), i + 1, cells.length + " cells where the header names " + names.length + " arrays" );
			if ( n >= cols[ 0 ].length )
				throw BadInputException.at( file.toString(), i + 1, "more rows than the shape " + Arrays.toString( shape ) + " allows" );
			for ( int c = 0; c < cells.length; c++ )
				try
				{
					cols[ c ][ n ] = Double.parseDouble( cells[ c ].trim() );
				}
				catch ( final NumberFormatException e )
				{
					throw BadInputException.at( file.toString(), i + 1, names[ c ] + " is not a number: '" + cells[ c ] + "'" );
				}
			n++;
		}
		for ( int c = 0; c < cols.length; c++ )
			cols[ c ] = Arrays.copyOf( cols[ c ], n );
		return new QcodesGnuplot( names, labels, shape, cols, n );
	}

	static FileContents contents( final Path file )
	{
		final QcodesGnuplot g = read( file );
		final List< FileContents.Row > rows = new ArrayList<>();
		final int rank = g.shape.length;
		final String shape = shapeText( g.shape );
		for ( int c = 0; c < g.names.length; c++ )
		{
			final HeaderName h = new HeaderName( g.labels[ c ] );
			final boolean setpoint = c < rank;
			rows.add( new FileContents.Row( "", "", g.names[ c ], setpoint ? "setpoint" : "measured", setpoint ? "" : String.join( ",", Arrays.copyOf( g.names, rank ) ), shape, h.unit,
					g.labels[ c ] ) );
		}
		final List< String > notes = new ArrayList<>();
		notes.add( g.rows + " rows of " + shape + ( rank == 2 ? "; default map: " + g.names[ rank ] + " against " + g.names[ 1 ] + " (x) and " + g.names[ 0 ] + " (y)" : rank == 1 ? ": 1D, not a map" : "" ) );
		return new FileContents( "legacy QCoDeS GNUPlot .dat", rows, notes );
	}

	static String shapeText( final int[] shape )
	{
		final StringBuilder b = new StringBuilder();
		for ( final int s : shape )
			b.append( b.length() == 0 ? "" : " × " ).append( s );
		return b.toString();
	}

	static ImportedMap map( final Path file, final MapImportOptions o )
	{
		final QcodesGnuplot g = read( file );
		final List< String > report = new ArrayList<>();
		final int rank = g.shape.length;
		report.add( "read " + file + ": legacy QCoDeS GNUPlot, arrays " + String.join( ", ", g.names ) + ", shape " + shapeText( g.shape ) + ", " + g.rows + " rows" );
		if ( rank < 2 && ( o.xColumn() == null || o.yColumn() == null ) )
			throw new BadInputException( file + ": a 1D sweep (" + g.names[ 0 ] + ", " + g.rows + " points): a spectrum, not a map" );
		final long expected = Arrays.stream( g.shape ).asLongStream().reduce( 1, ( a, b ) -> a * b );
		if ( g.rows < expected )
			report.add( "incomplete: " + g.rows + " of " + expected + " points (an interrupted loop); the rest is NaN" );
		final int xi = index( file, g, o.xColumn(), rank - 1 );
		final int yi = index( file, g, o.yColumn(), rank - 2 );
		final int vi = index( file, g, o.valueColumn(), rank );
		final MapMetadata meta = Snapshots.beside( file, MapMetadata.empty().with( "file_format", "legacy QCoDeS GNUPlot" ), report );
		return PointsToMap.build( file, "qcodes-gnuplot", param( g, xi, report ), param( g, yi, report ), param( g, vi, report ), g.columns[ xi ], g.columns[ yi ], g.columns[ vi ], meta, o,
				report );
	}

	private static int index( final Path file, final QcodesGnuplot g, final String asked, final int def )
	{
		if ( asked == null )
			return def;
		for ( int c = 0; c < g.names.length; c++ )
			if ( g.names[ c ].equalsIgnoreCase( asked.trim() ) || new HeaderName( g.labels[ c ] ).matches( asked ) )
				return c;
		throw new BadInputException( file + ": no array '" + asked + "' (the arrays are " + String.join( ", ", g.names ) + ")" );
	}

	private static PointsToMap.Param param( final QcodesGnuplot g, final int c, final List< String > report )
	{
		final HeaderName h = new HeaderName( g.labels[ c ] );
		if ( h.unit != null )
			report.add( g.names[ c ] + ": unit " + h.unit + " guessed from the label \"" + g.labels[ c ] + "\" (the file has no unit field)" );
		return new PointsToMap.Param( g.names[ c ], h.unit, h.unit != null ? "from the label" : "header" );
	}
}
