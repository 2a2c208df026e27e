package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class SweepAverageTest
{
	private static final Axis X = Axis.between( "Vinj", "mV", -0.63, 0.63, 64 );
	private static final Axis Y = Axis.between( "Vdet", "mV", -0.42, 0.42, 64 );

	/** A smooth map with peaks ~0.06 mV (3 steps) wide, like coherence peaks at ±Δ. */
	private static double truth( final double x, final double y )
	{
		return Math.exp( -Math.pow( ( Math.abs( x ) - 0.27 ) / 0.06, 2 ) ) * ( 1 + 0.5 * Math.tanh( y / 0.1 ) ) + 0.2 * x;
	}

	private static ConductanceMap noisy( final double sigma, final long seed, final double shift )
	{
		final Random rnd = new Random( seed );
		return ConductanceMap.fromFunction( X, Y, "g_nl", "nS", MapMetadata.empty().withHistory( "sweep " + seed ), ( i, j ) ->
				truth( X.value( i ) - shift, Y.value( j ) ) + sigma * rnd.nextGaussian() );
	}

	@Test
	void averagingSixteenSweepsReducesTheNoiseByFour()
	{
		final double sigma = 0.1;
		final List< ConductanceMap > sweeps = new ArrayList<>();
		for ( int k = 0; k < 16; k++ )
			sweeps.add( noisy( sigma, 100 + k, 0 ) );
		final SweepAverage.Average a = SweepAverage.average( sweeps );
		double se2 = 0, err2 = 0;
		final int points = X.size() * Y.size();
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
			{
				err2 += Math.pow( a.mean().get( i, j ) - truth( X.value( i ), Y.value( j ) ), 2 );
				se2 += Math.pow( a.standardError().get( i, j ), 2 );
				assertEquals( 16, a.count().get( i, j ), 0 );
			}
		// rms error of the mean: σ/√16. Over P = 4096 points its relative spread is 1/√(2P) = 1.1 %: ±5 % is 4.5 sd.
		assertEquals( sigma / 4, Math.sqrt( err2 / points ), 0.05 * sigma / 4 );
		// s²/n is an unbiased estimate of σ²/16; its average over P points has relative sd √(2/15/P) = 0.57 %: ±3 %.
		assertEquals( sigma * sigma / 16, se2 / points, 0.03 * sigma * sigma / 16 );
		assertEquals( "average n=16 resampled=0 error=standard-error", a.mean().metadata().history().get( 1 ) );
		assertEquals( "nS", a.standardError().valueUnit() );
		assertEquals( "g_nl error", a.standardError().quantity() );
	}

	@Test
	void missingSamplesAreSkippedAndOtherGridsResampled()
	{
		// g linear in x and y: bilinear resampling is exact.
		final Axis x2 = new Axis( "Vinj", "mV", X.min() + 0.5 * X.step(), X.step(), 40 );
		final ConductanceMap a = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null, ( i, j ) -> i == 3 ? Double.NaN : 1 + 2 * X.value( i ) - Y.value( j ) );
		final ConductanceMap b = ConductanceMap.fromFunction( x2, Y, "g_nl", "nS", null, ( i, j ) -> 1 + 2 * x2.value( i ) - Y.value( j ) + 0.5 );
		final SweepAverage.Average avg = SweepAverage.average( Arrays.asList( a, b ) );
		// point 3: only b (resampled); points 1 … 39: both; point 0 and points ≥ 40: only a
		assertEquals( 1, avg.count().get( 3, 5 ), 0 );
		assertEquals( 1 + 2 * X.value( 3 ) - Y.value( 5 ) + 0.5, avg.mean().get( 3, 5 ), 1e-6 );
		assertEquals( 2, avg.count().get( 20, 5 ), 0 );
		assertEquals( 1 + 2 * X.value( 20 ) - Y.value( 5 ) + 0.25, avg.mean().get( 20, 5 ), 1e-6 );
		// two samples 0.5 apart: s = 0.5/√2, s/√2 = 0.25
		assertEquals( 0.25, avg.standardError().get( 20, 5 ), 1e-6 );
		assertEquals( 1, avg.count().get( 0, 5 ), 0 );
		assertEquals( 1, avg.count().get( 50, 5 ), 0 );
		assertTrue( Float.isNaN( avg.standardError().get( 50, 5 ) ) );
		assertEquals( "average n=2 resampled=1 error=standard-error", avg.mean().metadata().history().get( 0 ) );
		assertEquals( "average n=2 resampled=1 error=standard-error part=error", avg.standardError().metadata().history().get( 0 ) );
		assertEquals( "1", avg.count().valueUnit() );
	}

	@Test
	void mismatchedUnitsAreRefused()
	{
		final ConductanceMap a = noisy( 0, 1, 0 );
		final ConductanceMap b = a.relabel( "g_nl", "µS", a.metadata() );
		final BadInputException e = assertThrows( BadInputException.class, () -> SweepAverage.average( Arrays.asList( a, b ) ) );
		assertEquals( "average: map 2 is in µS, map 1 in nS", e.getMessage() );
		final BadInputException named = assertThrows( BadInputException.class, () -> SweepAverage.average( Arrays.asList( a, b ), Arrays.asList( "up.csv", "down.csv" ), false ) );
		assertEquals( "average: down.csv is in µS, up.csv in nS", named.getMessage() );
		final ConductanceMap c = a.withAxes( X.inUnit( "V" ), Y );
		assertThrows( BadInputException.class, () -> SweepAverage.average( Arrays.asList( a, c ) ) );
		assertThrows( BadInputException.class, () -> SweepAverage.sweepShift( a, b, 5 ) );
	}

	@Test
	void subStepShiftBetweenSweepsIsRecovered()
	{
		// Noise-free: the only error is the cubic interpolation's, largest for these sharp (3-step) peaks; measured
		// 0.0034 step, asserted below 0.01 step.
		final double s = 0.37 * X.step();
		final SweepShift shift = SweepAverage.sweepShift( noisy( 0, 1, 0 ), noisy( 0, 1, s ), 5 );
		assertEquals( 0.37, shift.xSteps(), 0.01 );
		assertEquals( s, shift.x(), 0.01 * X.step() );
		assertEquals( "mV", shift.xAxis().unit() );
		assertEquals( 50 * 64, shift.points() ); // x indices 7 … 56 stay inside for every shift within ±(5 + 1)
		// Beyond a whole step, negative.
		assertEquals( -2.37, SweepAverage.sweepShift( noisy( 0, 1, 0 ), noisy( 0, 1, -2.37 * X.step() ), 5 ).xSteps(), 0.01 );
	}

	@Test
	void alignedDownSweepLiesOnTheUpSweep()
	{
		final ConductanceMap up = noisy( 0, 1, 0 ), down = noisy( 0, 1, 0.37 * X.step() );
		final SweepShift shift = SweepAverage.sweepShift( up, down, 5 );
		final ConductanceMap a = SweepAverage.aligned( down, shift );
		double worst = 0;
		for ( int j = 0; j < Y.size(); j++ )
		{
			// x + s beyond the last grid point: no data to move there
			assertTrue( Float.isNaN( a.get( X.size() - 1, j ) ) );
			for ( int i = 1; i < X.size() - 2; i++ )
				worst = Math.max( worst, Math.abs( a.get( i, j ) - up.get( i, j ) ) );
		}
		// Keys interpolation of peaks 3 steps wide and 1.5 high: measured 0.004. Shifting the wrong way would leave
		// 0.74 step × the peak slope (≈ 0.4 per step) ≈ 0.3.
		assertTrue( worst < 0.01, "worst " + worst );
		assertTrue( a.metadata().history().get( 1 ).startsWith( "align-sweep shift_x=0.0074" ), a.metadata().history().get( 1 ) );
	}

	@Test
	void shiftBetweenNoisySweepsIsWithinItsStatisticalError()
	{
		// Least squares in s: var(s) ≈ (σ_down² + σ_up,interpolated²) / Σ (∂g/∂i)² ≤ 2σ² / Σ (∂g/∂i)² (i in steps).
		final double sigma = 0.02;
		double slope2 = 0;
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 7; i <= 56; i++ )
			{
				final double x = X.value( i ), d = 1e-6;
				slope2 += Math.pow( ( truth( x + d, Y.value( j ) ) - truth( x - d, Y.value( j ) ) ) / ( 2 * d ) * X.step(), 2 );
			}
		final double sd = Math.sqrt( 2 * sigma * sigma / slope2 );
		assertTrue( sd < 0.005, "sd " + sd ); // the test is meaningful: a few thousandths of a step
		for ( int seed = 0; seed < 3; seed++ )
		{
			final SweepShift shift = SweepAverage.sweepShift( noisy( sigma, 10 + seed, 0 ), noisy( sigma, 20 + seed, 0.37 * X.step() ), 5 );
			// interpolation bias (≤ 0.01, see above) + 4 sd
			assertEquals( 0.37, shift.xSteps(), 0.01 + 4 * sd, shift.toString() );
			// the residual is the noise of both sweeps: rms ≈ σ·√(1 + gain²) with gain² = Σw² = 0.69 for the Keys weights at t = 0.63
			assertEquals( sigma * Math.sqrt( 1.69 ), shift.rmsResidual(), 0.05 * sigma );
		}
	}
}
