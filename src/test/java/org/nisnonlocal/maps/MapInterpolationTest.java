package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class MapInterpolationTest
{
	@Test
	public void linearReproducesALinearFunctionBetweenNodes()
	{
		final Axis a = new Axis( "Vinj", "V", -0.93, 0.02, 101 );
		final double[] g = new double[ a.size() ];
		for ( int i = 0; i < g.length; i++ )
			g[ i ] = 2 + 3 * a.value( i );
		assertEquals( 2 + 3 * 0.1234, MapInterpolation.linear( a, g, 0.1234 ), 1e-12 );
		assertEquals( 2 + 3 * -0.93, MapInterpolation.linear( a, g, -0.93 ), 0 );
	}

	@Test
	public void edgeRoundingSnapsButNothingIsExtrapolated()
	{
		final Axis a = new Axis( "Vinj", "V", -0.93, 0.02, 101 );
		final double[] g = a.values();
		// 1.07 computed another way differs from value(100) in the last bits: still the last node
		assertEquals( g[ 100 ], MapInterpolation.linear( a, g, -0.93 + 2.0 ), 0 );
		assertTrue( Double.isNaN( MapInterpolation.linear( a, g, a.max() + 1e-6 * a.step() ) ) );
		assertTrue( Double.isNaN( MapInterpolation.linear( a, g, a.min() - 1e-6 * a.step() ) ) );
	}

	@Test
	public void nanNeighbourSpoilsOnlyItsCells()
	{
		final double[] g = { 1, 2, Double.NaN, 4, 5 };
		assertEquals( 2, MapInterpolation.atPosition( g, 1 ), 0 );
		assertEquals( 4, MapInterpolation.atPosition( g, 3 ), 0 );
		assertEquals( 1.5, MapInterpolation.atPosition( g, 0.5 ), 0 );
		assertTrue( Double.isNaN( MapInterpolation.atPosition( g, 1.5 ) ) );
		assertTrue( Double.isNaN( MapInterpolation.atPosition( g, 2.5 ) ) );
	}

	@Test
	public void linearOnNonUniformAbscissa()
	{
		final double[] x = { -1, 0, 1, 3 };
		final double[] y = { 5, 0, 2, 4 };
		assertEquals( 3, MapInterpolation.linear( x, y, 2 ), 0 );
		assertEquals( 2.5, MapInterpolation.linear( x, y, -0.5 ), 0 );
		assertEquals( 4, MapInterpolation.linear( x, y, 3 ), 0 );
		assertTrue( Double.isNaN( MapInterpolation.linear( x, y, 3.001 ) ) );
		assertTrue( Double.isNaN( MapInterpolation.linear( x, y, -1.001 ) ) );
	}

	/** The local cubic is exact for cubic polynomials, also on a non-uniform abscissa and in the edge cells. */
	@Test
	public void cubicIsExactForCubics()
	{
		final double[] x = { -1, -0.7, 0, 0.2, 0.9, 1.5 };
		final double[] y = new double[ x.length ];
		for ( int i = 0; i < x.length; i++ )
			y[ i ] = cube( x[ i ] );
		for ( final double at : new double[] { -0.95, -0.3, 0.1, 0.5, 1.4 } )
			assertEquals( cube( at ), MapInterpolation.cubic( x, y, at ), 1e-12 );
		assertEquals( y[ 5 ], MapInterpolation.cubic( x, y, 1.5 ), 0 );
		assertTrue( Double.isNaN( MapInterpolation.cubic( x, y, 1.5001 ) ) );
		y[ 0 ] = Double.NaN;
		assertEquals( cube( 0.1 ), MapInterpolation.cubic( x, y, 0.1 ), 1e-12 ); // cell [0, 0.2] uses samples 1 … 4: −0.7 … 0.9
		assertTrue( Double.isNaN( MapInterpolation.cubic( x, y, -0.3 ) ) ); // cell [−0.7, 0] uses samples 0 … 3
	}

	private static double cube( final double v )
	{
		return 0.5 - 2 * v + 3 * v * v - 1.25 * v * v * v;
	}

	/** Bilinear interpolation is exact for f = a + b·x + c·y + d·x·y; dyadic nodes make the stored floats exact. */
	@Test
	public void bilinearIsExactForBilinearFunctions()
	{
		final Axis x = new Axis( "Vinj", "V", -1, 0.5, 5 );
		final Axis y = new Axis( "Vdet", "V", 0, 0.25, 5 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g", "S", null, ( i, j ) -> f( x.value( i ), y.value( j ) ) );
		assertEquals( f( 0.3, 0.6 ), MapInterpolation.bilinear( m, 0.3, 0.6 ), 1e-12 );
		assertEquals( f( -1, 1 ), MapInterpolation.bilinear( m, -1, 1 ), 0 );
		assertTrue( Double.isNaN( MapInterpolation.bilinear( m, 1.01, 0.5 ) ) );
		assertTrue( Double.isNaN( MapInterpolation.bilinear( m, 0, -0.01 ) ) );
	}

	@Test
	public void resampleIsNaNOutsideTheOldGridOnly()
	{
		final Axis x = new Axis( "Vinj", "V", -1, 0.5, 5 );
		final Axis y = new Axis( "Vdet", "V", 0, 0.25, 5 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g", "S", null, ( i, j ) -> f( x.value( i ), y.value( j ) ) );
		final Axis x2 = new Axis( "Vinj", "V", -0.9, 0.5, 5 ); // last point 1.1 is outside
		final ConductanceMap r = MapInterpolation.resample( m, x2, y );
		assertEquals( f( -0.9, 0.5 ), r.get( 0, 2 ), 1e-6 );
		assertEquals( f( 0.6, 1 ), r.get( 3, 4 ), 1e-6 );
		for ( int j = 0; j < y.size(); j++ )
			assertTrue( Float.isNaN( r.get( 4, j ) ) );
		assertEquals( 20, r.validCount() );
	}

	private static double f( final double x, final double y )
	{
		return 1 + 2 * x + 3 * y + 4 * x * y;
	}
}
