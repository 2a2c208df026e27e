package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.BackgroundRemoval;
import org.nisnonlocal.maps.MapAxis;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Subtracts a plane, a per-row/column mean or median, or a per-line polynomial; the background is its own image. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Remove Background...", visible = false )
public class BackgroundCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "mode", choices = { "plane", "row-mean", "row-median", "column-mean", "column-median", "poly" } )
	private String mode = "plane";

	@Parameter( label = "degree", description = "polynomial degree (mode poly)" )
	private int degree = 2;

	@Parameter( label = "along", choices = { "vinj", "vdet" }, description = "axis of the polynomial (mode poly)" )
	private String along = "vinj";

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus corrected;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus background;

	@Override
	public void run()
	{
		final BackgroundRemoval.Result r = BackgroundRemoval.remove( Images.map( map, "map" ), BackgroundRemoval.Mode.parse( mode ), MapAxis.parse( along ), degree );
		corrected = Images.image( r.corrected(), map, "corrected" );
		background = Images.image( r.background(), map, "background" );
	}
}
