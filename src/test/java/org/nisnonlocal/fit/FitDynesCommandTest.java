package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.cli.Main;

/** The {@code fit-dynes} runner verb, end to end through {@link Main#run}. */
class FitDynesCommandTest
{
	@TempDir
	Path tmp;

	private String err;

	private int run( final String... argv )
	{
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final int code = Main.run( argv, new PrintStream( o, true ), new PrintStream( e, true ) );
		err = new String( e.toByteArray(), StandardCharsets.UTF_8 );
		return code;
	}

	/** name → {value, error}. */
	private static Map< String, double[] > readRows( final Path csv ) throws IOException
	{
		final List< String > lines = Files.readAllLines( csv );
		assertEquals( "name,value,error", lines.get( 0 ) );
		final Map< String, double[] > m = new HashMap<>();
		for ( final String l : lines.subList( 1, lines.size() ) )
		{
			final String[] c = l.split( ",", -1 );
			m.put( c[ 0 ], new double[] { Double.parseDouble( c[ 1 ] ), c[ 2 ].isEmpty() ? Double.NaN : Double.parseDouble( c[ 2 ] ) } );
		}
		return m;
	}

	@Test
	void realFileBothSweeps() throws IOException
	{
		final Path out = tmp.resolve( "fwd.csv" );
		assertEquals( 0, run( "fit-dynes", "--in", DynesFitRealDataTest.grRe().toString(), "--out", out.toString() ), err );
		final Map< String, double[] > f = readRows( out );
		// the six rows of the contract, then residual_variance, sigma, sigma_estimated, chi2_per_dof, warnings
		assertEquals( 11, f.size() );
		assertEquals( f.get( "chi2_reduced" )[ 0 ], f.get( "residual_variance" )[ 0 ], 0 ); // no σ given: the same number, honestly named
		assertEquals( 1, f.get( "sigma_estimated" )[ 0 ], 0 );
		assertEquals( 1.553, f.get( "G_N" )[ 0 ], 0.05 * 1.553 );
		assertEquals( 0.3366e-3, f.get( "Delta" )[ 0 ], 0.05 * 0.3366e-3 );
		assertEquals( 0.214, f.get( "T_e" )[ 0 ], 0.05 * 0.214 );
		assertEquals( 0.0535e-3, f.get( "V0" )[ 0 ], 0.02e-3 );
		assertTrue( f.get( "Gamma" )[ 1 ] > 0 && f.get( "chi2_reduced" )[ 0 ] > 0 );

		final Path outB = tmp.resolve( "bwd.csv" );
		assertEquals( 0, run( "fit-dynes", "--in", DynesFitRealDataTest.grRe().toString(), "--out", outB.toString(), "--sweep", "backward" ), err );
		assertEquals( 0.0624e-3, readRows( outB ).get( "V0" )[ 0 ], 0.02e-3 );

		final Path outL = tmp.resolve( "lockin.csv" );
		assertEquals( 0, run( "fit-dynes", "--in", DynesFitRealDataTest.grRe().toString(), "--out", outL.toString(), "--vac-rms", "15e-6", "--fix-gamma", "10e-6", "--column", "Input 3 [AVG]" ), err );
		final Map< String, double[] > l = readRows( outL );
		assertEquals( 10e-6, l.get( "Gamma" )[ 0 ], 0 );
		assertEquals( 0, l.get( "Gamma" )[ 1 ], 0 );
		// measured 0.1669 K (see DynesFitRealDataTest): below the Γ-free 0.195 K
		assertEquals( 0.167, l.get( "T_e" )[ 0 ], 0.005 );
	}

	@Test
	void textSpectrumWithoutOffset() throws IOException
	{
		final int n = 801;
		final double[] v = new double[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = -0.8e-3 + 1.6e-3 * i / ( n - 1 );
		final double[] g = DynesConductance.conductance( v, 24.6, 265e-6, 1e-6, 0.061, 0, 0 );
		final StringBuilder sb = new StringBuilder( "# synthetic, no noise\nV (mV),G (uS)\n" );
		for ( int i = n - 1; i >= 0; i-- )
			sb.append( v[ i ] * 1e3 ).append( ',' ).append( g[ i ] ).append( '\n' );
		final Path in = tmp.resolve( "g.csv" ), out = tmp.resolve( "fit.csv" );
		Files.write( in, sb.toString().getBytes( StandardCharsets.UTF_8 ) );
		assertEquals( 0, run( "fit-dynes", "--in", in.toString(), "--out", out.toString(), "--no-offset", "--vmin", "-0.6", "--vmax", "0.6" ), err );
		final Map< String, double[] > r = readRows( out );
		// written in S although the file is in µS
		assertEquals( 24.6e-6, r.get( "G_N" )[ 0 ], 1e-4 * 24.6e-6 );
		assertEquals( 265e-6, r.get( "Delta" )[ 0 ], 1e-4 * 265e-6 );
		assertEquals( 0.061, r.get( "T_e" )[ 0 ], 1e-3 * 0.061 );
		assertEquals( 0, r.get( "V0" )[ 0 ], 0 );
	}

	@Test
	void missingOrMalformedInputIsExitTwoWithOneLine() throws IOException
	{
		final Path missing = tmp.resolve( "nope.dat" );
		assertEquals( 2, run( "fit-dynes", "--in", missing.toString(), "--out", tmp.resolve( "o.csv" ).toString() ) );
		assertEquals( "nis-nonlocal fit-dynes: " + missing + ": no such file\n", err );

		final Path bad = tmp.resolve( "bad.dat" );
		Files.write( bad, "[DATA]\nBias calc (V)\tX% LockIn (V)\n1e-3\t2\n2e-3\n".getBytes( StandardCharsets.UTF_8 ) );
		assertEquals( 2, run( "fit-dynes", "--in", bad.toString(), "--out", tmp.resolve( "o.csv" ).toString() ) );
		assertEquals( "nis-nonlocal fit-dynes: " + bad + ":4: row has 1 values but the header names 2 columns\n", err );

		final Path flat = tmp.resolve( "flat.csv" );
		final StringBuilder sb = new StringBuilder( "V,G\n" );
		for ( int i = 0; i < 100; i++ )
			sb.append( -1e-3 + 2e-5 * i ).append( ",1\n" );
		Files.write( flat, sb.toString().getBytes( StandardCharsets.UTF_8 ) );
		assertEquals( 2, run( "fit-dynes", "--in", flat.toString(), "--out", tmp.resolve( "o.csv" ).toString() ) );
		assertTrue( err.startsWith( "nis-nonlocal fit-dynes: " + flat + ": no superconducting gap found" ), err );
		assertEquals( 1, err.split( "\n" ).length );
		assertTrue( !Files.exists( tmp.resolve( "o.csv" ) ) );
	}

	@Test
	void unknownColumnOfTheRealFileListsTheColumns()
	{
		final Path grRe = DynesFitRealDataTest.grRe();
		assertEquals( 2, run( "fit-dynes", "--in", grRe.toString(), "--out", tmp.resolve( "o.csv" ).toString(), "--column", "Input 9" ) );
		assertTrue( err.startsWith( "nis-nonlocal fit-dynes: " + grRe + ": no column 'Input 9'; the columns are: Bias calc (V), " ), err );
	}
}
