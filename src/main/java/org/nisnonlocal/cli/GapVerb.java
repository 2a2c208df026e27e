package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.GapEquation;

/** {@code gap}: equilibrium Δ(t) from S Eq. 8, λ calibrated to Δ(0) = 1. */
final class GapVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "gap";
	}

	@Override
	public String summary()
	{
		return "equilibrium pair potential Delta(t) from the self-consistency equation (Delta(0) = 1)";
	}

	@Override
	public String usage()
	{
		return "[--t-from 0] [--t-to 0.6] [--t-step 0.01] [--zeta 0] [--gamma 1e-3] [--omega-d 10] --out FILE.csv"
				+ "   (t = kT/Delta0; columns t,delta)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double[] t = PhysicsCsv.grid( a, "t-from", 0, "t-to", 0.6, "t-step", 0.01 );
		if ( t[ 0 ] < 0 )
			throw new BadInputException( "--t-from must be >= 0, got " + t[ 0 ] );
		final double zeta = PhysicsCsv.nonNegative( a, "zeta", 0 );
		final double gamma = PhysicsCsv.positive( a, "gamma", 1e-3 );
		if ( gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + gamma );
		final double omegaD = a.number( "omega-d", GapEquation.DEFAULT_OMEGA_D );
		if ( !( omegaD > 2 ) )
			throw new BadInputException( "--omega-d must be > 2, got " + omegaD );
		final Path out = a.output( "out" );
		a.rejectUnknown();
		final GapEquation g = new GapEquation( gamma, omegaD );
		PhysicsCsv.write( out, "t,delta", t, g.curve( t, zeta ) );
		System.out.println( "lambda (calibrated so Delta(0) = 1) = " + g.lambda() + "; S's 1/arcsinh(omega_D) = "
				+ GapEquation.matsubaraLambda( omegaD ) + "; t_c(zeta) = " + g.criticalTemperature( zeta ) );
	}
}
