package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.SupercurrentModel;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Coupled charge and energy modes under supercurrent (S Eqs. 9-10, no inelastic scattering): g_a and g_s versus
 * V_inj for a list of supercurrents, in units of G_inj G_det R_ξ; g_a plotted offset like the paper's Fig. 13.
 * Defaults: Fig. 10 fit (Γ = 1.53e-3, I0 = 29.8 µA) and Table 1 device (full κ_I, both branches modelled).
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Supercurrent (g_a)...", visible = false )
public class SupercurrentCommand extends ContextCommand
{
	@Parameter( required = false )
	private StatusService status;

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

	@Parameter( label = "is_ua", description = "supercurrents in µA, comma-separated" )
	private String is_ua = "5,10,15";

	@Parameter( label = "i0_ua", description = "I0 = Δ0/(e R_ξ) in µA" )
	private double i0_ua = 29.8;

	@Parameter( label = "vinj_from", description = "eV_inj/Δ0" )
	private double vinj_from = -2;

	@Parameter( label = "vinj_to" )
	private double vinj_to = 2;

	@Parameter( label = "vinj_step" )
	private double vinj_step = 0.01;

	@Parameter( label = "spacing", description = "offset between successive g_a curves" )
	private double spacing = 1;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable table;

	@Override
	public void run()
	{
		final double[] currents = parse( is_ua );
		final double[] v = Curves.grid( "V_inj", vinj_from, vinj_to, vinj_step );
		final SupercurrentModel model = new SupercurrentModel( gamma, kappa, distance, length, t_inj, t_bath, false );
		final int n = currents.length;
		final double[][] ga = new double[ n ][], gs = new double[ n ][], shifted = new double[ n ][];
		final String[] names = new String[ 2 * n ], legend = new String[ n ];
		for ( int k = 0; k < n; k++ )
		{
			if ( isCanceled() )
				return;
			if ( status != null )
				status.showStatus( k, n, "Supercurrent: I_s = " + currents[ k ] + " µA (" + ( k + 1 ) + " of " + n + ")" );
			final double phase = model.phaseGradient( currents[ k ] / i0_ua );
			final SupercurrentModel.Parts p = model.conductance( phase, v );
			ga[ k ] = p.ga();
			gs[ k ] = p.gs();
			shifted[ k ] = ga[ k ].clone();
			for ( int i = 0; i < v.length; i++ )
				shifted[ k ][ i ] += k * spacing;
			names[ k ] = "g_a_Is_uA=" + currents[ k ];
			names[ n + k ] = "g_s_Is_uA=" + currents[ k ];
			legend[ k ] = "I_s = " + currents[ k ] + " µA (∂xφ = " + String.format( java.util.Locale.ROOT, "%.3f", phase ) + ")";
		}
		if ( status != null )
			status.clearStatus();
		plot = Curves.plot( "g_a (offset by " + spacing + ")", "eV_inj/Δ0", "g_a/(G_inj G_det R_ξ)", v, legend, shifted );
		final double[][] all = new double[ 2 * n ][];
		System.arraycopy( ga, 0, all, 0, n );
		System.arraycopy( gs, 0, all, n, n );
		table = Curves.table( "eV_inj", v, names, all );
	}

	private static double[] parse( final String list )
	{
		final String[] parts = list == null ? new String[ 0 ] : list.split( "," );
		final double[] out = new double[ parts.length ];
		for ( int k = 0; k < parts.length; k++ )
		{
			try
			{
				out[ k ] = Double.parseDouble( parts[ k ].trim() );
			}
			catch ( final NumberFormatException e )
			{
				throw new BadInputException( "is_ua: '" + parts[ k ].trim() + "' is not a number" );
			}
		}
		if ( out.length == 0 )
			throw new BadInputException( "is_ua: give at least one supercurrent" );
		return out;
	}
}
