package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions.Format;
import org.nisnonlocal.io.MapImportOptions.Retrace;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;

/**
 * Reads a conductance map from a text table (CSV, TSV, semicolon or whitespace separated) in one of two layouts:
 * <ul>
 * <li><b>long</b>: one row per point with x, y and value columns, in any order. The grid is built from the distinct
 * axis values; repeated points and retraces are averaged (or handled per {@link MapImportOptions#retrace}); grid
 * points without data are NaN.</li>
 * <li><b>matrix</b>: the first row holds the x values (its first cell empty or a label), the first column the y
 * values, the rest the values.</li>
 * </ul>
 * Lines starting with {@code #} or {@code %} are comments. Axes are stored ascending whatever the order in the file.
 * A non-uniform axis is refused unless resampling is asked for, which interpolates linearly onto a uniform axis with
 * the same range and number of points. A {@code <file>.meta} sidecar (see {@link MapSidecar}) supplies names, units
 * and metadata; explicit options override it.
 * <p>
 * Every problem is a {@link BadInputException} "file:line: problem". The importer only reads.
 */
public final class TextMapImporter
{
	private static final String DEFAULT_QUANTITY = "G";

	/** Largest map built from a long table (a float each: 200 MB). */
	private static final long MAX_POINTS = 50_000_000L;

	private TextMapImporter() {}

	/**
	 * Reads {@code file}.
	 *
	 * @param options
	 *            layout, columns, units, retrace policy, resampling; null for the defaults
	 * @return the map (x and y ascending, NaN where no data) and the report of what was detected and done
	 * @throws BadInputException
	 *             for a missing or malformed file, with the file, the line where known and the problem
	 */
	public static ImportedMap read( final Path file, final MapImportOptions options )
	{
		final MapImportOptions o = options == null ? new MapImportOptions() : options;
		final TextTable table = TextTable.read( file, o.delimiter() );
		final MapSidecar side = MapSidecar.readFor( file );
		final List< String > report = new ArrayList<>();
		report.add( String.format( Locale.ROOT, "read %s: %d table lines, %d comment lines, cells separated by %s", file, table.rows.size(), table.commentLines,
				table.delimiter.name().toLowerCase( Locale.ROOT ) ) );
		if ( side != null )
			report.add( "sidecar " + MapSidecar.pathFor( file ).getFileName() + ": names, units and metadata taken from it unless given as options" );
		Format format = o.format();
		if ( format == Format.AUTO )
		{
			format = detectFormat( table );
			report.add( "format: " + format.name().toLowerCase( Locale.ROOT ) + " (detected)" );
		}
		else
			report.add( "format: " + format.name().toLowerCase( Locale.ROOT ) + " (as asked)" );
		final Parsed p = format == Format.MATRIX ? readMatrix( table, o, report ) : readLong( table, o, report );
		return assemble( file, p, o, side, report );
	}

	/** Matrix when the first row is x values after an empty or text corner (or has one cell fewer than the rows). */
	static Format detectFormat( final TextTable t )
	{
		if ( t.rows.size() < 2 )
			return Format.LONG;
		final String[] first = t.rows.get( 0 ).cells;
		final String[] second = t.rows.get( 1 ).cells;
		if ( TextTable.allNumeric( first, 0, t.delimiter ) )
			return TextTable.width( first ) == TextTable.width( second ) - 1 ? Format.MATRIX : Format.LONG;
		// empty cells in the data rows are missing points, not labels
		boolean dataRow = second.length > 1 && !second[ 0 ].isEmpty() && TextTable.number( second[ 0 ], t.delimiter ) != null;
		for ( int k = 1; k < second.length && dataRow; k++ )
			dataRow = TextTable.number( second[ k ], t.delimiter ) != null;
		return dataRow && TextTable.allNumeric( first, 1, t.delimiter ) ? Format.MATRIX : Format.LONG;
	}

	/** What either layout yields: values on the (possibly irregular) grid of distinct axis values. */
	private static final class Parsed
	{
		String format;
		AxisGrid gx, gy;
		/** Grid values, index j·nx + i with i, j ascending; nx = gx.size for a uniform axis, else centers.length. */
		double[] values;
		Column x, y, value;
	}

	/** An axis or value column: its header (null without one), how messages and the history name it. */
	private static final class Column
	{
		final HeaderName header;
		final String label;
		final String historyName;

		Column( final HeaderName header, final String label, final String historyName )
		{
			this.header = header;
			this.label = label;
			this.historyName = historyName;
		}

		/** A long-format column: "'v_bias'" with a header, "column 2" without. */
		static Column at( final HeaderName[] names, final int k )
		{
			final HeaderName h = names == null ? null : names[ k ];
			final boolean named = h != null && !h.raw.isEmpty();
			return new Column( h, named ? "'" + h.raw + "'" : "column " + ( k + 1 ), named ? h.raw : "#" + ( k + 1 ) );
		}

		String label() { return label; }

		String historyName() { return historyName; }
	}

	// ---- long format ----

	private static Parsed readLong( final TextTable t, final MapImportOptions o, final List< String > report )
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

		final Parsed p = new Parsed();
		p.format = "long";
		p.x = Column.at( names, xi );
		p.y = Column.at( names, yi );
		p.value = Column.at( names, vi );
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
			vs[ r ] = valueCell( row, vi, "value column " + p.value.label(), t );
			if ( Double.isNaN( vs[ r ] ) )
				nanRows++;
		}
		report.add( n + " data rows" + ( nanRows > 0 ? ", " + nanRows + " of them with a NaN value (missing point)" : "" ) );

		p.gx = grid( xs, p.x, t.file, o.resample(), true );
		p.gy = grid( ys, p.y, t.file, o.resample(), true );
		final int nx = p.gx.uniform ? p.gx.size : p.gx.centers.length;
		final int ny = p.gy.uniform ? p.gy.size : p.gy.centers.length;
		// scattered points (no common grid) would make a huge, nearly empty map
		if ( ( long ) nx * ny > Math.max( 20L * n, 10_000 ) || ( long ) nx * ny > MAX_POINTS )
			throw BadInputException.at( t.file, 0, String.format( Locale.ROOT, "the points do not lie on a grid: %d rows give %d distinct %s values × %d distinct %s values", n, nx, p.x.label(), ny,
					p.y.label() ) );
		final int[] ix = new int[ n ], iy = new int[ n ];
		for ( int r = 0; r < n; r++ )
		{
			ix[ r ] = p.gx.gridIndex[ p.gx.clusterOf[ r ] ];
			iy[ r ] = p.gy.gridIndex[ p.gy.clusterOf[ r ] ];
		}
		detectSweeps( p, ix, iy, lines, o.retrace(), t.file, report );
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

	private static double axisCell( final TextTable.Row row, final int k, final Column c, final TextTable t )
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

	/** A value cell; {@code label} names it in messages ("value column 'g'"). Empty or NaN is a missing point. */
	private static double valueCell( final TextTable.Row row, final int k, final String label, final TextTable t )
	{
		final String cell = row.cells[ k ];
		final Double v = TextTable.number( cell, t.delimiter );
		if ( v == null )
			throw BadInputException.at( t.file, row.line, label + " is not a number: '" + cell + "'" );
		if ( Double.isInfinite( v ) )
			throw BadInputException.at( t.file, row.line, label + " is " + cell + "; write NaN for a missing point" );
		return v;
	}

	private static AxisGrid grid( final double[] values, final Column c, final String file, final boolean resample, final boolean allowHoles )
	{
		final AxisGrid g = allowHoles ? AxisGrid.of( values, true ) : AxisGrid.ofDistinct( values );
		if ( g.centers.length < 2 )
			throw BadInputException.at( file, 0, "axis column " + c.label() + " has " + g.centers.length + " distinct value" + ( g.centers.length == 1 ? " (" + Numbers.format( g.centers[ 0 ] ) + ")" : "" ) + "; a map needs at least 2" );
		if ( !g.uniform && !resample )
			throw BadInputException.at( file, 0, "irregular grid in column " + c.label() + ": steps vary from " + brief( g.minStep ) + " to " + brief( g.maxStep ) + "; ask for resampling" );
		return g;
	}

	/**
	 * In a file written sweep by sweep, finds sweeps that go back and forth (retrace). The fast axis is the one that
	 * changes between more consecutive rows; a file whose slow axis changes nearly every row is not in sweep order
	 * (shuffled) and is not examined.
	 */
	private static void detectSweeps( final Parsed p, final int[] ix, final int[] iy, final int[] lines, final Retrace policy, final String file, final List< String > report )
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
		final Column fastCol = fastIsX ? p.x : p.y, slowCol = fastIsX ? p.y : p.x;
		final AxisGrid slowGrid = fastIsX ? p.gy : p.gx;
		final int runs = 1 + ( fastIsX ? changesY : changesX );
		if ( n < 4 || 2 * runs > n )
		{
			report.add( "rows are not in sweep order: no retrace detection" );
			return;
		}
		int backAndForth = 0, firstReversalLine = 0, firstReversalSlow = 0;
		int slowDir = 0, slowReversalLine = 0;
		int dir = 0;
		for ( int r = 1; r < n; r++ )
		{
			if ( slow[ r ] != slow[ r - 1 ] )
			{
				final int d = Integer.signum( slow[ r ] - slow[ r - 1 ] );
				if ( slowDir != 0 && d != slowDir && slowReversalLine == 0 )
					slowReversalLine = lines[ r ];
				slowDir = d;
				dir = 0;
				continue;
			}
			final int d = Integer.signum( fast[ r ] - fast[ r - 1 ] );
			if ( d == 0 )
				continue;
			if ( dir != 0 && d != dir )
			{
				if ( firstReversalLine == 0 )
				{
					firstReversalLine = lines[ r ];
					firstReversalSlow = slow[ r ];
				}
				backAndForth++;
			}
			dir = d;
		}
		report.add( String.format( Locale.ROOT, "sweeps: %d along %s (fast axis), one after the other in %s", runs, fastCol.label(), slowCol.label() ) );
		if ( firstReversalLine > 0 )
		{
			final double at = slowValue( slowGrid, firstReversalSlow );
			if ( policy == Retrace.REJECT )
				throw BadInputException.at( file, firstReversalLine, "retrace: " + fastCol.label() + " reverses direction within the sweep at " + slowCol.label() + " = " + Numbers.format( at )
						+ "; import with retrace average or first" );
			report.add( String.format( Locale.ROOT, "retrace: %s reverses direction %d times within sweeps (first at line %d, %s = %s)", fastCol.label(), backAndForth, firstReversalLine, slowCol.label(), Numbers.format( at ) ) );
		}
		if ( slowReversalLine > 0 )
		{
			if ( policy == Retrace.REJECT )
				throw BadInputException.at( file, slowReversalLine, "retrace: " + slowCol.label() + " is swept back and forth; import with retrace average or first" );
			report.add( "retrace: " + slowCol.label() + " is swept back and forth (first reversal at line " + slowReversalLine + ")" );
		}
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

	// ---- matrix format ----

	private static Parsed readMatrix( final TextTable t, final MapImportOptions o, final List< String > report )
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
				v[ r ][ k ] = valueCell( row, k + 1, label, t );
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

		final Parsed p = new Parsed();
		p.format = "matrix";
		p.x = new Column( null, "x (first row)", "row1" );
		p.y = new Column( null, "y (first column)", "column1" );
		p.value = new Column( null, "cells", "cells" );
		p.gx = grid( xa, p.x, t.file, o.resample(), false );
		p.gy = grid( ya, p.y, t.file, o.resample(), false );
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

	/** Six significant digits for messages: "1.24459e-06", "0.002". */
	static String brief( final double v )
	{
		final String s = String.format( Locale.ROOT, "%.6g", v );
		final int e = s.indexOf( 'e' );
		final String mantissa = e < 0 ? s : s.substring( 0, e );
		final String trimmed = mantissa.contains( "." ) ? mantissa.replaceAll( "0+$", "" ).replaceAll( "\\.$", "" ) : mantissa;
		return e < 0 ? trimmed : trimmed + s.substring( e );
	}

	private static double[] reversed( final double[] a )
	{
		final double[] r = new double[ a.length ];
		for ( int k = 0; k < a.length; k++ )
			r[ k ] = a[ a.length - 1 - k ];
		return r;
	}

	// ---- common: resampling, names, units, the map ----

	private static ImportedMap assemble( final Path file, final Parsed p, final MapImportOptions o, final MapSidecar side, final List< String > report )
	{
		double[] values = p.values;
		int nx = p.gx.uniform ? p.gx.size : p.gx.centers.length;
		final int ny = p.gy.uniform ? p.gy.size : p.gy.centers.length;
		if ( !p.gx.uniform )
		{
			values = resample( values, nx, ny, p.gx.centers, true );
			report.add( resampleLine( p.x, p.gx ) );
		}
		if ( !p.gy.uniform )
		{
			values = resample( values, nx, ny, p.gy.centers, false );
			report.add( resampleLine( p.y, p.gy ) );
		}
		if ( p.gx.uniform && p.gx.missingLines() > 0 )
			report.add( p.x.label() + ": " + p.gx.missingLines() + " grid lines without any data (NaN)" );
		if ( p.gy.uniform && p.gy.missingLines() > 0 )
			report.add( p.y.label() + ": " + p.gy.missingLines() + " grid lines without any data (NaN)" );

		final boolean matrix = p.format.equals( "matrix" );
		final Axis xAxis = axis( p.x, p.gx, true, o.xName(), o.xUnit(), side, matrix, report );
		final Axis yAxis = axis( p.y, p.gy, false, o.yName(), o.yUnit(), side, matrix, report );

		String unit = o.valueUnit();
		String unitFrom = "option";
		if ( unit == null && side != null && side.valueUnit() != null )
		{
			unit = side.valueUnit();
			unitFrom = "sidecar";
		}
		if ( unit == null && p.value.header != null && p.value.header.unit != null )
		{
			unit = p.value.header.unit;
			unitFrom = "header";
		}
		if ( unit == null )
		{
			unit = Units.NORMALIZED;
			unitFrom = "unknown: give it as an option";
		}
		unit = Units.canonical( unit );
		report.add( "values: unit " + unit + " (" + unitFrom + ")" );
		double factor = 1;
		if ( o.convertValuesTo() != null )
		{
			try
			{
				factor = Units.conversionFactor( unit, o.convertValuesTo() );
			}
			catch ( final IllegalArgumentException e )
			{
				throw new BadInputException( file + ": cannot convert values from " + unit + " to " + Units.canonical( o.convertValuesTo() ) + " (different kinds of unit)" );
			}
			report.add( "values converted from " + unit + " to " + Units.canonical( o.convertValuesTo() ) + " (× " + Numbers.format( factor ) + ")" );
			unit = Units.canonical( o.convertValuesTo() );
		}
		if ( o.valueScale() != 1 )
		{
			factor *= o.valueScale();
			final String after = o.scaledValueUnit() != null ? Units.canonical( o.scaledValueUnit() ) : unit;
			report.add( "values scaled by " + Numbers.format( o.valueScale() ) + ", now in " + after );
			unit = after;
		}
		final String quantity = o.quantity() != null ? o.quantity() : side != null && side.quantity() != null ? side.quantity() : DEFAULT_QUANTITY;

		final String history = "import format=" + p.format + " x=" + p.x.historyName() + " y=" + p.y.historyName() + " value=" + p.value.historyName()
				+ ( p.gx.uniform && p.gy.uniform ? "" : " resample=true" ) + ( factor != 1 ? " scale=" + Numbers.format( factor ) : "" );
		final MapMetadata meta = ( side != null ? side.metadata() : MapMetadata.empty() ).with( MapMetadata.SOURCE, file.toString() ).withHistory( history );
		final ConductanceMap map = ConductanceMap.empty( xAxis, yAxis, quantity, unit, meta );
		for ( int j = 0; j < ny; j++ )
			for ( int i = 0; i < nx; i++ )
			{
				final double g = values[ j * nx + i ];
				map.set( i, j, ( float ) ( factor == 1 ? g : g * factor ) );
			}
		report.add( "map: " + map );
		return new ImportedMap( map, report );
	}

	private static String resampleLine( final Column c, final AxisGrid g )
	{
		return String.format( Locale.ROOT, "resampled %s: irregular steps %s to %s, linearly interpolated onto %d uniform points", c.label(), brief( g.minStep ), brief( g.maxStep ),
				g.centers.length );
	}

	/** Linear interpolation along x ({@code alongX}) or y from the irregular {@code from} onto a uniform axis of the same range and size. */
	private static double[] resample( final double[] v, final int nx, final int ny, final double[] from, final boolean alongX )
	{
		final int n = from.length;
		final double lo = from[ 0 ], hi = from[ n - 1 ];
		final double[] out = new double[ v.length ];
		final double[] line = new double[ n ];
		final int lines = alongX ? ny : nx;
		for ( int l = 0; l < lines; l++ )
		{
			for ( int k = 0; k < n; k++ )
				line[ k ] = v[ alongX ? l * nx + k : k * nx + l ];
			for ( int k = 0; k < n; k++ )
			{
				final double t = k == n - 1 ? hi : lo + k * ( hi - lo ) / ( n - 1 );
				out[ alongX ? l * nx + k : k * nx + l ] = AxisGrid.interpolate( from, line, t );
			}
		}
		return out;
	}

	/**
	 * The output axis: name and unit from the options, else the sidecar, else the header; exact origin and step from
	 * the sidecar when they describe the same grid.
	 */
	private static Axis axis( final Column c, final AxisGrid g, final boolean isX, final String optName, final String optUnit, final MapSidecar side, final boolean matrix, final List< String > report )
	{
		final HeaderName h = c.header;
		// the sidecar describes the columns by name (long) or the matrix axes by position
		String sideName = null, sideUnit = null;
		Axis sideAxis = null;
		if ( side != null )
		{
			final boolean sx = matrix ? isX : h != null && side.xName() != null && h.raw.equals( side.xName() );
			final boolean sy = matrix ? !isX : h != null && side.yName() != null && h.raw.equals( side.yName() );
			if ( sx || sy )
			{
				sideName = sx ? side.xName() : side.yName();
				sideUnit = sx ? side.xUnit() : side.yUnit();
				sideAxis = sx ? side.xAxis() : side.yAxis();
			}
		}
		final String roleDefault = isX ? "Vinj" : "Vdet";
		String name;
		if ( optName != null )
			name = optName;
		else if ( sideName != null )
			name = sideName;
		else if ( h == null || h.name.isEmpty() )
			name = roleDefault;
		else if ( h.isInjectorBias() )
			name = "Vinj";
		else if ( h.isDetectorBias() )
			name = "Vdet";
		else if ( h.isBias() )
			name = roleDefault;
		else if ( h.isField() )
			name = "B";
		else if ( h.isSupercurrent() )
			name = "Is";
		else
			name = h.name;

		String unit, unitFrom;
		if ( optUnit != null )
		{
			unit = optUnit;
			unitFrom = "option";
		}
		else if ( sideUnit != null )
		{
			unit = sideUnit;
			unitFrom = "sidecar";
		}
		else if ( h != null && h.unit != null )
		{
			unit = h.unit;
			unitFrom = "header";
		}
		else if ( h != null && h.isField() )
		{
			unit = "T";
			unitFrom = "assumed for a magnet field; give the unit as an option if not";
		}
		else
		{
			unit = Units.NORMALIZED;
			unitFrom = "unknown: give it as an option";
		}

		Axis a;
		if ( g.uniform )
			a = new Axis( name, unit, g.origin, g.step, g.size );
		else
			a = Axis.between( name, unit, g.centers[ 0 ], g.centers[ g.centers.length - 1 ], g.centers.length );
		// the sidecar holds origin and step at full precision; the text holds them to 12 digits
		if ( g.uniform && sideAxis != null && sideAxis.size() == a.size() && Math.abs( sideAxis.origin() - a.origin() ) <= 1e-6 * a.step()
				&& Math.abs( sideAxis.step() - a.step() ) * ( a.size() - 1 ) <= 1e-6 * a.step() )
			a = new Axis( name, unit, sideAxis.origin(), sideAxis.step(), a.size() );
		report.add( String.format( Locale.ROOT, "%s axis from %s: %s, unit %s (%s)", isX ? "x" : "y", c.label(), a, a.unit(), unitFrom ) );
		return a;
	}
}
