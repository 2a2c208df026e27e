package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.MapDerivative;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** d/dV_inj or d/dV_det in calibrated units (e.g. I_det in A → g in S); central differences or Savitzky–Golay. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Derivative...", visible = false )
public class DerivativeCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "axis", choices = { "vinj", "vdet" } )
	private String axis = "vinj";

	@Parameter( label = "window", description = "points (odd, >= 3) for Savitzky-Golay; 0 = central differences" )
	private int window = 0;

	@Parameter( label = "order", description = "polynomial order of the Savitzky-Golay fit" )
	private int order = 2;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus derivative;

	@Override
	public void run()
	{
		final ConductanceMap m = Images.map( map, "map" );
		final MapAxis a = MapAxis.parse( axis );
		final ConductanceMap d = window == 0 ? MapDerivative.central( m, a ) : MapDerivative.savitzkyGolay( m, a, window, order );
		derivative = Images.image( d, map, "d" + axis );
	}
}
