package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.io.NanonisSpectrumReader.Sweep;
import org.nisnonlocal.maps.Spectrum;

class GapEstimateTest
{
	/** The start values reproduce the author's peak analysis: peaks −0.3063 / +0.4234 mV, so ±0.3647 mV about +0.0586 mV. */
	@Test
	void startValuesFromTheCoherencePeaksOfTheRealSpectrum() throws IOException
	{
		final Spectrum s = DynesFitRealDataTest.sweep( Sweep.FORWARD );
		final GapEstimate e = GapEstimate.of( s.bias(), s.values(), "GrRe" );
		// the bias grid is 3 µV: peak positions are known to ± one step
		assertEquals( 0.5 * ( 0.4234e-3 - 0.3063e-3 ), e.offset, 3e-6 );
		assertEquals( 0.3647e-3, e.delta, 3e-6 );
		assertEquals( 1.55, e.gN, 0.05 );
		System.out.println( "start T_e for Gr/Re: " + e.temperature + " K" );
	}

	/** On the model itself: Δ within 10 %, T_e within a factor 2 of the truth, so that LM starts in the right valley. */
	@Test
	void startValuesOnTheModel()
	{
		final Spectrum s = DynesFitSyntheticTest.synthetic( 2001, 10e-6, 0, 0.1, 1 );
		final double[] v = s.bias();
		for ( int i = 0; i < v.length; i++ )
			v[ i ] *= 1e-3;
		final GapEstimate e = GapEstimate.of( v, s.values(), "synthetic" );
		System.out.println( "start values on the model: Δ " + e.delta + " eV, T " + e.temperature + " K, V0 " + e.offset + " V, G_N " + e.gN );
		assertEquals( 265e-6, e.delta, 0.1 * 265e-6 );
		assertEquals( 10e-6, e.offset, 2e-6 );
		assertEquals( 24.6, e.gN, 0.02 * 24.6 );
		assertEquals( true, e.temperature > 0.061 / 2 && e.temperature < 0.061 * 2, "start T " + e.temperature );
	}
}
