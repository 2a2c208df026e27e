package org.nisnonlocal.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;

/** Reading a file parameter: a missing choice or an I/O failure becomes one message naming the parameter or file. */
final class InputFiles
{
	/** A reader that may fail with an I/O error. */
	@FunctionalInterface
	interface Reader< T >
	{
		T read( Path file ) throws IOException;
	}

	private InputFiles() {}

	static < T > T read( final File file, final String parameter, final Reader< T > reader )
	{
		if ( file == null )
			throw new BadInputException( "no file given for '" + parameter + "'" );
		try
		{
			return reader.read( file.toPath() );
		}
		catch ( final IOException e )
		{
			throw new BadInputException( file + ": " + e.getMessage(), e );
		}
	}
}
