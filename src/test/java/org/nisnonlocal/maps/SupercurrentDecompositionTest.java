package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class SupercurrentDecompositionTest
{
	private static final Axis X = Axis.between( "Vinj", "mV", -1, 1, 21 );
	private static final Axis Y = new Axis( "Vdet", "mV", 0, 0.5, 3 );

	/** Dyadic values: sums, differences and halves are exact in float. */
	private static double s( final int i, final int j ) { return ( i * i + 2 * j ) / 4.0; }

	private static double a( final int i, final int j ) { return ( i - 3 * j ) / 8.0; }

	private static MapMetadata current( final double amps )
	{
		return MapMetadata.empty().with( MapMetadata.SUPERCURRENT_A, amps );
	}

	private static ConductanceMap plus( final MapMetadata md )
	{
		return ConductanceMap.fromFunction( X, Y, "g_nl", "µS", md, ( i, j ) -> s( i, j ) + a( i, j ) );
	}

	private static ConductanceMap minus( final MapMetadata md )
	{
		return ConductanceMap.fromFunction( X, Y, "g_nl", "µS", md, ( i, j ) -> s( i, j ) - a( i, j ) );
	}

	@Test
	public void splitsIntoCurrentSymmetricAndAntisymmetricPartsExactly()
	{
		final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( plus( current( 5e-6 ) ), minus( current( -5e-6 ) ), MapAxis.X, false, false );
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
			{
				assertEquals( s( i, j ), r.gs().get( i, j ), 0 );
				assertEquals( a( i, j ), r.ga().get( i, j ), 0 );
				// g_ss, g_sa of g_s: mirror of i is 20 − i on this symmetric grid
				assertEquals( 0.5 * ( s( i, j ) + s( 20 - i, j ) ), r.gss().get( i, j ), 0 );
				assertEquals( 0.5 * ( s( i, j ) - s( 20 - i, j ) ), r.gsa().get( i, j ), 0 );
			}
		assertEquals( "g_s", r.gs().quantity() );
		assertEquals( "g_a", r.ga().quantity() );
		assertEquals( "g_ss", r.gss().quantity() );
		assertEquals( "g_sa", r.gsa().quantity() );
		assertEquals( "supercurrent-decompose plus_Is_A=5e-06 minus_Is_A=-5e-06 part=g_a", r.ga().metadata().history().get( 0 ) );
		assertEquals( "plus_Is_A=5e-06 minus_Is_A=-5e-06", r.report().get( 0 ) );
	}

	@Test
	public void currentsNotOppositeFailNamingBothValues()
	{
		final BadInputException e = assertThrows( BadInputException.class,
				() -> SupercurrentDecomposition.decompose( plus( current( 5e-6 ) ), minus( current( -4.9e-6 ) ), MapAxis.X, true, false ) );
		assertTrue( e.getMessage().contains( "5.0E-6" ) && e.getMessage().contains( "-4.9E-6" ) && e.getMessage().contains( "not opposite" ), e.getMessage() );
		// 0.5 % apart is within the 1 % tolerance
		SupercurrentDecomposition.decompose( plus( current( 5e-6 ) ), minus( current( -4.975e-6 ) ), MapAxis.X, false, false );
	}

	@Test
	public void swappedPairFails()
	{
		final BadInputException e = assertThrows( BadInputException.class,
				() -> SupercurrentDecomposition.decompose( minus( current( -5e-6 ) ), plus( current( 5e-6 ) ), MapAxis.X, true, false ) );
		assertTrue( e.getMessage().contains( "swap" ), e.getMessage() );
	}

	@Test
	public void unrecordedCurrentNeedsConfirmation()
	{
		final BadInputException neither = assertThrows( BadInputException.class,
				() -> SupercurrentDecomposition.decompose( plus( null ), minus( null ), MapAxis.X, false, false ) );
		assertTrue( neither.getMessage().startsWith( "neither map records its supercurrent (metadata supercurrent_A)" ), neither.getMessage() );
		assertTrue( neither.getMessage().contains( "confirm explicitly" ), neither.getMessage() );
		final BadInputException one = assertThrows( BadInputException.class,
				() -> SupercurrentDecomposition.decompose( plus( current( 5e-6 ) ), minus( null ), MapAxis.X, false, false ) );
		assertTrue( one.getMessage().startsWith( "g(-I_s) does not record" ), one.getMessage() );

		final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( plus( null ), minus( null ), MapAxis.X, true, false );
		assertEquals( a( 7, 2 ), r.ga().get( 7, 2 ), 0 );
		assertEquals( "pair=confirmed-by-user", r.report().get( 0 ) );
	}

	@Test
	public void mismatchedGridsFailNamingBothGrids()
	{
		final Axis x2 = Axis.between( "Vinj", "mV", -1, 1, 41 );
		final ConductanceMap m = ConductanceMap.fromFunction( x2, Y, "g_nl", "µS", current( -5e-6 ), ( i, j ) -> 0 );
		final BadInputException e = assertThrows( BadInputException.class,
				() -> SupercurrentDecomposition.decompose( plus( current( 5e-6 ) ), m, MapAxis.X, false, false ) );
		assertTrue( e.getMessage().contains( X.toString() ) && e.getMessage().contains( x2.toString() ), e.getMessage() );
	}

	@Test
	public void mismatchedUnitsFail()
	{
		final ConductanceMap m = minus( current( -5e-6 ) ).relabel( "g_nl", "S", current( -5e-6 ) );
		final BadInputException e = assertThrows( BadInputException.class,
				() -> SupercurrentDecomposition.decompose( plus( current( 5e-6 ) ), m, MapAxis.X, false, false ) );
		assertTrue( e.getMessage().contains( "µS" ) && e.getMessage().contains( "in S" ), e.getMessage() );
	}

	/** The minus map on a grid shifted by 0.3 step: resampling is exact for a bilinear g, NaN where not measured. */
	@Test
	public void resamplesTheMinusMapWhenAsked()
	{
		final Axis xShifted = new Axis( "Vinj", "mV", -1 + 0.3 * X.step(), X.step(), 21 );
		final ConductanceMap p = ConductanceMap.fromFunction( X, Y, "g_nl", "µS", current( 5e-6 ), ( i, j ) -> 1 + X.value( i ) );
		final ConductanceMap m = ConductanceMap.fromFunction( xShifted, Y, "g_nl", "µS", current( -5e-6 ), ( i, j ) -> 1 - xShifted.value( i ) );
		final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( p, m, MapAxis.X, false, true );
		for ( int j = 0; j < Y.size(); j++ )
		{
			assertTrue( Float.isNaN( r.ga().get( 0, j ) ) ); // −1 lies left of the shifted grid
			for ( int i = 1; i < X.size(); i++ )
			{
				assertEquals( 1, r.gs().get( i, j ), 1e-6 );
				assertEquals( X.value( i ), r.ga().get( i, j ), 1e-6 );
			}
		}
		assertTrue( r.report().get( 1 ).contains( "resampled" ), r.report().get( 1 ) );
	}
}
