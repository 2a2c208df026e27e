package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

public class FftPaddedTest
{
	@Test
	public void paddedForwardAndShortInverseGiveTheFullTransformsBits()
	{
		final Random rnd = new Random( 7 );
		for ( final int count : new int[] { 1, 5, 63, 64 } )
		{
			final Fft fft = new Fft( 128 );
			final double[] a = new double[ count ], b = new double[ count ];
			for ( int i = 0; i < count; i++ )
			{
				a[ i ] = rnd.nextGaussian();
				b[ i ] = i % 7 == 0 ? -0.0 : rnd.nextGaussian();
			}
			final double[] re = Arrays.copyOf( a, 128 ), im = Arrays.copyOf( b, 128 );
			fft.forward( re, im );
			final double[] pr = new double[ 128 ], pi = new double[ 128 ];
			Arrays.fill( pr, Double.NaN );
			fft.forwardPadded( a, b, count, pr, pi );
			assertArrayEquals( re, pr, 0 );
			assertArrayEquals( im, pi, 0 );
			final double[] r2 = re.clone(), i2 = im.clone();
			fft.inverse( re, im );
			fft.inverse( r2, i2, count );
			for ( int i = 0; i < count; i++ )
			{
				assertEquals( re[ i ], r2[ i ], 0 );
				assertEquals( im[ i ], i2[ i ], 0 );
				assertEquals( a[ i ], re[ i ], 1e-14 );
			}
		}
	}
}
