package org.nisnonlocal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.SweepAverage;

/**
 * {@code average --in MAP1,MAP2,… --out MAP}: the mean of repeated sweeps (others resampled onto the first grid), and
 * the per-point standard error as {@code <out>_error} for fits; with two maps also the up/down shift along V_inj.
 */
final class AverageCommand implements Subcommand
{
	@Override
	public String name() { return "average"; }

	@Override
	public String summary() { return "average repeated maps; writes the standard-error map beside it and reports an up/down sweep shift"; }

	@Override
	public String usage() { return "--in MAP1,MAP2,… --out MAP " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final List< Path > files = a.inputs( "in" );
		final Path out = a.outputMap( "out" );
		final Path err = Outputs.sibling( out, "_error" );
		a.alsoWritesMap( "out", err );
		final MapImportOptions options = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( files.size() < 2 )
			throw new BadInputException( "--in needs at least two maps separated by commas, got " + files.size() );
		final List< ConductanceMap > maps = new ArrayList<>();
		for ( final Path f : files )
			maps.add( MapFiles.read( f, options ).map() );
		SameUnits.require( files, maps );
		final SweepAverage.Average avg = SweepAverage.average( maps );
		final SweepAverage.Shift s = maps.size() == 2 && maps.get( 0 ).xAxis().sameGrid( maps.get( 1 ).xAxis(), 1e-6 ) && maps.get( 0 ).yAxis().sameGrid( maps.get( 1 ).yAxis(), 1e-6 )
				? SweepAverage.sweepShift( maps.get( 0 ), maps.get( 1 ), 5 ) : null;
		MapFiles.write( avg.mean(), out );
		MapFiles.write( avg.standardError(), err );
		if ( s != null ) // reported after the writes: a failed run prints only its error
			System.err.println( "  shift of the second sweep against the first along " + maps.get( 0 ).xAxis().name() + ": " + s.shift() + " "
					+ maps.get( 0 ).xAxis().unit() + " (" + s.shiftSteps() + " steps; hysteresis if not ~0)" );
		System.out.println( "wrote " + out + " (mean of " + maps.size() + ") and " + err + " (standard error)" );
	}
}
