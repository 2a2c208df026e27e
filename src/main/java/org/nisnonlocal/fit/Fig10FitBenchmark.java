package org.nisnonlocal.fit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.nisnonlocal.physics.ChargeImbalanceModel;
import org.nisnonlocal.physics.SupercurrentRelation;

/**
 * Wall-clock time of the S Fig. 10 fits (scan start, LM, errors) on synthetic Table-1 curves: median and minimum of
 * several runs after warm-up, one thread. Not a unit test, so timing noise never fails a build. Run:
 * {@code java -cp target/classes:<commons-math3.jar> org.nisnonlocal.fit.Fig10FitBenchmark}.
 */
public final class Fig10FitBenchmark
{
	private static double sink;

	private Fig10FitBenchmark() {}

	public static void main( final String[] args )
	{
		Locale.setDefault( Locale.ROOT );
		final int runs = 15, warmup = 5;
		final double[] v = new double[ 151 ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = i / 100.0;
		final double[] g0 = curve( v, 0, 1 );
		final double[] g2 = curve( v, 0.2, 2 );
		System.out.printf( "%-62s %10s %10s%n", "case", "median_ms", "min_ms" );
		time( "Gamma fit, 151 points 0..1.5, Table 1 device", runs, warmup, () -> ChargeImbalanceFit.fit( v, g0, new ChargeImbalanceFitOptions(), "b" ).gamma() );
		time( "Gamma + amplitude fit, 151 points", runs, warmup, () -> ChargeImbalanceFit.fit( v, g0, new ChargeImbalanceFitOptions().freeAmplitude(), "b" ).gamma() );
		time( "phase-gradient fit (Gamma fixed), 151 points, true 0.2/xi", runs, warmup, () -> PhaseGradientFit.fit( v, g2, 1.53e-3, new ChargeImbalanceFitOptions(), "b" ).phaseGradient() );
		final double[] q = { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 };
		final double[] is = new SupercurrentRelation( 1.53e-3, SupercurrentScaleFit.DEFAULT_T ).curve( q );
		for ( int i = 0; i < is.length; i++ )
			is[ i ] *= 29.8;
		final double[] s = new double[ q.length ];
		Arrays.fill( s, 0.005 );
		time( "I0 fit, 8 pairs", runs, warmup, () -> new SupercurrentScaleFit( 1.53e-3, SupercurrentScaleFit.DEFAULT_T ).fit( is, q, s, null ).i0() );
		System.out.printf( "(%d runs after %d warm-up runs; %d processors visible; sink %s)%n", runs, warmup, Runtime.getRuntime().availableProcessors(), sink != 0 ? "ok" : "0" );
	}

	private static double[] curve( final double[] v, final double phase, final long seed )
	{
		final double[] g = new ChargeImbalanceModel( 1, 1.53e-3, 0.5 * phase * phase, ChargeImbalanceFitOptions.TABLE1_KAPPA, ChargeImbalanceFitOptions.TABLE1_DISTANCE,
				ChargeImbalanceFitOptions.TABLE1_T, ChargeImbalanceFitOptions.TABLE1_LENGTH ).conductance( v );
		final Random r = new Random( seed );
		for ( int i = 0; i < g.length; i++ )
			g[ i ] += 0.1 * r.nextGaussian();
		return g;
	}

	private static void time( final String name, final int runs, final int warmup, final Supplier< Double > work )
	{
		for ( int i = 0; i < warmup; i++ )
			sink += work.get();
		final double[] ms = new double[ runs ];
		for ( int i = 0; i < runs; i++ )
		{
			final long t0 = System.nanoTime();
			sink += work.get();
			ms[ i ] = ( System.nanoTime() - t0 ) / 1e6;
		}
		Arrays.sort( ms );
		System.out.printf( "%-62s %10.1f %10.1f%n", name, ms[ runs / 2 ], ms[ 0 ] );
	}
}
