package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.TextMapImporter;

/**
 * The offset estimate against known truth: analytic even and odd maps with a known offset (0.37 of a step, off the
 * grid) and seeded noise, made without the estimator; its stated 1σ error against the scatter over seeds; refusal on
 * maps whose symmetry cannot fix the offset; the project's example pair and the real Maiani map.
 */
class BiasOffsetUncertaintyTest
{
	private static final Axis X = Axis.between( "Vinj", "mV", -0.6, 0.6, 61 );
	private static final Axis Y = Axis.between( "Vdet", "mV", -0.4, 0.4, 41 );
	private static final double TRUTH = 0.37 * X.step();

	/** Coherence-peak pair at ±0.27 mV (2.5 steps wide) on a parabolic background. */
	private static double even( final double v )
	{
		return Math.exp( -Math.pow( ( v - 0.27 ) / 0.05, 2 ) ) + Math.exp( -Math.pow( ( v + 0.27 ) / 0.05, 2 ) ) + 0.3 * v * v;
	}

	/** Opposite lobes at ±0.27 mV on an odd step. */
	private static double odd( final double v )
	{
		return Math.exp( -Math.pow( ( v - 0.27 ) / 0.05, 2 ) ) - Math.exp( -Math.pow( ( v + 0.27 ) / 0.05, 2 ) ) + 0.4 * Math.tanh( v / 0.1 );
	}

	private static ConductanceMap map( final BiasOffset.Parity parity, final double sigma, final long seed )
	{
		final Random rnd = new Random( seed );
		return ConductanceMap.fromFunction( X, Y, "g", "nS", null, ( i, j ) -> ( parity == BiasOffset.Parity.EVEN ? even( X.value( i ) - TRUTH ) : odd( X.value( i ) - TRUTH ) )
				* ( 1 + 0.5 * Y.value( j ) ) + sigma * rnd.nextGaussian() );
	}

	@Test
	void withinHalfAStepAndItsStatedErrorOnNoisyEvenAndOddMaps()
	{
		for ( final BiasOffset.Parity parity : BiasOffset.Parity.values() )
			for ( final double sigma : new double[] { 0.01, 0.1 } )
			{
				final int seeds = 12;
				double dev2 = 0, err = 0;
				for ( int seed = 0; seed < seeds; seed++ )
				{
					final BiasOffset.Estimate e = BiasOffset.estimate( map( parity, sigma, seed ), MapAxis.X, parity );
					final double dev = e.offset() - TRUTH;
					assertTrue( Math.abs( dev ) < 0.5 * X.step(), e.report() );
					// 4σ: the probability that one of 48 Gaussian deviations exceeds it is 0.3 %
					assertTrue( Math.abs( dev ) < 4 * e.error(), "deviation " + dev + ": " + e.report() );
					assertTrue( e.determined() && !e.atSearchEnd(), e.report() );
					assertTrue( e.errorMethod().startsWith( "jackknife over 20 blocks of the 41 lines" ), e.errorMethod() );
					dev2 += dev * dev;
					err += e.error();
				}
				// the stated error is the scatter: measured ratios 0.88 … 1.05 (12 seeds: ±20 % statistical)
				final double ratio = Math.sqrt( dev2 / seeds ) / ( err / seeds );
				assertTrue( ratio > 0.6 && ratio < 1.6, parity + " σ = " + sigma + ": rms deviation / stated error = " + ratio );
			}
	}

	@Test
	void aSingleCurveGetsAnErrorFromTheMisfitsCurvature()
	{
		final double[] bias = X.values();
		final int seeds = 40;
		double dev2 = 0, err = 0;
		for ( int seed = 0; seed < seeds; seed++ )
		{
			final Random rnd = new Random( seed );
			final double[] g = new double[ bias.length ];
			for ( int i = 0; i < g.length; i++ )
				g[ i ] = even( bias[ i ] - TRUTH ) + 0.05 * rnd.nextGaussian();
			final BiasOffset.Estimate e = BiasOffset.estimate( bias, g, BiasOffset.Parity.EVEN );
			assertTrue( e.errorMethod().startsWith( "from the misfit's curvature" ), e.errorMethod() );
			assertTrue( Math.abs( e.offset() - TRUTH ) < 0.5 * X.step(), e.report() );
			dev2 += Math.pow( e.offset() - TRUTH, 2 );
			err += e.error();
		}
		// measured 1.2 (40 seeds: ±11 %)
		final double ratio = Math.sqrt( dev2 / seeds ) / ( err / seeds );
		assertTrue( ratio > 0.7 && ratio < 1.6, "rms deviation / stated error = " + ratio );
	}

	@Test
	void aMapWithBothParitiesOrTheWrongOneIsRefused()
	{
		// even and odd parts of similar size, as g_nl at finite I_s: any v0 splits it into an even and an odd part
		final ConductanceMap mixed = ConductanceMap.fromFunction( X, Y, "g", "nS", null, ( i, j ) -> even( X.value( i ) - TRUTH ) + 0.5 * odd( X.value( i ) - TRUTH ) );
		for ( final BiasOffset.Parity p : BiasOffset.Parity.values() )
		{
			final BiasOffset.Estimate e = BiasOffset.estimate( mixed, MapAxis.X, p );
			assertFalse( e.determined(), e.report() );
			final BadInputException x = assertThrows( BadInputException.class, () -> OffsetCorrection.apply( mixed, MapAxis.X, p == BiasOffset.Parity.EVEN ? "even" : "odd", Double.NaN ) );
			assertTrue( x.getMessage().startsWith( "g: the map's symmetry does not determine the offset along Vinj: at the best " ), x.getMessage() );
		}
		// a purely even map asked for an odd offset
		assertFalse( BiasOffset.estimate( map( BiasOffset.Parity.EVEN, 0.01, 1 ), MapAxis.X, BiasOffset.Parity.ODD ).determined() );
		// a small admixture passes: 1 % of the even amplitude (2 % of the signal's variation) silently, 3 % (6 %) with a
		// warning; the offset is then biased, here by 4e-4 and 1.6e-3 of a step
		for ( final double admixture : new double[] { 0.01, 0.03 } )
		{
			final ConductanceMap slightly = ConductanceMap.fromFunction( X, Y, "g", "nS", null, ( i, j ) -> even( X.value( i ) - TRUTH ) + admixture * odd( X.value( i ) - TRUTH ) );
			final BiasOffset.Estimate e = BiasOffset.estimate( slightly, MapAxis.X, BiasOffset.Parity.EVEN );
			assertTrue( e.determined(), e.report() );
			assertEquals( admixture > 0.02, e.report().contains( "; WARNING: an odd part of 6 % of the signal remains" ), e.report() );
			assertEquals( TRUTH, e.offset(), 0.01 * X.step() );
		}
	}

	@Test
	void theExamplePairIsRefusedAndItsCurrentOddPartGivesTheTrueOffset()
	{
		final Path dir = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );
		final ConductanceMap plus = MapFiles.read( dir.resolve( "example_Is+10uA.csv" ) ), minus = MapFiles.read( dir.resolve( "example_Is-10uA.csv" ) );
		// each map has an even charge-imbalance part and odd energy-mode and mixing parts: refused both ways (it used to
		// say −20 µV for even, +170 µV for odd)
		for ( final String parity : new String[] { "even", "odd" } )
			for ( final ConductanceMap m : new ConductanceMap[] { plus, minus } )
				assertTrue( assertThrows( BadInputException.class, () -> OffsetCorrection.apply( m, MapAxis.X, parity, Double.NaN ) ).getMessage().contains( "does not determine the offset" ) );
		// (g(+I_s) − g(−I_s))/2 keeps only the mode-mixing part, odd in V_inj; the .meta records offset_mV=0.004
		final float[] ga = new float[ plus.data().length ];
		for ( int k = 0; k < ga.length; k++ )
			ga[ k ] = ( plus.data()[ k ] - minus.data()[ k ] ) / 2;
		final ConductanceMap gA = new ConductanceMap( ga, plus.xAxis(), plus.yAxis(), "g_a", "nS", MapMetadata.empty() );
		final OffsetCorrection c = OffsetCorrection.apply( gA, MapAxis.X, "odd", Double.NaN );
		final double step = plus.xAxis().step();
		assertTrue( plus.metadata().history().get( 0 ).contains( "offset_mV=0.004" ) );
		assertEquals( 0.004, c.offset(), 0.5 * step, c.report() );
		assertEquals( 0.004, c.offset(), 3 * c.error(), c.report() );
		assertTrue( c.error() > 0 && c.error() < 0.01 * step, c.report() ); // measured 0.06 µV on 20 µV steps
		// recorded in V beside the offset
		assertEquals( c.offset() * 1e-3, c.map().metadata().number( MapMetadata.BIAS_OFFSET ), 1e-15 );
		assertEquals( c.error() * 1e-3, c.map().metadata().number( MapMetadata.BIAS_OFFSET + BiasOffset.ERROR_SUFFIX ), 1e-15 );
	}

	@Test
	void theRealMaianiMapStillGivesTheAuthorsOffset()
	{
		final Path file = SharedData.real( "maiani_percolative_supercurrent/MDC004.Sample1_77.dat" );
		final ConductanceMap real = TextMapImporter.read( file, new MapImportOptions().xColumn( "v_bias" ).xUnit( "V" ).yColumn( "magnet_bpar" ) ).map();
		final BiasOffset.Estimate e = BiasOffset.estimate( real, MapAxis.X, BiasOffset.Parity.EVEN );
		// authors: +0.010 mV; one bias step is 13.3 µV
		assertEquals( 10e-6, e.offset(), 3e-6, e.report() );
		assertTrue( e.determined() && !e.report().contains( "WARNING" ), e.report() );
		assertTrue( e.error() > 0 && e.error() < 1e-6, e.report() ); // jackknife over field rows: measured 0.14 µV
	}
}
