package org.nisnonlocal.cli;

import java.nio.file.Path;

/** Names of extra output files written beside the main one. */
final class Outputs
{
	private Outputs() {}

	/** {@code dir/name.ext} → {@code dir/name<suffix>.ext} (".matrix.csv" kept whole). */
	static Path sibling( final Path file, final String suffix )
	{
		final String name = file.getFileName().toString();
		final int dot = name.toLowerCase( java.util.Locale.ROOT ).endsWith( ".matrix.csv" ) ? name.length() - ".matrix.csv".length() : name.lastIndexOf( '.' );
		final String base = dot > 0 ? name.substring( 0, dot ) : name, ext = dot > 0 ? name.substring( dot ) : "";
		return file.resolveSibling( base + suffix + ext );
	}
}
