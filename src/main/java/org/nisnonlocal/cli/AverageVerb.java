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
 * the per-point standard error as {@code <out>_error} for fits; the second sweep's shift against the first along both
 * axes is reported and recorded in the mean's metadata ({@code sweep_shift.x}, {@code sweep_shift.y}), and
 * {@code --align} moves every sweep onto the first before averaging.
 */
final class AverageVerb implements Subcommand
{
	@Override
	public String name() { return "average"; }

	@Override
	public String summary() { return "average repeated maps; writes the standard-error map beside it and reports the shift of the second sweep along both axes (--align moves the sweeps onto the first)"; }

	@Override
	public String usage() { return "--in MAP1,MAP2,… --out MAP [--align] " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final List< Path > files = a.inputs( "in" );
		final Path out = a.outputMap( "out" );
		final Path err = Outputs.sibling( out, "_error" );
		a.alsoWritesMap( "out", err );
		final boolean align = a.flag( "align" );
		final MapImportOptions options = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( files.size() < 2 )
			throw new BadInputException( "--in needs at least two maps separated by commas, got " + files.size() );
		final List< ConductanceMap > maps = new ArrayList<>();
		final List< String > names = new ArrayList<>();
		for ( final Path f : files )
		{
			maps.add( MapFiles.read( f, options ).map() );
			names.add( f.toString() );
		}
		SameUnits.require( files, maps );
		final SweepAverage.Average avg = SweepAverage.average( maps, names, align );
		MapFiles.write( avg.mean(), out );
		MapFiles.write( avg.standardError(), err );
		// reported after the writes: a failed run prints only its error
		if ( avg.shift() != null )
			System.err.println( "  " + avg.shift().report() + ( align ? "; sweeps aligned onto the first before averaging" : "; not aligned (--align to shift them before averaging)" ) );
		else
			System.err.println( "  the sweeps are on different grids: no shift between them estimated" );
		System.out.println( "wrote " + out + " (mean of " + maps.size() + ( align ? ", aligned" : "" ) + ") and " + err + " (standard error)" );
	}
}
