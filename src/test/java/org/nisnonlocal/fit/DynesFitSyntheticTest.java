package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;

/**
 * Synthetic spectra from the model with the parameters of S Table 1 (junction A) plus seeded Gaussian noise: the fit
 * must recover them within 3 reported σ and within a few % of the truth.
 */
class DynesFitSyntheticTest
{
	static final double GN = 24.6, DELTA = 265e-6, GAMMA = 1e-6, T = 0.061, V0 = 10e-6;

	/** Spectrum in mV and µS from −1 to +1 mV (n points), noise σ (µS), seeded. */
	static Spectrum synthetic( final int n, final double offset, final double vacRms, final double sigma, final long seed )
	{
		final double[] vV = new double[ n ];
		final double[] vmV = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			vV[ i ] = -1e-3 + 2e-3 * i / ( n - 1 );
			vmV[ i ] = vV[ i ] * 1e3;
		}
		final double[] g = DynesConductance.conductance( vV, GN, DELTA, GAMMA, T, offset, vacRms );
		final Random r = new Random( seed );
		for ( int i = 0; i < n; i++ )
			g[ i ] += sigma * r.nextGaussian();
		return new Spectrum( vmV, g, "V", "mV", "G", "µS", MapMetadata.empty().with( "source", "synthetic" ) );
	}

	static void assertWithin( final String name, final double truth, final double value, final double error, final double relative )
	{
		assertTrue( Math.abs( value - truth ) <= 3 * error, name + " = " + value + " ± " + error + ", truth " + truth + ": more than 3σ off" );
		assertTrue( Math.abs( value - truth ) <= relative * Math.abs( truth ), name + " = " + value + ", truth " + truth + ": more than " + relative * 100 + " % off" );
	}

	@Test
	void recoversAllFiveParameters()
	{
		final DynesFitResult r = DynesFit.fit( synthetic( 2001, V0, 0, 0.1, 1 ), new DynesFitOptions() );
		System.out.println( "synthetic: " + r );
		assertTrue( r.converged() );
		assertWithin( "G_N", GN, r.gN(), r.gNError(), 0.005 );
		assertWithin( "Δ", DELTA, r.delta(), r.deltaError(), 0.01 );
		assertWithin( "T_e", T, r.temperature(), r.temperatureError(), 0.05 );
		assertWithin( "Γ", GAMMA, r.gamma(), r.gammaError(), 0.2 );
		assertWithin( "V0", V0, r.offset(), r.offsetError(), 0.05 );
		// the noise is 0.1 µS: χ²_red (unscaled residual variance) is 0.01 µS²
		assertEquals( 0.01, r.chi2Reduced(), 0.001 );
	}
}
