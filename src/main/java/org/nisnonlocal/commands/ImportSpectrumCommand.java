package org.nisnonlocal.commands;

import java.io.File;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.nisnonlocal.io.SpectrumFiles;
import org.nisnonlocal.maps.Spectrum;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A local spectrum (Nanonis .dat, a 1D run of a QCoDeS database, or text) as a Plot and a table, forward and (when present) backward sweep. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Import Spectrum...", visible = false )
public class ImportSpectrumCommand extends ContextCommand
{
	@Parameter( label = "file" )
	private File file;

	@Parameter( label = "column", required = false, description = "signal column; empty = lock-in X" )
	private String column = "";

	@Parameter( label = "run", required = false, description = "QCoDeS database: run id; empty = the first 1D run" )
	private String run = "";

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable table;

	@Override
	public void run()
	{
		final Spectrum fwd = InputFiles.read( file, "file", f -> SpectrumFiles.read( f, column, "forward", run ) );
		final Spectrum bwd = InputFiles.read( file, "file", f -> SpectrumFiles.hasBackward( f ) ? SpectrumFiles.read( f, column, "backward" ) : null );
		final Plot p = new Plot( file.getName(), fwd.biasName() + " (" + fwd.biasUnit() + ")", fwd.quantity() + " (" + fwd.valueUnit() + ")" );
		p.setColor( "blue" );
		p.addPoints( fwd.bias(), fwd.values(), Plot.LINE );
		String legend = "forward";
		if ( bwd != null )
		{
			p.setColor( "red" );
			p.addPoints( bwd.bias(), bwd.values(), Plot.LINE );
			legend += "\tbackward";
		}
		p.setLegend( legend, Plot.AUTO_POSITION );
		p.setLimitsToFit( false ); // all curves, not just the first
		plot = p.getImagePlus();
		table = new ResultsTable();
		for ( int i = 0; i < fwd.size(); i++ )
		{
			table.incrementCounter();
			table.addValue( "bias_" + fwd.biasUnit(), fwd.bias( i ) );
			table.addValue( "forward", fwd.value( i ) );
			if ( bwd != null && i < bwd.size() )
				table.addValue( "backward", bwd.value( i ) );
		}
		Tables.fullPrecision( table );
	}
}
