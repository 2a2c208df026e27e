package org.nisnonlocal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Units;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The energy-mode menu command's gap-profile choice, headless on a coarse, short sweep (below the fold: seconds). */
class EnergyModeMenuTest
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

	private static CommandModule run( final String profile ) throws Exception
	{
		final Map< String, Object > in = new HashMap<>();
		in.put( "gap_profile", profile );
		in.put( "de", 0.05 );
		in.put( "vinj_to", 0.5 );
		in.put( "vinj_step", 0.25 );
		in.put( "vdet_max", 1.0 );
		in.put( "vdet_step", 0.5 );
		return cs.run( EnergyModeCommand.class, false, in ).get();
	}

	@Test
	void localProfileShowsDeltaOfXAsACalibratedImageAndBothGapsInTheTable() throws Exception
	{
		final CommandModule m = run( "local" );
		final ConductanceMap dx = ImagePlusBridge.fromImagePlus( ( ImagePlus ) m.getOutput( "delta_x" ) );
		// x resampled uniformly from the injector to the reservoir at the finest node spacing; one row per bias
		assertEquals( "ξ", dx.xAxis().unit() );
		assertEquals( 0, dx.xAxis().min(), 0 );
		assertEquals( 169.2 / 2, dx.xAxis().max(), 1e-9 );
		assertEquals( 401, dx.width() );
		assertEquals( Units.EV_PER_DELTA0, dx.yAxis().unit() );
		assertEquals( 3, dx.height() );
		assertEquals( 0.25, dx.yAxis().step(), 1e-12 );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "delta_table" );
		for ( int b = 0; b < 3; b++ )
		{
			// the image's x = 0 column is the injector's Δ of the table (float precision)
			assertEquals( t.getValue( "delta", b ), dx.get( 0, b ), 1e-6 );
			assertTrue( t.getValue( "delta_detector", b ) >= t.getValue( "delta", b ) - 1e-9, "bias " + b );
		}
		assertNotNull( m.getOutput( "g_sa" ) );
		assertEquals( 5, ( ( ImagePlus ) m.getOutput( "g_sa" ) ).getWidth() );
		assertNotNull( m.getOutput( "delta_plot" ) );
	}

	@Test
	void uniformProfileHasNoProfileImageAndTheDetectorSeesTheInjectorsGap() throws Exception
	{
		final CommandModule m = run( "uniform" );
		assertNull( m.getOutput( "delta_x" ) );
		// the electrode options (issue 18) are off by default: none of their outputs
		assertNull( m.getOutput( "delta_injector" ) );
		assertNull( m.getOutput( "delta_detector" ) );
		assertNull( m.getOutput( "lead_temperature" ) );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "delta_table" );
		for ( int b = 0; b < t.size(); b++ )
			assertEquals( t.getValue( "delta", b ), t.getValue( "delta_detector", b ), 0 );
		assertThrows( ExecutionException.class, () -> run( "spatial" ) );
	}
}
