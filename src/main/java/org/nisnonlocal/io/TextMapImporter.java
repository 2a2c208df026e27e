package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions.Format;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapChecks;
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
		final ParsedTable p = format == Format.MATRIX ? MatrixTableReader.read( table, o, report ) : LongTableReader.read( table, o, report );
		return assemble( file, p, o, side, MapMetadata.empty(), null, report );
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

	/**
	 * The map from a parsed grid. {@code fileMetadata} (what a measurement file recorded) comes before the sidecar's;
	 * {@code defaultQuantity} (null = "G") names the values unless an option or the sidecar does.
	 */
	static ImportedMap assemble( final Path file, final ParsedTable p, final MapImportOptions o, final MapSidecar side, final MapMetadata fileMetadata, final String defaultQuantity,
			final List< String > report )
	{
		double[] values = p.values;
		final int nx = p.nx();
		final int ny = p.ny();
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
			unitFrom = p.value.unitSource;
		}
		if ( unit == null )
		{
			unit = Units.NORMALIZED;
			unitFrom = "unknown: give it as an option";
		}
		// stated by the user or the file's header, or assumed now; a sidecar carries its own flag along
		String unitAssumed = unitFrom.equals( "sidecar" ) ? side.metadata().get( MapMetadata.VALUE_UNIT_ASSUMED ) : unitFrom.startsWith( "unknown" ) ? "true" : null;
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
			if ( o.scaledValueUnit() != null )
				unitAssumed = null;
			unit = after;
		}
		final String quantity = o.quantity() != null ? o.quantity() : side != null && side.quantity() != null ? side.quantity() : defaultQuantity != null ? defaultQuantity : DEFAULT_QUANTITY;

		final String history = "import format=" + p.format + " x=" + p.x.historyName() + " y=" + p.y.historyName() + " value=" + p.value.historyName()
				+ ( p.gx.uniform && p.gy.uniform ? "" : " resample=true" ) + ( factor != 1 ? " scale=" + Numbers.format( factor ) : "" );
		final MapMetadata meta = ( side != null ? fileMetadata.merge( side.metadata() ) : fileMetadata ).with( MapMetadata.SOURCE, file.toString() )
				.with( MapMetadata.VALUE_UNIT_ASSUMED, unitAssumed ).withHistory( history );
		final ConductanceMap map = ConductanceMap.empty( xAxis, yAxis, quantity, unit, meta );
		for ( int j = 0; j < ny; j++ )
			for ( int i = 0; i < nx; i++ )
			{
				final double g = values[ j * nx + i ];
				final double scaled = factor == 1 ? g : g * factor;
				if ( factor != 1 && !ParsedTable.fitsFloat( scaled ) )
					throw new BadInputException( String.format( Locale.ROOT, "%s: the value %s at %s = %s, %s = %s becomes %s in %s, which a 32-bit map cannot hold (|g| from 1.2e-38 to 3.4e38, or 0)", file, ParsedTable.brief( g ),
							xAxis.name(), ParsedTable.brief( xAxis.value( i ) ), yAxis.name(), ParsedTable.brief( yAxis.value( j ) ), ParsedTable.brief( scaled ), unit ) );
				map.set( i, j, ( float ) scaled );
			}
		report.add( "map: " + map );
		return new ImportedMap( MapChecks.usable( map, file.toString() ), report );
	}

	private static String resampleLine( final ParsedTable.Column c, final AxisGrid g )
	{
		return String.format( Locale.ROOT, "resampled %s: irregular steps %s to %s, linearly interpolated onto %d uniform points", c.label(), ParsedTable.brief( g.minStep ), ParsedTable.brief( g.maxStep ),
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
	private static Axis axis( final ParsedTable.Column c, final AxisGrid g, final boolean isX, final String optName, final String optUnit, final MapSidecar side, final boolean matrix, final List< String > report )
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
			unitFrom = c.unitSource;
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
