package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.fit.GaMapPhaseGradientFit;
import org.nisnonlocal.fit.GaMapPhaseGradientFitResult;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapOverlay;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.physics.SupercurrentModel;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Issue #8 / S Fig. 13: the phase gradient ∂xφ of a g_a map (current-antisymmetric part, e.g. from Decompose
 * Supercurrent Pair) by least squares against the coupled-modes supercurrent model ({@link GaMapPhaseGradientFit}).
 * A map in mV/nS is converted to eV/Δ0 and G_inj G_det R_ξ first (Δ0, G_inj, G_det, R_ξ given or from the metadata);
 * the bias windows are in eV/Δ0. Outputs: a name/value/error table, the fitted map and the residual (model units, NaN
 * outside the windows). Defaults: Fig. 10 Γ, Table 1 device, full κ_I (as Supercurrent (g_a)).
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Fit Phase Gradient to g_a Map...", visible = false )
public class FitPhaseGradientMapCommand extends ContextCommand
{
	@Parameter( label = "map", description = "g_a map: [g(+I_s) - g(-I_s)]/2" )
	private ImagePlus map;

	@Parameter( label = "is_ua", description = "supercurrent of the map in µA (NaN = not known; only reported)" )
	private double is_ua = Double.NaN;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 1.53e-3;

	@Parameter( label = "kappa", description = "full κ_I = G_inj R_ξ" )
	private double kappa = 2.1e-4;

	@Parameter( label = "distance", description = "detector distance / ξ" )
	private double distance = 4.62;

	@Parameter( label = "length", description = "full wire length / ξ" )
	private double length = 169;

	@Parameter( label = "t_inj", description = "injector k_B T/Δ0" )
	private double t_inj = 0.0198;

	@Parameter( label = "t_bath", description = "bath k_B T/Δ0" )
	private double t_bath = 0.0078;

	@Parameter( label = "self_consistent", description = "Δ from the gap equation at each gradient (else Δ = 1)" )
	private boolean self_consistent = false;

	@Parameter( label = "vinj_min", description = "fit window, eV_inj/Δ0 (NaN = no limit)" )
	private double vinj_min = Double.NaN;

	@Parameter( label = "vinj_max" )
	private double vinj_max = Double.NaN;

	@Parameter( label = "vdet_min", description = "eV_det/Δ0 (the model's g_a does not depend on V_det)" )
	private double vdet_min = Double.NaN;

	@Parameter( label = "vdet_max" )
	private double vdet_max = Double.NaN;

	@Parameter( label = "sigma", description = "noise per point in G_inj G_det R_ξ (0 = estimate from the residuals)" )
	private double sigma = 0;

	@Parameter( label = "fit_amplitude", description = "also fit A in g = A·g_a(model)" )
	private boolean fit_amplitude = false;

	@Parameter( label = "delta0_ev", description = "eV, for a map in V/mV (0 = from metadata)" )
	private double delta0_ev = 0;

	@Parameter( label = "g_inj", description = "S, for a map in S/nS (0 = from metadata)" )
	private double g_inj = 0;

	@Parameter( label = "g_det", description = "S (0 = from metadata)" )
	private double g_det = 0;

	@Parameter( label = "r_xi", description = "Ohm (0 = from metadata)" )
	private double r_xi = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable parameters;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus fit;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus residual;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final ConductanceMap m = ModelUnits.of( Images.map( map, "map" ), MapOverlay.Parameters.orMetadata( delta0_ev, g_inj, g_det, r_xi ) ).map();
		final SupercurrentModel model = new SupercurrentModel( gamma, kappa, distance, length, t_inj, t_bath, self_consistent );
		final GaMapPhaseGradientFitResult r = new GaMapPhaseGradientFit( model ).amplitudeFree( fit_amplitude ).fit( m, or( vinj_min, Double.NEGATIVE_INFINITY ),
				or( vinj_max, Double.POSITIVE_INFINITY ), or( vdet_min, Double.NEGATIVE_INFINITY ), or( vdet_max, Double.POSITIVE_INFINITY ), sigma > 0 ? sigma : Double.NaN,
				map.getTitle() );
		fit = Images.image( r.fitMap( m ), map, "g_a_fit" );
		residual = Images.image( r.residualMap( m ), map, "g_a_residual" );
		parameters = new ResultsTable();
		row( "phase_gradient", r.phaseGradient, r.error );
		row( "amplitude", r.amplitude, r.amplitudeError );
		row( "I_s_uA", is_ua, Double.NaN );
		row( "chi2_reduced", r.chi2Reduced, Double.NaN );
		row( "sigma", r.sigma, Double.NaN );
		row( "points", r.points, Double.NaN );
		row( "signal_delta_chi2", r.signalDeltaChi2, Double.NaN );
		row( "converged", r.converged ? 1 : 0, Double.NaN );
		Tables.fullPrecision( parameters );
		report = "Fit Phase Gradient to g_a Map (" + map.getTitle() + "): " + r;
	}

	private void row( final String name, final double value, final double error )
	{
		parameters.incrementCounter();
		parameters.addValue( "name", name );
		parameters.addValue( "value", value );
		parameters.addValue( "error", error );
	}

	private static double or( final double v, final double unbounded ) { return Double.isNaN( v ) ? unbounded : v; }
}
