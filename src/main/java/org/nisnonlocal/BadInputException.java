package org.nisnonlocal;

/**
 * Input the plugin cannot use: a malformed file, NaN in an axis, mismatched maps, a parameter out of range, a solver
 * that did not converge. The message is one line meant for the user, naming the file (and line) or parameter and the
 * problem; adapters show it as it is, never a stack trace.
 */
public class BadInputException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	public BadInputException( final String message )
	{
		super( message );
	}

	public BadInputException( final String message, final Throwable cause )
	{
		super( message, cause );
	}

	/** "file:line: problem" (line omitted when ≤ 0). */
	public static BadInputException at( final String file, final int line, final String problem )
	{
		return new BadInputException( file + ( line > 0 ? ":" + line : "" ) + ": " + problem );
	}
}
