package org.nisnonlocal.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ColorMaps;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.DisplayRange;

class HeatmapPngTest
{
	/** Round thousands once lost their zeros ("5000" printed as "5"): the colour bar then lied by 10³. */
	@Test
	void tickLabelsKeepIntegerZerosAndDropDecimalOnes()
	{
		assertEquals( "5000", HeatmapPng.label( 5000 ) );
		assertEquals( "-10", HeatmapPng.label( -10 ) );
		assertEquals( "0.5", HeatmapPng.label( 0.5 ) );
		assertEquals( "1e+04", HeatmapPng.label( 1e4 ) );
		assertEquals( "-2.5e-05", HeatmapPng.label( -2.5e-5 ) );
		assertEquals( "0", HeatmapPng.label( 0 ) );
	}

	@Test
	void ticksAreRoundAndInside()
	{
		assertArrayEquals( new double[] { -10000, -5000, 0, 5000, 10000 }, HeatmapPng.ticks( -11328, 11328 ), 1e-9 );
	}

	/** A 61 × 41 signed map (the size of the examples) with a block of missing points. */
	private static ConductanceMap withHole()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.6, 0.02, 61 ), y = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );
		return ConductanceMap.fromFunction( x, y, "g_sa", "nS", null,
				( i, j ) -> i >= 20 && i < 26 && j >= 30 && j < 37 ? Double.NaN : Math.sin( 0.2 * i ) * Math.cos( 0.15 * j ) );
	}

	/** The screen colour at the centre of map point (i, display row r). */
	private static int colourAt( final BufferedImage img, final ConductanceMap m, final int i, final int r )
	{
		final int sx = HeatmapPng.scaleX( m.width() ), sy = HeatmapPng.scaleY( m.height() );
		return img.getRGB( HeatmapPng.LEFT + i * sx + sx / 2, HeatmapPng.TOP + r * sy + sy / 2 ) & 0xffffff;
	}

	/**
	 * Every map point is drawn in its own colour, uncovered: the colour bar, its labels and the legend lie beside the
	 * map, never over it; missing points are the NaN grey, a colour neither table contains.
	 */
	@Test
	void everyPointShowsItsColourAndMissingPointsAreGrey()
	{
		for ( int k = 0; k < 256; k++ )
		{
			assertNotEquals( ColorMaps.NAN_RGB, ColorMaps.DIVERGING.rgb( k ), "diverging entry " + k );
			assertNotEquals( ColorMaps.NAN_RGB, ColorMaps.SEQUENTIAL.rgb( k ), "sequential entry " + k );
		}
		final ConductanceMap m = withHole();
		final DisplayRange range = DisplayRange.auto( m );
		assertTrue( range.isDiverging() );
		final BufferedImage img = HeatmapPng.render( m, range, "g_sa" );
		int grey = 0;
		for ( int r = 0; r < m.height(); r++ )
			for ( int i = 0; i < m.width(); i++ )
			{
				final float v = m.data()[ r * m.width() + i ];
				final int expected = Float.isNaN( v ) ? ColorMaps.NAN_RGB : range.colorMap().rgb( range.lutIndex( v ) );
				assertEquals( expected, colourAt( img, m, i, r ), "point " + i + ", row " + r );
				grey += Float.isNaN( v ) ? 1 : 0;
			}
		assertEquals( 42, grey );
		// the legend's swatch under the colour bar (20 px right of the map) says what the grey means
		final int sx = HeatmapPng.scaleX( m.width() ), sy = HeatmapPng.scaleY( m.height() );
		final int swatchX = HeatmapPng.LEFT + m.width() * sx + 28, swatchY = HeatmapPng.TOP + m.height() * sy + 18;
		assertEquals( ColorMaps.NAN_RGB, img.getRGB( swatchX, swatchY ) & 0xffffff );
		// without missing points there is no legend and no grey
		final ConductanceMap full = ConductanceMap.fromFunction( m.xAxis(), m.yAxis(), "g", "nS", null, ( i, j ) -> i - 30 );
		final BufferedImage plain = HeatmapPng.render( full, DisplayRange.auto( full ), "g" );
		assertNotEquals( ColorMaps.NAN_RGB, plain.getRGB( swatchX, swatchY ) & 0xffffff );
		for ( int r = 0; r < full.height(); r++ )
			for ( int i = 0; i < full.width(); i++ )
				assertNotEquals( ColorMaps.NAN_RGB, colourAt( plain, full, i, r ) );
	}
}
