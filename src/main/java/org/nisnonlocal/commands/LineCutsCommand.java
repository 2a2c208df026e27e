package org.nisnonlocal.commands;

import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.LineCuts;
import org.nisnonlocal.maps.MapAxis;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Cuts of a map at a list of V_det (or V_inj) values, or every n-th row, plotted together with a constant offset
 * between curves (as the paper's Figs. 12a and 13), with a legend and a table. Cuts between rows are interpolated
 * linearly, and the legend marks them.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Line-Cut Family...", visible = false )
public class LineCutsCommand extends ContextCommand
{
	@Parameter( label = "map" )
	private ImagePlus map;

	@Parameter( label = "cut_axis", choices = { "vdet", "vinj" }, description = "cut at fixed values of this axis" )
	private String cut_axis = "vdet";

	@Parameter( label = "values", required = false, description = "comma-separated, in the axis unit; empty = every n-th" )
	private String values = "";

	@Parameter( label = "every", description = "every n-th row when no values are given" )
	private int every = 5;

	@Parameter( label = "spacing", description = "offset between successive curves, in the value unit" )
	private double spacing = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable cuts;

	@Override
	public void run()
	{
		final ConductanceMap m = Images.map( map, "map" );
		final MapAxis sel = MapAxis.parse( cut_axis );
		final List< LineCuts.Cut > list;
		if ( values == null || values.trim().isEmpty() )
			list = LineCuts.everyNth( m, sel, every );
		else
		{
			final String[] parts = values.split( "," );
			final double[] at = new double[ parts.length ];
			for ( int k = 0; k < parts.length; k++ )
			{
				try
				{
					at[ k ] = Double.parseDouble( parts[ k ].trim() );
				}
				catch ( final NumberFormatException e )
				{
					throw new BadInputException( "values: '" + parts[ k ].trim() + "' is not a number" );
				}
			}
			list = LineCuts.at( m, sel, at );
		}
		final String s = sel.of( m ).name(), along = sel.otherOf( m ).name();
		final Plot p = new Plot( Images.baseTitle( map ) + " cuts", along + " (" + sel.otherOf( m ).unit() + ")",
				m.quantity() + " (" + m.valueUnit() + ")" + ( spacing != 0 ? ", offset by " + spacing : "" ) );
		final StringBuilder legend = new StringBuilder();
		boolean anyInterpolated = false;
		final String[] colours = { "blue", "red", "#2ca02c", "magenta", "orange", "black", "cyan", "gray" };
		int k = 0;
		for ( final LineCuts.Cut c : LineCuts.stacked( list, spacing ) )
		{
			p.setColor( colours[ k++ % colours.length ] );
			p.addPoints( c.positions(), c.values(), Plot.LINE );
			legend.append( legend.length() > 0 ? "\t" : "" ).append( s ).append( " = " ).append( Numbers.formatAxis( c.value() ) ).append( c.isInterpolated() ? " *" : "" );
			anyInterpolated |= c.isInterpolated();
		}
		p.setLegend( legend.toString(), Plot.AUTO_POSITION );
		p.setColor( "black" );
		if ( anyInterpolated )
			p.addLabel( 0.02, 0.06, "* between grid rows: linearly interpolated" );
		p.setLimitsToFit( false ); // else ImageJ scales to the first curve only
		plot = p.getImagePlus();
		cuts = new ResultsTable();
		for ( final LineCuts.Cut c : list )
			for ( int i = 0; i < c.positions().length; i++ )
			{
				cuts.incrementCounter();
				cuts.addValue( s, c.value() );
				cuts.addValue( along, c.positions()[ i ] );
				cuts.addValue( "g", c.value( i ) );
			}
		Tables.fullPrecision( cuts );
	}
}
