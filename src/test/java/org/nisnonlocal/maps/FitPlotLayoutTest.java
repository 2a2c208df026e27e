package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FitPlotLayoutTest
{
	private static double max( final double[] a )
	{
		double m = Double.NEGATIVE_INFINITY;
		for ( final double v : a )
			m = Math.max( m, v );
		return m;
	}

	private static double min( final double[] a )
	{
		double m = Double.POSITIVE_INFINITY;
		for ( final double v : a )
			m = Math.min( m, v );
		return m;
	}

	/**
	 * A spectrum like an NIS conductance (coherence peaks at ±0.27 mV reaching 92 µS, 0 in the gap, 26 µS outside)
	 * with 0.1 µS noise: the frame holds every data point and the fit with room above the peaks, and the residual,
	 * magnified by a round factor, lies in its own band below the data, overlapping neither.
	 */
	@Test
	void dataFitAndResidualEachHaveTheirOwnRoom()
	{
		final int n = 801;
		final double[] v = new double[ n ], fit = new double[ n ], data = new double[ n ], residual = new double[ n ];
		final Random rnd = new Random( 3 );
		for ( int i = 0; i < n; i++ )
		{
			v[ i ] = -0.8 + 1.6 * i / ( n - 1 );
			final double e = Math.abs( v[ i ] );
			fit[ i ] = e < 0.25 ? 0 : 26 * e / Math.sqrt( e * e - 0.25 * 0.25 + 0.0004 ) * Math.min( 1, ( e - 0.25 ) / 0.02 );
			data[ i ] = fit[ i ] + 0.1 * rnd.nextGaussian();
			residual[ i ] = data[ i ] - fit[ i ];
		}
		data[ 400 ] = Double.NaN; // a missing point is ignored
		final FitPlotLayout l = FitPlotLayout.of( v, data, fit, residual );
		double dataMax = Double.NEGATIVE_INFINITY, dataMin = Double.POSITIVE_INFINITY;
		for ( int i = 0; i < n; i++ )
			if ( !Double.isNaN( data[ i ] ) )
			{
				dataMax = Math.max( dataMax, Math.max( data[ i ], fit[ i ] ) );
				dataMin = Math.min( dataMin, Math.min( data[ i ], fit[ i ] ) );
			}
		final double span = dataMax - dataMin;
		assertTrue( l.yMax() >= dataMax + 0.05 * span, "room above the highest peak: " + l.yMax() + " vs " + dataMax );
		assertTrue( l.xMin() < -0.8 && l.xMax() > 0.8 );
		final double[] shown = l.residualOnPlot( residual );
		assertTrue( max( shown ) < dataMin, "residual band below the data: " + max( shown ) + " vs " + dataMin );
		assertTrue( min( shown ) > l.yMin(), "residual band inside the frame" );
		// a round magnification that makes the largest excursion 5 … 10 % of the data's span
		final double mantissa = l.residualScale() / Math.pow( 10, Math.floor( Math.log10( l.residualScale() ) ) );
		assertTrue( mantissa == 1 || mantissa == 2 || Math.abs( mantissa - 5 ) < 1e-12, "scale " + l.residualScale() );
		final double excursion = l.residualScale() * Math.max( max( residual ), -min( residual ) );
		assertTrue( excursion > 0.05 * span && excursion <= 0.1 * span, "excursion " + excursion / span + " of the span" );
		assertEquals( "residual × " + ( int ) l.residualScale(), l.residualLabel() );
		assertEquals( l.residualZero(), l.residualOnPlot( new double[] { 0 } )[ 0 ], 0 );
	}

	@Test
	void roundDownKeepsOneTwoFive()
	{
		assertEquals( 50, FitPlotLayout.roundDown( 73 ), 1e-12 );
		assertEquals( 2, FitPlotLayout.roundDown( 4.99 ), 1e-12 );
		assertEquals( 0.01, FitPlotLayout.roundDown( 0.0199 ), 1e-15 );
		assertEquals( 1, FitPlotLayout.roundDown( 1 ), 0 );
	}
}
