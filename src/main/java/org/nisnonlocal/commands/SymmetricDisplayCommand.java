package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.ij1.MapFigure;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.maps.SymmetricDisplay;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Sets the display of a map (not its data): maps with signal of both signs get the zero-centred diverging LUT with a
 * ±max (or ±percentile) range, others the sequential LUT; missing points are grey. With {@code calibration_bar} it
 * also shows "&lt;title&gt; with bar", the map with bias axes and its colour bar beside it (never over the data); the
 * map stays the current image.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Symmetric Display...", visible = false )
public class SymmetricDisplayCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "lut", choices = { "auto", "diverging", "sequential" } )
	private String lut = "auto";

	@Parameter( label = "percentile", description = "range covers this percentile of |g| (100 = all)" )
	private double percentile = 100;

	@Parameter( label = "calibration_bar", description = "also show the map with axes and its colour bar beside it (\"<title> with bar\")" )
	private boolean calibration_bar = true;

	@Override
	public void run()
	{
		final ConductanceMap m = Images.map( map, "map" );
		final DisplayRange r = SymmetricDisplay.choose( m, SymmetricDisplay.Mode.parse( lut ), percentile );
		ImagePlusBridge.applyDisplay( map, r );
		if ( calibration_bar )
			MapFigure.show( map, m, r );
	}
}
