package org.nisnonlocal.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.GaMapPhaseGradientFit;
import org.nisnonlocal.fit.GaMapPhaseGradientFitResult;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.MapCsvWriter;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.MapOverlay;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.physics.SupercurrentModel;

/**
 * {@code fit-phase-gradient-map}: the phase gradient ∂xφ of each g_a map (S Eq. 16, one map per supercurrent) from the
 * coupled-modes supercurrent model ({@link GaMapPhaseGradientFit}), then, with two or more supercurrents, I0 of S Eq. 6
 * from the (I_s, ∂xφ) pairs. Writes DIR/phase_gradients.csv (one row per map; readable by {@code fit-i0}),
 * DIR/fit_&lt;k&gt;.csv and DIR/residual_&lt;k&gt;.csv (long Vinj,Vdet,g in model units, NaN outside the windows),
 * DIR/i0.csv ({@code name,value,error}, as {@code fit-i0}); one line per map (σ, notes, time) on stderr and a
 * one-line summary on stdout.
 */
final class FitPhaseGradientMapVerb implements Subcommand
{
	@Override
	public String name() { return "fit-phase-gradient-map"; }

	@Override
	public String summary() { return "fit the phase gradient to g_a maps with the coupled-modes supercurrent model (S Fig. 13), then I0 from (I_s, gradient) pairs"; }

	@Override
	public String usage()
	{
		return "--in MAP1[,MAP2,...] [--is-ua I1[,I2,...]] " + SupercurrentVerb.MODEL_USAGE
				+ " [--vinj-min A --vinj-max B --vdet-min C --vdet-max D (eV/Delta0; default: whole map)] [--sigma S (per point, model units; default: estimated from the residuals)]"
				+ " [--free-amplitude] [--delta0 EV] [--ginj S] [--gdet S] [--r-xi OHM] --out DIR " + ImportArgs.USAGE + " (import options apply to every map)"
				+ "   (each map is a g_a = [g(+I_s) - g(-I_s)]/2 map, e.g. from decompose; maps in mV/nS are converted to eV/Delta0 and G_inj*G_det*R_xi with"
				+ " --delta0/--ginj/--gdet/--r-xi or the map's metadata, a map without units is taken as in model units; the model's g_a does not depend on V_det, so every V_det row is fitted to one curve;"
				+ " the gradient is signed (detector at +distance); --is-ua: supercurrent of each map in µA (default: the maps' recorded supercurrent_A, if all have it);"
				+ " with >= 2 supercurrents I0 is fitted too; writes DIR/phase_gradients.csv, DIR/fit_<k>.csv, DIR/residual_<k>.csv, DIR/i0.csv)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final List< String > files = a.inputs( "in" ).stream().map( Path::toString ).collect( java.util.stream.Collectors.toList() );
		if ( files.isEmpty() )
			throw new BadInputException( "missing required option --in (comma-separated g_a map files)" );
		double[] currents = a.numbers( "is-ua" );
		if ( currents != null && currents.length != files.size() )
			throw new BadInputException( "--is-ua has " + currents.length + " values but --in names " + files.size() + " maps" );
		final SupercurrentModel model = SupercurrentVerb.model( a );
		final double vInjMin = a.number( "vinj-min", Double.NEGATIVE_INFINITY ), vInjMax = a.number( "vinj-max", Double.POSITIVE_INFINITY );
		final double vDetMin = a.number( "vdet-min", Double.NEGATIVE_INFINITY ), vDetMax = a.number( "vdet-max", Double.POSITIVE_INFINITY );
		final double sigma = a.has( "sigma" ) ? PhysicsCsv.positive( a, "sigma", 1 ) : Double.NaN;
		final boolean freeAmplitude = a.flag( "free-amplitude" );
		final double delta0 = a.number( "delta0", Double.NaN ), gInj = a.number( "ginj", Double.NaN ), gDet = a.number( "gdet", Double.NaN ), rXi = a.number( "r-xi", Double.NaN );
		final Path dir = a.outputFolder( "out" );
		for ( int k = 1; k <= files.size(); k++ )
			a.alsoWritesMap( "out", dir.resolve( "fit_" + k + ".csv" ) );
		for ( int k = 1; k <= files.size(); k++ )
			a.alsoWritesMap( "out", dir.resolve( "residual_" + k + ".csv" ) );
		a.alsoWrites( "out", dir.resolve( "phase_gradients.csv" ), dir.resolve( "i0.csv" ) );
		final MapImportOptions importOptions = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( !( vInjMax >= vInjMin ) || !( vDetMax >= vDetMin ) )
			throw new BadInputException( "bias windows must have max >= min (--vinj-min/--vinj-max, --vdet-min/--vdet-max)" );

		final int n = files.size();
		final ConductanceMap[] maps = new ConductanceMap[ n ];
		final List< String > unitless = new java.util.ArrayList<>();
		for ( int k = 0; k < n; k++ )
		{
			final ModelUnits u = ModelUnits.of( MapFiles.read( Paths.get( files.get( k ) ), importOptions ).map(), MapOverlay.Parameters.orMetadata( delta0, gInj, gDet, rXi ), files.get( k ) );
			if ( !u.unitless().isEmpty() )
				unitless.add( "fit-phase-gradient-map: " + files.get( k ) + " " + u.unitless() );
			maps[ k ] = u.map();
		}
		for ( final String line : unitless ) // once every map is read: a refused map prints only its error
			System.err.println( line );
		String currentsFrom = "";
		if ( currents == null )
		{
			currents = recordedCurrentsUa( maps );
			if ( currents != null )
				currentsFrom = " (I_s from the maps' supercurrent_A)";
		}

		final GaMapPhaseGradientFit fit = new GaMapPhaseGradientFit( model ).amplitudeFree( freeAmplitude );
		final GaMapPhaseGradientFitResult[] r = new GaMapPhaseGradientFitResult[ n ];
		for ( int k = 0; k < n; k++ )
		{
			final long t0 = System.nanoTime();
			r[ k ] = fit.fit( maps[ k ], vInjMin, vInjMax, vDetMin, vDetMax, sigma, files.get( k ) );
			final double seconds = ( System.nanoTime() - t0 ) * 1e-9;
			MapCsvWriter.writeLong( named( r[ k ].fitMap( maps[ k ] ) ), dir.resolve( "fit_" + ( k + 1 ) + ".csv" ) );
			MapCsvWriter.writeLong( named( r[ k ].residualMap( maps[ k ] ) ), dir.resolve( "residual_" + ( k + 1 ) + ".csv" ) );
			System.err.printf( Locale.ROOT, "  %s%s: phase gradient = %.6g +- %.2g /xi%s, chi2_reduced = %.4g, %d points, sigma = %.3g%s, %.2f s%s%s%n", fileName( files.get( k ) ),
					currents == null ? "" : " (I_s = " + Numbers.format( currents[ k ] ) + " uA)", r[ k ].phaseGradient, r[ k ].error,
					freeAmplitude ? String.format( Locale.ROOT, ", amplitude = %.5g +- %.2g (correlation %.3f)", r[ k ].amplitude, r[ k ].amplitudeError, r[ k ].correlation ) : "",
					r[ k ].chi2Reduced, r[ k ].points, r[ k ].sigma, r[ k ].sigmaEstimated ? " (estimated)" : "", seconds, r[ k ].converged ? "" : " NOT CONVERGED",
					r[ k ].note.isEmpty() ? "" : "; " + r[ k ].note );
		}
		final double[] is = currents;
		AtomicFiles.write( dir.resolve( "phase_gradients.csv" ), os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "map,I_s_uA,phase_gradient,error,chi2_reduced,points,amplitude,amplitude_error,sigma,converged\n" );
			for ( int k = 0; k < n; k++ )
				w.print( fileName( files.get( k ) ) + "," + ( is == null ? "" : Numbers.format( is[ k ] ) ) + "," + Numbers.format( r[ k ].phaseGradient ) + ","
						+ Numbers.format( r[ k ].error ) + "," + Numbers.format( r[ k ].chi2Reduced ) + "," + r[ k ].points + "," + Numbers.format( r[ k ].amplitude ) + ","
						+ Numbers.format( r[ k ].amplitudeError ) + "," + Numbers.format( r[ k ].sigma ) + "," + r[ k ].converged + "\n" );
			w.flush();
		} );
		final StringBuilder line = new StringBuilder( "fit-phase-gradient-map: " + n + ( n == 1 ? " map" : " maps" ) + ", phase gradient" + ( n == 1 ? " " : "s " ) );
		for ( int k = 0; k < n; k++ )
			line.append( k == 0 ? "" : ", " ).append( String.format( Locale.ROOT, "%.5g +- %.2g", r[ k ].phaseGradient, r[ k ].error ) )
					.append( is == null ? "" : String.format( Locale.ROOT, " (I_s = %s uA)", Numbers.format( is[ k ] ) ) ).append( r[ k ].converged ? "" : " NOT CONVERGED" );
		line.append( " /xi" );
		if ( is == null || n < 2 )
		{
			if ( n >= 2 )
				line.append( "; no supercurrents (--is-ua), so no I0 fit" );
			System.out.println( line + "; wrote " + dir );
			return;
		}
		final GaMapPhaseGradientFit.I0Result i0 = fit.fitI0( is, r );
		AtomicFiles.write( dir.resolve( "i0.csv" ), os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "name,value,error\n" );
			w.print( "I0_uA," + Numbers.format( i0.fit.i0() ) + "," + Numbers.format( i0.fit.i0Error() ) + "\n" );
			w.print( "chi2_reduced," + Numbers.format( i0.fit.chi2Reduced() ) + ",\n" );
			w.print( "points," + i0.fit.points() + ",\n" );
			w.flush();
		} );
		System.out.println( line + String.format( Locale.ROOT, "; I0 = %.5g +- %.2g uA (chi2_reduced %.3g)", i0.fit.i0(), i0.fit.i0Error(), i0.fit.chi2Reduced() ) + currentsFrom
				+ ( i0.note.isEmpty() ? "" : "; " + i0.note ) + "; wrote " + dir );
	}

	/** Every map's recorded supercurrent in µA, or null when one of them has none. */
	private static double[] recordedCurrentsUa( final ConductanceMap[] maps )
	{
		final double[] out = new double[ maps.length ];
		for ( int k = 0; k < maps.length; k++ )
		{
			final MapMetadata m = maps[ k ].metadata();
			if ( !m.has( MapMetadata.SUPERCURRENT_A ) || !Double.isFinite( m.number( MapMetadata.SUPERCURRENT_A ) ) )
				return null;
			out[ k ] = m.number( MapMetadata.SUPERCURRENT_A ) * 1e6;
		}
		return out;
	}

	/** Axes named Vinj, Vdet for the long CSV header Vinj,Vdet,g. */
	private static ConductanceMap named( final ConductanceMap m )
	{
		return m.withAxes( m.xAxis().withName( "Vinj" ), m.yAxis().withName( "Vdet" ) );
	}

	private static String fileName( final String file )
	{
		return Paths.get( file ).getFileName().toString().replace( ',', '_' );
	}
}
