package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.physics.ChargeImbalanceModel;
import org.nisnonlocal.physics.DynesDos;
import org.nisnonlocal.physics.SupercurrentModel;
import org.nisnonlocal.physics.SupercurrentRelation;

/** The {@code supercurrent} and {@code supercurrent-dos} verbs through Main.run: the files scripts rely on. */
public class SupercurrentVerbTest
{
	@TempDir
	Path dir;

	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

	private int run( final String... argv )
	{
		errBytes.reset();
		return Main.run( argv, new PrintStream( new ByteArrayOutputStream(), true ), new PrintStream( errBytes, true ) );
	}

	private String err()
	{
		return new String( errBytes.toByteArray(), StandardCharsets.UTF_8 );
	}

	private static double[] column( final List< String > lines, final int c )
	{
		final double[] out = new double[ lines.size() - 1 ];
		for ( int i = 1; i < lines.size(); i++ )
			out[ i - 1 ] = Double.parseDouble( lines.get( i ).split( "," )[ c ] );
		return out;
	}

	@Test
	public void writesGaAndGsPerPhaseGradient() throws IOException
	{
		final Path out = dir.resolve( "fig13" );
		assertEquals( 0, run( "supercurrent", "--gamma", "1.53e-3", "--phase-gradient", "0,0.1,-0.3", "--kappa", "2.1e-4", "--distance", "4.62",
				"--length", "169", "--t", "0.0198", "--vinj-from", "-2", "--vinj-to", "2", "--vinj-step", "0.5", "--out", out.toString() ), err() );
		final List< String > a = Files.readAllLines( out.resolve( "g_a.csv" ) );
		final List< String > s = Files.readAllLines( out.resolve( "g_s.csv" ) );
		assertEquals( "eV_inj,g_a_phi=0,g_a_phi=0.1,g_a_phi=-0.3", a.get( 0 ) );
		assertEquals( "eV_inj,g_s_phi=0,g_s_phi=0.1,g_s_phi=-0.3", s.get( 0 ) );
		assertEquals( 1 + 9, a.size() );
		final double[] v = column( a, 0 );
		assertEquals( -2, v[ 0 ], 0 );
		assertEquals( 2, v[ 8 ], 0 );
		// ∂xφ = 0: g_s is the charge-imbalance model with κ_I/2, g_a = 0
		final double[] ref = new ChargeImbalanceModel( 1, 1.53e-3, 0, 1.05e-4, 4.62, 0.0198, 169 ).conductance( v );
		final double[] gs0 = column( s, 1 );
		for ( int k = 0; k < v.length; k++ )
		{
			assertEquals( ref[ k ], gs0[ k ], 1e-8 * Math.abs( ref[ k ] ) );
			assertEquals( 0, column( a, 1 )[ k ], 0 );
		}
		// the columns are the model's numbers at full precision
		final SupercurrentModel.Parts p = new SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0198, false ).conductance( -0.3, v );
		for ( int k = 0; k < v.length; k++ )
		{
			assertEquals( p.ga()[ k ], column( a, 3 )[ k ], 0 );
			assertEquals( p.gs()[ k ], column( s, 3 )[ k ], 0 );
		}
		// ∂xφ < 0: g_a negative at positive bias near the gap edge (V = 1 is row 6)
		assertTrue( column( a, 3 )[ 6 ] < -0.1 );
		final List< String > sc = Files.readAllLines( out.resolve( "supercurrents.csv" ) );
		assertEquals( "phase_gradient,I_s_over_I0,I_s_uA,delta", sc.get( 0 ) );
		assertEquals( new SupercurrentRelation( 1.53e-3, 0.0198 ).current( 0.1 ), column( sc, 1 )[ 1 ], 0 );
	}

	/** --is-ua with --i0-ua: the phase gradient of each column inverts S Eq. 6 at the bath temperature. */
	@Test
	public void supercurrentsInMicroampere() throws IOException
	{
		final Path out = dir.resolve( "ua" );
		assertEquals( 0, run( "supercurrent", "--is-ua", "5,-10", "--i0-ua", "29.8", "--t-bath", "0.0078", "--vinj-from", "0.5", "--vinj-to", "1.5",
				"--vinj-step", "0.5", "--out", out.toString() ), err() );
		final List< String > a = Files.readAllLines( out.resolve( "g_a.csv" ) );
		assertEquals( "eV_inj,g_a_Is_uA=5,g_a_Is_uA=-10", a.get( 0 ) );
		final List< String > sc = Files.readAllLines( out.resolve( "supercurrents.csv" ) );
		final double[] phi = column( sc, 0 );
		final SupercurrentRelation r = new SupercurrentRelation( 1.53e-3, 0.0078 );
		assertEquals( 5 / 29.8, r.current( phi[ 0 ] ), 1e-9 );
		assertEquals( -10 / 29.8, r.current( phi[ 1 ] ), 1e-9 );
		assertEquals( 5, column( sc, 2 )[ 0 ], 1e-7 );
		assertTrue( phi[ 1 ] < 0 );
	}

	@Test
	public void badInputExitsWithTwo()
	{
		final String out = dir.resolve( "bad" ).toString();
		assertEquals( 2, run( "supercurrent", "--out", out ) );
		assertTrue( err().contains( "--phase-gradient" ), err() );
		assertEquals( 2, run( "supercurrent", "--is-over-i0", "5", "--out", out ) );
		assertTrue( err().contains( "critical current" ), err() );
		assertEquals( 2, run( "supercurrent", "--phase-gradient", "0.1", "--distance", "100", "--out", out ) );
		assertTrue( err().contains( "--length" ), err() );
		assertEquals( 2, run( "supercurrent", "--phase-gradient", "0.1", "--vinj-step", "0", "--out", out ) );
		assertEquals( 2, run( "supercurrent", "--phase-gradient", "0.1", "--kapa", "1", "--out", out ) );
		assertTrue( err().contains( "--kapa" ), err() );
		assertEquals( 2, run( "supercurrent", "--phase-gradient", "0.1", "--t-det", "-1", "--out", out ) );
		assertTrue( err().contains( "--t-det" ), err() );
	}

	@Test
	public void dosMapOverEnergyAndSupercurrent() throws IOException
	{
		final Path out = dir.resolve( "dos.tif" );
		assertEquals( 0, run( "supercurrent-dos", "--gamma", "1e-4", "--eps-from", "0", "--eps-to", "2", "--eps-step", "0.01", "--is-from", "0", "--is-to", "0.8",
				"--is-step", "0.4", "--out", out.toString() ), err() );
		final ConductanceMap m = MapFiles.read( out );
		assertEquals( 201, m.width() );
		assertEquals( 3, m.height() );
		assertEquals( 0.8, m.yAxis().max(), 1e-12 );
		// I_s = 0: Dynes DOS (float storage)
		assertEquals( DynesDos.n( 1.5, 1, 1e-4 ), m.get( 150, 0 ), 1e-6 );
		// I_s = 0.8 I0: gap edge pulled in to E_g(ζ) (AG), states below 1
		final SupercurrentModel sm = new SupercurrentModel( 1e-4, 1, 1, 3, 0.01, 0.0078, false );
		final double p = sm.phaseGradient( 0.8 );
		final double eg = Math.pow( 1 - Math.pow( 0.5 * p * p, 2.0 / 3 ), 1.5 );
		final int below = ( int ) Math.floor( eg / 0.01 ) - 1;
		assertTrue( m.get( below, 2 ) < 1e-2, "N below E_g = " + m.get( below, 2 ) );
		assertTrue( m.get( below + 3, 2 ) > 0.1, "N above E_g = " + m.get( below + 3, 2 ) );
	}
}
