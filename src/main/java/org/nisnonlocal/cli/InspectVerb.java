package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.FileContents;
import org.nisnonlocal.io.MeasurementFiles;

/** {@code inspect --in FILE}: what a measurement file holds, as one table (runs, parameters, roles, shapes, units). */
final class InspectVerb implements Subcommand
{
	@Override
	public String name() { return "inspect"; }

	@Override
	public String summary() { return "list what a measurement file holds (QCoDeS runs, HDF5 datasets, GNUPlot arrays, Nanonis channels): one table"; }

	@Override
	public String usage() { return "--in FILE"; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		a.rejectUnknown();
		final FileContents c = MeasurementFiles.contents( in );
		System.out.println( "# " + in + ": " + c.format() );
		for ( final String note : c.notes() )
			System.out.println( "# " + note );
		for ( final String line : c.table() )
			System.out.println( line );
	}
}
