package org.nisnonlocal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Writes small test tables. */
final class TestFiles
{
	private TestFiles() {}

	static Path write( final Path dir, final String name, final String... lines )
	{
		return write( dir, name, Arrays.asList( lines ) );
	}

	static Path write( final Path dir, final String name, final List< String > lines )
	{
		try
		{
			return Files.write( dir.resolve( name ), ( String.join( "\n", lines ) + "\n" ).getBytes( StandardCharsets.UTF_8 ) );
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( e );
		}
	}
}
