package org.nisnonlocal.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.List;

import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.FloatPolygon;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Contours;

class ContourOverlayTest
{
	/** g = x on x = 0, 0.5, …: the iso-line at 3.3 is the column position 6.6, pixel x 7.1; the bottom vertex is row 10's centre. */
	@Test
	void polylinesUseImageJPixelCoordinatesWithRowZeroAtTheTop()
	{
		final Axis x = new Axis( "Vinj", "mV", 0, 0.5, 21 ), y = new Axis( "Vdet", "mV", 0, 1, 11 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g", "nS", null, ( i, j ) -> x.value( i ) );
		final Overlay o = ContourOverlay.of( Contours.at( m, 3.3 ), Color.BLACK );
		assertEquals( 1, o.size() );
		final Roi r = o.get( 0 );
		assertEquals( Roi.POLYLINE, r.getType() );
		final FloatPolygon p = r.getFloatPolygon();
		assertEquals( 11, p.npoints );
		float ymax = 0, ymin = 99;
		for ( int k = 0; k < p.npoints; k++ )
		{
			assertEquals( 7.1f, p.xpoints[ k ], 1e-5f );
			ymax = Math.max( ymax, p.ypoints[ k ] );
			ymin = Math.min( ymin, p.ypoints[ k ] );
		}
		assertEquals( 10.5f, ymax, 1e-6f ); // V_det = 0 is the bottom row (10)
		assertEquals( 0.5f, ymin, 1e-6f ); // V_det = 10 is row 0, at the top
	}

	@Test
	void closedLinesBecomePolygonsWithoutTheRepeatedVertex()
	{
		final Axis a = Axis.between( "x", "mV", -2, 2, 21 );
		final ConductanceMap m = ConductanceMap.fromFunction( a, a, "g", "nS", null, ( i, j ) -> a.value( i ) * a.value( i ) + a.value( j ) * a.value( j ) );
		final List< Contours.Line > lines = Contours.at( m, 1.5 );
		final Roi r = ContourOverlay.of( lines, Color.BLACK ).get( 0 );
		assertEquals( Roi.POLYGON, r.getType() );
		assertEquals( lines.get( 0 ).size() - 1, r.getFloatPolygon().npoints );
	}
}
