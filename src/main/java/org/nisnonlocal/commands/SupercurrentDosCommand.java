package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.physics.SupercurrentModel;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** N(ε) under supercurrent (depairing ζ = (∂xφ)²/2 from S Eq. 6) as a map over (ε, I_s/I0), as in the paper's Fig. 8. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>DOS under Supercurrent...", visible = false )
public class SupercurrentDosCommand extends ContextCommand
{
	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 1.53e-3;

	@Parameter( label = "t_bath", description = "k_B T/Δ0 (enters the current-phase relation)" )
	private double t_bath = 0.0078;

	@Parameter( label = "eps_max", description = "ε/Δ0 range ±" )
	private double eps_max = 3;

	@Parameter( label = "eps_step" )
	private double eps_step = 0.005;

	@Parameter( label = "is_max", description = "I_s/I0 range ± (below the critical current)" )
	private double is_max = 0.9;

	@Parameter( label = "is_step" )
	private double is_step = 0.05;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus dos;

	@Override
	public void run()
	{
		final double[] eps = Curves.grid( "energies", -eps_max, eps_max, eps_step );
		final double[] is = Curves.grid( "supercurrents", -is_max, is_max, is_step );
		// κ, distance, length and t_inj do not enter the DOS
		final SupercurrentModel m = new SupercurrentModel( gamma, 1, 1, 3, 0.01, t_bath, false );
		dos = ImagePlusBridge.toImagePlus( m.dosMap( eps, is ), "DOS_under_supercurrent" );
	}
}
