package org.nisnonlocal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.nisnonlocal.BadInputException;

/**
 * Writes a file completely or not at all: to a temporary file beside the target, then renamed over it. A crash or an
 * error half-way leaves the old file (or none), never a truncated one.
 */
public final class AtomicFiles
{
	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private AtomicFiles() {}

	/** Writes the bytes a {@code writer} produces. */
	@FunctionalInterface
	public interface StreamWriter
	{
		void write( OutputStream out ) throws IOException;
	}

	/** Produces a file at the given (temporary) path. */
	@FunctionalInterface
	public interface PathWriter
	{
		void write( Path tmp ) throws IOException;
	}

	public static void write( final Path target, final StreamWriter writer ) throws IOException
	{
		writeVia( target, tmp -> {
			try (OutputStream out = Files.newOutputStream( tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE ))
			{
				writer.write( out );
			}
		} );
	}

	/** For writers that insist on opening the file themselves (ImageJ's FileSaver, ImageIO). */
	public static void writeVia( final Path target, final PathWriter writer ) throws IOException
	{
		final Path abs = target.toAbsolutePath();
		final Path dir = abs.getParent();
		if ( dir != null )
			Files.createDirectories( dir );
		final String name = abs.getFileName().toString();
		final int dot = name.lastIndexOf( '.' );
		final String ext = dot > 0 ? name.substring( dot ) : "";
		// Not Files.createTempFile: that makes the file owner-only (0600); this one gets the user's usual permissions.
		final Path tmp = abs.resolveSibling( "." + ( dot > 0 ? name.substring( 0, dot ) : name ) + "-"
				+ Long.toHexString( RANDOM.nextLong() & Long.MAX_VALUE ) + ext + ".part" );
		boolean done = false;
		try
		{
			writer.write( tmp );
			try
			{
				Files.move( tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE );
			}
			catch ( final AtomicMoveNotSupportedException e )
			{
				Files.move( tmp, abs, StandardCopyOption.REPLACE_EXISTING );
			}
			done = true;
		}
		finally
		{
			if ( !done )
				Files.deleteIfExists( tmp );
		}
	}

	/** Refuses to overwrite an input with an output: the user's data are never replaced. */
	public static void checkNotSame( final Path input, final Path output )
	{
		try
		{
			if ( Files.exists( output ) && Files.isSameFile( input, output ) )
				throw new BadInputException( output + ": output would overwrite the input file; choose another name" );
		}
		catch ( final IOException e )
		{
			// cannot tell: the rename above still never truncates the input while writing
		}
	}
}
