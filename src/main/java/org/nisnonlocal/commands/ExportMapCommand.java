package org.nisnonlocal.commands;

import java.io.File;
import java.io.IOException;

import ij.ImagePlus;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapCsvWriter;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A map image as CSV: long ({@code Vinj,Vdet,g}) or matrix layout, with a {@code .meta} sidecar of units and metadata. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Export Map as CSV...", visible = false )
public class ExportMapCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "csv", style = "save" )
	private File csv;

	@Parameter( label = "csv_layout", choices = { "long", "matrix" } )
	private String csv_layout = "long";

	@Override
	public void run()
	{
		if ( csv == null )
			throw new BadInputException( "no output file given" );
		try
		{
			if ( csv_layout.equals( "matrix" ) )
				MapCsvWriter.writeMatrix( Images.map( map, "map" ), csv.toPath() );
			else
				MapCsvWriter.writeLong( Images.map( map, "map" ), csv.toPath() );
		}
		catch ( final IOException e )
		{
			throw new BadInputException( csv + ": could not write (" + e.getMessage() + ")", e );
		}
	}
}
