package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a plain {@code Vinj,Vdet,g} CSV of numbers (no header units, no {@code .meta} sidecar) is in model units
 * (eV/Δ0, G_inj·G_det·R_ξ) for the verbs that compare with the model, and those verbs take the text-import options.
 * The plain files are the synthesized maps without their sidecar, so the same numbers with and without units must give
 * the same fit.
 */
class PlainCsvModelUnitsTest
{
	@TempDir
	Path dir;

	private static final String[] MODEL = { "--de", "0.05", "--points", "21", "--threads", "1" };

	private static final String[] PHYSICAL = { "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54" };

	/** The cheap fit of FitMapVerbTest: γ_ee only, a half-decade span, coarse model sweep, part of the map. */
	private static final String[] FIT = { "--free", "gamma-ee", "--gamma-ee", "2e-4", "--span", "0.5", "--model-step", "0.2", "--vinj-min", "2.2", "--vdet-min", "-0.5" };

	/** exit code, stdout (the runner's; verbs print on System.out), stderr (the runner's error line and what the verb printed on System.err). */
	private static String[] run( final String... argv )
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final PrintStream savedErr = System.err;
		final int code;
		try
		{
			System.setErr( new PrintStream( err, true ) );
			code = Main.run( argv, new PrintStream( out, true ), System.err );
		}
		finally
		{
			System.setErr( savedErr );
		}
		return new String[] { Integer.toString( code ), new String( out.toByteArray(), StandardCharsets.UTF_8 ), new String( err.toByteArray(), StandardCharsets.UTF_8 ) };
	}

	/** A small synthesized g_sa map (9 × 9), with its .meta sidecar; in model units, or mV and nS with {@code physical}. */
	private Path synthesize( final String name, final boolean physical )
	{
		final Path map = dir.resolve( name );
		String[] syn = { "synthesize", "--gamma-ee", "2e-4", "--sigma", "50", "--offset-vinj", "0.01", "--background", "3", "--seed", "5", "--vinj-from", "2", "--vinj-to", "3.6",
				"--vinj-step", "0.2", "--vdet-from", "-1", "--vdet-to", "1", "--vdet-step", "0.25", "--model-step", "0.2", "--out", map.toString() };
		syn = Runner.concat( syn, MODEL );
		if ( physical )
			syn = Runner.concat( syn, PHYSICAL );
		final String[] r = run( syn );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		assertTrue( Files.isRegularFile( dir.resolve( name + ".meta" ) ) );
		return map;
	}

	/** The same rows without the sidecar: a plain CSV whose header names the columns and nothing else. */
	private Path plainCopy( final Path map, final String name ) throws Exception
	{
		final Path plain = dir.resolve( name );
		Files.copy( map, plain );
		assertEquals( "Vinj,Vdet,g", Files.readAllLines( plain ).get( 0 ) );
		return plain;
	}

	private String[] fit( final Path in, final Path out, final String... more )
	{
		return run( Runner.concat( Runner.concat( Runner.concat( new String[] { "fit-map", "--in", in.toString(), "--out", out.toString() }, FIT ), MODEL ), more ) );
	}

	@Test
	void fitMapTakesAPlainCsvAsModelUnitsAndSaysSo() throws Exception
	{
		final Path withUnits = synthesize( "syn.csv", false );
		final Path plain = plainCopy( withUnits, "plain.csv" );
		final String[] a = fit( withUnits, dir.resolve( "a" ) );
		assertEquals( "0", a[ 0 ], a[ 2 ] );
		assertFalse( a[ 2 ].contains( "no unit" ), a[ 2 ] );
		final String[] b = fit( plain, dir.resolve( "b" ) );
		assertEquals( "0", b[ 0 ], b[ 2 ] );
		assertTrue( b[ 2 ].contains( "fit-map: " + plain + " has no units (Vinj, Vdet, " ) && b[ 2 ].contains( "taken as model units, eV/Δ0 and G_inj·G_det·R_ξ" ), b[ 2 ] );
		// the same numbers in the same units: the same fit up to the last digits (the model is solved at each map column's
		// V_inj, which the sidecar holds at full precision and the text to 12 digits)
		sameParams( dir.resolve( "a/params.csv" ), dir.resolve( "b/params.csv" ) );
	}

	/**
	 * Same rows, numbers within 1e-5 relative: axis values that differ in the 13th digit move the model biases, and the
	 * fit's errors (differences of the model over 0.05 decades) follow the solver's tolerance (Δ to 1e-9) at ~1e-6.
	 */
	private static void sameParams( final Path a, final Path b ) throws java.io.IOException
	{
		final List< String > pa = Files.readAllLines( a ), pb = Files.readAllLines( b );
		assertEquals( pa.size(), pb.size() );
		for ( int k = 0; k < pa.size(); k++ )
		{
			final String[] ca = pa.get( k ).split( ",", -1 ), cb = pb.get( k ).split( ",", -1 );
			assertEquals( ca.length, cb.length );
			// the grid-shift estimate is a small difference of models on two grids, each converged to the solver's
			// tolerance (~1e-4 of the difference): it is compared on the scale it is judged by, γ_ee's error
			final double scale = ca[ 0 ].equals( "model_bias_gamma_ee" ) ? 1e-3 * Double.parseDouble( pa.get( 1 ).split( "," )[ 2 ] ) : Double.NaN;
			for ( int c = 0; c < ca.length; c++ )
				if ( k == 0 || c == 0 || ca[ c ].isEmpty() )
					assertEquals( ca[ c ], cb[ c ], pb.toString() );
				else
					assertEquals( Double.parseDouble( ca[ c ] ), Double.parseDouble( cb[ c ] ), Double.isNaN( scale ) ? 1e-5 * Math.abs( Double.parseDouble( ca[ c ] ) ) : scale,
							pa + " vs " + pb );
		}
	}

	@Test
	void fitMapAppliesTheImportUnitOptionsToAPlainCsv() throws Exception
	{
		final Path withUnits = synthesize( "phys.csv", true ); // mV and nS; Δ0, G_inj, G_det, R_ξ in the sidecar's metadata
		final List< String > meta = Files.readAllLines( dir.resolve( "phys.csv.meta" ) );
		assertTrue( meta.contains( "x.unit=mV" ) && meta.contains( "value.unit=nS" ), meta.toString() );
		final Path plain = plainCopy( withUnits, "plain.csv" );
		final String[] a = fit( withUnits, dir.resolve( "a" ) );
		assertEquals( "0", a[ 0 ], a[ 2 ] );
		final String[] b = fit( plain, dir.resolve( "b" ), Runner.concat( new String[] { "--x-unit", "mV", "--y-unit", "mV", "--value-unit", "nS" }, PHYSICAL ) );
		assertEquals( "0", b[ 0 ], b[ 2 ] );
		assertFalse( b[ 2 ].contains( "no unit" ), b[ 2 ] );
		assertTrue( b[ 2 ].contains( "Vinj: mV → eV/Δ0" ), b[ 2 ] );
		// the same fit up to the last digits: the sidecar holds the axes' origin and step at full precision, the text to 12 digits
		sameParams( dir.resolve( "a/params.csv" ), dir.resolve( "b/params.csv" ) );
		// fit.csv in the units given
		assertTrue( Files.readAllLines( dir.resolve( "b/fit.csv.meta" ) ).contains( "value.unit=nS" ) );
	}

	@Test
	void overlayTakesAPlainMeasuredCsvAsModelUnits() throws Exception
	{
		final Path simulated = synthesize( "syn.csv", false );
		final Path plain = plainCopy( simulated, "plain.csv" );
		final Path out = dir.resolve( "ov" );
		final String[] r = run( "overlay", "--measured", plain.toString(), "--simulated", simulated.toString(), "--out", out.toString() );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		assertTrue( r[ 2 ].contains( "overlay: " + plain + " has no units (Vinj, Vdet, " ) && r[ 2 ].contains( "taken as model units" ), r[ 2 ] );
		final List< String > res = Files.readAllLines( out.resolve( "residual.csv" ) );
		assertEquals( 82, res.size() );
		for ( final String row : res.subList( 1, res.size() ) ) // every point compared (NaN fails), and equal
			assertEquals( 0, Double.parseDouble( row.split( "," )[ 2 ] ), 1e-3, row );
		final List< String > meta = Files.readAllLines( out.resolve( "residual.csv.meta" ) );
		assertTrue( meta.contains( "x.unit=eV/Δ0" ), meta.toString() );
	}

	@Test
	void aUnitThatCannotBeModelUnitsIsRefusedNamingTheFile() throws Exception
	{
		final Path plain = Files.write( dir.resolve( "plain.csv" ), ( "Vinj,Vdet,g\n" + "0,0,1\n1,0,2\n0,1,3\n1,1,4\n" ).getBytes( StandardCharsets.UTF_8 ) );
		final String[][] cases = {
				{ "fit-map", "--in", plain.toString(), "--value-unit", "mT", "--out", dir.resolve( "f1" ).toString() },
				{ "fit-map", "--in", plain.toString(), "--x-unit", "mA", "--out", dir.resolve( "f2" ).toString() },
				{ "fit-phase-gradient-map", "--in", plain.toString(), "--value-unit", "mT", "--out", dir.resolve( "f3" ).toString() } };
		for ( final String[] argv : cases )
		{
			final String[] r = run( argv );
			assertEquals( "2", r[ 0 ], String.join( " ", argv ) + ": " + r[ 2 ] );
			final String[] lines = r[ 2 ].trim().split( "\n" );
			assertEquals( 1, lines.length, r[ 2 ] );
			assertTrue( lines[ 0 ].contains( plain.toString() ) && lines[ 0 ].contains( argv[ 4 ] ), lines[ 0 ] );
			assertFalse( lines[ 0 ].contains( "unknown option" ), lines[ 0 ] );
		}
	}
}
