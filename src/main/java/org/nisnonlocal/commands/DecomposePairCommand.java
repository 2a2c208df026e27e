package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.SupercurrentDecomposition;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Maps at +I_s and −I_s → g_s, g_a (S Eqs. 16-17), then g_ss, g_sa of g_s (S Eqs. 18-19). The pair is checked:
 * same grid and units, opposite supercurrents in the metadata, or the user confirms.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Decompose Supercurrent Pair...", visible = false )
public class DecomposePairCommand extends ContextCommand
{
	@Parameter( label = "plus_map" )
	private ImagePlus plus_map;

	@Parameter( label = "minus_map" )
	private ImagePlus minus_map;

	@Parameter( label = "axis", choices = { "vinj", "vdet" } )
	private String axis = "vinj";

	@Parameter( label = "confirm_pair", description = "the maps were measured at +I_s and -I_s" )
	private boolean confirm_pair = false;

	@Parameter( label = "resample", description = "interpolate the minus map onto the plus grid if they differ" )
	private boolean resample = false;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus g_s;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus g_a;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus g_ss;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus g_sa;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( Images.map( plus_map, "plus_map" ),
				Images.map( minus_map, "minus_map" ), MapAxis.parse( axis ), confirm_pair, resample );
		g_s = Images.image( r.gs(), plus_map, "g_s" );
		g_a = Images.image( r.ga(), plus_map, "g_a" );
		g_ss = Images.image( r.gss(), plus_map, "g_ss" );
		g_sa = Images.image( r.gsa(), plus_map, "g_sa" );
		report = "Decompose Supercurrent Pair (" + plus_map.getTitle() + ", " + minus_map.getTitle() + "):\n  " + String.join( "\n  ", r.report() );
	}
}
