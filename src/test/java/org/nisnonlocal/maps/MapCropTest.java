package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class MapCropTest
{
	private static final Axis X = new Axis( "Vinj", "mV", -0.6, 0.02, 61 );
	private static final Axis Y = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );

	private static ConductanceMap map()
	{
		return ConductanceMap.fromFunction( X, Y, "g_nl", "nS", MapMetadata.empty().withHistory( "example" ),
				( i, j ) -> 1000 * i + j );
	}

	@Test
	void keepsValuesAndCalibrationAtTheSameBias()
	{
		final ConductanceMap m = map();
		// Bounds typed as decimal grid values, which are not exact multiples in binary: both ends must stay.
		final ConductanceMap c = MapCrop.crop( m, -0.1, 0.3, 0.0, 0.2 );
		assertEquals( 21, c.width() );
		assertEquals( 11, c.height() );
		assertEquals( -0.1, c.xAxis().min(), 1e-12 );
		assertEquals( 0.3, c.xAxis().max(), 1e-12 );
		assertEquals( 0.0, c.yAxis().min(), 1e-12 );
		assertEquals( 0.2, c.yAxis().max(), 1e-12 );
		assertEquals( X.step(), c.xAxis().step(), 0 );
		assertEquals( "mV", c.xAxis().unit() );
		assertEquals( "nS", c.valueUnit() );
		for ( int j = 0; j < c.height(); j++ )
			for ( int i = 0; i < c.width(); i++ )
			{
				final int oi = X.nearestIndex( c.xAxis().value( i ) ), oj = Y.nearestIndex( c.yAxis().value( j ) );
				assertEquals( X.value( oi ), c.xAxis().value( i ), 1e-12 );
				assertEquals( m.get( oi, oj ), c.get( i, j ), 0 );
			}
		assertEquals( 1000 * 25 + 20, c.get( 0, 0 ), 0 ); // (-0.1, 0.0) is grid point (25, 20)
		assertEquals( "crop vinj=[-0.1,0.3] vdet=[0,0.2]", c.metadata().history().get( 1 ) );
		assertEquals( "example", c.metadata().history().get( 0 ) );
		assertEquals( 1, m.metadata().history().size() ); // input untouched
	}

	@Test
	void boundsBetweenGridPointsKeepOnlyInnerPoints()
	{
		final ConductanceMap c = MapCrop.crop( map(), -0.105, 0.295, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY );
		assertEquals( -0.1, c.xAxis().min(), 1e-12 );
		assertEquals( 0.28, c.xAxis().max(), 1e-12 );
		assertEquals( Y.size(), c.height() );
	}

	@Test
	void emptyOrInvertedWindowIsRefused()
	{
		final BadInputException inverted = assertThrows( BadInputException.class, () -> MapCrop.crop( map(), 0.3, -0.1, 0, 0.2 ) );
		assertTrue( inverted.getMessage().contains( "inverted" ), inverted.getMessage() );
		final BadInputException between = assertThrows( BadInputException.class, () -> MapCrop.crop( map(), 0.101, 0.119, 0, 0.2 ) );
		assertTrue( between.getMessage().contains( "no grid point" ), between.getMessage() );
		assertThrows( BadInputException.class, () -> MapCrop.crop( map(), 0.7, 0.9, 0, 0.2 ) );
		assertThrows( BadInputException.class, () -> MapCrop.crop( map(), Double.NaN, 0.1, 0, 0.2 ) );
	}
}
