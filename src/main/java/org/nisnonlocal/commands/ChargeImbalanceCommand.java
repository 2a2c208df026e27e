package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.ChargeImbalanceModel;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The analytic charge-imbalance signal (S Eqs. 20-21) convolved with the injector's Fermi derivative:
 * g_nl(V_inj)/(G_inj G_det R_ξ) at V_det = 0, and optionally the map over (V_inj, V_det). Defaults: the paper's
 * Fig. 10 device (Γ = 1.53e-3, κ_I = 1.054e-4, detector at 4.62 ξ, t = 0.0198, L = 169.2 ξ).
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Model>Charge Imbalance...", visible = false )
public class ChargeImbalanceCommand extends ContextCommand
{
	@Parameter( label = "gamma", description = "Dynes Γ/Δ0" )
	private double gamma = 1.53e-3;

	@Parameter( label = "kappa", description = "half-wire κ_I = G_inj R_ξ/2" )
	private double kappa = 1.054e-4;

	@Parameter( label = "distance", description = "detector distance / ξ" )
	private double distance = 4.62;

	@Parameter( label = "t", description = "injector k_B T/Δ0" )
	private double t = 0.0198;

	@Parameter( label = "zeta", description = "depairing ζ/Δ0" )
	private double zeta = 0;

	@Parameter( label = "length", description = "full wire length / ξ (0 = semi-infinite)" )
	private double length = 169.2;

	@Parameter( label = "vinj_from", description = "eV_inj/Δ0" )
	private double vinj_from = -3;

	@Parameter( label = "vinj_to" )
	private double vinj_to = 3;

	@Parameter( label = "vinj_step" )
	private double vinj_step = 0.01;

	@Parameter( label = "vdet_max", description = "eV_det/Δ0 for the map (0 = curve only)" )
	private double vdet_max = 0;

	@Parameter( label = "vdet_step" )
	private double vdet_step = 0.02;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus plot;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable table;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus map;

	@Override
	public void run()
	{
		final ChargeImbalanceModel m = new ChargeImbalanceModel( 1, gamma, zeta, kappa, distance, t, length > 0 ? length : Double.POSITIVE_INFINITY );
		final double[] v = Curves.grid( "V_inj", vinj_from, vinj_to, vinj_step );
		final double[] g = m.conductance( v );
		plot = Curves.plot( "charge imbalance Γ=" + gamma + " ζ=" + zeta, "eV_inj/Δ0", "g_nl/(G_inj G_det R_ξ)", v, new String[] { "g_nl" }, g );
		table = Curves.table( "eV_inj", v, new String[] { "g_nl" }, g );
		if ( vdet_max > 0 )
		{
			final double[] u = Curves.grid( "V_det", -vdet_max, vdet_max, vdet_step );
			final double[][] gm = m.map( v, u );
			final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, v[ 0 ], vinj_step, v.length );
			final Axis y = new Axis( "Vdet", Units.EV_PER_DELTA0, u[ 0 ], vdet_step, u.length );
			final MapMetadata md = MapMetadata.empty().with( MapMetadata.SOURCE, "model: charge imbalance" )
					.withHistory( "charge-imbalance gamma=" + gamma + " kappa=" + kappa + " distance=" + distance + " t=" + t + " zeta=" + zeta + " length=" + length );
			final ConductanceMap cm = ConductanceMap.fromFunction( x, y, "g_nl", Units.NORMALIZED, md, ( i, j ) -> gm[ j ][ i ] ); // map() is indexed [V_det][V_inj]
			map = ImagePlusBridge.toImagePlus( cm, "charge_imbalance_map" );
		}
	}
}
