package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ToyNonlocalMap;

/** {@code example-map --out FILE [--is-ua I] [--noise-ns S] [--seed N]}: the synthetic example map. */
final class ExampleMapVerb implements Subcommand
{
	@Override
	public String name() { return "example-map"; }

	@Override
	public String summary() { return "write the synthetic example map (phenomenological; parameters recorded in its metadata)"; }

	@Override
	public String usage() { return "--out FILE.{csv,tif,png} [--is-ua 10] [--noise-ns 0.01] [--seed 1]"; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path out = a.outputMap( "out" );
		final ToyNonlocalMap toy = new ToyNonlocalMap();
		toy.supercurrentUa = a.number( "is-ua", toy.supercurrentUa );
		toy.noiseNs = a.number( "noise-ns", toy.noiseNs );
		toy.seed = a.integer( "seed", ( int ) toy.seed );
		a.rejectUnknown();
		if ( toy.noiseNs < 0 )
			throw new org.nisnonlocal.BadInputException( "--noise-ns must be >= 0, got " + toy.noiseNs );
		MapFiles.write( toy.generate(), out );
		System.out.println( "wrote " + out );
	}
}
