package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.maps.NormalizeRequest;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** g / (G_inj·G_det) or g / (G_inj·G_det·R_ξ), and bias in eV/Δ0. Zero means "from the map's metadata". */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Normalize...", visible = false )
public class NormalizeCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "conductance", choices = { "junctions", "rxi", "none" }, description = "divide by Ginj*Gdet (Ohm) or Ginj*Gdet*Rxi (1)" )
	private String conductance = "junctions";

	@Parameter( label = "g_inj", description = "S (0 = from metadata)" )
	private double g_inj = 0;

	@Parameter( label = "g_det", description = "S (0 = from metadata)" )
	private double g_det = 0;

	@Parameter( label = "r_xi", description = "Ohm (0 = from metadata)" )
	private double r_xi = 0;

	@Parameter( label = "bias_in_gap_units", description = "express voltage axes in eV/Δ0" )
	private boolean bias_in_gap_units = true;

	@Parameter( label = "delta0_ev", description = "eV (0 = from metadata)" )
	private double delta0_ev = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus normalized;

	@Override
	public void run()
	{
		final NormalizeRequest r = new NormalizeRequest();
		r.conductance = NormalizeRequest.Conductance.parse( conductance );
		r.gInjS = g_inj;
		r.gDetS = g_det;
		r.rXiOhm = r_xi;
		r.biasInDelta0 = bias_in_gap_units;
		r.delta0eV = delta0_ev;
		normalized = Images.image( r.apply( Images.map( map, "map" ) ), map, "normalized" );
	}
}
