package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

public class CollisionIntegralParityTest
{
	/** The half-length real FFT of an odd + even pair gives the spectra of the full complex FFT (to rounding). */
	@Test
	public void paritySpectraMatchTheGeneralTransform()
	{
		final Random rnd = new Random( 3 );
		for ( final int n : new int[] { 3, 9, 401 } )
		{
			final double[] ones = new double[ n ];
			java.util.Arrays.fill( ones, 1 );
			final CollisionIntegral odd = new CollisionIntegral( ones, ones, 0.1, 1, true );
			final CollisionIntegral general = new CollisionIntegral( ones, ones, 0.1, 1, false );
			final double[] u = new double[ n ], w = new double[ n ];
			final int c = ( n - 1 ) / 2;
			w[ c ] = rnd.nextGaussian();
			for ( int j = 1; j <= c; j++ )
			{
				u[ c + j ] = rnd.nextGaussian();
				u[ c - j ] = -u[ c + j ];
				w[ c + j ] = rnd.nextGaussian();
				w[ c - j ] = w[ c + j ];
			}
			final int h = odd.halfLength();
			final double[][] a = new double[ 4 ][ h ], b = new double[ 4 ][ h ];
			odd.spectraOfParityPair( u, w, a[ 0 ], a[ 1 ], a[ 2 ], a[ 3 ] );
			general.spectraOfParityPair( u, w, b[ 0 ], b[ 1 ], b[ 2 ], b[ 3 ] );
			for ( int s = 0; s < 4; s++ )
				for ( int q = 0; q < h; q++ )
					assertEquals( b[ s ][ q ], a[ s ][ q ], 1e-12 * Math.sqrt( n ), "n " + n + ", spectrum " + s + ", q " + q );
		}
	}
}
