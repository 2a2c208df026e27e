package org.nisnonlocal.commands;

import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.DeviceNumbers;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** ξ, R_ξ, I0, L_T, κ_I, t, τ_ee of a device from its wire data (defaults: the paper's Table 1). SI units. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Device Numbers...", visible = false )
public class DeviceNumbersCommand extends ContextCommand
{
	@Parameter( label = "resistance", description = "Ohm, normal-state wire resistance" )
	private double resistance = 1450;

	@Parameter( label = "length", description = "m, wire length" )
	private double length = 11e-6;

	@Parameter( label = "diffusion", description = "m²/s" )
	private double diffusion = 16.9e-4;

	@Parameter( label = "delta0", description = "eV" )
	private double delta0 = 265e-6;

	@Parameter( label = "temperature", description = "K" )
	private double temperature = 0.024;

	@Parameter( label = "gamma_ee", description = "ħ/(Δ0 τ_ee)" )
	private double gamma_ee = 2e-4;

	@Parameter( label = "ginj", description = "S, injector junction" )
	private double ginj = 24.6e-6;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable numbers;

	@Override
	public void run()
	{
		if ( delta0 > 0.1 )
			throw new BadInputException( "delta0 is in eV (e.g. 265e-6), got " + delta0 );
		final DeviceNumbers d = new DeviceNumbers( resistance, length, diffusion, delta0, temperature );
		numbers = new ResultsTable();
		row( "xi", d.xi(), "m" );
		row( "R_xi", d.rXi(), "Ohm" );
		row( "I0", d.i0(), "A" );
		row( "L_T", d.thoulessLength(), "m" );
		row( "kappa", d.kappa( ginj ), "1" );
		row( "t", d.t(), "1" );
		row( "tau_ee", d.tauEe( gamma_ee ), "s" );
		row( "length_in_xi", d.inXi( length ), "1" );
		Tables.fullPrecision( numbers );
	}

	private void row( final String name, final double value, final String unit )
	{
		numbers.incrementCounter();
		numbers.addValue( "name", name );
		numbers.addValue( "value", value );
		numbers.addValue( "unit", unit );
	}
}
