package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spatial Usadel equation ½θ'' + iE sin θ + Δ(x) cos θ = 0 on the half wire. */
public class UsadelWireTest
{
	private static double[] uniformNodes( final double length, final double h )
	{
		final int n = ( int ) Math.round( length / h ) + 1;
		final double[] x = new double[ n ];
		for ( int k = 0; k < n; k++ )
			x[ k ] = k * h;
		return x;
	}

	@Test
	public void aUniformProfileGivesTheBulkSolution()
	{
		final double[] nodes = { 0, 0.3, 1.2, 5, 20 };
		final double[] eps = EnergyModeSolver.energyGrid( 3, 0.01 );
		final double[] delta = { 0.9, 0.9, 0.9, 0.9, 0.9 };
		final SpectralGrid[] u = new UsadelWire( nodes, 0.005, 3 ).at( delta, eps );
		final SpectralGrid b = new SpectralFunctions( 0.9, 0.005, 0 ).onGrid( eps );
		for ( final SpectralGrid g : u )
			for ( int i = 0; i < eps.length; i++ )
			{
				assertEquals( b.reG( i ), g.reG( i ), 1e-10 * ( 1 + Math.abs( b.reG( i ) ) ), "eps " + eps[ i ] );
				assertEquals( b.imF( i ), g.imF( i ), 1e-10 * ( 1 + Math.abs( b.imF( i ) ) ), "eps " + eps[ i ] );
				assertEquals( b.imG( i ), g.imG( i ), 1e-10 * ( 1 + Math.abs( b.imG( i ) ) ) );
				assertEquals( b.reF( i ), g.reF( i ), 1e-10 * ( 1 + Math.abs( b.reF( i ) ) ) );
			}
	}

	@Test
	public void aWeakRippleOfTheGapFollowsTheLinearizedEquation()
	{
		// Δ = 1 + a cos(qx): linearizing about the bulk θ0 gives ½δθ'' + i w δθ = −G0 δΔ, w = √(E² − Δ²), whose
		// particular solution δθ = −G0 a cos(qx)/(i w − q²/2) holds far from the reservoir (its boundary layer decays
		// on 1/√(2|w|)). The local approximation would be −G0 a cos(qx)/(i w): the gradient term is q²/2 relative.
		final double a = 1e-5, q = 2 * Math.PI / 8, length = 60;
		final double[] x = uniformNodes( length, 0.05 );
		final double[] delta = new double[ x.length ];
		for ( int k = 0; k < x.length; k++ )
			delta[ k ] = 1 + a * Math.cos( q * x[ k ] );
		final double gamma = 0.005;
		for ( final double e : new double[] { 0.3, 0.9, 1.2, 3 } )
		{
			final SpectralGrid[] g = new UsadelWire( x, gamma, 1 ).at( delta, new double[] { e } );
			final SpectralGrid b = new SpectralFunctions( 1, gamma, 0 ).onGrid( new double[] { e } );
			// w and G0 of the bulk at Δ = 1
			final double zr = e * e - gamma * gamma - 1, zi = 2 * e * gamma;
			final double mod = Math.hypot( zr, zi );
			double wr = Math.sqrt( 0.5 * ( mod + zr ) ), wi = Math.copySign( Math.sqrt( 0.5 * ( mod - zr ) ), zi );
			if ( e * wr + gamma * wi < 0 )
			{
				wr = -wr;
				wi = -wi;
			}
			// δG = −sin θ0 δθ = −F0 δθ with δθ = −G0 a / (i w − q²/2) at x = 0 (cos(0) = 1)
			final double dr = -wi - q * q / 2, di = wr; // i w − q²/2
			final double g0r = b.reG( 0 ), g0i = b.imG( 0 ), f0r = b.reF( 0 ), f0i = b.imF( 0 );
			final double nr = -( g0r * a ), ni = -( g0i * a );
			final double den = dr * dr + di * di;
			final double tr = ( nr * dr + ni * di ) / den, ti = ( ni * dr - nr * di ) / den; // δθ
			final double dGr = -( f0r * tr - f0i * ti );
			final double got = g[ 0 ].reG( 0 ) - b.reG( 0 );
			assertEquals( dGr, got, 0.02 * Math.abs( dGr ), "delta N at x = 0, eps " + e );
			// and the gradient term matters: below the gap (i w real) the local answer is off by q²/(2|w|)
			final double lr = -wi, li = wr;
			final double lden = lr * lr + li * li;
			final double ltr = ( nr * lr + ni * li ) / lden, lti = ( ni * lr - nr * li ) / lden;
			final double localDG = -( f0r * ltr - f0i * lti );
			if ( e < 1 )
				assertTrue( Math.abs( localDG - dGr ) > 0.05 * Math.abs( dGr ), "eps " + e + ": local " + localDG + " vs " + dGr );
		}
	}

	@Test
	public void refiningTheGridConvergesAtSecondOrder()
	{
		// a dip like the one injection digs at the injector, sampled on the kinetic nodes
		final double[] nodes = new EnergyModeSolver( EnergyModeSolver.energyGrid( 10, 0.5 ), 1e-4, 84.6, 21, 0 ).positions();
		final double[] delta = new double[ nodes.length ];
		for ( int k = 0; k < nodes.length; k++ )
			delta[ k ] = 1 - 0.4 * Math.exp( -nodes[ k ] * nodes[ k ] / 20 );
		final double[] eps = { 0.5, 0.7, 0.95, 1.05, 1.5, 3 };
		final double[] n2 = dos( nodes, delta, eps, 2 ), n4 = dos( nodes, delta, eps, 4 ), n8 = dos( nodes, delta, eps, 8 );
		double e24 = 0, e48 = 0;
		for ( int i = 0; i < n2.length; i++ )
		{
			e24 = Math.max( e24, Math.abs( n2[ i ] - n4[ i ] ) );
			e48 = Math.max( e48, Math.abs( n4[ i ] - n8[ i ] ) );
		}
		assertTrue( e48 < 0.35 * e24, "halving the cells: " + e24 + " then " + e48 );
		// every point on the retarded branch
		for ( final double n : n8 )
			assertTrue( n >= 0 );
	}

	private static double[] dos( final double[] nodes, final double[] delta, final double[] eps, final int refine )
	{
		final SpectralGrid[] g = new UsadelWire( nodes, 0.005, refine ).at( delta, eps );
		final double[] out = new double[ g.length * eps.length ];
		for ( int k = 0; k < g.length; k++ )
			for ( int i = 0; i < eps.length; i++ )
				out[ k * eps.length + i ] = g[ k ].n( i );
		return out;
	}

	@Test
	public void negativeEnergiesAreTheConjugates()
	{
		final double[] nodes = { 0, 1, 2, 4, 8 };
		final double[] delta = { 0.6, 0.65, 0.8, 0.95, 1 };
		final SpectralGrid[] g = new UsadelWire( nodes, 0.005, 4 ).at( delta, new double[] { -0.7, 0.7 } );
		for ( final SpectralGrid s : g )
		{
			assertEquals( s.reG( 1 ), s.reG( 0 ), 0 );
			assertEquals( s.imG( 1 ), -s.imG( 0 ), 0 );
			assertEquals( s.reF( 1 ), s.reF( 0 ), 0 );
			assertEquals( s.imF( 1 ), -s.imF( 0 ), 0 );
		}
	}
}
