package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.physics.SupercurrentModel;

/**
 * {@code supercurrent-dos}: the DOS N(ε) under supercurrent as a map over (ε, I_s/I0), ζ = (∂xφ)²/2 with ∂xφ from
 * S Eq. 6 (compare the local conductance under current bias, S Fig. 8).
 */
final class SupercurrentDosVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "supercurrent-dos";
	}

	@Override
	public String summary()
	{
		return "density of states under supercurrent as a map over (energy, I_s/I0) (depairing from S Eq. 6)";
	}

	@Override
	public String usage()
	{
		return "[--gamma 1.53e-3] [--t 0.0078 (bath)] [--self-consistent] [--eps-from -3] [--eps-to 3] [--eps-step 0.005]"
				+ " [--is-from -0.9] [--is-to 0.9] [--is-step 0.05] --out FILE(.tif|.csv|.matrix.csv|.png)"
				+ "   (x = energy in Delta0, y = I_s/I0; currents at or above the depairing critical current are an error)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double gamma = PhysicsCsv.positive( a, "gamma", SupercurrentVerb.GAMMA );
		if ( gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + gamma );
		final double t = PhysicsCsv.nonNegative( a, "t", SupercurrentVerb.T_BATH );
		if ( t > 10 )
			throw new BadInputException( "--t must be <= 10, got " + t );
		final boolean selfConsistent = a.flag( "self-consistent" );
		final double[] eps = PhysicsCsv.grid( a, "eps-from", -3, "eps-to", 3, "eps-step", 0.005 );
		final double[] is = PhysicsCsv.grid( a, "is-from", -0.9, "is-to", 0.9, "is-step", 0.05 );
		if ( eps.length < 2 || is.length < 2 )
			throw new BadInputException( "the energy and current grids need at least 2 points each" );
		final Path out = a.outputMap( "out" );
		a.rejectUnknown();
		// κ, d, L and t_inj do not enter the DOS
		final SupercurrentModel m = new SupercurrentModel( gamma, 1, 1, 3, 0.01, t, selfConsistent );
		final ConductanceMap map = m.dosMap( eps, is );
		MapFiles.write( map, out );
	}
}
