package org.nisnonlocal.commands;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.plugin.RGBStackMerge;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.ij1.ContourOverlay;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Contours;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.maps.LineCuts;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.MapOverlay;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A simulated map on a measured map's grid and units, in one step: measured with the simulation's iso-lines as an
 * overlay, simulated on the measured grid with the same zero-centred range, the residual, a two-channel composite,
 * and line cuts at chosen V_det with both curves on one Plot. Outside the overlap the simulation is NaN (never
 * extrapolated); the report says how many measured points that drops. 0 = parameter from the maps' metadata.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Overlay Simulated on Measured...", visible = false )
public class OverlayCommand extends ContextCommand
{
	@Parameter( label = "measured" )
	private ImagePlus measured;

	@Parameter( label = "simulated" )
	private ImagePlus simulated;

	@Parameter( label = "delta0_ev", description = "eV (0 = from metadata)" )
	private double delta0_ev = 0;

	@Parameter( label = "g_inj", description = "S (0 = from metadata)" )
	private double g_inj = 0;

	@Parameter( label = "g_det", description = "S (0 = from metadata)" )
	private double g_det = 0;

	@Parameter( label = "r_xi", description = "Ohm (0 = from metadata)" )
	private double r_xi = 0;

	@Parameter( label = "cuts_vdet", required = false, description = "V_det values, comma-separated (measured units)" )
	private String cuts_vdet = "";

	@Parameter( label = "levels", description = "number of iso-lines" )
	private int levels = 8;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus with_contours;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus simulated_on_grid;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus residual;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus composite;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus cuts;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.delta0eV = given( delta0_ev );
		p.gInjS = given( g_inj );
		p.gDetS = given( g_det );
		p.rXiOhm = given( r_xi );
		final ConductanceMap m = Images.map( measured, "measured" );
		final MapOverlay o = MapOverlay.of( m, Images.map( simulated, "simulated" ), p );
		final DisplayRange range = o.sharedRange();
		final String base = Images.baseTitle( measured );

		with_contours = ImagePlusBridge.toImagePlus( m.copy(), base + "_with_simulation_contours" );
		ImagePlusBridge.applyDisplay( with_contours, range );
		final List< Contours.Line > lines = new ArrayList<>();
		for ( final Contours.Line l : Contours.of( o.simulatedConverted(), Contours.symmetricLevels( range.max(), levels ) ) )
			lines.add( l.onGrid( m.xAxis(), m.yAxis() ) );
		ContourOverlay.addTo( with_contours, lines, Color.BLACK );

		simulated_on_grid = ImagePlusBridge.toImagePlus( o.simulated(), base + "_simulated" );
		ImagePlusBridge.applyDisplay( simulated_on_grid, range );
		residual = ImagePlusBridge.toImagePlus( o.residual(), base + "_residual" );
		ImagePlusBridge.applyDisplay( residual, range );

		final ImagePlus a = ImagePlusBridge.toImagePlus( m.copy(), "measured" ), b = ImagePlusBridge.toImagePlus( o.simulated().copy(), "simulated" );
		composite = RGBStackMerge.mergeChannels( new ImagePlus[] { a, b }, false );
		composite.setTitle( base + "_measured+simulated" );
		composite.setCalibration( a.getCalibration() );
		if ( composite instanceof CompositeImage )
			( ( CompositeImage ) composite ).setMode( CompositeImage.COMPOSITE );

		cuts = cutsPlot( o, m, base );
		report = "Overlay Simulated on Measured (" + measured.getTitle() + ", " + simulated.getTitle() + "):\n  " + String.join( "\n  ", o.report() )
				+ "\n  " + o.comparedCount() + " points compared, " + o.droppedCount() + " measured points outside the simulation (NaN)";
	}

	private ImagePlus cutsPlot( final MapOverlay o, final ConductanceMap m, final String base )
	{
		final double[] at;
		if ( cuts_vdet == null || cuts_vdet.trim().isEmpty() )
			at = new double[] { m.yAxis().value( m.height() / 2 ) };
		else
		{
			final String[] parts = cuts_vdet.split( "," );
			at = new double[ parts.length ];
			for ( int k = 0; k < parts.length; k++ )
			{
				try
				{
					at[ k ] = Double.parseDouble( parts[ k ].trim() );
				}
				catch ( final NumberFormatException e )
				{
					throw new BadInputException( "cuts_vdet: '" + parts[ k ].trim() + "' is not a number" );
				}
			}
		}
		final Plot plot = new Plot( base + " cuts: measured (points) and simulated (lines)", m.xAxis().name() + " (" + m.xAxis().unit() + ")",
				m.quantity() + " (" + m.valueUnit() + ")" );
		final String[] colours = { "blue", "red", "#2ca02c", "magenta", "orange", "black" };
		final StringBuilder legend = new StringBuilder();
		int k = 0;
		for ( final LineCuts.Cut c : LineCuts.at( m, MapAxis.Y, at ) )
		{
			final double[] x = c.positions(), sim = new double[ x.length ];
			for ( int i = 0; i < x.length; i++ )
				sim[ i ] = o.simulatedAt( x[ i ], c.value() );
			plot.setColor( colours[ k % colours.length ] );
			plot.addPoints( x, c.values(), Plot.CIRCLE );
			plot.addPoints( x, sim, Plot.LINE );
			legend.append( k > 0 ? "\t" : "" ).append( m.yAxis().name() ).append( " = " ).append( Numbers.formatAxis( c.value() ) ).append( "\t" );
			k++;
		}
		plot.setLegend( legend.toString(), Plot.AUTO_POSITION );
		plot.setLimitsToFit( false );
		return plot.getImagePlus();
	}

	private static double given( final double v ) { return v > 0 ? v : Double.NaN; }
}
