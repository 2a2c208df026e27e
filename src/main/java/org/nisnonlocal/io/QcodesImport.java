package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.QcodesDatabase.Param;
import org.nisnonlocal.io.QcodesDatabase.Run;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;

/**
 * Maps and spectra from a QCoDeS database: a run's dependent parameter against its two setpoints (outer loop as y),
 * or against one setpoint as a spectrum. Array parameters (numpy blobs, one array per row) are expanded point by
 * point, scalars broadcast over them; rows that hold no value of the chosen parameter (sparse rows, one dependent per
 * row) are skipped.
 */
public final class QcodesImport
{
	private QcodesImport() {}

	/** One row per parameter of every run. */
	public static FileContents contents( final Path file )
	{
		try (QcodesDatabase db = QcodesDatabase.open( file ))
		{
			final List< FileContents.Row > rows = new ArrayList<>();
			Run first2d = null;
			for ( final Run r : db.runs() )
			{
				final int n = db.rowCount( r );
				for ( final Param p : r.params )
				{
					final String role = p.dependsOn.isEmpty() ? "setpoint" : p.dependsOn.size() >= 2 ? "dependent (2D)" : "dependent (1D)";
					rows.add( new FileContents.Row( String.valueOf( r.id ), r.info(), p.name, role + ( p.type.equals( "numeric" ) ? "" : ", " + p.type ), String.join( ",", p.dependsOn ),
							n + ( n == 1 ? " row" : " rows" ), p.unit, p.label ) );
				}
				if ( first2d == null && !twoD( r ).isEmpty() )
					first2d = r;
			}
			final List< String > notes = new ArrayList<>();
			notes.add( db.runs().size() + " runs" );
			notes.add( first2d != null ? "default map: run " + first2d.id + ", " + twoD( first2d ).get( 0 ).name + " against " + String.join( " (y) and ", twoD( first2d ).get( 0 ).dependsOn ) + " (x)"
					: "no run has a dependent on two setpoints: no map; 1D runs open as spectra (Import Spectrum…, fit-dynes --run)" );
			return new FileContents( "QCoDeS SQLite database (user_version " + db.userVersion() + ")", rows, notes );
		}
	}

	private static List< Param > twoD( final Run r )
	{
		final List< Param > out = new ArrayList<>();
		for ( final Param p : r.dependents() )
			if ( p.dependsOn.size() >= 2 )
				out.add( p );
		return out;
	}

	/** The leading integer of a run choice ("8", "8: results (…)"); null when empty. */
	static Integer runId( final Path file, final String choice )
	{
		if ( choice == null || choice.trim().isEmpty() )
			return null;
		final String t = choice.trim();
		int e = 0;
		while ( e < t.length() && Character.isDigit( t.charAt( e ) ) )
			e++;
		if ( e == 0 )
			throw new BadInputException( file + ": run must be a run id (a number), got '" + choice + "'" );
		return Integer.parseInt( t.substring( 0, e ) );
	}

	/** The map the options ask for (defaults: the first run with a 2D dependent, its first one, outer setpoint as y). */
	public static ImportedMap map( final Path file, final MapImportOptions o )
	{
		try (QcodesDatabase db = QcodesDatabase.open( file ))
		{
			final List< String > report = new ArrayList<>();
			report.add( "read " + file + ": QCoDeS database (user_version " + db.userVersion() + ", opened read-only and immutable), " + db.runs().size() + " runs" );
			final Integer asked = runId( file, o.run() );
			final Run run;
			if ( asked != null )
				run = db.run( asked );
			else
			{
				Run found = null;
				for ( final Run r : db.runs() )
					if ( found == null && !twoD( r ).isEmpty() && o.valueColumn() == null || found == null && o.valueColumn() != null && r.param( o.valueColumn() ) != null )
						found = r;
				if ( found == null && o.valueColumn() != null )
					throw new BadInputException( file + ": no run has a parameter '" + o.valueColumn() + "' (inspect lists the runs and their parameters)" );
				if ( found == null )
					throw new BadInputException( file + ": no run has a dependent on two setpoints (all " + db.runs().size() + " runs are 1D: spectra, not maps; open one with Import Spectrum)" );
				run = found;
				report.add( "run " + run.id + " (the first with a 2D dependent; choose another with run)" );
			}
			final Param value = valueParam( file, run, o.valueColumn() );
			final Param[] xy = setpoints( file, run, value, o.xColumn(), o.yColumn() );
			final QcodesDatabase.Columns c = db.read( run, Arrays.asList( xy[ 0 ], xy[ 1 ], value ) );
			final double[][] pts = points( c );
			if ( pts[ 0 ].length == 0 )
				throw new BadInputException( file + ": run " + run.id + " has no measured values of " + value.name );
			Param x = xy[ 0 ], y = xy[ 1 ];
			double[] xs = pts[ 0 ], ys = pts[ 1 ];
			if ( o.xColumn() == null && o.yColumn() == null && changes( ys ) > changes( xs ) )
			{
				// the data say which loop is outer: the setpoint that changes less often between points
				final Param tp = x;
				x = y;
				y = tp;
				final double[] t = xs;
				xs = ys;
				ys = t;
			}
			MapMetadata meta = metadata( db, run );
			return PointsToMap.build( file, "qcodes-db run=" + run.id, param( x ), param( y ), param( value ), xs, ys, pts[ 2 ], meta, o, report );
		}
	}

	/** A 1D run's dependent (or the named one) against its setpoint, ascending. */
	public static Spectrum spectrum( final Path file, final String runChoice, final String column )
	{
		try (QcodesDatabase db = QcodesDatabase.open( file ))
		{
			final Integer asked = runId( file, runChoice );
			Run run = null;
			if ( asked != null )
				run = db.run( asked );
			else
				for ( final Run r : db.runs() )
					if ( run == null && r.dependents().stream().anyMatch( p -> p.dependsOn.size() == 1 ) )
						run = r;
			if ( run == null )
				throw new BadInputException( file + ": no run with a 1D dependent (a spectrum)" );
			Param value = null;
			if ( column != null && !column.trim().isEmpty() )
			{
				value = run.param( column.trim() );
				if ( value == null || value.dependsOn.isEmpty() )
					throw new BadInputException( file + ": run " + run.id + " has no dependent parameter '" + column.trim() + "' (its dependents: " + names( run.dependents() ) + ")" );
			}
			else
				for ( final Param p : run.dependents() )
					if ( value == null && p.dependsOn.size() == 1 )
						value = p;
			if ( value == null )
				throw new BadInputException( file + ": run " + run.id + " has no 1D dependent (its dependents: " + names( run.dependents() ) + ")" );
			if ( value.dependsOn.size() != 1 )
				throw new BadInputException( file + ": run " + run.id + ": " + value.name + " depends on " + value.dependsOn.size() + " setpoints: a map, not a spectrum (use Import Map)" );
			final Param sp = setpoint( file, run, value.dependsOn.get( 0 ) );
			final QcodesDatabase.Columns c = db.read( run, Arrays.asList( sp, sp, value ) );
			final double[][] pts = points( c );
			// a sweep that goes back (bidirectional): the first direction only, as a Nanonis forward sweep
			int n = pts[ 0 ].length, dir = 0;
			for ( int k = 1; k < pts[ 0 ].length; k++ )
			{
				final int d = ( int ) Math.signum( pts[ 0 ][ k ] - pts[ 0 ][ k - 1 ] );
				if ( dir != 0 && d != 0 && d != dir )
				{
					n = k;
					break;
				}
				if ( d != 0 )
					dir = d;
			}
			final int kept = n, all = pts[ 0 ].length;
			final Integer[] order = new Integer[ n ];
			for ( int k = 0; k < n; k++ )
				order[ k ] = k;
			Arrays.sort( order, ( a, b ) -> Double.compare( pts[ 0 ][ a ], pts[ 0 ][ b ] ) );
			final double[] bias = new double[ n ], v = new double[ n ];
			for ( int k = 0; k < n; k++ )
			{
				bias[ k ] = pts[ 0 ][ order[ k ] ];
				v[ k ] = pts[ 2 ][ order[ k ] ];
				if ( k > 0 && !( bias[ k ] > bias[ k - 1 ] ) )
					throw new BadInputException( file + ": run " + run.id + ": " + sp.name + " repeats the value " + Numbers.format( bias[ k ] ) + " (a retrace or a repeated sweep: not one spectrum)" );
			}
			MapMetadata meta = metadata( db, run ).with( MapMetadata.SOURCE, file.toString() );
			if ( kept < all )
				meta = meta.with( "qcodes_sweep", "first direction: " + kept + " of " + all + " points (the sweep reverses after point " + kept + ")" );
			return new Spectrum( bias, v, sp.name, unitOrOne( sp.unit ), value.name, unitOrOne( value.unit ), meta );
		}
	}

	private static String unitOrOne( final String u ) { return u == null || u.trim().isEmpty() ? "1" : u; }

	private static Param valueParam( final Path file, final Run run, final String asked )
	{
		if ( asked != null )
		{
			final Param p = run.param( asked );
			if ( p == null )
				throw new BadInputException( file + ": run " + run.id + " has no parameter '" + asked + "' (its parameters: " + names( run.params ) + ")" );
			if ( p.dependsOn.isEmpty() )
				throw new BadInputException( file + ": run " + run.id + ": '" + asked + "' is a setpoint, not a measured value (dependents: " + names( run.dependents() ) + ")" );
			return p;
		}
		final List< Param > two = twoD( run );
		if ( two.isEmpty() )
		{
			final List< Param > deps = run.dependents();
			throw new BadInputException( file + ": run " + run.id + " has no 2D dependent" + ( deps.isEmpty() ? " (no measured parameter at all)"
					: " (" + deps.get( 0 ).name + " depends on " + String.join( ", ", deps.get( 0 ).dependsOn ) + " only: a spectrum, not a map; open it with Import Spectrum)" ) );
		}
		return two.get( 0 );
	}

	/** {x, y}: asked for, else the dependent's last two setpoints, the outer (listed first) as y. */
	private static Param[] setpoints( final Path file, final Run run, final Param value, final String xAsked, final String yAsked )
	{
		final List< String > d = value.dependsOn;
		if ( ( xAsked == null || yAsked == null ) && d.size() < 2 )
			throw new BadInputException( file + ": run " + run.id + ": " + value.name + " depends on " + String.join( ", ", d ) + " only: a spectrum, not a map" );
		if ( ( xAsked == null || yAsked == null ) && d.size() > 2 )
			throw new BadInputException( file + ": run " + run.id + ": " + value.name + " depends on " + d.size() + " setpoints (" + String.join( ", ", d ) + "): choose x and y" );
		final String xn = xAsked != null ? xAsked : yAsked != null && yAsked.equals( d.get( 1 ) ) ? d.get( 0 ) : d.get( 1 );
		final String yn = yAsked != null ? yAsked : xn.equals( d.get( 0 ) ) ? d.get( 1 ) : d.get( 0 );
		if ( xn.equals( yn ) )
			throw new BadInputException( file + ": run " + run.id + ": the same parameter " + xn + " is chosen for x and y" );
		return new Param[] { setpoint( file, run, xn ), setpoint( file, run, yn ) };
	}

	private static Param setpoint( final Path file, final Run run, final String n )
	{
		final Param p = run.param( n );
		if ( p == null )
			throw new BadInputException( file + ": run " + run.id + " has no parameter '" + n + "' (its parameters: " + names( run.params ) + ")" );
		return p;
	}

	private static String names( final List< Param > ps )
	{
		final List< String > n = new ArrayList<>();
		for ( final Param p : ps )
			n.add( p.name );
		return n.isEmpty() ? "none" : String.join( ", ", n );
	}

	/**
	 * {x, y, value} per measured point from three columns; array cells expanded (scalars broadcast), rows without a
	 * value of the third column skipped.
	 */
	static double[][] points( final QcodesDatabase.Columns c )
	{
		int total = 0;
		for ( int r = 0; r < c.rows; r++ )
			total += length( c, 2, r );
		final double[] xs = new double[ total ], ys = new double[ total ], vs = new double[ total ];
		int n = 0;
		for ( int r = 0; r < c.rows; r++ )
		{
			final int len = length( c, 2, r );
			for ( int k = 0; k < len; k++ )
			{
				final double v = cell( c, 2, r, k, len );
				if ( Double.isNaN( v ) && c.arrays.get( 2 ) == null )
					continue; // a sparse row: another dependent's value
				xs[ n ] = cell( c, 0, r, k, len );
				ys[ n ] = cell( c, 1, r, k, len );
				vs[ n ] = v;
				n++;
			}
		}
		return new double[][] { Arrays.copyOf( xs, n ), Arrays.copyOf( ys, n ), Arrays.copyOf( vs, n ) };
	}

	private static int length( final QcodesDatabase.Columns c, final int col, final int row )
	{
		final double[][] a = c.arrays.get( col );
		if ( a == null )
			return 1;
		return a[ row ] == null ? 0 : a[ row ].length;
	}

	private static double cell( final QcodesDatabase.Columns c, final int col, final int row, final int k, final int len )
	{
		final double[][] a = c.arrays.get( col );
		if ( a == null )
			return c.numbers.get( col )[ row ];
		final double[] v = a[ row ];
		if ( v == null )
			return Double.NaN;
		return v.length == len ? v[ k ] : v.length == 1 ? v[ 0 ] : Double.NaN;
	}

	private static int changes( final double[] v )
	{
		int n = 0;
		for ( int k = 1; k < v.length; k++ )
			if ( v[ k ] != v[ k - 1 ] )
				n++;
		return n;
	}

	private static PointsToMap.Param param( final Param p )
	{
		return new PointsToMap.Param( p.name, p.unit, "QCoDeS unit" );
	}

	private static MapMetadata metadata( final QcodesDatabase db, final Run run )
	{
		MapMetadata m = MapMetadata.empty().with( "file_format", "QCoDeS SQLite database" ).with( "qcodes_run_id", String.valueOf( run.id ) );
		if ( run.guid != null )
			m = m.with( "qcodes_guid", run.guid );
		if ( run.name != null )
			m = m.with( "qcodes_run_name", run.name );
		if ( run.experiment != null )
			m = m.with( "qcodes_experiment", run.experiment );
		if ( run.sample != null )
			m = m.with( "qcodes_sample", run.sample );
		if ( Double.isFinite( run.started ) )
			m = m.with( "qcodes_run_timestamp", QcodesDatabase.isoTime( run.started ) );
		if ( Double.isFinite( run.completed ) )
			m = m.with( "qcodes_completed_timestamp", QcodesDatabase.isoTime( run.completed ) );
		return InstrumentSettings.from( InstrumentSettings.parse( run.snapshot ), m );
	}

	static String describe( final Run r ) { return String.format( Locale.ROOT, "run %d %s", r.id, r.info() ); }
}
