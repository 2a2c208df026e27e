package org.nisnonlocal.cli;

/** One verb of the headless runner, e.g. {@code decompose}. Thin: parse options, call plain-Java code, write files. */
public interface Subcommand
{
	String name();

	/** One line for {@code --help}. */
	String summary();

	/** The option list shown by {@code <name> --help}. */
	String usage();

	/** Runs; a {@link org.nisnonlocal.BadInputException} becomes a one-line message and exit code 2. */
	void run( Args args ) throws Exception;
}
