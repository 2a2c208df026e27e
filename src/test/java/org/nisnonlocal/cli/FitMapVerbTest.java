package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synthesize → fit-map end to end on a small, coarse map: the file contract and the stated parameters. */
public class FitMapVerbTest
{
	@TempDir
	Path dir;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();

	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

	private int run( final String... argv )
	{
		outBytes.reset();
		errBytes.reset();
		return Main.run( argv, new PrintStream( outBytes, true ), new PrintStream( errBytes, true ) );
	}

	private String err() { return new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ); }

	private static final String[] MODEL = { "--de", "0.05", "--points", "21", "--threads", "1" };

	private static final String[] MODEL2 = { "--de", "0.05", "--points", "21", "--threads", "2" };

	@Test
	public void synthesizeThenFitWritesTheContractFiles() throws Exception
	{
		final Path map = dir.resolve( "syn.csv" );
		final String[] syn = { "synthesize", "--gamma-ee", "2e-4", "--sigma", "50", "--offset-vinj", "0.01", "--background", "3", "--seed", "5", "--vinj-from", "2", "--vinj-to", "3.6",
				"--vinj-step", "0.2", "--vdet-from", "-1", "--vdet-to", "1", "--vdet-step", "0.25", "--out", map.toString() };
		assertEquals( 0, run( concat( syn, MODEL ) ), err() );
		final List< String > g = Files.readAllLines( map );
		assertEquals( "Vinj,Vdet,g", g.get( 0 ) );
		assertEquals( 1 + 9 * 9, g.size() );
		final List< String > params = Files.readAllLines( dir.resolve( "syn.csv.params.txt" ) );
		assertTrue( params.contains( "gamma_ee=2.0E-4" ), params.toString() );
		assertTrue( params.contains( "seed=5" ), params.toString() );
		assertTrue( params.contains( "de=0.05" ), params.toString() );
		assertTrue( params.contains( "background_form=background*(eV_inj/5)*(eV_det/2)" ), params.toString() );

		final Path out = dir.resolve( "fit" );
		final String[] fit = { "fit-map", "--in", map.toString(), "--free", "gamma-ee", "--gamma-ee", "2e-4", "--span", "0.5", "--model-step", "0.2", "--vinj-min", "2.2", "--vdet-min",
				"-0.5", "--out", out.toString() };
		assertEquals( 0, run( concat( fit, MODEL ) ), err() );
		final List< String > p = Files.readAllLines( out.resolve( "params.csv" ) );
		assertEquals( "name,value,error,low,high", p.get( 0 ) );
		assertTrue( p.get( 1 ).startsWith( "gamma_ee," ), p.get( 1 ) );
		assertEquals( 5, p.get( 1 ).split( ",", -1 ).length );
		assertTrue( p.get( 2 ).startsWith( "chi2_reduced,1," ), p.get( 2 ) );
		// V_inj 2.2 … 3.6 (8 columns) × V_det −0.5 … 1 (7 rows)
		assertEquals( "points,56,,,", p.get( 3 ) );
		// added rows: σ estimated is never flagged (reduced χ² = 1 by construction); the statistical-only row is the same
		assertEquals( "chi2_expected_high," + org.nisnonlocal.io.Numbers.format( 1 + 4 * Math.sqrt( 2.0 / 55 ) ) + ",,,", p.get( 4 ) );
		assertEquals( "model_consistent,1,,,", p.get( 5 ) );
		assertEquals( p.get( 1 ).replaceFirst( "^gamma_ee,", "gamma_ee_unscaled," ), p.get( 6 ) );
		// the model's own error, estimated against δε/2 on the given grid (--de 0.05), in units of g and of σ
		final String[] me = p.get( 7 ).split( ",", -1 ), mes = p.get( 8 ).split( ",", -1 );
		assertEquals( "model_error", me[ 0 ] );
		assertTrue( Double.parseDouble( me[ 1 ] ) > 0, p.get( 7 ) );
		assertEquals( "model_error_per_sigma", mes[ 0 ] );
		assertTrue( Double.parseDouble( mes[ 1 ] ) > 0 && Double.parseDouble( mes[ 1 ] ) < 1, p.get( 8 ) );
		assertEquals( "energy_step,0.05,,,", p.get( 9 ) );
		// γ_ee alone: the shift of γ_ee the given grid's error would cause, a number (of either sign)
		final String[] bias = p.get( 10 ).split( ",", -1 );
		assertEquals( "model_bias_gamma_ee", bias[ 0 ] );
		assertTrue( Double.isFinite( Double.parseDouble( bias[ 1 ] ) ), p.get( 10 ) );
		assertEquals( 11, p.size(), p.toString() );
		assertEquals( "gamma_ee,chi2", Files.readAllLines( out.resolve( "chi2_gamma_ee.csv" ) ).get( 0 ) );
		final List< String > fitRows = Files.readAllLines( out.resolve( "fit.csv" ) );
		final List< String > res = Files.readAllLines( out.resolve( "residual.csv" ) );
		assertEquals( g.size(), fitRows.size() );
		assertEquals( g.size(), res.size() );
		// a point outside the windows is NaN, one inside is data − fit
		assertTrue( fitRows.get( 1 ).endsWith( ",NaN" ), fitRows.get( 1 ) );
		final int inside = 1 + 9 * 5 + 3; // V_det = 0.25, V_inj = 2.6
		final double gv = Double.parseDouble( g.get( inside ).split( "," )[ 2 ] );
		final double fv = Double.parseDouble( fitRows.get( inside ).split( "," )[ 2 ] );
		final double rv = Double.parseDouble( res.get( inside ).split( "," )[ 2 ] );
		assertEquals( gv - fv, rv, 1e-3 * ( Math.abs( gv ) + Math.abs( fv ) ) );
	}

	@Test
	public void gammaFreeWritesOneRowPerParameterAndTheCorrelation() throws Exception
	{
		final Path map = dir.resolve( "syn.csv" );
		final String[] syn = { "synthesize", "--gamma-ee", "2e-4", "--sigma", "30", "--seed", "3", "--delta0-scale", "1.02", "--vinj-from", "2", "--vinj-to", "3.6", "--vinj-step", "0.2",
				"--vdet-from", "-1.5", "--vdet-to", "1.5", "--vdet-step", "0.25", "--model-step", "0.2", "--out", map.toString() };
		assertEquals( 0, run( concat( syn, MODEL ) ), err() );
		final List< String > params = Files.readAllLines( dir.resolve( "syn.csv.params.txt" ) );
		assertTrue( params.contains( "delta0_scale=1.02" ), params.toString() );
		final Path out = dir.resolve( "fit2" );
		final String[] fit = { "fit-map", "--in", map.toString(), "--free", "gamma-ee,gamma", "--gamma-ee", "2e-4", "--gamma", "0.007", "--delta0-scale", "1.02", "--span", "0.5",
				"--model-step", "0.2", "--out", out.toString() };
		// two threads: the nested fit costs some 60 sweeps, and results do not depend on the thread count
		assertEquals( 0, run( concat( fit, MODEL2 ) ), err() );
		final List< String > p = Files.readAllLines( out.resolve( "params.csv" ) );
		assertEquals( "name,value,error,low,high", p.get( 0 ) );
		// two parameter rows, chi2_reduced, points, then the added chi2_expected_high, model_consistent, gamma_ee_unscaled,
		// model_error, model_error_per_sigma, energy_step, model_bias_gamma_ee (empty: estimated for γ_ee alone)
		assertEquals( 12, p.size(), p.toString() );
		assertTrue( p.get( 8 ).startsWith( "model_error," ) && p.get( 9 ).startsWith( "model_error_per_sigma," ) && p.get( 10 ).startsWith( "energy_step," ), p.toString() );
		assertEquals( "model_bias_gamma_ee,,,,", p.get( 11 ) );
		final String[] gee = p.get( 1 ).split( ",", -1 ), gamma = p.get( 2 ).split( ",", -1 );
		assertEquals( "gamma_ee", gee[ 0 ] );
		assertEquals( 5, gee.length );
		assertTrue( !gee[ 3 ].isEmpty() && !gee[ 4 ].isEmpty(), p.get( 1 ) );
		assertEquals( "gamma", gamma[ 0 ] );
		// Γ: value and covariance error; no profile interval (computed along γ_ee only)
		assertEquals( 0.005, Double.parseDouble( gamma[ 1 ] ), 2 * Double.parseDouble( gamma[ 2 ] ) );
		assertEquals( "", gamma[ 3 ] );
		assertEquals( "", gamma[ 4 ] );
		assertTrue( p.get( 3 ).startsWith( "chi2_reduced,1," ), p.get( 3 ) );
		assertEquals( "points,117,,,", p.get( 4 ) );
		assertEquals( "model_consistent,1,,,", p.get( 6 ) );
		assertTrue( p.get( 7 ).startsWith( "gamma_ee_unscaled," ), p.get( 7 ) );
		final List< String > c = Files.readAllLines( out.resolve( "correlation.csv" ) );
		assertEquals( 3, c.size() );
		assertEquals( "name,gamma_ee,gamma", c.get( 0 ) );
		assertTrue( c.get( 1 ).startsWith( "gamma_ee,1," ), c.get( 1 ) );
		final double rho = Double.parseDouble( c.get( 1 ).split( "," )[ 2 ] );
		assertEquals( rho, Double.parseDouble( c.get( 2 ).split( "," )[ 1 ] ), 1e-12 );
		assertTrue( Math.abs( rho ) < 1, c.toString() );
		assertEquals( "gamma_ee,chi2", Files.readAllLines( out.resolve( "chi2_gamma_ee.csv" ) ).get( 0 ) );
	}

	@Test
	public void unknownFreeParametersAreNamed() throws Exception
	{
		final Path in = Files.write( dir.resolve( "x.csv" ), "Vinj,Vdet,g\n".getBytes( StandardCharsets.UTF_8 ) ); // exists: the input is checked first
		assertEquals( 2, run( "fit-map", "--in", in.toString(), "--free", "gamma-ee,offset", "--out", dir.resolve( "out" ).toString() ) );
		assertTrue( err().contains( "offset" ) && err().contains( "delta0-scale" ), err() );
	}

	@Test
	/** A map in mV is expressed in eV/Δ0 before fitting; without Δ0 (option or metadata) it fails naming the option. */
	public void mapsInMillivoltsNeedDelta0() throws Exception
	{
		final org.nisnonlocal.maps.Axis x = new org.nisnonlocal.maps.Axis( "Vinj", "mV", -1, 0.5, 5 );
		final org.nisnonlocal.maps.Axis y = new org.nisnonlocal.maps.Axis( "Vdet", "mV", -1, 0.5, 5 );
		final Path map = dir.resolve( "mv.csv" );
		org.nisnonlocal.io.MapFiles.write( org.nisnonlocal.maps.ConductanceMap.fromFunction( x, y, "g_sa", "1", null, ( i, j ) -> i - j ), map );
		assertEquals( 2, run( "fit-map", "--in", map.toString(), "--out", dir.resolve( "f" ).toString() ) );
		assertTrue( err().contains( "--delta0" ), err() );
	}

	private static String[] concat( final String[] a, final String[] b )
	{
		final String[] c = java.util.Arrays.copyOf( a, a.length + b.length );
		System.arraycopy( b, 0, c, a.length, b.length );
		return c;
	}
}
