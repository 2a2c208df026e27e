package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.physics.DeviceNumbers;

/** {@code device}: the model's scales (ξ, R_ξ, I0, L_T, κ_I, t, τ_ee) from wire data in SI units. */
final class DeviceVerb implements Subcommand
{
	@Override
	public String name()
	{
		return "device";
	}

	@Override
	public String summary()
	{
		return "device scales xi, R_xi, I0, L_T, kappa, t, tau_ee from wire data (defaults: the paper's Table 1)";
	}

	@Override
	public String usage()
	{
		return "[--resistance 1450] [--length 11e-6] [--diffusion 16.9e-4] [--delta0 265e-6] [--temperature 0.024]"
				+ " [--gamma-ee 2e-4] [--ginj 24.6e-6] [--xi M (override, e.g. 65e-9)] [--out FILE.csv]"
				+ "   (SI: ohm, m, m^2/s, eV, K, S; prints name,value,unit)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double r = PhysicsCsv.positive( a, "resistance", 1450 );
		final double l = PhysicsCsv.positive( a, "length", 11e-6 );
		final double d = PhysicsCsv.positive( a, "diffusion", 16.9e-4 );
		final double delta0 = PhysicsCsv.positive( a, "delta0", 265e-6 );
		final double temp = PhysicsCsv.positive( a, "temperature", 0.024 );
		final double gammaEe = PhysicsCsv.positive( a, "gamma-ee", 2e-4 );
		final double gInj = PhysicsCsv.positive( a, "ginj", 24.6e-6 );
		final boolean override = a.has( "xi" );
		final double xiOverride = override ? PhysicsCsv.positive( a, "xi", 1 ) : 0;
		final Path out = a.optionalOutput( "out" );
		a.rejectUnknown();
		if ( delta0 > 0.1 )
			throw new BadInputException( "--delta0 is in eV (e.g. 265e-6), got " + delta0 );
		final DeviceNumbers computed = new DeviceNumbers( r, l, d, delta0, temp );
		final DeviceNumbers dev = override ? computed.withXi( xiOverride ) : computed;
		final StringBuilder sb = new StringBuilder( "name,value,unit\n" );
		row( sb, "xi", dev.xi(), "m" );
		row( sb, "R_xi", dev.rXi(), "Ohm" );
		row( sb, "I0", dev.i0(), "A" );
		row( sb, "L_T", dev.thoulessLength(), "m" );
		row( sb, "kappa", dev.kappa( gInj ), "1" );
		row( sb, "t", dev.t(), "1" );
		row( sb, "tau_ee", dev.tauEe( gammaEe ), "s" );
		row( sb, "gamma_ee", gammaEe, "1" );
		row( sb, "length_in_xi", dev.inXi( l ), "1" );
		if ( out == null )
		{
			final PrintStream ps = System.out;
			ps.print( sb );
			ps.flush();
		}
		else
		{
			final byte[] bytes = sb.toString().getBytes( StandardCharsets.UTF_8 );
			AtomicFiles.write( out, os -> os.write( bytes ) );
		}
	}

	private static void row( final StringBuilder sb, final String name, final double v, final String unit )
	{
		sb.append( name ).append( ',' ).append( Numbers.format( v ) ).append( ',' ).append( unit ).append( '\n' );
	}
}
