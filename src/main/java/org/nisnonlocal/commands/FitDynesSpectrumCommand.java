package org.nisnonlocal.commands;

import java.io.File;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.nisnonlocal.fit.DynesFit;
import org.nisnonlocal.fit.DynesFitOptions;
import org.nisnonlocal.fit.DynesFitResult;
import org.nisnonlocal.io.SpectrumFiles;
import org.nisnonlocal.maps.FitPlotLayout;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Fits a local NIS spectrum to the Dynes DOS with temperature (G_N, Γ, Δ, T_e and the bias offset), with covariance
 * errors; shows data and fit in one Plot with the residual in a band of its own below them (own zero line, magnified
 * by the factor the legend states; {@link FitPlotLayout}), and the parameters in a table (the paper's Table 1 kind).
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Fit Dynes Spectrum...", visible = false )
public class FitDynesSpectrumCommand extends ContextCommand
{
	@Parameter( label = "file" )
	private File file;

	@Parameter( label = "column", required = false, description = "signal column; empty = lock-in X" )
	private String column = "";

	@Parameter( label = "sweep", choices = { "forward", "backward" } )
	private String sweep = "forward";

	@Parameter( label = "lockin_rms", description = "V rms at the junction (0 = no lock-in broadening)" )
	private double lockin_rms = 0;

	@Parameter( label = "fixed_gamma", description = "eV; negative = fit Γ" )
	private double fixed_gamma = -1;

	@Parameter( label = "fit_offset", description = "fit a bias offset V0" )
	private boolean fit_offset = true;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable parameters;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final Spectrum s = InputFiles.read( file, "file", f -> SpectrumFiles.read( f, column, sweep ) );
		final DynesFitOptions o = new DynesFitOptions().vacRms( lockin_rms );
		if ( fixed_gamma >= 0 )
			o.fixGamma( fixed_gamma );
		if ( !fit_offset )
			o.fixOffset( 0 );
		final DynesFitResult r = DynesFit.fit( s, o );
		final double toV = Units.conversionFactor( s.biasUnit(), "V" );
		final double[] biasV = s.bias();
		for ( int i = 0; i < biasV.length; i++ )
			biasV[ i ] *= toV;
		final double[] model = r.model( biasV );
		final double[] residual = s.values();
		for ( int i = 0; i < residual.length; i++ )
			residual[ i ] -= model[ i ];
		final FitPlotLayout layout = FitPlotLayout.of( s.bias(), s.values(), model, residual );
		final Plot p = new Plot( "Dynes fit: " + file.getName(), s.biasName() + " (" + s.biasUnit() + ")", s.quantity() + " (" + s.valueUnit() + ")" );
		p.setColor( "black" );
		p.addPoints( s.bias(), s.values(), Plot.CIRCLE );
		p.setColor( "red" );
		p.addPoints( s.bias(), model, Plot.LINE );
		// the residual in its own band under the data, around its own zero line, magnified to be seen
		p.setColor( "blue" );
		p.addPoints( s.bias(), layout.residualOnPlot( residual ), Plot.LINE );
		p.setColor( "gray" );
		p.drawLine( layout.xMin(), layout.residualZero(), layout.xMax(), layout.residualZero() );
		p.setColor( "black" );
		p.setLegend( "data\tfit\t" + layout.residualLabel() + " (0: grey line)", Plot.AUTO_POSITION );
		p.setLimits( layout.xMin(), layout.xMax(), layout.yMin(), layout.yMax() );
		plot = p.getImagePlus();
		parameters = new ResultsTable();
		final String[] units = { s.valueUnit(), "eV", "eV", "K", "V" };
		for ( int k = 0; k < DynesFitResult.NAMES.length; k++ )
		{
			parameters.incrementCounter();
			parameters.addValue( "parameter", DynesFitResult.NAMES[ k ] );
			parameters.addValue( "value", r.values()[ k ] );
			parameters.addValue( "error", r.errors()[ k ] );
			parameters.addValue( "unit", units[ k ] );
			parameters.addValue( "fixed", r.isFixed( k ) ? "yes" : "no" );
		}
		Tables.fullPrecision( parameters );
		report = "Fit Dynes Spectrum (" + file.getName() + ", " + sweep + "): " + r;
	}
}
