package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class ChargeImbalanceModelTest
{
	/** Normal state (N = 1, F = 0, R_T = 0), finite half wire: ohmic g/(G_inj G_det R_ξ) = (L/2 − x)/2 for κ ≪ 2/L. */
	@Test
	public void normalStateIsOhmic()
	{
		final double length = 20, x = 3, kappa = 1e-6;
		final ChargeImbalanceModel m = new ChargeImbalanceModel( 0, 1e-3, 0, kappa, x, 0.02, length );
		final double[] g = m.conductance( new double[] { 0, 0.7, 2.5 } );
		// exact at finite κ: s = κ(1 − 2x/L)/(κ + 2/L), and the Fermi kernel integrates to 1 on [0, ∞)
		final double exact = ( 1 - 2 * x / length ) / ( 2 * ( kappa + 2 / length ) );
		for ( final double v : g )
		{
			assertEquals( exact, v, 1e-10 * exact );
			// the finite-κ correction is relative κL/2 = 1e-5
			assertEquals( ( length / 2 - x ) / 2, v, 1.01e-5 * v );
		}
	}

	@Test
	public void semiInfiniteAndFiniteAgreeForLongWire()
	{
		final double[] v = { 1.05, 1.2, 1.4 };
		final double[] semi = ChargeImbalanceModel.semiInfinite( 0.01, 0, 1e-4, 4.62, 0.02 ).conductance( v );
		final double[] fin = new ChargeImbalanceModel( 1, 0.01, 0, 1e-4, 4.62, 0.02, 600 ).conductance( v );
		for ( int k = 0; k < v.length; k++ )
			assertEquals( semi[ k ], fin[ k ], 1e-8 * semi[ k ] );
	}

	/** S's parameters (Γ = 1.53e-3, κ_I = 1.054e-4, x = 4.62, t = 0.0198): order 1 at eV = Δ0, order 10 at 1.5 Δ0. */
	@Test
	public void orientationValuesPositiveAndEven()
	{
		final double[] v = new double[ 121 ];
		for ( int k = 0; k < v.length; k++ )
			v[ k ] = -3 + 0.05 * k;
		for ( final double length : new double[] { Double.POSITIVE_INFINITY, 2 * 84.6 } )
		{
			final ChargeImbalanceModel m = new ChargeImbalanceModel( 1, 1.53e-3, 0, 1.054e-4, 4.62, 0.0198, length );
			final double[] g = m.conductance( v );
			for ( int k = 0; k < v.length; k++ )
			{
				assertTrue( g[ k ] > 0, "g <= 0 at " + v[ k ] );
				assertEquals( g[ k ], g[ v.length - 1 - k ], 1e-12 * g[ k ] );
			}
			final double[] orient = m.conductance( new double[] { 1.0, 1.5 } );
			assertTrue( orient[ 0 ] > 0.3 && orient[ 0 ] < 3, "g(1) = " + orient[ 0 ] );
			assertTrue( orient[ 1 ] > 3 && orient[ 1 ] < 30, "g(1.5) = " + orient[ 1 ] );
			// sub-gap: thermally activated, orders of magnitude below
			assertTrue( m.conductance( new double[] { 0.5 } )[ 0 ] < 1e-3 * orient[ 1 ] );
		}
	}

	/** g_nl = −dI_det/dV_inj of S Eq. 14 (÷ 2κ), and it does not depend on the detector bias in this model. */
	@Test
	public void conductanceIsDerivativeOfDetectorCurrentForAnyDetectorBias()
	{
		final double kappa = 1.054e-4;
		final ChargeImbalanceModel m = new ChargeImbalanceModel( 1, 5e-3, 0.02, kappa, 4.62, 0.03, 2 * 84.6 );
		final double h = 1e-5;
		for ( final double vInj : new double[] { 1.1, 1.6 } )
		{
			final double g = m.conductance( new double[] { vInj } )[ 0 ];
			for ( final double vDet : new double[] { 0, 0.2, -0.35 } )
			{
				final double dI = ( m.detectorCurrent( vInj + h, vDet, 0.02 ) - m.detectorCurrent( vInj - h, vDet, 0.02 ) ) / ( 2 * h );
				assertEquals( g, -dI / ( 2 * kappa ), 1e-5 * g, "vInj " + vInj + " vDet " + vDet );
			}
			final double[][] map = m.map( new double[] { vInj }, new double[] { -0.3, 0, 0.3 } );
			for ( final double[] row : map )
				assertEquals( g, row[ 0 ], 0 );
		}
	}

	/** Depairing raises R_T near the gap and shortens λ_T: less signal. */
	@Test
	public void depairingReducesSignal()
	{
		final double[] v = { 1.3 };
		final double g0 = ChargeImbalanceModel.semiInfinite( 1.53e-3, 0, 1.054e-4, 4.62, 0.0198 ).conductance( v )[ 0 ];
		final double g1 = ChargeImbalanceModel.semiInfinite( 1.53e-3, 0.02, 1.054e-4, 4.62, 0.0198 ).conductance( v )[ 0 ];
		assertTrue( g1 < 0.9 * g0, g0 + " vs " + g1 );
	}

	@Test
	public void rejectsBadParameters()
	{
		assertThrows( BadInputException.class, () -> ChargeImbalanceModel.semiInfinite( 0, 0, 1e-4, 4, 0.02 ) );
		assertThrows( BadInputException.class, () -> ChargeImbalanceModel.semiInfinite( 1e-3, 0, -1, 4, 0.02 ) );
		assertThrows( BadInputException.class, () -> ChargeImbalanceModel.semiInfinite( 1e-3, 0, 1e-4, 4, 0 ) );
		assertThrows( BadInputException.class, () -> new ChargeImbalanceModel( 1, 1e-3, 0, 1e-4, 4, 0.02, 6 ) );
	}
}
