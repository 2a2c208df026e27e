package org.nisnonlocal.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
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
		final List< String > files = a.list( "in" );
		final Path out = a.path( "out" );
		final MapImportOptions options = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( files.size() < 2 )
			throw new BadInputException( "--in needs at least two maps separated by commas, got " + files.size() );
		final List< ConductanceMap > maps = new ArrayList<>();
		for ( final String f : files )
		{
			org.nisnonlocal.io.AtomicFiles.checkNotSame( Paths.get( f ), out );
			maps.add( MapFiles.read( Paths.get( f ), options ).map() );
		}
		final SweepAverage.Average avg = SweepAverage.average( maps );
		if ( maps.size() == 2 && maps.get( 0 ).xAxis().sameGrid( maps.get( 1 ).xAxis(), 1e-6 ) && maps.get( 0 ).yAxis().sameGrid( maps.get( 1 ).yAxis(), 1e-6 ) )
		{
			final SweepAverage.Shift s = SweepAverage.sweepShift( maps.get( 0 ), maps.get( 1 ), 5 );
			System.err.println( "  shift of the second sweep against the first along " + maps.get( 0 ).xAxis().name() + ": " + s.shift() + " "
					+ maps.get( 0 ).xAxis().unit() + " (" + s.shiftSteps() + " steps; hysteresis if not ~0)" );
		}
		final Path err = Outputs.sibling( out, "_error" );
		MapFiles.write( avg.mean(), out );
		MapFiles.write( avg.standardError(), err );
		System.out.println( "wrote " + out + " (mean of " + maps.size() + ") and " + err + " (standard error)" );
	}
}
