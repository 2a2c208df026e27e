package org.nisnonlocal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.nisnonlocal.BadInputException;

/**
 * A QCoDeS dataset database (SQLite): the runs, their parameters (from the run description JSON, version 0 to 3) and
 * their data. The file is opened read-only <em>and immutable</em> ({@code file:…?immutable=1}): SQLite then takes no
 * locks and never creates the {@code -wal}/{@code -shm} files a WAL-mode database otherwise gets even when only read,
 * so the user's folder is untouched and a read-only folder works.
 */
public final class QcodesDatabase implements AutoCloseable
{
	private static final byte[] MAGIC = "SQLite format 3\0".getBytes( java.nio.charset.StandardCharsets.ISO_8859_1 );

	/** One parameter of a run. */
	public static final class Param
	{
		public final String name;
		/** "numeric", "array", "text" or "complex". */
		public final String type;
		public final String label;
		public final String unit;
		/** Setpoints this parameter was measured against, as listed (QCoDeS lists the outer loop first). */
		public final List< String > dependsOn;

		Param( final String name, final String type, final String label, final String unit, final List< String > dependsOn )
		{
			this.name = name;
			this.type = type;
			this.label = label;
			this.unit = unit;
			this.dependsOn = Collections.unmodifiableList( dependsOn );
		}
	}

	/** One run (a measurement) and its parameters. */
	public static final class Run
	{
		public final int id;
		public final String name;
		public final String experiment;
		public final String sample;
		public final String table;
		public final String guid;
		/** Seconds since 1970 (NaN when not recorded). */
		public final double started;
		public final double completed;
		public final List< Param > params;
		final String snapshot;

		Run( final int id, final String name, final String experiment, final String sample, final String table, final String guid, final double started, final double completed,
				final List< Param > params, final String snapshot )
		{
			this.id = id;
			this.name = name;
			this.experiment = experiment;
			this.sample = sample;
			this.table = table;
			this.guid = guid;
			this.started = started;
			this.completed = completed;
			this.params = Collections.unmodifiableList( params );
			this.snapshot = snapshot;
		}

		public Param param( final String n )
		{
			for ( final Param p : params )
				if ( p.name.equals( n ) )
					return p;
			return null;
		}

		/** Parameters that depend on others (what was measured), in description order. */
		public List< Param > dependents()
		{
			final List< Param > out = new ArrayList<>();
			for ( final Param p : params )
				if ( !p.dependsOn.isEmpty() && !p.type.equals( "text" ) )
					out.add( p );
			return out;
		}

		/** "results (tutorial_exp, 2019-12-31T10:19:14Z)". */
		public String info()
		{
			final StringBuilder b = new StringBuilder( name == null ? "" : name );
			b.append( " (" ).append( experiment == null ? "?" : experiment );
			if ( Double.isFinite( started ) )
				b.append( ", " ).append( isoTime( started ) );
			return b.append( ")" ).toString();
		}
	}

	/** The data of some columns of a run, one array per column; NaN where a row has no value (sparse rows). */
	public static final class Columns
	{
		public final List< String > names;
		/** numeric values per row: values.get(c)[row]; null for an array column */
		final List< double[] > numbers;
		/** array values per row: arrays.get(c)[row] (null where empty); null for a numeric column */
		final List< double[][] > arrays;
		public final int rows;

		Columns( final List< String > names, final List< double[] > numbers, final List< double[][] > arrays, final int rows )
		{
			this.names = names;
			this.numbers = numbers;
			this.arrays = arrays;
			this.rows = rows;
		}
	}

	private final Path file;
	private final Connection connection;
	private final int userVersion;
	private final List< Run > runs;

	private QcodesDatabase( final Path file, final Connection c ) throws SQLException
	{
		this.file = file;
		this.connection = c;
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery( "PRAGMA user_version" ))
		{
			userVersion = r.next() ? r.getInt( 1 ) : 0;
		}
		runs = readRuns();
	}

	/** True when the file starts like an SQLite database. */
	public static boolean isSqlite( final Path file )
	{
		try (InputStream in = Files.newInputStream( file ))
		{
			final byte[] b = new byte[ MAGIC.length ];
			return in.read( b ) == b.length && java.util.Arrays.equals( b, MAGIC );
		}
		catch ( final IOException e )
		{
			return false;
		}
	}

	/**
	 * Opens read-only and immutable.
	 *
	 * @throws BadInputException
	 *             when the file is not an SQLite database, or not a QCoDeS one
	 */
	public static QcodesDatabase open( final Path file )
	{
		if ( !Files.isRegularFile( file ) )
			throw new BadInputException( file + ": no such file" );
		if ( !isSqlite( file ) )
			throw new BadInputException( file + ": not a database (no SQLite header)" );
		final Properties p = new Properties();
		p.setProperty( "open_mode", String.valueOf( 0x00000001 | 0x00000040 ) ); // SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
		Connection c = null;
		try
		{
			// the driver directly, not through DriverManager: in ImageJ the plugin class loader is not the one
			// DriverManager looks in, and it would answer "No suitable driver"
			c = new org.sqlite.JDBC().connect( "jdbc:sqlite:" + uri( file ), p );
			if ( c == null )
				throw new SQLException( "the SQLite driver refused the file name" );
			return new QcodesDatabase( file, c );
		}
		catch ( final SQLException e )
		{
			closeQuietly( c );
			throw new BadInputException( file + ": not a QCoDeS database (" + firstLine( e.getMessage() ) + ")", e );
		}
		catch ( final RuntimeException e )
		{
			closeQuietly( c );
			throw e;
		}
	}

	/** {@code file:/abs/path%20with%20spaces?immutable=1}: a URI filename, so special characters are escaped. */
	static String uri( final Path file )
	{
		final String u = file.toAbsolutePath().normalize().toUri().getRawPath();
		return "file:" + u + "?immutable=1";
	}

	private static void closeQuietly( final Connection c )
	{
		if ( c != null )
			try
			{
				c.close();
			}
			catch ( final SQLException e )
			{
				// nothing to do: opening failed already
			}
	}

	private static String firstLine( final String s )
	{
		if ( s == null )
			return "unreadable";
		final int nl = s.indexOf( '\n' );
		return ( nl < 0 ? s : s.substring( 0, nl ) ).replace( "[SQLITE_NOTADB]", "" ).trim();
	}

	public Path file() { return file; }

	public int userVersion() { return userVersion; }

	public List< Run > runs() { return runs; }

	/** @throws BadInputException naming the file and the runs it has */
	public Run run( final int id )
	{
		for ( final Run r : runs )
			if ( r.id == id )
				return r;
		final StringBuilder ids = new StringBuilder();
		for ( final Run r : runs )
			ids.append( ids.length() == 0 ? "" : ", " ).append( r.id );
		throw new BadInputException( file + ": unknown run " + id + " (the runs are " + ( ids.length() == 0 ? "none" : ids ) + ")" );
	}

	private List< Run > readRuns() throws SQLException
	{
		final Set< String > tables = new HashSet<>();
		try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery( "SELECT name FROM sqlite_master WHERE type='table'" ))
		{
			while ( r.next() )
				tables.add( r.getString( 1 ) );
		}
		if ( !tables.contains( "runs" ) || !tables.contains( "experiments" ) )
			throw new BadInputException( file + ": an SQLite database but not a QCoDeS one (no 'runs' and 'experiments' tables)" );
		final Set< String > runColumns = new HashSet<>();
		try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery( "PRAGMA table_info(runs)" ))
		{
			while ( r.next() )
				runColumns.add( r.getString( "name" ) );
		}
		final boolean hasDescription = runColumns.contains( "run_description" );
		final String sql = "SELECT r.run_id, r.name, r.result_table_name, r.run_timestamp, r.completed_timestamp, "
				+ ( runColumns.contains( "guid" ) ? "r.guid" : "NULL" ) + ", " + ( hasDescription ? "r.run_description" : "NULL" ) + ", "
				+ ( runColumns.contains( "snapshot" ) ? "r.snapshot" : "NULL" ) + ", e.name, e.sample_name "
				+ "FROM runs r LEFT JOIN experiments e ON r.exp_id = e.exp_id ORDER BY r.run_id";
		final List< Run > out = new ArrayList<>();
		try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery( sql ))
		{
			while ( r.next() )
			{
				final int id = r.getInt( 1 );
				final String description = r.getString( 7 );
				final List< Param > params = description != null ? params( id, description ) : new ArrayList<>();
				out.add( new Run( id, r.getString( 2 ), r.getString( 9 ), r.getString( 10 ), r.getString( 3 ), r.getString( 6 ), number( r, 4 ), number( r, 5 ), params, r.getString( 8 ) ) );
			}
		}
		for ( int k = 0; k < out.size(); k++ )
			if ( out.get( k ).params.isEmpty() && tables.contains( "layouts" ) )
				out.set( k, withLayouts( out.get( k ) ) );
		return out;
	}

	private static double number( final ResultSet r, final int col ) throws SQLException
	{
		final double v = r.getDouble( col );
		return r.wasNull() ? Double.NaN : v;
	}

	/** Parameters from the run description (version 0…3: "interdependencies" → "paramspecs"). */
	private List< Param > params( final int run, final String description )
	{
		final List< Param > out = new ArrayList<>();
		final Map< String, Object > d;
		try
		{
			d = Json.object( Json.parse( description ) );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new BadInputException( file + ": run " + run + ": run description is not valid JSON (" + e.getMessage() + ")" );
		}
		final Map< String, Object > inter = d == null ? null : Json.object( d.get( "interdependencies" ) );
		final List< Object > specs = inter == null ? null : Json.array( inter.get( "paramspecs" ) );
		if ( specs == null )
			return out;
		for ( final Object o : specs )
		{
			final Map< String, Object > s = Json.object( o );
			if ( s == null || Json.string( s.get( "name" ) ) == null )
				continue;
			final List< String > deps = new ArrayList<>();
			final List< Object > dl = Json.array( s.get( "depends_on" ) );
			if ( dl != null )
				for ( final Object x : dl )
					if ( x instanceof String )
						deps.add( ( String ) x );
			final String type = Json.string( s.get( "paramtype" ) );
			out.add( new Param( Json.string( s.get( "name" ) ), type == null ? "numeric" : type, Json.string( s.get( "label" ) ), Json.string( s.get( "unit" ) ), deps ) );
		}
		return out;
	}

	/** Old databases without a run description: the layouts and dependencies tables. */
	private Run withLayouts( final Run r ) throws SQLException
	{
		final Map< Integer, String[] > layouts = new LinkedHashMap<>();
		try (java.sql.PreparedStatement s = connection.prepareStatement( "SELECT layout_id, parameter, label, unit FROM layouts WHERE run_id = ? ORDER BY layout_id" ))
		{
			s.setInt( 1, r.id );
			try (ResultSet q = s.executeQuery())
			{
				while ( q.next() )
					layouts.put( q.getInt( 1 ), new String[] { q.getString( 2 ), q.getString( 3 ), q.getString( 4 ) } );
			}
		}
		final Map< Integer, List< String > > deps = new LinkedHashMap<>();
		try (Statement s = connection.createStatement(); ResultSet q = s.executeQuery( "SELECT dependent, independent FROM dependencies ORDER BY dependent, axis_num" ))
		{
			while ( q.next() )
				if ( layouts.containsKey( q.getInt( 1 ) ) && layouts.containsKey( q.getInt( 2 ) ) )
					deps.computeIfAbsent( q.getInt( 1 ), k -> new ArrayList<>() ).add( layouts.get( q.getInt( 2 ) )[ 0 ] );
		}
		final List< Param > params = new ArrayList<>();
		layouts.forEach( ( id, l ) -> params.add( new Param( l[ 0 ], "numeric", l[ 1 ], l[ 2 ], deps.getOrDefault( id, new ArrayList<>() ) ) ) );
		return new Run( r.id, r.name, r.experiment, r.sample, r.table, r.guid, r.started, r.completed, params, r.snapshot );
	}

	/** Number of rows in a run's results table. */
	public int rowCount( final Run run )
	{
		try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery( "SELECT COUNT(*) FROM " + quote( run.table ) ))
		{
			return r.next() ? r.getInt( 1 ) : 0;
		}
		catch ( final SQLException e )
		{
			throw new BadInputException( file + ": run " + run.id + ": results table " + run.table + " cannot be read (" + firstLine( e.getMessage() ) + ")", e );
		}
	}

	/**
	 * The columns of a run's results, in row order. Numeric cells are read as doubles whatever SQLite type they hold
	 * (integer setpoints are common); array cells are numpy blobs.
	 */
	public Columns read( final Run run, final List< Param > params )
	{
		final StringBuilder sql = new StringBuilder( "SELECT " );
		for ( int k = 0; k < params.size(); k++ )
			sql.append( k == 0 ? "" : ", " ).append( quote( params.get( k ).name ) );
		sql.append( " FROM " ).append( quote( run.table ) ).append( " ORDER BY id" );
		final List< double[] > numbers = new ArrayList<>();
		final List< double[][] > arrays = new ArrayList<>();
		final List< List< Object > > cells = new ArrayList<>();
		for ( int k = 0; k < params.size(); k++ )
			cells.add( new ArrayList<>() );
		int rows = 0;
		try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery( sql.toString() ))
		{
			while ( r.next() )
			{
				for ( int k = 0; k < params.size(); k++ )
				{
					final Object o = r.getObject( k + 1 );
					cells.get( k ).add( o instanceof byte[] ? blob( run, params.get( k ), ( byte[] ) o, rows ) : o );
				}
				rows++;
			}
		}
		catch ( final SQLException e )
		{
			throw new BadInputException( file + ": run " + run.id + ": results table " + run.table + " cannot be read (" + firstLine( e.getMessage() ) + ")", e );
		}
		final List< String > names = new ArrayList<>();
		for ( int k = 0; k < params.size(); k++ )
		{
			names.add( params.get( k ).name );
			final List< Object > col = cells.get( k );
			final boolean array = col.stream().anyMatch( o -> o instanceof double[] );
			if ( array )
			{
				final double[][] a = new double[ rows ][];
				for ( int i = 0; i < rows; i++ )
				{
					final Object o = col.get( i );
					a[ i ] = o instanceof double[] ? ( double[] ) o : o instanceof Number ? new double[] { ( ( Number ) o ).doubleValue() } : null;
				}
				arrays.add( a );
				numbers.add( null );
			}
			else
			{
				final double[] v = new double[ rows ];
				for ( int i = 0; i < rows; i++ )
					v[ i ] = cellNumber( col.get( i ) );
				numbers.add( v );
				arrays.add( null );
			}
		}
		return new Columns( names, numbers, arrays, rows );
	}

	private static double cellNumber( final Object o )
	{
		if ( o instanceof Number )
			return ( ( Number ) o ).doubleValue();
		if ( o instanceof String )
			try
			{
				return Double.parseDouble( ( ( String ) o ).trim() );
			}
			catch ( final NumberFormatException e )
			{
				return Double.NaN;
			}
		return Double.NaN;
	}

	private double[] blob( final Run run, final Param p, final byte[] b, final int row )
	{
		if ( !NpyArray.isNpy( b ) )
		{
			// QCoDeS stores a numeric cell that numpy handed over as raw bytes in rare cases: one little-endian double
			if ( b.length == 8 )
				return new double[] { java.nio.ByteBuffer.wrap( b ).order( java.nio.ByteOrder.LITTLE_ENDIAN ).getDouble() };
			throw new BadInputException( file + ": run " + run.id + ", parameter " + p.name + ", row " + ( row + 1 ) + ": a binary cell that is not a numpy array" );
		}
		try
		{
			return NpyArray.parse( b ).values;
		}
		catch ( final IllegalArgumentException e )
		{
			throw new BadInputException( file + ": run " + run.id + ", parameter " + p.name + ", row " + ( row + 1 ) + ": " + e.getMessage() );
		}
	}

	static String quote( final String identifier ) { return "\"" + identifier.replace( "\"", "\"\"" ) + "\""; }

	static String isoTime( final double epochSeconds )
	{
		return Instant.ofEpochMilli( Math.round( epochSeconds * 1000 ) ).toString();
	}

	@Override
	public void close()
	{
		try
		{
			connection.close();
		}
		catch ( final SQLException e )
		{
			// read-only: nothing is lost
		}
	}

	@Override
	public String toString() { return String.format( Locale.ROOT, "%s: QCoDeS database (user_version %d), %d runs", file, userVersion, runs.size() ); }
}
