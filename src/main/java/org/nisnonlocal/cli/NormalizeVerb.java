package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.NormalizeRequest;

/** {@code normalize --in MAP --out FILE [--conductance junctions|rxi|none] [--ginj S --gdet S --r-xi OHM --delta0 EV] [--keep-bias]}. */
final class NormalizeVerb implements Subcommand
{
	@Override
	public String name() { return "normalize"; }

	@Override
	public String summary() { return "g/(G_inj·G_det) (Ω) or g/(G_inj·G_det·R_ξ), and bias in eV/Δ0; missing values from the map's metadata"; }

	@Override
	public String usage() { return "--in MAP --out FILE [--conductance junctions|rxi|none] [--ginj S] [--gdet S] [--r-xi OHM] [--delta0 EV] [--keep-bias] " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" ), out = a.outputMap( "out" );
		final NormalizeRequest r = new NormalizeRequest();
		r.conductance = NormalizeRequest.Conductance.parse( a.string( "conductance", "junctions" ) );
		r.gInjS = a.number( "ginj", Double.NaN );
		r.gDetS = a.number( "gdet", Double.NaN );
		r.rXiOhm = a.number( "r-xi", Double.NaN );
		r.delta0eV = a.number( "delta0", Double.NaN );
		r.biasInDelta0 = !a.flag( "keep-bias" );
		final ConductanceMap map = MapFiles.read( in, ImportArgs.parse( a ) ).map();
		a.rejectUnknown();
		final ConductanceMap n = r.apply( map );
		MapFiles.write( n, out );
		System.out.println( "wrote " + out + " (" + n + ")" );
	}
}
