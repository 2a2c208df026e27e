package org.nisnonlocal.ij1;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real ImageJ 1.54p under Xvfb, for the integration tests: assembles an ImageJ folder from the built jars
 * ({@code ij.jar}, {@code plugins/NIS_Nonlocal-*.jar}, {@code jars/*.jar}), starts a private X server, and runs macros
 * in batch mode with a watchdog. A macro error opens a modal dialog and would hang the JVM forever: on time-out the
 * screen is saved as PNG (so the dialog can be read) and ImageJ is killed.
 */
final class RealImageJ implements AutoCloseable
{
	final Path project = Paths.get( System.getProperty( "nis.project.dir", "." ) ).toAbsolutePath();
	final Path target = project.resolve( "target" );
	final Path app = target.resolve( "ij-app" );
	private final int display;
	private final Process xvfb;

	RealImageJ() throws IOException, InterruptedException
	{
		assemble();
		int n = 91;
		while ( new File( "/tmp/.X11-unix/X" + n ).exists() || new File( "/tmp/.X" + n + "-lock" ).exists() )
			n++;
		display = n;
		xvfb = new ProcessBuilder( "Xvfb", ":" + n, "-screen", "0", "1400x1000x24", "-nolisten", "tcp" )
				.redirectErrorStream( true ).redirectOutput( target.resolve( "xvfb.log" ).toFile() ).start();
		for ( int k = 0; k < 100 && !new File( "/tmp/.X11-unix/X" + n ).exists(); k++ )
			Thread.sleep( 50 );
		if ( !new File( "/tmp/.X11-unix/X" + n ).exists() )
			fail( "Xvfb :" + n + " did not start (is the xvfb package installed? .ci/test installs it)" );
	}

	private void assemble() throws IOException
	{
		Files.createDirectories( app.resolve( "plugins" ) );
		Files.createDirectories( app.resolve( "jars" ) );
		Files.copy( target.resolve( "imagej/ij.jar" ), app.resolve( "ij.jar" ), StandardCopyOption.REPLACE_EXISTING );
		try (Stream< Path > s = Files.list( target ))
		{
			for ( final Path p : ( Iterable< Path > ) s::iterator )
			{
				final String name = p.getFileName().toString();
				if ( name.startsWith( "NIS_Nonlocal-" ) && name.endsWith( ".jar" ) )
					Files.copy( p, app.resolve( "plugins" ).resolve( name ), StandardCopyOption.REPLACE_EXISTING );
			}
		}
		try (Stream< Path > s = Files.list( target.resolve( "jars" ) ))
		{
			for ( final Path p : ( Iterable< Path > ) s::iterator )
				Files.copy( p, app.resolve( "jars" ).resolve( p.getFileName() ), StandardCopyOption.REPLACE_EXISTING );
		}
	}

	/** Runs a macro file with {@code getArgument() = argument}; returns what ImageJ printed. Fails on time-out. */
	String runMacro( final Path macro, final String argument, final int timeoutSeconds ) throws IOException, InterruptedException
	{
		final String name = macro.getFileName().toString().replace( ".ijm", "" );
		final Path log = target.resolve( "ij-" + name + ".log" );
		final List< String > cmd = Arrays.asList( Paths.get( System.getProperty( "java.home" ), "bin", "java" ).toString(),
				"-Xmx2g", "-jar", app.resolve( "ij.jar" ).toString(), "-ijpath", app.toString(), "-batch", macro.toString(), argument );
		final ProcessBuilder pb = new ProcessBuilder( cmd ).redirectErrorStream( true ).redirectOutput( log.toFile() );
		pb.environment().put( "DISPLAY", ":" + display );
		final Process ij = pb.start();
		if ( !ij.waitFor( timeoutSeconds, TimeUnit.SECONDS ) )
		{
			final Path shot = target.resolve( "ij-hang-" + name + ".png" );
			new ProcessBuilder( "import", "-display", ":" + display, "-window", "root", shot.toString() ).start().waitFor( 20, TimeUnit.SECONDS );
			ij.destroyForcibly().waitFor( 10, TimeUnit.SECONDS );
			fail( "ImageJ hung on " + macro.getFileName() + " for " + timeoutSeconds + " s (a modal error dialog?); screen saved to " + shot
					+ "; output: " + new String( Files.readAllBytes( log ), StandardCharsets.UTF_8 ) );
		}
		return new String( Files.readAllBytes( log ), StandardCharsets.UTF_8 );
	}

	int display() { return display; }

	@Override
	public void close()
	{
		xvfb.destroy();
	}
}
