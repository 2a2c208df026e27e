package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.ChargeImbalanceFitOptions;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.physics.ChargeImbalanceModel;

/**
 * {@code fig10-model}: the model curves of S Fig. 10a, g_nl(eV_inj)/(G_inj G_det R_ξ) of the analytic charge-mode
 * model at one Γ and several phase gradients (ζ = (∂xφ)²/2), S Table 1's device by default. Columns eV_inj, then one
 * per gradient named {@code g_phase_<value>}.
 */
final class Fig10ModelVerb implements Subcommand
{
	/**
	 * Default gradients (1/ξ): I_s = 0 and the three of the synthetic Fig. 10 set the tests fit. S gives its fitted
	 * gradients only graphically (Fig. 10b), so these are not S's numbers.
	 */
	static final double[] DEFAULT_PHASE_GRADIENTS = { 0, 0.1, 0.2, 0.3 };

	@Override
	public String name() { return "fig10-model"; }

	@Override
	public String summary() { return "model curves g_nl(eV_inj) of S Fig. 10a at one Gamma and several phase gradients"; }

	@Override
	public String usage()
	{
		return "--gamma G --out FILE.csv [--phase-gradients 0,0.1,0.2,0.3] [--vinj-from 0] [--vinj-to 3] [--vinj-step 0.01]"
				+ " [--kappa 1.054e-4] [--distance 4.62] [--t 0.0198 | --t-inj T] [--length 169.2 | --semi-infinite]"
				+ "   (eV_inj in Delta0, g in G_inj G_det R_xi, gradients in 1/xi; defaults: S Table 1 device)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double gamma = PhysicsCsv.requiredPositive( a, "gamma" );
		if ( gamma >= 1 )
			throw new BadInputException( "--gamma must be < 1, got " + gamma );
		final double[] q = a.has( "phase-gradients" ) ? a.numbers( "phase-gradients" ) : DEFAULT_PHASE_GRADIENTS;
		for ( final double x : q )
			if ( Math.abs( x ) > 10 )
				throw new BadInputException( "--phase-gradients: " + x + "/xi is outside the model (|phase gradient| <= 10)" );
		final double[] v = PhysicsCsv.grid( a, "vinj-from", 0, "vinj-to", 3, "vinj-step", 0.01 );
		final double kappa = PhysicsCsv.positive( a, "kappa", ChargeImbalanceFitOptions.TABLE1_KAPPA );
		final double distance = PhysicsCsv.nonNegative( a, "distance", ChargeImbalanceFitOptions.TABLE1_DISTANCE );
		a.has( "t" );
		final String tKey = a.has( "t-inj" ) ? "t-inj" : "t";
		final double t = a.number( tKey, ChargeImbalanceFitOptions.TABLE1_T );
		if ( !( t >= 1e-4 ) || t > 10 )
			throw new BadInputException( "--" + tKey + " must be in [1e-4, 10], got " + t );
		final boolean semiInfinite = a.flag( "semi-infinite" );
		if ( semiInfinite && a.has( "length" ) )
			throw new BadInputException( "--semi-infinite and --length exclude each other" );
		final double length = semiInfinite ? Double.POSITIVE_INFINITY : PhysicsCsv.positive( a, "length", ChargeImbalanceFitOptions.TABLE1_LENGTH );
		if ( !( length > 2 * distance ) )
			throw new BadInputException( "--length (" + length + ") must exceed twice --distance (" + distance + ")" );
		final Path out = a.output( "out" );
		a.rejectUnknown();
		final double[][] columns = new double[ q.length + 1 ][];
		final StringBuilder header = new StringBuilder( "eV_inj" );
		columns[ 0 ] = v;
		for ( int k = 0; k < q.length; k++ )
		{
			columns[ k + 1 ] = new ChargeImbalanceModel( 1, gamma, 0.5 * q[ k ] * q[ k ], kappa, distance, t, length ).conductance( v );
			header.append( ",g_phase_" ).append( Numbers.format( q[ k ] ) );
		}
		PhysicsCsv.write( out, header.toString(), columns );
	}
}
