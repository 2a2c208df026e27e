package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SpectralGrid;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** N(ε) and the retarded G, F of the Usadel equation with Dynes Γ and depairing ζ (energies in Δ0). */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Density of States...", visible = false )
public class DensityOfStatesCommand extends ContextCommand
{
	@Parameter( label = "delta", description = "Δ/Δ0" )
	private double delta = 1;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 1e-3;

	@Parameter( label = "zeta", description = "depairing ζ/Δ0 = (∂xφ)²/2" )
	private double zeta = 0;

	@Parameter( label = "from", description = "ε/Δ0" )
	private double from = -3;

	@Parameter( label = "to", description = "ε/Δ0" )
	private double to = 3;

	@Parameter( label = "step", description = "ε/Δ0" )
	private double step = 1e-3;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable table;

	@Override
	public void run()
	{
		if ( !( delta > 0 ) )
			throw new org.nisnonlocal.BadInputException( "delta must be > 0, got " + delta + " (Δ in units of Δ0; at Δ = 0 there is no gap: N = 1)" );
		final double[] eps = Curves.grid( "energies", from, to, step );
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		final double[][] c = g.dosColumns();
		final String title = "DOS Δ=" + delta + " Γ=" + gamma + " ζ=" + zeta;
		plot = Curves.plot( title, "ε/Δ0", "", eps, new String[] { "N = Re G", "Re F", "Im F" }, c[ 0 ], c[ 3 ], c[ 4 ] );
		table = Curves.table( "eps", eps, SpectralGrid.DOS_COLUMNS, c );
	}
}
