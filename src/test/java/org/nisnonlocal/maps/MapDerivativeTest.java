package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class MapDerivativeTest
{
	private static final double A = 2;

	/** g = sin(a x)·y² + x³ on [−1, 1]² with n points per axis. */
	private static ConductanceMap analytic( final int n )
	{
		final Axis x = Axis.between( "Vinj", "V", -1, 1, n );
		final Axis y = Axis.between( "Vdet", "V", -1, 1, n );
		return ConductanceMap.fromFunction( x, y, "I_det", "A", null, ( i, j ) -> g( x.value( i ), y.value( j ) ) );
	}

	private static double g( final double x, final double y ) { return Math.sin( A * x ) * y * y + x * x * x; }

	private static double dgdx( final double x, final double y ) { return A * Math.cos( A * x ) * y * y + 3 * x * x; }

	private static double maxErrorX( final int n )
	{
		final ConductanceMap m = analytic( n );
		final ConductanceMap d = MapDerivative.central( m, MapAxis.X );
		double e = 0;
		for ( int j = 0; j < n; j++ )
			for ( int i = 0; i < n; i++ )
				e = Math.max( e, Math.abs( d.get( i, j ) - dgdx( m.xAxis().value( i ), m.yAxis().value( j ) ) ) );
		return e;
	}

	@Test
	void centralDifferenceErrorIsSecondOrderWithTheTaylorCoefficient()
	{
		final int n = 41;
		final ConductanceMap m = analytic( n );
		final double h = m.xAxis().step();
		final ConductanceMap d = MapDerivative.central( m, MapAxis.X );
		// Interior: error = h²/6 · ∂³g/∂x³ + O(h⁴), with ∂³g/∂x³ = −a³cos(ax)y² + 6.
		for ( int j = 0; j < n; j += 5 )
			for ( int i = 1; i < n - 1; i += 3 )
			{
				final double x = m.xAxis().value( i ), y = m.yAxis().value( j );
				final double leading = h * h / 6 * ( -A * A * A * Math.cos( A * x ) * y * y + 6 );
				// O(h⁴) term ≤ h⁴/120·max|∂⁵g| = h⁴/120·32 ≈ 1.7e-6; float storage of g adds ≤ 1e-7/h ≈ 2e-6.
				assertEquals( dgdx( x, y ) + leading, d.get( i, j ), 5e-6 );
			}
		// Ends: one-sided error = −h²/3 · ∂³g/∂x³ ∓ h³/4 · ∂⁴g/∂x⁴ + …; the h³ term is ≤ h³/4·a⁴ = 5e-4.
		for ( int j = 0; j < n; j += 5 )
			for ( final int i : new int[] { 0, n - 1 } )
			{
				final double x = m.xAxis().value( i ), y = m.yAxis().value( j );
				final double leading = -h * h / 3 * ( -A * A * A * Math.cos( A * x ) * y * y + 6 );
				assertEquals( dgdx( x, y ) + leading, d.get( i, j ), 1e-3 );
			}
		// Halving the step divides the maximum error (one-sided ends included) by 4.
		final double ratio = maxErrorX( 21 ) / maxErrorX( 41 );
		assertEquals( 4, ratio, 0.4 );
	}

	@Test
	void derivativeOfAQuadraticIsExactIncludingTheEnds()
	{
		// g is quadratic in y: the central and the one-sided second-order formulas are exact; only float rounding remains.
		final ConductanceMap m = analytic( 21 );
		final ConductanceMap d = MapDerivative.central( m, MapAxis.Y );
		for ( int j = 0; j < 21; j++ )
			for ( int i = 0; i < 21; i++ )
			{
				final double x = m.xAxis().value( i ), y = m.yAxis().value( j );
				assertEquals( 2 * y * Math.sin( A * x ), d.get( i, j ), 3e-6 );
			}
		assertEquals( "derivative axis=vdet method=central", d.metadata().history().get( 0 ) );
		assertEquals( "dI_det/dVdet", d.quantity() );
		assertEquals( "S", d.valueUnit() );
	}

	@Test
	void savitzkyGolayIsExactForPolynomialsUpToItsOrder()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.3, 0.02, 31 );
		final Axis y = new Axis( "Vdet", "mV", -0.1, 0.05, 5 );
		// p(x) = 1 + 2x − 3x² + 4x³ (+ y): cubic along x.
		final ConductanceMap cubic = ConductanceMap.fromFunction( x, y, "g_nl", "µS", null, ( i, j ) ->
		{
			final double v = x.value( i );
			return 1 + 2 * v - 3 * v * v + 4 * v * v * v + y.value( j );
		} );
		final ConductanceMap d = MapDerivative.savitzkyGolay( cubic, MapAxis.X, 7, 3 );
		for ( int j = 0; j < y.size(); j++ )
			for ( int i = 0; i < x.size(); i++ )
			{
				final double v = x.value( i );
				// float storage of p (~1e-7) divided by h = 0.02, reduced by the smoothing: well under 1e-5
				assertEquals( 2 - 6 * v + 12 * v * v, d.get( i, j ), 1e-5 );
			}
		assertEquals( "µS/mV", d.valueUnit() );
		assertEquals( "derivative axis=vinj method=savitzky-golay window=7 order=3", d.metadata().history().get( 0 ) );

		// A quadratic fit cannot follow the cubic term 4v³: on a centred window t = −3 … 3 (v = h·t) it fits the slope
		// Σt⁴/Σt² = 7 per index, so at v = 0 the derivative is off by 4·7·h² — the order matters.
		final ConductanceMap d2 = MapDerivative.savitzkyGolay( cubic, MapAxis.X, 7, 2 );
		final double h = x.step();
		assertEquals( 2 - 6 * 0.0 + 4 * 7 * h * h, d2.get( 15, 2 ), 1e-5 );
	}

	@Test
	void savitzkyGolayWeightsMatchTheTabulatedFivePointFilter()
	{
		// Classic 5-point quadratic SG first derivative: (−2, −1, 0, 1, 2) / 10.
		final double[] c = MapDerivative.weights( 5, 2 )[ 2 ];
		final double[] expected = { -0.2, -0.1, 0, 0.1, 0.2 };
		for ( int m = 0; m < 5; m++ )
			assertEquals( expected[ m ], c[ m ], 1e-12 );
	}

	@Test
	void nanSpoilsOnlyTheDerivativesThatUseIt()
	{
		final ConductanceMap m = analytic( 11 ).copy();
		m.set( 5, 4, Float.NaN );
		final ConductanceMap d = MapDerivative.central( m, MapAxis.X );
		assertTrue( Float.isNaN( d.get( 4, 4 ) ) );
		assertTrue( Float.isNaN( d.get( 6, 4 ) ) );
		assertFalse( Float.isNaN( d.get( 5, 4 ) ) ); // central difference skips the point itself
		assertEquals( 11 * 11 - 2, d.validCount() );
		final ConductanceMap s = MapDerivative.savitzkyGolay( m, MapAxis.X, 5, 2 );
		assertEquals( 11 * 11 - 5, s.validCount() ); // points 3 … 7 of row 4 have the NaN in their window
	}

	@Test
	void unitsOfDerivatives()
	{
		assertEquals( "S", MapDerivative.derivativeUnit( "A", "V" ) );
		assertEquals( "µS", MapDerivative.derivativeUnit( "nA", "mV" ) );
		assertEquals( "mS", MapDerivative.derivativeUnit( "µA", "mV" ) );
		assertEquals( "S/V", MapDerivative.derivativeUnit( "S", "V" ) );
		assertEquals( "µS/mV", MapDerivative.derivativeUnit( "uS", "mV" ) );
		assertEquals( "nS/(eV/Δ0)", MapDerivative.derivativeUnit( "nS", "eV/Δ0" ) );
		assertEquals( "nA/T", MapDerivative.derivativeUnit( "nA", "T" ) );
	}

	@Test
	void badParametersAreRefused()
	{
		final ConductanceMap m = analytic( 11 );
		assertThrows( BadInputException.class, () -> MapDerivative.savitzkyGolay( m, MapAxis.X, 4, 2 ) );
		assertThrows( BadInputException.class, () -> MapDerivative.savitzkyGolay( m, MapAxis.X, 5, 5 ) );
		assertThrows( BadInputException.class, () -> MapDerivative.savitzkyGolay( m, MapAxis.X, 13, 2 ) );
	}
}
