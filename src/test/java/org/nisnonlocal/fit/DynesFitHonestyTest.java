package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.cli.Main;
import org.nisnonlocal.io.SpectrumFiles;
import org.nisnonlocal.maps.Spectrum;

/**
 * What the Dynes fit reports about itself: χ²/ν that is one for data with the noise it claims, G_N that stays positive,
 * warnings for parameters at bounds and implausible temperatures, a summary line, and spectra picked out of a table of
 * several curves (a {@code cuts} CSV).
 */
class DynesFitHonestyTest
{
	@TempDir
	Path tmp;

	@Test
	void chi2PerDofOfDataWithKnownNoiseIsOne()
	{
		// 2001 points with white noise σ = 0.3 µS on a 24.6 µS junction (DynesFitSyntheticTest's truth)
		final double sigma = 0.3;
		final int n = 2001;
		double meanGiven = 0, meanEstimated = 0;
		final int seeds = 5;
		for ( int seed = 0; seed < seeds; seed++ )
		{
			final Spectrum s = DynesFitSyntheticTest.synthetic( n, DynesFitSyntheticTest.V0, 0, sigma, 40 + seed );
			final double[] each = new double[ s.size() ];
			Arrays.fill( each, sigma );
			final DynesFitResult given = DynesFit.fit( s, new DynesFitOptions().sigma( each ) );
			final DynesFitResult estimated = DynesFit.fit( s, new DynesFitOptions() );
			// χ²/ν with the true σ: 1 within its spread √(2/ν) = 0.032 (3 sd)
			assertEquals( 1, given.chi2PerDof(), 3 * Math.sqrt( 2.0 / ( n - 5 ) ), given.toString() );
			assertFalse( given.sigmaEstimated() );
			// σ from the point-to-point scatter, without the model: its spread on pure noise is 2 % (20 seeds), seed 43
			// gives +7 % on the noise alone; 4 sd
			assertTrue( estimated.sigmaEstimated() );
			assertEquals( sigma, estimated.noiseSigma(), 0.08 * sigma, estimated.toString() );
			assertEquals( 1, estimated.chi2PerDof(), 0.15, estimated.toString() );
			// the old chi2_reduced is the residual variance, σ² in µS², not χ²/ν
			assertEquals( sigma * sigma, estimated.chi2Reduced(), 0.1 * sigma * sigma );
			assertEquals( estimated.chi2Reduced(), estimated.residualVariance(), 1e-12 );
			assertTrue( estimated.warnings().isEmpty(), estimated.warnings().toString() );
			meanGiven += given.chi2PerDof() / seeds;
			meanEstimated += estimated.chi2PerDof() / seeds;
		}
		assertEquals( 1, meanGiven, 3 * Math.sqrt( 2.0 / ( n - 5 ) / seeds ) );
		assertEquals( 1, meanEstimated, 0.08 );
	}

	@Test
	void aHotTemperatureAndGammaAtItsBoundAreReported()
	{
		// a gap broadened by Γ = 0.4 Δ at 60 mK, fitted with Γ fixed at ~0: the fit must explain the width with heat
		final int n = 1201;
		final double[] v = new double[ n ], vmV = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			v[ i ] = -0.8e-3 + 1.6e-3 * i / ( n - 1 );
			vmV[ i ] = v[ i ] * 1e3;
		}
		final double[] g = DynesConductance.conductance( v, 24.6, 265e-6, 106e-6, 0.06, 0, 0 );
		final Spectrum broad = new Spectrum( vmV, g, "V", "mV", "G", "µS", null );
		final DynesFitResult hot = DynesFit.fit( broad, new DynesFitOptions().fixGamma( 1e-9 ).fixOffset( 0 ) );
		assertTrue( hot.gN() > 0 );
		assertTrue( hot.warnings().stream().anyMatch( w -> w.startsWith( String.format( Locale.ROOT, "T_e = %.4g K is ", hot.temperature() ) ) && w.contains( "unlikely to be thermal" ) ),
				hot.temperature() + " K: " + hot.warnings() );
		// a clean 60 mK gap fitted freely: no warning
		final DynesFitResult clean = DynesFit.fit( DynesFitSyntheticTest.synthetic( 2001, 0, 0, 0.1, 2 ), new DynesFitOptions() );
		assertTrue( clean.warnings().isEmpty(), clean.warnings().toString() );
	}

	@Test
	void realSisSpectrumFittedAsNisSaysGammaIsAtItsBound() throws IOException
	{
		// Pb tip over Pb(100): SIS, a Dynes-NIS model is wrong there (shared/data/real/README); Γ runs to 0
		final Path pb = SharedData.real( "spectrafox_Pb100/Pb100_Spectrum001.dat" );
		final DynesFitResult r = DynesFit.fit( SpectrumFiles.read( pb, null, "forward" ), new DynesFitOptions() );
		assertTrue( r.warnings().stream().anyMatch( w -> w.startsWith( "Γ ran to its lower bound 0" ) ), r.warnings().toString() );
		assertTrue( r.warnings().stream().anyMatch( w -> w.startsWith( "χ²/ν = " ) && w.contains( "does not describe these data" ) ), r.warnings().toString() );
	}

	/**
	 * The case: the zero-field row of the real Maiani map (Al/EuS at 40 mK, a spin-split gap) fitted with Γ
	 * fixed gave T_e = 1.37 K without a word, and with the offset fixed "diverged … T = 112.95 K … G_N = −24.83".
	 */
	@Test
	void theRealSpinSplitGapIsFlaggedNotDiverged()
	{
		final Path file = SharedData.real( "maiani_percolative_supercurrent/MDC004.Sample1_77.dat" );
		final org.nisnonlocal.maps.ConductanceMap m = org.nisnonlocal.io.TextMapImporter.read( file,
				new org.nisnonlocal.io.MapImportOptions().xColumn( "v_bias" ).xUnit( "V" ).yColumn( "magnet_bpar" ).yUnit( "T" ) ).map();
		final int j = m.yAxis().nearestIndex( 0 );
		final Spectrum zeroField = new Spectrum( m.xAxis().values(), m.row( j ), "V", "V", "G", "G0", null );
		final DynesFitResult r = DynesFit.fit( zeroField, new DynesFitOptions().fixGamma( 1e-9 ) );
		assertEquals( 1.38, r.temperature(), 0.05 ); // what the fit makes of it
		assertTrue( r.gN() > 0 );
		assertTrue( r.warnings().stream().anyMatch( w -> w.contains( "0.81 T_c of a BCS gap of this size" ) ), r.warnings().toString() );
		// offset fixed: no longer a runaway to a negative G_N; refused (or fitted with G_N > 0), never "diverged"
		try
		{
			assertTrue( DynesFit.fit( zeroField, new DynesFitOptions().fixOffset( 0 ) ).gN() > 0 );
		}
		catch ( final BadInputException e )
		{
			assertFalse( e.getMessage().contains( "diverged" ), e.getMessage() );
		}
	}

	private String out, err;

	/** Runs the verb in-process; the commands print to System.out/err, which are captured for the call. */
	private int run( final String... argv )
	{
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final PrintStream stdout = System.out, stderr = System.err;
		final PrintStream po = new PrintStream( o, true ), pe = new PrintStream( e, true );
		final int code;
		try
		{
			System.setOut( po );
			System.setErr( pe );
			code = Main.run( argv, po, pe );
		}
		finally
		{
			System.setOut( stdout );
			System.setErr( stderr );
		}
		out = new String( o.toByteArray(), StandardCharsets.UTF_8 );
		err = new String( e.toByteArray(), StandardCharsets.UTF_8 );
		return code;
	}

	@Test
	void oneCurveOfACutsTableWithItsUnitAndASummaryLine() throws IOException
	{
		// a cuts CSV layout: cut value, bias (mV, no unit in the header), g (µS); two curves, Δ = 265 and 200 µeV
		final int n = 601;
		final StringBuilder sb = new StringBuilder( "Vdet,Vinj,g\n" );
		final double[] deltas = { 265e-6, 200e-6 };
		for ( int c = 0; c < 2; c++ )
		{
			final double[] v = new double[ n ];
			for ( int i = 0; i < n; i++ )
				v[ i ] = -0.8e-3 + 1.6e-3 * i / ( n - 1 );
			final double[] g = DynesConductance.conductance( v, 24.6, deltas[ c ], 1e-6, 0.061, 0, 0 );
			for ( int i = 0; i < n; i++ )
				sb.append( c == 0 ? "0.1" : "0.2" ).append( ',' ).append( v[ i ] * 1e3 ).append( ',' ).append( g[ i ] ).append( '\n' );
		}
		final Path cuts = tmp.resolve( "cuts.csv" ), fit = tmp.resolve( "fit.csv" );
		Files.write( cuts, sb.toString().getBytes( StandardCharsets.UTF_8 ) );
		// read without --where (the first column as bias, or both curves as one) it is refused: HostileInputTest
		for ( int c = 0; c < 2; c++ )
		{
			assertEquals( 0, run( "fit-dynes", "--in", cuts.toString(), "--bias-column", "Vinj", "--column", "3", "--bias-unit", "mV", "--value-unit", "uS", "--where", "Vdet=" + ( c == 0 ? "0.1" : "0.2" ),
					"--no-offset", "--out", fit.toString() ), err );
			final List< String > rows = Files.readAllLines( fit );
			final double delta = Double.parseDouble( rows.stream().filter( l -> l.startsWith( "Delta," ) ).findFirst().get().split( "," )[ 1 ] );
			assertEquals( deltas[ c ], delta, 1e-4 * deltas[ c ] );
			final double gN = Double.parseDouble( rows.stream().filter( l -> l.startsWith( "G_N," ) ).findFirst().get().split( "," )[ 1 ] );
			assertEquals( 24.6e-6, gN, 1e-4 * 24.6e-6 ); // in S: µS taken from --value-unit
			// one summary line on stdout, like the other verbs
			assertEquals( 1, out.trim().split( "\n" ).length, out );
			assertTrue( out.startsWith( String.format( Locale.ROOT, "fit-dynes: Δ = %.5g ± ", delta * 1e6 ) ) && out.trim().endsWith( "-> " + fit ), out );
		}
	}
}
