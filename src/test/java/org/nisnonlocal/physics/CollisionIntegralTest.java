package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class CollisionIntegralTest
{
	static double[] grid( final double omegaD, final double de )
	{
		final int n = ( int ) Math.round( 2 * omegaD / de ) + 1;
		final double[] e = new double[ n ];
		for ( int i = 0; i < n; i++ )
			e[ i ] = -omegaD + i * de;
		return e;
	}

	/** A strongly non-equilibrium, odd f_L: the double step of an injector at V = 1.7, plus a wiggle. */
	static double[] hot( final double[] e )
	{
		final double[] f = new double[ e.length ];
		for ( int i = 0; i < e.length; i++ )
			f[ i ] = 0.5 * ( Math.tanh( ( e[ i ] + 1.7 ) / 0.1 ) + Math.tanh( ( e[ i ] - 1.7 ) / 0.1 ) ) + 0.2 * Math.sin( 3 * e[ i ] ) * Math.exp( -e[ i ] * e[ i ] );
		return f;
	}

	static double[][] spectral( final double delta, final double[] e )
	{
		final double[] n = new double[ e.length ];
		final double[] m = new double[ e.length ];
		if ( delta == 0 )
			java.util.Arrays.fill( n, 1 );
		else
		{
			final SpectralGrid g = new SpectralFunctions( delta, 0.005, 0 ).onGrid( e );
			for ( int i = 0; i < e.length; i++ )
			{
				n[ i ] = g.n( i );
				m[ i ] = g.m( i );
			}
		}
		return new double[][] { n, m };
	}

	@Test
	public void equilibriumIsAFixedPointInNormalAndSuperconductingState()
	{
		final double[] e = grid( 5, 0.025 );
		for ( final double delta : new double[] { 0, 1 } )
			for ( final double t : new double[] { 0.02, 0.3 } )
			{
				final double[][] nm = spectral( delta, e );
				final CollisionIntegral c = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.025, 1 );
				final double[] fL = new double[ e.length ];
				for ( int i = 0; i < e.length; i++ )
					fL[ i ] = Math.tanh( e[ i ] / ( 2 * t ) );
				final CollisionIntegral.Linearization lin = c.linearize( fL );
				final double[] r = lin.value();
				double max = 0;
				for ( final double x : r )
					max = Math.max( max, Math.abs( x ) );
				assertTrue( lin.scale() > 0 );
				assertTrue( max < 1e-10 * lin.scale(), "delta " + delta + " t " + t + ": " + max + " vs scale " + lin.scale() );
			}
	}

	@Test
	public void numberAndEnergyAreConservedOnTheGrid()
	{
		final double[] e = grid( 5, 0.025 );
		final double[] fL = hot( e );
		for ( final double delta : new double[] { 0, 1 } )
		{
			final double[][] nm = spectral( delta, e );
			final CollisionIntegral.Linearization lin = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.025, 1 ).linearize( fL );
			final double[] r = lin.value();
			double sum = 0, energy = 0, abs = 0, absEnergy = 0;
			for ( int i = 0; i < e.length; i++ )
			{
				sum += r[ i ];
				energy += e[ i ] * r[ i ];
				abs += Math.abs( r[ i ] );
				absEnergy += Math.abs( e[ i ] * r[ i ] );
			}
			// the integral is far from zero, yet its sums vanish to rounding
			assertTrue( abs > 1e-3 * lin.scale() * e.length / 10 );
			assertEquals( 0, sum / abs, 1e-12, "number, delta " + delta );
			assertEquals( 0, energy / absEnergy, 1e-12, "energy, delta " + delta );
		}
	}

	@Test
	public void fftEqualsDirectTripleSum()
	{
		final double[] e = grid( 3, 0.05 );
		final double[] fL = hot( e );
		for ( final double delta : new double[] { 0, 1, 0.7 } )
		{
			final double[][] nm = spectral( delta, e );
			final double[] fast = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.05, 0.37 ).apply( fL );
			final double[] direct = new DirectCollisionIntegral( nm[ 0 ], nm[ 1 ], 0.05, 0.37 ).apply( fL );
			double scale = 0;
			for ( final double x : direct )
				scale = Math.max( scale, Math.abs( x ) );
			assertTrue( scale > 1e-3 );
			for ( int i = 0; i < e.length; i++ )
				assertEquals( direct[ i ], fast[ i ], 1e-10 * scale, "delta " + delta + " eps " + e[ i ] );
		}
	}

	@Test
	public void jacobianTimesVectorMatchesFiniteDifferences()
	{
		final double[] e = grid( 3, 0.05 );
		final double[] fL = hot( e );
		final double[] v = new double[ e.length ];
		for ( int i = 0; i < e.length; i++ )
			v[ i ] = Math.cos( 5 * e[ i ] ) * Math.exp( -0.3 * e[ i ] * e[ i ] );
		final double[][] nm = spectral( 1, e );
		final CollisionIntegral c = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.05, 1 );
		final double[] jv = c.linearize( fL ).jacobianTimes( v );
		// central differences are exact up to h² for a quartic; h = 1e-4 leaves ~1e-8 · third derivative
		final double h = 1e-4;
		final double[] plus = fL.clone(), minus = fL.clone();
		for ( int i = 0; i < e.length; i++ )
		{
			plus[ i ] += h * v[ i ];
			minus[ i ] -= h * v[ i ];
		}
		final double[] ip = c.apply( plus ), im = c.apply( minus );
		double scale = 0;
		for ( final double x : jv )
			scale = Math.max( scale, Math.abs( x ) );
		assertTrue( scale > 1e-3 );
		for ( int i = 0; i < e.length; i++ )
			assertEquals( ( ip[ i ] - im[ i ] ) / ( 2 * h ), jv[ i ], 1e-7 * scale, "eps " + e[ i ] );
	}

	@Test
	public void kernelNormalizationGivesRateGammaEeAtTcInTheNormalState()
	{
		// out-scattering rate of an electron at ε = 0 in the normal state at t_c: K π² t_c²/4 = γ_ee
		final double[] e = grid( 12, 0.02 );
		final double[][] nm = spectral( 0, e );
		final double gammaEe = 2e-4;
		final double[] fL = new double[ e.length ];
		for ( int i = 0; i < e.length; i++ )
			fL[ i ] = Math.tanh( e[ i ] / ( 2 * CollisionIntegral.T_C ) );
		final CollisionIntegral.Linearization lin = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.02, CollisionIntegral.kernel( gammaEe ) ).linearize( fL );
		assertEquals( gammaEe, lin.outRate( e.length / 2 ), 1e-6 * gammaEe );
	}

	@Test
	public void oddShortcutEqualsTheFullEvaluationForOddDistributions()
	{
		final double[] e = EnergyModeSolver.energyGrid( 4, 0.05 ); // exactly symmetric grid
		final double[] fL = hot( e );
		final double[] v = new double[ e.length ];
		for ( int i = 0; i < e.length; i++ )
			v[ i ] = Math.sin( 2 * e[ i ] ) * Math.exp( -0.3 * e[ i ] * e[ i ] ); // odd direction
		final double[][] nm = spectral( 0.9, e );
		final CollisionIntegral.Linearization full = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.05, 1 ).linearize( fL );
		final CollisionIntegral.Linearization odd = new CollisionIntegral( nm[ 0 ], nm[ 1 ], 0.05, 1, true ).linearize( fL );
		final double[] a = full.value(), b = odd.value(), ja = full.jacobianTimes( v ), jb = odd.jacobianTimes( v );
		final double s = full.scale();
		for ( int i = 0; i < e.length; i++ )
		{
			assertEquals( a[ i ], b[ i ], 1e-12 * s, "value at " + e[ i ] );
			assertEquals( ja[ i ], jb[ i ], 1e-12 * s, "JVP at " + e[ i ] );
			assertEquals( full.outRate( i ), odd.outRate( i ), 1e-12 * s, "out-rate at " + e[ i ] );
		}
	}
}
