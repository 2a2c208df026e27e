package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.maps.ConductanceMap;

class GsaMapMarginTest
{
	/**
	 * With the exact bias derivative a g_sa column depends only on its own bias: the last column of a plain run, of a
	 * run with a margin bias and of a longer sweep agree (before the exact derivative the plain run's one-sided end
	 * column was 2 % off on this grid, up to 2× at the paper's).
	 */
	@Test
	void lastColumnDependsOnlyOnItsOwnBias()
	{
		final EnergyModeRun run = new EnergyModeRun();
		run.de = 0.05;
		run.threads = 1;
		final double[] v = new double[ 26 ], longer = new double[ 28 ];
		for ( int b = 0; b < longer.length; b++ )
		{
			longer[ b ] = 0.2 * b;
			if ( b < v.length )
				v[ b ] = longer[ b ];
		}
		final double[] vDet = { 0.5, 1.0, 1.5 };
		final DetectorSignal det = run.detector();
		final ConductanceMap margin = det.gsaMap( run.runWithMargin( v, null ), vDet, 0.2, run.kappa );
		final ConductanceMap plain = det.gsaMap( run.run( v, null ), vDet, 0.2, run.kappa );
		final ConductanceMap wide = det.gsaMap( run.run( longer, null ), vDet, 0.2, run.kappa );
		assertEquals( 51, margin.width() ); // −5 … 5: the margin bias is not a column
		for ( int j = 0; j < vDet.length; j++ )
		{
			final double ref = wide.get( 52, j ); // V_inj = 5 in the −5.4 … 5.4 map
			assertTrue( Math.abs( ref ) > 1, "a column with signal at V_det = " + vDet[ j ] + ": " + ref );
			assertEquals( ref, margin.get( 50, j ), 1e-6 * Math.abs( ref ) + 1e-6, "V_det = " + vDet[ j ] );
			assertEquals( -ref, margin.get( 0, j ), 1e-6 * Math.abs( ref ) + 1e-6 );
			assertEquals( ref, plain.get( 50, j ), 1e-6 * Math.abs( ref ) + 1e-6, "plain run, V_det = " + vDet[ j ] );
		}
	}
}
