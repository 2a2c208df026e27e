package org.nisnonlocal.commands;

import java.io.File;

import ij.ImagePlus;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.ij1.ImagePlusBridge;
import org.nisnonlocal.io.ImportedMap;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A measured map from text (long or matrix CSV/TSV/whitespace, units in the header or given here) or from the
 * plugin's TIFF, as a calibrated 32-bit image. Empty column fields mean "choose by name"; the report says what was
 * detected, averaged, dropped or resampled. The file is only read.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Import Map...", visible = false )
public class ImportMapCommand extends ContextCommand
{
	@Parameter( label = "file" )
	private File file;

	@Parameter( label = "layout", choices = { "auto", "long", "matrix" } )
	private String layout = "auto";

	@Parameter( label = "x_column", required = false, description = "name or 1-based position; empty = V_inj/bias" )
	private String x_column = "";

	@Parameter( label = "y_column", required = false, description = "name or position; empty = V_det or the other axis" )
	private String y_column = "";

	@Parameter( label = "value_column", required = false, description = "name or position; empty = g or the last column" )
	private String value_column = "";

	@Parameter( label = "x_unit", required = false, description = "e.g. mV; empty = from the header" )
	private String x_unit = "";

	@Parameter( label = "y_unit", required = false )
	private String y_unit = "";

	@Parameter( label = "value_unit", required = false, description = "e.g. µS; empty = from the header" )
	private String value_unit = "";

	@Parameter( label = "retrace", choices = { "average", "reject", "first" } )
	private String retrace = "average";

	@Parameter( label = "resample", description = "put an irregular grid onto a uniform one" )
	private boolean resample = false;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus map;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		if ( file == null )
			throw new BadInputException( "no file given" );
		final MapImportOptions options = new MapImportOptions()
				.format( MapImportOptions.Format.parse( layout ) )
				.xColumn( x_column ).yColumn( y_column ).valueColumn( value_column )
				.xUnit( x_unit ).yUnit( y_unit ).valueUnit( value_unit )
				.retrace( MapImportOptions.Retrace.parse( retrace ) )
				.resample( resample );
		final ImportedMap imported = MapFiles.read( file.toPath(), options );
		map = ImagePlusBridge.toImagePlus( imported.map(), file.getName() );
		report = "Import Map (" + file + "):\n  " + String.join( "\n  ", imported.report() );
	}
}
