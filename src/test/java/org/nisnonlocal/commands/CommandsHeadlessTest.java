package org.nisnonlocal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The SciJava commands run headless through the CommandService, as Fiji scripts and --headless runs use them. */
class CommandsHeadlessTest
{
	private static final Path EXAMPLES = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );
	private static Context ctx;
	private static CommandService cs;

	@BeforeAll
	static void context()
	{
		ctx = new Context( CommandService.class );
		cs = ctx.service( CommandService.class );
	}

	@AfterAll
	static void dispose() { ctx.dispose(); }

	private static CommandModule run( final Class< ? extends org.scijava.command.Command > c, final Object... kv ) throws Exception
	{
		final Map< String, Object > in = new HashMap<>();
		for ( int k = 0; k < kv.length; k += 2 )
			in.put( ( String ) kv[ k ], kv[ k + 1 ] );
		return cs.run( c, false, in ).get();
	}

	private static ImagePlus importExample( final String name ) throws Exception
	{
		return ( ImagePlus ) run( ImportMapCommand.class, "file", EXAMPLES.resolve( name ).toFile(), "layout", "auto", "x_column", "",
				"y_column", "", "value_column", "", "x_unit", "", "y_unit", "", "value_unit", "", "retrace", "average", "resample", false ).getOutput( "map" );
	}

	@Test
	void importThenNormalizeGivesOhmAndGapUnits() throws Exception
	{
		final ImagePlus imp = importExample( "example_Is+10uA.csv" );
		assertEquals( 61, imp.getWidth() );
		assertEquals( "mV", imp.getCalibration().getXUnit() );
		final ImagePlus n = ( ImagePlus ) run( NormalizeCommand.class, "map", imp, "conductance", "junctions", "g_inj", 0.0, "g_det", 0.0,
				"r_xi", 0.0, "bias_in_gap_units", true, "delta0_ev", 0.0 ).getOutput( "normalized" );
		final ConductanceMap m = ImagePlusBridge.fromImagePlus( n );
		assertEquals( Units.OHM, m.valueUnit() );
		assertEquals( Units.EV_PER_DELTA0, m.xAxis().unit() );
		assertEquals( -0.6 / 0.265, m.xAxis().min(), 1e-9 );
		final ConductanceMap raw = ImagePlusBridge.fromImagePlus( imp );
		assertEquals( raw.get( 3, 4 ) * 1e-9 / ( 24.6e-6 * 20e-6 ), m.get( 3, 4 ), 1e-6 * Math.abs( m.get( 3, 4 ) ) );
		assertEquals( "example_Is+10uA_normalized", n.getTitle() );
	}

	@Test
	void decomposeCommandSplitsExactly() throws Exception
	{
		final ImagePlus imp = importExample( "example_Is+10uA.csv" );
		final CommandModule m = run( DecomposeCommand.class, "map", imp, "axis", "vinj" );
		final ConductanceMap even = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "even" ) );
		final ConductanceMap odd = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "odd" ) );
		final ConductanceMap in = ImagePlusBridge.fromImagePlus( imp );
		for ( int j = 0; j < in.height(); j++ )
			for ( int i = 0; i < in.width(); i++ )
				assertEquals( in.get( i, j ), even.get( i, j ) + odd.get( i, j ), 1e-6 );
		assertTrue( ( ( String ) m.getOutput( "report" ) ).contains( "symmetric about 0" ) );
		assertEquals( "g_sa", odd.quantity() );
	}

	@Test
	void pairWithoutRecordedCurrentsNeedsConfirmation() throws Exception
	{
		final ImagePlus plus = importExample( "example_Is+10uA.csv" );
		final ConductanceMap stripped = ImagePlusBridge.fromImagePlus( importExample( "example_Is-10uA.csv" ) );
		final ImagePlus minus = ImagePlusBridge.toImagePlus( stripped.withMetadata( stripped.metadata().with( MapMetadata.SUPERCURRENT_A, ( String ) null ) ), "minus" );
		final ExecutionException e = assertThrows( ExecutionException.class, () -> run( DecomposePairCommand.class, "plus_map", plus,
				"minus_map", minus, "axis", "vinj", "confirm_pair", false, "resample", false ) );
		Throwable t = e;
		while ( t != null && !( t instanceof BadInputException ) )
			t = t.getCause();
		assertTrue( t != null && t.getMessage().contains( "confirm" ), String.valueOf( t ) );
		final CommandModule ok = run( DecomposePairCommand.class, "plus_map", plus, "minus_map", minus, "axis", "vinj", "confirm_pair", true, "resample", false );
		assertEquals( 61, ( ( ImagePlus ) ok.getOutput( "g_a" ) ).getWidth() );
	}

	@Test
	void exportWritesCsvThatReadsBack() throws Exception
	{
		final ImagePlus imp = importExample( "example_Is-10uA.csv" );
		final File csv = File.createTempFile( "nis-export", ".csv" );
		csv.deleteOnExit();
		run( ExportMapCommand.class, "map", imp, "csv", csv, "csv_layout", "matrix" );
		final ConductanceMap back = org.nisnonlocal.io.MapFiles.read( csv.toPath() );
		final ConductanceMap in = ImagePlusBridge.fromImagePlus( imp );
		for ( int k = 0; k < in.data().length; k++ )
			assertEquals( in.data()[ k ], back.data()[ k ], 0f );
		new File( csv + ".meta" ).deleteOnExit();
	}

	@Test
	void fitPhaseGradientMapRecoversTheGradient() throws Exception
	{
		final org.nisnonlocal.physics.SupercurrentModel model = new org.nisnonlocal.physics.SupercurrentModel( 1.53e-3, 2.1e-4, 4.62, 169, 0.0198, 0.0078, false );
		final org.nisnonlocal.maps.Axis x = new org.nisnonlocal.maps.Axis( "Vinj", Units.EV_PER_DELTA0, -2, 0.1, 41 );
		final org.nisnonlocal.maps.Axis y = new org.nisnonlocal.maps.Axis( "Vdet", Units.EV_PER_DELTA0, -0.2, 0.04, 11 );
		final ImagePlus imp = ImagePlusBridge.toImagePlus( org.nisnonlocal.fit.SyntheticMap.supercurrentGa( model, x, y, 0.15, 1, 0, 1 ), "ga.tif" );
		final CommandModule m = run( FitPhaseGradientMapCommand.class, "map", imp, "is_ua", 7.0, "vinj_min", 0.0, "vinj_max", Double.NaN, "vdet_min", Double.NaN, "vdet_max",
				Double.NaN, "sigma", 0.0, "fit_amplitude", false );
		final ij.measure.ResultsTable t = ( ij.measure.ResultsTable ) m.getOutput( "parameters" );
		assertEquals( "phase_gradient", t.getStringValue( "name", 0 ) );
		assertEquals( 0.15, t.getValue( "value", 0 ), 1e-4 * 0.15 );
		assertEquals( "I_s_uA", t.getStringValue( "name", 2 ) );
		assertEquals( 7.0, t.getValue( "value", 2 ), 0 );
		assertEquals( "points", t.getStringValue( "name", 5 ) );
		// V_inj 0 … 2: 21 columns × 11 rows
		assertEquals( 21 * 11, t.getValue( "value", 5 ), 0 );
		final ConductanceMap fit = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "fit" ) );
		final ConductanceMap res = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "residual" ) );
		assertEquals( "ga_g_a_fit", ( ( ImagePlus ) m.getOutput( "fit" ) ).getTitle() );
		assertTrue( Float.isNaN( fit.get( 0, 0 ) ) );
		final ConductanceMap in = ImagePlusBridge.fromImagePlus( imp );
		assertEquals( in.get( 30, 5 ), fit.get( 30, 5 ), 1e-5 );
		assertEquals( 0, res.get( 30, 5 ), 1e-5 );
		assertTrue( ( ( String ) m.getOutput( "report" ) ).contains( "∂xφ = 0.15000" ), ( String ) m.getOutput( "report" ) );
	}
}
