package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class SymmetricDisplayTest
{
	private static final Axis X = new Axis( "Vinj", "mV", 0, 1, 11 );
	private static final Axis Y = new Axis( "Vdet", "mV", 0, 1, 1 );

	/** Values −2 … 8 in steps of 1 (and one NaN that must be ignored). */
	private static ConductanceMap signed()
	{
		return ConductanceMap.fromFunction( X, Y, "g_a", "nS", null, ( i, j ) -> i == 10 ? Double.NaN : i - 2 );
	}

	/** Values 1 … 11. */
	private static ConductanceMap oneSigned()
	{
		return ConductanceMap.fromFunction( X, Y, "g_s", "nS", null, ( i, j ) -> i + 1 );
	}

	@Test
	void signedMapGetsDivergingZeroCentredRange()
	{
		for ( final DisplayRange r : new DisplayRange[] { DisplayRange.auto( signed() ), SymmetricDisplay.choose( signed(), SymmetricDisplay.Mode.AUTO, 100 ) } )
		{
			assertTrue( r.isDiverging() );
			assertSame( ColorMaps.DIVERGING, r.colorMap() );
			assertEquals( -7, r.min(), 0 ); // ±max|g| = ±7 (the NaN is ignored)
			assertEquals( 7, r.max(), 0 );
			assertEquals( 128, r.lutIndex( 0 ), 1 ); // zero at the light centre
		}
		// 90th percentile of −2 … 7 (10 values): 6.1; 10th: −1.1 → ±6.1
		final DisplayRange p = SymmetricDisplay.choose( signed(), SymmetricDisplay.Mode.AUTO, 90 );
		assertEquals( 6.1, p.max(), 1e-12 );
		assertEquals( -6.1, p.min(), 1e-12 );
	}

	@Test
	void oneSignedMapGetsSequentialMinMax()
	{
		final DisplayRange r = SymmetricDisplay.choose( oneSigned(), SymmetricDisplay.Mode.AUTO, 100 );
		assertFalse( r.isDiverging() );
		assertSame( ColorMaps.SEQUENTIAL, r.colorMap() );
		assertEquals( 1, r.min(), 0 );
		assertEquals( 11, r.max(), 0 );
		final DisplayRange a = DisplayRange.auto( oneSigned() );
		assertEquals( r.min(), a.min(), 0 );
		assertEquals( r.max(), a.max(), 0 );
		// percentile 90 over 1 … 11: [2, 10]
		final DisplayRange p = SymmetricDisplay.choose( oneSigned(), SymmetricDisplay.Mode.AUTO, 90 );
		assertEquals( 2, p.min(), 1e-12 );
		assertEquals( 10, p.max(), 1e-12 );
	}

	@Test
	void forcedTablesAndSharedRange()
	{
		final DisplayRange d = SymmetricDisplay.choose( oneSigned(), SymmetricDisplay.Mode.DIVERGING, 100 );
		assertTrue( d.isDiverging() );
		assertEquals( -11, d.min(), 0 );
		final DisplayRange s = SymmetricDisplay.choose( signed(), SymmetricDisplay.Mode.parse( "Sequential" ), 100 );
		assertFalse( s.isDiverging() );
		assertEquals( -2, s.min(), 0 );
		assertEquals( 7, s.max(), 0 );
		final DisplayRange both = SymmetricDisplay.shared( SymmetricDisplay.Mode.AUTO, 100, signed(), oneSigned() );
		assertTrue( both.isDiverging() );
		assertEquals( 11, both.max(), 0 );
		assertThrows( BadInputException.class, () -> SymmetricDisplay.choose( signed(), SymmetricDisplay.Mode.AUTO, 40 ) );
	}

	private static final Axis VINJ = new Axis( "Vinj", "mV", -0.6, 0.02, 61 );
	private static final Axis VDET = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );

	/** Coherence-peak ridges at |V_inj| = 0.28 mV (on the grid), values 0 … 0.33. */
	private static double positiveSignal( final int i, final int j )
	{
		final double v = VINJ.value( i );
		return 0.33 * Math.exp( -Math.pow( ( Math.abs( v ) - 0.28 ) / 0.06, 2 ) );
	}

	/**
	 * Issue 13's case: a positive map (max 0.33) whose zero-bias noise dips to −0.0013 must stay on the sequential
	 * table over its own range; the zero-centred one would leave half of the table unused.
	 */
	@Test
	void faintNegativeNoiseDoesNotMakeAPositiveMapDiverging()
	{
		final ConductanceMap m = ConductanceMap.fromFunction( VINJ, VDET, "g", "nS", null,
				( i, j ) -> positiveSignal( i, j ) + ( ( i * 7 + j * 13 ) % 5 == 0 ? -0.0013 * ( ( i + j ) % 3 ) / 2.0 : 0 ) );
		assertEquals( -0.0013, m.range()[ 0 ], 1e-7 );
		assertEquals( 0.33, m.range()[ 1 ], 0.002 );
		for ( final DisplayRange r : new DisplayRange[] { DisplayRange.auto( m ), SymmetricDisplay.choose( m, SymmetricDisplay.Mode.AUTO, 100 ) } )
		{
			assertFalse( r.isDiverging() );
			assertEquals( -0.0013, r.min(), 1e-7 );
			assertEquals( m.range()[ 1 ], r.max(), 1e-7 );
		}
		// one stray pixel of the other sign, however strong, does not flip it either (1 of 2501 points)
		final ConductanceMap spike = ConductanceMap.fromFunction( VINJ, VDET, "g", "nS", null, ( i, j ) -> i == 30 && j == 20 ? -0.3 : positiveSignal( i, j ) );
		assertFalse( DisplayRange.auto( spike ).isDiverging() );
	}

	/** Genuine signal of both signs: an odd part, and a positive map with real negative lobes (2.7 % of the points). */
	@Test
	void realSignalOfBothSignsIsDiverging()
	{
		final ConductanceMap odd = ConductanceMap.fromFunction( VINJ, VDET, "g_sa", "nS", null, ( i, j ) -> Math.signum( VINJ.value( i ) ) * positiveSignal( i, j ) );
		final DisplayRange r = DisplayRange.auto( odd );
		assertTrue( r.isDiverging() );
		assertEquals( -r.max(), r.min(), 0 );
		// lobes of −0.2 in 2 × 34 (|V_det| ≥ 0.08 mV) = 68 points of the V_inj = ±0.02 mV columns: a sign reversal, not noise
		final ConductanceMap lobes = ConductanceMap.fromFunction( VINJ, VDET, "g_s", "nS", null,
				( i, j ) -> Math.abs( VINJ.value( i ) ) > 0.01 && Math.abs( VINJ.value( i ) ) < 0.03 && Math.abs( VDET.value( j ) ) > 0.07 ? -0.2 : positiveSignal( i, j ) );
		assertTrue( DisplayRange.auto( lobes ).isDiverging() );
		assertTrue( SymmetricDisplay.isSigned( new double[] { -0.2, -0.1, 0.1, 0.3 } ) );
		assertFalse( SymmetricDisplay.isSigned( new double[] { -0.02, 0, 0.1, 0.5 } ), "4 % of the larger side is noise" );
		assertFalse( SymmetricDisplay.isSigned( new double[ 0 ] ) );
	}
}
