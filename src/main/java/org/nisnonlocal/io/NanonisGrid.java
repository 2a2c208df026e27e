package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapChecks;
import org.nisnonlocal.maps.MapMetadata;

/**
 * A Nanonis grid spectroscopy file ({@code .3ds}): an ASCII header of {@code key=value} lines up to
 * {@code :HEADER_END:}, then for each pixel (grid line by grid line, line 0 at the smallest y) the per-pixel parameters
 * (fixed ones such as Sweep Start/End, then the experiment parameters such as X, Y, Z) and each channel's spectrum,
 * all big-endian float32. The header must account for every byte after it.
 * <p>
 * Held here with the sweep axis ascending (a sweep from +0.2 V to −0.1 V is reversed) and pixel positions from the
 * grid settings (centre, width, height, angle): pixel i of n sits at centre − width/2 + (i + ½)·width/n.
 */
public final class NanonisGrid
{
	private final String file;
	private final Map< String, String > header;
	private final int nx, ny, points;
	private final List< String > channels;
	private final List< String > params;
	/** data[c][(line·nx + i)·points + k], sweep ascending */
	private final float[][] data;
	/** params[p][line·nx + i] */
	private final float[][] paramValues;
	private final Axis sweep;
	private final Axis xAxis, yAxis;
	private final boolean reversed;
	private final double angle;

	private NanonisGrid( final String file, final Map< String, String > header, final int nx, final int ny, final int points, final List< String > channels, final List< String > params,
			final float[][] data, final float[][] paramValues, final Axis sweep, final boolean reversed, final Axis xAxis, final Axis yAxis, final double angle )
	{
		this.file = file;
		this.header = header;
		this.nx = nx;
		this.ny = ny;
		this.points = points;
		this.channels = channels;
		this.params = params;
		this.data = data;
		this.paramValues = paramValues;
		this.sweep = sweep;
		this.reversed = reversed;
		this.xAxis = xAxis;
		this.yAxis = yAxis;
		this.angle = angle;
	}

	public static NanonisGrid read( final Path path )
	{
		final String file = path.toString();
		try (FileChannel ch = FileChannel.open( path, StandardOpenOption.READ ))
		{
			final long size = ch.size();
			final ByteBuffer all = ByteBuffer.allocate( ( int ) Math.min( size, Integer.MAX_VALUE - 16 ) );
			while ( all.hasRemaining() && ch.read( all ) > 0 )
			{
				// read the whole file (a few MB)
			}
			all.flip();
			final byte[] bytes = all.array();
			final int end = indexOf( bytes, ":HEADER_END:".getBytes( StandardCharsets.ISO_8859_1 ), Math.min( bytes.length, 1 << 20 ) );
			if ( end < 0 )
				throw new BadInputException( file + ": not a Nanonis grid file (no :HEADER_END: line)" );
			int offset = end + ":HEADER_END:".length();
			while ( offset < all.limit() && ( bytes[ offset ] == '\r' || bytes[ offset ] == '\n' ) && offset < end + 14 )
				offset++;
			final Map< String, String > h = parseHeader( new String( bytes, 0, end, StandardCharsets.ISO_8859_1 ) );
			return parse( file, h, ByteBuffer.wrap( bytes, offset, all.limit() - offset ).slice().order( ByteOrder.BIG_ENDIAN ), all.limit() - offset );
		}
		catch ( final IOException e )
		{
			throw new BadInputException( file + ": cannot be read (" + e.getMessage() + ")" );
		}
	}

	private static int indexOf( final byte[] b, final byte[] pat, final int limit )
	{
		outer: for ( int i = 0; i + pat.length <= limit; i++ )
		{
			for ( int k = 0; k < pat.length; k++ )
				if ( b[ i + k ] != pat[ k ] )
					continue outer;
			return i;
		}
		return -1;
	}

	private static Map< String, String > parseHeader( final String text )
	{
		final Map< String, String > h = new LinkedHashMap<>();
		for ( final String line : text.split( "\r?\n" ) )
		{
			final int eq = line.indexOf( '=' );
			if ( eq > 0 )
				h.put( line.substring( 0, eq ).trim(), unquote( line.substring( eq + 1 ).trim() ) );
		}
		return h;
	}

	private static String unquote( final String s ) { return s.length() >= 2 && s.startsWith( "\"" ) && s.endsWith( "\"" ) ? s.substring( 1, s.length() - 1 ) : s; }

	private static List< String > list( final String s )
	{
		final List< String > out = new ArrayList<>();
		if ( s != null )
			for ( final String p : s.split( ";" ) )
				if ( !p.trim().isEmpty() )
					out.add( p.trim() );
		return out;
	}

	private static int integer( final String file, final Map< String, String > h, final String key )
	{
		final String v = h.get( key );
		if ( v == null )
			throw new BadInputException( file + ": Nanonis grid header has no '" + key + "'" );
		try
		{
			return Integer.parseInt( v.trim() );
		}
		catch ( final NumberFormatException e )
		{
			throw new BadInputException( file + ": Nanonis grid header '" + key + "' is not an integer: '" + v + "'" );
		}
	}

	private static NanonisGrid parse( final String file, final Map< String, String > h, final ByteBuffer b, final long bytes )
	{
		final String dim = h.get( "Grid dim" );
		if ( dim == null || !dim.matches( "\\s*\\d+\\s*x\\s*\\d+\\s*" ) )
			throw new BadInputException( file + ": Nanonis grid header has no 'Grid dim' like \"20 x 20\"" );
		final String[] d = dim.trim().split( "\\s*x\\s*" );
		final int nx = Integer.parseInt( d[ 0 ] ), ny = Integer.parseInt( d[ 1 ] );
		final int points = integer( file, h, "Points" );
		final int nParams = integer( file, h, "# Parameters (4 byte)" );
		final int expSize = integer( file, h, "Experiment size (bytes)" );
		final List< String > channels = list( h.get( "Channels" ) );
		final List< String > params = new ArrayList<>( list( h.get( "Fixed parameters" ) ) );
		params.addAll( list( h.get( "Experiment parameters" ) ) );
		if ( channels.isEmpty() )
			throw new BadInputException( file + ": Nanonis grid header lists no channels" );
		if ( expSize != channels.size() * points * 4 )
			throw new BadInputException( String.format( Locale.ROOT, "%s: header does not add up: %d channels × %d points × 4 bytes = %d, but 'Experiment size (bytes)' = %d", file, channels.size(), points,
					channels.size() * points * 4, expSize ) );
		final long perPixel = nParams * 4L + expSize;
		final long expected = perPixel * nx * ny;
		if ( bytes != expected )
			throw new BadInputException( String.format( Locale.ROOT, "%s: header does not match the file size: %d × %d pixels × %d bytes = %d bytes of data expected after the header, the file has %d (%s)", file, nx, ny,
					perPixel, expected, bytes, bytes < expected ? "truncated" : "extra bytes" ) );
		while ( params.size() < nParams )
			params.add( "parameter " + ( params.size() + 1 ) );
		final int pixels = nx * ny;
		final float[][] pv = new float[ nParams ][ pixels ];
		final float[][] data = new float[ channels.size() ][ pixels * points ];
		final int iStart = params.indexOf( "Sweep Start" ), iEnd = params.indexOf( "Sweep End" );
		double start = Double.NaN, stop = Double.NaN;
		for ( int p = 0; p < pixels; p++ )
		{
			final int base = ( int ) ( p * perPixel );
			for ( int k = 0; k < nParams; k++ )
				pv[ k ][ p ] = b.getFloat( base + 4 * k );
			if ( iStart >= 0 && iEnd >= 0 && Double.isNaN( start ) && Float.isFinite( pv[ iStart ][ p ] ) && pv[ iStart ][ p ] != pv[ iEnd ][ p ] )
			{
				start = pv[ iStart ][ p ];
				stop = pv[ iEnd ][ p ];
			}
		}
		if ( Double.isNaN( start ) )
		{
			start = number( h, "Bias Spectroscopy>Sweep Start (V)", 0 );
			stop = number( h, "Bias Spectroscopy>Sweep End (V)", points - 1 );
		}
		final boolean reversed = stop < start;
		for ( int p = 0; p < pixels; p++ )
		{
			final int base = ( int ) ( p * perPixel ) + 4 * nParams;
			for ( int c = 0; c < channels.size(); c++ )
				for ( int k = 0; k < points; k++ )
					data[ c ][ p * points + ( reversed ? points - 1 - k : k ) ] = b.getFloat( base + 4 * ( c * points + k ) );
		}
		final String sweepSignal = h.getOrDefault( "Sweep Signal", "Bias (V)" );
		final HeaderName sn = new HeaderName( sweepSignal );
		final Axis sweep = points > 1 ? Axis.between( sn.name, sn.unit == null ? "1" : sn.unit, Math.min( start, stop ), Math.max( start, stop ), points ) : new Axis( sn.name, sn.unit == null ? "1" : sn.unit, start, 1, 1 );
		final double[] g = numbers( h.get( "Grid settings" ) );
		final double cx = g.length > 0 ? g[ 0 ] : 0, cy = g.length > 1 ? g[ 1 ] : 0, w = g.length > 2 ? g[ 2 ] : nx, hh = g.length > 3 ? g[ 3 ] : ny, angle = g.length > 4 ? g[ 4 ] : 0;
		final double dx = w / nx, dy = hh / ny;
		final Axis xa = new Axis( "X", "m", cx - w / 2 + dx / 2, dx > 0 ? dx : 1, nx );
		final Axis ya = new Axis( "Y", "m", cy - hh / 2 + dy / 2, dy > 0 ? dy : 1, ny );
		return new NanonisGrid( file, h, nx, ny, points, channels, params, data, pv, sweep, reversed, xa, ya, angle );
	}

	private static double number( final Map< String, String > h, final String key, final double def )
	{
		try
		{
			return Double.parseDouble( h.get( key ).trim() );
		}
		catch ( final RuntimeException e )
		{
			return def;
		}
	}

	private static double[] numbers( final String s )
	{
		if ( s == null )
			return new double[ 0 ];
		final String[] p = s.split( ";" );
		final double[] v = new double[ p.length ];
		for ( int k = 0; k < p.length; k++ )
			try
			{
				v[ k ] = Double.parseDouble( p[ k ].trim() );
			}
			catch ( final NumberFormatException e )
			{
				return Arrays.copyOf( v, k );
			}
		return v;
	}

	public int width() { return nx; }

	public int height() { return ny; }

	public int points() { return points; }

	public List< String > channels() { return channels; }

	/** Per-pixel parameter names (fixed ones first). */
	public List< String > parameters() { return params; }

	/** The sweep axis, ascending. */
	public Axis sweep() { return sweep; }

	/** Pixel positions along x (m), from the grid settings. */
	public Axis xAxis() { return xAxis; }

	/** Pixel positions along y (m); grid line 0 is the smallest y. */
	public Axis yAxis() { return yAxis; }

	/** Grid rotation in degrees (the axes are along the rotated grid). */
	public double angle() { return angle; }

	/** True when the file swept downward (it was reversed to ascending). */
	public boolean sweepReversed() { return reversed; }

	public Map< String, String > header() { return header; }

	/** One channel's value at pixel (i, line) and sweep index k (ascending). */
	public float value( final int channel, final int i, final int line, final int k ) { return data[ channel ][ ( line * nx + i ) * points + k ]; }

	/** Per-pixel parameter p at pixel (i, line). */
	public float parameter( final int p, final int i, final int line ) { return paramValues[ p ][ line * nx + i ]; }

	/** A channel index from its name (with or without unit) or 1-based position; null or empty = the first channel. */
	public int channel( final String name )
	{
		if ( name == null || name.trim().isEmpty() )
			return 0;
		final String t = name.trim();
		if ( t.matches( "\\d+" ) )
		{
			final int k = Integer.parseInt( t ) - 1;
			if ( k >= 0 && k < channels.size() )
				return k;
		}
		for ( int c = 0; c < channels.size(); c++ )
			if ( new HeaderName( channels.get( c ) ).matches( t ) )
				return c;
		throw new BadInputException( file + ": no channel '" + t + "' (the channels are " + String.join( ", ", channels ) + ")" );
	}

	/** The unit of a channel ("A" for "Current (A)"), "1" when none. */
	public String channelUnit( final int c )
	{
		final String u = new HeaderName( channels.get( c ) ).unit;
		return u == null ? "1" : u;
	}

	public String channelName( final int c ) { return new HeaderName( channels.get( c ) ).name; }

	/** The header values worth keeping with an image (times, comment, bias, lock-in, temperature). */
	public MapMetadata metadata()
	{
		MapMetadata m = MapMetadata.empty().with( "file_format", "Nanonis grid spectroscopy (.3ds)" ).with( MapMetadata.SOURCE, file );
		for ( final String k : new String[] { "Experiment", "Start time", "End time", "Comment", "User", "Sweep Signal", "Grid settings", "Bias>Bias (V)", "Lock-in>Amplitude", "Lock-in>Modulated signal",
				"Lock-in>Frequency (Hz)", "Temperature 1>Temperature 1 (K)" } )
			if ( header.get( k ) != null && !header.get( k ).isEmpty() )
				m = m.with( "nanonis." + k, header.get( k ) );
		if ( header.get( "Lock-in>Amplitude" ) != null )
			m = m.with( "lockin_amplitude", header.get( "Lock-in>Amplitude" ) );
		return m;
	}

	FileContents contents()
	{
		final List< FileContents.Row > rows = new ArrayList<>();
		final String grid = nx + " × " + ny;
		rows.add( new FileContents.Row( "", "", sweep.name(), "sweep", "", String.valueOf( points ), sweep.unit(), header.get( "Sweep Signal" ) ) );
		for ( final String c : channels )
			rows.add( new FileContents.Row( "", "", c, "channel", "X,Y," + sweep.name(), grid + " × " + points, new HeaderName( c ).unit, "" ) );
		for ( final String p : params )
			rows.add( new FileContents.Row( "", "", p, "per-pixel parameter", "X,Y", grid, new HeaderName( p ).unit, "" ) );
		final List< String > notes = new ArrayList<>();
		notes.add( String.format( Locale.ROOT, "grid %d × %d pixels, %s %s … %s %s in %d points%s; pixel size %s × %s m, angle %s°", nx, ny, sweep.name(), Numbers.format( sweep.min() ), Numbers.format( sweep.max() ),
				sweep.unit(), points, reversed ? " (swept downward in the file)" : "", Numbers.format( xAxis.step() ), Numbers.format( yAxis.step() ), Numbers.format( angle ) ) );
		notes.add( nx > 1 && ny > 1 ? "a hyperstack (x, y, " + sweep.name() + ") per channel: Import Map in ImageJ; not a single map" : "a line of spectra: imports as a map of position × " + sweep.name() );
		return new FileContents( "Nanonis grid spectroscopy (.3ds)", rows, notes );
	}

	/**
	 * A line of spectra (a grid with one row or one column) as a map: x = position along the line (m), y = the sweep
	 * (ascending), values of the chosen channel ({@code value} option; default the first).
	 */
	public ImportedMap lineMap( final Path path, final MapImportOptions o )
	{
		if ( nx > 1 && ny > 1 )
			throw new BadInputException( file + ": a " + nx + " × " + ny + " grid of spectra is a hyperstack (x, y, " + sweep.name() + "), not one map: open it with Import Map in ImageJ (the runner's inspect lists its channels)" );
		final int c = channel( o.valueColumn() );
		final boolean alongX = nx > 1;
		final Axis pos = ( alongX ? xAxis : yAxis ).withName( "position" );
		final int n = alongX ? nx : ny;
		final ConductanceMap map = ConductanceMap.empty( pos, sweep, channelName( c ), channelUnit( c ), metadata().withHistory( "import format=nanonis-3ds channel=" + channels.get( c ) ) );
		for ( int i = 0; i < n; i++ )
			for ( int k = 0; k < points; k++ )
				map.set( i, k, alongX ? value( c, i, 0, k ) : value( c, 0, i, k ) );
		final List< String > report = new ArrayList<>();
		report.add( "read " + file + ": Nanonis grid, a line of " + n + " spectra × " + points + " points; channel " + channels.get( c ) );
		if ( reversed )
			report.add( sweep.name() + " swept downward in the file: reversed to ascending" );
		if ( angle != 0 )
			report.add( "grid rotated by " + Numbers.format( angle ) + "°: position is along the rotated grid line" );
		report.add( "map: " + map );
		return new ImportedMap( MapChecks.usable( map, file ), report ); // as every other import: a value, a known unit
	}
}
