package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.ConvergedMapFit;
import org.nisnonlocal.fit.EnergyModeMapFit;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * {@code bench-fit --map}: the γ_ee fit of a g_sa map (model units) as {@code fit-map --free gamma-ee --sigma S} runs
 * it with its defaults (automatic grid, 2 threads), timed whole, {@code runs} times in one JVM: the median and each
 * run's wall time, with the result, the grid it stands for, the model error and the sweeps it cost.
 */
final class MapFitBench
{
	private MapFitBench() {}

	static void run( final PrintStream out, final Path file, final double sigma, final double vInjMin, final double vInjMax, final int runs ) throws java.io.IOException
	{
		if ( runs < 1 )
			throw new BadInputException( "--fit-runs must be >= 1, got " + runs );
		final ConductanceMap map = MapFiles.read( file, new MapImportOptions() ).map();
		final double[][] p = EnergyModeMapFit.select( map, vInjMin, vInjMax, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY );
		final double[] s = new double[ p[ 0 ].length ];
		Arrays.fill( s, sigma );
		// fit-map's defaults: the paper's parameters with the runner's bath temperature
		final EnergyModeRun setup = new EnergyModeRun();
		setup.tInj = EnergyModeVerb.T_INJ;
		setup.tDet = EnergyModeVerb.T_DET;
		setup.tBath = EnergyModeVerb.T_BATH;
		final double[] seconds = new double[ runs ];
		ConvergedMapFit.Result r = null;
		for ( int k = 0; k < runs; k++ )
		{
			final long t0 = System.nanoTime();
			r = new ConvergedMapFit( setup, 0.1 ).fit( p[ 0 ], p[ 1 ], p[ 2 ], s, 2e-4, null );
			seconds[ k ] = ( System.nanoTime() - t0 ) * 1e-9;
			out.printf( "run %d: %.1f s%n", k + 1, seconds[ k ] );
			out.flush();
		}
		final double[] sorted = seconds.clone();
		Arrays.sort( sorted );
		out.printf( "gamma_ee fit of %s, %d points (eV_inj %s .. %s), sigma %s: gamma_ee = %.5g +- %.3g, chi2_reduced %.3f, model error %.3g (%.2f sigma) at delta_epsilon = %s,"
				+ " gamma_ee shift estimate %.2f of its error; %d sweeps at 1/40 + %d reference sweeps; median %.1f s of %d runs (%d processors visible)%n", file.getFileName(),
				p[ 0 ].length, vInjMin, vInjMax, sigma, r.fit.gammaEe, r.fit.error, r.fit.chi2Reduced, r.modelError, r.modelErrorPerSigma, r.energyStep, r.modelBias / r.fit.error,
				r.fit.evaluations, r.referenceEvaluations, sorted[ runs / 2 ], runs, Runtime.getRuntime().availableProcessors() );
	}
}
