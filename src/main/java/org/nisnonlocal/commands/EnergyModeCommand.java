package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.GridValues;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.DetectorSignal;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.HeatedLeadMap;
import org.nisnonlocal.physics.LeadHeating;
import org.nisnonlocal.physics.LocalGapResult;
import org.nisnonlocal.physics.LocalGapRun;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.TwoJunctionMap;
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
 * Electrodes out of equilibrium (issue 18, docs/electrodes.md; uniform profile only, as the runner's
 * {@code --detector-injects} and {@code --lead-heating}): with detector_injects the detector junction at x_det injects
 * too, and Δ(V_inj, V_det) at the injector and at the detector come as calibrated images beside the g map; with
 * lead_heating the lead temperatures T_inj, T_det come as a table over (V_inj, V_det), the columns of the runner's
 * lead_temperature.csv. Reports progress (bias point k of n) and can be cancelled.
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

	@Parameter( label = "x_det", description = "detector position / ξ (enters with the local profile, detector_injects and lead_heating)" )
	private double x_det = 4.62;

	/** The runner's --detector-injects: the detector junction injects too (uniform profile only). */
	@Parameter( label = "detector_injects", description = "the detector junction injects too: Δ(V_inj, V_det) at injector and detector (uniform profile)" )
	private boolean detector_injects = false;

	@Parameter( label = "kappa_det", description = "detector coupling G_det R_ξ / 2 (enters with detector_injects)" )
	private double kappa_det = 1.345e-4;

	/** The runner's --lead-heating: the normal leads' electron temperatures from their heat balance (uniform profile only). */
	@Parameter( label = "lead_heating", description = "heated normal leads: T_inj, T_det from the power balance (uniform profile)" )
	private boolean lead_heating = false;

	@Parameter( label = "lead_sigma", description = "electron-phonon Σ of the leads, W/K^5/m^3 (Cu)" )
	private double lead_sigma = LeadHeating.SIGMA_CU;

	@Parameter( label = "lead_volume", description = "lead volume Ω, m^3" )
	private double lead_volume = LeadHeating.DEFAULT_VOLUME;

	@Parameter( label = "lead_resistance", description = "lead resistance for I²R heating, Ω (0: none)" )
	private double lead_resistance = 0;

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

	/** Δ(V_inj, V_det) at the injector and at the detector with detector_injects (null without), before g_sa too. */
	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus delta_injector;

	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus delta_detector;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus g_sa;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable delta_table;

	/** With lead_heating: eV_inj, eV_det, T_inj, T_det (k_B T/Δ0), the runner's lead_temperature.csv (null without). */
	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ResultsTable lead_temperature;

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
		// the runner's checks and messages (--lead-sigma … as lead_sigma …), the lead parameters checked even when unused
		positive( "lead_sigma", lead_sigma );
		positive( "lead_volume", lead_volume );
		if ( !( lead_resistance >= 0 ) )
			throw new BadInputException( "lead_resistance must be >= 0, got " + lead_resistance );
		positive( "kappa_det", kappa_det );
		if ( local && ( lead_heating || detector_injects ) )
			throw new BadInputException( "lead_heating and detector_injects work with the uniform gap profile only, not with gap profile local" );
		if ( lead_heating || detector_injects )
		{
			if ( !( x_det >= 0 ) || !( x_det < length / 2 ) )
				throw new BadInputException( "x_det must be in [0, length/2), got " + x_det );
			if ( detector_injects && !( x_det > 0 ) )
				throw new BadInputException( "detector_injects needs x_det > 0, got " + x_det );
		}
		final double[] v = Curves.grid( "V_inj", 0, vinj_to, vinj_step );
		final double[] u = Curves.grid( "V_det", -vdet_max, vdet_max, vdet_step );
		try
		{
			if ( local )
				runLocal( v, u );
			else if ( detector_injects )
				runTwoJunctions( v, u );
			else if ( lead_heating )
				runHeated( v, u );
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

	private static void positive( final String key, final double v )
	{
		if ( !( v > 0 ) )
			throw new BadInputException( key + " must be > 0, got " + v );
	}

	/** The uniform model's setup, with the electrode options as the runner sets them (off: today's model). */
	private EnergyModeRun setup()
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
		setup.leadHeating = lead_heating;
		setup.leadSigma = lead_sigma;
		setup.leadVolume = lead_volume;
		setup.leadResistance = lead_resistance;
		setup.kappaDet = kappa_det;
		setup.distance = x_det;
		return setup;
	}

	private void runUniform( final double[] v, final double[] u )
	{
		final EnergyModeRun setup = setup();
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

	/**
	 * detector_injects (the runner's two-junction branch): one V_inj sweep per |V_det|; the table and plot are the
	 * sweep at the smallest |V_det| with the local gap equation's Δ at the detector, as the runner's delta.csv.
	 */
	private void runTwoJunctions( final double[] v, final double[] u )
	{
		final EnergyModeRun setup = setup();
		final TwoJunctionMap two = setup.twoJunctionMap( v, u, progress() );
		final EnergyModeResult r = two.smallestBias;
		final double[] inj = r.delta(), det = r.localGap();
		table( r, v, inj, det );
		final double smallest = smallestMagnitude( u );
		delta_plot = Curves.plot( "Δ at injector and detector, detector injecting at eV_det = " + smallest + ", γ_ee = " + gamma_ee, "eV_inj/Δ0", "Δ/Δ0", v,
				new String[] { "Δ (injector)", "Δ(x_det = " + x_det + " ξ)" }, inj, det );
		final String source = "model: energy mode, detector injects, gamma_ee=" + gamma_ee + " gamma=" + gamma + " kappa_det=" + kappa_det + " x_det=" + x_det + leads();
		delta_injector = ImagePlusBridge.toImagePlus( pairMap( v, u, two.deltaInjector, source + "; Delta at the injector in Delta0" ), "delta_injector_energy_mode" );
		delta_detector = ImagePlusBridge.toImagePlus( pairMap( v, u, two.deltaDetector, source + "; Delta at the detector in Delta0" ), "delta_detector_energy_mode" );
		if ( lead_heating )
			lead_temperature = pairTable( v, u, two.tInjector, two.tDetector );
		g_sa = ImagePlusBridge.toImagePlus( DetectorSignal.map( v, two.g, u, vinj_step, kappa ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source ) ), "g_sa_energy_mode" );
	}

	/** lead_heating alone (the runner's heated branch): T_inj per V_inj, T_det per bias pair, g_sa differenced. */
	private void runHeated( final double[] v, final double[] u )
	{
		final EnergyModeRun setup = setup();
		final HeatedLeadMap heated = setup.heatedMap( v, u, progress() );
		final EnergyModeResult r = heated.result;
		table( r, v, r.delta(), r.delta() );
		delta_plot = Curves.plot( "Δ(V_inj), heated leads, γ_ee = " + gamma_ee, "eV_inj/Δ0", "Δ/Δ0", v, new String[] { "Δ" }, r.delta() );
		final double[][] tInj = new double[ v.length ][ u.length ];
		for ( int b = 0; b < v.length; b++ )
			java.util.Arrays.fill( tInj[ b ], heated.tInj[ b ] );
		lead_temperature = pairTable( v, u, tInj, heated.tDet );
		final String source = "model: energy mode, heated leads, gamma_ee=" + gamma_ee + " gamma=" + gamma + leads();
		g_sa = ImagePlusBridge.toImagePlus( DetectorSignal.map( v, heated.gsa, u, vinj_step, kappa ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source ) ),
				"g_sa_energy_mode" );
	}

	private String leads()
	{
		return lead_heating ? " lead_sigma=" + lead_sigma + " lead_volume=" + lead_volume + " lead_resistance=" + lead_resistance : "";
	}

	/** delta_table with the runner's delta.csv columns. */
	private void table( final EnergyModeResult r, final double[] v, final double[] delta, final double[] deltaDetector )
	{
		final double[] newton = new double[ r.size() ], sc = new double[ r.size() ];
		for ( int b = 0; b < r.size(); b++ )
		{
			newton[ b ] = r.newtonIterations( b );
			sc[ b ] = r.scIterations( b );
		}
		delta_table = Curves.table( "eV_inj", v, new String[] { "delta", "newton_iterations", "sc_iterations", "delta_detector" }, delta, newton, sc, deltaDetector );
	}

	private static double smallestMagnitude( final double[] u )
	{
		double best = Double.POSITIVE_INFINITY;
		for ( final double x : u )
			best = Math.min( best, Math.abs( x ) );
		return best;
	}

	/**
	 * A [V_inj][V_det] quantity in Δ0 as a map: x = V_inj over the computed biases (Δ is even in V_inj, not mirrored),
	 * y = V_det, both in eV/Δ0, the axes of the g map.
	 */
	private ConductanceMap pairMap( final double[] v, final double[] u, final double[][] values, final String source )
	{
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, v[ 0 ], vinj_step, v.length );
		// the g map's V_det axis (step from the grid's end points, DetectorSignal.gsaMap)
		final Axis y = new Axis( "Vdet", Units.EV_PER_DELTA0, u[ 0 ], u.length > 1 ? GridValues.round( ( u[ u.length - 1 ] - u[ 0 ] ) / ( u.length - 1 ) ) : 1, u.length );
		return ConductanceMap.fromFunction( x, y, "Delta", Units.NORMALIZED, MapMetadata.empty().with( MapMetadata.SOURCE, source ), ( i, j ) -> ( float ) values[ i ][ j ] );
	}

	/** One row per (V_inj, V_det), V_det fastest: the runner's lead_temperature.csv (temperatures in Δ0/k_B). */
	private static ResultsTable pairTable( final double[] v, final double[] u, final double[][] tInj, final double[][] tDet )
	{
		final ResultsTable rt = new ResultsTable();
		for ( int b = 0; b < v.length; b++ )
			for ( int d = 0; d < u.length; d++ )
			{
				rt.incrementCounter();
				rt.addValue( "eV_inj", v[ b ] );
				rt.addValue( "eV_det", u[ d ] );
				rt.addValue( "T_inj", tInj[ b ][ d ] );
				rt.addValue( "T_det", tDet[ b ][ d ] );
			}
		return Tables.fullPrecision( rt );
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
