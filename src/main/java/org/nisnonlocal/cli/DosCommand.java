package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SpectralGrid;

/** {@code dos}: G, F of the Usadel equation (Dynes Γ, depairing ζ) on an energy grid, energies in Δ0. */
final class DosCommand implements Subcommand
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
		final double delta = PhysicsCsv.nonNegative( a, "delta", 1 );
		final double gamma = PhysicsCsv.positive( a, "gamma", 1e-3 );
		final double zeta = PhysicsCsv.nonNegative( a, "zeta", 0 );
		final double[] eps = PhysicsCsv.grid( a, "from", -3, "to", 3, "step", 1e-3 );
		final Path out = a.path( "out" );
		a.rejectUnknown();
		final SpectralGrid g = new SpectralFunctions( delta, gamma, zeta ).onGrid( eps );
		final int n = eps.length;
		final double[] nn = new double[ n ], reG = new double[ n ], imG = new double[ n ], reF = new double[ n ], imF = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			nn[ i ] = g.n( i );
			reG[ i ] = g.reG( i );
			imG[ i ] = g.imG( i );
			reF[ i ] = g.reF( i );
			imF[ i ] = g.imF( i );
		}
		PhysicsCsv.write( out, "eps,N,ReG,ImG,ReF,ImF", eps, nn, reG, imG, reF, imF );
	}
}
