package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class BiasOffsetTest
{
	/** Even, NIS-like: a dip at 0 and coherence peaks at ±0.3. */
	private static double evenShape( final double u )
	{
		return 1 - 0.8 * Math.exp( -u * u / ( 2 * 0.15 * 0.15 ) ) + 0.5 * Math.exp( -Math.pow( u * u - 0.09, 2 ) / ( 2 * 0.03 * 0.03 ) );
	}

	/** Odd, energy-mode-like: opposite lobes at ±0.3. */
	private static double oddShape( final double u )
	{
		return u * Math.exp( -Math.pow( u * u - 0.09, 2 ) / ( 2 * 0.03 * 0.03 ) );
	}

	private static final double OFFSET = 0.0137;

	@Test
	public void recoversTheOffsetOfAnEvenMapOnAnAsymmetricGrid()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.93, 0.02, 101 );
		final Axis y = new Axis( "Vdet", "mV", -0.1, 0.05, 5 );
		final ConductanceMap g = ConductanceMap.fromFunction( x, y, "g_nl", "µS", null, ( i, j ) -> ( 1 + 2 * y.value( j ) ) * evenShape( x.value( i ) - OFFSET ) );
		final BiasOffset.Estimate e = BiasOffset.estimate( g, MapAxis.X, BiasOffset.Parity.EVEN );
		assertEquals( OFFSET, e.offset(), 1e-4 * x.step() );
		assertTrue( e.relativeAsymmetry() < 1e-2, e.report() );
		// printed to the error's second digit: 0.01369999 ± 7.9e-07 mV
		assertTrue( e.report().startsWith( "bias offset along Vinj: 0.013699" ) || e.report().startsWith( "bias offset along Vinj: 0.013700" ), e.report() );
		assertTrue( e.error() > 0 && e.error() < 1e-4 * x.step(), e.report() );
	}

	@Test
	public void recoversTheOffsetOfAnOddMapAlongY()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.1, 0.05, 5 );
		final Axis y = new Axis( "Vdet", "mV", -0.9, 0.02, 96 );
		final ConductanceMap g = ConductanceMap.fromFunction( x, y, "g_nl", "µS", null, ( i, j ) -> ( 1 + x.value( i ) ) * oddShape( y.value( j ) + OFFSET ) );
		final BiasOffset.Estimate e = BiasOffset.estimate( g, MapAxis.Y, BiasOffset.Parity.ODD );
		assertEquals( -OFFSET, e.offset(), 1e-4 * y.step() );
	}

	/** A two-segment sweep (fine steps near zero) as Nanonis writes them. */
	@Test
	public void recoversTheOffsetOfANonUniformSpectrum()
	{
		final double[] bias = new double[ 120 ];
		int n = 0;
		for ( double v = -1.0; v < -0.3 - 1e-9; v += 0.025 )
			bias[ n++ ] = v;
		for ( double v = -0.3; v <= 1.0 + 1e-9; v += 0.015 )
			bias[ n++ ] = v;
		final double[] b = java.util.Arrays.copyOf( bias, n );
		final double[] g = new double[ n ];
		for ( int i = 0; i < n; i++ )
			g[ i ] = evenShape( b[ i ] - OFFSET );
		final BiasOffset.Estimate e = BiasOffset.estimate( b, g, BiasOffset.Parity.EVEN );
		// the two sides of a pair sit in cells of 0.015 and 0.025: the leading errors no longer cancel
		assertEquals( OFFSET, e.offset(), 1e-3 * 0.015 );
	}

	@Test
	public void missingPointsAreSkipped()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.93, 0.02, 101 );
		final double[] g = new double[ x.size() ];
		for ( int i = 0; i < g.length; i++ )
			g[ i ] = evenShape( x.value( i ) - OFFSET );
		g[ 30 ] = Double.NaN;
		g[ 61 ] = Double.NaN;
		assertEquals( OFFSET, BiasOffset.estimate( x.values(), g, BiasOffset.Parity.EVEN ).offset(), 1e-4 * x.step() );
	}

	@Test
	public void applyRelabelsTheAxisAndRecordsTheOffsetInVolts()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.93, 0.02, 101 );
		final Axis y = new Axis( "Vdet", "mV", -0.1, 0.05, 5 );
		final ConductanceMap g = ConductanceMap.fromFunction( x, y, "g_nl", "µS", null, ( i, j ) -> i + 1000 * j );
		final ConductanceMap shifted = BiasOffset.apply( g, MapAxis.X, OFFSET );
		assertArrayEquals( g.data(), shifted.data(), 0f );
		assertTrue( shifted.data() != g.data() );
		assertEquals( -0.93 - OFFSET, shifted.xAxis().min(), 1e-15 );
		assertEquals( 0.02, shifted.xAxis().step(), 0 );
		assertEquals( y, shifted.yAxis() );
		assertEquals( OFFSET * 1e-3, shifted.metadata().number( MapMetadata.BIAS_OFFSET ), 1e-18 );
		assertEquals( "bias-offset axis=vinj offset=0.0137 unit=mV", shifted.metadata().history().get( 0 ) );
		// a second correction adds up
		final ConductanceMap twice = BiasOffset.apply( shifted, MapAxis.X, -0.0037 );
		assertEquals( 0.01e-3, twice.metadata().number( MapMetadata.BIAS_OFFSET ), 1e-18 );
		final ConductanceMap alongY = BiasOffset.apply( g, MapAxis.Y, 0.05 );
		assertEquals( -0.15, alongY.yAxis().min(), 1e-15 );
		assertEquals( 0.05e-3, alongY.metadata().number( BiasOffset.BIAS_OFFSET_Y ), 1e-18 );
	}

	@Test
	public void estimatedOffsetAppliedMakesTheMapSymmetric()
	{
		final Axis x = new Axis( "Vinj", "V", -0.93, 0.02, 101 );
		final Axis y = new Axis( "Vdet", "V", 0, 1, 1 );
		final ConductanceMap g = ConductanceMap.fromFunction( x, y, "G", "S", null, ( i, j ) -> evenShape( x.value( i ) - OFFSET ) );
		final ConductanceMap fixed = BiasOffset.apply( g, MapAxis.X, BiasOffset.estimate( g, MapAxis.X, BiasOffset.Parity.EVEN ).offset() );
		final BiasOffset.Estimate again = BiasOffset.estimate( fixed, MapAxis.X, BiasOffset.Parity.EVEN );
		assertEquals( 0, again.offset(), 1e-4 * x.step() );
	}

	@Test
	public void spectrumOffset()
	{
		final double[] b = { -0.2, -0.1, 0, 0.1, 0.2 };
		final Spectrum s = new Spectrum( b, new double[] { 3, 1, 0, 1, 3 }, "V", "mV", "G", "µS", null );
		final Spectrum t = BiasOffset.apply( s, 0.05 );
		assertArrayEquals( new double[] { -0.25, -0.15, -0.05, 0.05, 0.15 }, t.bias(), 1e-15 );
		assertEquals( 0.05e-3, t.metadata().number( MapMetadata.BIAS_OFFSET ), 1e-18 );
		// the samples are exactly even about 0: A(0) = 0
		final BiasOffset.Estimate e = BiasOffset.estimate( s, BiasOffset.Parity.EVEN );
		assertEquals( 0, e.offset(), 1e-9 * 0.1 );
		assertEquals( 0, e.relativeAsymmetry(), 1e-12 );
	}

	@Test
	public void badInputsFail()
	{
		final double[] b = { 0, 1, 2, 3 };
		final BadInputException range = assertThrows( BadInputException.class, () -> BiasOffset.estimate( b, new double[] { 1, 2, 3, 4 }, BiasOffset.Parity.EVEN, -1, 2 ) );
		assertTrue( range.getMessage().contains( "search range -1 … 2" ), range.getMessage() );
		final BadInputException order = assertThrows( BadInputException.class, () -> BiasOffset.estimate( new double[] { 0, 2, 1 }, new double[] { 1, 2, 3 }, BiasOffset.Parity.EVEN ) );
		assertTrue( order.getMessage().contains( "not strictly ascending at point 3" ), order.getMessage() );
		final BadInputException nan = assertThrows( BadInputException.class, () -> BiasOffset.apply( new Spectrum( b, b, "V", "V", "G", "S", null ), Double.NaN ) );
		assertTrue( nan.getMessage().contains( "bias offset for V is NaN" ), nan.getMessage() );
		final double[] allNaN = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
		assertThrows( BadInputException.class, () -> BiasOffset.estimate( b, allNaN, BiasOffset.Parity.EVEN ) );
	}
}
