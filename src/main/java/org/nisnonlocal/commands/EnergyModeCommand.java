package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.LocalGapResult;
import org.nisnonlocal.physics.LocalGapRun;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Energy-mode kinetics with e-e scattering and a self-consistent gap (S Eq. 22, Figs. 11-12): Δ(V_inj), f_L(ε, 0),
 * and the g_sa map over (V_inj, V_det) in units of G_inj G_det R_ξ. Defaults are the paper's; γ_ee = 0 is the
 * elastic case. With gap profile "local" (issue 17, docs/local-gap.md) Δ(x) is self-consistent at every x node: the
 * table and plot then give Δ at the injector and at the detector, and Δ(x, V_inj) comes as a calibrated image.
 * Reports progress (bias point k of n) and can be cancelled.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Energy Mode (g_sa)...", visible = false )
public class EnergyModeCommand extends ContextCommand
{
	@Parameter( required = false )
	private StatusService status;

	@Parameter( label = "gamma_ee", description = "ħ/(Δ0 τ_ee); 0 = elastic" )
	private double gamma_ee = 2e-4;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 0.005;

	/**
	 * 1/160 by default: converged to ~3e-5 in Δ (the paper's 1/40 = 0.025, still a choice, is up to 5e-4 off above 3Δ0
	 * with visible kinks; docs/physics.md §11.5), at about 1.7× the paper grid's time.
	 */
	@Parameter( label = "de", description = "energy step δε/Δ0 (default 1/160, converged; the paper's grid is 0.025)" )
	private double de = 0.00625;

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

	@Parameter( label = "gap profile", choices = { "uniform", "local" }, description = "uniform: one Δ (the paper's); local: Δ(x) at every x node" )
	private String gap_profile = "uniform";

	@Parameter( label = "x_det", description = "detector position / ξ (enters with the local profile)" )
	private double x_det = 4.62;

	@Parameter( label = "vinj_to", description = "eV_inj/Δ0 from 0" )
	private double vinj_to = 5;

	@Parameter( label = "vinj_step" )
	private double vinj_step = 0.1;

	@Parameter( label = "vdet_max", description = "eV_det/Δ0 range ±" )
	private double vdet_max = 2;

	@Parameter( label = "vdet_step" )
	private double vdet_step = 0.05;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus delta_plot;

	/** Δ(x, V_inj) with the local profile (null with the uniform one); before g_sa so g_sa stays the last image shown. */
	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus delta_x;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus g_sa;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable delta_table;

	@Override
	public void run()
	{
		final boolean local;
		if ( "local".equals( gap_profile ) )
			local = true;
		else if ( "uniform".equals( gap_profile ) )
			local = false;
		else
			throw new BadInputException( "gap profile must be uniform or local, got '" + gap_profile + "'" );
		final double[] v = Curves.grid( "V_inj", 0, vinj_to, vinj_step );
		final double[] u = Curves.grid( "V_det", -vdet_max, vdet_max, vdet_step );
		try
		{
			if ( local )
				runLocal( v, u );
			else
				runUniform( v, u );
		}
		catch ( final BadInputException e )
		{
			if ( isCanceled() )
				return; // stopped by the user: no outputs, no error
			throw e;
		}
		finally
		{
			if ( status != null )
				status.clearStatus();
		}
	}

	private void runUniform( final double[] v, final double[] u )
	{
		final EnergyModeRun setup = new EnergyModeRun();
		setup.gammaEe = gamma_ee;
		setup.gamma = gamma;
		setup.de = de;
		setup.kappa = kappa;
		setup.length = length;
		setup.tInj = t_inj;
		setup.tDet = t_det;
		setup.tBath = t_bath;
		final EnergyModeResult r = setup.runWithMargin( v, progress() );
		final double[] newton = new double[ r.size() ], sc = new double[ r.size() ];
		for ( int b = 0; b < r.size(); b++ )
		{
			newton[ b ] = r.newtonIterations( b );
			sc[ b ] = r.scIterations( b );
		}
		delta_plot = Curves.plot( "Δ(V_inj), γ_ee = " + gamma_ee, "eV_inj/Δ0", "Δ/Δ0", v, new String[] { "Δ" }, r.delta() );
		// delta_detector = delta: the runner's column contract, the same for both profiles
		delta_table = Curves.table( "eV_inj", v, new String[] { "delta", "newton_iterations", "sc_iterations", "delta_detector" }, r.delta(), newton, sc, r.delta() );
		final ConductanceMap map = setup.detector().gsaMap( r, u, vinj_step, kappa );
		g_sa = ImagePlusBridge.toImagePlus( map.withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, "model: energy mode gamma_ee=" + gamma_ee + " gamma=" + gamma ) ),
				"g_sa_energy_mode" );
	}

	private void runLocal( final double[] v, final double[] u )
	{
		if ( !( x_det >= 0 ) || !( x_det < length / 2 ) )
			throw new BadInputException( "x_det must be in [0, length/2), got " + x_det );
		final LocalGapRun setup = new LocalGapRun();
		setup.gammaEe = gamma_ee;
		setup.gamma = gamma;
		setup.de = de;
		setup.kappa = kappa;
		setup.length = length;
		setup.tInj = t_inj;
		setup.tDet = t_det;
		setup.tBath = t_bath;
		setup.xDetector = x_det;
		final LocalGapResult r = setup.runWithMargin( v, progress() );
		final double[] newton = new double[ r.size() ], sc = new double[ r.size() ];
		for ( int b = 0; b < r.size(); b++ )
		{
			newton[ b ] = r.newtonIterations( b );
			sc[ b ] = r.scIterations( b );
		}
		final double[] inj = r.deltaInjector(), det = r.deltaDetector();
		delta_plot = Curves.plot( "Δ at injector and detector, local gap, γ_ee = " + gamma_ee, "eV_inj/Δ0", "Δ/Δ0", v, new String[] { "Δ(x = 0)", "Δ(x_det = " + x_det + " ξ)" }, inj,
				det );
		delta_table = Curves.table( "eV_inj", v, new String[] { "delta", "newton_iterations", "sc_iterations", "delta_detector" }, inj, newton, sc, det );
		final String source = "model: energy mode, local gap, gamma_ee=" + gamma_ee + " gamma=" + gamma + " x_det=" + x_det;
		delta_x = ImagePlusBridge.toImagePlus( r.profileMap( vinj_step ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source + "; Delta in Delta0, x in xi from the injector" ) ),
				"delta_x_energy_mode" );
		g_sa = ImagePlusBridge.toImagePlus( r.gsaMap( u, vinj_step, kappa ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source ) ), "g_sa_energy_mode" );
	}

	/** The sweep with progress to the status bar and the command's cancel flag. */
	private SelfConsistentGap.Progress progress()
	{
		return new SelfConsistentGap.Progress()
		{
			@Override
			public synchronized void done( final int k, final int n )
			{
				if ( status != null )
					status.showStatus( k, n, "Energy mode: bias point " + k + " of " + n + " (Esc cancels)" );
			}

			@Override
			public boolean cancelled() { return isCanceled(); }
		};
	}
}
