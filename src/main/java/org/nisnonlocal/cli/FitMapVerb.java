package org.nisnonlocal.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.ConvergedMapFit;
import org.nisnonlocal.fit.EnergyModeMapFit;
import org.nisnonlocal.fit.EnergyModeMapFitResult;
import org.nisnonlocal.fit.PointErrors;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.MapCsvWriter;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapOverlay;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * {@code fit-map}: γ_ee of the energy-mode model, optionally with Γ, the Δ0 scale and κ_I, fitted to a measured g_sa map
 * ({@link EnergyModeMapFit}). Writes params.csv ({@code name,value,error,low,high}: one row per free parameter, then
 * chi2_reduced and points, then chi2_expected_high, model_consistent and gamma_ee_unscaled, the statistical-only error
 * and interval, always written), correlation.csv (header row of names), chi2_gamma_ee.csv (the evaluated χ² profile; the
 * profile likelihood with other free parameters), fit.csv and residual.csv on the measured grid (NaN outside the
 * fitted windows).
 */
final class FitMapVerb implements Subcommand
{
	@Override
	public String name() { return "fit-map"; }

	@Override
	public String summary() { return "fit gamma_ee (and optionally gamma, delta0-scale, kappa) of the energy-mode model to a g_sa map: covariance errors, correlations, profile-likelihood interval"; }

	@Override
	public String usage()
	{
		return "--in MAP [--free gamma-ee[,gamma][,delta0-scale][,kappa]] [--gamma-ee 2e-4 (start, centre of the search)] [--span 1 (decades each side of the start, coarse profile every 0.5)] "
				+ EnergyModeOptions.USAGE.replace( "[--de 0.025]", "[--de auto|STEP (auto: refined from 0.025 until the model error is <= sigma/3)]" ) + " [--delta0-scale 1 (s = Delta0/Delta0_nominal: model at V/s)]"
				+ " [--vinj-min A --vinj-max B --vdet-min C --vdet-max D (default: whole map)] [--sigma S (per point) | --sigma-map MAP (sigma per point, same grid and unit as the map, e.g. average's _error map); default: estimated from the residuals]"
				+ " [--model-step 0.1 (V_inj step of the model sweep)] [--delta0 EV --ginj S --gdet S --r-xi OHM (for a map in volts/siemens; default from its metadata)] --out DIR "
				+ ImportArgs.USAGE + " (import options apply to --in and --sigma-map)"
				+ "   (fitted in model units: biases eV/Delta0, g in G_inj*G_det*R_xi, as are --vinj-min etc. and --sigma; a map without units is taken as in model units; fit.csv and residual.csv in the map's own units; --gamma, --kappa, --delta0-scale are the start values of free parameters, else fixed;"
				+ " bounds gamma " + EnergyModeMapFit.GAMMA_MIN + " .. " + EnergyModeMapFit.GAMMA_MAX + ", delta0-scale " + EnergyModeMapFit.SCALE_MIN + " .. "
				+ EnergyModeMapFit.SCALE_MAX + ", kappa " + EnergyModeMapFit.KAPPA_MIN + " .. " + EnergyModeMapFit.KAPPA_MAX
				+ "; with --sigma or --sigma-map, a chi2_reduced above 1 + 4*sqrt(2/(points - free parameters)) says the model does not describe the data within their errors:"
				+ " errors and interval are then widened by sqrt(chi2_reduced) (stated in the summary line)"
				+ "; writes params.csv (low/high: profile interval, gamma_ee only; after chi2_reduced and points the rows chi2_expected_high, model_consistent (1 or 0) and"
				+ " gamma_ee_unscaled (statistical-only error and interval, always written), then model_error, model_error_per_sigma, energy_step, model_bias_gamma_ee), correlation.csv, chi2_gamma_ee.csv (profile likelihood: other free parameters re-optimized), fit.csv, residual.csv)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		final List< String > freeNames = a.list( "free" );
		final EnumSet< EnergyModeMapFit.Parameter > free = EnumSet.of( EnergyModeMapFit.Parameter.GAMMA_EE );
		for ( final String f : freeNames )
			free.add( EnergyModeMapFit.Parameter.fromOption( f ) );
		final double gammaEe0 = PhysicsCsv.positive( a, "gamma-ee", 2e-4 );
		final double span = a.number( "span", 1 );
		final EnergyModeRun setup = EnergyModeOptions.read( a, true );
		final double modelStep = PhysicsCsv.positive( a, "model-step", 0.1 );
		final double delta0Scale = PhysicsCsv.positive( a, "delta0-scale", 1 );
		final double sigma = a.has( "sigma" ) ? PhysicsCsv.positive( a, "sigma", 1 ) : Double.NaN;
		final Path sigmaMap = a.optionalInput( "sigma-map" );
		if ( sigmaMap != null && !Double.isNaN( sigma ) )
			throw new BadInputException( "give --sigma or --sigma-map, not both" );
		final double vInjMin = a.number( "vinj-min", Double.NEGATIVE_INFINITY ), vInjMax = a.number( "vinj-max", Double.POSITIVE_INFINITY );
		final double vDetMin = a.number( "vdet-min", Double.NEGATIVE_INFINITY ), vDetMax = a.number( "vdet-max", Double.POSITIVE_INFINITY );
		final MapOverlay.Parameters units = new MapOverlay.Parameters();
		units.delta0eV = a.number( "delta0", Double.NaN );
		units.gInjS = a.number( "ginj", Double.NaN );
		units.gDetS = a.number( "gdet", Double.NaN );
		units.rXiOhm = a.number( "r-xi", Double.NaN );
		final Path dir = a.outputFolder( "out" );
		a.alsoWrites( "out", dir.resolve( "params.csv" ), dir.resolve( "correlation.csv" ), dir.resolve( "chi2_gamma_ee.csv" ) );
		a.alsoWritesMap( "out", dir.resolve( "fit.csv" ) );
		a.alsoWritesMap( "out", dir.resolve( "residual.csv" ) );
		final MapImportOptions importOptions = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( !( vInjMax >= vInjMin ) || !( vDetMax >= vDetMin ) )
			throw new BadInputException( "bias windows must have max >= min" );
		// the model's biases are in eV/Δ0 and g in G_inj G_det R_ξ: a map in mV or siemens is converted (never fitted as is)
		final ConductanceMap measured = MapFiles.read( in, importOptions ).map();
		final ModelUnits normalized = ModelUnits.of( measured, units, in.toString() );
		final ConductanceMap map = normalized.map();
		if ( !normalized.unitless().isEmpty() )
			System.err.println( "fit-map: " + in + " " + normalized.unitless() );
		for ( final String line : normalized.report() )
			System.err.println( "fit-map: " + line );
		final double[][] p = EnergyModeMapFit.select( map, vInjMin, vInjMax, vDetMin, vDetMax );
		double[] s = null;
		if ( !Double.isNaN( sigma ) )
		{
			s = new double[ p[ 0 ].length ];
			java.util.Arrays.fill( s, sigma );
		}
		else if ( sigmaMap != null )
			s = PointErrors.at( measured, normalized, MapFiles.read( sigmaMap, importOptions ).map(), p );
		final long t0 = System.nanoTime();
		final ConvergedMapFit.Result outcome = new ConvergedMapFit( setup, modelStep ).energyStep( setup.de ).span( span ).free( free ).delta0Scale( delta0Scale ).fit( p[ 0 ],
				p[ 1 ], p[ 2 ], s, gammaEe0, null );
		final EnergyModeMapFitResult r = outcome.fit;
		final double seconds = ( System.nanoTime() - t0 ) * 1e-9;
		AtomicFiles.write( dir.resolve( "params.csv" ), os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "name,value,error,low,high\n" );
			for ( int k = 0; k < r.parameters.size(); k++ )
				w.print( r.parameters.get( k ).csvName + "," + Numbers.format( r.values[ k ] ) + "," + cell( r.errors[ k ] ) + "," + cell( r.lows[ k ] ) + "," + cell( r.highs[ k ] )
						+ "\n" );
			w.print( "chi2_reduced," + Numbers.format( r.chi2Reduced ) + ",,,\n" );
			w.print( "points," + r.points + ",,,\n" );
			// added rows (issue 14), after the existing ones: the band the reduced χ² is tested against, the verdict, and
			// the statistical-only γ_ee error and interval (equal to the gamma_ee row unless widened)
			w.print( "chi2_expected_high," + Numbers.format( r.chi2ExpectedHigh ) + ",,,\n" );
			w.print( "model_consistent," + ( r.inconsistent ? 0 : 1 ) + ",,,\n" );
			w.print( "gamma_ee_unscaled," + Numbers.format( r.gammaEe ) + "," + cell( r.errorUnscaled ) + "," + cell( r.lowUnscaled ) + "," + cell( r.highUnscaled ) + "\n" );
			// the model's own discretization error (rms over the fitted points, units of g; and over σ) and the energy step
			// the fitted model stands for (ConvergedMapFit)
			w.print( "model_error," + cell( outcome.modelError ) + ",,,\n" );
			w.print( "model_error_per_sigma," + cell( outcome.modelErrorPerSigma ) + ",,,\n" );
			w.print( "energy_step," + Numbers.format( outcome.energyStep ) + ",,,\n" );
			// the shift of γ_ee that grid's remaining error would cause (γ_ee units; empty when other parameters are free)
			w.print( "model_bias_gamma_ee," + cell( outcome.modelBias ) + ",,,\n" );
			w.flush();
		} );
		AtomicFiles.write( dir.resolve( "correlation.csv" ), os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			final StringBuilder head = new StringBuilder( "name" );
			for ( final EnergyModeMapFit.Parameter q : r.parameters )
				head.append( ',' ).append( q.csvName );
			w.print( head + "\n" );
			for ( int i = 0; i < r.parameters.size(); i++ )
			{
				final StringBuilder row = new StringBuilder( r.parameters.get( i ).csvName );
				for ( int j = 0; j < r.parameters.size(); j++ )
					row.append( ',' ).append( r.correlation == null ? "NaN" : Numbers.format( r.correlation[ i ][ j ] ) );
				w.print( row + "\n" );
			}
			w.flush();
		} );
		PhysicsCsv.write( dir.resolve( "chi2_gamma_ee.csv" ), "gamma_ee,chi2", r.profileGammaEe, r.profileChi2 );
		// fit and residual on the measured grid in the measured units
		final ConductanceMap fit = r.onMeasuredGrid( measured, normalized, p, false );
		final ConductanceMap residual = r.onMeasuredGrid( measured, normalized, p, true );
		MapCsvWriter.writeLong( fit, dir.resolve( "fit.csv" ) );
		MapCsvWriter.writeLong( residual, dir.resolve( "residual.csv" ) );
		final StringBuilder others = new StringBuilder();
		for ( int k = 1; k < r.parameters.size(); k++ )
			others.append( ", " ).append( r.parameters.get( k ).csvName ).append( " = " ).append( Numbers.format( r.values[ k ] ) ).append( " +- " ).append( cellOr( r.errors[ k ] ) );
		// the note holds the plain-language verdict and the widening factor when the model is inconsistent with the data
		final String unscaled = r.inconsistent ? String.format( " (statistical only: +- %s, 68%% profile %s .. %s)", cellOr( r.errorUnscaled ), cellOr( r.lowUnscaled ), cellOr( r.highUnscaled ) )
				: "";
		final String modelError = Double.isFinite( outcome.modelError ) ? String.format( Locale.ROOT, ", model error %s (%.2f sigma, delta_epsilon = %s)", Numbers.format( outcome.modelError ),
				outcome.modelErrorPerSigma, Numbers.format( outcome.energyStep ) ) : "";
		final String notes = outcome.notes();
		System.out.printf( "fit-map: gamma_ee = %s +- %s (68%% profile %s .. %s)%s%s, chi2_reduced = %s%s, %d points, %d model evaluations (%d detector integrals, %d reference) in %.1f s%s%s%n",
				Numbers.format( r.gammaEe ), cellOr( r.error ), cellOr( r.low ), cellOr( r.high ), unscaled, others, Numbers.format( r.chi2Reduced ), modelError, r.points,
				r.evaluations, r.detectorEvaluations, outcome.referenceEvaluations, seconds, r.converged ? "" : " NOT CONVERGED", notes.isEmpty() ? "" : "; " + notes );
	}

	private static String cell( final double v ) { return Double.isFinite( v ) ? Numbers.format( v ) : ""; }

	private static String cellOr( final double v ) { return Double.isFinite( v ) ? Numbers.format( v ) : "unbounded"; }
}
