package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.OffsetCorrection;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Shifts a bias axis by a known offset, or by one estimated from the map's symmetry (even-dominated, e.g. charge
 * imbalance or a local spectrum; odd-dominated, e.g. the energy-mode signal). Relabels the axis, no resampling; the
 * offset is recorded in the metadata.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Correct Bias Offset...", visible = false )
public class CorrectOffsetCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "axis", choices = { "vinj", "vdet" } )
	private String axis = "vinj";

	@Parameter( label = "method", choices = { "estimate-even", "estimate-odd", "given" } )
	private String method = "estimate-even";

	@Parameter( label = "shift", description = "offset in the axis unit (method = given)" )
	private double shift = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus corrected;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final OffsetCorrection c = OffsetCorrection.apply( Images.map( map, "map" ), MapAxis.parse( axis ), method, shift );
		corrected = Images.image( c.map(), map, "offset" );
		report = "Correct Bias Offset (" + map.getTitle() + "): " + c.report();
	}
}
