package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * The {@code <file>.meta} text beside an exported CSV, so that axis names, units and metadata survive a round trip
 * while the CSV header stays plain. Lines {@code key=value}: {@code x.name, x.unit, x.origin, x.step, x.size}, the same
 * for {@code y}, {@code quantity}, {@code value.unit}, then {@link MapMetadata#toLines()}. Origin and step are written
 * at full precision so the importer can restore the exact axes.
 */
public final class MapSidecar
{
	private static final String[] AXIS_KEYS = { "name", "unit", "origin", "step", "size" };

	private final Axis x;
	private final Axis y;
	private final String xName, xUnit, yName, yUnit;
	private final String quantity;
	private final String valueUnit;
	private final MapMetadata metadata;

	private MapSidecar( final List< String > lines )
	{
		final List< String > rest = new ArrayList<>();
		final Map< String, String > own = new HashMap<>();
		for ( final String line : lines )
		{
			final int eq = line.indexOf( '=' );
			final String key = eq > 0 ? line.substring( 0, eq ).trim() : "";
			if ( isOwnKey( key ) )
				own.put( key, line.substring( eq + 1 ).trim() );
			else
				rest.add( line );
		}
		xName = own.get( "x.name" );
		xUnit = own.get( "x.unit" );
		yName = own.get( "y.name" );
		yUnit = own.get( "y.unit" );
		x = axis( own, "x" );
		y = axis( own, "y" );
		quantity = own.get( "quantity" );
		valueUnit = own.get( "value.unit" );
		metadata = MapMetadata.parse( rest );
	}

	private static boolean isOwnKey( final String key )
	{
		if ( key.equals( "quantity" ) || key.equals( "value.unit" ) )
			return true;
		for ( final String k : AXIS_KEYS )
			if ( key.equals( "x." + k ) || key.equals( "y." + k ) )
				return true;
		return false;
	}

	/** The exact axis, when name, origin, step and size are all present and valid. */
	private static Axis axis( final Map< String, String > own, final String a )
	{
		try
		{
			final String name = own.get( a + ".name" );
			final int size = Integer.parseInt( own.get( a + ".size" ) );
			if ( name == null )
				return null;
			return new Axis( name, own.get( a + ".unit" ), Double.parseDouble( own.get( a + ".origin" ) ), Double.parseDouble( own.get( a + ".step" ) ), size );
		}
		catch ( final RuntimeException e )
		{
			return null; // absent or hand-edited: names and units still apply
		}
	}

	/** {@code data.csv} → {@code data.csv.meta}. */
	public static Path pathFor( final Path csv )
	{
		return csv.resolveSibling( csv.getFileName().toString() + ".meta" );
	}

	/** The lines describing {@code map}: the same description a TIFF carries in its Info ({@link MapInfo}). */
	public static List< String > lines( final ConductanceMap map )
	{
		return MapInfo.lines( map );
	}

	/** Writes the sidecar of {@code csv} (atomically). */
	public static void write( final ConductanceMap map, final Path csv ) throws IOException
	{
		final byte[] bytes = ( String.join( "\n", lines( map ) ) + "\n" ).getBytes( StandardCharsets.UTF_8 );
		AtomicFiles.write( pathFor( csv ), out -> out.write( bytes ) );
	}

	/** The sidecar of {@code csv}, or null when there is none. */
	public static MapSidecar readFor( final Path csv )
	{
		final Path meta = pathFor( csv );
		if ( !Files.isRegularFile( meta ) )
			return null;
		try
		{
			return new MapSidecar( Files.readAllLines( meta, StandardCharsets.UTF_8 ) );
		}
		catch ( final IOException e )
		{
			throw BadInputException.at( meta.toString(), 0, "cannot read the sidecar: " + e.getMessage() );
		}
	}

	public String xName() { return xName; }

	public String xUnit() { return xUnit; }

	public String yName() { return yName; }

	public String yUnit() { return yUnit; }

	/** The exact x axis written, or null when the sidecar lacks its origin, step or size. */
	public Axis xAxis() { return x; }

	public Axis yAxis() { return y; }

	public String quantity() { return quantity; }

	public String valueUnit() { return valueUnit; }

	public MapMetadata metadata() { return metadata; }
}
