package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;

/**
 * One-line messages for file-system failures that name the user's file and say what is wrong: Java's own messages
 * give a bare path ({@code FileAlreadyExistsException}), no path at all ("No space left on device") or the name of
 * a hidden temporary.
 */
public final class FileProblems
{
	private FileProblems() {}

	/** Checks that {@code file} can be read as an input file; the message says when it is a folder or missing. */
	public static void checkReadable( final Path file )
	{
		if ( Files.isDirectory( file ) )
			throw new BadInputException( file + ": is a folder, not a file" );
		if ( !Files.exists( file ) )
			throw new BadInputException( file + ": no such file" );
		if ( !Files.isRegularFile( file ) )
			throw new BadInputException( file + ": not a regular file" );
		if ( !Files.isReadable( file ) )
			throw new BadInputException( file + ": cannot read it (permission denied)" );
	}

	/**
	 * The failure to write {@code target} (the user's name, although the bytes went to {@code temporary}) as one line,
	 * e.g. {@code out/g.csv: cannot write: No space left on device}.
	 */
	public static IOException writing( final Path target, final Path temporary, final IOException e )
	{
		final Path folder = target.toAbsolutePath().getParent();
		if ( e instanceof AccessDeniedException && folder != null && Files.isDirectory( folder ) && !Files.isWritable( folder ) )
			return new IOException( target + ": cannot write: permission denied (the folder " + folder + " is read-only)", e );
		return new IOException( target + ": cannot write: " + reason( e, temporary ), e );
	}

	/** An I/O failure as one line naming the file, for failures not caught closer to their cause. */
	public static String describe( final IOException e )
	{
		if ( e instanceof FileSystemException )
		{
			final String file = ( ( FileSystemException ) e ).getFile();
			if ( file != null )
				return file + ": " + reason( e, null );
		}
		final String m = e.getMessage();
		return m == null || m.trim().isEmpty() ? e.getClass().getSimpleName() : m;
	}

	/** What went wrong, without the path (which the caller names). */
	private static String reason( final IOException e, final Path temporary )
	{
		if ( e instanceof FileSystemException )
		{
			final FileSystemException f = ( FileSystemException ) e;
			final String r = f.getReason();
			if ( r != null && !r.trim().isEmpty() )
				return lower( r );
			if ( e instanceof AccessDeniedException )
				return "permission denied";
			if ( e instanceof NoSuchFileException )
				return "no such file or folder";
			if ( e instanceof NotDirectoryException )
				return "not a folder";
			if ( e instanceof FileAlreadyExistsException )
				return "already exists";
			if ( e instanceof DirectoryNotEmptyException )
				return "folder not empty";
			return e.getClass().getSimpleName();
		}
		String m = e.getMessage();
		if ( m == null || m.trim().isEmpty() )
			return e.getClass().getSimpleName();
		if ( temporary != null ) // never show the hidden temporary's name
			m = m.replace( temporary.toAbsolutePath().toString() + ": ", "" ).replace( temporary.toAbsolutePath().toString(), "" ).trim();
		return lower( m );
	}

	/** "Read-only file system" → "read-only file system", as the rest of the line. */
	private static String lower( final String s )
	{
		return s.length() > 1 && Character.isUpperCase( s.charAt( 0 ) ) && Character.isLowerCase( s.charAt( 1 ) ) ? Character.toLowerCase( s.charAt( 0 ) ) + s.substring( 1 ) : s;
	}
}
