package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.maps.ConductanceMap;

class GsaMapMarginTest
{
	/**
	 * The last column of a g_sa map from {@link EnergyModeRun#runWithMargin} is the central difference a longer sweep
	 * gives at that bias; the plain run's one-sided end column is far off where Δ(V_inj) bends.
	 */
	@Test
	void lastColumnIsTheCentralDifference()
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
		double plainOff = 0;
		for ( int j = 0; j < vDet.length; j++ )
		{
			final double ref = wide.get( 52, j ); // V_inj = 5 in the −5.4 … 5.4 map
			assertEquals( ref, margin.get( 50, j ), 1e-6 * Math.abs( ref ) + 1e-6, "V_det = " + vDet[ j ] );
			assertEquals( -ref, margin.get( 0, j ), 1e-6 * Math.abs( ref ) + 1e-6 );
			plainOff = Math.max( plainOff, Math.abs( plain.get( 50, j ) - ref ) / Math.abs( ref ) );
		}
		// 2 % on this coarse grid; at the paper's (δε = 1/40, step 0.1) up to 2× (128 against 242 at eV_det = 1)
		assertTrue( plainOff > 0.01, "the one-sided end column differs by " + plainOff + " (the reason for the margin)" );
	}
}
