package org.nisnonlocal.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * The matrix layout: x values in the first row (after an empty or label corner, or one cell fewer than the rows), y
 * values in the first column, values in the rest. Axes must be strictly monotonic; descending ones are reversed.
 * Package-private part of {@link TextMapImporter}.
 */
final class MatrixTableReader
{
	private MatrixTableReader() {}

	/** Reads the matrix layout of {@code t}; adds its findings to {@code report}. */
	static ParsedTable read( final TextTable t, final MapImportOptions o, final List< String > report )
	{
		if ( t.rows.size() < 3 )
			throw BadInputException.at( t.file, t.rows.get( 0 ).line, "matrix format needs a first row of x values and at least 2 rows of data, found " + t.rows.size() + " rows" );
		final TextTable.Row head = t.rows.get( 0 );
		final int w1 = TextTable.width( t.rows.get( 1 ).cells );
		final int hw = TextTable.width( head.cells );
		final int xFrom = hw == w1 - 1 && TextTable.allNumeric( head.cells, 0, t.delimiter ) ? 0 : 1;
		final int nx = hw - xFrom;
		if ( nx < 1 )
			throw BadInputException.at( t.file, head.line, "matrix format: the first row holds no x values" );
		if ( xFrom == 1 && !head.cells[ 0 ].isEmpty() )
			report.add( "corner cell '" + head.cells[ 0 ] + "' taken as a label" );
		final double[] x = new double[ nx ];
		for ( int k = 0; k < nx; k++ )
		{
			final String cell = head.cells[ xFrom + k ];
			final Double v = TextTable.number( cell, t.delimiter );
			if ( cell.isEmpty() || v == null )
				throw BadInputException.at( t.file, head.line, "x value in column " + ( xFrom + k + 1 ) + " (first row) is not a number: '" + cell + "'" );
			if ( !Double.isFinite( v ) )
				throw BadInputException.at( t.file, head.line, "x value in column " + ( xFrom + k + 1 ) + " (first row) is " + cell + "; axis values must be finite" );
			x[ k ] = v;
		}
		final int ny = t.rows.size() - 1;
		final double[] y = new double[ ny ];
		final int[] yLines = new int[ ny ];
		final double[][] v = new double[ ny ][ nx ];
		int nan = 0;
		for ( int r = 0; r < ny; r++ )
		{
			final TextTable.Row row = t.rows.get( r + 1 );
			yLines[ r ] = row.line;
			final int w = TextTable.width( row.cells );
			if ( row.cells.length < nx + 1 || w > nx + 1 )
				throw BadInputException.at( t.file, row.line, "ragged row: " + Math.max( w, Math.min( row.cells.length, nx + 1 ) ) + " cells where a y value and " + nx + " x values (line " + head.line + ") need " + ( nx + 1 ) );
			final String yc = row.cells[ 0 ];
			final Double yv = TextTable.number( yc, t.delimiter );
			if ( yc.isEmpty() || yv == null )
				throw BadInputException.at( t.file, row.line, "y value (column 1) is not a number: '" + yc + "'" );
			if ( !Double.isFinite( yv ) )
				throw BadInputException.at( t.file, row.line, "y value (column 1) is " + yc + "; axis values must be finite" );
			y[ r ] = yv;
			for ( int k = 0; k < nx; k++ )
			{
				final String label = "value in column " + ( k + 2 ) + " (x = " + Numbers.format( x[ k ] ) + ")";
				v[ r ][ k ] = ParsedTable.valueCell( row, k + 1, label, t );
				if ( Double.isNaN( v[ r ][ k ] ) )
					nan++;
			}
		}
		final int[] xColumns = new int[ nx ];
		for ( int k = 0; k < nx; k++ )
			xColumns[ k ] = xFrom + k + 1;
		final boolean xDescending = checkMonotonic( x, t.file, head.line, xColumns, "x", "first row", "columns" );
		final boolean yDescending = checkMonotonic( y, t.file, 0, yLines, "y", "first column", "lines" );
		final double[] xa = xDescending ? reversed( x ) : x;
		final double[] ya = yDescending ? reversed( y ) : y;

		final ParsedTable p = new ParsedTable();
		p.format = "matrix";
		p.x = new ParsedTable.Column( null, "x (first row)", "row1" );
		p.y = new ParsedTable.Column( null, "y (first column)", "column1" );
		p.value = new ParsedTable.Column( null, "cells", "cells" );
		final int[] xLines = new int[ nx ];
		java.util.Arrays.fill( xLines, head.line );
		p.gx = ParsedTable.grid( xa, xLines, p.x, t.file, o.resample(), false );
		p.gy = ParsedTable.grid( ya, yDescending ? reversed( yLines ) : yLines, p.y, t.file, o.resample(), false );
		p.values = new double[ nx * ny ];
		for ( int r = 0; r < ny; r++ )
			for ( int k = 0; k < nx; k++ )
			{
				final int i = xDescending ? nx - 1 - k : k;
				final int j = yDescending ? ny - 1 - r : r;
				p.values[ j * nx + i ] = v[ r ][ k ];
			}
		report.add( String.format( Locale.ROOT, "grid: %d × %d = %d points%s%s", nx, ny, nx * ny, xDescending ? ", x descending in the file (reversed)" : "", yDescending ? ", y descending in the file (reversed)" : "" ) );
		report.add( nan > 0 ? "missing points: " + nan + " of " + nx * ny + " are NaN in the file" : "missing points: none" );
		return p;
	}

	/**
	 * Refuses repeated and non-monotonic axis values; returns true when they descend. {@code where[k]} is the column
	 * or line of value k.
	 */
	private static boolean checkMonotonic( final double[] a, final String file, final int line, final int[] where, final String axis, final String place, final String whereName )
	{
		final Integer[] order = new Integer[ a.length ];
		for ( int k = 0; k < a.length; k++ )
			order[ k ] = k;
		Arrays.sort( order, ( p, q ) -> Double.compare( a[ p ], a[ q ] ) );
		for ( int k = 1; k < a.length; k++ )
			if ( a[ order[ k ] ] == a[ order[ k - 1 ] ] )
			{
				final int p = Math.min( order[ k ], order[ k - 1 ] ), q = Math.max( order[ k ], order[ k - 1 ] );
				throw BadInputException.at( file, line > 0 ? line : where[ q ], "repeated " + axis + " value " + Numbers.format( a[ p ] ) + " in the " + place + " (" + whereName + " " + where[ p ] + " and " + where[ q ] + ")" );
			}
		if ( a.length < 2 )
			throw BadInputException.at( file, line > 0 ? line : where[ 0 ], "the " + place + " has " + a.length + " " + axis + " value; a map needs at least 2" );
		final boolean descending = a[ 1 ] < a[ 0 ];
		for ( int k = 1; k < a.length; k++ )
			if ( a[ k ] < a[ k - 1 ] != descending )
				throw BadInputException.at( file, line > 0 ? line : where[ k ], axis + " values in the " + place + " are not monotonic: " + Numbers.format( a[ k - 1 ] ) + " then " + Numbers.format( a[ k ] )
						+ " (" + whereName + " " + where[ k - 1 ] + " and " + where[ k ] + ")" );
		return descending;
	}


	private static double[] reversed( final double[] a )
	{
		final double[] r = new double[ a.length ];
		for ( int k = 0; k < a.length; k++ )
			r[ k ] = a[ a.length - 1 - k ];
		return r;
	}

	private static int[] reversed( final int[] a )
	{
		final int[] r = new int[ a.length ];
		for ( int k = 0; k < a.length; k++ )
			r[ k ] = a[ a.length - 1 - k ];
		return r;
	}
}
