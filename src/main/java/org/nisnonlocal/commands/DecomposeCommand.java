package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.SymmetryDecomposition;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Even and odd parts of a map in V_inj (g_ss, g_sa; S Eqs. 18-19) or in V_det, on the overlap with its mirror. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Decompose by Symmetry...", visible = false )
public class DecomposeCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "axis", choices = { "vinj", "vdet" } )
	private String axis = "vinj";

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus even;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus odd;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( Images.map( map, "map" ), MapAxis.parse( axis ) );
		even = Images.image( r.even(), map, r.even().quantity() );
		odd = Images.image( r.odd(), map, r.odd().quantity() );
		report = "Decompose by Symmetry (" + map.getTitle() + "):\n  " + String.join( "\n  ", r.report() );
	}
}
