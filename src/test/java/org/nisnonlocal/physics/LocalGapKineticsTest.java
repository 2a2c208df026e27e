package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kinetic equation with position-dependent coefficients (issue 17). */
public class LocalGapKineticsTest
{
	private static final double KAPPA = 1.054e-4, HALF = 84.6, T_INJ = 0.0198, T_BATH = 0.00781;

	private static final double[] EPS = EnergyModeSolver.energyGrid( 10, 0.05 );

	/** A deep, smooth gap dip at the injector, as under strong injection (Δ from 0.6 at x = 0 to 1 at the reservoir). */
	private static double[] dip( final double[] x )
	{
		final double[] d = new double[ x.length ];
		for ( int k = 0; k < x.length; k++ )
			d[ k ] = 1 - 0.4 * Math.exp( -x[ k ] / 5 ) - 0.002 * ( 1 - x[ k ] / x[ x.length - 1 ] );
		d[ x.length - 1 ] = 1;
		return d;
	}

	@Test
	public void aUniformProfileIsTheUniformModelBitForBit()
	{
		// peer code: one spectral grid on every node is EnergyModeSolver's discrete problem, operation for operation
		final SpectralGrid g = new SpectralFunctions( 0.93, 0.005, 0 ).onGrid( EPS );
		final EnergyModeSolver uniform = new EnergyModeSolver( EPS, KAPPA, HALF, 21, 2e-4 );
		final LocalGapKinetics local = new LocalGapKinetics( EPS, KAPPA, HALF, 21, 2e-4 );
		final SpectralGrid[] all = new SpectralGrid[ 21 ];
		java.util.Arrays.fill( all, g );
		final double[][] start = uniform.elastic( g, 3.5, T_INJ, T_BATH );
		final double[][] a = uniform.solve( g, 3.5, T_INJ, T_BATH, start, "test" ).fL();
		final double[][] b = local.solve( all, 3.5, T_INJ, T_BATH, start, "test" ).fL();
		for ( int k = 0; k < a.length; k++ )
			for ( int i = 0; i < EPS.length; i++ )
				assertEquals( a[ k ][ i ], b[ k ][ i ], 0, "node " + k + ", eps " + EPS[ i ] );
		// and the Thomas elastic solution equals the closed form
		final double[][] c = local.elastic( all, 3.5, T_INJ, T_BATH );
		for ( int k = 0; k < c.length; k++ )
			for ( int i = 0; i < EPS.length; i++ )
				assertEquals( start[ k ][ i ], c[ k ][ i ], 1e-12 );
	}

	@Test
	public void aUniformProfileStopsAtTheRoundingLevelLikeTheUniformModel()
	{
		// RoundingLimitedNewtonTest's parameters (L = 399 ξ, κ_I = 1.18e-6): no Newton step gets the scaled residual
		// below ~1e-9 > TOLERANCE; EnergyModeSolver accepts that as converged to rounding, and so must the copy of its
		// Newton iteration here (it used to throw "stalled"), with the same iterate
		final double[] eps = EnergyModeSolver.energyGrid( 10, 0.025 );
		final SpectralGrid g = new SpectralFunctions( 1, 0.000709, 0 ).onGrid( eps );
		final EnergyModeSolver uniform = new EnergyModeSolver( eps, 1.18e-6, 399 / 2.0, 21, 0.00681 );
		final LocalGapKinetics local = new LocalGapKinetics( eps, 1.18e-6, 399 / 2.0, 21, 0.00681 );
		final SpectralGrid[] all = new SpectralGrid[ 21 ];
		java.util.Arrays.fill( all, g );
		final double[][] start = uniform.elastic( g, 0.5, 0.0594, 0.0165 );
		final EnergyModeSolver.Solution a = uniform.solve( g, 0.5, 0.0594, 0.0165, start, "test" ), b = local.solve( all, 0.5, 0.0594, 0.0165, start, "test" );
		assertTrue( a.residual() > EnergyModeSolver.TOLERANCE && a.atFullAccuracy(), "the case stops at its rounding level: " + a.residual() );
		assertTrue( b.atFullAccuracy() );
		assertEquals( a.residual(), b.residual(), 0 );
		assertEquals( a.newtonIterations(), b.newtonIterations() );
		for ( int k = 0; k < a.fL().length; k++ )
			for ( int i = 0; i < eps.length; i++ )
				assertEquals( a.fL()[ k ][ i ], b.fL()[ k ][ i ], 0, "node " + k + ", eps " + eps[ i ] );
	}

	@Test
	public void equilibriumIsAnExactSolutionForAnyProfile()
	{
		// detailed balance: with f_L = n0 at the injector, in the wire and at the reservoir (one temperature, V = 0),
		// diffusion, tunnelling and every node's collision integral (its own coherence factors) vanish
		final LocalGapKinetics s = new LocalGapKinetics( EPS, KAPPA, HALF, 21, 2e-3 );
		final double[] x = s.positions();
		final double t = 0.05;
		for ( final ProfileSpectra model : new ProfileSpectra[] { new LocalSpectra( 0.005 ), new UsadelWire( x, 0.005, 1 ) } )
		{
			final SpectralGrid[] g = model.at( dip( x ), EPS );
			final double[][] f = new double[ 20 ][ EPS.length ];
			for ( final double[] row : f )
				for ( int i = 0; i < EPS.length; i++ )
					row[ i ] = Math.tanh( EPS[ i ] / ( 2 * t ) );
			// rounding of the collision FFTs only (their terms are ~1e-4 … 1e-2 per cell) ...
			assertTrue( maxAbs( s.residual( g, 0, t, t, f ) ) < 1e-13, model.getClass().getSimpleName() );
			// ... while a distribution at another temperature is far from stationary
			final double[][] hot = new double[ 20 ][ EPS.length ];
			for ( final double[] row : hot )
				for ( int i = 0; i < EPS.length; i++ )
					row[ i ] = Math.tanh( EPS[ i ] / ( 2 * 2 * t ) );
			assertTrue( maxAbs( s.residual( g, 0, t, t, hot ) ) > 1e-6, model.getClass().getSimpleName() );
			// and a solve from there does not move
			final EnergyModeSolver.Solution sol = s.solve( g, 0, t, t, f, "test" );
			assertEquals( 0, sol.newtonIterations() );
		}
	}

	private static double maxAbs( final double[][] a )
	{
		double m = 0;
		for ( final double[] row : a )
			for ( final double v : row )
				m = Math.max( m, Math.abs( v ) );
		return m;
	}

	@Test
	public void energyCurrentIsConservedAlongTheWire()
	{
		// ∂x J = c I with Σ_ε ε I = 0 at every node (each with its own N, M): the energy current ∫ ε J dε is the same
		// through every face and equals what the tunnel junction injects, to the solver's tolerance
		final LocalGapKinetics s = new LocalGapKinetics( EPS, KAPPA, HALF, 21, 2e-4 );
		final double[] x = s.positions();
		final SpectralGrid[] g = new UsadelWire( x, 0.005, 1 ).at( dip( x ), EPS );
		final EnergyModeSolver.Solution sol = s.solve( g, 3, T_INJ, T_BATH, null, "test" );
		final double[][] j = s.currents( g, 3, T_INJ, T_BATH, sol.fL() );
		final double[] energy = new double[ j.length ];
		for ( int k = 0; k < j.length; k++ )
			for ( int i = 0; i < EPS.length; i++ )
				energy[ k ] += EPS[ i ] * j[ k ][ i ] * 0.05;
		assertTrue( Math.abs( energy[ 0 ] ) > 1e-5, "the injector heats the wire: " + energy[ 0 ] );
		for ( int k = 1; k < j.length; k++ )
			assertEquals( energy[ 0 ], energy[ k ], 1e-9 * Math.abs( energy[ 0 ] ), "face " + ( k - 1 ) );
		// with scattering the spectral current is not conserved face by face: energy moves between energies
		double moved = 0;
		for ( int i = 0; i < EPS.length; i++ )
			moved = Math.max( moved, Math.abs( j[ 1 ][ i ] - j[ j.length - 1 ][ i ] ) );
		assertTrue( moved > 1e-3 * Math.abs( energy[ 0 ] ), "scattering redistributes: " + moved );
	}

	@Test
	public void withoutScatteringTheSpectralCurrentIsConservedEnergyByEnergy()
	{
		final LocalGapKinetics s = new LocalGapKinetics( EPS, KAPPA, HALF, 21, 0 );
		final double[] x = s.positions();
		final SpectralGrid[] g = new UsadelWire( x, 0.005, 1 ).at( dip( x ), EPS );
		final double[][] f = s.solve( g, 2, T_INJ, T_BATH, null, "test" ).fL();
		final double[][] j = s.currents( g, 2, T_INJ, T_BATH, f );
		final double scale = maxAbs( j );
		for ( int i = 0; i < EPS.length; i++ )
			for ( int k = 1; k < j.length; k++ )
				// tolerance: relative to the largest current, plus the rounding of f ≈ ±1 (1e-16) times D_L/h (≲ 5)
				assertEquals( j[ 0 ][ i ], j[ k ][ i ], 1e-11 * scale + 5e-15, "eps " + EPS[ i ] + " face " + ( k - 1 ) );
	}

	@Test
	public void quasiparticlesBelowTheFarGapAreTrappedAtTheInjector()
	{
		// Andreev reflection in the dip: without scattering, an energy between Δ(0) = 0.6 and the far gap reaches the
		// reservoir only through the sub-gap D_L ~ Γ², so f_L(0) takes the injector's value f_L^N (≈ 0 below eV = 2);
		// above the far gap it stays close to the bath's n0 = 1 (κ ℓ ~ 1e-2)
		final LocalGapKinetics s = new LocalGapKinetics( EPS, KAPPA, HALF, 21, 0 );
		final double[] x = s.positions();
		final SpectralGrid[] g = new UsadelWire( x, 0.005, 1 ).at( dip( x ), EPS );
		final double[][] f = s.elastic( g, 2, T_INJ, T_BATH );
		final int trapped = ( int ) Math.round( ( 0.75 + 10 ) / 0.05 ), free = ( int ) Math.round( ( 1.5 + 10 ) / 0.05 );
		assertTrue( f[ 0 ][ trapped ] < 0.05, "trapped: " + f[ 0 ][ trapped ] );
		assertTrue( f[ 0 ][ free ] > 0.95, "free: " + f[ 0 ][ free ] );
	}
}
