package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.MapDerivative;

/** {@code derivative --in MAP --axis vinj|vdet [--window W [--order K]] --out MAP}: d/dV in calibrated units. */
final class DerivativeVerb implements Subcommand
{
	@Override
	public String name() { return "derivative"; }

	@Override
	public String summary() { return "derivative along V_inj or V_det (central differences, or Savitzky-Golay over --window points)"; }

	@Override
	public String usage() { return "--in MAP --axis vinj|vdet [--window W (odd, >= 3) [--order K (default 2)]] --out MAP " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" ), out = a.outputMap( "out" );
		final MapAxis along = MapAxis.parse( a.string( "axis", "vinj" ) );
		final int window = a.integer( "window", 0 );
		final int order = a.integer( "order", 2 );
		final ConductanceMap map = MapFiles.read( in, ImportArgs.parse( a ) ).map();
		a.rejectUnknown();
		if ( window != 0 && window < 3 )
			throw new BadInputException( "--window must be an odd number >= 3 (or omitted for central differences), got " + window );
		final ConductanceMap d = window == 0 ? MapDerivative.central( map, along ) : MapDerivative.savitzkyGolay( map, along, window, order );
		MapFiles.write( d, out );
		System.out.println( "wrote " + out + " (" + d + ")" );
	}
}
