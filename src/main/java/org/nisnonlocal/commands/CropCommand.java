package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.MapCrop;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Crops by bias values in the axis units (not pixels); calibration stays correct. NaN = no limit on that side. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Crop to Bias Window...", visible = false )
public class CropCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "vinj_min" )
	private double vinj_min = Double.NaN;

	@Parameter( label = "vinj_max" )
	private double vinj_max = Double.NaN;

	@Parameter( label = "vdet_min" )
	private double vdet_min = Double.NaN;

	@Parameter( label = "vdet_max" )
	private double vdet_max = Double.NaN;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus cropped;

	@Override
	public void run()
	{
		cropped = Images.image( MapCrop.crop( Images.map( map, "map" ), or( vinj_min, Double.NEGATIVE_INFINITY ), or( vinj_max, Double.POSITIVE_INFINITY ),
				or( vdet_min, Double.NEGATIVE_INFINITY ), or( vdet_max, Double.POSITIVE_INFINITY ) ), map, "crop" );
	}

	private static double or( final double v, final double unbounded ) { return Double.isNaN( v ) ? unbounded : v; }
}
