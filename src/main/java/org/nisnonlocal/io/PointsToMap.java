package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;

/**
 * The last step of every measurement-file import (QCoDeS, HDF5, GNUPlot): measured points (x, y, value) become a
 * map on the grid of their distinct setpoints, through the same code as a long-format text table (ascending axes
 * whatever the sweep direction, repeated points averaged, missing ones NaN). A ragged sweep, whose inner grid
 * differs between outer values, lands on the union grid, and the report says so.
 */
final class PointsToMap
{
	/** A parameter as the file describes it: name, unit (null when none) and where the unit came from. */
	static final class Param
	{
		final String name;
		final String unit;
		final String unitSource;

		Param( final String name, final String unit, final String unitSource )
		{
			this.name = name;
			this.unit = unit == null || unit.trim().isEmpty() ? null : unit.trim();
			this.unitSource = unitSource;
		}

		ParsedTable.Column column() { return new ParsedTable.Column( new HeaderName( name, unit ), "'" + name + "'", name, unitSource ); }
	}

	private PointsToMap() {}

	/**
	 * @param format
	 *            how the history line names the source, e.g. "qcodes-db run=8"
	 * @param meta
	 *            what the file recorded about the measurement (run id, timestamps, instrument settings)
	 */
	static ImportedMap build( final Path file, final String format, final Param x, final Param y, final Param value, final double[] xs, final double[] ys, final double[] vs,
			final MapMetadata meta, final MapImportOptions o, final List< String > report )
	{
		final int n0 = xs.length;
		int n = 0;
		final double[] px = new double[ n0 ], py = new double[ n0 ], pv = new double[ n0 ];
		final int[] lines = new int[ n0 ];
		for ( int k = 0; k < n0; k++ )
			if ( Double.isFinite( xs[ k ] ) && Double.isFinite( ys[ k ] ) )
			{
				px[ n ] = xs[ k ];
				py[ n ] = ys[ k ];
				pv[ n ] = Double.isInfinite( vs[ k ] ) ? Double.NaN : vs[ k ];
				lines[ n ] = k + 1;
				n++;
			}
		if ( n < n0 )
			report.add( ( n0 - n ) + " of " + n0 + " points have no finite setpoint (an aborted sweep?): left out" );
		if ( n < 4 )
			throw new BadInputException( file + ": " + n + " measured points with finite setpoints; a map needs at least 2 × 2" );
		final ParsedTable p = new ParsedTable();
		p.format = format;
		p.x = x.column();
		p.y = y.column();
		p.value = value.column();
		report.add( "x = " + x.name + ", y = " + y.name + " (outer), value = " + value.name );
		LongTableReader.onGrid( p, Arrays.copyOf( px, n ), Arrays.copyOf( py, n ), Arrays.copyOf( pv, n ), Arrays.copyOf( lines, n ), o, file.toString(), report );
		reportRagged( p, Arrays.copyOf( px, n ), Arrays.copyOf( py, n ), x.name, y.name, report );
		return TextMapImporter.assemble( file, p, o, null, meta, value.name, report );
	}

	/** Says so when the number of distinct x values differs between y values. */
	private static void reportRagged( final ParsedTable p, final double[] xs, final double[] ys, final String xName, final String yName, final List< String > report )
	{
		final int ny = p.gy.centers.length;
		final boolean[][] seen = new boolean[ ny ][ p.gx.centers.length ];
		final int[] count = new int[ ny ];
		for ( int k = 0; k < xs.length; k++ )
		{
			final int j = p.gy.clusterOf[ k ], i = p.gx.clusterOf[ k ];
			if ( !seen[ j ][ i ] )
			{
				seen[ j ][ i ] = true;
				count[ j ]++;
			}
		}
		int lo = Integer.MAX_VALUE, hi = 0;
		for ( final int c : count )
		{
			lo = Math.min( lo, c );
			hi = Math.max( hi, c );
		}
		if ( lo != hi )
			report.add( String.format( Locale.ROOT, "ragged sweep: %s has %d to %d points per %s value; placed on the common grid of all %d %s values, NaN where nothing was measured", xName, lo, hi, yName,
					p.nx(), xName ) );
	}
}
