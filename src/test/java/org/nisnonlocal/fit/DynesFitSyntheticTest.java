package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.NanonisSpectrumReader;
import org.nisnonlocal.io.NanonisSpectrumReader.Sweep;
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

	@Test
	void recoversWithTwoPercentNoiseAndSigmaGiven()
	{
		final Spectrum s = synthetic( 2001, V0, 0, 0.5, 7 );
		final double[] sigma = new double[ s.size() ];
		Arrays.fill( sigma, 0.5 );
		final DynesFitResult r = DynesFit.fit( s, new DynesFitOptions().sigma( sigma ) );
		System.out.println( "synthetic, 2 % noise: " + r );
		// with the true σ given, χ²_red is a test of the model: 1 within its spread sqrt(2/(n − 5)) = 0.032
		assertEquals( 1, r.chi2Reduced(), 3 * 0.032 );
		assertWithin( "G_N", GN, r.gN(), r.gNError(), 0.01 );
		assertWithin( "Δ", DELTA, r.delta(), r.deltaError(), 0.01 );
		assertWithin( "T_e", T, r.temperature(), r.temperatureError(), 0.05 );
		assertWithin( "V0", V0, r.offset(), r.offsetError(), 0.1 );
		// Γ = 1 µeV is barely visible under 2 % noise: only the 3σ test applies
		assertTrue( Math.abs( r.gamma() - GAMMA ) <= 3 * r.gammaError(), "Γ = " + r.gamma() + " ± " + r.gammaError() );
	}

	@Test
	void lockInBroadeningIsModelled()
	{
		final double vac = 15e-6;
		final Spectrum s = synthetic( 2001, V0, vac, 0.1, 3 );
		final DynesFitResult with = DynesFit.fit( s, new DynesFitOptions().vacRms( vac ) );
		System.out.println( "lock-in 15 µV, modelled: " + with );
		assertWithin( "T_e", T, with.temperature(), with.temperatureError(), 0.05 );
		assertWithin( "Δ", DELTA, with.delta(), with.deltaError(), 0.01 );
		assertWithin( "Γ", GAMMA, with.gamma(), with.gammaError(), 0.3 );
		// ignoring a 15 µV rms excitation (semicircle of radius 21 µV, wider than k_BT = 5.3 µeV) fakes a hotter junction
		final DynesFitResult without = DynesFit.fit( s, new DynesFitOptions() );
		System.out.println( "lock-in 15 µV, ignored: " + without );
		assertTrue( without.temperature() > 1.5 * T, "T_e without the lock-in kernel: " + without.temperature() );
	}

	@Test
	void fixedGammaAndOffsetStayFixed()
	{
		final DynesFitResult r = DynesFit.fit( synthetic( 1001, 0, 0, 0.1, 5 ), new DynesFitOptions().fixGamma( GAMMA ).fixOffset( 0 ) );
		assertEquals( GAMMA, r.gamma(), 0 );
		assertEquals( 0, r.gammaError(), 0 );
		assertEquals( 0, r.offset(), 0 );
		assertTrue( r.isFixed( 4 ) && r.isFixed( 1 ) && !r.isFixed( 2 ) );
		assertWithin( "Δ", DELTA, r.delta(), r.deltaError(), 0.01 );
		assertWithin( "T_e", T, r.temperature(), r.temperatureError(), 0.05 );
	}

	@Test
	void fitRangeSelectsPoints()
	{
		// only −0.6 … +0.6 mV: 601 of 1001 points on the 2 µV grid
		final DynesFitResult r = DynesFit.fit( synthetic( 1001, V0, 0, 0.1, 11 ), new DynesFitOptions().range( -0.6001, 0.6001 ) );
		assertEquals( 601, r.points() );
		assertWithin( "Δ", DELTA, r.delta(), r.deltaError(), 0.01 );
	}

	@Test
	void spectraWithoutAGapAreRejected()
	{
		final int n = 501;
		final double[] v = new double[ n ], flat = new double[ n ], linear = new double[ n ];
		final Random r = new Random( 2 );
		for ( int i = 0; i < n; i++ )
		{
			v[ i ] = -1 + 2.0 * i / ( n - 1 );
			flat[ i ] = 24.6 + 0.2 * r.nextGaussian();
			linear[ i ] = 24.6 * ( 1 + 0.8 * v[ i ] ) + 0.2 * r.nextGaussian();
		}
		for ( final double[] g : new double[][] { flat, linear } )
		{
			final Spectrum s = new Spectrum( v, g, "V", "mV", "G", "µS", MapMetadata.empty().with( "source", "nogap.csv" ) );
			final BadInputException e = assertThrows( BadInputException.class, () -> DynesFit.fit( s, new DynesFitOptions() ) );
			assertTrue( e.getMessage().startsWith( "nogap.csv: no superconducting gap found" ), e.getMessage() );
		}
	}

	@Test
	void nonConvergenceSaysSoWithTheResidual()
	{
		final Spectrum s = synthetic( 1001, V0, 0, 0.1, 13 );
		final BadInputException e = assertThrows( BadInputException.class, () -> DynesFit.fit( s, new DynesFitOptions().maxIterations( 1 ) ) );
		assertTrue( e.getMessage().startsWith( "synthetic: Dynes fit did not converge in 1 iterations (rms residual " ), e.getMessage() );
		final DynesFitResult r = DynesFit.fit( s, new DynesFitOptions().maxIterations( 1 ).failIfNotConverged( false ) );
		assertTrue( !r.converged() );
		assertTrue( r.rmsResidual() > 0.1, "rms residual of the unconverged fit " + r.rmsResidual() );
	}

	@Test
	void nonVoltageBiasIsRejected()
	{
		final Spectrum s = synthetic( 101, V0, 0, 0.1, 1 );
		final Spectrum field = new Spectrum( s.bias(), s.values(), "B", "mT", "G", "µS", null );
		final BadInputException e = assertThrows( BadInputException.class, () -> DynesFit.fit( field, new DynesFitOptions() ) );
		assertEquals( "G: bias unit 'mT' is not a voltage; a Dynes fit needs V, mV or µV", e.getMessage() );
	}

	/**
	 * Both sweep directions through the Nanonis reader: a file sweeping +1 → −1 mV with forward and {@code [bwd]}
	 * columns whose offsets differ (10 and 18 µV), as in real files where the offset depends on the direction.
	 */
	@Test
	void bothSweepDirectionsOfANanonisFile( @TempDir final Path dir ) throws IOException
	{
		final int n = 1001;
		final double vBwd = 18e-6;
		final double[] v = new double[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = 1e-3 - 2e-3 * i / ( n - 1 );
		final double[] fwd = DynesConductance.conductance( v, 1.55, DELTA, GAMMA, T, V0, 0 );
		final double[] bwd = DynesConductance.conductance( v, 1.55, DELTA, GAMMA, T, vBwd, 0 );
		final Random r = new Random( 17 );
		final StringBuilder sb = new StringBuilder( "Experiment\tbias spectroscopy\t\n\n[DATA]\nBias calc (V)\tX% LockIn (V)\tX% LockIn [bwd] (V)\n" );
		for ( int i = 0; i < n; i++ )
			sb.append( v[ i ] ).append( '\t' ).append( fwd[ i ] + 0.006 * r.nextGaussian() ).append( '\t' ).append( bwd[ i ] + 0.006 * r.nextGaussian() ).append( '\n' );
		final Path file = dir.resolve( "sweeps.dat" );
		Files.write( file, sb.toString().getBytes( StandardCharsets.UTF_8 ) );
		final NanonisSpectrumReader.Contents c = NanonisSpectrumReader.read( file );
		final DynesFitResult f = DynesFit.fit( NanonisSpectrumReader.spectrum( c, null, Sweep.FORWARD ), new DynesFitOptions() );
		final DynesFitResult b = DynesFit.fit( NanonisSpectrumReader.spectrum( c, null, Sweep.BACKWARD ), new DynesFitOptions() );
		System.out.println( "synthetic forward: " + f );
		System.out.println( "synthetic backward: " + b );
		assertWithin( "V0 forward", V0, f.offset(), f.offsetError(), 0.05 );
		assertWithin( "V0 backward", vBwd, b.offset(), b.offsetError(), 0.05 );
		for ( final DynesFitResult x : new DynesFitResult[] { f, b } )
		{
			assertWithin( "G_N", 1.55, x.gN(), x.gNError(), 0.01 );
			assertWithin( "Δ", DELTA, x.delta(), x.deltaError(), 0.01 );
			assertWithin( "T_e", T, x.temperature(), x.temperatureError(), 0.05 );
		}
	}

	/**
	 * The reported errors are honest: over 20 noise seeds the pulls (fit − truth)/error of Δ, T_e, V0 and G_N have an
	 * rms of 1. For 20 unit Gaussians the rms scatters by 1/sqrt(40) ≈ 0.16, so it must lie in 1 ± 3·0.16.
	 */
	@Test
	void errorsMatchTheScatterOverNoiseSeeds()
	{
		final int seeds = 20;
		final double[] truth = { GN, GAMMA, DELTA, T, V0 };
		final int[] checked = { 0, 2, 3, 4 };
		final double[] sum = new double[ 5 ];
		for ( int k = 0; k < seeds; k++ )
		{
			final DynesFitResult r = DynesFit.fit( synthetic( 1001, V0, 0, 0.5, 100 + k ), new DynesFitOptions() );
			for ( final int p : checked )
				sum[ p ] += Math.pow( ( r.values()[ p ] - truth[ p ] ) / r.errors()[ p ], 2 );
		}
		for ( final int p : checked )
		{
			final double rms = Math.sqrt( sum[ p ] / seeds );
			System.out.println( "rms pull of " + DynesFitResult.NAMES[ p ] + ": " + rms );
			assertTrue( rms > 0.52 && rms < 1.48, DynesFitResult.NAMES[ p ] + ": rms pull " + rms );
		}
	}
}
