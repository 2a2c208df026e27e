package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.SupercurrentRelation;

/** Step 3 of S Fig. 10: I0 from synthetic (I_s, ∂xφ ± σ) pairs made with I0 = 29.8 µA (S's fit). */
class SupercurrentScaleFitTest
{
	private static final double I0 = 29.8;

	private static final double[] TRUE_PHASE = { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 };

	private static final double SIGMA = 0.005;

	private static final SupercurrentScaleFit FIT = new SupercurrentScaleFit( SupercurrentScaleFit.DEFAULT_GAMMA, SupercurrentScaleFit.DEFAULT_T );

	/** Exact applied currents I0·f(∂xφ_true) (µA). */
	private static final double[] CURRENTS = currents();

	private static double[] currents()
	{
		final double[] f = new SupercurrentRelation( SupercurrentScaleFit.DEFAULT_GAMMA, SupercurrentScaleFit.DEFAULT_T ).curve( TRUE_PHASE );
		for ( int i = 0; i < f.length; i++ )
			f[ i ] *= I0;
		return f;
	}

	private static double[] measured( final long seed )
	{
		final Random r = new Random( seed );
		final double[] q = TRUE_PHASE.clone();
		for ( int i = 0; i < q.length; i++ )
			q[ i ] += SIGMA * r.nextGaussian();
		return q;
	}

	private static double[] sigmas()
	{
		final double[] s = new double[ TRUE_PHASE.length ];
		Arrays.fill( s, SIGMA );
		return s;
	}

	@Test
	void defaultTemperatureIsTheBath()
	{
		// k_B · 24 mK / 265 µeV
		assertEquals( 0.0078044, SupercurrentScaleFit.DEFAULT_T, 1e-6 );
	}

	@Test
	void recoversI0()
	{
		final SupercurrentScaleFitResult r = FIT.fit( CURRENTS, measured( 1 ), sigmas(), null );
		assertTrue( Math.abs( r.i0() - I0 ) <= 3 * r.i0Error(), r.toString() );
		assertEquals( I0, r.i0(), 0.02 * I0 );
		// σ_I0/I0 ≈ σ_φ/φ combined over the points: ≈ 1 %, like S's ± 0.3 µA
		assertTrue( r.i0Error() > 0.1 && r.i0Error() < 0.6, r.toString() );
		assertEquals( 8, r.points() );
		assertTrue( r.weighted() );
	}

	@Test
	void errorMatchesScatterAndChi2IsNearOne()
	{
		// 60 noise realisations: rms pull within [0.7, 1.3] (99 % for a correct error), mean χ²_red ≈ 1 within 3σ
		double pulls = 0, chi2 = 0;
		final int n = 60;
		for ( long seed = 0; seed < n; seed++ )
		{
			final SupercurrentScaleFitResult r = FIT.fit( CURRENTS, measured( 1000 + seed ), sigmas(), null );
			pulls += Math.pow( ( r.i0() - I0 ) / r.i0Error(), 2 );
			chi2 += r.chi2Reduced();
		}
		final double rms = Math.sqrt( pulls / n );
		assertTrue( rms > 0.7 && rms < 1.3, "rms pull " + rms );
		assertEquals( 1, chi2 / n, 3 * Math.sqrt( 2.0 / 7 / n ) );
	}

	@Test
	void selfConsistentGapNeedsALargerI0()
	{
		// with Δ(ζ) < 1 from the gap equation the relation is lower, so the same pairs need a larger I0; for these
		// gradients (∂xφ ≤ 0.4, ζ ≤ 0.08) by 5 % (measured 31.31 against 29.80), far beyond the ≈ 0.7 % error: the
		// choice matters at the level of S's 29.8 (fit) against 30.9 µA (sample)
		final SupercurrentScaleFitResult fixedGap = FIT.fit( CURRENTS, TRUE_PHASE, sigmas(), null );
		final SupercurrentScaleFitResult sc = new SupercurrentScaleFit( SupercurrentScaleFit.DEFAULT_GAMMA, SupercurrentScaleFit.DEFAULT_T, true ).fit( CURRENTS, TRUE_PHASE, sigmas(), null );
		assertEquals( I0, fixedGap.i0(), 1e-6 * I0 );
		assertEquals( 1.051, sc.i0() / fixedGap.i0(), 0.005 );
	}

	@Test
	void negativeCurrentsCarryNegativeGradients()
	{
		final double[] q = measured( 2 );
		final double[] i = CURRENTS.clone();
		for ( int k = 0; k < q.length; k += 2 )
		{
			q[ k ] = -q[ k ];
			i[ k ] = -i[ k ];
		}
		final SupercurrentScaleFitResult mirrored = FIT.fit( i, q, sigmas(), null );
		final SupercurrentScaleFitResult plain = FIT.fit( CURRENTS, measured( 2 ), sigmas(), null );
		// f is odd: the same fit
		assertEquals( plain.i0(), mirrored.i0(), 1e-6 * I0 );
		assertEquals( plain.i0Error(), mirrored.i0Error(), 1e-4 * plain.i0Error() );
	}

	@Test
	void withoutErrorsTheFitIsUnweightedAndScaled()
	{
		final SupercurrentScaleFitResult r = FIT.fit( CURRENTS, measured( 3 ), new double[ TRUE_PHASE.length ], null );
		assertTrue( !r.weighted() );
		assertTrue( Math.abs( r.i0() - I0 ) <= 3 * r.i0Error(), r.toString() );
		// exact pairs: I0 to the precision of the relation
		final SupercurrentScaleFitResult exact = FIT.fit( CURRENTS, TRUE_PHASE, new double[ TRUE_PHASE.length ], null );
		assertEquals( I0, exact.i0(), 1e-6 * I0 );
	}

	@Test
	void badPairsFailClearly()
	{
		final double[] q = measured( 4 );
		q[ 3 ] = -q[ 3 ];
		final BadInputException sign = assertThrows( BadInputException.class, () -> FIT.fit( CURRENTS, q, sigmas(), null ) );
		assertTrue( sign.getMessage().contains( "point 4" ) && sign.getMessage().contains( "sign" ), sign.getMessage() );
		final double[] s = sigmas();
		s[ 2 ] = 0;
		final BadInputException zero = assertThrows( BadInputException.class, () -> FIT.fit( CURRENTS, measured( 4 ), s, null ) );
		assertTrue( zero.getMessage().contains( "point 3" ) && zero.getMessage().contains( "zero variance" ), zero.getMessage() );
		assertThrows( BadInputException.class, () -> FIT.fit( new double[] { 1 }, new double[] { 0.1 }, new double[] { 0.01 }, null ) );
	}
}
