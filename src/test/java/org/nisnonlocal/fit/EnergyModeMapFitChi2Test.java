package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * Goodness of fit with a given σ: a reduced χ² far above 1 is flagged and widens the error and the interval by
 * √χ²_red (the statistical-only ones kept beside them); the right σ changes nothing. Small, coarse map (the setup of
 * FitMapSigmaMapTest: 72 points, coarse energy grid, one thread).
 */
class EnergyModeMapFitChi2Test
{
	static final double STEP = 0.2, NOISE = 30;

	@Test
	void bandAndWideningDecision()
	{
		// ν = 50: 1 ± 4·√(2/50) = 1 ± 0.8
		assertEquals( 0.8, EnergyModeMapFit.chi2Band( 50 ), 1e-12 );
		assertEquals( 9, EnergyModeMapFit.widening( 9, 50 ), 0 );
		assertEquals( 1.81, EnergyModeMapFit.widening( 1.81, 50 ), 0 );
		assertEquals( 1, EnergyModeMapFit.widening( 1.79, 50 ), 0 );
		// below the band: never narrowed
		assertEquals( 1, EnergyModeMapFit.widening( 0.05, 50 ), 0 );
		// more points, narrower band
		assertEquals( 1.5, EnergyModeMapFit.widening( 1.5, 5000 ), 0 );
	}

	@Test
	void sigmaTooSmallIsFlaggedAndWidenedTheRightSigmaIsNot()
	{
		final EnergyModeRun setup = new EnergyModeRun();
		setup.de = 0.05;
		setup.threads = 1;
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, 2, STEP, 9 );
		final Axis y = new Axis( "Vdet", Units.EV_PER_DELTA0, -1, 0.25, 9 );
		final ConductanceMap data = SyntheticMap.create( setup, STEP, x, y, 0, 0, NOISE, 4 );
		final double[][] p = EnergyModeMapFit.select( data, 2.2, 3.6, -1, 1 );

		// (a) σ three times too small: reduced χ² ≈ 9
		final double[] small = new double[ p[ 0 ].length ];
		Arrays.fill( small, NOISE / 3 );
		final EnergyModeMapFitResult a = new EnergyModeMapFit( setup, STEP ).span( 0.5 ).fit( p[ 0 ], p[ 1 ], p[ 2 ], small, 2e-4 );
		System.out.println( "sigma/3: gamma_ee " + a.gammaEe + " +- " + a.error + " (unscaled " + a.errorUnscaled + ") [" + a.low + ", " + a.high + "] (unscaled [" + a.lowUnscaled
				+ ", " + a.highUnscaled + "]) chi2r " + a.chi2Reduced + " expected <= " + a.chi2ExpectedHigh + " points " + a.points + " evaluations " + a.evaluations + " note: "
				+ a.note );
		assertTrue( a.converged, a.note );
		assertTrue( a.chi2Reduced > 5 && a.chi2Reduced < 14, "chi2_reduced " + a.chi2Reduced );
		assertEquals( 1 + 4 * Math.sqrt( 2.0 / ( a.points - 1 ) ), a.chi2ExpectedHigh, 1e-12 );
		assertTrue( a.inconsistent );
		assertTrue( a.note.contains( "the model does not describe these data within their errors (reduced chi2 = " ), a.note );
		assertEquals( Math.sqrt( a.chi2Reduced ), a.widening, 1e-12 );
		// the covariance error widened by √χ²_red relative to the statistical-only one
		assertEquals( Math.sqrt( a.chi2Reduced ), a.error / a.errorUnscaled, 0.02 * Math.sqrt( a.chi2Reduced ) );
		assertEquals( a.errorUnscaled, a.errorsUnscaled[ 0 ], 0 );
		// both intervals bounded, nested around the optimum, the widened one ≈ √χ²_red times wider (χ² nearly parabolic)
		assertFalse( a.oneSided(), a.note );
		assertTrue( a.low < a.lowUnscaled && a.lowUnscaled < a.gammaEe && a.gammaEe < a.highUnscaled && a.highUnscaled < a.high,
				a.low + " < " + a.lowUnscaled + " < " + a.gammaEe + " < " + a.highUnscaled + " < " + a.high );
		final double ratio = ( a.high - a.low ) / ( a.highUnscaled - a.lowUnscaled );
		assertTrue( ratio > 0.7 * a.widening && ratio < 1.3 * a.widening, "interval ratio " + ratio + ", widening " + a.widening );
		// the reported profile is in the interval's units: its minimum is ν (χ²/χ²_red)
		assertEquals( a.points - 1, Arrays.stream( a.profileChi2 ).min().getAsDouble(), 1e-6 * a.points );

		// (b) the right σ: within the band, nothing widened
		final double[] right = new double[ p[ 0 ].length ];
		Arrays.fill( right, NOISE );
		final EnergyModeMapFitResult b = new EnergyModeMapFit( setup, STEP ).span( 0.5 ).fit( p[ 0 ], p[ 1 ], p[ 2 ], right, 2e-4 );
		System.out.println( "sigma: gamma_ee " + b.gammaEe + " +- " + b.error + " (unscaled " + b.errorUnscaled + ") [" + b.low + ", " + b.high + "] chi2r " + b.chi2Reduced
				+ " evaluations " + b.evaluations + " note: " + b.note );
		assertTrue( b.converged, b.note );
		assertTrue( b.chi2Reduced < b.chi2ExpectedHigh, "chi2_reduced " + b.chi2Reduced );
		assertFalse( b.inconsistent );
		assertFalse( b.note.contains( "within their errors" ), b.note );
		assertEquals( 1, b.widening, 0 );
		assertEquals( b.errorUnscaled, b.error, 0 );
		assertEquals( b.lowUnscaled, b.low, 0 );
		assertEquals( b.highUnscaled, b.high, 0 );
		// same data, σ scaled by 3: the same optimum and χ²_red × 9, and the statistical-only error scales with σ
		assertEquals( b.gammaEe, a.gammaEe, 1e-3 * b.gammaEe );
		assertEquals( 9 * b.chi2Reduced, a.chi2Reduced, 1e-3 * a.chi2Reduced );
		assertEquals( b.error / 3, a.errorUnscaled, 0.02 * a.errorUnscaled );
	}
}
