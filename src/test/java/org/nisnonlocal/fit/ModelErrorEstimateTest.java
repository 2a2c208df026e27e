package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * The model-error estimate of {@link ConvergedMapFit} (Richardson: the error of grid δε is |g(δε) − g(2δε)|/3, of the
 * coarser grid 4/3 of the difference) against the actual difference to {@link FineReferenceMap}: within a factor 2.
 */
class ModelErrorEstimateTest
{
	private static double[] model( final double de )
	{
		final EnergyModeRun s = new EnergyModeRun();
		s.de = de;
		return new EnergyModeMapModel( s, 0.25, FineReferenceMap.V_INJ, FineReferenceMap.V_DET ).values( FineReferenceMap.GAMMA_EE ).clone();
	}

	@Test
	void estimateIsWithinAFactorTwoOfTheActualError()
	{
		final double[] truth = FineReferenceMap.truth();
		final double[] g40 = model( 0.025 ), g80 = model( 0.0125 );
		final double estimate80 = ConvergedMapFit.richardson( g80, g40 ), estimate40 = 4 * estimate80;
		final double actual80 = ConvergedMapFit.rmsDifference( g80, truth ), actual40 = ConvergedMapFit.rmsDifference( g40, truth );
		final String what = String.format( "delta_epsilon 1/40: estimated %.3g, actual %.3g; 1/80: estimated %.3g, actual %.3g (sigma of the honesty tests %.3g)", estimate40, actual40,
				estimate80, actual80, FineReferenceMap.sigma() );
		System.out.println( what );
		assertTrue( estimate40 > actual40 / 2 && estimate40 < 2 * actual40, what );
		assertTrue( estimate80 > actual80 / 2 && estimate80 < 2 * actual80, what );
	}
}
