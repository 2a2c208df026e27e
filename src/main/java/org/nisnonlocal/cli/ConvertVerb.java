package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.ImportedMap;
import org.nisnonlocal.io.MapFiles;

/** {@code convert --in MAP --out FILE.{csv,matrix.csv,tif,png}}: import a map and write it in another format. */
final class ConvertVerb implements Subcommand
{
	@Override
	public String name() { return "convert"; }

	@Override
	public String summary() { return "read a map (text, TIFF, QCoDeS .db, HDF5, GNUPlot .dat, Nanonis line .3ds) and write it as CSV (long or .matrix.csv), TIFF or PNG heatmap"; }

	@Override
	public String usage()
	{
		return "--in MAP --out FILE.{csv,matrix.csv,tif,png} [--x NAME --y NAME --value NAME] " + ImportArgs.USAGE
				+ "   (--x/--y/--value name the parameters of a measurement file, like --x-column…; defaults: the first 2D dependent and its two setpoints, outer as y)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		final Path out = a.outputMap( "out" );
		final ImportedMap imported = MapFiles.read( in, ImportArgs.withShortNames( ImportArgs.parse( a ), a ) );
		a.rejectUnknown();
		MapFiles.write( imported.map(), out );
		for ( final String line : imported.report() )
			System.err.println( "  " + line );
		System.out.println( "wrote " + out + " (" + imported.map() + ")" );
	}
}
