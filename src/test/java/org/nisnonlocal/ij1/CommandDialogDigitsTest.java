package org.nisnonlocal.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ij.IJ;

class CommandDialogDigitsTest
{
	/** The text ImageJ shows (and records in macros) for a default must read back as that default. */
	@Test
	void defaultsAreShownExactly()
	{
		for ( final double v : new double[] { 1.054e-4, 2e-4, 0.0198, 169.2, 24.6e-6, 0.005, 1, 250, 2.65e-4, 8.540407946182963e-3 } )
		{
			final int d = CommandDialog.digits( v );
			final double back = Double.parseDouble( IJ.d2s( v, d ) );
			assertEquals( v, back, Math.max( 1e-9 * Math.abs( v ), 5e-10 ), v + " shown as " + IJ.d2s( v, d ) ); // 9 decimals at most
		}
		assertEquals( "0.0001054", IJ.d2s( 1.054e-4, CommandDialog.digits( 1.054e-4 ) ) );
		assertEquals( "169.2", IJ.d2s( 169.2, CommandDialog.digits( 169.2 ) ) );
	}
}
