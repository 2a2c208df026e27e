package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;

/** The runner's command-line contract: verbs, files written, exit codes and one-line errors. */
class RunnerTest
{
	static final Path EXAMPLES = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );

	@TempDir
	Path dir;

	/** exit code, stdout, stderr */
	static String[] run( final String... argv )
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int code = Main.run( argv, new PrintStream( out, true ), new PrintStream( err, true ) );
		return new String[] { Integer.toString( code ), out.toString( StandardCharsets.UTF_8 ), err.toString( StandardCharsets.UTF_8 ) };
	}

	@Test
	void decomposeWritesTheContractFiles() throws Exception
	{
		final String[] r = run( "decompose", "--in", EXAMPLES.resolve( "example_Is+10uA.csv" ).toString(), "--minus",
				EXAMPLES.resolve( "example_Is-10uA.csv" ).toString(), "--out", dir.toString() );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		for ( final String part : new String[] { "g_s", "g_a", "g_ss", "g_sa" } )
		{
			final List< String > lines = Files.readAllLines( dir.resolve( part + ".csv" ) );
			assertEquals( "Vinj,Vdet,g", lines.get( 0 ) );
			assertEquals( 1 + 61 * 41, lines.size() );
		}
		final ConductanceMap plus = MapFiles.read( EXAMPLES.resolve( "example_Is+10uA.csv" ) );
		final ConductanceMap minus = MapFiles.read( EXAMPLES.resolve( "example_Is-10uA.csv" ) );
		final ConductanceMap ga = MapFiles.read( dir.resolve( "g_a.csv" ) );
		final ConductanceMap gss = MapFiles.read( dir.resolve( "g_ss.csv" ) );
		final ConductanceMap gsa = MapFiles.read( dir.resolve( "g_sa.csv" ) );
		assertEquals( "mV", gsa.xAxis().unit() );
		assertEquals( "nS", gsa.valueUnit() );
		for ( int j = 0; j < 41; j++ )
			for ( int i = 0; i < 61; i++ )
			{
				assertEquals( 0.5 * ( plus.get( i, j ) - minus.get( i, j ) ), ga.get( i, j ), 1e-6 );
				assertEquals( 0.5 * ( plus.get( i, j ) + minus.get( i, j ) ), gss.get( i, j ) + gsa.get( i, j ), 1e-6 );
				assertEquals( gss.get( i, j ), gss.get( 60 - i, j ), 0f );
			}
	}

	@Test
	void decomposeAlongVdetGivesAPartOddInVdet() throws Exception
	{
		final String[] r = run( "decompose", "--in", EXAMPLES.resolve( "example_Is+10uA.csv" ).toString(), "--axis", "vdet", "--out", dir.toString() );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		final ConductanceMap odd = MapFiles.read( dir.resolve( "g_sa.csv" ) );
		for ( int j = 0; j < 41; j++ )
			assertEquals( odd.get( 7, j ), -odd.get( 7, 40 - j ), 0f );
	}

	@Test
	void convertRoundTripsThroughTiffAndMatrixCsv() throws Exception
	{
		final Path tif = dir.resolve( "m.tif" ), matrix = dir.resolve( "m.matrix.csv" ), png = dir.resolve( "m.png" );
		assertEquals( "0", run( "convert", "--in", EXAMPLES.resolve( "example_Is+10uA.csv" ).toString(), "--out", tif.toString() )[ 0 ] );
		assertEquals( "0", run( "convert", "--in", tif.toString(), "--out", matrix.toString() )[ 0 ] );
		assertEquals( "0", run( "convert", "--in", matrix.toString(), "--out", png.toString() )[ 0 ] );
		final ConductanceMap a = MapFiles.read( EXAMPLES.resolve( "example_Is+10uA.csv" ) ), b = MapFiles.read( matrix );
		assertEquals( a.xAxis().size(), b.xAxis().size() );
		assertEquals( a.yAxis().max(), b.yAxis().max(), 1e-12 );
		for ( int k = 0; k < a.data().length; k++ )
			assertEquals( a.data()[ k ], b.data()[ k ], 0f );
		assertTrue( Files.size( png ) > 2000 );
	}

	@Test
	void badInputExitsWithOneLineNamingTheFile() throws Exception
	{
		final Path bad = dir.resolve( "bad.csv" );
		Files.write( bad, "Vinj,Vdet,g\n0,0,1\n0.1,0,x\n".getBytes( StandardCharsets.UTF_8 ) );
		final String[] r = run( "convert", "--in", bad.toString(), "--out", dir.resolve( "o.tif" ).toString() );
		assertEquals( "2", r[ 0 ] );
		assertEquals( 1, r[ 2 ].trim().split( "\n" ).length, r[ 2 ] );
		assertTrue( r[ 2 ].contains( "bad.csv" ), r[ 2 ] );
		assertFalse( Files.exists( dir.resolve( "o.tif" ) ), "no output on failure" );

		final String[] missing = run( "decompose", "--in", dir.resolve( "nope.csv" ).toString(), "--out", dir.toString() );
		assertEquals( "2", missing[ 0 ] );
		assertTrue( missing[ 2 ].contains( "nope.csv" ), missing[ 2 ] );

		final String[] typo = run( "decompose", "--in", bad.toString(), "--out", dir.toString(), "--axsi", "vinj" );
		assertEquals( "2", typo[ 0 ] );
		assertTrue( typo[ 2 ].contains( "--axsi" ), typo[ 2 ] );
	}

	@Test
	void convertRefusesToOverwriteItsInput() throws Exception
	{
		final Path csv = dir.resolve( "in.csv" );
		Files.copy( EXAMPLES.resolve( "example_Is+10uA.csv" ), csv );
		final byte[] before = Files.readAllBytes( csv );
		final String[] r = run( "convert", "--in", csv.toString(), "--out", csv.toString() );
		assertEquals( "2", r[ 0 ] );
		assertTrue( java.util.Arrays.equals( before, Files.readAllBytes( csv ) ) );
	}

	@Test
	void helpListsEveryVerb()
	{
		final String[] r = run( "--help" );
		assertEquals( "0", r[ 0 ] );
		for ( final Subcommand c : Main.subcommands() )
			assertTrue( r[ 1 ].contains( c.name() ), c.name() );
		assertEquals( "2", run( "frobnicate" )[ 0 ] );
	}

	@Test
	void reproduceWritesEveryPartInThreeFormats() throws Exception
	{
		final String[] r = run( "reproduce", "--out", dir.toString(), "--examples", EXAMPLES.toString() );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		for ( final String part : new String[] { "g_plus", "g_minus", "g_s", "g_a", "g_ss", "g_sa" } )
			for ( final String ext : new String[] { ".tif", ".csv", ".png" } )
				assertTrue( Files.size( dir.resolve( part + ext ) ) > 500, part + ext );
		final ConductanceMap gsa = MapFiles.read( dir.resolve( "g_sa.tif" ) );
		final ConductanceMap gss = MapFiles.read( dir.resolve( "g_ss.csv" ) );
		// the recorded +4 µV offset is removed, so the overlap is symmetric about the corrected zero
		assertEquals( -gsa.xAxis().max(), gsa.xAxis().min(), 0.02 );
		assertEquals( 0.004e-3, gsa.metadata().number( org.nisnonlocal.maps.MapMetadata.BIAS_OFFSET ), 1e-15 );
		assertEquals( gss.xAxis().size(), gsa.xAxis().size() );
		// model sets: Fig. 13's g_a computed directly equals g_a from decomposing the ±I_s maps (float maps: 1e-6)
		final List< String > direct = Files.readAllLines( dir.resolve( "fig13/g_a.csv" ) ), viaMaps = Files.readAllLines( dir.resolve( "fig13/g_a_from_maps.csv" ) );
		assertEquals( direct.size(), viaMaps.size() );
		double max = 0;
		for ( int row = 1; row < direct.size(); row++ )
			for ( int c = 1; c < 4; c++ )
				max = Math.max( max, Math.abs( Double.parseDouble( direct.get( row ).split( "," )[ c ] ) ) );
		for ( int row = 1; row < direct.size(); row++ )
			for ( int c = 1; c < 4; c++ )
				assertEquals( Double.parseDouble( direct.get( row ).split( "," )[ c ] ), Double.parseDouble( viaMaps.get( row ).split( "," )[ c ] ), 1e-6 * max );
		for ( final String f : new String[] { "dos_gap/dos.png", "dos_gap/gap.csv", "fig10/g_ss_model.csv", "fig10/g_ss_model.png", "fig13/g_a.png",
				"fig11_12/fig11a_delta.png", "fig11_12/fig11b_fL.csv", "fig11_12/fig11b_fL.png", "fig11_12/fig11b_occupation.png", "fig11_12/fig12b_g_sa.png" } )
			assertTrue( Files.size( dir.resolve( f ) ) > 500, f );
		// Figs. 11-12, the paper's expectations: elastic Δ drops past eV ≈ Δ0 then stays nearly flat and never rises;
		// with scattering Δ follows it to ≈ 3Δ0, then falls well below it; g_sa is odd in V_det
		final List< String > delta = Files.readAllLines( dir.resolve( "fig11_12/fig11a_delta.csv" ) );
		final double[] el = new double[ delta.size() - 1 ], in = new double[ el.length ];
		for ( int row = 1; row < delta.size(); row++ )
		{
			el[ row - 1 ] = Double.parseDouble( delta.get( row ).split( "," )[ 1 ] );
			in[ row - 1 ] = Double.parseDouble( delta.get( row ).split( "," )[ 2 ] );
		}
		for ( int k = 1; k < el.length; k++ )
			assertTrue( el[ k ] <= el[ k - 1 ] + 1e-9, "elastic Δ rises at point " + k );
		assertTrue( el[ 8 ] - el[ 15 ] > 0.01 && el[ 15 ] - el[ 50 ] < 0.02, "elastic: drop past Δ0, then flat" );
		assertEquals( el[ 25 ], in[ 25 ], 0.01, "inelastic follows the elastic curve at 2.5 Δ0" );
		assertTrue( el[ 50 ] - in[ 50 ] > 0.03, "inelastic Δ falls below the elastic one at 5 Δ0: " + in[ 50 ] + " vs " + el[ 50 ] );
		final ConductanceMap g12 = MapFiles.read( dir.resolve( "fig11_12/fig12b_g_sa.tif" ) );
		for ( int j = 0; j < g12.height(); j++ )
			assertEquals( -g12.get( 70, g12.height() - 1 - j ), g12.get( 70, j ), 1e-6 );
	}

	@Test
	void mapToolVerbsFollowTheirContract() throws Exception
	{
		final String plusFile = EXAMPLES.resolve( "example_Is+10uA.csv" ).toString(), minusFile = EXAMPLES.resolve( "example_Is-10uA.csv" ).toString();
		final ConductanceMap plus = MapFiles.read( Paths.get( plusFile ) ), minus = MapFiles.read( Paths.get( minusFile ) );
		assertEquals( "0", run( "cuts", "--in", plusFile, "--axis", "vdet", "--at", "0,0.1", "--offset", "1", "--out", dir.resolve( "c.csv" ).toString() )[ 0 ] );
		final List< String > cuts = Files.readAllLines( dir.resolve( "c.csv" ) );
		assertEquals( "Vdet,Vinj,g", cuts.get( 0 ) );
		assertEquals( 1 + 2 * 61, cuts.size() );
		assertEquals( plus.get( 4, 25 ), Double.parseDouble( cuts.get( 1 + 61 + 4 ).split( "," )[ 2 ] ), 0 ); // Vdet = 0.1 is row 25
		assertTrue( Files.size( dir.resolve( "c.png" ) ) > 2000 );

		assertEquals( "0", run( "crop", "--in", plusFile, "--vinj-min", "-0.1", "--vinj-max", "0.1", "--out", dir.resolve( "crop.csv" ).toString() )[ 0 ] );
		final ConductanceMap crop = MapFiles.read( dir.resolve( "crop.csv" ) );
		assertEquals( 11, crop.width() );
		assertEquals( 41, crop.height() );
		assertEquals( plus.get( 25 + 3, 9 ), crop.get( 3, 9 ), 0 );

		assertEquals( "0", run( "derivative", "--in", plusFile, "--axis", "vinj", "--out", dir.resolve( "d.csv" ).toString() )[ 0 ] );
		final ConductanceMap d = MapFiles.read( dir.resolve( "d.csv" ) );
		assertEquals( ( plus.get( 11, 7 ) - plus.get( 9, 7 ) ) / 0.04, d.get( 10, 7 ), 1e-3 );
		assertEquals( "nS/mV", d.valueUnit() );

		assertEquals( "0", run( "background", "--in", plusFile, "--mode", "plane", "--out", dir.resolve( "b.csv" ).toString() )[ 0 ] );
		final ConductanceMap corrected = MapFiles.read( dir.resolve( "b.csv" ) ), background = MapFiles.read( dir.resolve( "b_background.csv" ) );
		for ( int k = 0; k < plus.data().length; k++ )
			assertEquals( plus.data()[ k ], corrected.data()[ k ] + background.data()[ k ], 1e-6 );

		assertEquals( "0", run( "average", "--in", plusFile + "," + minusFile, "--out", dir.resolve( "a.csv" ).toString() )[ 0 ] );
		final ConductanceMap mean = MapFiles.read( dir.resolve( "a.csv" ) );
		assertEquals( 0.5 * ( plus.get( 5, 5 ) + minus.get( 5, 5 ) ), mean.get( 5, 5 ), 1e-6 );
		assertTrue( Files.exists( dir.resolve( "a_error.csv" ) ) );

		final String[] bad = run( "cuts", "--in", plusFile, "--axis", "vdet", "--at", "0.9", "--out", dir.resolve( "x.csv" ).toString() );
		assertEquals( "2", bad[ 0 ] );
		assertTrue( bad[ 2 ].contains( "0.9" ) && bad[ 2 ].contains( "outside" ), bad[ 2 ] );
	}
}
