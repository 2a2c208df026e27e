package org.nisnonlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

/**
 * The real and format test data that live outside the repository (their licences are the sources' own): the tests
 * that need them find them here and are skipped, with a visible notice, on a clone without them. The folder is the
 * system property {@code nis.shared.data}, else the environment variable {@code NIS_SHARED_DATA}, else
 * {@code ../shared/data} beside the project folder ({@code nis.project.dir}, set by the pom).
 */
public final class SharedData
{
	public static final String PROPERTY = "nis.shared.data", ENVIRONMENT = "NIS_SHARED_DATA";

	private static final Set< Path > NOTICED = Collections.synchronizedSet( new HashSet<>() );

	private SharedData() {}

	/** The shared data folder (it need not exist). */
	public static Path root()
	{
		final String property = System.getProperty( PROPERTY ), env = System.getenv( ENVIRONMENT );
		if ( property != null && !property.trim().isEmpty() )
			return Paths.get( property.trim() ).toAbsolutePath().normalize();
		if ( env != null && !env.trim().isEmpty() )
			return Paths.get( env.trim() ).toAbsolutePath().normalize();
		return Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "../shared/data" ).toAbsolutePath().normalize();
	}

	/** A file under {@code real/} (measured data nobody here wrote); skips the calling test when it is absent. */
	public static Path real( final String relative )
	{
		return require( root().resolve( "real" ).resolve( relative ) );
	}

	/** A file under {@code formats/} (instrument file formats); skips the calling test when it is absent. */
	public static Path formats( final String relative )
	{
		return require( root().resolve( "formats" ).resolve( relative ) );
	}

	/**
	 * {@code file} when it exists; otherwise the calling test (or class, from {@code @BeforeAll}) is reported as skipped,
	 * and one line on stderr names the path looked for and how to point the tests at the data.
	 */
	private static Path require( final Path file )
	{
		final boolean present = Files.exists( file );
		final String notice = "shared test data not found: " + file + " (set -D" + PROPERTY + "=DIR or " + ENVIRONMENT
				+ "=DIR to the folder holding real/ and formats/); test skipped";
		if ( !present && NOTICED.add( file ) )
			System.err.println( "SKIPPED: " + notice );
		Assumptions.assumeTrue( present, notice );
		return file;
	}
}
