package org.nisnonlocal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.cli.Main;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Units;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * The energy-mode menu command's electrode options (issue 18: detector_injects, lead_heating), headless on a coarse
 * grid (δε = 1/20, V_inj 0 … 1 step 0.5, V_det −1.5 … 1.5 step 1.5), against the runner's files for the same inputs.
 */
class EnergyModeElectrodesMenuTest
{
	private static Context ctx;
	private static CommandService cs;

	@TempDir
	Path dir;

	@BeforeAll
	static void context()
	{
		ctx = new Context( CommandService.class );
		cs = ctx.service( CommandService.class );
	}

	@AfterAll
	static void dispose() { ctx.dispose(); }

	private static final double[] V_INJ = { 0, 0.5, 1 }, V_DET = { -1.5, 0, 1.5 };

	private static CommandModule menu( final Object... keyValues ) throws Exception
	{
		final Map< String, Object > in = new HashMap<>();
		in.put( "de", 0.05 );
		in.put( "vinj_to", 1.0 );
		in.put( "vinj_step", 0.5 );
		in.put( "vdet_max", 1.5 );
		in.put( "vdet_step", 1.5 );
		for ( int k = 0; k < keyValues.length; k += 2 )
			in.put( ( String ) keyValues[ k ], keyValues[ k + 1 ] );
		return cs.run( EnergyModeCommand.class, false, in ).get();
	}

	/** The runner with the menu's defaults spelled out (its t_bath default is 0.00781, the menu's 0.0078). */
	private Path runner( final String name, final String... extra )
	{
		final Path out = dir.resolve( name );
		final List< String > argv = new ArrayList<>( java.util.Arrays.asList( "energy-mode", "--gamma-ee", "2e-4", "--gamma", "0.005", "--de", "0.05", "--kappa", "1.054e-4", "--length",
				"169.2", "--t-inj", "0.0198", "--t-det", "0.0120", "--t-bath", "0.0078", "--distance", "4.62", "--vinj-to", "1", "--vinj-step", "0.5", "--vdet-from", "-1.5",
				"--vdet-to", "1.5", "--vdet-step", "1.5", "--threads", "2", "--out", out.toString() ) );
		argv.addAll( java.util.Arrays.asList( extra ) );
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code = Main.run( argv.toArray( new String[ 0 ] ), new PrintStream( new ByteArrayOutputStream(), true ), new PrintStream( err, true ) );
		assertEquals( 0, code, new String( err.toByteArray(), StandardCharsets.UTF_8 ) );
		return out;
	}

	/** Rows of a CSV with a header, as numbers. */
	private static List< double[] > rows( final Path csv, final String header ) throws Exception
	{
		final List< String > lines = Files.readAllLines( csv );
		if ( header != null )
			assertEquals( header, lines.get( 0 ) );
		final List< double[] > out = new ArrayList<>();
		for ( final String l : lines.subList( 1, lines.size() ) )
		{
			final String[] c = l.split( "," );
			final double[] v = new double[ c.length ];
			for ( int k = 0; k < c.length; k++ )
				v[ k ] = Double.parseDouble( c[ k ] );
			out.add( v );
		}
		return out;
	}

	private static void same( final double expected, final double actual, final String what )
	{
		assertEquals( expected, actual, 1e-12 * ( 1 + Math.abs( expected ) ), what );
	}

	/** The g map image against the runner's g_sa.csv (long format, float values). */
	private static void sameMap( final ConductanceMap g, final Path csv ) throws Exception
	{
		final List< double[] > rows = rows( csv, null );
		assertEquals( g.width() * g.height(), rows.size() );
		for ( final double[] r : rows )
		{
			final int i = ( int ) Math.round( ( r[ 0 ] - g.xAxis().min() ) / g.xAxis().step() ), j = ( int ) Math.round( ( r[ 1 ] - g.yAxis().min() ) / g.yAxis().step() );
			assertEquals( ( float ) r[ 2 ], g.get( i, j ), 0, "g at " + r[ 0 ] + ", " + r[ 1 ] );
		}
	}

	private static void sameDeltaTable( final ResultsTable t, final Path csv ) throws Exception
	{
		final List< double[] > d = rows( csv, "eV_inj,delta,newton_iterations,sc_iterations,delta_detector" );
		assertEquals( d.size(), t.size() );
		for ( int b = 0; b < t.size(); b++ )
		{
			same( d.get( b )[ 0 ], t.getValue( "eV_inj", b ), "eV_inj" );
			same( d.get( b )[ 1 ], t.getValue( "delta", b ), "delta" );
			same( d.get( b )[ 4 ], t.getValue( "delta_detector", b ), "delta_detector" );
		}
	}

	@Test
	void detectorInjectsShowsBothGapsOverBothBiasesAsTheRunnerWritesThem() throws Exception
	{
		final CommandModule m = menu( "detector_injects", true );
		assertNull( m.getOutput( "lead_temperature" ) );
		assertNull( m.getOutput( "delta_x" ) );
		final ConductanceMap inj = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "delta_injector" ) );
		final ConductanceMap det = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "delta_detector" ) );
		for ( final ConductanceMap d : new ConductanceMap[] { inj, det } )
		{
			assertEquals( 3, d.width() );
			assertEquals( 3, d.height() );
			assertEquals( Units.EV_PER_DELTA0, d.xAxis().unit() );
			assertEquals( Units.EV_PER_DELTA0, d.yAxis().unit() );
			assertEquals( 0, d.xAxis().min(), 1e-12 );
			assertEquals( 0.5, d.xAxis().step(), 1e-12 );
			assertEquals( -1.5, d.yAxis().min(), 1e-12 );
			assertEquals( 1.5, d.yAxis().step(), 1e-12 );
		}
		for ( int b = 0; b < 3; b++ )
		{
			// even in V_det; the biased detector suppresses the injector's gap
			assertEquals( inj.get( b, 0 ), inj.get( b, 2 ), 0 );
			assertTrue( inj.get( b, 2 ) < inj.get( b, 1 ) - 0.01, "bias " + b );
		}
		final ConductanceMap g = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "g_sa" ) );
		assertEquals( 5, g.width() );
		assertEquals( 3, g.height() );

		final Path out = runner( "two", "--detector-injects" );
		final List< double[] > pairs = rows( out.resolve( "delta_vdet.csv" ), "eV_inj,eV_det,delta_injector,delta_detector" );
		assertEquals( 9, pairs.size() );
		for ( final double[] p : pairs )
		{
			final int b = ( int ) Math.round( p[ 0 ] / 0.5 ), d = ( int ) Math.round( ( p[ 1 ] + 1.5 ) / 1.5 );
			assertEquals( V_INJ[ b ], p[ 0 ], 1e-12 );
			assertEquals( V_DET[ d ], p[ 1 ], 1e-12 );
			assertEquals( ( float ) p[ 2 ], inj.get( b, d ), 0, "delta_injector at " + p[ 0 ] + ", " + p[ 1 ] );
			assertEquals( ( float ) p[ 3 ], det.get( b, d ), 0, "delta_detector at " + p[ 0 ] + ", " + p[ 1 ] );
		}
		sameMap( g, out.resolve( "g_sa.csv" ) );
		sameDeltaTable( ( ResultsTable ) m.getOutput( "delta_table" ), out.resolve( "delta.csv" ) );
	}

	@Test
	void leadHeatingShowsTheLeadTemperaturesAsTheRunnerWritesThem() throws Exception
	{
		final CommandModule m = menu( "lead_heating", true, "lead_volume", 4e-19 );
		assertNull( m.getOutput( "delta_injector" ) );
		assertNull( m.getOutput( "delta_detector" ) );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "lead_temperature" );
		assertNotNull( t );
		assertEquals( 9, t.size() );
		for ( final String c : new String[] { "eV_inj", "eV_det", "T_inj", "T_det" } )
			assertTrue( t.columnExists( c ), c );
		for ( int k = 0; k < t.size(); k++ )
			// T_N ≥ T_bath to the heat balance's tolerance
			assertTrue( t.getValue( "T_inj", k ) >= 0.0078 - 1e-9 && t.getValue( "T_det", k ) >= 0.0078 - 1e-9, "row " + k + ": " + t.getRowAsString( k ) );

		final Path out = runner( "heated", "--lead-heating", "--lead-volume", "4e-19" );
		final List< double[] > temps = rows( out.resolve( "lead_temperature.csv" ), "eV_inj,eV_det,T_inj,T_det" );
		assertEquals( t.size(), temps.size() );
		for ( int k = 0; k < t.size(); k++ )
		{
			same( temps.get( k )[ 0 ], t.getValue( "eV_inj", k ), "eV_inj" );
			same( temps.get( k )[ 1 ], t.getValue( "eV_det", k ), "eV_det" );
			same( temps.get( k )[ 2 ], t.getValue( "T_inj", k ), "T_inj row " + k );
			same( temps.get( k )[ 3 ], t.getValue( "T_det", k ), "T_det row " + k );
		}
		sameMap( ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "g_sa" ) ), out.resolve( "g_sa.csv" ) );
		sameDeltaTable( ( ResultsTable ) m.getOutput( "delta_table" ), out.resolve( "delta.csv" ) );
	}

	@Test
	void bothOptionsShowTheGapsAndTheLeadTemperaturesOverBothBiases() throws Exception
	{
		final CommandModule m = menu( "detector_injects", true, "lead_heating", true );
		final ConductanceMap inj = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "delta_injector" ) );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "lead_temperature" );
		assertEquals( 9, t.size() );
		final Path out = runner( "both", "--detector-injects", "--lead-heating" );
		final List< double[] > temps = rows( out.resolve( "lead_temperature.csv" ), "eV_inj,eV_det,T_inj,T_det" );
		for ( int k = 0; k < t.size(); k++ )
		{
			same( temps.get( k )[ 2 ], t.getValue( "T_inj", k ), "T_inj row " + k );
			same( temps.get( k )[ 3 ], t.getValue( "T_det", k ), "T_det row " + k );
		}
		for ( final double[] p : rows( out.resolve( "delta_vdet.csv" ), "eV_inj,eV_det,delta_injector,delta_detector" ) )
			assertEquals( ( float ) p[ 2 ], inj.get( ( int ) Math.round( p[ 0 ] / 0.5 ), ( int ) Math.round( ( p[ 1 ] + 1.5 ) / 1.5 ) ), 0 );
		sameMap( ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "g_sa" ) ), out.resolve( "g_sa.csv" ) );
	}

	@Test
	void badElectrodeInputFailsWithTheRunnersMessages()
	{
		assertEquals( "lead_volume must be > 0, got -1.0", badInput( "lead_heating", true, "lead_volume", -1.0 ) );
		assertEquals( "lead_resistance must be >= 0, got -1.0", badInput( "lead_heating", true, "lead_resistance", -1.0 ) );
		assertEquals( "kappa_det must be > 0, got 0.0", badInput( "detector_injects", true, "kappa_det", 0.0 ) );
		assertEquals( "detector_injects needs x_det > 0, got 0.0", badInput( "detector_injects", true, "x_det", 0.0 ) );
		assertEquals( "lead_heating and detector_injects work with the uniform gap profile only, not with gap profile local",
				badInput( "detector_injects", true, "gap_profile", "local" ) );
		assertEquals( "lead_heating and detector_injects work with the uniform gap profile only, not with gap profile local", badInput( "lead_heating", true, "gap_profile", "local" ) );
	}

	private static String badInput( final Object... keyValues )
	{
		final ExecutionException e = assertThrows( ExecutionException.class, () -> menu( keyValues ) );
		for ( Throwable c = e; c != null; c = c.getCause() )
			if ( c instanceof BadInputException )
				return c.getMessage();
		throw new AssertionError( "no BadInputException in " + e );
	}
}
