package org.nisnonlocal.commands;

import ij.IJ;
import ij.ImagePlus;

import org.nisnonlocal.ij1.ImagePlusBridge;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.maps.SymmetricDisplay;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Sets the display of a map (not its data): signed maps get the zero-centred diverging LUT with a ±max (or
 * ±percentile) range, one-signed maps the sequential LUT; then adds a calibration bar as an overlay.
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

	@Parameter( label = "calibration_bar" )
	private boolean calibration_bar = true;

	@Override
	public void run()
	{
		final DisplayRange r = SymmetricDisplay.choose( Images.map( map, "map" ), SymmetricDisplay.Mode.parse( lut ), percentile );
		ImagePlusBridge.applyDisplay( map, r );
		if ( calibration_bar && map.getWindow() != null )
			IJ.run( map, "Calibration Bar...", "location=[Upper Right] fill=White label=Black number=5 decimal=3 font=12 zoom=1 overlay" );
	}
}
