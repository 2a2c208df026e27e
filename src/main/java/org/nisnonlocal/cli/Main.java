package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.FileProblems;
import org.nisnonlocal.io.OutputSet;

/**
 * The headless runner: {@code java -jar nis-nonlocal.jar <command> --key value …}. Needs no display and no ImageJ
 * install. Exit codes: 0 done, 1 internal error, 2 bad input or usage (one line on stderr naming the problem). A run
 * writes all its files or none ({@link OutputSet}).
 */
public final class Main
{
	private Main() {}

	/** Every runner verb, in the order {@code --help} lists them. */
	static List< Subcommand > subcommands()
	{
		return Arrays.asList( SubcommandRegistry.all() );
	}

	public static void main( final String[] argv )
	{
		Locale.setDefault( Locale.ROOT );
		final int code = run( argv, System.out, System.err );
		System.exit( code );
	}

	/** Runs one command; returns the exit code (the tests call this directly). */
	public static int run( final String[] argv, final PrintStream out, final PrintStream err )
	{
		if ( argv.length == 0 || argv[ 0 ].equals( "--help" ) || argv[ 0 ].equals( "-h" ) || argv[ 0 ].equals( "help" ) )
		{
			printHelp( out );
			return argv.length == 0 ? 2 : 0;
		}
		final Subcommand cmd = subcommands().stream().filter( c -> c.name().equals( argv[ 0 ] ) ).findFirst().orElse( null );
		if ( cmd == null )
		{
			err.println( "nis-nonlocal: unknown command '" + argv[ 0 ] + "' (try --help)" );
			return 2;
		}
		final List< String > rest = Arrays.asList( argv ).subList( 1, argv.length );
		if ( rest.contains( "--help" ) || rest.contains( "-h" ) )
		{
			out.println( "usage: nis-nonlocal " + cmd.name() + " " + cmd.usage() );
			out.println( cmd.summary() );
			return 0;
		}
		// Every file the verb writes goes through one output set: renamed into place only if the whole run succeeds,
		// its temporaries deleted (before the message below is printed) if it fails.
		try (OutputSet outputs = OutputSet.open())
		{
			cmd.run( new Args( rest, outputs ) );
			outputs.commit();
			return 0;
		}
		catch ( final BadInputException e )
		{
			err.println( "nis-nonlocal " + cmd.name() + ": " + e.getMessage() );
			return 2;
		}
		catch ( final java.nio.file.NoSuchFileException e )
		{
			err.println( "nis-nonlocal " + cmd.name() + ": " + e.getFile() + ": no such file" );
			return 2;
		}
		catch ( final java.io.IOException e )
		{
			err.println( "nis-nonlocal " + cmd.name() + ": " + FileProblems.describe( e ) );
			return 2;
		}
		catch ( final Exception | Error e )
		{
			err.println( "nis-nonlocal " + cmd.name() + ": internal error: " + e );
			e.printStackTrace( err );
			return 1;
		}
	}

	private static void printHelp( final PrintStream out )
	{
		out.println( "usage: java -jar nis-nonlocal.jar <command> --key value …   (<command> --help for its options)" );
		out.println();
		for ( final Subcommand c : subcommands() )
			out.printf( "  %-18s %s%n", c.name(), c.summary() );
	}
}
