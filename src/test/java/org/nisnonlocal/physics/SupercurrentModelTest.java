package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

/** g_nl with coupled modes under supercurrent (docs/physics.md §14): limits, symmetries, convergence, current inversion. */
public class SupercurrentModelTest
{
	/** S Fig. 13 device: Γ from Fig. 10, full κ_I, detector 4.62 ξ, L = 169 ξ, t = 0.0198. */
	private static SupercurrentModel fig13()
	{
		return new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0198, false );
	}

	private static final double[] V = { -2, -1.5, -1.1, -1.02, -1, -0.9, -0.5, 0, 0.5, 0.9, 1, 1.02, 1.1, 1.5, 2 };

	private static double maxAbs( final double[] a )
	{
		double m = 0;
		for ( final double x : a )
			m = Math.max( m, Math.abs( x ) );
		return m;
	}

	/** ∂xφ = 0: the charge-imbalance model on a finite half wire with κ_I/2 (S Eq. 21), node by node. */
	@Test
	public void zeroGradientIsTheChargeImbalanceModel()
	{
		final SupercurrentModel.Parts p = fig13().conductance( 0, V );
		final double[] ref = new ChargeImbalanceModel( 1, 1.53e-3, 0, 2.1e-4 / 2, 4.62, 0.0198, 169 ).conductance( V );
		for ( int k = 0; k < V.length; k++ )
		{
			assertEquals( ref[ k ], p.gs()[ k ], 1e-8 * Math.abs( ref[ k ] ), "V = " + V[ k ] );
			assertEquals( 0, p.ga()[ k ], 0 );
		}
		assertTrue( ref[ 13 ] > 1 ); // the charge-imbalance signal of order 1-10 at 1.5 Δ0 (docs/physics.md §10)
	}

	/**
	 * The mirror route (one solve per |ε|, f_T read at ±d) equals solving every energy of [−ε_max, ε_max] with its
	 * own sign of j_ε and reading f_T at +d only; and g(±∂xφ) = g_s ± g_a.
	 */
	@Test
	public void mirrorRouteEqualsDirectSolution()
	{
		final SupercurrentModel m = fig13();
		for ( final double p : new double[] { 0.1, -0.3 } )
		{
			final SupercurrentModel.Parts parts = m.conductance( p, V );
			final double[] direct = m.conductanceDirect( p, V );
			final double[] total = parts.total();
			final double scale = maxAbs( direct );
			for ( int k = 0; k < V.length; k++ )
				assertEquals( direct[ k ], total[ k ], 1e-10 * scale, "phi' " + p + ", V " + V[ k ] );
		}
	}

	/**
	 * g_a is odd in I_s (an independent solve at −∂xφ flips it) and odd in V_inj; g_s is even in both; at V = 0 g_a
	 * vanishes. For ∂xφ &gt; 0 g_a is positive at positive bias near the gap (j_ε &gt; 0 above the gap).
	 */
	@Test
	public void symmetriesInCurrentAndBias()
	{
		final SupercurrentModel m = fig13();
		final SupercurrentModel.Parts plus = m.conductance( 0.3, V );
		final SupercurrentModel.Parts minus = m.conductance( -0.3, V );
		final double sa = maxAbs( plus.ga() );
		final double ss = maxAbs( plus.gs() );
		assertTrue( sa > 0.1 );
		for ( int k = 0; k < V.length; k++ )
		{
			final int mk = V.length - 1 - k; // V[mk] = −V[k]
			assertEquals( -plus.ga()[ k ], minus.ga()[ k ], 1e-12 * sa );
			assertEquals( plus.gs()[ k ], minus.gs()[ k ], 1e-12 * ss );
			assertEquals( -plus.ga()[ k ], plus.ga()[ mk ], 1e-12 * sa );
			assertEquals( plus.gs()[ k ], plus.gs()[ mk ], 1e-12 * ss );
		}
		assertEquals( 0, plus.ga()[ 7 ], 0 );
		assertTrue( plus.ga()[ 10 ] > 0.1, "g_a(V = 1) = " + plus.ga()[ 10 ] );
	}

	/**
	 * A branch-flipped F at a single energy shows up as a narrow spurious dip in g_a near eV ≈ Δ0 (docs/physics.md §4):
	 * on a 0.01 Δ0 bias grid over [0, 3], g_a has exactly one extremum, a peak just above Δ0, and g_s rises
	 * monotonically.
	 */
	@Test
	public void noSpuriousStructureNearTheGapEdge()
	{
		final double[] v = new double[ 301 ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = 0.01 * i;
		for ( final double p : new double[] { 0.1, 0.3 } )
		{
			final SupercurrentModel.Parts r = fig13().conductance( p, v );
			final double[] a = r.ga();
			final double[] s = r.gs();
			int extrema = 0;
			double at = Double.NaN;
			for ( int i = 1; i < v.length - 1; i++ )
			{
				if ( ( a[ i ] - a[ i - 1 ] ) * ( a[ i + 1 ] - a[ i ] ) < 0 )
				{
					extrema++;
					at = v[ i ];
				}
				assertTrue( s[ i + 1 ] > s[ i ], "g_s not rising at " + v[ i ] );
			}
			assertEquals( 1, extrema, "phi' " + p );
			assertTrue( at >= 1 && at <= 1.1, "g_a peak at " + at );
		}
	}

	/** Halving every panel and the clustering scale changes g_s and g_a by less than 1e-6 of their maxima. */
	@Test
	public void energyRuleIsConverged()
	{
		final double[] v = { 0.5, 0.95, 1, 1.02, 1.1, 1.3, 1.5, 2 };
		for ( final double p : new double[] { 0.1, 0.3 } )
		{
			final SupercurrentModel.Parts a = fig13().conductance( p, v );
			final SupercurrentModel.Parts b = new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0198, false, 2 ).conductance( p, v );
			for ( int k = 0; k < v.length; k++ )
			{
				assertEquals( b.ga()[ k ], a.ga()[ k ], 1e-6 * maxAbs( b.ga() ), "g_a phi' " + p + ", V " + v[ k ] );
				assertEquals( b.gs()[ k ], a.gs()[ k ], 1e-6 * maxAbs( b.gs() ), "g_s phi' " + p + ", V " + v[ k ] );
			}
		}
	}

	/** I_s → ∂xφ inverts S Eq. 6 on the branch below the critical point; the sign follows I_s; above I_c: an error. */
	@Test
	public void supercurrentInversion()
	{
		final SupercurrentModel m = fig13();
		final SupercurrentRelation r = m.relation();
		for ( final double p : new double[] { 0.05, 0.3, 0.9 } )
		{
			assertEquals( p, m.phaseGradient( r.current( p ) ), 1e-9 );
			assertEquals( -p, m.phaseGradient( -r.current( p ) ), 1e-9 );
		}
		assertEquals( 0, m.phaseGradient( 0 ), 0 );
		final double ic = r.criticalPoint()[ 1 ];
		assertThrows( BadInputException.class, () -> m.phaseGradient( 1.01 * ic ) );
	}

	/** With the self-consistent gap, Δ(ζ) falls below 1 and g_a changes accordingly; ∂xφ = 0 keeps Δ = 1. */
	@Test
	public void selfConsistentGapOption()
	{
		final SupercurrentModel sc = new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0198, true );
		assertEquals( 1, sc.delta( 0 ), 1e-6 );
		final double d = sc.delta( 0.3 );
		assertEquals( new GapEquation( 1.53e-3 ).delta( 0.0198, 0.045 ), d, 1e-12 );
		assertTrue( d < 0.99 && d > 0.8, "Delta(0.3) = " + d );
		final double[] v = { 1 };
		assertTrue( Math.abs( sc.conductance( 0.3, v ).ga()[ 0 ] - fig13().conductance( 0.3, v ).ga()[ 0 ] ) > 1e-3 );
	}

	/** DOS map under supercurrent: I_s = 0 is the Dynes closed form; at finite I_s the spectral gap is AG's E_g(ζ). */
	@Test
	public void dosUnderSupercurrent()
	{
		final SupercurrentModel m = new SupercurrentModel( 1e-5, 2.1e-4, 4.62, 169, 0.0198, 0.0198, false );
		final double p = 0.4;
		final double is = m.relation().current( p );
		final double zeta = 0.5 * p * p;
		final double eg = Math.pow( 1 - Math.pow( zeta, 2.0 / 3 ), 1.5 );
		final double[] eps = { 1.5, eg - 0.01, eg + 0.01 };
		final double[][] n = m.dos( eps, new double[] { 0, is } );
		assertEquals( DynesDos.n( 1.5, 1, 1e-5 ), n[ 0 ][ 0 ], 1e-12 );
		assertTrue( n[ 1 ][ 1 ] < 1e-3, "below E_g: " + n[ 1 ][ 1 ] );
		assertTrue( n[ 1 ][ 2 ] > 0.05, "above E_g: " + n[ 1 ][ 2 ] );
	}
}
