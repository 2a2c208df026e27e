package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * The runner's side of issue 13's "silent wrong results": parameters and inputs that used to be accepted now exit 2 with
 * one line, the offset estimate's contract ({@code bias_offset}, {@code bias_offset_error}, or a refusal) and the
 * sweep shift's ({@code sweep_shift.x}, {@code sweep_shift.y}, {@code --align}).
 */
class SilentResultsRunnerTest
{
	@TempDir
	Path dir;

	private final Runner r = new Runner();

	private static final Path PLUS = RunnerTest.EXAMPLES.resolve( "example_Is+10uA.csv" ), MINUS = RunnerTest.EXAMPLES.resolve( "example_Is-10uA.csv" );

	private void refused( final String expected, final String... argv )
	{
		assertEquals( 2, r.run( argv ), r.err() );
		assertEquals( 1, r.err().trim().split( "\n" ).length, r.err() );
		assertTrue( r.err().contains( expected ), r.err() );
		assertFalse( r.err().contains( "\tat " ), r.err() );
	}

	@Test
	void parametersThatMadeNoSenseAreRefused() throws Exception
	{
		final Path out = dir.resolve( "o.csv" );
		refused( "cuts: --every 0: give a positive number of rows", "cuts", "--in", PLUS.toString(), "--axis", "vdet", "--every", "0", "--out", out.toString() );
		refused( "cuts: --every -1: give a positive number of rows", "cuts", "--in", PLUS.toString(), "--axis", "vdet", "--every", "-1", "--out", out.toString() );
		refused( "offset: bias offset 1e+300 mV is larger than the whole measured Vinj range -0.6 … 0.6 mV", "offset", "--in", PLUS.toString(), "--value", "1e300", "--out", out.toString() );
		refused( "dos: --delta must be > 0, got 0.0", "dos", "--delta", "0", "--out", out.toString() );
		final Path same = dir.resolve( "same.csv" );
		refused( same + ": --spectrum-out would overwrite the map (--out)", "synthesize", "--vinj-from", "-2", "--vinj-to", "2", "--vinj-step", "0.5", "--vdet-from", "-1", "--vdet-to", "1", "--vdet-step",
				"0.5", "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54", "--spectrum-out", same.toString(), "--out", same.toString() );
		refused( ": --spectrum-out would overwrite same.csv.params.txt", "synthesize", "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54", "--spectrum-out", same + ".params.txt",
				"--out", same.toString() );
		assertFalse( Files.exists( out ) || Files.exists( same ) );
	}

	/** A simulated map in model units (eV/Δ0), written with a header of our choosing and no sidecar. */
	private Path simulated( final String name, final String header )
	{
		final List< String > lines = new ArrayList<>();
		lines.add( header );
		for ( int j = 0; j <= 8; j++ )
			for ( int i = 0; i <= 16; i++ )
				lines.add( String.format( Locale.ROOT, "%.2f,%.2f,%.4f", -4 + 0.5 * i, -2 + 0.5 * j, Math.sin( -4 + 0.5 * i ) * ( -2 + 0.5 * j ) ) );
		try
		{
			return Files.write( dir.resolve( name ), lines, StandardCharsets.UTF_8 );
		}
		catch ( final java.io.IOException e )
		{
			throw new java.io.UncheckedIOException( e );
		}
	}

	@Test
	void overlayWantsASimulationInModelUnitsStated()
	{
		final String[] common = { "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54", "--out", dir.resolve( "ov" ).toString() };
		final Path noUnit = simulated( "nounit.csv", "Vinj (eV/Δ0),Vdet (eV/Δ0),g" );
		refused( "the simulated values have no unit (\"1\" was assumed at import)", Runner.concat( new String[] { "overlay", "--measured", PLUS.toString(), "--simulated", noUnit.toString() }, common ) );
		final Path ohm = simulated( "ohm.csv", "Vinj (eV/Δ0),Vdet (eV/Δ0),g (ohm)" );
		refused( "the simulated values are in Ω (g/(G_inj·G_det), a normalized measurement)", Runner.concat( new String[] { "overlay", "--measured", PLUS.toString(), "--simulated", ohm.toString() }, common ) );
		final Path stated = simulated( "stated.csv", "Vinj (eV/Δ0),Vdet (eV/Δ0),g (1)" );
		assertEquals( 0, r.run( Runner.concat( new String[] { "overlay", "--measured", PLUS.toString(), "--simulated", stated.toString() }, common ) ), r.err() );
	}

	@Test
	void offsetEstimateRecordsItsErrorOrSaysTheSymmetryDoesNotDetermineIt() throws Exception
	{
		final Path out = dir.resolve( "off.csv" );
		refused( PLUS + ": the map's symmetry does not determine the offset along Vinj", "offset", "--in", PLUS.toString(), "--estimate", "even", "--out", out.toString() );
		refused( "does not determine the offset", "offset", "--in", PLUS.toString(), "--estimate", "odd", "--out", out.toString() );
		assertFalse( Files.exists( out ) );
		// the pair's current-odd part has one parity: its offset is the example's +4 µV
		assertEquals( 0, r.run( "decompose", "--in", PLUS.toString(), "--minus", MINUS.toString(), "--out", dir.toString() ), r.err() );
		assertEquals( 0, r.run( "offset", "--in", dir.resolve( "g_a.csv" ).toString(), "--estimate", "odd", "--out", out.toString() ), r.err() );
		final MapMetadata md = MapFiles.read( out ).metadata();
		final double offset = md.number( "bias_offset" ), error = md.number( "bias_offset_error" );
		assertEquals( 4e-6, offset, 10e-6, md.toString() ); // half a step
		assertEquals( 4e-6, offset, 3 * error, md.toString() );
		assertTrue( error > 0 && error < 1e-6, md.toString() );
	}

	@Test
	void averageReportsAndRecordsBothShiftsAndAligns() throws Exception
	{
		// 11 points along V_inj (the old search refused them), 41 rows in field; the second sweep 5 rows and 0.4 step later
		final Axis x = Axis.between( "Vinj", "mV", -0.5, 0.5, 11 ), b = Axis.between( "B", "mT", -40, 40, 41 );
		final double sx = 0.4 * x.step(), sy = 5 * b.step();
		final Path up = dir.resolve( "up.csv" ), down = dir.resolve( "down.csv" ), mean = dir.resolve( "mean.csv" );
		MapFiles.write( ConductanceMap.fromFunction( x, b, "G", "nS", null, ( i, j ) -> feature( x.value( i ), b.value( j ) ) ), up );
		MapFiles.write( ConductanceMap.fromFunction( x, b, "G", "nS", null, ( i, j ) -> feature( x.value( i ) - sx, b.value( j ) - sy ) ), down );
		for ( final boolean align : new boolean[] { false, true } )
		{
			final String[] argv = { "average", "--in", up + "," + down, "--out", mean.toString() };
			assertEquals( 0, r.run( align ? Runner.concat( argv, "--align" ) : argv ), r.err() );
			final MapMetadata md = MapFiles.read( mean ).metadata();
			assertEquals( 10, md.number( "sweep_shift.y" ), 0.2, md.toString() );
			assertEquals( sx, md.number( "sweep_shift.x" ), 0.05 * x.step(), md.toString() );
			assertEquals( align, md.history().stream().anyMatch( h -> h.endsWith( " aligned=true" ) ), md.toString() );
		}
		// disjoint grids: refused naming both files
		final Axis far = Axis.between( "Vinj", "mV", 1, 2, 11 );
		final Path other = dir.resolve( "far.csv" );
		MapFiles.write( ConductanceMap.fromFunction( far, b, "G", "nS", null, ( i, j ) -> 1 ), other );
		refused( "average: " + other + " ([1, 2] mV × [-40, 40] mT) covers none of the 451 grid points of " + up, "average", "--in", up + "," + other, "--out", dir.resolve( "m2.csv" ).toString() );
	}

	/** A broad peak in V_inj that steps where the field flips the film's magnetization (B = −10 mT). */
	private static double feature( final double v, final double bmT )
	{
		return Math.exp( -Math.pow( v - 0.1, 2 ) / 0.08 ) * ( 1 + 0.3 * Math.tanh( ( bmT + 10 ) / 6 ) );
	}
}
