package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.ImportedMap;
import org.nisnonlocal.io.MapFiles;

/** {@code convert --in MAP --out FILE.{csv,matrix.csv,tif,png}}: import a map and write it in another format. */
final class ConvertCommand implements Subcommand
{
	@Override
	public String name() { return "convert"; }

	@Override
	public String summary() { return "read a map (text or TIFF) and write it as CSV (long or .matrix.csv), TIFF or PNG heatmap"; }

	@Override
	public String usage() { return "--in MAP --out FILE.{csv,matrix.csv,tif,png} " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		final Path out = a.outputMap( "out" );
		final ImportedMap imported = MapFiles.read( in, ImportArgs.parse( a ) );
		a.rejectUnknown();
		MapFiles.write( imported.map(), out );
		for ( final String line : imported.report() )
			System.err.println( "  " + line );
		System.out.println( "wrote " + out + " (" + imported.map() + ")" );
	}
}
