package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.physics.EnergyModeRun;

class EnergyModeMapModelTest
{
	/**
	 * The model at a point must not depend on which other points are fitted: with the largest |V_inj| 4.99 or 5.01
	 * the bias grid ends at a different place, and a one-sided difference at the grid's last bias once made the
	 * column next to it differ (it biased a fitted γ_ee by 4 %).
	 */
	@Test
	void valuesDoNotDependOnWhereTheBiasGridEnds()
	{
		final EnergyModeRun setup = new EnergyModeRun();
		setup.de = 0.05;
		setup.points = 21;
		setup.threads = 1;
		final double[] vDet = { -1.2, 0.5, 1.5, 1.5 };
		final double[] near = { 4.99, 4.95, 4.91, -4.97 };
		final double[] wider = { 4.99, 4.95, 4.91, 5.01 };
		final double[] a = new EnergyModeMapModel( setup, 0.1, near, vDet ).values( 2e-4 );
		final double[] b = new EnergyModeMapModel( setup, 0.1, wider, vDet ).values( 2e-4 );
		for ( int k = 0; k < 3; k++ )
			assertEquals( a[ k ], b[ k ], 1e-6 * ( 1 + Math.abs( a[ k ] ) ), "point " + k + " at V_inj = " + near[ k ] );
	}
}
