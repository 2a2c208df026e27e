package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.nisnonlocal.maps.MapMetadata;

/** The {@code snapshot.json} legacy QCoDeS saves beside its data: scan time and the instrument settings that matter. */
final class Snapshots
{
	private Snapshots() {}

	static MapMetadata beside( final Path file, MapMetadata m, final List< String > report )
	{
		final Path p = file.toAbsolutePath().resolveSibling( "snapshot.json" );
		if ( !Files.isRegularFile( p ) )
			return m;
		final Object s;
		try
		{
			s = InstrumentSettings.parse( new String( Files.readAllBytes( p ), StandardCharsets.UTF_8 ) );
		}
		catch ( final IOException e )
		{
			report.add( "snapshot.json beside the file cannot be read: ignored (" + e.getMessage() + ")" );
			return m;
		}
		if ( s == null )
		{
			report.add( "snapshot.json beside the file is not JSON: ignored" );
			return m;
		}
		final Map< String, Object > root = Json.object( s );
		if ( root != null && root.get( "scantime" ) instanceof String )
			m = m.with( "scan_time", ( String ) root.get( "scantime" ) );
		report.add( "snapshot.json beside the file: scan time and instrument settings read" );
		return InstrumentSettings.from( s, m.with( "snapshot", p.toString() ) );
	}
}
