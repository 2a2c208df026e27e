package org.nisnonlocal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.SyntheticMap;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.EnergyModeRun;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Synthesize Measured Map and Fit Model to Map headless, on a small coarse map (seconds). */
class ModelFitCommandsTest
{
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

	private static final Object[] SMALL = { "gamma_ee", 2e-4, "noise_sigma", 20.0, "offset_vinj", 0.0, "background", 0.0, "seed", 3, "de", 0.05, "vinj_max", 4.0, "vinj_step",
			0.25, "vdet_max", 1.5, "vdet_step", 0.25 };

	/** The BadInputException under the module's and the future's wrappers. */
	private static Throwable root( final Throwable e )
	{
		Throwable t = e;
		while ( !( t instanceof BadInputException ) && t.getCause() != null )
			t = t.getCause();
		return t;
	}

	private static Object[] with( final Object[] base, final Object... more )
	{
		final Object[] all = java.util.Arrays.copyOf( base, base.length + more.length );
		System.arraycopy( more, 0, all, base.length, more.length );
		return all;
	}

	@Test
	void synthesizeMakesTheSyntheticMapInModelOrPhysicalUnits() throws Exception
	{
		final ImagePlus model = ( ImagePlus ) run( SynthesizeMapCommand.class, SMALL ).getOutput( "synthetic" );
		final ConductanceMap m = ImagePlusBridge.fromImagePlus( model );
		assertEquals( 33, m.width() );
		assertEquals( 13, m.height() );
		assertEquals( Units.EV_PER_DELTA0, m.xAxis().unit() );
		final EnergyModeRun setup = new EnergyModeRun();
		setup.de = 0.05;
		final ConductanceMap direct = SyntheticMap.create( setup, 0.25, new Axis( "Vinj", Units.EV_PER_DELTA0, -4, 0.25, 33 ), new Axis( "Vdet", Units.EV_PER_DELTA0, -1.5, 0.25, 13 ),
				0, 0, 20, 3 );
		for ( int j = 0; j < 13; j++ )
			for ( int i = 0; i < 33; i++ )
				assertEquals( direct.get( i, j ), m.get( i, j ), 1e-6 * ( 1 + Math.abs( direct.get( i, j ) ) ) );
		assertTrue( m.metadata().get( MapMetadata.SOURCE ).contains( "gamma_ee=2.0E-4" ), m.metadata().get( MapMetadata.SOURCE ) );

		final ImagePlus phys = ( ImagePlus ) run( SynthesizeMapCommand.class, with( SMALL, "delta0_ev", 2.65e-4, "g_inj", 24.6e-6, "g_det", 20e-6, "r_xi", 8.54 ) )
				.getOutput( "synthetic" );
		final ConductanceMap p = ImagePlusBridge.fromImagePlus( phys );
		assertEquals( "mV", p.xAxis().unit() );
		assertEquals( "nS", p.valueUnit() );
		assertEquals( m.get( 5, 2 ) * 24.6e-6 * 20e-6 * 8.54 * 1e9, p.get( 5, 2 ), 1e-5 * Math.abs( p.get( 5, 2 ) ) );
		final ExecutionException e = assertThrows( ExecutionException.class, () -> run( SynthesizeMapCommand.class, with( SMALL, "delta0_ev", 2.65e-4 ) ) );
		assertTrue( root( e ).getMessage().contains( "g_inj" ), root( e ).getMessage() );
	}

	@Test
	void fitInsideASelectionWithFreeDelta0ScaleRecoversTheTruthAndLeavesTheImageAlone() throws Exception
	{
		final ImagePlus map = ( ImagePlus ) run( SynthesizeMapCommand.class, SMALL ).getOutput( "synthetic" );
		final float[] before = ( ( float[] ) map.getProcessor().getPixels() ).clone();
		// V_inj ≥ 1.5 is columns 22 … 32; rows 0 … 9 are V_det 1.5 … −0.75 (display order)
		map.setRoi( new Roi( 22, 0, 11, 10 ) );
		final CommandModule fit = run( FitModelToMapCommand.class, "map", map, "gamma_ee_start", 1e-4, "span", 1.0, "de", 0.05, "model_step", 0.25, "vinj_min", -100.0, "use_selection",
				true, "delta0_scale_free", true );
		final ResultsTable t = ( ResultsTable ) fit.getOutput( "fit_parameters" );
		final Map< String, double[] > rows = new HashMap<>();
		for ( int k = 0; k < t.size(); k++ )
			rows.put( t.getStringValue( "name", k ), new double[] { t.getValueAsDouble( t.getColumnIndex( "value" ), k ), t.getValueAsDouble( t.getColumnIndex( "error" ), k ) } );
		final double g = rows.get( "gamma_ee" )[ 0 ], err = rows.get( "gamma_ee" )[ 1 ];
		assertTrue( Math.abs( g - 2e-4 ) < 3 * err, g + " ± " + err + "\n" + fit.getOutput( "report" ) );
		// the map was made with s = 1
		assertTrue( Math.abs( rows.get( "delta0_scale" )[ 0 ] - 1 ) < 3 * rows.get( "delta0_scale" )[ 1 ], fit.getOutput( "report" ).toString() );
		final double rho = rows.get( "correlation_gamma_ee_delta0_scale" )[ 0 ];
		assertTrue( rho > -1 && rho < 1, "correlation " + rho );
		assertEquals( 110, rows.get( "points" )[ 0 ], 0 );
		final ConductanceMap res = ImagePlusBridge.fromImagePlus( ( ImagePlus ) fit.getOutput( "residual" ) );
		assertTrue( Float.isNaN( res.get( 21, 12 ) ) && Float.isNaN( res.get( 25, 0 ) ) && !Float.isNaN( res.get( 25, 5 ) ) );
		assertTrue( fit.getOutput( "chi2_profile" ) instanceof ImagePlus );
		assertEquals( java.util.Arrays.toString( before ), java.util.Arrays.toString( ( float[] ) map.getProcessor().getPixels() ) );

		map.deleteRoi();
		final ExecutionException e = assertThrows( ExecutionException.class, () -> run( FitModelToMapCommand.class, "map", map, "use_selection", true ) );
		assertTrue( root( e ).getMessage().contains( "no area selection" ), root( e ).getMessage() );
	}
}
