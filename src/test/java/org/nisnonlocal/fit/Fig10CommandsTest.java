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
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.cli.Main;
import org.nisnonlocal.physics.SupercurrentRelation;

/** The S Fig. 10 verbs end to end through {@link Main#run}: fit-charge-imbalance, fit-phase-gradient, fit-i0. */
class Fig10CommandsTest
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

	/** A curve file: header, then bias·biasScale, g·gScale. */
	private Path curve( final String name, final String header, final double[] v, final double[] g, final double biasScale, final double gScale ) throws IOException
	{
		final StringBuilder sb = new StringBuilder( header ).append( '\n' );
		for ( int i = 0; i < v.length; i++ )
			sb.append( String.format( Locale.ROOT, "%.17g,%.17g%n", v[ i ] * biasScale, g[ i ] * gScale ) );
		final Path p = tmp.resolve( name );
		Files.write( p, sb.toString().getBytes( StandardCharsets.UTF_8 ) );
		return p;
	}

	private static void within3Sigma( final double truth, final double[] valueError, final String what )
	{
		assertTrue( valueError[ 1 ] > 0 && Math.abs( valueError[ 0 ] - truth ) <= 3 * valueError[ 1 ], what + ": " + valueError[ 0 ] + " ± " + valueError[ 1 ] + " vs " + truth );
	}

	@Test
	void fullChainRecoversGammaPhaseGradientsAndI0() throws IOException
	{
		final double[] v = Fig10Synthetic.bias();
		final Path zero = curve( "is0.csv", "eV_inj,g", v, Fig10Synthetic.noisy( Fig10Synthetic.exact( v, Fig10Synthetic.GAMMA, 0 ), Fig10Synthetic.NOISE, 21 ), 1, 1 );
		final Path gammaOut = tmp.resolve( "gamma.csv" );
		assertEquals( 0, run( "fit-charge-imbalance", "--in", zero.toString(), "--out", gammaOut.toString() ), err );
		final Map< String, double[] > g = readRows( gammaOut );
		within3Sigma( Fig10Synthetic.GAMMA, g.get( "Gamma" ), "Γ" );
		assertEquals( 151, g.get( "points" )[ 0 ], 0 );
		assertEquals( 3, g.size() ); // Gamma, chi2_reduced, points, and no phase_gradient or amplitude rows
		assertEquals( 1, g.get( "chi2_reduced" )[ 0 ] / ( Fig10Synthetic.NOISE * Fig10Synthetic.NOISE ), 3 * Math.sqrt( 2.0 / 150 ) );

		// three supercurrents, one of them negative, made with I0 = 29.8 µA
		final double[] phase = { 0.1, 0.2, 0.3 };
		final double[] f = new SupercurrentRelation( SupercurrentScaleFit.DEFAULT_GAMMA, SupercurrentScaleFit.DEFAULT_T ).curve( phase );
		final String[] files = new String[ 3 ];
		final StringBuilder currents = new StringBuilder();
		for ( int k = 0; k < 3; k++ )
		{
			files[ k ] = curve( "is" + ( k + 1 ) + ".csv", "eV_inj,g", v, Fig10Synthetic.noisy( Fig10Synthetic.exact( v, Fig10Synthetic.GAMMA, phase[ k ] ), Fig10Synthetic.NOISE, 30 + k ), 1, 1 ).toString();
			currents.append( k > 0 ? "," : "" ).append( ( k == 1 ? -1 : 1 ) * 29.8 * f[ k ] );
		}
		final Path pairs = tmp.resolve( "pairs.csv" );
		assertEquals( 0, run( "fit-phase-gradient", "--in", String.join( ",", files ), "--gamma", Double.toString( g.get( "Gamma" )[ 0 ] ), "--currents-ua", currents.toString(), "--out", pairs.toString(),
				"--curve-out-prefix", tmp.resolve( "model" ).toString() ), err );
		final List< String > rows = Files.readAllLines( pairs );
		assertEquals( "I_s_uA,phase_gradient,error,chi2_reduced,points,curve", rows.get( 0 ) );
		assertEquals( 4, rows.size() );
		for ( int k = 0; k < 3; k++ )
		{
			final String[] c = rows.get( k + 1 ).split( "," );
			final double sign = k == 1 ? -1 : 1;
			within3Sigma( sign * phase[ k ], new double[] { Double.parseDouble( c[ 1 ] ), Double.parseDouble( c[ 2 ] ) }, "∂xφ of curve " + ( k + 1 ) );
			assertEquals( "151", c[ 4 ] );
			assertEquals( "is" + ( k + 1 ) + ".csv", c[ 5 ] );
		}
		// the model curve over the whole bias range (301 points plus header)
		assertEquals( 302, Files.readAllLines( tmp.resolve( "model2.csv" ) ).size() );

		final Path i0 = tmp.resolve( "i0.csv" );
		assertEquals( 0, run( "fit-i0", "--in", pairs.toString(), "--out", i0.toString() ), err );
		final Map< String, double[] > r = readRows( i0 );
		within3Sigma( 29.8, r.get( "I0_uA" ), "I0" );
		assertEquals( 29.8, r.get( "I0_uA" )[ 0 ], 0.03 * 29.8 );
		assertEquals( 3, r.get( "points" )[ 0 ], 0 );
	}

	@Test
	void physicalUnitsGiveTheSameGamma() throws IOException
	{
		final double[] v = Fig10Synthetic.bias();
		final double[] g = Fig10Synthetic.noisy( Fig10Synthetic.exact( v, Fig10Synthetic.GAMMA, 0 ), Fig10Synthetic.NOISE, 22 );
		final Path reduced = curve( "r.csv", "eV_inj,g", v, g, 1, 1 );
		// Δ0 = 265 µeV; G_inj = 24.6 µS, G_det = 20 µS, R_ξ = 8.57 Ω: bias in mV, g in µS
		final double scale = 24.6e-6 * 20e-6 * 8.57;
		final Path physical = curve( "p.csv", "V_inj (mV),g (uS)", v, g, 0.265, scale * 1e6 );
		final Path a = tmp.resolve( "a.csv" ), b = tmp.resolve( "b.csv" );
		assertEquals( 0, run( "fit-charge-imbalance", "--in", reduced.toString(), "--out", a.toString() ), err );
		assertEquals( 0, run( "fit-charge-imbalance", "--in", physical.toString(), "--out", b.toString(), "--delta0", "265e-6", "--g-inj", "24.6e-6", "--g-det", "20e-6", "--r-xi", "8.57" ), err );
		assertEquals( readRows( a ).get( "Gamma" )[ 0 ], readRows( b ).get( "Gamma" )[ 0 ], 1e-6 * Fig10Synthetic.GAMMA );
		assertEquals( readRows( a ).get( "Gamma" )[ 1 ], readRows( b ).get( "Gamma" )[ 1 ], 1e-3 * readRows( a ).get( "Gamma" )[ 1 ] );
		// the mV curve without the conversion options is refused, naming what is missing
		assertEquals( 2, run( "fit-charge-imbalance", "--in", physical.toString(), "--out", b.toString() ) );
		assertTrue( err.contains( "p.csv" ) && err.contains( "--delta0" ), err );
		// half the conversion options is refused too
		assertEquals( 2, run( "fit-charge-imbalance", "--in", physical.toString(), "--out", b.toString(), "--delta0", "265e-6" ) );
		assertTrue( err.contains( "--g-inj" ), err );
	}

	@Test
	void optionsChangeWhatIsFitted() throws IOException
	{
		final double[] v = Fig10Synthetic.bias();
		final Path c = curve( "c.csv", "eV_inj,g", v, Fig10Synthetic.noisy( Fig10Synthetic.exact( v, Fig10Synthetic.GAMMA, 0 ), Fig10Synthetic.NOISE, 23 ), 1, 1 );
		final Path o = tmp.resolve( "o.csv" );
		assertEquals( 0, run( "fit-charge-imbalance", "--in", c.toString(), "--out", o.toString(), "--vinj-max", "1.2" ), err );
		assertEquals( 121, readRows( o ).get( "points" )[ 0 ], 0 );
		assertEquals( 0, run( "fit-charge-imbalance", "--in", c.toString(), "--out", o.toString(), "--zeta-free", "--amplitude-free", "--sigma", "0.1" ), err );
		final Map< String, double[] > r = readRows( o );
		within3Sigma( 1, r.get( "amplitude" ), "A" );
		// the phase gradient is 0 here: its upper error √(2σ_ζ) must cover it
		within3Sigma( 0, r.get( "phase_gradient" ), "∂xφ" );
		within3Sigma( Fig10Synthetic.GAMMA, r.get( "Gamma" ), "Γ" );
	}

	@Test
	void badInputExitsTwoNamingFileOrOption() throws IOException
	{
		final double[] v = Fig10Synthetic.bias();
		final Path flat = curve( "flat.csv", "eV_inj,g", v, Fig10Synthetic.noisy( new double[ v.length ], Fig10Synthetic.NOISE, 24 ), 1, 1 );
		final String out = tmp.resolve( "o.csv" ).toString();
		assertEquals( 2, run( "fit-charge-imbalance", "--in", flat.toString(), "--out", out ) );
		assertTrue( err.contains( "flat.csv" ) && err.contains( "no charge-imbalance signal" ), err );
		assertTrue( !Files.exists( tmp.resolve( "o.csv" ) ) );
		assertEquals( 2, run( "fit-charge-imbalance", "--in", tmp.resolve( "missing.csv" ).toString(), "--out", out ) );
		assertTrue( err.contains( "missing.csv" ), err );
		assertEquals( 2, run( "fit-charge-imbalance", "--in", flat.toString(), "--out", out, "--vinj-max", "-1" ) );
		assertTrue( err.contains( "vinj-max" ), err );
		assertEquals( 2, run( "fit-charge-imbalance", "--in", flat.toString(), "--out", out, "--kappa", "-1" ) );
		assertTrue( err.contains( "kappa" ), err );
		assertEquals( 2, run( "fit-charge-imbalance", "--in", flat.toString(), "--out", out, "--gama", "1e-3" ) );
		assertTrue( err.contains( "--gama" ), err );
		assertEquals( 2, run( "fit-phase-gradient", "--in", flat.toString(), "--out", out ) );
		assertTrue( err.contains( "--gamma" ), err );
		assertEquals( 2, run( "fit-phase-gradient", "--in", flat.toString(), "--out", out, "--gamma", "1.53e-3", "--currents-ua", "1,2" ) );
		assertTrue( err.contains( "--currents-ua" ), err );
		assertEquals( 2, run( "fit-phase-gradient", "--in", flat.toString(), "--out", out, "--gamma", "1.53e-3" ) );
		assertTrue( err.contains( "flat.csv" ), err );

		final Path pairs = tmp.resolve( "pairs.csv" );
		Files.write( pairs, "I_s_uA,phase\n1,0.1\n".getBytes( StandardCharsets.UTF_8 ) );
		assertEquals( 2, run( "fit-i0", "--in", pairs.toString(), "--out", out ) );
		assertTrue( err.contains( "pairs.csv" ) && err.contains( "phase_gradient" ), err );
		Files.write( pairs, "I_s_uA,phase_gradient,error\n5,0.1,0.01\n8,abc,0.01\n".getBytes( StandardCharsets.UTF_8 ) );
		assertEquals( 2, run( "fit-i0", "--in", pairs.toString(), "--out", out ) );
		assertTrue( err.contains( "pairs.csv:3" ), err );
		Files.write( pairs, "I_s_uA,phase_gradient,error\n5,0.1,0.01\n-8,0.2,0.01\n".getBytes( StandardCharsets.UTF_8 ) );
		assertEquals( 2, run( "fit-i0", "--in", pairs.toString(), "--out", out ) );
		assertTrue( err.contains( "pairs.csv" ) && err.contains( "point 2" ), err );
	}

	@Test
	void fig10ModelWritesTheCurvesTheFitsUse() throws IOException
	{
		final Path out = tmp.resolve( "m.csv" );
		assertEquals( 0, run( "fig10-model", "--gamma", "1.53e-3", "--out", out.toString(), "--vinj-to", "1.5", "--vinj-step", "0.5" ), err );
		final List< String > lines = Files.readAllLines( out );
		assertEquals( "eV_inj,g_phase_0,g_phase_0.1,g_phase_0.2,g_phase_0.3", lines.get( 0 ) );
		assertEquals( 5, lines.size() );
		// the eV_inj = 1.5 row equals the model the synthetic fits start from
		final String[] row = lines.get( 4 ).split( "," );
		assertEquals( 1.5, Double.parseDouble( row[ 0 ] ), 0 );
		final double[] v = { 1.5 };
		assertEquals( Fig10Synthetic.exact( v, Fig10Synthetic.GAMMA, 0 )[ 0 ], Double.parseDouble( row[ 1 ] ), 1e-12 );
		assertEquals( Fig10Synthetic.exact( v, Fig10Synthetic.GAMMA, 0.3 )[ 0 ], Double.parseDouble( row[ 4 ] ), 1e-12 );
		// depairing lowers the signal at 1.5 Δ0 from 9.57 (∂xφ = 0) to 0.53 (∂xφ = 0.3): values of the model as built
		assertEquals( 9.5708, Double.parseDouble( row[ 1 ] ), 1e-3 );
		assertEquals( 0.5307, Double.parseDouble( row[ 4 ] ), 1e-3 );
		assertEquals( 2, run( "fig10-model", "--gamma", "1.53e-3", "--out", out.toString(), "--phase-gradients", "0,x" ) );
		assertTrue( err.contains( "--phase-gradients" ), err );
	}
}
