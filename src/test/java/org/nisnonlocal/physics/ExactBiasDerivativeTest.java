package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The exact bias derivative (implicit differentiation of the self-consistency, {@link SelfConsistentGap#biasDerivative},
 * and ∂I_det/∂Δ from the exact ∂N/∂Δ) against finite differences of independent self-consistent solutions: the
 * difference must fall as h² (the finite difference's own error), i.e. by ≈ 4 per halving of h, and extrapolate to 0,
 * which it cannot do if the "exact" value is off by more than a small fraction of the finest difference's error.
 */
class ExactBiasDerivativeTest
{
	private static SelfConsistentGap gap( final double gammaEe )
	{
		final EnergyModeRun r = new EnergyModeRun();
		final EnergyModeSolver solver = new EnergyModeSolver( EnergyModeSolver.energyGrid( r.omegaD, 0.05 ), r.kappa, r.length / 2, 11, gammaEe );
		return new SelfConsistentGap( solver, r.gamma, r.omegaD, r.tInj, r.tBath, 1 );
	}

	private static double delta( final SelfConsistentGap gap, final double v )
	{
		// approached from below, as a sweep would
		final List< SelfConsistentGap.Point > p = gap.sweep( new double[] { v - 0.1, v }, 1, null );
		return p.get( 1 ).delta();
	}

	@Test
	void deltaSlopeMatchesFiniteDifferencesToSecondOrder()
	{
		final SelfConsistentGap gap = gap( 2e-4 );
		// below, at and above the 3Δ0 onset where Δ(V) bends fastest, each with a largest step h0 in the asymptotic
		// range of the differences (at 2.9 Δ(V) bends on the scale t_inj = 0.02) and whose smallest step keeps the
		// differences' error well above Δ's tolerance noise (1e-9 / h)
		for ( final double[] at : new double[][] { { 2.9, 0.004 }, { 3.3, 0.008 }, { 4.2, 0.008 } } )
		{
			final double v0 = at[ 0 ];
			final List< SelfConsistentGap.Point > p = gap.sweep( new double[] { v0 - 0.1, v0 }, 1, null );
			final double exact = p.get( 1 ).biasDerivative();
			assertTrue( Double.isFinite( exact ) && exact < 0, "dDelta/dV at " + v0 + " = " + exact );
			final double[] err = new double[ 3 ];
			for ( int k = 0; k < 3; k++ )
			{
				final double h = at[ 1 ] / ( 1 << k );
				final double fd = ( delta( gap, v0 + h ) - delta( gap, v0 - h ) ) / ( 2 * h );
				err[ k ] = fd - exact;
			}
			final String what = String.format( "V = %.2f: exact %.6g, central differences off by %.3g, %.3g, %.3g", v0, exact, err[ 0 ], err[ 1 ], err[ 2 ] );
			System.out.println( what );
			// second order: the first halving divides the error by ≈ 4 (3 .. 5.5 allows the h⁴ term) ...
			final double ratio = err[ 0 ] / err[ 1 ];
			assertTrue( ratio > 3 && ratio < 5.5, what + ": ratio " + ratio );
			// ... and the h² extrapolation of the two finest differences lands on the exact value (0.2 %; at 4.2 the
			// differences level off 2.5e-6 = 1.7e-4 relative from it: the exact value's own error)
			final double extrapolated = err[ 2 ] + ( err[ 2 ] - err[ 1 ] ) / 3;
			assertTrue( Math.abs( extrapolated ) < 2e-3 * Math.abs( exact ), what + ": extrapolated difference " + extrapolated );
		}
	}

	@Test
	void detectorSlopeMatchesFiniteDifferencesToSecondOrder()
	{
		final EnergyModeRun r = new EnergyModeRun();
		final DetectorSignal s = r.detector();
		for ( final double delta : new double[] { 0.95, 0.7 } )
			for ( final double vDet : new double[] { 0.3, 0.98, 1.5 } )
			{
				final double exact = s.currentSlope( delta, vDet );
				final double[] err = new double[ 3 ];
				for ( int k = 0; k < 3; k++ )
				{
					final double h = 4e-3 / ( 1 << k );
					err[ k ] = ( s.current( delta + h, vDet ) - s.current( delta - h, vDet ) ) / ( 2 * h ) - exact;
				}
				final String what = String.format( "Delta %.2f, V_det %.2f: exact %.6g, differences off by %.3g, %.3g, %.3g", delta, vDet, exact, err[ 0 ], err[ 1 ], err[ 2 ] );
				System.out.println( what );
				for ( int k = 1; k < 3; k++ )
				{
					final double ratio = err[ k - 1 ] / err[ k ];
					assertTrue( ratio > 3 && ratio < 5.5, what + ": ratio " + ratio );
				}
			}
	}

	@Test
	void elasticSlopeToo()
	{
		final SelfConsistentGap gap = gap( 0 );
		final double v0 = 3.1;
		final double exact = gap.sweep( new double[] { v0 - 0.1, v0 }, 1, null ).get( 1 ).biasDerivative();
		final double h = 0.005;
		final double fd = ( delta( gap, v0 + h ) - delta( gap, v0 - h ) ) / ( 2 * h );
		assertEquals( fd, exact, 0.02 * Math.abs( exact ), "elastic dDelta/dV at 3.1" );
	}
}
