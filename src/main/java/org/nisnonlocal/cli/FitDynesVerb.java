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
import org.nisnonlocal.io.SpectrumTextReader;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;

/**
 * {@code fit-dynes}: fits the Dynes NIS conductance to one spectrum and writes {@code name,value,error} rows: G_N (in S
 * when the data are a conductance, else in the data's unit, e.g. lock-in volts), Gamma and Delta (eV), T_e (K), V0 (V),
 * chi2_reduced (kept for scripts: χ²/ν with --sigma, else the residual variance), residual_variance (Σr²/ν in the
 * data's unit squared), sigma (the noise of one point: given, or estimated from the point-to-point scatter),
 * sigma_estimated (1 or 0), chi2_per_dof (χ²/ν with that σ) and warnings (how many; each on stderr); error column
 * empty for these. One summary line on stdout.
 */
final class FitDynesVerb implements Subcommand
{
	@Override
	public String name() { return "fit-dynes"; }

	@Override
	public String summary() { return "fit G_N, Γ, Δ, T_e and the bias offset of one NIS spectrum (Nanonis .dat, a 1D run of a QCoDeS database, or text)"; }

	@Override
	public String usage()
	{
		return "--in SPECTRUM --out FILE.csv [--column NAME|N] [--bias-column NAME|N] [--bias-unit U] [--value-unit U] [--where COLUMN=VALUE] [--sweep forward|backward] [--run ID] [--vac-rms V] [--fix-gamma EV] [--fix-delta EV] [--no-offset | --offset V] [--vmin A --vmax B] [--sigma S]"
				+ "   (SPECTRUM: a Nanonis bias-spectroscopy .dat when it has a [DATA] line, a QCoDeS database (--run ID picks the run, else the first 1D one), else a text table; for a table --bias-column and --column choose the columns, the units apply where its header has none,"
				+ " --where keeps one curve of several, e.g. a cuts CSV: --bias-column Vinj --column g --bias-unit mV --where Vdet=0.1; --vmin/--vmax in the spectrum's bias unit;"
				+ " --sigma: the noise of one point in the value unit, else estimated from the point-to-point scatter for chi2_per_dof)";
	}

	@Override
	public void run( final Args args ) throws Exception
	{
		final Path in = args.input( "in" );
		final Path out = args.output( "out" );
		final SpectrumTextReader.Selection selection = new SpectrumTextReader.Selection().valueColumn( args.string( "column", null ) ).biasColumn( args.string( "bias-column", null ) )
				.biasUnit( args.string( "bias-unit", null ) ).valueUnit( args.string( "value-unit", null ) ).where( args.string( "where", null ) );
		final String sweep = args.string( "sweep", "forward" );
		final double sigma = args.number( "sigma", Double.NaN );
		if ( args.has( "sigma" ) && !( sigma > 0 && Double.isFinite( sigma ) ) )
			throw new BadInputException( "--sigma must be a finite number > 0 (the noise of one point, value unit), got " + args.string( "sigma", "" ) );
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
		final Spectrum s = SpectrumFiles.read( in, sweep, selection, run );
		if ( !Double.isNaN( sigma ) )
		{
			final double[] each = new double[ s.size() ];
			java.util.Arrays.fill( each, sigma );
			o.sigma( each );
		}
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
			w.print( "residual_variance," + Numbers.format( r.residualVariance() ) + ",\n" );
			w.print( "sigma," + Numbers.format( r.sigmaEstimated() ? r.noiseSigma() : sigma ) + ",\n" );
			w.print( "sigma_estimated," + ( r.sigmaEstimated() ? 1 : 0 ) + ",\n" );
			w.print( "chi2_per_dof," + Numbers.format( r.chi2PerDof() ) + ",\n" );
			w.print( "warnings," + r.warnings().size() + ",\n" );
			w.flush();
		} );
		for ( final String warning : r.warnings() )
			System.err.println( "  WARNING: " + warning );
		System.out.println( String.format( java.util.Locale.ROOT, "fit-dynes: Δ = %.5g ± %.2g µeV, T_e = %.4g ± %.2g mK, Γ = %.3g ± %.2g µeV, V0 = %.4g ± %.2g µV, G_N = %.5g %s, χ²/ν = %.3g (σ %s), %d points%s -> %s",
				r.delta() * 1e6, r.deltaError() * 1e6, r.temperature() * 1e3, r.temperatureError() * 1e3, r.gamma() * 1e6, r.gammaError() * 1e6, r.offset() * 1e6, r.offsetError() * 1e6,
				r.gN(), Units.NORMALIZED.equals( s.valueUnit() ) ? "(data unit)" : s.valueUnit(), r.chi2PerDof(), r.sigmaEstimated() ? "estimated from the point-to-point scatter" : "given", r.points(),
				r.warnings().isEmpty() ? "" : ", " + r.warnings().size() + " warning" + ( r.warnings().size() > 1 ? "s" : "" ) + " (stderr)", out ) );
	}
}
