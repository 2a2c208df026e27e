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
import org.nisnonlocal.physics.DynesDos;

/** The model verbs end to end through Main.run: numbers in the written CSV, and bad input → exit 2 naming the option. */
public class PhysicsCommandsTest
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

	private String err()
	{
		return new String( errBytes.toByteArray(), StandardCharsets.UTF_8 );
	}

	/** The row whose first column equals x (within 1e-9). */
	private static String[] row( final List< String > lines, final double x )
	{
		for ( final String l : lines.subList( 1, lines.size() ) )
		{
			final String[] c = l.split( "," );
			if ( Math.abs( Double.parseDouble( c[ 0 ] ) - x ) < 1e-9 )
				return c;
		}
		throw new AssertionError( "no row at " + x );
	}

	@Test
	public void dosMatchesClosedForm() throws IOException
	{
		final Path out = dir.resolve( "dos.csv" );
		assertEquals( 0, run( "dos", "--gamma", "1e-3", "--from", "-3", "--to", "3", "--step", "0.5", "--out", out.toString() ), err() );
		final List< String > lines = Files.readAllLines( out );
		assertEquals( "eps,N,ReG,ImG,ReF,ImF", lines.get( 0 ) );
		assertEquals( 1 + 13, lines.size() );
		final String[] r = row( lines, 2 );
		assertEquals( DynesDos.n( 2, 1, 1e-3 ), Double.parseDouble( r[ 1 ] ), 1e-12 );
		assertEquals( 2 / Math.sqrt( 3 ), Double.parseDouble( r[ 1 ] ), 1e-6 );
		// Im F above the gap = Δ/√(ε² − Δ²)
		assertEquals( 1 / Math.sqrt( 3 ), Double.parseDouble( r[ 5 ] ), 1e-6 );
	}

	@Test
	public void dosWithDepairingHasAbrikosovGorkovGap() throws IOException
	{
		final Path out = dir.resolve( "dosz.csv" );
		assertEquals( 0, run( "dos", "--gamma", "1e-6", "--zeta", "0.2", "--from", "0.5", "--to", "0.6", "--step", "0.01", "--out", out.toString() ), err() );
		final List< String > lines = Files.readAllLines( out );
		// E_g = 0.5338: no states at 0.53, states at 0.54
		assertTrue( Double.parseDouble( row( lines, 0.53 )[ 1 ] ) < 1e-3 );
		assertTrue( Double.parseDouble( row( lines, 0.54 )[ 1 ] ) > 0.05 );
	}

	@Test
	public void gapCurve() throws IOException
	{
		final Path out = dir.resolve( "gap.csv" );
		assertEquals( 0, run( "gap", "--t-from", "0", "--t-to", "0.6", "--t-step", "0.1", "--gamma", "1e-4", "--out", out.toString() ), err() );
		final List< String > lines = Files.readAllLines( out );
		assertEquals( "t,delta", lines.get( 0 ) );
		assertEquals( 1, Double.parseDouble( row( lines, 0 )[ 1 ] ), 1e-10 );
		assertEquals( 0.5673, Double.parseDouble( row( lines, 0.5 )[ 1 ] ), 0.01 * 0.5673 );
		assertEquals( 0, Double.parseDouble( row( lines, 0.6 )[ 1 ] ), 0 );
	}

	@Test
	public void deviceTableOne() throws IOException
	{
		final Path out = dir.resolve( "device.csv" );
		assertEquals( 0, run( "device", "--xi", "65e-9", "--out", out.toString() ), err() );
		final List< String > lines = Files.readAllLines( out );
		assertEquals( "name,value,unit", lines.get( 0 ) );
		assertEquals( 8.57, value( lines, "R_xi" ), 0.005 );
		assertEquals( 30.9e-6, value( lines, "I0" ), 0.05e-6 );
		assertEquals( 1.054e-4, value( lines, "kappa" ), 0.0005e-4 );
		assertEquals( 733e-9, value( lines, "L_T" ), 0.5e-9 );
		assertEquals( 12.4e-9, value( lines, "tau_ee" ), 0.05e-9 );
		assertEquals( 0, run( "device", "--out", out.toString() ), err() );
		assertEquals( 64.8e-9, value( Files.readAllLines( out ), "xi" ), 0.05e-9 );
	}

	private static double value( final List< String > lines, final String name )
	{
		for ( final String l : lines )
			if ( l.startsWith( name + "," ) )
				return Double.parseDouble( l.split( "," )[ 1 ] );
		throw new AssertionError( "no row " + name );
	}

	@Test
	public void chargeImbalanceNormalStateIsOhmic() throws IOException
	{
		final Path out = dir.resolve( "ci.csv" );
		assertEquals( 0, run( "charge-imbalance", "--delta", "0", "--gamma", "1e-3", "--kappa", "1e-7", "--distance", "3", "--t", "0.02", "--length", "20",
				"--vinj-from", "-1", "--vinj-to", "1", "--vinj-step", "0.5", "--out", out.toString() ), err() );
		final List< String > lines = Files.readAllLines( out );
		assertEquals( "eV_inj,g_nl", lines.get( 0 ) );
		assertEquals( 5, lines.size() - 1 );
		for ( final double v : new double[] { -1, 0, 1 } )
			assertEquals( 3.5, Double.parseDouble( row( lines, v )[ 1 ] ), 3.5 * 1.1e-6 );
	}

	/** S's junction A/B parameters: g_nl of order 1 at eV = Δ0 and 10 at 1.5 Δ0; --t-inj overrides --t. */
	@Test
	public void chargeImbalanceOrientationAndInjectorTemperature() throws IOException
	{
		final Path a = dir.resolve( "a.csv" );
		final Path b = dir.resolve( "b.csv" );
		assertEquals( 0, run( "charge-imbalance", "--gamma", "1.53e-3", "--kappa", "1.054e-4", "--distance", "4.62", "--t", "0.0198", "--length", "169.2",
				"--vinj-from", "1", "--vinj-to", "1.5", "--vinj-step", "0.5", "--out", a.toString() ), err() );
		assertEquals( 0, run( "charge-imbalance", "--gamma", "1.53e-3", "--kappa", "1.054e-4", "--distance", "4.62", "--t", "0.5", "--t-inj", "0.0198",
				"--length", "169.2", "--vinj-from", "1", "--vinj-to", "1.5", "--vinj-step", "0.5", "--out", b.toString() ), err() );
		final List< String > la = Files.readAllLines( a );
		final double g1 = Double.parseDouble( row( la, 1 )[ 1 ] );
		final double g15 = Double.parseDouble( row( la, 1.5 )[ 1 ] );
		assertTrue( g1 > 0.3 && g1 < 3 && g15 > 3 && g15 < 30, g1 + " " + g15 );
		assertEquals( la, Files.readAllLines( b ) );
	}

	@Test
	public void supercurrentRelationSlope() throws IOException
	{
		final Path out = dir.resolve( "is.csv" );
		assertEquals( 0, run( "supercurrent-relation", "--gamma", "1e-4", "--t", "0.01", "--from", "0", "--to", "0.02", "--step", "0.01", "--out", out.toString() ), err() );
		final List< String > lines = Files.readAllLines( out );
		assertEquals( "phase_gradient,I_s_over_I0", lines.get( 0 ) );
		assertEquals( 0, Double.parseDouble( row( lines, 0 )[ 1 ] ), 0 );
		assertEquals( 0.01 * ( Math.PI / 2 - 1e-4 - 2 * 5e-5 / 3 ), Double.parseDouble( row( lines, 0.01 )[ 1 ] ), 1e-9 );
	}

	@Test
	public void badInputExitsTwoNamingTheOption()
	{
		final String out = dir.resolve( "x.csv" ).toString();
		assertEquals( 2, run( "dos", "--gamma", "-1", "--out", out ) );
		assertTrue( err().contains( "--gamma" ), err() );
		assertEquals( 2, run( "dos", "--step", "0", "--out", out ) );
		assertTrue( err().contains( "--step" ), err() );
		assertEquals( 2, run( "dos", "--out", out, "--bogus", "1" ) );
		assertTrue( err().contains( "--bogus" ), err() );
		assertEquals( 2, run( "gap", "--t-from", "-0.1", "--out", out ) );
		assertTrue( err().contains( "--t-from" ), err() );
		assertEquals( 2, run( "device", "--resistance", "0" ) );
		assertTrue( err().contains( "--resistance" ), err() );
		assertEquals( 2, run( "charge-imbalance", "--gamma", "1e-3", "--kappa", "1e-4", "--distance", "5", "--t", "0", "--out", out ) );
		assertTrue( err().contains( "--t" ), err() );
		assertEquals( 2, run( "charge-imbalance", "--gamma", "1e-3", "--kappa", "1e-4", "--distance", "5", "--t", "0.02", "--length", "8", "--out", out ) );
		assertTrue( err().contains( "--length" ), err() );
		assertEquals( 2, run( "supercurrent-relation", "--out", out ) );
		assertTrue( err().contains( "--gamma" ), err() );
		assertEquals( 2, run( "bench", "--runs", "0" ) );
		assertTrue( err().contains( "--runs" ), err() );
		assertTrue( !Files.exists( dir.resolve( "x.csv" ) ) );
	}
}
