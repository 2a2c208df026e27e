package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
