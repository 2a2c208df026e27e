package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.nisnonlocal.BadInputException;

/**
 * Everything one run writes, written as one: each output is checked against each input and each other output (same
 * path, {@code ./sub/..}, symbolic link, hard link: real paths and file keys compared) before anything is written;
 * every file is written to a hidden temporary in its own destination folder, and {@link #commit()} renames them all
 * into place only when the whole run succeeded. {@link #close()} without a commit deletes the temporaries and the
 * folders made for them: a failed run leaves nothing behind and replaces nothing.
 * <p>
 * While a set is open, every {@link AtomicFiles} write on the same thread goes through it, so the map, table and
 * image writers need not know about it; declaring the outputs up front ({@link #output}) refuses a clash before any
 * work is done.
 */
public final class OutputSet implements AutoCloseable
{
	private static final ThreadLocal< OutputSet > OPEN = new ThreadLocal<>();

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A file named by the user, with what names it (an option such as {@code --in}, or null). */
	private static final class Named
	{
		final Path path;

		final String option;

		Named( final Path path, final String option )
		{
			this.path = path;
			this.option = option;
		}

		String label() { return option == null ? path.toString() : option + " " + path; }
	}

	/** An output being written: the user's name and the temporary that holds its bytes until the commit. */
	private static final class Staged
	{
		final Path target, temporary;

		boolean existed;

		Staged( final Path target, final Path temporary )
		{
			this.target = target;
			this.temporary = temporary;
		}
	}

	private final List< Named > inputs = new ArrayList<>(), outputs = new ArrayList<>();

	private final List< Staged > staged = new ArrayList<>();

	/** Folders created for outputs, outermost first; removed again (when empty) if the run fails. */
	private final List< Path > madeFolders = new ArrayList<>();

	/** Folders where a file could be made (see {@link #checkCanCreateIn}). */
	private final java.util.Set< Path > writableFolders = new java.util.HashSet<>();

	private boolean committed;

	/** Bytes the sets opened from now on may write before failing as on a full disk ({@link #simulateFullDisk}). */
	private static volatile long simulatedDiskBytes = Long.MAX_VALUE;

	private long bytesLeft = simulatedDiskBytes;

	private OutputSet() {}

	/** Opens a set on this thread; writes on this thread go through it until {@link #close()}. */
	public static OutputSet open()
	{
		if ( OPEN.get() != null )
			throw new IllegalStateException( "an output set is already open on this thread" );
		final OutputSet set = new OutputSet();
		OPEN.set( set );
		return set;
	}

	/** The set open on this thread, or null (then {@link AtomicFiles} writes each file on its own). */
	public static OutputSet current() { return OPEN.get(); }

	/** Ends a {@link #simulateFullDisk} simulation. */
	public interface Simulation extends AutoCloseable
	{
		@Override
		void close();
	}

	/**
	 * Test seam: each set opened until the returned simulation is closed fails its writes as a full disk would ("No
	 * space left on device") once {@code bytes} have been written. Lets the tests check that a run failing half-way
	 * leaves nothing, without a small file system.
	 */
	public static Simulation simulateFullDisk( final long bytes )
	{
		simulatedDiskBytes = bytes;
		return () -> simulatedDiskBytes = Long.MAX_VALUE;
	}

	/** Counts bytes against {@link #simulateFullDisk}. */
	void spend( final int bytes ) throws IOException
	{
		if ( bytesLeft == Long.MAX_VALUE )
			return;
		bytesLeft -= bytes;
		if ( bytesLeft < 0 )
			throw new IOException( "No space left on device" );
	}

	/** A file the run reads ({@code option} names it in messages): it must be a readable file, and no output may be it. */
	public Path input( final Path file, final String option )
	{
		FileProblems.checkReadable( file );
		final Named in = new Named( file, option );
		for ( final Named out : outputs )
			refuseSame( in, out );
		inputs.add( in );
		return file;
	}

	/**
	 * A file the run will write: refused now if it is an input, another output, a folder, or lies under a file. Files
	 * written without being declared are checked the same way when written.
	 */
	public Path output( final Path file, final String option )
	{
		final Named out = new Named( file, option );
		checkOutput( out );
		for ( final Named other : outputs )
			if ( sameFile( other.path, file ) )
				throw new BadInputException( file + ": " + ( other.option != null && option != null && !other.option.equals( option )
						? other.option + " and " + option + " name the same file" : "written twice" ) + "; choose different names" );
		outputs.add( out );
		return file;
	}

	/** A folder the run writes into (made if missing); refused if it is a file or lies under one. */
	public Path folder( final Path dir, final String option )
	{
		if ( Files.isRegularFile( dir ) )
			throw new BadInputException( dir + ": is a file; " + ( option == null ? "" : option + " " ) + "needs a folder" );
		final Path existing = existingAncestor( dir.toAbsolutePath() );
		if ( existing != null && !Files.isDirectory( existing ) )
			throw new BadInputException( dir + ": cannot make the folder: " + existing + " is a file, not a folder" );
		checkCanCreateIn( existing, dir );
		return dir;
	}

	/** Called by {@link AtomicFiles}: checks {@code target} and returns the temporary to write it to. */
	Path stage( final Path target ) throws IOException
	{
		if ( committed )
			throw new IllegalStateException( "output set already committed" );
		checkOutput( new Named( target, null ) );
		for ( final Staged s : staged )
			if ( sameFile( s.target, target ) )
				throw new BadInputException( target + ": written twice in one run; choose different names" );
		final Path abs = target.toAbsolutePath();
		makeFolders( abs.getParent(), target );
		final Staged s = new Staged( target, temporaryFor( abs ) );
		staged.add( s );
		return s.temporary;
	}

	/** Renames every staged file into place. On a failure the outputs not yet in place are deleted. */
	public void commit() throws IOException
	{
		committed = true;
		int k = 0;
		try
		{
			for ( ; k < staged.size(); k++ )
			{
				final Staged s = staged.get( k );
				s.existed = Files.exists( s.target, LinkOption.NOFOLLOW_LINKS );
				move( s.temporary, s.target.toAbsolutePath() );
			}
		}
		catch ( final IOException e )
		{
			// the new files already renamed are undone where nothing was replaced; an old file replaced stays replaced
			for ( int j = 0; j < k; j++ )
				if ( !staged.get( j ).existed )
					Files.deleteIfExists( staged.get( j ).target );
			committed = false;
			throw FileProblems.writing( staged.get( k ).target, staged.get( k ).temporary, e );
		}
	}

	/** Ends the set: without a {@link #commit()}, deletes every temporary and every folder made for them. */
	@Override
	public void close()
	{
		if ( OPEN.get() == this )
			OPEN.remove();
		if ( committed )
			return;
		for ( final Staged s : staged )
			try
			{
				Files.deleteIfExists( s.temporary );
			}
			catch ( final IOException e )
			{
				// best effort: the temporary is hidden and named as such
			}
		for ( int k = madeFolders.size() - 1; k >= 0; k-- )
			try
			{
				Files.deleteIfExists( madeFolders.get( k ) ); // only when empty: never what someone else put there
			}
			catch ( final IOException e )
			{
				// not empty or not ours any more: leave it
			}
		staged.clear();
		madeFolders.clear();
	}

	/** Moves a finished temporary over its target, atomically where the file system can. */
	static void move( final Path temporary, final Path target ) throws IOException
	{
		try
		{
			Files.move( temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE );
		}
		catch ( final AtomicMoveNotSupportedException e )
		{
			Files.move( temporary, target, StandardCopyOption.REPLACE_EXISTING );
		}
	}

	/** {@code dir/.name-<random>.ext.part}: hidden, in the target's own folder so the final rename is atomic. */
	static Path temporaryFor( final Path absoluteTarget )
	{
		final String name = absoluteTarget.getFileName().toString();
		final int dot = name.lastIndexOf( '.' );
		final String ext = dot > 0 ? name.substring( dot ) : "";
		return absoluteTarget.resolveSibling( "." + ( dot > 0 ? name.substring( 0, dot ) : name ) + "-" + Long.toHexString( RANDOM.nextLong() & Long.MAX_VALUE ) + ext + ".part" );
	}

	private void makeFolders( final Path dir, final Path target ) throws IOException
	{
		if ( dir == null || Files.isDirectory( dir ) )
			return;
		makeFolders( dir.getParent(), target );
		try
		{
			Files.createDirectory( dir );
			madeFolders.add( dir );
		}
		catch ( final IOException e )
		{
			throw FileProblems.writing( target, null, e );
		}
	}

	/** An output must be no input, no folder, not under a regular file, and its folder must take new files. */
	private void checkOutput( final Named out )
	{
		for ( final Named in : inputs )
			refuseSame( in, out );
		if ( Files.isDirectory( out.path ) )
			throw new BadInputException( out.path + ": is a folder; " + ( out.option == null ? "" : out.option + " " ) + "needs a file name" );
		final Path existing = existingAncestor( out.path.toAbsolutePath().getParent() );
		if ( existing != null && !Files.isDirectory( existing ) )
			throw new BadInputException( out.path + ": cannot write: " + existing + " is a file, not a folder" );
		checkCanCreateIn( existing, out.path );
	}

	/**
	 * Refuses {@code target} when no file can be made in {@code folder} (read-only, no permission, a read-only file
	 * system): tried with a hidden file deleted at once, once per folder, so that a long run does not fail only at the end.
	 */
	private void checkCanCreateIn( final Path folder, final Path target )
	{
		if ( folder == null || !Files.isDirectory( folder ) || writableFolders.contains( folder ) )
			return;
		final Path probe = temporaryFor( folder.resolve( "probe" ) );
		try
		{
			Files.delete( Files.createFile( probe ) );
			writableFolders.add( folder );
		}
		catch ( final IOException e )
		{
			throw new BadInputException( FileProblems.writing( target, probe, e ).getMessage() );
		}
	}

	/** {@code dir} or its nearest ancestor that exists (null if none does). */
	private static Path existingAncestor( final Path dir )
	{
		for ( Path p = dir; p != null; p = p.getParent() )
			if ( Files.exists( p ) )
				return p;
		return null;
	}

	private static void refuseSame( final Named in, final Named out )
	{
		if ( sameFile( in.path, out.path ) )
			throw new BadInputException( out.path + ": output would overwrite the input file" + ( in.path.toString().equals( out.path.toString() ) ? "" : " " + in.label() )
					+ "; choose another name" );
	}

	/**
	 * Whether two names reach one file: the same file key (hard links, symbolic links) when both exist, else the same
	 * real path (the existing folder resolved, then the name).
	 */
	static boolean sameFile( final Path a, final Path b )
	{
		try
		{
			if ( Files.exists( a ) && Files.exists( b ) )
			{
				final Object ka = Files.readAttributes( a, BasicFileAttributes.class ).fileKey(), kb = Files.readAttributes( b, BasicFileAttributes.class ).fileKey();
				if ( ka != null && kb != null )
					return ka.equals( kb );
				return Files.isSameFile( a, b );
			}
			return real( a ).equals( real( b ) );
		}
		catch ( final IOException e )
		{
			return real( a ).equals( real( b ) );
		}
	}

	/** The real path of the deepest existing ancestor, then the rest of the name. */
	private static Path real( final Path p )
	{
		final Path abs = p.toAbsolutePath().normalize();
		Path existing = abs;
		while ( existing != null && !Files.exists( existing ) )
			existing = existing.getParent();
		if ( existing == null )
			return abs;
		try
		{
			return existing.toRealPath().resolve( existing.relativize( abs ) ).normalize();
		}
		catch ( final IOException e )
		{
			return abs;
		}
	}
}
