package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.SupercurrentModel;

/**
 * ∂xφ recovered from synthetic g_a maps of the coupled-modes model (S Table 1 device, Fig. 10 Γ, Δ = 1) on a
 * 101 × 41 grid, eV_inj −2 … 2, eV_det −0.4 … 0.4.
 */
class GaMapPhaseGradientFitTest
{
	static final Axis X = new Axis( "Vinj", Units.EV_PER_DELTA0, -2, 0.04, 101 );

	static final Axis Y = new Axis( "Vdet", Units.EV_PER_DELTA0, -0.4, 0.02, 41 );

	static final double INF = Double.POSITIVE_INFINITY;

	/** Noise per point, G_inj G_det R_ξ: about 7 % of the g_a peak at ∂xφ = 0.1 (≈ 0.14), 3 % at 0.2. */
	static final double SIGMA = 0.01;

	static SupercurrentModel model()
	{
		return new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0078, false );
	}

	static GaMapPhaseGradientFitResult fitWhole( final ConductanceMap m, final double sigma, final boolean amplitude )
	{
		return new GaMapPhaseGradientFit( model() ).amplitudeFree( amplitude ).fit( m, -INF, INF, -INF, INF, sigma, "test" );
	}

	@Test
	void noiselessMapsGiveTheGradientBack()
	{
		for ( final double p : new double[] { 0.1, 0.2, -0.15 } )
		{
			final GaMapPhaseGradientFitResult r = fitWhole( SyntheticMap.supercurrentGa( model(), X, Y, p, 1, 0, 1 ), Double.NaN, false );
			assertEquals( p, r.phaseGradient, 1e-4 * Math.abs( p ), r.toString() );
			assertTrue( r.converged, r.note );
			assertEquals( 101 * 41, r.points );
			assertTrue( r.sigmaEstimated && r.note.contains( "sigma estimated from the residuals" ), r.note );
			// float storage of the map is the only residual
			assertTrue( r.sigma < 1e-6, "sigma " + r.sigma );
		}
		// with the amplitude free too, both come back
		final GaMapPhaseGradientFitResult a = fitWhole( SyntheticMap.supercurrentGa( model(), X, Y, 0.2, 0.7, 0, 1 ), Double.NaN, true );
		assertEquals( 0.2, a.phaseGradient, 2e-5, a.toString() );
		assertEquals( 0.7, a.amplitude, 7e-5, a.toString() );
	}

	@Test
	void noisyMapsGiveTheGradientWithinTwoSigma()
	{
		final double[] truth = { 0.1, 0.2 };
		// seeded: 0.1000936 ± 0.000118 (0.8σ) and 0.2001676 ± 0.000143 (1.2σ), σ estimated from the residuals
		final double[] expected = { 0.1000936, 0.2001676 };
		for ( int c = 0; c < truth.length; c++ )
		{
			final ConductanceMap m = SyntheticMap.supercurrentGa( model(), X, Y, truth[ c ], 1, SIGMA, 5 );
			final GaMapPhaseGradientFitResult r = fitWhole( m, Double.NaN, false );
			System.out.println( "noisy " + truth[ c ] + ": " + r.phaseGradient + " ± " + r.error );
			assertTrue( Math.abs( r.phaseGradient - truth[ c ] ) < 2 * r.error, r.toString() );
			assertEquals( expected[ c ], r.phaseGradient, 2e-6, r.toString() );
			assertEquals( SIGMA, r.sigma, 0.05 * SIGMA );
			assertEquals( 1, r.chi2Reduced, 1e-9 );
			assertTrue( r.error > 5e-5 && r.error < 3e-4, "error " + r.error );
			// σ given: the same fit, χ²_red ≈ 1 and the same error
			final GaMapPhaseGradientFitResult g = fitWhole( m, SIGMA, false );
			assertEquals( r.phaseGradient, g.phaseGradient, 1e-7 );
			assertEquals( 1, g.chi2Reduced, 0.05 );
			assertEquals( r.error, g.error, 0.05 * r.error );
			assertFalse( g.sigmaEstimated );
			assertFalse( g.note.contains( "estimated" ), g.note );
		}
	}

	@Test
	void errorMatchesTheScatterOverSeeds()
	{
		// the covariance error is the spread of the estimate: 12 seeds at ∂xφ = 0.1, a smaller window for speed
		final int n = 12;
		double s = 0, s2 = 0, err = 0;
		for ( int seed = 0; seed < n; seed++ )
		{
			final ConductanceMap m = SyntheticMap.supercurrentGa( model(), X, Y, 0.1, 1, SIGMA, 100 + seed );
			final GaMapPhaseGradientFitResult r = new GaMapPhaseGradientFit( model() ).fit( m, 0.5, 2, -0.1, 0.1, SIGMA, "seed " + seed );
			s += r.phaseGradient;
			s2 += r.phaseGradient * r.phaseGradient;
			err += r.error / n;
		}
		final double mean = s / n, sd = Math.sqrt( ( s2 - n * mean * mean ) / ( n - 1 ) );
		System.out.println( "scatter: mean " + mean + " sd " + sd + " mean error " + err );
		assertEquals( 0.1, mean, 3 * err / Math.sqrt( n ) );
		// 12 samples: the sample sd is within ±50 % of σ at > 99 %
		assertTrue( sd > 0.5 * err && sd < 1.5 * err, "sd " + sd + " vs error " + err );
	}

	@Test
	void windowsAndNaNsAreRespected()
	{
		final ConductanceMap m = SyntheticMap.supercurrentGa( model(), X, Y, 0.15, 1, 0, 1 );
		m.set( 80, 20, Float.NaN );
		final GaMapPhaseGradientFitResult r = new GaMapPhaseGradientFit( model() ).fit( m, 0.5, 1.5, -0.1, 0.1, Double.NaN, "window" );
		// V_inj 0.52 … 1.48 (25 columns) × V_det −0.1 … 0.1 (11 rows; float steps) minus the NaN
		assertEquals( 25 * 11 - 1, r.points );
		assertEquals( 0.15, r.phaseGradient, 1.5e-5 );
		final ConductanceMap f = r.fitMap( m ), res = r.residualMap( m );
		assertTrue( Float.isNaN( f.get( 0, 0 ) ) && Float.isNaN( res.get( 0, 0 ) ) );
		assertTrue( Float.isNaN( f.get( 80, 20 ) ) );
		assertEquals( m.get( 70, 20 ), f.get( 70, 20 ), 1e-6 );
		assertEquals( 0, res.get( 70, 20 ), 1e-6 );
	}

	@Test
	void pureNoiseIsNotedAsWeakSignal()
	{
		final java.util.Random random = new java.util.Random( 3 );
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_a", Units.NORMALIZED, MapMetadata.empty(), ( i, j ) -> SIGMA * random.nextGaussian() );
		final GaMapPhaseGradientFitResult r = fitWhole( m, SIGMA, false );
		assertTrue( r.note.contains( "weak g_a signal" ), r.note );
		assertTrue( Math.abs( r.phaseGradient ) < 3 * r.error + 0.02, r.toString() );
	}

	@Test
	void badInputIsNamed()
	{
		final ConductanceMap m = SyntheticMap.supercurrentGa( model(), X, Y, 0.1, 1, 0, 1 );
		final GaMapPhaseGradientFit fit = new GaMapPhaseGradientFit( model() );
		final ConductanceMap nan = ConductanceMap.empty( X, Y, "g_a", Units.NORMALIZED, MapMetadata.empty() );
		BadInputException e = assertThrows( BadInputException.class, () -> fit.fit( nan, -INF, INF, -INF, INF, Double.NaN, "nan.csv" ) );
		assertTrue( e.getMessage().startsWith( "nan.csv: no finite measured points inside" ), e.getMessage() );
		e = assertThrows( BadInputException.class, () -> fit.fit( m, 5, 6, -INF, INF, Double.NaN, "m" ) );
		assertTrue( e.getMessage().contains( "no finite measured points" ), e.getMessage() );
		for ( final double s : new double[] { 0, -1, INF } )
		{
			e = assertThrows( BadInputException.class, () -> fit.fit( m, -INF, INF, -INF, INF, s, "m" ) );
			assertTrue( e.getMessage().contains( "sigma must be finite and > 0" ), e.getMessage() );
		}
		e = assertThrows( BadInputException.class, () -> fit.fit( m, 1, 0, -INF, INF, Double.NaN, "m" ) );
		assertTrue( e.getMessage().contains( "max >= min" ), e.getMessage() );
		e = assertThrows( BadInputException.class, () -> fit.fit( new double[] { 1, 2 }, new double[] { 0, 0 }, new double[] { 0.1, 0.2 }, Double.NaN, "two" ) );
		assertTrue( e.getMessage().contains( "need at least 3" ), e.getMessage() );
		e = assertThrows( BadInputException.class, () -> fit.fitI0( new double[] { 5 }, new GaMapPhaseGradientFitResult[ 2 ] ) );
		assertTrue( e.getMessage().contains( "1 supercurrents for 2 maps" ), e.getMessage() );
	}

	@Test
	void i0FromTwoMaps()
	{
		// gradients at I_s = 10 and 20 µA with I0 = 29.8 µA: I0 comes back within its error
		final SupercurrentModel model = model();
		final double[] is = { 10, 20 };
		final GaMapPhaseGradientFitResult[] r = new GaMapPhaseGradientFitResult[ 2 ];
		for ( int k = 0; k < 2; k++ )
		{
			final double p = model.phaseGradient( is[ k ] / 29.8 );
			r[ k ] = new GaMapPhaseGradientFit( model ).fit( SyntheticMap.supercurrentGa( model, X, Y, p, 1, SIGMA, 10 + k ), -INF, INF, -INF, INF, SIGMA, "m" + k );
		}
		final GaMapPhaseGradientFit.I0Result i0 = new GaMapPhaseGradientFit( model ).fitI0( is, r );
		System.out.println( "I0: " + i0.fit );
		assertFalse( i0.signReversed );
		assertEquals( 29.8, i0.fit.i0(), 2 * i0.fit.i0Error() );
		assertTrue( i0.fit.i0Error() < 0.1, i0.fit.toString() );
		// detector on the other side: every gradient opposite to its current → reversed, same I0
		final GaMapPhaseGradientFit.I0Result flipped = new GaMapPhaseGradientFit( model ).fitI0( new double[] { -10, -20 }, r );
		assertTrue( flipped.signReversed && flipped.note.contains( "reversed" ) );
		assertEquals( i0.fit.i0(), flipped.fit.i0(), 1e-9 * i0.fit.i0() );
	}
}
