package org.nisnonlocal.commands;

import java.io.File;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.nisnonlocal.fit.SupercurrentScaleFit;
import org.nisnonlocal.fit.SupercurrentScaleFitResult;
import org.nisnonlocal.io.CurrentPhasePairs;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The paper's Fig. 10b: I0 of the supercurrent relation (S Eq. 6) from (I_s, ∂xφ ± σ) pairs, by effective variance;
 * Plot of I_s against ∂xφ with the fitted relation.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Fit I0 (Supercurrent Relation)...", visible = false )
public class FitI0Command extends ContextCommand
{
	@Parameter( label = "pairs", description = "CSV with columns I_s_uA,phase_gradient,error" )
	private File pairs;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0 (from the Γ fit)" )
	private double gamma = SupercurrentScaleFit.DEFAULT_GAMMA;

	@Parameter( label = "t_bath", description = "k_B T/Δ0" )
	private double t_bath = SupercurrentScaleFit.DEFAULT_T;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable parameters;

	@Override
	public void run()
	{
		final double[][] p = InputFiles.read( pairs, "pairs", f -> CurrentPhasePairs.read( f ) );
		final SupercurrentScaleFit fit = new SupercurrentScaleFit( gamma, t_bath );
		final SupercurrentScaleFitResult r = fit.fit( p[ 0 ], p[ 1 ], p[ 2 ], null );
		double max = 0;
		for ( final double q : p[ 1 ] )
			max = Math.max( max, Math.abs( q ) );
		final double[] q = Curves.grid( "phase gradients", -1.2 * max, 1.2 * max, 2.4 * max / 100 );
		final double[] rel = fit.relation( q );
		final double[] is = new double[ q.length ];
		for ( int i = 0; i < q.length; i++ )
			is[ i ] = r.i0() * rel[ i ];
		final Plot pl = new Plot( "Fit I0: " + pairs.getName(), "∂xφ (1/ξ)", "I_s (µA)" );
		pl.setColor( "black" );
		pl.addPoints( p[ 1 ], p[ 0 ], Plot.CIRCLE );
		pl.addHorizontalErrorBars( p[ 2 ] ); // the errors are on ∂xφ
		pl.setColor( "red" );
		pl.addPoints( q, is, Plot.LINE );
		pl.setLegend( "data\tS Eq. 6, I0 = " + String.format( java.util.Locale.ROOT, "%.2f ± %.2f µA", r.i0(), r.i0Error() ), Plot.AUTO_POSITION );
		pl.setLimitsToFit( false );
		plot = pl.getImagePlus();
		parameters = new ResultsTable();
		parameters.incrementCounter();
		parameters.addValue( "name", "I0_uA" );
		parameters.addValue( "value", r.i0() );
		parameters.addValue( "error", r.i0Error() );
		parameters.incrementCounter();
		parameters.addValue( "name", "chi2_reduced" );
		parameters.addValue( "value", r.chi2Reduced() );
		parameters.addValue( "error", Double.NaN );
		Tables.fullPrecision( parameters );
	}
}
