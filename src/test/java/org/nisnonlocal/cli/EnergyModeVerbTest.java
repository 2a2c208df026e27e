package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The energy-mode verb end to end: file contract, Δ(0) = 1, exact oddness of the g_sa map, bad input → exit 2. */
public class EnergyModeVerbTest
{
	@TempDir
	Path dir;

	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

	private int run( final String... argv )
	{
		errBytes.reset();
		return Main.run( argv, new PrintStream( new ByteArrayOutputStream(), true ), new PrintStream( errBytes, true ) );
	}

	@Test
	public void elasticRunWritesTheContractFilesWithAnOddMap() throws Exception
	{
		final Path out = dir.resolve( "em" );
		assertEquals( 0, run( "energy-mode", "--elastic", "--vinj-to", "2", "--vdet-from", "-1", "--vdet-to", "1", "--vdet-step", "0.25", "--points", "11", "--threads", "1", "--out", out.toString() ),
				new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ) );
		final List< String > delta = Files.readAllLines( out.resolve( "delta.csv" ) );
		assertEquals( "eV_inj,delta,newton_iterations,sc_iterations,delta_detector", delta.get( 0 ) );
		assertEquals( 1 + 21, delta.size() );
		// uniform profile: the detector sees the injector's gap, written digit for digit the same
		for ( final String row : delta.subList( 1, delta.size() ) )
			assertEquals( row.split( "," )[ 1 ], row.split( "," )[ 4 ], row );
		assertFalse( Files.exists( out.resolve( "delta_x.csv" ) ), "delta_x.csv only with --gap-profile local" );
		// equilibrium at the bath temperature: Δ = 1 up to the thermal Dynes tail (λ calibrated at t = 0)
		assertEquals( 1, Double.parseDouble( delta.get( 1 ).split( "," )[ 1 ] ), 1e-5 );
		final List< String > fl = Files.readAllLines( out.resolve( "fL.csv" ) );
		assertTrue( fl.get( 0 ).startsWith( "eps,fL_0,fL_0.1,fL_0.2," ), fl.get( 0 ) );
		assertEquals( 1 + 801, fl.size() );
		final List< String > g = Files.readAllLines( out.resolve( "g_sa.csv" ) );
		assertEquals( "Vinj,Vdet,g", g.get( 0 ) );
		assertEquals( 1 + 41 * 9, g.size() );
		assertTrue( Files.size( out.resolve( "g_sa.tif" ) ) > 0 );
		final Map< String, Double > map = new HashMap<>();
		for ( final String l : g.subList( 1, g.size() ) )
		{
			final String[] c = l.split( "," );
			map.put( key( Double.parseDouble( c[ 0 ] ), Double.parseDouble( c[ 1 ] ) ), Double.parseDouble( c[ 2 ] ) );
		}
		double max = 0;
		for ( final Map.Entry< String, Double > e : map.entrySet() )
		{
			final String[] xy = e.getKey().split( ";" );
			final double x = Double.parseDouble( xy[ 0 ] ), y = Double.parseDouble( xy[ 1 ] );
			assertEquals( -e.getValue(), map.get( key( -x, y ) ), 0, "odd in V_inj at " + e.getKey() );
			assertEquals( -e.getValue(), map.get( key( x, -y ) ), 0, "odd in V_det at " + e.getKey() );
			max = Math.max( max, Math.abs( e.getValue() ) );
		}
		// the sharp peak at |eV_inj| ≈ Δ0 (S Fig. 12): largest |g| at 0.9 … 1.1
		double peakAt = 0, peak = 0;
		for ( final Map.Entry< String, Double > e : map.entrySet() )
			if ( Math.abs( e.getValue() ) > peak )
			{
				peak = Math.abs( e.getValue() );
				peakAt = Math.abs( Double.parseDouble( e.getKey().split( ";" )[ 0 ] ) );
			}
		assertTrue( max > 0 && peakAt >= 0.9 && peakAt <= 1.1, "peak at " + peakAt );
	}

	@Test
	public void leadHeatingWritesTheLeadTemperaturesAndAnOddMap() throws Exception
	{
		final Path out = dir.resolve( "heated" );
		assertEquals( 0, run( "energy-mode", "--lead-heating", "--lead-volume", "4e-19", "--de", "0.05", "--vinj-to", "2", "--vinj-step", "0.5", "--vdet-from", "-1.5", "--vdet-to", "1.5",
				"--vdet-step", "1.5", "--points", "11", "--threads", "1", "--out", out.toString() ), new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ) );
		final List< String > t = Files.readAllLines( out.resolve( "lead_temperature.csv" ) );
		assertEquals( "eV_inj,eV_det,T_inj,T_det", t.get( 0 ) );
		assertEquals( 1 + 5 * 3, t.size() );
		for ( final String l : t.subList( 1, t.size() ) )
		{
			final String[] c = l.split( "," );
			assertTrue( Double.parseDouble( c[ 2 ] ) >= EnergyModeVerb.T_BATH - 1e-9 && Double.parseDouble( c[ 3 ] ) >= EnergyModeVerb.T_BATH - 1e-9, l );
		}
		final List< String > g = Files.readAllLines( out.resolve( "g_sa.csv" ) );
		final Map< String, Double > map = new HashMap<>();
		for ( final String l : g.subList( 1, g.size() ) )
		{
			final String[] c = l.split( "," );
			map.put( key( Double.parseDouble( c[ 0 ] ), Double.parseDouble( c[ 1 ] ) ), Double.parseDouble( c[ 2 ] ) );
		}
		assertEquals( 9 * 3, map.size() );
		for ( final Map.Entry< String, Double > e : map.entrySet() )
		{
			final String[] xy = e.getKey().split( ";" );
			final double x = Double.parseDouble( xy[ 0 ] ), y = Double.parseDouble( xy[ 1 ] );
			assertEquals( -e.getValue(), map.get( key( -x, y ) ), 0, "odd in V_inj at " + e.getKey() );
			assertEquals( -e.getValue(), map.get( key( x, -y ) ), 1e-12 * ( 1 + Math.abs( e.getValue() ) ), "odd in V_det at " + e.getKey() );
		}
		assertEquals( 2, run( "energy-mode", "--lead-heating", "--lead-volume", "-1", "--out", dir.resolve( "bad" ).toString() ) );
		assertEquals( 1, new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ).trim().split( "\n" ).length );
	}

	@Test
	public void detectorInjectionWritesTheGapMapEvenInTheDetectorBias() throws Exception
	{
		final Path out = dir.resolve( "two" );
		assertEquals( 0, run( "energy-mode", "--detector-injects", "--de", "0.05", "--vinj-to", "1", "--vinj-step", "0.5", "--vdet-from", "-1.5", "--vdet-to", "1.5", "--vdet-step", "1.5",
				"--points", "11", "--threads", "1", "--out", out.toString() ), new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ) );
		final List< String > d = Files.readAllLines( out.resolve( "delta_vdet.csv" ) );
		assertEquals( "eV_inj,eV_det,delta_injector,delta_detector", d.get( 0 ) );
		assertEquals( 1 + 3 * 3, d.size() );
		for ( int b = 0; b < 3; b++ )
		{
			final String[] minus = d.get( 1 + 3 * b ).split( "," ), zero = d.get( 2 + 3 * b ).split( "," ), plus = d.get( 3 + 3 * b ).split( "," );
			assertEquals( minus[ 2 ], plus[ 2 ], "injector gap even in V_det" );
			assertEquals( minus[ 3 ], plus[ 3 ] );
			// the biased detector suppresses the injector's gap
			assertTrue( Double.parseDouble( plus[ 2 ] ) < Double.parseDouble( zero[ 2 ] ) - 0.01, d.get( 3 + 3 * b ) );
		}
		final List< String > g = Files.readAllLines( out.resolve( "g_sa.csv" ) );
		final Map< String, Double > map = new HashMap<>();
		for ( final String l : g.subList( 1, g.size() ) )
		{
			final String[] c = l.split( "," );
			map.put( key( Double.parseDouble( c[ 0 ] ), Double.parseDouble( c[ 1 ] ) ), Double.parseDouble( c[ 2 ] ) );
		}
		assertEquals( 5 * 3, map.size() );
		for ( final Map.Entry< String, Double > e : map.entrySet() )
		{
			final String[] xy = e.getKey().split( ";" );
			final double x = Double.parseDouble( xy[ 0 ] ), y = Double.parseDouble( xy[ 1 ] );
			assertEquals( -e.getValue(), map.get( key( -x, y ) ), 0, "odd in V_inj at " + e.getKey() );
			assertEquals( -e.getValue(), map.get( key( x, -y ) ), 0, "odd in V_det at " + e.getKey() );
		}
		// both: the lead temperatures now depend on both biases, and stay even in V_det
		final Path both = dir.resolve( "both" );
		assertEquals( 0, run( "energy-mode", "--detector-injects", "--lead-heating", "--de", "0.05", "--vinj-to", "1", "--vinj-step", "0.5", "--vdet-from", "-1.5", "--vdet-to", "1.5", "--vdet-step",
				"1.5", "--points", "11", "--threads", "1", "--out", both.toString() ), new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ) );
		final List< String > t = Files.readAllLines( both.resolve( "lead_temperature.csv" ) );
		assertEquals( "eV_inj,eV_det,T_inj,T_det", t.get( 0 ) );
		assertEquals( 1 + 3 * 3, t.size() );
		for ( int b = 0; b < 3; b++ )
		{
			final String[] minus = t.get( 1 + 3 * b ).split( "," ), zero = t.get( 2 + 3 * b ).split( "," ), plus = t.get( 3 + 3 * b ).split( "," );
			assertEquals( minus[ 2 ], plus[ 2 ] );
			assertEquals( minus[ 3 ], plus[ 3 ] );
			// the detector's own bias heats its lead
			assertTrue( Double.parseDouble( plus[ 3 ] ) > Double.parseDouble( zero[ 3 ] ), t.get( 3 + 3 * b ) );
		}
		assertTrue( Files.exists( both.resolve( "delta_vdet.csv" ) ) && Files.exists( both.resolve( "g_sa.csv" ) ) );
		assertEquals( 2, run( "energy-mode", "--detector-injects", "--distance", "0", "--out", dir.resolve( "zero" ).toString() ) );
	}

	private static String key( final double x, final double y )
	{
		return Math.round( x * 1000 ) / 1000.0 + ";" + Math.round( y * 1000 ) / 1000.0;
	}

	@Test
	public void localGapProfileWritesTheProfileAndTheDetectorsGap() throws Exception
	{
		// small and coarse (δε = 1/20, 7 x nodes, 3 biases + margin; ≈ 7 s): the file contract and the profile's shape
		final Path out = dir.resolve( "local" );
		assertEquals( 0, run( "energy-mode", "--gap-profile", "local", "--de", "0.05", "--points", "7", "--vinj-to", "2.5", "--vinj-step", "1.25", "--vdet-from", "-1", "--vdet-to", "1",
				"--vdet-step", "0.5", "--threads", "2", "--out", out.toString() ), new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ) );
		final List< String > delta = Files.readAllLines( out.resolve( "delta.csv" ) );
		assertEquals( "eV_inj,delta,newton_iterations,sc_iterations,delta_detector", delta.get( 0 ) );
		assertEquals( 1 + 3, delta.size() );
		final List< String > profile = Files.readAllLines( out.resolve( "delta_x.csv" ) );
		assertEquals( "eV_inj,x,delta", profile.get( 0 ) );
		final int nodes = 7;
		assertEquals( 1 + 3 * nodes, profile.size() );
		final double bath = new org.nisnonlocal.physics.GapEquation( 0.005 ).delta( EnergyModeVerb.T_BATH, 0 );
		for ( int b = 0; b < 3; b++ )
		{
			final String[] first = profile.get( 1 + nodes * b ).split( "," ), lastNode = profile.get( nodes * ( b + 1 ) ).split( "," );
			final String[] row = delta.get( 1 + b ).split( "," );
			assertEquals( row[ 0 ], first[ 0 ] );
			assertEquals( 0, Double.parseDouble( first[ 1 ] ), 0 );
			// delta is the injector's gap (x = 0) ...
			assertEquals( row[ 1 ], first[ 2 ] );
			// ... and the reservoir node (x = L/2) keeps the bath's equilibrium gap
			assertEquals( 169.2 / 2, Double.parseDouble( lastNode[ 1 ] ), 1e-9 );
			assertEquals( bath, Double.parseDouble( lastNode[ 2 ] ), 1e-8, "reservoir at bias " + row[ 0 ] );
		}
		// above eV_inj = Δ0 the injector is the most suppressed: the detector 4.62 ξ away sees a larger gap
		final String[] high = delta.get( 3 ).split( "," );
		final double dInj = Double.parseDouble( high[ 1 ] ), dDet = Double.parseDouble( high[ 4 ] );
		assertTrue( dDet >= dInj && dInj < bath - 0.01, "Delta(0) " + dInj + ", Delta(x_det) " + dDet );
		assertTrue( Files.readAllLines( out.resolve( "fL.csv" ) ).get( 0 ).startsWith( "eps,fL_0,fL_1.25,fL_2.5" ) );
		final List< String > g = Files.readAllLines( out.resolve( "g_sa.csv" ) );
		assertEquals( "Vinj,Vdet,g", g.get( 0 ) );
		assertEquals( 1 + 5 * 5, g.size() );
		assertTrue( Files.size( out.resolve( "g_sa.tif" ) ) > 0 );
	}

	@Test
	public void aLocalRunThatCannotWriteDeltaXLeavesNoFile() throws Exception
	{
		// the new file joins the run's output set: a disk that fills up while delta_x.csv is written leaves nothing
		final String[] argv = { "energy-mode", "--gap-profile", "local", "--de", "0.05", "--points", "7", "--vinj-to", "0.5", "--vinj-step", "0.25", "--vdet-from", "-1", "--vdet-to", "1",
				"--vdet-step", "1", "--out", dir.resolve( "roomy" ).toString() };
		assertEquals( 0, run( argv ), new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ) );
		final Path roomy = dir.resolve( "roomy" );
		final long before = Files.size( roomy.resolve( "delta.csv" ) ) + Files.size( roomy.resolve( "fL.csv" ) ) + Files.size( roomy.resolve( "delta_x.csv" ) ) / 2;
		argv[ argv.length - 1 ] = dir.resolve( "full" ).toString();
		final int code;
		try (org.nisnonlocal.io.OutputSet.Simulation disk = org.nisnonlocal.io.OutputSet.simulateFullDisk( before ))
		{
			code = run( argv );
		}
		final String err = new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ).trim();
		assertEquals( 2, code, err );
		assertTrue( err.endsWith( dir.resolve( "full" ).resolve( "delta_x.csv" ) + ": cannot write: no space left on device" ), err );
		assertFalse( Files.exists( dir.resolve( "full" ) ), "nothing left, not even the folder" );
	}

	@Test
	public void anUnknownGapProfileIsRejectedBeforeAnyWork()
	{
		assertEquals( 2, run( "energy-mode", "--gap-profile", "spatial", "--out", dir.resolve( "p" ).toString() ) );
		final String err = new String( errBytes.toByteArray(), StandardCharsets.UTF_8 );
		assertTrue( err.contains( "--gap-profile" ) && err.trim().split( "\n" ).length == 1, err );
		assertFalse( Files.exists( dir.resolve( "p" ) ) );
		// the Usadel grid option belongs to the local profile only
		assertEquals( 2, run( "energy-mode", "--usadel-refine", "2", "--out", dir.resolve( "q" ).toString() ) );
		assertTrue( new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ).contains( "--usadel-refine" ) );
	}

	@Test
	public void negativeInjectorBiasIsRejected()
	{
		assertEquals( 2, run( "energy-mode", "--elastic", "--vinj-from", "-1", "--out", dir.resolve( "x" ).toString() ) );
		assertTrue( new String( errBytes.toByteArray(), StandardCharsets.UTF_8 ).contains( "--vinj-from" ) );
	}
}
