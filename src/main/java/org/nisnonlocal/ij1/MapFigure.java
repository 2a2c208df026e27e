package org.nisnonlocal.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.process.ColorProcessor;

import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.render.HeatmapPng;

/**
 * A map as a figure: the runner's heatmap (bias axes with ticks, the colour bar beside the map with the value unit,
 * missing points grey and named in the legend) as an RGB image. ImageJ's own calibration bar is drawn in image pixels
 * over the data, which on a 61 × 41 map covers most of it; this one sits beside the map, whatever its size.
 */
public final class MapFigure
{
	/** Appended to the map's title, as ImageJ names a flattened image with its calibration bar. */
	public static final String SUFFIX = " with bar";

	private MapFigure() {}

	public static ImagePlus of( final ConductanceMap map, final DisplayRange range, final String title )
	{
		return new ImagePlus( title + SUFFIX, new ColorProcessor( HeatmapPng.render( map, range, map.quantity() + ": " + title ) ) );
	}

	/**
	 * Shows the figure of the map in {@code imp} (in batch mode among the macro's images) (replacing the figure of an earlier call, so trying percentiles does
	 * not pile up windows) and leaves {@code imp} the current image, as macros expect after a display command.
	 */
	public static ImagePlus show( final ImagePlus imp, final ConductanceMap map, final DisplayRange range )
	{
		final ImagePlus figure = of( map, range, imp.getTitle() );
		if ( GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode() )
			return figure; // no screen and no batch-mode image list to put it in (a headless SciJava run)
		final ImagePlus earlier = WindowManager.getImage( figure.getTitle() );
		final ImagePlus shown;
		if ( earlier != null && earlier.getBitDepth() == 24 )
		{
			earlier.setProcessor( figure.getProcessor() );
			earlier.updateAndDraw();
			shown = earlier;
		}
		else
		{
			figure.show();
			shown = figure;
		}
		IJ.selectWindow( imp.getID() );
		return shown;
	}
}
