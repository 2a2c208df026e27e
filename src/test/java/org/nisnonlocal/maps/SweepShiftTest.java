package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.TextMapImporter;

/**
 * The shift between two sweeps along both axes: test maps are analytic features moved by known amounts (whole rows
 * and fractions), built without the estimator's interpolation; and the real Maiani field sweep cut into two "sweeps"
 * 16 rows (32 mT) apart.
 */
class SweepShiftTest
{
	/** V_inj in mV (fast axis), B in mT (slow axis, field sweep). */
	private static final Axis X = Axis.between( "Vinj", "mV", -0.6, 0.6, 61 );
	private static final Axis B = Axis.between( "B", "mT", -100, 100, 101 );

	/**
	 * Coherence-peak-like ridges at ±Δ(B) that close towards ±B_c, and a switching step at B = −20 mT where the
	 * magnetization flips (the hysteretic feature a field sweep shows).
	 */
	private static double truth( final double v, final double b )
	{
		final double delta = 0.27 * Math.sqrt( Math.max( 0.05, 1 - Math.pow( b / 90, 2 ) ) );
		return Math.exp( -Math.pow( ( Math.abs( v ) - delta ) / 0.05, 2 ) ) + 0.3 * Math.tanh( ( b + 20 ) / 6 ) * Math.exp( -v * v / 0.1 ) + 0.1 * v;
	}

	/** The truth with its features moved by sx (mV) and sy (mT), plus seeded noise. */
	private static ConductanceMap sweep( final Axis x, final Axis y, final double sx, final double sy, final double sigma, final long seed )
	{
		final Random rnd = new Random( seed );
		return ConductanceMap.fromFunction( x, y, "G", "nS", MapMetadata.empty(), ( i, j ) -> truth( x.value( i ) - sx, y.value( j ) - sy ) + sigma * rnd.nextGaussian() );
	}

	@Test
	void wholeRowsAlongTheSlowAxisAndAFractionAlongTheFastAxisAreBothFound()
	{
		// −16 rows = −32 mT along B (the hysteresis the issue measured on real sweeps) and +0.37 step along V_inj
		final double sx = 0.37 * X.step(), sy = -16 * B.step();
		final SweepShift s = SweepShift.between( sweep( X, B, 0, 0, 0, 1 ), sweep( X, B, sx, sy, 0, 1 ) );
		assertTrue( s.searchedX() && s.searchedY() );
		// noise-free: only the cubic interpolation errs; features ≥ 2.5 steps wide
		assertEquals( 0.37, s.xSteps(), 0.01, s.report() );
		assertEquals( -16, s.ySteps(), 0.01, s.report() );
		assertEquals( -32, s.y(), 0.02 );
		assertEquals( sx, s.x(), 0.01 * X.step() );
		assertTrue( s.rmsResidual() < 0.05 * s.rmsBefore(), s.report() );
		assertTrue( s.report().startsWith( "shift of the second sweep against the first: Vinj 0.007" ), s.report() );
		assertFalse( s.report().contains( "WARNING" ), s.report() );
	}

	@Test
	void fractionalRowsAreFoundWithNoiseWithinAFewHundredthsOfAStep()
	{
		for ( int seed = 0; seed < 3; seed++ )
		{
			final SweepShift s = SweepShift.between( sweep( X, B, 0, 0, 0.01, 10 + seed ), sweep( X, B, -1.25 * X.step(), 2.6 * B.step(), 0.01, 20 + seed ) );
			assertEquals( -1.25, s.xSteps(), 0.03, s.report() );
			assertEquals( 2.6, s.ySteps(), 0.03, s.report() );
			// what remains is the noise of both sweeps (√2 σ, a bit less for the interpolated one)
			assertEquals( 0.01 * Math.sqrt( 2 ), s.rmsResidual(), 0.004, s.report() );
		}
	}

	private static double broad( final double v, final double b )
	{
		return Math.exp( -Math.pow( v - 0.1, 2 ) / 0.08 ) * ( 1 + 0.3 * Math.tanh( ( b + 20 ) / 6 ) );
	}

	@Test
	void elevenPointsAlongVinjAreEnough()
	{
		// the old search refused this with a message about its internal ±5-step window
		// (features several steps wide: 11 points cannot resolve the coherence peaks of the other tests)
		final Axis x = Axis.between( "Vinj", "mV", -0.6, 0.6, 11 );
		final double sx = 0.6 * x.step(), sy = 3 * B.step();
		final ConductanceMap first = ConductanceMap.fromFunction( x, B, "G", "nS", null, ( i, j ) -> broad( x.value( i ), B.value( j ) ) );
		final ConductanceMap second = ConductanceMap.fromFunction( x, B, "G", "nS", null, ( i, j ) -> broad( x.value( i ) - sx, B.value( j ) - sy ) );
		final SweepShift s = SweepShift.between( first, second );
		// the cubic's error on a 1.7-step-wide peak also leaks into y (the features multiply): measured 0.003 and 0.07
		assertEquals( 0.6, s.xSteps(), 0.02, s.report() );
		assertEquals( 3, s.ySteps(), 0.1, s.report() );
		// too few rows to search (5): reported, not guessed
		final Axis y5 = Axis.between( "Vdet", "mV", -0.2, 0.2, 5 );
		final SweepShift t = SweepShift.between( sweep( X, y5, 0, 0, 0, 1 ), sweep( X, y5, 0.5 * X.step(), 0, 0, 1 ) );
		assertFalse( t.searchedY() );
		assertTrue( Double.isNaN( t.y() ) );
		assertEquals( 0.5, t.xSteps(), 0.01 );
		assertTrue( t.report().contains( "Vdet not searched (5 points)" ), t.report() );
	}

	@Test
	void averageRecordsTheShiftAndAlignsOnRequest()
	{
		final ConductanceMap up = sweep( X, B, 0, 0, 0.005, 3 ), down = sweep( X, B, 0, -16 * B.step(), 0.005, 4 );
		final SweepAverage.Average plain = SweepAverage.average( Arrays.asList( up, down ), Arrays.asList( "up.csv", "down.csv" ), false );
		final SweepAverage.Average aligned = SweepAverage.average( Arrays.asList( up, down ), Arrays.asList( "up.csv", "down.csv" ), true );
		for ( final SweepAverage.Average a : Arrays.asList( plain, aligned ) )
		{
			assertEquals( -32, a.mean().metadata().number( SweepAverage.SHIFT_Y ), 0.05 );
			assertEquals( 0, a.mean().metadata().number( SweepAverage.SHIFT_X ), 0.02 * X.step() );
		}
		assertTrue( aligned.mean().metadata().history().get( 0 ).endsWith( " aligned=true" ) );
		// the aligned mean is the up sweep's picture; the plain one a double image of the switching step
		double plainErr = 0, alignedErr = 0;
		int n = 0;
		for ( int j = 16; j < B.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
			{
				final double t = truth( X.value( i ), B.value( j ) );
				plainErr += Math.pow( plain.mean().get( i, j ) - t, 2 );
				alignedErr += Math.pow( aligned.mean().get( i, j ) - t, 2 );
				n++;
			}
		plainErr = Math.sqrt( plainErr / n );
		alignedErr = Math.sqrt( alignedErr / n );
		// aligned: noise of the mean, σ/√2 = 0.0035 (+ interpolation); plain: half the 32 mT displacement of the step
		assertTrue( alignedErr < 0.005, "aligned rms error " + alignedErr );
		assertTrue( plainErr > 10 * alignedErr, "plain " + plainErr + " aligned " + alignedErr );
		// aligned(B) = down(B − 32 mT): the lowest 16 rows have no partner, one sample only
		assertEquals( 1, aligned.count().get( 30, 10 ), 0 );
		assertEquals( 2, aligned.count().get( 30, B.size() - 1 ), 0 );
	}

	@Test
	void mapsThatDifferByMoreThanAShiftAreSaidToDoSo()
	{
		// the example's ±I_s maps are not two sweeps of one map: their mode-mixing parts have opposite signs
		final java.nio.file.Path dir = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );
		final SweepShift s = SweepShift.between( org.nisnonlocal.io.MapFiles.read( dir.resolve( "example_Is+10uA.csv" ) ), org.nisnonlocal.io.MapFiles.read( dir.resolve( "example_Is-10uA.csv" ) ) );
		assertTrue( s.moreThanAShift() && s.report().contains( "; WARNING: the sweeps differ by more than a shift" ), s.report() );
		// two noisy sweeps of one map, shifted: the residual is their noise
		final SweepShift t = SweepShift.between( sweep( X, B, 0, 0, 0.01, 1 ), sweep( X, B, 0, 3 * B.step(), 0.01, 2 ) );
		assertFalse( t.moreThanAShift(), t.report() );
	}

	@Test
	void disjointOrBarelyOverlappingGridsAreRefusedNamingBothFiles()
	{
		final ConductanceMap a = sweep( X, B, 0, 0, 0, 1 );
		final Axis far = Axis.between( "Vinj", "mV", 1.0, 2.2, 61 );
		final BadInputException e = assertThrows( BadInputException.class, () -> SweepAverage.average( Arrays.asList( a, sweep( far, B, 0, 0, 0, 1 ) ), Arrays.asList( "a.csv", "b.csv" ), false ) );
		assertEquals( "average: b.csv ([1, 2.2] mV × [-100, 100] mT) covers none of the 6161 grid points of a.csv ([-0.6, 0.6] mV × [-100, 100] mT); repeated sweeps must cover the same bias window", e.getMessage() );
		final Axis third = Axis.between( "Vinj", "mV", 0.2, 1.4, 61 );
		assertTrue( assertThrows( BadInputException.class, () -> SweepAverage.average( Arrays.asList( a, sweep( third, B, 0, 0, 0, 1 ) ), Arrays.asList( "a.csv", "c.csv" ), false ) ).getMessage()
				.startsWith( "average: c.csv ([0.2, 1.4] mV × [-100, 100] mT) covers only 2121 of the 6161 grid points of a.csv" ) );
		// most of the grid covered: resampled and averaged as before
		final Axis near = Axis.between( "Vinj", "mV", -0.55, 0.65, 61 );
		assertEquals( 2, SweepAverage.average( Arrays.asList( a, sweep( near, B, 0, 0, 0, 1 ) ) ).count().get( 30, 50 ), 0 );
	}

	/**
	 * The real upsweep G(V, B) of Maiani et al.: rows 0 … 84 as the first "sweep", rows 16 … 100 relabelled onto the
	 * same field values as the second, so the second's features sit 16 rows (32 mT) lower. Skipped without the shared
	 * data.
	 */
	@Test
	void realFieldSweepShiftedBySixteenRows() throws Exception
	{
		final Path file = SharedData.real( "maiani_percolative_supercurrent/MDC004.Sample1_77.dat" );
		final ConductanceMap real = TextMapImporter.read( file, new MapImportOptions().xColumn( "v_bias" ).xUnit( "V" ).yColumn( "magnet_bpar" ).yUnit( "T" ) ).map();
		assertEquals( 101, real.height() );
		final Axis y = real.yAxis().range( 0, 85 );
		final ConductanceMap first = ConductanceMap.fromFunction( real.xAxis(), y, "G", real.valueUnit(), MapMetadata.empty(), ( i, j ) -> real.get( i, j ) );
		final ConductanceMap second = ConductanceMap.fromFunction( real.xAxis(), y, "G", real.valueUnit(), MapMetadata.empty(), ( i, j ) -> real.get( i, j + 16 ) );
		final SweepShift s = SweepShift.between( first, second );
		assertEquals( -16, s.ySteps(), 1e-3, s.report() );
		assertEquals( -0.032, s.y(), 1e-5 );
		assertEquals( 0, s.xSteps(), 1e-3, s.report() );
		assertTrue( s.rmsResidual() < 1e-6 * s.rmsBefore(), s.report() );
	}
}
