package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContoursTest
{
	/** x in steps of 0.5 (exact in binary) so the float-stored g = x carries no rounding. */
	private static final Axis PX = new Axis( "Vinj", "mV", 0, 0.5, 21 );
	private static final Axis PY = new Axis( "Vdet", "mV", 0, 1, 11 );

	private static ConductanceMap plane() { return ConductanceMap.fromFunction( PX, PY, "g", "nS", null, ( i, j ) -> PX.value( i ) ); }

	@Test
	void contourOfAPlaneIsTheStraightLine()
	{
		for ( final double c : new double[] { 3.3, 3.0, 0.2 } )
		{
			final List< Contours.Line > lines = Contours.at( plane(), c );
			assertEquals( 1, lines.size(), "level " + c );
			final Contours.Line l = lines.get( 0 );
			assertEquals( PY.size(), l.size() );
			assertFalse( l.isClosed() );
			double ymin = 1e9, ymax = -1e9;
			for ( int k = 0; k < l.size(); k++ )
			{
				assertEquals( c, l.axisX( k ), 1e-9 );
				ymin = Math.min( ymin, l.axisY( k ) );
				ymax = Math.max( ymax, l.axisY( k ) );
			}
			assertEquals( 0, ymin, 0 );
			assertEquals( 10, ymax, 0 );
		}
	}

	/** Pixel coordinates are display order (row 0 at the top) with sample centres at +0.5. */
	@Test
	void pixelCoordinatesPutRowZeroAtTheTop()
	{
		final Contours.Line l = Contours.at( plane(), 3.3 ).get( 0 );
		for ( int k = 0; k < l.size(); k++ )
		{
			assertEquals( PX.position( 3.3 ) + 0.5, l.pixelX( k ), 1e-9 );
			// j = 0 (smallest V_det) is the bottom image row 10, whose centre is at 10.5
			assertEquals( 11 - 0.5 - PY.position( l.axisY( k ) ), l.pixelY( k ), 1e-9 );
		}
		assertArrayEquals( new double[] { 10.5, 0.5 }, new double[] { Math.max( l.pixelY( 0 ), l.pixelY( l.size() - 1 ) ),
				Math.min( l.pixelY( 0 ), l.pixelY( l.size() - 1 ) ) }, 1e-12 );
	}

	/** A line moved onto another grid of the same units keeps its calibrated position: x = 3.3 mV is index 9.2 of 1 + 0.25·i. */
	@Test
	void lineOnAnotherGridKeepsItsAxisPosition()
	{
		final Axis other = new Axis( "Vinj", "mV", 1, 0.25, 30 ), otherY = new Axis( "Vdet", "mV", -2, 0.5, 30 );
		final Contours.Line l = Contours.at( plane(), 3.3 ).get( 0 ).onGrid( other, otherY );
		for ( int k = 0; k < l.size(); k++ )
		{
			assertEquals( 9.2, l.indexX( k ), 1e-9 );
			assertEquals( 9.7, l.pixelX( k ), 1e-9 );
			assertEquals( 3.3, l.axisX( k ), 1e-9 );
		}
		assertEquals( 30 - 0.5 - 4, Math.max( l.pixelY( 0 ), l.pixelY( l.size() - 1 ) ), 1e-9 ); // V_det = 0 is index 4 of otherY
		assertThrows( IllegalArgumentException.class, () -> Contours.at( plane(), 3.3 ).get( 0 ).onGrid( other.inUnit( "V" ), otherY ) );
	}

	/**
	 * g = r² at level R². Along an edge of length h the linear interpolant of r² exceeds r² by (s)(h − s) ≤ h²/4 (r²
	 * has second derivative 2 along x or y), so at a vertex r² ∈ [R² − h²/4, R²]: the vertex lies inside the circle by
	 * at most R − √(R² − h²/4) (≈ h²/(8R)). The contour is one closed loop with one vertex per crossed edge, plus the
	 * repeated first one.
	 */
	@Test
	void contourOfRSquaredIsTheCircleToInterpolationAccuracy()
	{
		final double h = 0.1, radius = 1.23;
		final Axis x = Axis.between( "x", "mV", -2, 2, 41 ), y = Axis.between( "y", "mV", -2, 2, 41 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g", "nS", null,
				( i, j ) -> x.value( i ) * x.value( i ) + y.value( j ) * y.value( j ) );
		final double level = radius * radius;
		final List< Contours.Line > lines = Contours.at( m, level );
		assertEquals( 1, lines.size() );
		final Contours.Line l = lines.get( 0 );
		assertTrue( l.isClosed() );
		assertEquals( crossedEdges( m, level ) + 1, l.size() );
		final double bound = radius - Math.sqrt( radius * radius - h * h / 4 ); // 1.017e-3
		final double floatSlack = 1e-6; // g stored as float: ~1e-7 relative in r²
		double worst = 0;
		for ( int k = 0; k < l.size(); k++ )
		{
			final double r = Math.hypot( l.axisX( k ), l.axisY( k ) );
			assertTrue( r <= radius + floatSlack, "vertex outside the circle: r = " + r );
			worst = Math.max( worst, radius - r );
		}
		assertTrue( worst <= bound + floatSlack, "max radial error " + worst + " > " + bound );
		assertTrue( worst > bound / 10, "the bound should be near-tight on a 0.1 grid: " + worst ); // it is the error, not slack
	}

	private static int crossedEdges( final ConductanceMap m, final double level )
	{
		int n = 0;
		for ( int j = 0; j < m.height(); j++ )
			for ( int i = 0; i < m.width(); i++ )
			{
				final boolean above = m.get( i, j ) >= level;
				if ( i + 1 < m.width() && above != ( m.get( i + 1, j ) >= level ) )
					n++;
				if ( j + 1 < m.height() && above != ( m.get( i, j + 1 ) >= level ) )
					n++;
			}
		return n;
	}

	/** Corners 1, 0, 1, 0 around the cell: centre 0.5. Level 0.4: the 1s are joined; level 0.6: the 0s are. */
	@Test
	void saddleIsResolvedByTheCentreAverage()
	{
		final Axis a = new Axis( "x", "mV", 0, 1, 2 );
		final float[] d = { 0, 1, 1, 0 }; // display order: top row (j = 1) d=0, c=1; bottom row (j = 0) a=1, b=0
		final ConductanceMap m = new ConductanceMap( d, a, a, "g", "nS", null );
		assertEquals( 1f, m.get( 0, 0 ), 0 );
		assertEquals( 1f, m.get( 1, 1 ), 0 );
		// 0.4: the corners below (b at (1,0), d at (0,1)) are cut off, each by a segment next to it
		assertSegments( Contours.at( m, 0.4 ), new double[][] { { 0.6, 0, 1, 0.4 }, { 0, 0.6, 0.4, 1 } } );
		// 0.6: the corners above (a at (0,0), c at (1,1)) are cut off
		assertSegments( Contours.at( m, 0.6 ), new double[][] { { 0, 0.4, 0.4, 0 }, { 1, 0.6, 0.6, 1 } } );
	}

	private static void assertSegments( final List< Contours.Line > lines, final double[][] expected )
	{
		assertEquals( expected.length, lines.size() );
		for ( final double[] e : expected )
		{
			boolean found = false;
			for ( final Contours.Line l : lines )
			{
				assertEquals( 2, l.size() );
				final boolean fwd = near( l, 0, e[ 0 ], e[ 1 ] ) && near( l, 1, e[ 2 ], e[ 3 ] );
				final boolean bwd = near( l, 1, e[ 0 ], e[ 1 ] ) && near( l, 0, e[ 2 ], e[ 3 ] );
				found |= fwd || bwd;
			}
			assertTrue( found, "no segment " + java.util.Arrays.toString( e ) );
		}
	}

	private static boolean near( final Contours.Line l, final int k, final double i, final double j )
	{
		return Math.abs( l.indexX( k ) - i ) < 1e-6 && Math.abs( l.indexY( k ) - j ) < 1e-6;
	}

	/** A NaN grid point removes the four cells around it: the line breaks into two open pieces. */
	@Test
	void nanCellsAreSkipped()
	{
		final ConductanceMap m = plane().copy();
		m.set( 6, 5, Float.NaN ); // x = 3, on the left edge of the cells the level 3.3 crosses
		final List< Contours.Line > lines = Contours.at( m, 3.3 );
		assertEquals( 2, lines.size() );
		assertEquals( 5, lines.get( 0 ).size() );
		assertEquals( 5, lines.get( 1 ).size() );
	}

	@Test
	void defaultLevelsAreSymmetricAboutZeroForSignedMaps()
	{
		final ConductanceMap m = ConductanceMap.fromFunction( PX, PY, "g", "nS", null, ( i, j ) -> i == 0 ? -2 : i == 1 ? 4 : 0 );
		assertArrayEquals( new double[] { -3.2, -2.4, -1.6, -0.8, 0.8, 1.6, 2.4, 3.2 }, Contours.defaultLevels( m, 8 ), 1e-12 );
		assertArrayEquals( new double[] { -2, 0, 2 }, Contours.symmetricLevels( 4, 3 ), 1e-12 );
		// one-signed: evenly inside (min, max) = (0, 10)
		assertArrayEquals( new double[] { 2.5, 5, 7.5 }, Contours.defaultLevels( plane(), 3 ), 1e-12 );
	}
}
