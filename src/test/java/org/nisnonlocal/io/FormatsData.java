package org.nisnonlocal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The public measurement files in {@code ../shared/data/formats} (see its README; never copied into the repository).
 * A test that needs one is skipped, with a notice on stderr, when that folder is absent.
 */
public final class FormatsData
{
	private FormatsData() {}

	public static Path dir()
	{
		return Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "../shared/data/formats" ).toAbsolutePath().normalize();
	}

	/** The file under the formats folder, or a skipped test (with a visible notice) when it is absent. */
	public static Path file( final String relative )
	{
		final Path p = dir().resolve( relative );
		if ( !Files.isRegularFile( p ) )
			System.err.println( "SKIPPED: shared format test data absent: " + p );
		Assumptions.assumeTrue( Files.isRegularFile( p ), "shared format test data absent: " + p );
		return p;
	}

	/** SHA-256 of a file, to show it is unchanged. */
	public static String sha256( final Path f )
	{
		try
		{
			final byte[] d = MessageDigest.getInstance( "SHA-256" ).digest( Files.readAllBytes( f ) );
			final StringBuilder b = new StringBuilder();
			for ( final byte x : d )
				b.append( String.format( "%02x", x ) );
			return b.toString();
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( e );
		}
		catch ( final NoSuchAlgorithmException e )
		{
			throw new IllegalStateException( e );
		}
	}

	/** The names in a folder. */
	public static Set< String > listing( final Path dir )
	{
		try (Stream< Path > s = Files.list( dir ))
		{
			final Set< String > out = new TreeSet<>();
			s.forEach( p -> out.add( p.getFileName().toString() ) );
			return out;
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( e );
		}
	}
}
