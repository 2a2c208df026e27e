package org.nisnonlocal.cli;

import java.nio.file.Path;
import java.util.List;

import org.nisnonlocal.io.MapCsvWriter;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.OffsetCorrection;
import org.nisnonlocal.maps.SupercurrentDecomposition;
import org.nisnonlocal.maps.SymmetryDecomposition;

/**
 * {@code decompose --in MAP --out DIR [--minus MAP_AT_MINUS_IS] [--axis vinj|vdet]}: writes {@code g_ss.csv} and
 * {@code g_sa.csv} (with {@code --minus} also {@code g_s.csv}, {@code g_a.csv}), long format, in the input's units.
 * Naming a {@code --minus} map states that it was measured at −I_s; supercurrents recorded in the maps' metadata
 * must still be opposite.
 */
final class DecomposeVerb implements Subcommand
{
	@Override
	public String name() { return "decompose"; }

	@Override
	public String summary() { return "even/odd parts in V_inj (g_ss, g_sa) and, with --minus, g_s and g_a of a ±I_s pair"; }

	@Override
	public String usage() { return "--in MAP --out DIR [--minus MAP_AT_MINUS_IS] [--axis vinj|vdet] [--resample-minus] [--offset V | --estimate-offset even|odd] " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		final Path minusFile = a.optionalInput( "minus" );
		final Path dir = a.outputFolder( "out" );
		for ( final String name : minusFile == null ? new String[] { "g_ss.csv", "g_sa.csv" } : new String[] { "g_s.csv", "g_a.csv", "g_ss.csv", "g_sa.csv" } )
			a.alsoWritesMap( "out", dir.resolve( name ) );
		final MapAxis axis = MapAxis.parse( a.string( "axis", "vinj" ) );
		final boolean resample = a.flag( "resample-minus" );
		final double offset = a.number( "offset", Double.NaN );
		final String estimate = a.string( "estimate-offset", null );
		final MapImportOptions options = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( estimate != null && !Double.isNaN( offset ) )
			throw new org.nisnonlocal.BadInputException( "give at most one of --offset and --estimate-offset" );
		ConductanceMap map = MapFiles.read( in, options ).map();
		ConductanceMap minus = minusFile == null ? null : MapFiles.read( minusFile, options ).map();
		if ( minus != null )
			SameUnits.require( java.util.Arrays.asList( in, minusFile ), java.util.Arrays.asList( map, minus ) );
		double removed = Double.NaN;
		String offsetReport = null;
		if ( estimate != null || !Double.isNaN( offset ) )
		{
			final OffsetCorrection c = OffsetCorrection.apply( map, axis, estimate == null ? "given" : estimate, offset );
			offsetReport = c.report();
			map = c.map();
			removed = c.offset();
		}
		final List< String > report;
		if ( minusFile == null )
		{
			final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( map, axis, "g_ss", "g_sa" );
			MapCsvWriter.writeLong( r.even(), dir.resolve( "g_ss.csv" ) );
			MapCsvWriter.writeLong( r.odd(), dir.resolve( "g_sa.csv" ) );
			report = r.report();
		}
		else
		{
			if ( !Double.isNaN( removed ) ) // the same offset: both maps come from one set-up
				minus = OffsetCorrection.apply( minus, axis, "given", removed ).map();
			final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( map, minus, axis, true, resample );
			MapCsvWriter.writeLong( r.gs(), dir.resolve( "g_s.csv" ) );
			MapCsvWriter.writeLong( r.ga(), dir.resolve( "g_a.csv" ) );
			MapCsvWriter.writeLong( r.gss(), dir.resolve( "g_ss.csv" ) );
			MapCsvWriter.writeLong( r.gsa(), dir.resolve( "g_sa.csv" ) );
			report = r.report();
		}
		// reported after the writes: a failed run prints only its error
		if ( offsetReport != null )
			System.err.println( "  " + offsetReport );
		for ( final String line : report )
			System.err.println( "  " + line );
		System.out.println( "wrote " + dir.resolve( "g_ss.csv" ) + ", " + dir.resolve( "g_sa.csv" ) + ( minusFile == null ? "" : ", g_s.csv, g_a.csv" ) );
	}
}
