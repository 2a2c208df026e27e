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
}
