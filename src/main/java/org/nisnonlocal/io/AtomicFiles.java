package org.nisnonlocal.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.nisnonlocal.BadInputException;

/**
 * Writes a file completely or not at all: to a temporary file beside the target, then renamed over it. A crash or an
 * error half-way leaves the old file (or none), never a truncated one. When an {@link OutputSet} is open (the runner
 * opens one per run) the rename waits for the whole run to succeed. Failures name the user's file, not the temporary.
 */
public final class AtomicFiles
{
	private AtomicFiles() {}

	/** Writes the bytes a {@code writer} produces. */
	@FunctionalInterface
	public interface StreamWriter
	{
		void write( OutputStream out ) throws IOException;
	}

	public static void write( final Path target, final StreamWriter writer ) throws IOException
	{
		final OutputSet set = OutputSet.current();
		final Path tmp;
		if ( set != null )
			tmp = set.stage( target );
		else
		{
			final Path dir = target.toAbsolutePath().getParent();
			try
			{
				if ( dir != null )
					Files.createDirectories( dir );
			}
			catch ( final IOException e )
			{
				throw FileProblems.writing( target, null, e );
			}
			tmp = OutputSet.temporaryFor( target.toAbsolutePath() );
		}
		boolean done = false;
		try
		{
			// Not Files.createTempFile: that makes the file owner-only (0600); this one gets the user's usual permissions.
			try (OutputStream out = counted( Files.newOutputStream( tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE ), set ))
			{
				writer.write( out );
			}
			if ( set == null )
				OutputSet.move( tmp, target.toAbsolutePath() );
			done = true;
		}
		catch ( final IOException e )
		{
			throw FileProblems.writing( target, tmp, e );
		}
		finally
		{
			if ( !done )
				Files.deleteIfExists( tmp );
		}
	}

	/** Writes an image as PNG (encoded in memory: no ImageIO cache file, and failures name {@code target}). */
	public static void writePng( final Path target, final BufferedImage img ) throws IOException
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream ios = new MemoryCacheImageOutputStream( bytes ))
		{
			if ( !ImageIO.write( img, "png", ios ) )
				throw new IOException( target + ": no PNG writer" );
		}
		write( target, out -> bytes.writeTo( out ) );
	}

	/** The stream counted against the set's simulated disk space ({@link OutputSet#simulateFullDisk}). */
	private static OutputStream counted( final OutputStream out, final OutputSet set )
	{
		if ( set == null )
			return out;
		return new FilterOutputStream( out )
		{
			@Override
			public void write( final int b ) throws IOException
			{
				set.spend( 1 );
				out.write( b );
			}

			@Override
			public void write( final byte[] b, final int off, final int len ) throws IOException
			{
				set.spend( len );
				out.write( b, off, len );
			}
		};
	}

	/** Refuses to overwrite an input with an output: the user's data are never replaced. */
	public static void checkNotSame( final Path input, final Path output )
	{
		if ( Files.exists( output ) && OutputSet.sameFile( input, output ) )
			throw new BadInputException( output + ": output would overwrite the input file; choose another name" );
	}
}
