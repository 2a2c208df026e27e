package org.nisnonlocal.io;

import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions.Retrace;

/**
 * The long layout: one row per point, x, y and value columns picked by name or position, rows in any order. Builds the
 * grid from the distinct axis values, finds retraces and repeated points, and combines them. Package-private part of
 * {@link TextMapImporter}.
 */
final class LongTableReader
{
	/** Largest map built from a long table (a float each: 200 MB). */
	private static final long MAX_POINTS = 50_000_000L;

	private LongTableReader() {}

	/** Reads the long layout of {@code t}; adds its findings to {@code report}. */
	static ParsedTable read( final TextTable t, final MapImportOptions o, final List< String > report )
	{
		final TextTable.Row first = t.rows.get( 0 );
		final boolean hasHeader = isHeader( first.cells, t );
		final List< TextTable.Row > data = t.rows.subList( hasHeader ? 1 : 0, t.rows.size() );
		if ( data.isEmpty() )
			throw BadInputException.at( t.file, first.line, "no data rows after the header" );
		final int ncol;
		final HeaderName[] names;
		if ( hasHeader )
		{
			ncol = TextTable.width( first.cells );
			names = new HeaderName[ ncol ];
			for ( int k = 0; k < ncol; k++ )
				names[ k ] = new HeaderName( first.cells[ k ] );
		}
		else
		{
			int w = 0;
			for ( final TextTable.Row r : data )
				w = Math.max( w, TextTable.width( r.cells ) );
			ncol = w;
			names = null;
		}
		if ( ncol < 3 )
			throw BadInputException.at( t.file, first.line, "long format needs 3 columns (x, y, value), found " + ncol );

		final int headerLine = hasHeader ? first.line : 0;
		int xi = resolve( o.xColumn(), "x", names, ncol, t.file, headerLine );
		int yi = resolve( o.yColumn(), "y", names, ncol, t.file, headerLine );
		int vi = resolve( o.valueColumn(), "value", names, ncol, t.file, headerLine );
		if ( vi < 0 )
			vi = pick( names, ncol, h -> h.isConductance(), true, xi, yi );
		if ( xi < 0 )
		{
			xi = pick( names, ncol, h -> h.isInjectorBias(), false, yi, vi );
			if ( xi < 0 )
				xi = pick( names, ncol, h -> h.isBias() && !h.isDetectorBias(), false, yi, vi );
			if ( xi < 0 )
				xi = pick( names, ncol, h -> h.isBias(), false, yi, vi );
			if ( xi < 0 )
				xi = pick( names, ncol, h -> true, false, yi, vi );
		}
		if ( yi < 0 )
		{
			yi = pick( names, ncol, h -> h.isDetectorBias(), false, xi, vi );
			if ( yi < 0 )
				yi = pick( names, ncol, h -> true, false, xi, vi );
		}
		checkDistinct( xi, yi, vi, names, t.file, headerLine );

		final ParsedTable p = new ParsedTable();
		p.format = "long";
		p.x = ParsedTable.Column.at( names, xi );
		p.y = ParsedTable.Column.at( names, yi );
		p.value = ParsedTable.Column.at( names, vi );
		report.add( "columns: x = " + p.x.label() + ", y = " + p.y.label() + ", value = " + p.value.label() + ( hasHeader ? "" : " (no header line: chosen by position)" ) );

		final int n = data.size();
		final double[] xs = new double[ n ], ys = new double[ n ], vs = new double[ n ];
		final int[] lines = new int[ n ];
		int nanRows = 0;
		for ( int r = 0; r < n; r++ )
		{
			final TextTable.Row row = data.get( r );
			checkWidth( row, ncol, t.file, hasHeader ? "the header" : "the widest row" );
			lines[ r ] = row.line;
			xs[ r ] = axisCell( row, xi, p.x, t );
			ys[ r ] = axisCell( row, yi, p.y, t );
			vs[ r ] = ParsedTable.valueCell( row, vi, "value column " + p.value.label(), t );
			if ( Double.isNaN( vs[ r ] ) )
				nanRows++;
		}
		report.add( n + " data rows" + ( nanRows > 0 ? ", " + nanRows + " of them with a NaN value (missing point)" : "" ) );

		return onGrid( p, xs, ys, vs, lines, o, t.file, report );
	}

	/**
	 * Puts points (x, y, value; {@code lines} numbers them in messages) on the grid of their distinct axis values:
	 * sweeps and retraces detected, repeated points combined, missing ones NaN. Fills {@code p}'s grids and values;
	 * its columns must be set. Also the way measurement files (QCoDeS, HDF5) become maps.
	 */
	static ParsedTable onGrid( final ParsedTable p, final double[] xs, final double[] ys, final double[] vs, final int[] lines, final MapImportOptions o, final String file, final List< String > report )
	{
		final int n = xs.length;
		p.gx = ParsedTable.grid( xs, lines, p.x, file, o.resample(), true );
		p.gy = ParsedTable.grid( ys, lines, p.y, file, o.resample(), true );
		final int nx = p.nx();
		final int ny = p.ny();
		// scattered points (no common grid) would make a huge, nearly empty map
		if ( ( long ) nx * ny > Math.max( 20L * n, 10_000 ) || ( long ) nx * ny > MAX_POINTS )
			throw BadInputException.at( file, 0, String.format( Locale.ROOT, "the points do not lie on a grid: %d rows give %d distinct %s values × %d distinct %s values", n, nx, p.x.label(), ny,
					p.y.label() ) );
		final int[] ix = new int[ n ], iy = new int[ n ];
		for ( int r = 0; r < n; r++ )
		{
			ix[ r ] = p.gx.gridIndex[ p.gx.clusterOf[ r ] ];
			iy[ r ] = p.gy.gridIndex[ p.gy.clusterOf[ r ] ];
		}
		detectSweeps( p, ix, iy, lines, o.retrace(), file, report );
		p.values = combine( ix, iy, vs, nx, ny, o.retrace(), report );
		return p;
	}

	private static boolean isHeader( final String[] cells, final TextTable t )
	{
		for ( final String c : cells )
			if ( !c.isEmpty() && TextTable.number( c, t.delimiter ) == null )
				return true;
		return false;
	}

	/** A column asked for by name or 1-based position; −1 when not asked for. */
	private static int resolve( final String request, final String role, final HeaderName[] names, final int ncol, final String file, final int headerLine )
	{
		if ( request == null )
			return -1;
		if ( request.matches( "\\d+" ) )
		{
			final int k = Integer.parseInt( request );
			if ( k < 1 || k > ncol )
				throw BadInputException.at( file, headerLine, role + " column " + k + " asked for, but the file has " + ncol + " columns" );
			return k - 1;
		}
		if ( names == null )
			throw BadInputException.at( file, 0, role + " column '" + request + "' asked for by name, but the file has no header line; give its position (1.." + ncol + ")" );
		for ( int k = 0; k < names.length; k++ )
			if ( names[ k ].matches( request ) )
				return k;
		final StringBuilder found = new StringBuilder();
		for ( final HeaderName h : names )
			found.append( found.length() == 0 ? "" : ", " ).append( h.raw );
		throw BadInputException.at( file, headerLine, "no column '" + request + "' for " + role + "; the columns are: " + found );
	}

	private interface NameTest
	{
		boolean test( HeaderName h );
	}

	/** First column passing the test (without a header: by position; for the value, the last free column). */
	private static int pick( final HeaderName[] names, final int ncol, final NameTest test, final boolean value, final int taken1, final int taken2 )
	{
		if ( names != null )
			for ( int k = 0; k < ncol; k++ )
				if ( k != taken1 && k != taken2 && test.test( names[ k ] ) )
					return k;
		if ( !value )
			return names == null ? firstFree( ncol, taken1, taken2 ) : -1;
		for ( int k = ncol - 1; k >= 0; k-- )
			if ( k != taken1 && k != taken2 )
				return k;
		return -1;
	}

	private static int firstFree( final int ncol, final int taken1, final int taken2 )
	{
		for ( int k = 0; k < ncol; k++ )
			if ( k != taken1 && k != taken2 )
				return k;
		return -1;
	}

	private static void checkDistinct( final int xi, final int yi, final int vi, final HeaderName[] names, final String file, final int line )
	{
		final String[] roles = { "x", "y", "value" };
		final int[] cols = { xi, yi, vi };
		for ( int a = 0; a < 3; a++ )
			for ( int b = a + 1; b < 3; b++ )
				if ( cols[ a ] == cols[ b ] )
					throw BadInputException.at( file, line, "the same column " + ( names == null ? String.valueOf( cols[ a ] + 1 ) : "'" + names[ cols[ a ] ].raw + "'" ) + " is chosen for " + roles[ a ] + " and " + roles[ b ] );
	}

	private static void checkWidth( final TextTable.Row row, final int ncol, final String file, final String reference )
	{
		final int w = TextTable.width( row.cells );
		if ( row.cells.length < ncol || w > ncol )
			throw BadInputException.at( file, row.line, "ragged row: " + Math.max( w, Math.min( row.cells.length, ncol ) ) + " cells where " + reference + " has " + ncol );
	}

	private static double axisCell( final TextTable.Row row, final int k, final ParsedTable.Column c, final TextTable t )
	{
		final String cell = row.cells[ k ];
		final Double v = TextTable.number( cell, t.delimiter );
		if ( cell.isEmpty() )
			throw BadInputException.at( t.file, row.line, "axis column " + c.label() + " is empty" );
		if ( v == null )
			throw BadInputException.at( t.file, row.line, "axis column " + c.label() + " is not a number: '" + cell + "'" );
		if ( !Double.isFinite( v ) )
			throw BadInputException.at( t.file, row.line, "axis column " + c.label() + " is " + cell + "; axis values must be finite" );
		return v;
	}

	/**
	 * In a file written sweep by sweep, finds sweeps that go back and forth (retrace). The fast axis is the one that
	 * changes between more consecutive rows; a file whose slow axis changes nearly every row is not in sweep order
	 * (shuffled) and is not examined. A jump back to the start followed by the old direction is a flyback between
	 * repeated sweeps, not a retrace.
	 */
	private static void detectSweeps( final ParsedTable p, final int[] ix, final int[] iy, final int[] lines, final Retrace policy, final String file, final List< String > report )
	{
		final int n = ix.length;
		int changesX = 0, changesY = 0;
		for ( int r = 1; r < n; r++ )
		{
			if ( ix[ r ] != ix[ r - 1 ] )
				changesX++;
			if ( iy[ r ] != iy[ r - 1 ] )
				changesY++;
		}
		final boolean fastIsX = changesX >= changesY;
		final int[] fast = fastIsX ? ix : iy, slow = fastIsX ? iy : ix;
		final ParsedTable.Column fastCol = fastIsX ? p.x : p.y, slowCol = fastIsX ? p.y : p.x;
		final AxisGrid slowGrid = fastIsX ? p.gy : p.gx;
		final int runs = 1 + ( fastIsX ? changesY : changesX );
		if ( n < 4 || 2 * runs > n )
		{
			report.add( "rows are not in sweep order: no retrace detection" );
			return;
		}
		// runs of constant slow value: [runStart[k], runStart[k + 1])
		final int[] runStart = new int[ runs + 1 ];
		final int[] slowOfRun = new int[ runs ];
		for ( int r = 1, k = 1; r < n; r++ )
			if ( slow[ r ] != slow[ r - 1 ] )
				runStart[ k++ ] = r;
		runStart[ runs ] = n;
		int backAndForth = 0, firstReversal = -1;
		for ( int k = 0; k < runs; k++ )
		{
			slowOfRun[ k ] = slow[ runStart[ k ] ];
			final int r = firstReversal( fast, runStart[ k ], runStart[ k + 1 ] );
			if ( r >= 0 )
			{
				backAndForth++;
				if ( firstReversal < 0 )
					firstReversal = r;
			}
		}
		report.add( String.format( Locale.ROOT, "sweeps: %d along %s (fast axis), one after the other in %s", runs, fastCol.label(), slowCol.label() ) );
		if ( firstReversal >= 0 )
		{
			final double at = slowValue( slowGrid, slow[ firstReversal ] );
			if ( policy == Retrace.REJECT )
				throw BadInputException.at( file, lines[ firstReversal ], "retrace: " + fastCol.label() + " reverses direction within the sweep at " + slowCol.label() + " = " + Numbers.format( at )
						+ "; import with retrace average or first" );
			report.add( String.format( Locale.ROOT, "retrace: %s reverses direction in %d of %d sweeps (first at line %d, %s = %s)", fastCol.label(), backAndForth, runs, lines[ firstReversal ], slowCol.label(),
					Numbers.format( at ) ) );
		}
		final int slowReversal = firstReversal( slowOfRun, 0, runs );
		if ( slowReversal >= 0 )
		{
			final int line = lines[ runStart[ slowReversal ] ];
			if ( policy == Retrace.REJECT )
				throw BadInputException.at( file, line, "retrace: " + slowCol.label() + " is swept back and forth; import with retrace average or first" );
			report.add( "retrace: " + slowCol.label() + " is swept back and forth (first reversal at line " + line + ")" );
		}
	}

	/** Index of the first step in s[from … to) that reverses the direction of the steps before it, or −1. */
	static int firstReversal( final int[] s, final int from, final int to )
	{
		int dir = 0;
		for ( int r = from + 1; r < to; r++ )
		{
			final int d = Integer.signum( s[ r ] - s[ r - 1 ] );
			if ( d == 0 )
				continue;
			if ( dir != 0 && d != dir )
			{
				int next = 0;
				for ( int q = r + 1; q < to && next == 0; q++ )
					next = Integer.signum( s[ q ] - s[ q - 1 ] );
				final boolean flyback = Math.abs( s[ r ] - s[ r - 1 ] ) > 1 && next != d;
				if ( !flyback )
					return r;
				continue;
			}
			dir = d;
		}
		return -1;
	}

	private static double slowValue( final AxisGrid g, final int gridIndex )
	{
		return g.uniform ? g.origin + gridIndex * g.step : g.centers[ gridIndex ];
	}

	/** One value per grid point: mean of the finite measurements (or the first one), NaN where none. */
	private static double[] combine( final int[] ix, final int[] iy, final double[] vs, final int nx, final int ny, final Retrace policy, final List< String > report )
	{
		final double[] sum = new double[ nx * ny ];
		final int[] finite = new int[ nx * ny ];
		final int[] measured = new int[ nx * ny ];
		for ( int r = 0; r < vs.length; r++ )
		{
			final int k = iy[ r ] * nx + ix[ r ];
			measured[ k ]++;
			if ( Double.isNaN( vs[ r ] ) || policy == Retrace.FIRST && finite[ k ] > 0 )
				continue;
			sum[ k ] += vs[ r ];
			finite[ k ]++;
		}
		final double[] g = new double[ nx * ny ];
		int repeated = 0, maxTimes = 0, never = 0, onlyNaN = 0;
		for ( int k = 0; k < g.length; k++ )
		{
			g[ k ] = finite[ k ] > 0 ? sum[ k ] / finite[ k ] : Double.NaN;
			if ( measured[ k ] > 1 )
			{
				repeated++;
				maxTimes = Math.max( maxTimes, measured[ k ] );
			}
			if ( measured[ k ] == 0 )
				never++;
			else if ( finite[ k ] == 0 )
				onlyNaN++;
		}
		report.add( String.format( Locale.ROOT, "grid: %d × %d = %d points", nx, ny, nx * ny ) );
		if ( repeated > 0 )
			report.add( String.format( Locale.ROOT, "repeated points: %d grid points measured more than once (up to %d times): %s", repeated, maxTimes,
					policy == Retrace.FIRST ? "kept the first finite measurement" : "averaged" ) );
		if ( never + onlyNaN > 0 )
			report.add( String.format( Locale.ROOT, "missing points: %d of %d are NaN (%d never measured, %d only NaN in the file)", never + onlyNaN, nx * ny, never, onlyNaN ) );
		else
			report.add( "missing points: none" );
		return g;
	}
}
