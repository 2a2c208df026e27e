package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.physics.GapEquation;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Equilibrium Δ(t) from the self-consistency equation (S Eq. 8, ω_D = 10, λ calibrated so Δ(0) = 1), with depairing. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Equilibrium Gap...", visible = false )
public class GapCommand extends ContextCommand
{
	@Parameter( label = "t_from", description = "k_B T/Δ0" )
	private double t_from = 0;

	@Parameter( label = "t_to" )
	private double t_to = 0.6;

	@Parameter( label = "t_step" )
	private double t_step = 0.01;

	@Parameter( label = "zeta", description = "depairing ζ/Δ0" )
	private double zeta = 0;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 1e-3;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable table;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final double[] t = Curves.grid( "temperatures", t_from, t_to, t_step );
		final GapEquation gap = new GapEquation( gamma );
		final double[] d = gap.curve( t, zeta );
		plot = Curves.plot( "Δ(t), ζ=" + zeta, "k_B T/Δ0", "Δ/Δ0", t, new String[] { "Δ" }, d );
		table = Curves.table( "t", t, new String[] { "delta" }, d );
		report = "Equilibrium Gap: λ = " + gap.lambda() + " (1/arcsinh(ω_D) = " + GapEquation.matsubaraLambda( gap.omegaD() ) + "), t_c = " + gap.criticalTemperature( zeta );
	}
}
