package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.FolderSnapshot;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.io.OutputSet;
import org.nisnonlocal.io.TiffMapIO;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * Hostile input for the runner's verbs, generated here: malformed files (empty, truncated, ragged, binary, NaN and
 * infinite cells), malformed parameters, folders where files belong, the input given again as an output in every
 * spelling (same path, {@code ./sub/..}, symbolic link, hard link), outputs under a regular file, read-only folders,
 * and a disk that fills up half-way. For every case the run must end with exit code 2 and exactly one line on stderr
 * (the runner's own and everything the verb printed there) that names the file or option and the problem, no stack
 * trace, every file that was there before byte-identical, and nothing new in the case's folder: no output, no
 * temporary, no folder made for them.
 * <p>
 * Adding a case: one line in {@link #cases()}: {@code fails( "verb: what", f -> f.run( argv… ).naming( fragments… ) )},
 * where {@link Fixture} makes the files in the case's own folder and every fragment must appear in the error line.
 * Cases that must succeed despite odd input (a byte-order mark, CRLF, rows in any order) go in {@link #accepted()}.
 * Expensive verbs (energy-mode, fit-map, synthesize) get only cases that fail before any solve.
 */
class HostileInputTest
{
	@TempDir
	static Path root;

	private static int counter;

	/** Makes a case's files in its own folder and returns the run to check. */
	@FunctionalInterface
	interface Setup
	{
		Run make( Fixture f ) throws IOException;
	}

	/** A runner command line and the fragments its one error line must contain. */
	static final class Run
	{
		final String[] argv;

		final List< String > fragments = new ArrayList<>();

		Run( final String... argv ) { this.argv = argv; }

		/** The error line must contain each of these (a file as given, an option, a word of the problem). */
		Run naming( final String... f )
		{
			fragments.addAll( Arrays.asList( f ) );
			return this;
		}
	}

	/** The folder of one case and the files made in it. Paths are returned as the strings given to the runner. */
	static final class Fixture
	{
		final Path dir;

		final List< Path > lockedFolders = new ArrayList<>();

		Fixture( final Path dir ) { this.dir = dir; }

		Run run( final String... argv ) { return new Run( argv ); }

		String path( final String name ) { return dir.resolve( name ).toString(); }

		String text( final String name, final String content ) throws IOException
		{
			return bytes( name, content.getBytes( StandardCharsets.UTF_8 ) );
		}

		String bytes( final String name, final byte[] content ) throws IOException
		{
			final Path p = dir.resolve( name );
			Files.createDirectories( p.getParent() );
			Files.write( p, content );
			return p.toString();
		}

		/** A small valid map (21 × 3, long format, mV and nS in its .meta sidecar). */
		String map( final String name ) throws IOException
		{
			text( name + ".meta", "x.name=Vinj\nx.unit=mV\ny.name=Vdet\ny.unit=mV\nvalue.unit=nS\nquantity=g_nl\n" );
			return text( name, mapRows( "\n" ) );
		}

		/** The map of {@link #map} as a map. */
		static ConductanceMap smallMap()
		{
			final Axis x = Axis.between( "Vinj", "mV", -1, 1, 21 ), y = Axis.between( "Vdet", "mV", -0.1, 0.1, 3 );
			return ConductanceMap.fromFunction( x, y, "g_nl", "nS", MapMetadata.empty(), ( i, j ) -> {
				final double v = x.value( i ), d = y.value( j );
				return 0.01 * v - 0.02 * d + 0.05 * v * d + 0.03 * v * v;
			} );
		}

		/** The map of {@link #map} as the plugin's TIFF, edited as a map and then as bytes. */
		String tiff( final String name, final Consumer< ConductanceMap > editMap, final UnaryOperator< byte[] > editBytes ) throws IOException
		{
			final ConductanceMap m = smallMap();
			editMap.accept( m );
			final Path p = dir.resolve( name );
			TiffMapIO.write( m, p );
			return bytes( name, editBytes.apply( Files.readAllBytes( p ) ) );
		}

		/** The map of {@link #map} as a QCoDeS database (one 2D run, as a do2d writes it), its bytes then edited. */
		String qcodes( final String name, final UnaryOperator< byte[] > editBytes ) throws IOException
		{
			final Path p = dir.resolve( name );
			try
			{
				SyntheticQcodesDatabase.write( smallMap(), p );
			}
			catch ( final java.sql.SQLException e )
			{
				throw new IOException( e );
			}
			return bytes( name, editBytes.apply( Files.readAllBytes( p ) ) );
		}

		/** An SQLite database with one table, not QCoDeS's schema. */
		String otherDatabase( final String name ) throws IOException
		{
			final Path p = dir.resolve( name );
			try (java.sql.Connection c = new org.sqlite.JDBC().connect( "jdbc:sqlite:" + p, new java.util.Properties() ); java.sql.Statement st = c.createStatement())
			{
				st.execute( "CREATE TABLE t (x REAL)" );
			}
			catch ( final java.sql.SQLException e )
			{
				throw new IOException( e );
			}
			return p.toString();
		}

		/** The repository's netCDF4 test map (HDF5 inside; src/test/resources), its bytes edited. */
		String hdf5( final String name, final UnaryOperator< byte[] > editBytes ) throws IOException
		{
			try (java.io.InputStream in = HostileInputTest.class.getResourceAsStream( "/org/nisnonlocal/io/xarray_map.nc" ))
			{
				return bytes( name, editBytes.apply( in.readAllBytes() ) );
			}
		}

		/**
		 * A Nanonis grid .3ds of {@code nx} × 1 pixels (a line), 1 channel of 8 bias points and 4 parameters per pixel,
		 * with {@code extra} bytes more (fewer when negative) after its header than the header accounts for.
		 */
		String grid3ds( final String name, final int nx, final int extra ) throws IOException { return grid3ds( name, nx, extra, false ); }

		/** As above; {@code nan}: every spectrum point NaN (nothing measured). */
		String grid3ds( final String name, final int nx, final int extra, final boolean nan ) throws IOException
		{
			final int points = 8, params = 4;
			final String header = "Grid dim=\"" + nx + " x 1\"\r\nGrid settings=0;0;1E-8;1E-9;0\r\nSweep Signal=\"Bias (V)\"\r\nFixed parameters=\"Sweep Start;Sweep End\"\r\n"
					+ "Experiment parameters=\"X (m);Y (m)\"\r\n# Parameters (4 byte)=" + params + "\r\nExperiment size (bytes)=" + 4 * points + "\r\nPoints=" + points
					+ "\r\nChannels=\"LI Demod 1 X (A)\"\r\n:HEADER_END:\r\n";
			final int data = nx * ( params + points ) * 4;
			final ByteBuffer b = ByteBuffer.allocate( Math.max( 0, data + extra ) ).order( ByteOrder.BIG_ENDIAN );
			for ( int i = 0; i < nx && b.remaining() >= ( params + points ) * 4; i++ )
			{
				b.putFloat( -0.1f ).putFloat( 0.1f ).putFloat( 1e-9f * i ).putFloat( 0 );
				for ( int k = 0; k < points; k++ )
					b.putFloat( nan ? Float.NaN : 1e-12f * ( i + k ) );
			}
			final byte[] h = header.getBytes( StandardCharsets.ISO_8859_1 );
			final byte[] all = Arrays.copyOf( h, h.length + b.capacity() );
			System.arraycopy( b.array(), 0, all, h.length, b.capacity() );
			return bytes( name, all );
		}

		/** A copy of one of the repository's example maps (with its sidecar) in the case's folder. */
		String example( final String name ) throws IOException
		{
			Files.copy( EXAMPLES_DIR.resolve( name + ".meta" ), dir.resolve( name + ".meta" ) );
			return Files.copy( EXAMPLES_DIR.resolve( name ), dir.resolve( name ) ).toString();
		}

		/** A simulated map in model units (eV/Δ0, 17 × 9) with the given header and no sidecar. */
		String simulated( final String name, final String header ) throws IOException
		{
			final StringBuilder sb = new StringBuilder( header ).append( '\n' );
			for ( int j = 0; j <= 8; j++ )
				for ( int i = 0; i <= 16; i++ )
					sb.append( String.format( Locale.ROOT, "%.2f,%.2f,%.4f%n", -4 + 0.5 * i, -2 + 0.5 * j, Math.sin( -4 + 0.5 * i ) * ( -2 + 0.5 * j ) ) );
			return text( name, sb.toString() );
		}

		/** {@link #map} with its V_inj axis moved by {@code shift} mV. */
		String shiftedMap( final String name, final double shift ) throws IOException
		{
			text( name + ".meta", "x.name=Vinj\nx.unit=mV\ny.name=Vdet\ny.unit=mV\nvalue.unit=nS\nquantity=g_nl\n" );
			return text( name, mapRows( "\n", shift ) );
		}

		/** The rows of {@link #map}, with the given line end. */
		static String mapRows( final String eol ) { return mapRows( eol, 0 ); }

		static String mapRows( final String eol, final double shift )
		{
			final StringBuilder sb = new StringBuilder( "Vinj,Vdet,g" ).append( eol );
			for ( int j = 0; j < 3; j++ )
				for ( int i = 0; i < 21; i++ )
				{
					final double v = -1 + 0.1 * i + shift, d = -0.1 + 0.1 * j;
					sb.append( String.format( Locale.ROOT, "%.1f,%.1f,%.5f", v, d, 0.01 * v - 0.02 * d + 0.05 * v * d + 0.03 * v * v ) ).append( eol );
				}
			return sb.toString();
		}

		/** (I_s, ∂xφ, σ) pairs as fit-phase-gradient writes them. */
		String pairs( final String name ) throws IOException
		{
			return text( name, "I_s_uA,phase_gradient,error\n5,0.05,0.005\n10,0.1,0.005\n15,0.16,0.005\n-10,-0.1,0.005\n" );
		}

		/** A g_ss(eV_inj) curve as fit-charge-imbalance reads it. */
		String curve( final String name ) throws IOException
		{
			final StringBuilder sb = new StringBuilder( "eV_inj,g\n" );
			for ( int i = 0; i <= 60; i++ )
				sb.append( String.format( Locale.ROOT, "%.3f,%.6f%n", 0.05 * i, Math.exp( -0.5 * i / 10.0 ) ) );
			return text( name, sb.toString() );
		}

		/** A Dynes-like spectrum V,G (V in volts). */
		String spectrum( final String name ) throws IOException
		{
			final StringBuilder sb = new StringBuilder( "V,G\n" );
			for ( int i = 0; i <= 200; i++ )
			{
				final double v = -1e-3 + 1e-5 * i, e = Math.abs( v ) / 2e-4;
				sb.append( String.format( Locale.ROOT, "%.6e,%.6f%n", v, e > 1.02 ? e / Math.sqrt( e * e - 1 ) : 0.05 ) );
			}
			return text( name, sb.toString() );
		}

		/** A cuts CSV of two curves of {@link #spectrum}'s shape, one per V_det (0.1, 0.2); bias in mV, no units in the header. */
		String cutsTable( final String name ) throws IOException
		{
			final StringBuilder sb = new StringBuilder( "Vdet,Vinj,g\n" );
			for ( final String vDet : new String[] { "0.1", "0.2" } )
				for ( int i = 0; i <= 200; i++ )
				{
					final double v = -1 + 0.01 * i, e = Math.abs( v ) / 0.2;
					sb.append( String.format( Locale.ROOT, "%s,%.3f,%.6f%n", vDet, v, e > 1.02 ? e / Math.sqrt( e * e - 1 ) : 0.05 ) );
				}
			return text( name, sb.toString() );
		}

		String folder( final String name ) throws IOException
		{
			return Files.createDirectories( dir.resolve( name ) ).toString();
		}

		String symlink( final String name, final String target ) throws IOException
		{
			return Files.createSymbolicLink( dir.resolve( name ), Path.of( target ) ).toString();
		}

		String hardlink( final String name, final String target ) throws IOException
		{
			return Files.createLink( dir.resolve( name ), Path.of( target ) ).toString();
		}

		/** {@code dir/sub/../name}: another spelling of {@code dir/name}. */
		String detour( final String name ) throws IOException
		{
			Files.createDirectories( dir.resolve( "sub" ) );
			return dir + "/sub/../" + name;
		}

		/**
		 * A folder nobody may write in: a folder made read-only, or, where that does not bind (root), {@code /sys}; the
		 * case is skipped when neither can be had.
		 */
		String readOnlyFolder( final String name ) throws IOException
		{
			final Path ro = Files.createDirectories( dir.resolve( name ) );
			try
			{
				Files.setPosixFilePermissions( ro, PosixFilePermissions.fromString( "r-xr-xr-x" ) );
				lockedFolders.add( ro );
			}
			catch ( final UnsupportedOperationException e )
			{
				// no POSIX permissions: try the fallback
			}
			if ( !canCreateIn( ro ) )
				return ro.toString();
			final Path sys = Path.of( "/sys" );
			if ( Files.isDirectory( sys ) && !canCreateIn( sys ) )
				return sys.toString();
			Assumptions.abort( "no read-only folder to be had here (running as root without /sys)" );
			return null;
		}

		private static boolean canCreateIn( final Path folder )
		{
			try
			{
				Files.delete( Files.createFile( folder.resolve( ".probe" ) ) );
				return true;
			}
			catch ( final IOException e )
			{
				return false;
			}
		}

		void unlock() throws IOException
		{
			for ( final Path p : lockedFolders )
				Files.setPosixFilePermissions( p, PosixFilePermissions.fromString( "rwxr-xr-x" ) );
		}
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** Every file-reading verb, with the options that make it succeed on a valid input {@code IN} (output last). */
	private static String[] mapVerb( final String verb, final String in, final String out )
	{
		switch ( verb )
		{
		case "convert":
			return new String[] { verb, "--in", in, "--out", out };
		case "offset":
			return new String[] { verb, "--in", in, "--value", "0.01", "--out", out };
		case "cuts":
			return new String[] { verb, "--in", in, "--axis", "vdet", "--every", "1", "--out", out };
		case "derivative":
			return new String[] { verb, "--in", in, "--axis", "vinj", "--out", out };
		case "background":
			return new String[] { verb, "--in", in, "--mode", "plane", "--out", out };
		case "crop":
			return new String[] { verb, "--in", in, "--vinj-min", "-0.5", "--vinj-max", "0.5", "--out", out };
		case "normalize":
			return new String[] { verb, "--in", in, "--ginj", "1e-5", "--gdet", "1e-5", "--keep-bias", "--out", out };
		case "average":
			return new String[] { verb, "--in", in + "," + in, "--out", out };
		default:
			throw new IllegalArgumentException( verb );
		}
	}

	private static final String[] MAP_VERBS = { "convert", "offset", "cuts", "derivative", "background", "crop", "normalize", "average" };

	/** Verbs writing into a folder, with a valid input map {@code IN} where they read one. Cheap ones only. */
	private static String[] folderVerb( final String verb, final String in, final String dir )
	{
		switch ( verb )
		{
		case "decompose":
			return new String[] { verb, "--in", in, "--out", dir };
		case "overlay":
			return new String[] { verb, "--measured", in, "--simulated", in, "--out", dir };
		case "supercurrent":
			return new String[] { verb, "--phase-gradient", "0.1,0.2", "--out", dir };
		default:
			throw new IllegalArgumentException( verb );
		}
	}

	/** A hostile file's bytes and the words of its problem that the error line must contain besides the file's name. */
	static final class Hostile
	{
		final byte[] content;

		final String[] problem;

		Hostile( final byte[] content, final String... problem )
		{
			this.content = content;
			this.problem = problem;
		}

		Hostile( final String content, final String... problem ) { this( content.getBytes( StandardCharsets.UTF_8 ), problem ); }
	}

	/**
	 * Malformed map files and maps that used to come in silently wrong (issue 13: values a 32-bit map cannot hold, one
	 * absurd axis value, nothing measured, units the plugin does not know): name → content and problem; each must be
	 * refused naming the file (and the line, where there is one).
	 */
	private static Map< String, Hostile > malformedMaps()
	{
		final Map< String, Hostile > m = new TreeMap<>();
		final String good = Fixture.mapRows( "\n" );
		m.put( "empty", new Hostile( new byte[ 0 ] ) );
		m.put( "header only", new Hostile( "Vinj,Vdet,g\n" ) );
		m.put( "truncated in a row", new Hostile( good.substring( 0, good.indexOf( '\n', good.length() / 2 ) + 6 ) ) );
		m.put( "ragged row", new Hostile( good.replaceFirst( "\n(-0\\.5,-0\\.1,)[^\n]*\n", "\n-0.5,-0.1\n" ) ) );
		m.put( "NaN in an axis", new Hostile( good.replaceFirst( "\n-0\\.5,", "\nNaN," ) ) );
		m.put( "Infinity as a value", new Hostile( good.replaceFirst( "(\n-0\\.5,-0\\.1,)[^\n]*", "$1Infinity" ) ) );
		m.put( "text as a value", new Hostile( good.replaceFirst( "(\n-0\\.5,-0\\.1,)[^\n]*", "$1abc" ) ) );
		final byte[] binary = new byte[ 2048 ];
		new java.util.Random( 7 ).nextBytes( binary );
		m.put( "binary garbage", new Hostile( binary ) );
		// (V_inj, V_det) = (-0.5, -0.1) is data row 6, file line 7
		m.put( "value 1e308, which a float cannot hold", new Hostile( good.replaceFirst( "(\n-0\\.5,-0\\.1,)[^\n]*", "$11e308" ), ":7:", "1e308", "cannot hold" ) );
		m.put( "value 1e-50, below a float's range", new Hostile( good.replaceFirst( "(\n-0\\.5,-0\\.1,)[^\n]*", "$11e-50" ), ":7:", "1e-50", "cannot hold" ) );
		m.put( "one V_inj of 1e300 among the grid", new Hostile( good.replaceFirst( "\n-0\\.5,-0\\.1,", "\n1e300,-0.1," ), ":7:", "1.0E300", "far off the grid" ) );
		m.put( "all values NaN", new Hostile( good.replaceAll( "(?m)^(-?[\\d.]+,-?[\\d.]+,).*$", "$1NaN" ), "all 63 points are NaN" ) );
		m.put( "axis in furlong", new Hostile( good.replaceFirst( "^Vinj,Vdet,g", "Vinj (furlong),Vdet (mV),g (nS)" ), "'furlong'", "not a unit the plugin knows" ) );
		m.put( "values in kg", new Hostile( good.replaceFirst( "^Vinj,Vdet,g", "Vinj (mV),Vdet (mV),g (kg)" ), "'kg'", "not a unit the plugin knows" ) );
		m.put( "matrix with an x of 1e300", new Hostile( ",0,1,2,3,1e300\n0,1,2,3,4,5\n1,1,2,3,4,5\n", ":1:", "1.0E300", "far off the grid" ) );
		m.put( "matrix of NaN", new Hostile( ",0,1\n0,NaN,NaN\n1,NaN,NaN\n", "all 4 points are NaN" ) );
		return m;
	}

	/** The TIFF header's width, height and rows per strip set to w × h, its compression tag to {@code compression}. */
	static UnaryOperator< byte[] > header( final int w, final int h, final int compression )
	{
		return tiff -> {
			final byte[] out = tiff.clone();
			final ByteBuffer b = ByteBuffer.wrap( out ).order( out[ 0 ] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN );
			final int ifd = b.getInt( 4 );
			final int entries = b.getShort( ifd ) & 0xffff;
			for ( int k = 0; k < entries; k++ )
			{
				final int e = ifd + 2 + 12 * k;
				final int tag = b.getShort( e ) & 0xffff;
				if ( tag == 256 || tag == 257 || tag == 278 )
				{
					b.putShort( e + 2, ( short ) 4 ); // LONG
					b.putInt( e + 8, tag == 256 ? w : h );
				}
				if ( tag == 259 )
				{
					b.putShort( e + 2, ( short ) 3 ); // SHORT
					b.putInt( e + 8, 0 );
					b.putShort( e + 8, ( short ) compression );
				}
			}
			return out;
		};
	}

	/**
	 * The plugin's TIFF of {@link Fixture#map}'s map made hostile (issue 13): a header promising more pixels than the
	 * machine or the file holds (ImageJ allocated 200000² before failing), the file cut short, infinite or only NaN
	 * values. Name → (map edit, byte edit, problem).
	 */
	private static Map< String, Object[] > hostileTiffs()
	{
		final Map< String, Object[] > m = new TreeMap<>();
		final Consumer< ConductanceMap > asIs = map -> {};
		m.put( "header declaring 200000 × 200000 pixels", new Object[] { asIs, header( 200000, 200000, 1 ), new String[] { "200000 × 200000 pixels", "more than this Java can hold" } } );
		m.put( "LZW header declaring 200000 × 200000 pixels", new Object[] { asIs, header( 200000, 200000, 5 ), new String[] { "200000 × 200000 pixels", "more than this Java can hold" } } );
		m.put( "header declaring 2000 × 2000 pixels in 2 kB", new Object[] { asIs, header( 2000, 2000, 1 ), new String[] { "cut short", "2000 × 2000 pixels" } } );
		m.put( "LZW header declaring 2000 × 2000 pixels in 2 kB", new Object[] { asIs, header( 2000, 2000, 5 ), new String[] { "2000 × 2000 pixels", "even compressed" } } );
		m.put( "cut short (its last 64 bytes missing)", new Object[] { asIs, ( UnaryOperator< byte[] > ) b -> Arrays.copyOf( b, b.length - 64 ), new String[] { "cut short", "21 × 3 pixels" } } );
		m.put( "an infinite value", new Object[] { ( Consumer< ConductanceMap > ) map -> map.set( 5, 0, Float.POSITIVE_INFINITY ), UnaryOperator.identity(), new String[] { "Vinj = -0.5, Vdet = -0.1", "is Infinity" } } );
		m.put( "no measured point (all NaN)", new Object[] { ( Consumer< ConductanceMap > ) map -> Arrays.fill( map.data(), Float.NaN ), UnaryOperator.identity(), new String[] { "all 63 points are NaN" } } );
		return m;
	}

	/** The cases: every one must fail cleanly and leave its folder as it was. */
	static List< Object[] > cases()
	{
		final List< Object[] > c = new ArrayList<>();

		for ( final String verb : MAP_VERBS )
		{
			// the input itself
			for ( final Map.Entry< String, Hostile > bad : malformedMaps().entrySet() )
				fails( c, verb + ": input " + bad.getKey(), f -> {
					final String in = f.bytes( "bad.csv", bad.getValue().content );
					return f.run( mapVerb( verb, in, f.path( "out.csv" ) ) ).naming( in ).naming( bad.getValue().problem );
				} );
			fails( c, verb + ": input a QCoDeS database cut in half", f -> {
				final String in = f.qcodes( "bad.db", b -> Arrays.copyOf( b, b.length / 2 ) );
				return f.run( mapVerb( verb, in, f.path( "out.csv" ) ) ).naming( in );
			} );
			fails( c, verb + ": input an HDF5 file cut to a third", f -> {
				final String in = f.hdf5( "bad.nc", b -> Arrays.copyOf( b, b.length / 3 ) );
				return f.run( mapVerb( verb, in, f.path( "out.csv" ) ) ).naming( in, "truncated or damaged HDF5" );
			} );
			fails( c, verb + ": input a .3ds 10 bytes shorter than its header says", f -> {
				final String in = f.grid3ds( "bad.3ds", 21, -10 );
				return f.run( mapVerb( verb, in, f.path( "out.csv" ) ) ).naming( in, "header does not match the file size", "truncated" );
			} );
			for ( final Map.Entry< String, Object[] > bad : hostileTiffs().entrySet() )
				fails( c, verb + ": TIFF with " + bad.getKey(), f -> {
					@SuppressWarnings( "unchecked" )
					final String in = f.tiff( "bad.tif", ( Consumer< ConductanceMap > ) bad.getValue()[ 0 ], ( UnaryOperator< byte[] > ) bad.getValue()[ 1 ] );
					return f.run( mapVerb( verb, in, f.path( "out.csv" ) ) ).naming( in ).naming( ( String[] ) bad.getValue()[ 2 ] );
				} );
			fails( c, verb + ": input missing", f -> f.run( mapVerb( verb, f.path( "nope.csv" ), f.path( "out.csv" ) ) ).naming( f.path( "nope.csv" ), "no such file" ) );
			fails( c, verb + ": input is a folder", f -> {
				final String in = f.folder( "maps" );
				return f.run( mapVerb( verb, in, f.path( "out.csv" ) ) ).naming( in, "is a folder" );
			} );
			// the input again as the output, in every spelling
			fails( c, verb + ": output is the input", f -> {
				final String in = f.map( "in.csv" );
				return f.run( mapVerb( verb, in, in ) ).naming( in, "overwrite the input" );
			} );
			fails( c, verb + ": output is the input via sub/..", f -> {
				final String in = f.map( "in.csv" ), out = f.detour( "in.csv" );
				return f.run( mapVerb( verb, in, out ) ).naming( out, "overwrite the input" );
			} );
			fails( c, verb + ": output is a symbolic link to the input", f -> {
				final String in = f.map( "in.csv" ), out = f.symlink( "link.csv", in );
				return f.run( mapVerb( verb, in, out ) ).naming( out, "overwrite the input" );
			} );
			fails( c, verb + ": output is a hard link to the input", f -> {
				final String in = f.map( "in.csv" ), out = f.hardlink( "hard.csv", in );
				return f.run( mapVerb( verb, in, out ) ).naming( out, "overwrite the input" );
			} );
			// where the output cannot go
			fails( c, verb + ": output under a regular file", f -> {
				final String in = f.map( "in.csv" ), out = in + "/out.csv";
				return f.run( mapVerb( verb, in, out ) ).naming( out, "is a file, not a folder" );
			} );
			fails( c, verb + ": output is a folder", f -> {
				final String in = f.map( "in.csv" ), out = f.folder( "out.csv" );
				return f.run( mapVerb( verb, in, out ) ).naming( out, "is a folder" );
			} );
			fails( c, verb + ": output in a read-only folder", f -> {
				final String in = f.map( "in.csv" ), out = f.readOnlyFolder( "ro" ) + "/out.csv";
				return f.run( mapVerb( verb, in, out ) ).naming( out, "cannot write" );
			} );
			fullDisk( c, verb, f -> f.run( mapVerb( verb, f.map( "in.csv" ), f.path( "out.csv" ) ) ) );
		}

		// sidecars are outputs too
		fails( c, "background: the _background map is the input", f -> {
			final String in = f.map( "x_background.csv" );
			return f.run( "background", "--in", in, "--mode", "plane", "--out", f.path( "x.csv" ) ).naming( in, "overwrite the input" );
		} );
		fails( c, "average: the _error map is an input", f -> {
			final String a = f.map( "a.csv" ), e = f.map( "m_error.csv" );
			return f.run( "average", "--in", a + "," + e, "--out", f.path( "m.csv" ) ).naming( e, "overwrite the input" );
		} );
		fails( c, "average: output is the second input", f -> {
			final String a = f.map( "a.csv" ), b = f.map( "b.csv" );
			return f.run( "average", "--in", a + "," + b, "--out", b ).naming( b, "overwrite the input" );
		} );
		fails( c, "cuts: the PNG beside --out is the input (a text map named c.png)", f -> {
			final String in = f.map( "c.png" );
			return f.run( "cuts", "--in", in, "--axis", "vdet", "--every", "1", "--out", f.path( "c.csv" ) ).naming( in, "overwrite the input" );
		} );
		fails( c, "convert: unknown output type", f -> f.run( "convert", "--in", f.map( "in.csv" ), "--out", f.path( "out.xyz" ) ).naming( f.path( "out.xyz" ), "unknown output type" ) );

		// folder verbs
		for ( final String verb : new String[] { "decompose", "overlay", "supercurrent" } )
		{
			fails( c, verb + ": --out is a regular file", f -> {
				final String file = f.text( "plain.txt", "x\n" );
				return f.run( folderVerb( verb, f.map( "in.csv" ), file ) ).naming( file, "needs a folder" );
			} );
			fails( c, verb + ": --out under a regular file", f -> {
				final String file = f.text( "plain.txt", "x\n" ), out = file + "/d";
				return f.run( folderVerb( verb, f.map( "in.csv" ), out ) ).naming( out, "is a file, not a folder" );
			} );
			fails( c, verb + ": --out in a read-only folder", f -> {
				final String out = f.readOnlyFolder( "ro" ) + "/d";
				return f.run( folderVerb( verb, f.map( "in.csv" ), out ) ).naming( out, "cannot" );
			} );
			fullDisk( c, verb, f -> f.run( folderVerb( verb, f.map( "in.csv" ), f.path( "out" ) ) ) );
		}
		fails( c, "decompose: an input named g_ss.csv in the output folder", f -> {
			final String in = f.map( "g_ss.csv" );
			return f.run( "decompose", "--in", in, "--out", f.dir.toString() ).naming( "g_ss.csv", "overwrite the input" );
		} );
		fails( c, "decompose: an input named g_sa.csv reached through sub/..", f -> {
			final String in = f.map( "g_sa.csv" );
			return f.run( "decompose", "--in", in, "--out", f.detour( "" ) ).naming( "g_sa.csv", "overwrite the input" );
		} );
		fails( c, "decompose: a --minus file named g_a.csv in the output folder", f -> {
			final String in = f.map( "p.csv" ), minus = f.map( "g_a.csv" );
			return f.run( "decompose", "--in", in, "--minus", minus, "--out", f.dir.toString() ).naming( "g_a.csv", "overwrite the input" );
		} );
		fails( c, "decompose: --minus is a folder", f -> {
			final String minus = f.folder( "m" );
			return f.run( "decompose", "--in", f.map( "p.csv" ), "--minus", minus, "--out", f.path( "out" ) ).naming( minus, "is a folder" );
		} );
		fails( c, "decompose: --minus in another unit names both files", f -> {
			final String plus = f.map( "p.csv" ), minus = f.text( "m.csv", Fixture.mapRows( "\n" ) );
			f.text( "m.csv.meta", "x.name=Vinj\nx.unit=mV\ny.name=Vdet\ny.unit=mV\nvalue.unit=uS\nquantity=g_nl\n" );
			return f.run( "decompose", "--in", plus, "--minus", minus, "--out", f.path( "out" ) ).naming( plus, minus, "µS", "nS" );
		} );
		fails( c, "average: maps in different units name both files", f -> {
			final String a = f.map( "a.csv" ), b = f.text( "b.csv", Fixture.mapRows( "\n" ) );
			f.text( "b.csv.meta", "x.name=Vinj\nx.unit=mV\ny.name=Vdet\ny.unit=mV\nvalue.unit=uS\nquantity=g_nl\n" );
			return f.run( "average", "--in", a + "," + b, "--out", f.path( "m.csv" ) ).naming( a, b, "µS", "nS" );
		} );
		fails( c, "overlay: --simulated reached as residual.csv in the output folder", f -> {
			final String in = f.map( "residual.csv" );
			return f.run( "overlay", "--measured", f.map( "m.csv" ), "--simulated", in, "--out", f.dir.toString() ).naming( "residual.csv", "overwrite the input" );
		} );

		// table and spectrum verbs
		fails( c, "fit-i0: --curve-out is the input", f -> {
			final String in = f.pairs( "pairs.csv" );
			return f.run( "fit-i0", "--in", in, "--out", f.path( "i0.csv" ), "--curve-out", in ).naming( in, "overwrite the input" );
		} );
		fails( c, "fit-i0: --curve-out is a hard link to the input", f -> {
			final String in = f.pairs( "pairs.csv" ), link = f.hardlink( "h.csv", in );
			return f.run( "fit-i0", "--in", in, "--out", f.path( "i0.csv" ), "--curve-out", link ).naming( link, "overwrite the input" );
		} );
		fails( c, "fit-i0: --out and --curve-out the same file", f -> {
			final String out = f.path( "o.csv" );
			return f.run( "fit-i0", "--in", f.pairs( "pairs.csv" ), "--out", out, "--curve-out", out ).naming( out, "--curve-out", "same file" );
		} );
		fails( c, "fit-i0: ragged pairs", f -> {
			final String in = f.text( "pairs.csv", "I_s_uA,phase_gradient,error\n5,0.05,0.005\n10,0.1\n" );
			return f.run( "fit-i0", "--in", in, "--out", f.path( "i0.csv" ) ).naming( in );
		} );
		fullDisk( c, "fit-i0", f -> f.run( "fit-i0", "--in", f.pairs( "pairs.csv" ), "--out", f.path( "i0.csv" ), "--curve-out", f.path( "curve.csv" ) ) );
		fails( c, "fit-charge-imbalance: --curve-out is the input via a symbolic link", f -> {
			final String in = f.curve( "g.csv" ), link = f.symlink( "l.csv", in );
			return f.run( "fit-charge-imbalance", "--in", in, "--out", f.path( "o.csv" ), "--curve-out", link ).naming( link, "overwrite the input" );
		} );
		fails( c, "fit-charge-imbalance: binary input", f -> {
			final String in = f.bytes( "g.csv", new byte[] { 0, 1, 2, ( byte ) 0xff, 10, 13, 0, 0x7f } );
			return f.run( "fit-charge-imbalance", "--in", in, "--out", f.path( "o.csv" ) ).naming( in );
		} );
		fails( c, "fit-phase-gradient: --out is the second curve", f -> {
			final String a = f.curve( "a.csv" ), b = f.curve( "b.csv" );
			return f.run( "fit-phase-gradient", "--in", a + "," + b, "--gamma", "0.01", "--out", b ).naming( b, "overwrite the input" );
		} );
		fails( c, "fit-phase-gradient: a curve file is a folder", f -> {
			final String a = f.curve( "a.csv" ), b = f.folder( "b" );
			return f.run( "fit-phase-gradient", "--in", a + "," + b, "--gamma", "0.01", "--out", f.path( "o.csv" ) ).naming( b, "is a folder" );
		} );
		fails( c, "fit-dynes: --out is the input", f -> {
			final String in = f.spectrum( "s.csv" );
			return f.run( "fit-dynes", "--in", in, "--out", in ).naming( in, "overwrite the input" );
		} );
		fails( c, "fit-dynes: input is a folder", f -> {
			final String in = f.folder( "s" );
			return f.run( "fit-dynes", "--in", in, "--out", f.path( "o.csv" ) ).naming( in, "is a folder" );
		} );
		fails( c, "fit-dynes: empty input", f -> {
			final String in = f.text( "s.csv", "" );
			return f.run( "fit-dynes", "--in", in, "--out", f.path( "o.csv" ) ).naming( in );
		} );

		// model verbs: only their outputs can be hostile
		for ( final String[] v : new String[][] { { "dos", "--step", "0.01" }, { "gap", "--t-step", "0.1" }, { "device" }, { "charge-imbalance", "--gamma", "0.01", "--kappa", "1e-4", "--distance", "4", "--t", "0.02" },
				{ "supercurrent-relation", "--gamma", "0.01" }, { "fig10-model", "--gamma", "0.01" }, { "example-map" }, { "supercurrent-dos" } } )
		{
			final String verb = v[ 0 ], name = verb.equals( "example-map" ) || verb.equals( "supercurrent-dos" ) ? "out.tif" : "out.csv";
			fails( c, verb + ": --out under a regular file", f -> {
				final String out = f.text( "plain.txt", "x\n" ) + "/" + name;
				return f.run( concat( v, "--out", out ) ).naming( out, "is a file, not a folder" );
			} );
			fails( c, verb + ": --out is a folder", f -> {
				final String out = f.folder( name );
				return f.run( concat( v, "--out", out ) ).naming( out, "is a folder" );
			} );
			fails( c, verb + ": --out in a read-only folder", f -> {
				final String out = f.readOnlyFolder( "ro" ) + "/" + name;
				return f.run( concat( v, "--out", out ) ).naming( out, "cannot write" );
			} );
		}
		fullDisk( c, "dos", f -> f.run( "dos", "--step", "0.01", "--out", f.path( "dos.csv" ) ) );
		fullDisk( c, "example-map", f -> f.run( "example-map", "--out", f.path( "ex.csv" ) ) );

		// expensive verbs: only what fails before any solve
		fails( c, "energy-mode: --out is a regular file", f -> {
			final String out = f.text( "plain.txt", "x\n" );
			return f.run( "energy-mode", "--out", out ).naming( out, "needs a folder" );
		} );
		fails( c, "energy-mode: --out in a read-only folder", f -> {
			final String out = f.readOnlyFolder( "ro" ) + "/em";
			return f.run( "energy-mode", "--out", out ).naming( out, "cannot" );
		} );
		fails( c, "synthesize: --spectrum-out and --out the same file", f -> {
			final String out = f.path( "s.csv" );
			return f.run( "synthesize", "--delta0", "2e-4", "--ginj", "1e-5", "--gdet", "1e-5", "--r-xi", "10", "--spectrum-out", out, "--out", out ).naming( out, "same file" );
		} );
		fails( c, "synthesize: --out under a regular file", f -> {
			final String out = f.text( "plain.txt", "x\n" ) + "/m.csv";
			return f.run( "synthesize", "--out", out ).naming( out, "is a file, not a folder" );
		} );
		fails( c, "synthesize: the .params.txt sidecar is a folder", f -> {
			f.folder( "m.csv.params.txt" );
			return f.run( "synthesize", "--out", f.path( "m.csv" ) ).naming( "m.csv.params.txt", "is a folder" );
		} );
		fails( c, "fit-map: input is a folder", f -> {
			final String in = f.folder( "m" );
			return f.run( "fit-map", "--in", in, "--free", "gamma-ee", "--out", f.path( "fit" ) ).naming( in, "is a folder" );
		} );
		fails( c, "fit-map: input named fit.csv in the output folder", f -> {
			final String in = f.map( "fit.csv" );
			return f.run( "fit-map", "--in", in, "--free", "gamma-ee", "--out", f.dir.toString() ).naming( "fit.csv", "overwrite the input" );
		} );
		fails( c, "fit-map: --sigma-map named residual.csv in the output folder", f -> {
			final String sigma = f.map( "residual.csv" );
			return f.run( "fit-map", "--in", f.map( "m.csv" ), "--free", "gamma-ee", "--sigma-map", sigma, "--out", f.dir.toString() ).naming( "residual.csv", "overwrite the input" );
		} );
		fails( c, "fit-phase-gradient-map: an input named fit_1.csv in the output folder", f -> {
			final String in = f.map( "fit_1.csv" );
			return f.run( "fit-phase-gradient-map", "--in", in, "--out", f.dir.toString() ).naming( "fit_1.csv", "overwrite the input" );
		} );
		fails( c, "reproduce: --out is a regular file", f -> {
			final String out = f.text( "plain.txt", "x\n" );
			return f.run( "reproduce", "--out", out, "--examples", EXAMPLES ).naming( out, "needs a folder" );
		} );

		// accepted nonsense that used to give silent wrong results (issue 13)
		for ( final String every : new String[] { "0", "-1" } )
			fails( c, "cuts: --every " + every, f -> f.run( "cuts", "--in", f.map( "m.csv" ), "--axis", "vdet", "--every", every, "--out", f.path( "o.csv" ) ).naming( "--every " + every,
					"positive number of rows" ) );
		fails( c, "offset: --value 1e300, beyond the whole axis range", f -> {
			final String in = f.map( "m.csv" );
			return f.run( "offset", "--in", in, "--value", "1e300", "--out", f.path( "o.csv" ) ).naming( in, "1e+300 mV", "larger than the whole measured Vinj range" );
		} );
		for ( final String parity : new String[] { "even", "odd" } )
			fails( c, "offset: --estimate " + parity + " where the map's symmetry does not determine it", f -> {
				final String in = f.example( "example_Is+10uA.csv" );
				return f.run( "offset", "--in", in, "--estimate", parity, "--out", f.path( "o.csv" ) ).naming( in, "does not determine the offset" );
			} );
		fails( c, "dos: --delta 0 (no gap)", f -> f.run( "dos", "--delta", "0", "--out", f.path( "o.csv" ) ).naming( "--delta", "> 0" ) );
		for ( final String sidecar : new String[] { ".meta", ".params.txt" } )
			fails( c, "synthesize: --spectrum-out is the map's " + sidecar, f -> {
				final String out = f.path( "s.csv" );
				return f.run( "synthesize", "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54", "--spectrum-out", out + sidecar, "--out", out ).naming( out + sidecar,
						"--spectrum-out", "same file" );
			} );
		final String[] physical = { "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54" };
		fails( c, "overlay: a simulated map in Ω (a normalized measurement)", f -> {
			final String sim = f.simulated( "sim.csv", "Vinj (eV/Δ0),Vdet (eV/Δ0),g (ohm)" );
			return f.run( concat( new String[] { "overlay", "--measured", f.map( "m.csv" ), "--simulated", sim, "--out", f.path( "ov" ) }, physical ) ).naming( sim, "in Ω", "swapped" );
		} );
		fails( c, "overlay: a simulated map whose unit was assumed", f -> {
			final String sim = f.simulated( "sim.csv", "Vinj (eV/Δ0),Vdet (eV/Δ0),g" );
			return f.run( concat( new String[] { "overlay", "--measured", f.map( "m.csv" ), "--simulated", sim, "--out", f.path( "ov" ) }, physical ) ).naming( sim, "no unit" );
		} );
		fails( c, "average: maps on disjoint grids name both files", f -> {
			final String a = f.map( "a.csv" ), b = f.shiftedMap( "b.csv", 5 );
			return f.run( "average", "--in", a + "," + b, "--out", f.path( "m.csv" ) ).naming( a, b, "covers none" );
		} );
		fails( c, "fit-dynes: a table of two stacked curves is not averaged into one", f -> {
			final String in = f.cutsTable( "cuts.csv" );
			return f.run( "fit-dynes", "--in", in, "--bias-column", "Vinj", "--column", "g", "--bias-unit", "mV", "--out", f.path( "o.csv" ) ).naming( in,
					"holds 2 curves one after the other, one per value of Vdet", "where Vdet=0.1" );
		} );
		fails( c, "fit-dynes: a table of two stacked curves read with its first column as the bias", f -> {
			final String in = f.cutsTable( "cuts.csv" );
			return f.run( "fit-dynes", "--in", in, "--out", f.path( "o.csv" ) ).naming( in, "2 points are too few" );
		} );
		fails( c, "fit-dynes: --where without a value", f -> f.run( "fit-dynes", "--in", f.cutsTable( "cuts.csv" ), "--where", "Vdet", "--out", f.path( "o.csv" ) ).naming( "where 'Vdet'",
				"COLUMN=VALUE" ) );
		fails( c, "fit-dynes: --where naming no curve", f -> {
			final String in = f.cutsTable( "cuts.csv" );
			return f.run( "fit-dynes", "--in", in, "--bias-column", "Vinj", "--column", "g", "--bias-unit", "mV", "--where", "Vdet=0.3", "--out", f.path( "o.csv" ) ).naming( in, "0.3" );
		} );
		fails( c, "fit-dynes: --bias-column that is not in the table", f -> {
			final String in = f.cutsTable( "cuts.csv" );
			return f.run( "fit-dynes", "--in", in, "--bias-column", "V_bias", "--where", "Vdet=0.1", "--out", f.path( "o.csv" ) ).naming( in, "V_bias" );
		} );
		fails( c, "fit-dynes: --bias-unit furlong", f -> {
			final String in = f.spectrum( "s.csv" );
			return f.run( "fit-dynes", "--in", in, "--bias-unit", "furlong", "--out", f.path( "o.csv" ) ).naming( "furlong" );
		} );
		fails( c, "fit-dynes: --sigma 0", f -> f.run( "fit-dynes", "--in", f.spectrum( "s.csv" ), "--sigma", "0", "--out", f.path( "o.csv" ) ).naming( "--sigma", "> 0" ) );
		// measurement files (issue 16): the readers must refuse what they cannot read, and never write beside the file
		for ( final String verb : new String[] { "convert", "inspect" } )
		{
			final java.util.function.BiFunction< Fixture, String, Run > run = ( f, in ) -> verb.equals( "inspect" ) ? f.run( verb, "--in", in )
					: f.run( verb, "--in", in, "--out", f.path( "out.csv" ) );
			fails( c, verb + ": an SQLite header and nothing after", f -> {
				final String in = f.text( "junk.db", "SQLite format 3\0 but nothing after" );
				return run.apply( f, in ).naming( in, "not a" );
			} );
			fails( c, verb + ": an SQLite database that is not QCoDeS's", f -> {
				final String in = f.otherDatabase( "other.db" );
				return run.apply( f, in ).naming( in, "not a QCoDeS one" );
			} );
			fails( c, verb + ": a QCoDeS database cut after its first page", f -> {
				final String in = f.qcodes( "cut.db", b -> Arrays.copyOf( b, 4096 ) );
				return run.apply( f, in ).naming( in );
			} );
			// (inspect reads only the header: a file cut inside its data is listed; the map verbs refuse it, above)
			fails( c, verb + ": an HDF5 file cut inside its header", f -> {
				final String in = f.hdf5( "cut.h5", b -> Arrays.copyOf( b, 2000 ) );
				return run.apply( f, in ).naming( in, "truncated or damaged HDF5" );
			} );
			fails( c, verb + ": the HDF5 signature and nothing else", f -> {
				final String in = f.hdf5( "magic.h5", b -> Arrays.copyOf( b, 8 ) );
				return run.apply( f, in ).naming( in );
			} );
			fails( c, verb + ": a .3ds shorter than its header says", f -> {
				final String in = f.grid3ds( "line.3ds", 21, -( 12 * 4 ) );
				return run.apply( f, in ).naming( in, "header does not match the file size", "truncated" );
			} );
			fails( c, verb + ": a .3ds longer than its header says", f -> {
				final String in = f.grid3ds( "line.3ds", 21, 4 );
				return run.apply( f, in ).naming( in, "header does not match the file size", "extra bytes" );
			} );
			if ( verb.equals( "convert" ) )
				fails( c, verb + ": a .3ds line of spectra with nothing measured (all NaN)", f -> {
					final String in = f.grid3ds( "nan.3ds", 21, 0, true );
					return run.apply( f, in ).naming( in, "all 168 points are NaN" );
				} );
			fails( c, verb + ": a .3ds without :HEADER_END:", f -> {
				final String in = f.text( "noend.3ds", "Grid dim=\"2 x 1\"\r\nPoints=8\r\n" );
				return run.apply( f, in ).naming( in, ":HEADER_END:" );
			} );
			fails( c, verb + ": the shared grid spectroscopy .3ds cut by one pixel", f -> {
				final byte[] grid = Files.readAllBytes( SharedData.formats( "alexriss_SpmGrids.jl/Grid Spectroscopy002.3ds" ) );
				final String in = f.bytes( "cut.3ds", Arrays.copyOf( grid, grid.length - 5192 ) );
				return run.apply( f, in ).naming( in, "header does not match the file size" );
			} );
		}
		fails( c, "convert: --run 42, not in the database", f -> {
			final String in = f.qcodes( "m.db", UnaryOperator.identity() );
			return f.run( "convert", "--in", in, "--run", "42", "--out", f.path( "o.csv" ) ).naming( in, "unknown run 42" );
		} );
		fails( c, "convert: --run abc", f -> {
			final String in = f.qcodes( "m.db", UnaryOperator.identity() );
			return f.run( "convert", "--in", in, "--run", "abc", "--out", f.path( "o.csv" ) ).naming( "abc" );
		} );
		fails( c, "convert: --value naming no parameter of the run", f -> {
			final String in = f.qcodes( "m.db", UnaryOperator.identity() );
			return f.run( "convert", "--in", in, "--value", "nope", "--out", f.path( "o.csv" ) ).naming( in, "nope" );
		} );
		fails( c, "convert: --run 5 of the shared tutorial database has no 2D dependent", f -> {
			final String in = f.bytes( "t.db", Files.readAllBytes( SharedData.formats( "microsoft_Qcodes/tutorial_doND.db" ) ) );
			return f.run( "convert", "--in", in, "--run", "5", "--out", f.path( "o.tif" ) ).naming( in, "run 5 has no 2D dependent" );
		} );
		fails( c, "fit-dynes: a QCoDeS database with no 1D run", f -> {
			final String in = f.qcodes( "m.db", UnaryOperator.identity() );
			return f.run( "fit-dynes", "--in", in, "--out", f.path( "o.csv" ) ).naming( in, "1D" );
		} );
		fails( c, "fit-dynes: --bias-column on a QCoDeS database", f -> {
			final String in = f.qcodes( "m.db", UnaryOperator.identity() );
			return f.run( "fit-dynes", "--in", in, "--bias-column", "v_inj", "--out", f.path( "o.csv" ) ).naming( in, "names its setpoint and units itself" );
		} );
		fails( c, "inspect: a text map is no measurement file", f -> {
			final String in = f.map( "m.csv" );
			return f.run( "inspect", "--in", in ).naming( in, "inspect lists measurement files" );
		} );
		fails( c, "inspect: input is a folder", f -> {
			final String in = f.folder( "d.db" );
			return f.run( "inspect", "--in", in ).naming( in, "is a folder" );
		} );
		fails( c, "convert: --resample of a map with one V_inj of 1e300", f -> {
			final String in = f.text( "m.csv", Fixture.mapRows( "\n" ).replaceFirst( "\n-0\\.5,-0\\.1,", "\n1e300,-0.1," ) );
			return f.run( "convert", "--in", in, "--resample", "--out", f.path( "o.csv" ) ).naming( in + ":7:", "far off the grid" );
		} );
		fails( c, "convert: --y-unit parsec", f -> {
			final String in = f.map( "m.csv" );
			return f.run( "convert", "--in", in, "--y-unit", "parsec", "--out", f.path( "o.csv" ) ).naming( in, "'parsec'", "not a unit the plugin knows" );
		} );

		// malformed parameters
		for ( final String value : new String[] { "NaN", "Infinity", "-Infinity", "1e999", "abc", "" } )
		{
			fails( c, "offset: --value " + value, f -> f.run( "offset", "--in", f.map( "m.csv" ), "--value", value, "--out", f.path( "o.csv" ) ).naming( "--value" ) );
			fails( c, "crop: --vinj-min " + value, f -> f.run( "crop", "--in", f.map( "m.csv" ), "--vinj-min", value, "--out", f.path( "o.csv" ) ).naming( "--vinj-min" ) );
			fails( c, "dos: --step " + value, f -> f.run( "dos", "--step", value, "--out", f.path( "o.csv" ) ).naming( "--step" ) );
			fails( c, "energy-mode: --gamma-ee " + value, f -> f.run( "energy-mode", "--gamma-ee", value, "--out", f.path( "em" ) ).naming( "--gamma-ee" ) );
		}
		fails( c, "cuts: --at with text", f -> f.run( "cuts", "--in", f.map( "m.csv" ), "--at", "0.1,abc", "--out", f.path( "o.csv" ) ).naming( "--at" ) );
		fails( c, "cuts: --every with a fraction", f -> f.run( "cuts", "--in", f.map( "m.csv" ), "--every", "1.5", "--out", f.path( "o.csv" ) ).naming( "--every" ) );
		fails( c, "convert: a misspelt option", f -> f.run( "convert", "--in", f.map( "m.csv" ), "--outt", f.path( "o.csv" ) ).naming( "--out" ) );
		return c;
	}

	/** Odd but valid inputs: the verb must succeed and write exactly what it writes for the plain file. */
	static List< Object[] > accepted()
	{
		final List< Object[] > c = new ArrayList<>();
		final String plain = Fixture.mapRows( "\n" );
		final List< String > rows = new ArrayList<>( Arrays.asList( plain.split( "\n" ) ) );
		final List< String > reversed = new ArrayList<>( rows.subList( 1, rows.size() ) );
		java.util.Collections.reverse( reversed );
		reversed.add( 0, rows.get( 0 ) );
		c.add( new Object[] { "byte-order mark and CRLF", "\ufeff" + Fixture.mapRows( "\r\n" ) } );
		c.add( new Object[] { "rows in reverse order", String.join( "\n", reversed ) + "\n" } );
		c.add( new Object[] { "no newline at the end", plain.substring( 0, plain.length() - 1 ) } );
		return c;
	}

	private static final Path EXAMPLES_DIR = Path.of( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );

	private static final String EXAMPLES = EXAMPLES_DIR.toString();

	private static String[] concat( final String[] a, final String... b )
	{
		return Runner.concat( a, b );
	}

	private static void fails( final List< Object[] > cases, final String name, final Setup setup )
	{
		cases.add( new Object[] { name, setup, null } );
	}

	/**
	 * A run that succeeds on a roomy disk must, on a disk that fills up after half of what it writes (and one byte
	 * before the end), fail naming a file it was writing, and leave nothing. The third element is the fraction of the
	 * output that fits, or -1 for all but one byte.
	 */
	private static void fullDisk( final List< Object[] > cases, final String verb, final Setup setup )
	{
		cases.add( new Object[] { verb + ": the disk fills up half-way through its output", setup, 0.5 } );
		cases.add( new Object[] { verb + ": the disk fills up one byte before the end of its output", setup, -1.0 } );
	}

	@TestFactory
	Stream< DynamicTest > hostileRunsFailCleanly()
	{
		return cases().stream().map( c -> DynamicTest.dynamicTest( ( String ) c[ 0 ], () -> check( ( String ) c[ 0 ], ( Setup ) c[ 1 ], ( Double ) c[ 2 ] ) ) );
	}

	@TestFactory
	Stream< DynamicTest > oddButValidMapsGiveTheSameResult()
	{
		return accepted().stream().map( c -> DynamicTest.dynamicTest( ( String ) c[ 0 ], () -> {
			final Fixture f = new Fixture( Files.createDirectories( root.resolve( "ok" + ( ++counter ) ) ) );
			final String plain = f.map( "plain.csv" ), odd = f.text( "odd.csv", ( String ) c[ 1 ] );
			f.text( "odd.csv.meta", new String( Files.readAllBytes( Path.of( plain + ".meta" ) ), StandardCharsets.UTF_8 ) );
			for ( final String verb : MAP_VERBS )
			{
				final Result a = run( mapVerb( verb, plain, f.path( verb + "_plain.csv" ) ) ), b = run( mapVerb( verb, odd, f.path( verb + "_odd.csv" ) ) );
				assertEquals( 0, a.code, verb + " on the plain map: " + a.err );
				assertEquals( 0, b.code, verb + " on the " + c[ 0 ] + " map: " + b.err );
				assertTrue( Arrays.equals( Files.readAllBytes( Path.of( f.path( verb + "_plain.csv" ) ) ), Files.readAllBytes( Path.of( f.path( verb + "_odd.csv" ) ) ) ),
						verb + ": the output differs from the plain map's" );
			}
		} ) );
	}

	/**
	 * The reported case: energy-mode on a disk that fills up while it writes its four files left delta.csv, fL.csv and
	 * g_sa.csv without g_sa.tif. Its progress lines come first; the last line is the error, naming the file.
	 */
	@org.junit.jupiter.api.Test
	void energyModeOnAFullDiskLeavesNoFile() throws Exception
	{
		final Path dir = Files.createDirectories( root.resolve( "energy-mode-full" ) );
		final String[] argv = { "energy-mode", "--gamma-ee", "0.1", "--vinj-from", "1", "--vinj-to", "2", "--vinj-step", "0.5", "--vdet-from", "-1", "--vdet-to", "1", "--vdet-step",
				"0.5", "--out", dir.resolve( "em" ).toString() };
		final Result ok = run( argv );
		assertEquals( 0, ok.code, ok.err );
		final long written = bytes( dir );
		final long tif = Files.size( dir.resolve( "em/g_sa.tif" ) );
		assertEquals( 5, FolderSnapshot.of( dir.resolve( "em" ) ).size() - 1, "delta.csv, fL.csv, g_sa.csv (+ .meta), g_sa.tif" );
		final Path full = Files.createDirectories( root.resolve( "energy-mode-full-disk" ) );
		argv[ argv.length - 1 ] = full.resolve( "em" ).toString();
		final Result r;
		try (OutputSet.Simulation disk = OutputSet.simulateFullDisk( written - tif / 2 ))
		{
			r = run( argv );
		}
		assertEquals( 2, r.code, r.err );
		final String[] lines = r.err.trim().split( "\n" );
		assertEquals( "nis-nonlocal energy-mode: " + full.resolve( "em/g_sa.tif" ) + ": cannot write: no space left on device", lines[ lines.length - 1 ] );
		for ( int k = 0; k < lines.length - 1; k++ )
			assertTrue( lines[ k ].startsWith( "bias point " ), "only progress before the error: " + lines[ k ] );
		assertEquals( 1, FolderSnapshot.of( full ).size(), "nothing left, not even the folder em: " + FolderSnapshot.of( full ) );
	}

	private static void check( final String name, final Setup setup, final Double fullDiskFraction ) throws Exception
	{
		final Fixture f = new Fixture( Files.createDirectories( root.resolve( "case" + ( ++counter ) ) ) );
		try
		{
			final Run r = setup.make( f );
			long limit = Long.MAX_VALUE;
			if ( fullDiskFraction != null )
			{
				// the same run on a roomy disk, in a folder of its own, says how much it writes
				final Fixture roomy = new Fixture( Files.createDirectories( root.resolve( "room" + counter ) ) );
				final Run ok = setup.make( roomy );
				final Map< String, String > before = FolderSnapshot.of( roomy.dir );
				final Result done = run( ok.argv );
				assertEquals( 0, done.code, name + ": on a roomy disk: " + done.err );
				final long written = bytes( roomy.dir ) - sizes( roomy.dir, before );
				limit = fullDiskFraction < 0 ? written - 1 : ( long ) ( fullDiskFraction * written );
				r.naming( f.dir.toString(), "no space left on device" );
			}
			final Map< String, String > before = FolderSnapshot.of( f.dir );
			final Result res;
			try (OutputSet.Simulation disk = OutputSet.simulateFullDisk( limit ))
			{
				res = run( r.argv );
			}
			final String verb = r.argv[ 0 ];
			assertEquals( 2, res.code, name + ": exit code; stderr: " + res.err );
			assertTrue( res.err.endsWith( "\n" ) && res.err.indexOf( '\n' ) == res.err.length() - 1, name + ": not exactly one line on stderr:\n" + res.err );
			final String line = res.err.trim();
			assertTrue( line.startsWith( "nis-nonlocal " + verb + ": " ), name + ": " + line );
			assertTrue( !line.contains( "\tat " ) && !line.matches( ".*\\b(java|javax|org|ij)\\.[\\w.]+(Exception|Error)\\b.*" ) && !line.contains( "internal error" ), name + ": looks like a stack trace: " + line );
			for ( final String fragment : r.fragments )
				assertTrue( line.contains( fragment ), name + ": the error line does not name '" + fragment + "': " + line );
			f.unlock();
			final Map< String, String > after = FolderSnapshot.of( f.dir );
			assertEquals( before, after, name + ": the case's folder changed (an input modified, or an output or temporary left behind); stderr: " + line );
		}
		finally
		{
			f.unlock();
		}
	}

	// ---------------------------------------------------------------------------------------------------------------

	private static final class Result
	{
		final int code;

		final String err;

		Result( final int code, final String err )
		{
			this.code = code;
			this.err = err;
		}
	}

	/** Runs in-process with System.out and System.err captured too: stderr is everything the user would see there. */
	private static synchronized Result run( final String... argv )
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final PrintStream o = new PrintStream( out, true, StandardCharsets.UTF_8 ), e = new PrintStream( err, true, StandardCharsets.UTF_8 );
		final PrintStream so = System.out, se = System.err;
		System.setOut( o );
		System.setErr( e );
		final int code;
		try
		{
			code = Main.run( argv, o, e );
		}
		finally
		{
			System.setOut( so );
			System.setErr( se );
		}
		return new Result( code, new String( err.toByteArray(), StandardCharsets.UTF_8 ) );
	}

	private static long bytes( final Path dir ) throws IOException
	{
		try (Stream< Path > s = Files.walk( dir ))
		{
			return s.filter( p -> Files.isRegularFile( p, LinkOption.NOFOLLOW_LINKS ) ).mapToLong( p -> p.toFile().length() ).sum();
		}
	}

	/** Bytes of the files listed in a snapshot (the inputs made before the run). */
	private static long sizes( final Path dir, final Map< String, String > snapshot ) throws IOException
	{
		long n = 0;
		for ( final Map.Entry< String, String > e : snapshot.entrySet() )
			if ( e.getValue().startsWith( "file " ) )
				n += Files.size( dir.resolve( e.getKey() ) );
		return n;
	}
}
