package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class SpectralFunctionsTest
{
	private static double[] grid( final double from, final double to, final double step )
	{
		final int n = ( int ) Math.round( ( to - from ) / step ) + 1;
		final double[] e = new double[ n ];
		for ( int i = 0; i < n; i++ )
			e[ i ] = from + i * step;
		return e;
	}

	@Test
	public void zeroDepairingMatchesDynesClosedForm()
	{
		final double[] eps = { -2.5, -1.0005, -0.3, 0, 0.5, 0.999, 1, 1.001, 1.2, 3, 9.7 };
		for ( final double gamma : new double[] { 1e-4, 1.53e-3, 0.05 } )
		{
			final SpectralGrid g = new SpectralFunctions( 1, gamma, 0 ).onGrid( eps );
			for ( int i = 0; i < eps.length; i++ )
				assertEquals( DynesDos.n( eps[ i ], 1, gamma ), g.n( i ), 1e-6 * Math.max( 1, g.n( i ) ) );
		}
	}

	/** The Newton/continuation path, forced at ζ = 0, must land on the closed form everywhere (no branch jump). */
	@Test
	public void newtonPathReproducesClosedFormAtZeroDepairing()
	{
		final double[] eps = grid( -3, 3, 0.0037 );
		final double gamma = 1e-3;
		final SpectralGrid exact = new SpectralFunctions( 1, gamma, 0 ).onGrid( eps );
		final SpectralGrid newton = new SpectralFunctions( 1, gamma, 0, true ).onGrid( eps );
		for ( int i = 0; i < eps.length; i++ )
		{
			final double scale = 1 + Math.abs( exact.reG( i ) ) + Math.abs( exact.imF( i ) );
			assertEquals( exact.reG( i ), newton.reG( i ), 1e-9 * scale );
			assertEquals( exact.imG( i ), newton.imG( i ), 1e-9 * scale );
			assertEquals( exact.reF( i ), newton.reF( i ), 1e-9 * scale );
			assertEquals( exact.imF( i ), newton.imF( i ), 1e-9 * scale );
		}
	}

	@Test
	public void normalizationAndDiffusionIdentities()
	{
		final double[] eps = grid( -4, 4, 1e-3 );
		for ( final double zeta : new double[] { 0, 0.1, 0.3, 0.8 } )
		{
			final SpectralGrid g = new SpectralFunctions( 1, 1e-3, zeta ).onGrid( eps );
			for ( int i = 0; i < eps.length; i++ )
			{
				final double gr = g.reG( i ), gi = g.imG( i ), fr = g.reF( i ), fi = g.imF( i );
				// G² + F² = 1
				assertEquals( 1, gr * gr - gi * gi + fr * fr - fi * fi, 1e-10 );
				assertEquals( 0, 2 * ( gr * gi + fr * fi ), 1e-10 );
				final double g2 = gr * gr + gi * gi, f2 = fr * fr + fi * fi; // |F_b|² = |−iF|² = |F|²
				assertEquals( 0.5 * ( 1 + g2 - f2 ), g.dL( i ), 1e-10 );
				assertEquals( 0.5 * ( 1 + g2 + f2 ), g.dT( i ), 1e-10 );
				assertTrue( g.dL( i ) >= -1e-10 );
				assertEquals( 2 * fr, g.rT( i ), 0 ); // R_T = 2Δ Re F, Δ = 1 (ChargeRelaxation)
				assertEquals( 2 * fr * fi, g.jEps( i ), 1e-12 * ( 1 + f2 ) );
			}
		}
	}

	/** The retarded branch: N ≥ 0 and Re F ≥ 0 (R_T ≥ 0) on a fine grid, and N, Re F even, Im F odd. */
	@Test
	public void retardedBranchEverywhereOnFineGrid()
	{
		final double[] eps = grid( -3, 3, 2.5e-4 );
		for ( final double gamma : new double[] { 1e-4, 1.53e-3 } )
			for ( final double zeta : new double[] { 0.001, 0.01, 0.05, 0.1, 0.2, 0.3 } )
			{
				final SpectralGrid g = new SpectralFunctions( 1, gamma, zeta ).onGrid( eps );
				final int n = eps.length;
				for ( int i = 0; i < n; i++ )
				{
					assertTrue( g.n( i ) >= 0, "N < 0 at " + eps[ i ] + " zeta " + zeta );
					assertTrue( g.reF( i ) >= 0, "Re F < 0 at " + eps[ i ] + " zeta " + zeta + " gamma " + gamma );
					// the grid is symmetric only up to rounding of from + i·step
					final double tol = 1e-9 * ( 1 + Math.abs( g.n( i ) ) + Math.abs( g.imF( i ) ) );
					assertEquals( g.n( i ), g.n( n - 1 - i ), tol );
					assertEquals( g.reF( i ), g.reF( n - 1 - i ), tol );
					assertEquals( -g.imF( i ), g.imF( n - 1 - i ), tol );
				}
			}
	}

	/**
	 * F continuous in ε: the grid continuation must agree with an independent solve of each energy by continuation
	 * along Im E (a branch jump on the grid would show as an O(1) difference at that energy).
	 */
	@Test
	public void gridContinuationAgreesWithPointwiseSolve()
	{
		final double[] eps = grid( 0, 2, 1.3e-3 );
		for ( final double zeta : new double[] { 0.02, 0.2, 0.6, 1.1 } )
		{
			final SpectralFunctions sf = new SpectralFunctions( 1, 5e-4, zeta );
			final SpectralGrid g = sf.onGrid( eps );
			for ( int i = 0; i < eps.length; i += 7 )
			{
				final SpectralGrid p = sf.at( eps[ i ] );
				final double scale = 1 + Math.abs( p.reG( 0 ) ) + Math.abs( p.imF( 0 ) ) + Math.abs( p.reF( 0 ) );
				assertEquals( p.reG( 0 ), g.reG( i ), 1e-8 * scale, "eps " + eps[ i ] );
				assertEquals( p.reF( 0 ), g.reF( i ), 1e-8 * scale, "eps " + eps[ i ] );
				assertEquals( p.imF( 0 ), g.imF( i ), 1e-8 * scale, "eps " + eps[ i ] );
			}
			// and no step in F between neighbours larger than the local scale allows
			for ( int i = 1; i < eps.length; i++ )
			{
				final double jump = Math.hypot( g.reF( i ) - g.reF( i - 1 ), g.imF( i ) - g.imF( i - 1 ) );
				final double size = Math.hypot( g.reF( i ), g.imF( i ) ) + Math.hypot( g.reF( i - 1 ), g.imF( i - 1 ) );
				assertTrue( jump <= size, "F jumps at " + eps[ i ] + " zeta " + zeta );
			}
		}
	}

	/** Spectral gap of the depairing DOS = Abrikosov-Gor'kov E_g = (Δ^{2/3} − ζ^{2/3})^{3/2}. */
	@Test
	public void depairingGapIsAbrikosovGorkov()
	{
		final double[] zetas = { 0.1, 0.2, 0.5 };
		final double[] expected = { 0.6949, 0.5338, 0.2251 };
		for ( int k = 0; k < zetas.length; k++ )
		{
			final double ag = Math.pow( 1 - Math.pow( zetas[ k ], 2.0 / 3 ), 1.5 );
			assertEquals( expected[ k ], ag, 1e-4 );
			final SpectralFunctions sf = new SpectralFunctions( 1, 1e-7, zetas[ k ] );
			// bisection for the first energy with N above a threshold well above the Γ-tail inside the gap
			double lo = 0, hi = 1;
			for ( int it = 0; it < 50; it++ )
			{
				final double mid = 0.5 * ( lo + hi );
				if ( sf.at( mid ).n( 0 ) > 1e-3 )
					hi = mid;
				else
					lo = mid;
			}
			assertEquals( expected[ k ], lo, 2e-4, "zeta " + zetas[ k ] );
		}
	}

	@Test
	public void gaplessForDepairingAtOrAboveDelta()
	{
		// below Δ the DOS at ε = 0 is only the Γ tail; above it is finite
		assertTrue( new SpectralFunctions( 1, 1e-6, 0.9 ).at( 0 ).n( 0 ) < 1e-4 );
		assertTrue( new SpectralFunctions( 1, 1e-6, 1.0 ).at( 0.02 ).n( 0 ) > 1e-3 );
		assertTrue( new SpectralFunctions( 1, 1e-6, 1.2 ).at( 0 ).n( 0 ) > 0.1 );
		assertTrue( new SpectralFunctions( 1, 1e-6, 2.0 ).at( 0 ).n( 0 ) > 0.1 );
	}

	@Test
	public void neverNaNNearZeroEnergyAndZetaNearDelta()
	{
		final double[] eps = grid( -1.5, 1.5, 1e-3 );
		for ( final double zeta : new double[] { 0.98, 0.999, 1.0, 1.001, 1.02 } )
		{
			final SpectralGrid g = new SpectralFunctions( 1, 1e-6, zeta ).onGrid( eps );
			for ( int i = 0; i < eps.length; i++ )
			{
				assertTrue( Double.isFinite( g.reG( i ) ) && Double.isFinite( g.imG( i ) ) );
				assertTrue( Double.isFinite( g.reF( i ) ) && Double.isFinite( g.imF( i ) ) );
				assertTrue( g.n( i ) >= 0 );
			}
		}
	}

	/**
	 * Seeded random parameters (Δ up to 2, Γ from 1e-7 to 0.5, ζ from 1e-6 to 100, random unsorted grids with
	 * repeated zeros, energies up to 1e3): always finite, N ≥ 0, Re F ≥ 0, and the grid continuation equals the
	 * pointwise Im E continuation.
	 */
	@Test
	public void randomParametersStayOnRetardedBranch()
	{
		final java.util.Random r = new java.util.Random( 1 );
		for ( int c = 0; c < 400; c++ )
		{
			final double delta = r.nextInt( 5 ) == 0 ? 0.01 * r.nextDouble() : 2 * r.nextDouble();
			final double gamma = Math.pow( 10, -7 + 6.7 * r.nextDouble() );
			final double zeta = r.nextInt( 4 ) == 0 ? 0 : Math.pow( 10, -6 + 8 * r.nextDouble() );
			final int n = 1 + r.nextInt( 200 );
			final double range = Math.pow( 10, -3 + 6 * r.nextDouble() );
			final double lo = -range * r.nextDouble(), hi = range * r.nextDouble();
			final double[] eps = new double[ n ];
			for ( int i = 0; i < n; i++ )
				eps[ i ] = r.nextInt( 10 ) == 0 ? 0 : lo + ( hi - lo ) * r.nextDouble();
			final SpectralFunctions sf = new SpectralFunctions( delta, gamma, zeta );
			final SpectralGrid g = sf.onGrid( eps );
			final String where = "delta " + delta + " gamma " + gamma + " zeta " + zeta;
			for ( int i = 0; i < n; i++ )
			{
				assertTrue( Double.isFinite( g.imG( i ) ) && Double.isFinite( g.imF( i ) ), where );
				assertTrue( g.n( i ) >= 0 && g.reF( i ) >= 0, where + " eps " + eps[ i ] );
			}
			for ( int i = 0; i < n; i += Math.max( 1, n / 4 ) )
			{
				final SpectralGrid p = sf.at( eps[ i ] );
				final double scale = 1 + Math.abs( p.reG( 0 ) ) + Math.abs( p.imF( 0 ) ) + Math.abs( p.reF( 0 ) );
				assertEquals( p.reG( 0 ), g.reG( i ), 1e-7 * scale, where );
				assertEquals( p.reF( 0 ), g.reF( i ), 1e-7 * scale, where );
				assertEquals( p.imF( 0 ), g.imF( i ), 1e-7 * scale, where );
			}
		}
	}

	@Test
	public void rejectsBadParameters()
	{
		assertThrows( BadInputException.class, () -> new SpectralFunctions( 1, 0, 0 ) );
		assertThrows( BadInputException.class, () -> new SpectralFunctions( 1, -1, 0 ) );
		assertThrows( BadInputException.class, () -> new SpectralFunctions( Double.NaN, 1e-3, 0 ) );
		assertThrows( BadInputException.class, () -> new SpectralFunctions( 1, 1e-3, -0.1 ) );
		assertThrows( BadInputException.class, () -> new SpectralFunctions( 1, 1e-3, 0 ).onGrid( new double[] { Double.NaN } ) );
	}
}
