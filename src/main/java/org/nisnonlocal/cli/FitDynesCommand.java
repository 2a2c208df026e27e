package org.nisnonlocal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.DynesFit;
import org.nisnonlocal.fit.DynesFitOptions;
import org.nisnonlocal.fit.DynesFitResult;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.io.SpectrumFiles;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;

/**
 * {@code fit-dynes}: fits the Dynes NIS conductance to one spectrum and writes {@code name,value,error} rows: G_N (in S
 * when the data are a conductance, else in the data's unit, e.g. lock-in volts), Gamma and Delta (eV), T_e (K), V0 (V),
 * chi2_reduced (in the data's unit squared; error column empty).
 */
final class FitDynesCommand implements Subcommand
{
	@Override
	public String name() { return "fit-dynes"; }

	@Override
	public String summary() { return "fit G_N, Γ, Δ, T_e and the bias offset of one NIS spectrum (Nanonis .dat or text)"; }

	@Override
	public String usage()
	{
		return "--in SPECTRUM --out FILE.csv [--column NAME] [--sweep forward|backward] [--run ID (QCoDeS database)] [--vac-rms V] [--fix-gamma EV] [--fix-delta EV] [--no-offset | --offset V] [--vmin A --vmax B]"
				+ "   (SPECTRUM: a Nanonis bias-spectroscopy .dat when it has a [DATA] line, else a text table; --vmin/--vmax in the spectrum's bias unit)";
	}

	@Override
	public void run( final Args args ) throws Exception
	{
		final Path in = args.path( "in" );
		final Path out = args.path( "out" );
		final String column = args.string( "column", null );
		final String sweep = args.string( "sweep", "forward" );
		final String run = args.string( "run", null );
		final DynesFitOptions o = new DynesFitOptions();
		o.vacRms( args.number( "vac-rms", 0 ) );
		if ( args.has( "fix-gamma" ) )
			o.fixGamma( args.requiredNumber( "fix-gamma" ) );
		if ( args.has( "fix-delta" ) )
			o.fixDelta( args.requiredNumber( "fix-delta" ) );
		final boolean noOffset = args.flag( "no-offset" );
		if ( noOffset && args.has( "offset" ) )
			throw new BadInputException( "--no-offset and --offset exclude each other" );
		if ( noOffset )
			o.fixOffset( 0 );
		else if ( args.has( "offset" ) )
			o.fixOffset( args.requiredNumber( "offset" ) );
		if ( args.has( "vmin" ) || args.has( "vmax" ) )
			o.range( args.number( "vmin", Double.NEGATIVE_INFINITY ), args.number( "vmax", Double.POSITIVE_INFINITY ) );
		args.rejectUnknown();
		AtomicFiles.checkNotSame( in, out );
		final Spectrum s = SpectrumFiles.read( in, column, sweep, run );
		final DynesFitResult r = DynesFit.fit( s, o );
		final double toS = "conductance".equals( Units.kind( s.valueUnit() ) ) ? Units.conversionFactor( s.valueUnit(), "S" ) : 1;
		AtomicFiles.write( out, os -> {
			final PrintWriter w = new PrintWriter( new java.io.OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "name,value,error\n" );
			final double[] v = r.values(), e = r.errors();
			for ( int i = 0; i < v.length; i++ )
			{
				final double f = i == 0 ? toS : 1;
				w.print( DynesFitResult.NAMES[ i ] + "," + Numbers.format( f * v[ i ] ) + "," + Numbers.format( f * e[ i ] ) + "\n" );
			}
			w.print( "chi2_reduced," + Numbers.format( r.chi2Reduced() ) + ",\n" );
			w.flush();
		} );
	}
}
