package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.ij1.ContourOverlay;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ColorMaps;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

class ImagePlusBridgeTest
{
	private static ConductanceMap ramp()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.5, 0.1, 11 );
		final Axis y = new Axis( "Vdet", "mV", -0.2, 0.05, 7 );
		return ConductanceMap.fromFunction( x, y, "g_nl", "µS", MapMetadata.empty().with( MapMetadata.DELTA0_EV, 2.65e-4 ),
				( i, j ) -> 100 * i + j );
	}

	@Test
	void sharesPixelsAndCalibratesBothAxes()
	{
		final ConductanceMap m = ramp();
		final ImagePlus imp = ImagePlusBridge.toImagePlus( m, "ramp" );
		assertSame( m.data(), imp.getProcessor().getPixels(), "no copy between ArrayImg and FloatProcessor" );
		final Calibration cal = imp.getCalibration();
		assertEquals( "mV", cal.getXUnit() );
		assertEquals( "mV", cal.getYUnit() );
		assertEquals( "µS", cal.getValueUnit() );
		assertEquals( -0.5, cal.getX( 0 ), 1e-12 );
		assertEquals( 0.5, cal.getX( 10 ), 1e-12 );
		// ImageJ draws row 0 at the top: it must be the largest V_det, so V_det increases upward.
		assertEquals( 0.1, cal.getY( 0, 7 ), 1e-12 );
		assertEquals( -0.2, cal.getY( 6, 7 ), 1e-12 );
		// pixel (column 3, top row) holds g at Vinj = -0.2, Vdet = +0.1 (j = 6)
		assertEquals( 306f, imp.getProcessor().getf( 3, 0 ), 0f );
		assertEquals( 300f, imp.getProcessor().getf( 3, 6 ), 0f );
	}

	@Test
	void topRowAtZeroBiasKeepsInvertedAxis()
	{
		final Axis x = new Axis( "Vinj", "mV", 0, 0.1, 3 );
		final Axis y = new Axis( "Vdet", "mV", -0.4, 0.1, 5 ); // max exactly 0
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g", "S", null, ( i, j ) -> j );
		final Calibration cal = ImagePlusBridge.toImagePlus( m, "m" ).getCalibration();
		assertEquals( 0.0, cal.getY( 0, 5 ), 1e-9 );
		assertEquals( -0.4, cal.getY( 4, 5 ), 1e-9 );
	}

	@Test
	void roundTripsThroughImagePlus()
	{
		final ConductanceMap m = ramp();
		final ConductanceMap back = ImagePlusBridge.fromImagePlus( ImagePlusBridge.toImagePlus( m, "ramp" ) );
		assertEquals( m.xAxis(), back.xAxis() );
		assertEquals( m.yAxis(), back.yAxis() );
		assertEquals( m.quantity(), back.quantity() );
		assertEquals( m.valueUnit(), back.valueUnit() );
		assertEquals( 2.65e-4, back.metadata().number( MapMetadata.DELTA0_EV ), 0 );
		assertSame( m.data(), back.data() );
	}

	@Test
	void plainImageWithDownwardYIsFlippedIntoDisplayOrder()
	{
		final FloatProcessor fp = new FloatProcessor( 2, 3, new float[] { 0, 1, 10, 11, 20, 21 } );
		final ImagePlus imp = new ImagePlus( "plain", fp );
		final Calibration cal = new Calibration();
		cal.setUnit( "mV" );
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		imp.setCalibration( cal ); // y grows downward: row 0 is y = 0, the smallest
		final ConductanceMap m = ImagePlusBridge.fromImagePlus( imp );
		assertEquals( 0.0, m.yAxis().min(), 0 );
		assertEquals( 1.0, m.yAxis().max(), 0 );
		assertEquals( 0f, m.get( 0, 0 ), 0 );
		assertEquals( 21f, m.get( 1, 2 ), 0 );
		assertTrue( fp.getPixels() != m.data(), "the flip is a copy; the user's image is untouched" );
		assertEquals( 0f, fp.getf( 0, 0 ), 0 );
	}

	/**
	 * ImageJ draws NaN in the LUT's first colour (the darkest blue of the diverging table, strong negative signal):
	 * an overlay paints exactly the missing points grey, under any iso-lines, and follows the data when redisplayed.
	 */
	@Test
	void missingPointsArePaintedGreyByAnOverlay()
	{
		final ConductanceMap m = ConductanceMap.fromFunction( new Axis( "Vinj", "mV", -0.5, 0.1, 11 ), new Axis( "Vdet", "mV", -0.2, 0.05, 7 ), "g_sa", "nS",
				null, ( i, j ) -> i == 2 && j == 3 || i == 7 && j == 0 ? Double.NaN : i - 5 );
		final ImagePlus imp = ImagePlusBridge.toImagePlus( m, "holes" );
		assertEquals( 1, imp.getOverlay().size() );
		assertEquals( ImagePlusBridge.MISSING_POINTS_OVERLAY, imp.getOverlay().get( 0 ).getName() );
		final int[] flat = ( int[] ) imp.flatten().getProcessor().getPixels();
		final org.nisnonlocal.maps.DisplayRange range = org.nisnonlocal.maps.DisplayRange.auto( m );
		for ( int r = 0; r < 7; r++ )
			for ( int i = 0; i < 11; i++ )
			{
				final float v = imp.getProcessor().getf( i, r );
				final int expected = Float.isNaN( v ) ? ColorMaps.NAN_RGB : range.colorMap().rgb( range.lutIndex( v ) );
				assertEquals( expected, flat[ r * 11 + i ] & 0xffffff, "pixel " + i + ", " + r );
			}
		// iso-lines added later stay on top of the mask; redisplaying after the data changed refreshes only the mask
		ContourOverlay.addTo( imp, java.util.Collections.emptyList(), java.awt.Color.BLACK );
		imp.getOverlay().add( new ij.gui.Line( 0, 0, 5, 5 ) );
		imp.getProcessor().setf( 2, 3, 1f ); // display row 3 is j = 3 of 7: the hole at (2, 3) filled
		imp.getProcessor().setf( 7, 6, 1f );
		ImagePlusBridge.applyDisplay( imp, range );
		assertEquals( 1, imp.getOverlay().size(), "no NaN left: no mask, the line kept" );
		assertEquals( ij.gui.Roi.LINE, imp.getOverlay().get( 0 ).getType() );
	}
}
