package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import org.nisnonlocal.fit.ChargeImbalanceFit;
import org.nisnonlocal.fit.ChargeImbalanceFitOptions;
import org.nisnonlocal.fit.DynesConductance;
import org.nisnonlocal.fit.DynesFit;
import org.nisnonlocal.fit.DynesFitOptions;
import org.nisnonlocal.fit.GaMapPhaseGradientFit;
import org.nisnonlocal.fit.PhaseGradientFit;
import org.nisnonlocal.fit.SyntheticMap;
import org.nisnonlocal.fit.SupercurrentScaleFit;
import org.nisnonlocal.io.NanonisSpectrumReader;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.ChargeImbalanceModel;
import org.nisnonlocal.physics.SupercurrentModel;
import org.nisnonlocal.physics.SupercurrentRelation;

/**
 * {@code bench-fit}: wall-clock medians of whole fits after warm-up, one thread: the Dynes fit of synthetic
 * 2000/5000-point spectra (and of a real Nanonis spectrum with {@code --spectrum}), and the Fig. 10 chain (Γ, ∂xφ, I0)
 * on synthetic Table 1 curves, and the ∂xφ fit of a synthetic g_a map. The figures in BENCHMARKS.md come from this verb.
 */
final class FitBenchVerb implements Subcommand
{
	@Override
	public String name() { return "bench-fit"; }

	@Override
	public String summary() { return "measure the fits (Dynes, Fig. 10 chain, g_a map): median wall time after warm-up"; }

	@Override
	public String usage()
	{
		return "[--runs 9] [--warmup 3] [--spectrum NANONIS.dat] [--map MAP --sigma S [--vinj-min 1.5 --vinj-max 5] [--fit-runs 3] (also times the gamma_ee fit of a g_sa map in model units"
				+ " as fit-map runs it: --de auto, 2 threads; only this case with --map)]";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final int runs = a.integer( "runs", 9 );
		final int warmup = a.integer( "warmup", 3 );
		final Path real = a.optionalInput( "spectrum" );
		final Path map = a.optionalInput( "map" );
		final double sigma = map != null ? PhysicsCsv.positive( a, "sigma", 1 ) : Double.NaN;
		final double vInjMin = a.number( "vinj-min", 1.5 ), vInjMax = a.number( "vinj-max", 5 );
		final int fitRuns = a.integer( "fit-runs", 3 );
		a.rejectUnknown();
		final PrintStream out = System.out;
		if ( map != null )
		{
			MapFitBench.run( out, map, sigma, vInjMin, vInjMax, fitRuns );
			return;
		}
		out.printf( "%-62s %10s %10s%n", "case", "median_ms", "min_ms" );
		final Spectrum s2000 = dynesSpectrum( 2000, 0 ), s2000ac = dynesSpectrum( 2000, 15e-6 ), s5000 = dynesSpectrum( 5000, 0 );
		time( out, runs, warmup, "Dynes fit, 2000 points, T = 61 mK, Γ = 1 µeV", () -> DynesFit.fit( s2000, new DynesFitOptions() ).values() );
		time( out, runs, warmup, "Dynes fit, 2000 points, lock-in 15 µV rms", () -> DynesFit.fit( s2000ac, new DynesFitOptions().vacRms( 15e-6 ) ).values() );
		time( out, runs, warmup, "Dynes fit, 5000 points", () -> DynesFit.fit( s5000, new DynesFitOptions() ).values() );
		if ( real != null )
		{
			final Spectrum s = NanonisSpectrumReader.readSpectrum( real, NanonisSpectrumReader.Sweep.FORWARD );
			time( out, runs, warmup, "Dynes fit, " + real.getFileName() + " forward", () -> DynesFit.fit( s, new DynesFitOptions() ).values() );
		}
		final double[] v = new double[ 151 ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = i / 100.0;
		final double[] g0 = chargeCurve( v, 0, 1 ), g2 = chargeCurve( v, 0.2, 2 );
		time( out, runs, warmup, "Γ fit, 151 points 0..1.5, Table 1 device", () -> new double[] { ChargeImbalanceFit.fit( v, g0, new ChargeImbalanceFitOptions(), "b" ).gamma() } );
		time( out, runs, warmup, "Γ + amplitude fit, 151 points", () -> new double[] { ChargeImbalanceFit.fit( v, g0, new ChargeImbalanceFitOptions().freeAmplitude(), "b" ).gamma() } );
		time( out, runs, warmup, "phase-gradient fit (Γ fixed), 151 points, true 0.2/ξ",
				() -> new double[] { PhaseGradientFit.fit( v, g2, 1.53e-3, new ChargeImbalanceFitOptions(), "b" ).phaseGradient() } );
		final double[] q = { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 };
		final double[] is = new SupercurrentRelation( 1.53e-3, SupercurrentScaleFit.DEFAULT_T ).curve( q );
		for ( int i = 0; i < is.length; i++ )
			is[ i ] *= 29.8;
		final double[] sq = new double[ q.length ];
		Arrays.fill( sq, 0.005 );
		time( out, runs, warmup, "I0 fit, 8 pairs", () -> new double[] { new SupercurrentScaleFit( 1.53e-3, SupercurrentScaleFit.DEFAULT_T ).fit( is, q, sq, null ).i0() } );
		// g_a map of 101 × 41 points (eV_inj −2 … 2, eV_det −0.4 … 0.4), Fig. 10 device, σ = 0.01 estimated
		final SupercurrentModel model = new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0078, false );
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, -2, 0.04, 101 ), y = new Axis( "Vdet", Units.EV_PER_DELTA0, -0.4, 0.02, 41 );
		for ( final double p : new double[] { 0.1, 0.2 } )
		{
			final ConductanceMap ga = SyntheticMap.supercurrentGa( model, x, y, p, 1, 0.01, 9 );
			final double inf = Double.POSITIVE_INFINITY;
			time( out, runs, warmup, "∂xφ fit of a 101 × 41 g_a map, true " + p + "/ξ",
					() -> new double[] { new GaMapPhaseGradientFit( model ).fit( ga, -inf, inf, -inf, inf, Double.NaN, "bench" ).phaseGradient } );
			time( out, runs, warmup, "same, amplitude free",
					() -> new double[] { new GaMapPhaseGradientFit( model ).amplitudeFree( true ).fit( ga, -inf, inf, -inf, inf, Double.NaN, "bench" ).phaseGradient } );
		}
		out.printf( "(%d runs after %d warm-up runs; %d processors visible)%n", runs, warmup, Runtime.getRuntime().availableProcessors() );
	}

	/** Δ = 265 µeV, T = 61 mK, Γ = 1 µeV, G_N = 24.6 µS, offset 10 µV, noise 0.1 µS (seeded). */
	private static Spectrum dynesSpectrum( final int n, final double vacRms )
	{
		final double[] v = new double[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = -1e-3 + 2e-3 * i / ( n - 1 );
		final double[] g = DynesConductance.conductance( v, 24.6e-6, 265e-6, 1e-6, 0.061, 10e-6, vacRms );
		final Random r = new Random( 1 );
		for ( int i = 0; i < n; i++ )
			g[ i ] += 0.1e-6 * r.nextGaussian();
		return new Spectrum( v, g, "V", "V", "G", "S", MapMetadata.empty() );
	}

	/** The charge-imbalance model at Γ = 1.53e-3 and the Table 1 device, noise 0.1 (seeded). */
	private static double[] chargeCurve( final double[] v, final double phase, final long seed )
	{
		final double[] g = new ChargeImbalanceModel( 1, 1.53e-3, 0.5 * phase * phase, ChargeImbalanceFitOptions.TABLE1_KAPPA, ChargeImbalanceFitOptions.TABLE1_DISTANCE,
				ChargeImbalanceFitOptions.TABLE1_T, ChargeImbalanceFitOptions.TABLE1_LENGTH ).conductance( v );
		final Random r = new Random( seed );
		for ( int i = 0; i < g.length; i++ )
			g[ i ] += 0.1 * r.nextGaussian();
		return g;
	}

	private static void time( final PrintStream out, final int runs, final int warmup, final String label, final Supplier< double[] > work )
	{
		final double[] t = Timing.medianAndMin( runs, warmup, work );
		out.printf( "%-62s %10.1f %10.1f%n", label, t[ 0 ], t[ 1 ] );
		out.flush();
	}
}
