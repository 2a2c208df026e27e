package org.nisnonlocal.commands;

import java.io.File;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.nisnonlocal.fit.ChargeImbalanceFit;
import org.nisnonlocal.fit.ChargeImbalanceFitOptions;
import org.nisnonlocal.fit.ChargeImbalanceFitResult;
import org.nisnonlocal.io.SpectrumTextReader;
import org.nisnonlocal.maps.Spectrum;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The paper's Fig. 10 fits of a measured g_ss(V_inj) curve (text, eV_inj/Δ0 and g/(G_inj G_det R_ξ)) to the
 * charge-imbalance model: at I_s = 0 fit Γ over eV_inj &lt; 1.5 Δ0; at I_s ≠ 0 fit ∂xφ with Γ fixed.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Fit Charge Imbalance...", visible = false )
public class FitChargeImbalanceCommand extends ContextCommand
{
	@Parameter( label = "curve", description = "text file eV_inj,g" )
	private File curve;

	@Parameter( label = "free", choices = { "gamma", "phase-gradient" }, description = "Γ at I_s = 0, or ∂xφ with Γ fixed" )
	private String free = "gamma";

	@Parameter( label = "gamma", description = "start value (free = gamma) or fixed Γ/Δ0" )
	private double gamma = 1.53e-3;

	@Parameter( label = "vinj_min", description = "fit range, eV_inj/Δ0" )
	private double vinj_min = 0;

	@Parameter( label = "vinj_max", description = "above ~1.5 inelastic scattering pulls the data down" )
	private double vinj_max = 1.5;

	@Parameter( label = "kappa", description = "half-wire κ_I = G_inj R_ξ/2" )
	private double kappa = ChargeImbalanceFitOptions.TABLE1_KAPPA;

	@Parameter( label = "distance", description = "detector distance / ξ" )
	private double distance = ChargeImbalanceFitOptions.TABLE1_DISTANCE;

	@Parameter( label = "t_inj", description = "injector k_B T/Δ0" )
	private double t_inj = ChargeImbalanceFitOptions.TABLE1_T;

	@Parameter( label = "length", description = "full wire length / ξ" )
	private double length = ChargeImbalanceFitOptions.TABLE1_LENGTH;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable parameters;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final Spectrum s = InputFiles.read( curve, "curve", f -> SpectrumTextReader.read( f ) );
		final ChargeImbalanceFitOptions o = new ChargeImbalanceFitOptions().device( kappa, distance, t_inj, length ).range( vinj_min, vinj_max );
		if ( free.equals( "gamma" ) )
			o.gammaStart( gamma );
		else
			o.fixGamma( gamma ).freePhaseGradient();
		final ChargeImbalanceFitResult r = ChargeImbalanceFit.fit( s.bias(), s.values(), o, curve.getName() );
		final Plot p = new Plot( "Fit Charge Imbalance: " + curve.getName(), "eV_inj/Δ0", "g_nl/(G_inj G_det R_ξ)" );
		p.setColor( "black" );
		p.addPoints( s.bias(), s.values(), Plot.CIRCLE );
		p.setColor( "red" );
		final double[] model = r.model( s.bias() ), residual = s.values();
		p.addPoints( s.bias(), model, Plot.LINE );
		for ( int i = 0; i < residual.length; i++ )
			residual[ i ] -= model[ i ];
		p.setColor( "blue" );
		p.addPoints( s.bias(), residual, Plot.LINE );
		p.setLegend( "data\tfit (range " + vinj_min + " … " + vinj_max + ")\tresidual", Plot.AUTO_POSITION );
		p.setLimitsToFit( false );
		plot = p.getImagePlus();
		parameters = new ResultsTable();
		row( "Gamma", r.gamma(), r.gammaError() );
		if ( r.phaseGradientFree() )
			row( "phase_gradient", r.phaseGradient(), r.phaseGradientError() );
		row( "chi2_reduced", r.chi2Reduced(), Double.NaN );
		row( "points", r.points(), Double.NaN );
		Tables.fullPrecision( parameters );
		report = "Fit Charge Imbalance (" + curve.getName() + "): " + r;
	}

	private void row( final String name, final double value, final double error )
	{
		parameters.incrementCounter();
		parameters.addValue( "name", name );
		parameters.addValue( "value", value );
		parameters.addValue( "error", error );
	}
}
