package org.nisnonlocal.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;

/**
 * Writes a map as comma-separated text that {@link TextMapImporter} reads back exactly, plus a {@link MapSidecar}
 * ({@code <file>.meta}) with axis names, units and metadata. Values are written as the shortest text that parses back
 * to the same float; axis values rounded to 12 significant digits (the sidecar keeps them exact); NaN as "NaN".
 * Both files are written atomically.
 */
public final class MapCsvWriter
{
	private MapCsvWriter() {}

	/** Header {@code <xname>,<yname>,g}, then one row per point: x fastest, y ascending. */
	public static void writeLong( final ConductanceMap map, final Path csv ) throws IOException
	{
		final Axis x = map.xAxis(), y = map.yAxis();
		AtomicFiles.write( csv, out -> {
			final Writer w = new BufferedWriter( new OutputStreamWriter( out, StandardCharsets.UTF_8 ) );
			w.write( x.name() + "," + y.name() + ",g\n" );
			final String[] xs = axisTexts( x );
			for ( int j = 0; j < y.size(); j++ )
			{
				final String yv = Numbers.formatAxis( y.value( j ) );
				for ( int i = 0; i < x.size(); i++ )
					w.write( xs[ i ] + "," + yv + "," + Numbers.format( map.get( i, j ) ) + "\n" );
			}
			w.flush();
		} );
		MapSidecar.write( map, csv );
	}

	/** First row: an empty cell, then the x values; then one row per y, ascending: y, then the values. */
	public static void writeMatrix( final ConductanceMap map, final Path csv ) throws IOException
	{
		final Axis x = map.xAxis(), y = map.yAxis();
		AtomicFiles.write( csv, out -> {
			final Writer w = new BufferedWriter( new OutputStreamWriter( out, StandardCharsets.UTF_8 ) );
			final StringBuilder head = new StringBuilder();
			for ( final String s : axisTexts( x ) )
				head.append( ',' ).append( s );
			w.write( head.append( '\n' ).toString() );
			for ( int j = 0; j < y.size(); j++ )
			{
				final StringBuilder row = new StringBuilder( Numbers.formatAxis( y.value( j ) ) );
				for ( int i = 0; i < x.size(); i++ )
					row.append( ',' ).append( Numbers.format( map.get( i, j ) ) );
				w.write( row.append( '\n' ).toString() );
			}
			w.flush();
		} );
		MapSidecar.write( map, csv );
	}

	private static String[] axisTexts( final Axis a )
	{
		final String[] s = new String[ a.size() ];
		for ( int i = 0; i < s.length; i++ )
			s[ i ] = Numbers.formatAxis( a.value( i ) );
		return s;
	}
}
