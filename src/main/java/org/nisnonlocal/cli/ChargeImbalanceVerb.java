package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.ChargeImbalanceModel;

/** {@code charge-imbalance}: g_nl(V_inj)/(G_inj G_det R_ξ) of the analytic charge-mode model (S Eqs. 20-21). */
final class ChargeImbalanceVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "charge-imbalance";
	}

	@Override
	public String summary()
	{
		return "charge-imbalance nonlocal conductance g_nl/(G_inj G_det R_xi) versus injector bias (analytic model)";
	}

	@Override
	public String usage()
	{
		return "--gamma G --kappa K --distance X --t T [--t-inj T (overrides --t)] [--zeta 0] [--delta 1] [--length L] [--vinj-from -3] [--vinj-to 3]"
				+ " [--vinj-step 0.01] --out FILE.csv   (energies in Delta0, lengths in xi; kappa = G_inj R_xi / 2;"
				+ " only the injector temperature enters g_nl;"
				+ " --length is the full wire length, omit for a semi-infinite half wire; columns eV_inj,g_nl)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double gamma = PhysicsCsv.requiredPositive( a, "gamma" );
		final double kappa = PhysicsCsv.requiredPositive( a, "kappa" );
		final double distance = a.requiredNumber( "distance" );
		if ( !( distance >= 0 ) )
			throw new BadInputException( "--distance must be >= 0, got " + distance );
		// Only the injector electrode's temperature enters g_nl here: the reservoirs hold f_T = 0 at any
		// temperature, and the detector's f_T^N(V_det) drops out of dI_det/dV_inj (see ChargeImbalanceModel).
		a.has( "t" ); // --t is allowed beside --t-inj (which wins), as elsewhere in the runner
		final String tKey = a.has( "t-inj" ) ? "t-inj" : "t";
		final double t = a.requiredNumber( tKey );
		if ( !( t >= 1e-4 ) || t > 10 )
			throw new BadInputException( "--" + tKey + " must be in [1e-4, 10], got " + t );
		final double zeta = PhysicsCsv.nonNegative( a, "zeta", 0 );
		final double delta = PhysicsCsv.nonNegative( a, "delta", 1 );
		final double length = a.has( "length" ) ? PhysicsCsv.positive( a, "length", 1 ) : Double.POSITIVE_INFINITY;
		if ( !( length > 2 * distance ) )
			throw new BadInputException( "--length (" + length + ") must exceed twice --distance (" + distance + ")" );
		if ( gamma >= 1 )
			throw new BadInputException( "--gamma must be < 1, got " + gamma );
		final double[] v = PhysicsCsv.grid( a, "vinj-from", -3, "vinj-to", 3, "vinj-step", 0.01 );
		final Path out = a.output( "out" );
		a.rejectUnknown();
		final ChargeImbalanceModel m = new ChargeImbalanceModel( delta, gamma, zeta, kappa, distance, t, length );
		PhysicsCsv.write( out, "eV_inj,g_nl", v, m.conductance( v ) );
	}
}
