package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;

import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SpectralGrid;

/** {@code dos}: G, F of the Usadel equation (Dynes Γ, depairing ζ) on an energy grid, energies in Δ0. */
final class DosVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "dos";
	}

	@Override
	public String summary()
	{
		return "density of states and Green's functions G, F (Dynes gamma, depairing zeta) on an energy grid";
	}

	@Override
	public String usage()
	{
		return "[--delta 1] [--gamma 1e-3] [--zeta 0] [--from -3] [--to 3] [--step 1e-3] --out FILE.csv"
				+ "   (energies in Delta0; columns eps,N,ReG,ImG,ReF,ImF)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double delta = a.number( "delta", 1 );
		if ( !( delta > 0 ) )
			throw new BadInputException( "--delta must be > 0, got " + delta + " (Δ in units of Δ0; at Δ = 0 there is no gap: N = 1)" );
		final double gamma = PhysicsCsv.positive( a, "gamma", 1e-3 );
		final double zeta = PhysicsCsv.nonNegative( a, "zeta", 0 );
		final double[] eps = PhysicsCsv.grid( a, "from", -3, "to", 3, "step", 1e-3 );
		final Path out = a.output( "out" );
		a.rejectUnknown();
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		final double[][] c = g.dosColumns();
		PhysicsCsv.write( out, "eps," + String.join( ",", SpectralGrid.DOS_COLUMNS ), eps, c[ 0 ], c[ 1 ], c[ 2 ], c[ 3 ], c[ 4 ] );
	}
}
