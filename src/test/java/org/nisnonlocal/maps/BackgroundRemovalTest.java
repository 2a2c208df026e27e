package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class BackgroundRemovalTest
{
	private static final Axis X = new Axis( "Vinj", "mV", -0.6, 0.02, 61 );
	private static final Axis Y = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );

	/** sin(3x)·sin(2y) is odd in x and in y: on this symmetric grid it has no plane component. */
	private static double signal( final int i, final int j ) { return Math.sin( 3 * X.value( i ) ) * Math.sin( 2 * Y.value( j ) ); }

	@Test
	void planeIsRemovedExactly()
	{
		final double a = 1.5, b = -0.8, c = 2.25;
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null,
				( i, j ) -> signal( i, j ) + a + b * X.value( i ) + c * Y.value( j ) );
		final BackgroundRemoval.Result r = BackgroundRemoval.plane( m );
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
			{
				// float storage of values up to ~3: rounding ≤ 3·6e-8 per stored number
				assertEquals( signal( i, j ), r.corrected().get( i, j ), 5e-7 );
				assertEquals( a + b * X.value( i ) + c * Y.value( j ), r.background().get( i, j ), 5e-7 );
			}
		final String h = r.corrected().metadata().history().get( 0 );
		assertTrue( h.startsWith( "background mode=plane a=1.5" ), h );
		assertEquals( "nS", r.corrected().valueUnit() );
		assertEquals( "g_nl background", r.background().quantity() );
		assertEquals( h + " part=background", r.background().metadata().history().get( 0 ) );
	}

	@Test
	void planeFitIgnoresMissingPoints()
	{
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null,
				( i, j ) -> ( i + 3 * j ) % 7 == 0 ? Double.NaN : 0.5 - X.value( i ) + 4 * Y.value( j ) );
		final BackgroundRemoval.Result r = BackgroundRemoval.plane( m );
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
				if ( ( i + 3 * j ) % 7 == 0 )
					assertTrue( Float.isNaN( r.corrected().get( i, j ) ) );
				else
					assertEquals( 0, r.corrected().get( i, j ), 5e-7 );
		// the background is the plane everywhere, also where the input is missing
		assertEquals( 0.5 - X.value( 0 ) + 4 * Y.value( 0 ), r.background().get( 0, 0 ), 5e-7 ); // (0, 0) is missing
	}

	@Test
	void rowMedianRemovesPerRowOffsetsExactlyDespiteOutliers()
	{
		// Rows: x (median 0 over the symmetric axis) + offset_j, with spikes of ±1000 on the side of the median
		// they replace, which leaves every row's median at offset_j while the mean moves.
		final Random rnd = new Random( 7 );
		final double[] offset = new double[ Y.size() ];
		for ( int j = 0; j < offset.length; j++ )
			offset[ j ] = 0.25 * rnd.nextGaussian();
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null, ( i, j ) ->
		{
			final double x = X.value( i );
			if ( ( i + j ) % 9 == 0 && Math.abs( x ) > 1e-9 )
				return Math.signum( x ) * ( j % 2 == 0 ? 1000 : 1 ) * 1000;
			return x + offset[ j ];
		} );
		final BackgroundRemoval.Result r = BackgroundRemoval.lineLevel( m, MapAxis.X, true );
		for ( int j = 0; j < Y.size(); j++ )
		{
			assertEquals( ( float ) offset[ j ], r.background().get( 0, j ), 1e-7 );
			for ( int i = 0; i < X.size(); i++ )
				if ( !( ( i + j ) % 9 == 0 && Math.abs( X.value( i ) ) > 1e-9 ) )
					assertEquals( X.value( i ), r.corrected().get( i, j ), 3e-7 );
		}
		// The mean would have been pulled far off by the spikes.
		final BackgroundRemoval.Result mean = BackgroundRemoval.lineLevel( m, MapAxis.X, false );
		assertTrue( Math.abs( mean.background().get( 0, 0 ) - offset[ 0 ] ) > 1 );
		assertEquals( "background mode=row-median", r.corrected().metadata().history().get( 0 ) );
	}

	@Test
	void columnMeanRemovesPerColumnOffsets()
	{
		// Each column: offset_i + y, whose mean over the symmetric y axis is offset_i.
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null, ( i, j ) -> Math.cos( 7 * X.value( i ) ) + Y.value( j ) );
		final BackgroundRemoval.Result r = BackgroundRemoval.remove( m, BackgroundRemoval.Mode.COLUMN_MEAN, null, 0 );
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
			{
				assertEquals( Math.cos( 7 * X.value( i ) ), r.background().get( i, j ), 3e-7 );
				assertEquals( Y.value( j ), r.corrected().get( i, j ), 3e-7 );
			}
	}

	@Test
	void polynomialPerRowRemovesARowDependentQuadratic()
	{
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null, ( i, j ) ->
		{
			final double x = X.value( i ), y = Y.value( j );
			return ( i * 5 + j ) % 11 == 0 ? Double.NaN : 1 + y + ( 2 - y ) * x + 3 * y * x * x;
		} );
		final BackgroundRemoval.Result r = BackgroundRemoval.polynomial( m, MapAxis.X, 2 );
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
				if ( ( i * 5 + j ) % 11 != 0 )
					assertEquals( 0, r.corrected().get( i, j ), 5e-7 );
		assertEquals( "background mode=poly axis=vinj degree=2", r.corrected().metadata().history().get( 0 ) );
		// Degree 0 per row is the row mean.
		final BackgroundRemoval.Result p0 = BackgroundRemoval.polynomial( m, MapAxis.X, 0 );
		final BackgroundRemoval.Result mean = BackgroundRemoval.remove( m, BackgroundRemoval.Mode.ROW_MEAN, null, 0 );
		for ( int j = 0; j < Y.size(); j++ )
			assertEquals( mean.background().get( 3, j ), p0.background().get( 3, j ), 1e-6 );
	}

	@Test
	void backgroundPlusCorrectedIsTheInputInEveryMode()
	{
		final Random rnd = new Random( 11 );
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null,
				( i, j ) -> rnd.nextInt( 50 ) == 0 ? Double.NaN : 3 * rnd.nextGaussian() + X.value( i ) );
		for ( final BackgroundRemoval.Mode mode : BackgroundRemoval.Mode.values() )
		{
			final BackgroundRemoval.Result r = BackgroundRemoval.remove( m, mode, MapAxis.Y, 3 );
			for ( int j = 0; j < Y.size(); j++ )
				for ( int i = 0; i < X.size(); i++ )
				{
					final float g = m.get( i, j );
					if ( Float.isNaN( g ) )
						assertTrue( Float.isNaN( r.corrected().get( i, j ) ), mode.spelling() );
					else // one float rounding of the corrected value, |value| ≲ 15
						assertEquals( g, r.background().get( i, j ) + r.corrected().get( i, j ), 2e-6, mode.spelling() );
				}
		}
	}

	@Test
	void badParametersAreRefused()
	{
		final ConductanceMap m = ConductanceMap.fromFunction( X, Y, "g_nl", "nS", null, ( i, j ) -> i );
		assertThrows( BadInputException.class, () -> BackgroundRemoval.polynomial( m, MapAxis.X, 11 ) );
		assertThrows( BadInputException.class, () -> BackgroundRemoval.Mode.parse( "linear" ) );
		assertEquals( BackgroundRemoval.Mode.ROW_MEDIAN, BackgroundRemoval.Mode.parse( "Row-Median" ) );
		final ConductanceMap oneRow = ConductanceMap.fromFunction( X, new Axis( "Vdet", "mV", 0, 0.02, 1 ), "g_nl", "nS", null, ( i, j ) -> i );
		assertThrows( BadInputException.class, () -> BackgroundRemoval.plane( oneRow ) );
	}
}
