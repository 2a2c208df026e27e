package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.GapEquation;
import org.nisnonlocal.physics.SupercurrentRelation;

/** {@code supercurrent-relation}: I_s/I0 versus phase gradient ∂xφ (S Eq. 6, ζ = (∂xφ)²/2). */
final class SupercurrentRelationVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "supercurrent-relation";
	}

	@Override
	public String summary()
	{
		return "equilibrium supercurrent I_s/I0 versus phase gradient (depairing zeta = grad(phi)^2/2 included)";
	}

	@Override
	public String usage()
	{
		return "--gamma G [--t 0.01] [--from 0] [--to 1.2] [--step 0.01] [--self-consistent] --out FILE.csv"
				+ "   (phase gradient in 1/xi; Delta = 1 unless --self-consistent; columns phase_gradient,I_s_over_I0)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double gamma = PhysicsCsv.requiredPositive( a, "gamma" );
		if ( gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + gamma );
		final double t = PhysicsCsv.nonNegative( a, "t", 0.01 );
		if ( t > 10 )
			throw new BadInputException( "--t must be <= 10, got " + t );
		final double[] q = PhysicsCsv.grid( a, "from", 0, "to", 1.2, "step", 0.01 );
		if ( Math.max( Math.abs( q[ 0 ] ), Math.abs( q[ q.length - 1 ] ) ) > 10 )
			throw new BadInputException( "phase gradients beyond 10/xi are outside the model (--from/--to)" );
		final boolean selfConsistent = a.flag( "self-consistent" );
		final Path out = a.output( "out" );
		a.rejectUnknown();
		final SupercurrentRelation s = new SupercurrentRelation( gamma, t, selfConsistent ? new GapEquation( gamma ) : null );
		PhysicsCsv.write( out, "phase_gradient,I_s_over_I0", q, s.curve( q ) );
		final double[] c = s.criticalPoint();
		System.out.println( "maximum (depairing critical current): I_s/I0 = " + c[ 1 ] + " at phase gradient " + c[ 0 ] );
	}
}
