package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class QuadratureTest
{
	/** A Lorentzian of width 1e-5 at c = 1 over [0, 10]: ∫ = atan((10 − c)/w) + atan(c/w). */
	@Test
	public void clusteredRuleIntegratesNarrowPeak()
	{
		final double w = 1e-5, c = 1;
		final Quadrature q = Quadrature.on( 0, 10 ).cluster( c, w ).build();
		double s = 0;
		for ( int i = 0; i < q.size(); i++ )
		{
			final double x = q.node( i ) - c;
			s += q.weight( i ) * w / ( x * x + w * w );
		}
		assertEquals( Math.atan( 9 / w ) + Math.atan( 1 / w ), s, 1e-12 * s );
		assertTrue( q.size() < 8 * 80, "nodes " + q.size() );
	}

	@Test
	public void maxPanelAndOrdering()
	{
		final Quadrature q = Quadrature.on( 0, 3 ).maxPanel( 0.01, 1, 2 ).build();
		// 1 panel below, 100 in [1, 2], 1 above
		assertEquals( 8 * 102, q.size() );
		double sum = 0;
		for ( int i = 0; i < q.size(); i++ )
		{
			if ( i > 0 )
				assertTrue( q.node( i ) > q.node( i - 1 ) );
			sum += q.weight( i ) * Math.exp( q.node( i ) );
		}
		assertEquals( Math.exp( 3 ) - 1, sum, 1e-12 );
	}
}
