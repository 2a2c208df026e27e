package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.SyntheticMap;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A "measured" g_sa map made from the energy-mode model with recorded parameters, for trying Fit Model to Map on
 * known truth: g = g_sa^model(V_inj − offset, V_det) + B·(eV_inj/5)·(eV_det/2) + σ·N(0, 1) (seeded), in units of
 * G_inj·G_det·R_ξ over eV/Δ0, or in mV and nS when Δ0, G_inj, G_det and R_ξ are given (they go into the metadata).
 * Every parameter is written into the image's Info (metadata "source" and "history").
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Synthesize Measured Map...", visible = false )
public class SynthesizeMapCommand extends ContextCommand
{
	@Parameter( required = false )
	private StatusService status;

	@Parameter( label = "gamma_ee", description = "ħ/(Δ0 τ_ee) of the model" )
	private double gamma_ee = 2e-4;

	@Parameter( label = "noise_sigma", description = "Gaussian noise σ in units of G_inj G_det R_ξ" )
	private double noise_sigma = 50;

	@Parameter( label = "offset_vinj", description = "injector bias offset, eV/Δ0 (the map reads this much too high)" )
	private double offset_vinj = 0.01;

	@Parameter( label = "background", description = "B of B·(eV_inj/5)(eV_det/2), units of G_inj G_det R_ξ" )
	private double background = 10;

	@Parameter( label = "seed" )
	private int seed = 7;

	@Parameter( label = "delta0_scale", description = "s = Δ0/Δ0_nominal: the map's biases read in a nominal Δ0 (1 = exact)" )
	private double delta0_scale = 1;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 0.005;

	@Parameter( label = "de", description = "energy step δε/Δ0" )
	private double de = 0.025;

	@Parameter( label = "kappa", description = "half-wire κ_I" )
	private double kappa = 1.054e-4;

	@Parameter( label = "length", description = "full wire length / ξ" )
	private double length = 169.2;

	@Parameter( label = "t_inj", description = "k_B T/Δ0" )
	private double t_inj = 0.0198;

	@Parameter( label = "t_det" )
	private double t_det = 0.0120;

	@Parameter( label = "t_bath" )
	private double t_bath = 0.0078;

	@Parameter( label = "vinj_max", description = "eV_inj/Δ0 range ±" )
	private double vinj_max = 5;

	@Parameter( label = "vinj_step" )
	private double vinj_step = 0.1;

	@Parameter( label = "vdet_max", description = "eV_det/Δ0 range ±" )
	private double vdet_max = 2;

	@Parameter( label = "vdet_step" )
	private double vdet_step = 0.1;

	@Parameter( label = "delta0_ev", description = "eV; with the three below: map in mV and nS (0 = model units)" )
	private double delta0_ev = 0;

	@Parameter( label = "g_inj", description = "S (0 = model units)" )
	private double g_inj = 0;

	@Parameter( label = "g_det", description = "S (0 = model units)" )
	private double g_det = 0;

	@Parameter( label = "r_xi", description = "Ohm (0 = model units)" )
	private double r_xi = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus synthetic;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final double[] u = Curves.grid( "V_inj", -vinj_max, vinj_max, vinj_step );
		final double[] w = Curves.grid( "V_det", -vdet_max, vdet_max, vdet_step );
		final boolean physical = delta0_ev > 0 || g_inj > 0 || g_det > 0 || r_xi > 0;
		if ( physical && !( delta0_ev > 0 && g_inj > 0 && g_det > 0 && r_xi > 0 ) )
			throw new BadInputException( "a map in mV and nS needs all four of delta0_ev, g_inj, g_det and r_xi (> 0); got " + delta0_ev + ", " + g_inj + ", " + g_det + ", " + r_xi
					+ " (all 0 = model units)" );
		final EnergyModeRun setup = new EnergyModeRun();
		setup.gammaEe = gamma_ee;
		setup.gamma = gamma;
		setup.de = de;
		setup.kappa = kappa;
		setup.length = length;
		setup.tInj = t_inj;
		setup.tDet = t_det;
		setup.tBath = t_bath;
		final String source = "synthetic: energy-mode gamma_ee=" + Numbers.format( gamma_ee ) + " gamma=" + Numbers.format( gamma ) + " de=" + Numbers.format( de ) + " kappa="
				+ Numbers.format( kappa ) + " length=" + Numbers.format( length ) + " t_inj=" + Numbers.format( t_inj ) + " t_det=" + Numbers.format( t_det ) + " t_bath="
				+ Numbers.format( t_bath ) + " offset_vinj=" + Numbers.format( offset_vinj ) + " background=" + Numbers.format( background ) + " delta0_scale="
				+ Numbers.format( delta0_scale ) + " sigma=" + Numbers.format( noise_sigma ) + " seed=" + seed
				+ "; model g = g_sa((V_inj - offset)/s, V_det/s) + background*(eV_inj/5)*(eV_det/2) + sigma*N(0,1) in units of G_inj*G_det*R_xi";
		final ConductanceMap model;
		try
		{
			model = SyntheticMap.create( setup, vinj_step, new Axis( "Vinj", Units.EV_PER_DELTA0, u[ 0 ], vinj_step, u.length ),
					new Axis( "Vdet", Units.EV_PER_DELTA0, w[ 0 ], vdet_step, w.length ), offset_vinj, background, noise_sigma, seed, delta0_scale, new SelfConsistentGap.Progress()
					{
						@Override
						public synchronized void done( final int k, final int n )
						{
							if ( status != null )
								status.showStatus( k, n, "Synthesize Measured Map: bias point " + k + " of " + n + " (Esc cancels)" );
						}

						@Override
						public boolean cancelled() { return isCanceled(); }
					} ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source ) );
		}
		catch ( final BadInputException e )
		{
			if ( status != null )
				status.clearStatus();
			if ( isCanceled() )
				return; // stopped by the user: no outputs, no error
			throw e;
		}
		if ( status != null )
			status.clearStatus();
		// physical units need all four numbers: ModelUnits names the missing one
		final ConductanceMap map = physical ? ModelUnits.physical( model, delta0_ev, g_inj, g_det, r_xi ) : model;
		synthetic = ImagePlusBridge.toImagePlus( map, "synthetic_g_sa" );
		report = "Synthesize Measured Map: " + u.length + " × " + w.length + " map, " + source + ( physical ? "; in mV and nS with delta0_eV=" + Numbers.format( delta0_ev )
				+ " g_inj_S=" + Numbers.format( g_inj ) + " g_det_S=" + Numbers.format( g_det ) + " r_xi_Ohm=" + Numbers.format( r_xi ) : "" );
	}
}
