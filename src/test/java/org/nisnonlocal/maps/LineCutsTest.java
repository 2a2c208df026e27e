package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class LineCutsTest
{
	private static final Axis X = new Axis( "Vinj", "mV", -0.6, 0.02, 61 );
	private static final Axis Y = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );

	/** g = sin(5x) + 3y: linear in y, so linear interpolation between rows is exact. */
	private static ConductanceMap linearInY()
	{
		return ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null,
				( i, j ) -> Math.sin( 5 * X.value( i ) ) + 3 * Y.value( j ) );
	}

	@Test
	void cutsOnGridLinesAreTheRowsAndColumnsExactly()
	{
		final ConductanceMap m = linearInY();
		final List< LineCuts.Cut > rows = LineCuts.at( m, MapAxis.Y, -0.4, 0.1, 0.4 );
		assertEquals( 3, rows.size() );
		assertArrayEquals( m.row( 0 ), rows.get( 0 ).values(), 0 );
		assertArrayEquals( m.row( 25 ), rows.get( 1 ).values(), 0 );
		assertArrayEquals( m.row( 40 ), rows.get( 2 ).values(), 0 );
		assertFalse( rows.get( 1 ).isInterpolated() );
		assertArrayEquals( X.values(), rows.get( 1 ).positions(), 0 );
		assertEquals( "Vinj", rows.get( 1 ).alongAxis().name() );

		final LineCuts.Cut col = LineCuts.at( m, MapAxis.X, 0.2 ).get( 0 );
		assertArrayEquals( m.column( 40 ), col.values(), 0 );
		assertArrayEquals( Y.values(), col.positions(), 0 );
	}

	@Test
	void cutBetweenRowsOfAMapLinearInYIsTheAnalyticValue()
	{
		final LineCuts.Cut c = LineCuts.at( linearInY(), MapAxis.Y, 0.105 ).get( 0 );
		assertTrue( c.isInterpolated() );
		for ( int i = 0; i < X.size(); i++ )
			// float storage: values of size ~1.5 carry ~1e-7 rounding
			assertEquals( Math.sin( 5 * X.value( i ) ) + 3 * 0.105, c.value( i ), 3e-7 );
	}

	@Test
	void valueOutsideTheAxisIsRefusedWithTheRange()
	{
		final BadInputException e = assertThrows( BadInputException.class, () -> LineCuts.at( linearInY(), MapAxis.Y, 0.1, 0.45 ) );
		assertEquals( "cut at Vdet = 0.45 mV is outside the Vdet axis range [-0.4, 0.4] mV", e.getMessage() );
		assertThrows( BadInputException.class, () -> LineCuts.at( linearInY(), MapAxis.X, Double.NaN ) );
	}

	@Test
	void everyNthRowAndStackedOffsets()
	{
		final ConductanceMap m = linearInY();
		final List< LineCuts.Cut > cuts = LineCuts.everyNth( m, MapAxis.Y, 10 );
		assertEquals( 5, cuts.size() ); // rows 0, 10, 20, 30, 40
		assertEquals( Y.value( 30 ), cuts.get( 3 ).value(), 0 );
		final List< LineCuts.Cut > stacked = LineCuts.stacked( cuts, 0.5 );
		for ( int k = 0; k < cuts.size(); k++ )
		{
			assertEquals( 0.5 * k, stacked.get( k ).offset(), 0 );
			assertEquals( m.row( 10 * k )[ 7 ] + 0.5 * k, stacked.get( k ).value( 7 ), 1e-12 );
		}
		final Spectrum s = stacked.get( 2 ).toSpectrum( m.metadata() );
		assertEquals( "cut vdet=0 interpolated=false offset=1", s.metadata().history().get( 0 ) );
		assertEquals( "Vinj", s.biasName() );
	}
}
