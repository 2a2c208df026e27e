package org.nisnonlocal.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the headless runner in-process and keeps what it printed: the tests' view of the command line. */
final class Runner
{
	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	/** The exit code of {@code nis-nonlocal argv…}; stdout and stderr of this run only. */
	int run( final String... argv )
	{
		out.reset();
		err.reset();
		return Main.run( argv, new PrintStream( out, true ), new PrintStream( err, true ) );
	}

	String out() { return new String( out.toByteArray(), StandardCharsets.UTF_8 ); }

	String err() { return new String( err.toByteArray(), StandardCharsets.UTF_8 ); }

	static String[] concat( final String[] a, final String... b )
	{
		final String[] c = java.util.Arrays.copyOf( a, a.length + b.length );
		System.arraycopy( b, 0, c, a.length, b.length );
		return c;
	}
}
