package org.nisnonlocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a folder holds, to show that a run left it as it was (no file changed, none added, no temporary or -wal/-shm
 * left): every entry under it, relative path → "folder", "link → target" or "file" and the SHA-256 of its bytes.
 */
public final class FolderSnapshot
{
	private FolderSnapshot() {}

	public static Map< String, String > of( final Path dir )
	{
		final Map< String, String > m = new TreeMap<>();
		try (Stream< Path > s = Files.walk( dir ))
		{
			for ( final Path p : ( Iterable< Path > ) s::iterator )
			{
				final String key = dir.relativize( p ).toString();
				if ( Files.isSymbolicLink( p ) )
					m.put( key, "link → " + Files.readSymbolicLink( p ) );
				else if ( Files.isDirectory( p, LinkOption.NOFOLLOW_LINKS ) )
					m.put( key, "folder" );
				else
					m.put( key, "file " + sha256( Files.readAllBytes( p ) ) );
			}
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( e );
		}
		return m;
	}

	private static String sha256( final byte[] b )
	{
		try
		{
			final StringBuilder sb = new StringBuilder();
			for ( final byte x : MessageDigest.getInstance( "SHA-256" ).digest( b ) )
				sb.append( String.format( "%02x", x ) );
			return sb.toString();
		}
		catch ( final NoSuchAlgorithmException e )
		{
			throw new IllegalStateException( e );
		}
	}
}
