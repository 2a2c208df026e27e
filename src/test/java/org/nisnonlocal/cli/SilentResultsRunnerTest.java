package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * The runner's side of issue 13's "silent wrong results", what must come out: the offset estimate's
 * {@code bias_offset} and {@code bias_offset_error}, the sweep shift's {@code sweep_shift.x}, {@code sweep_shift.y} and
 * {@code --align}, an overlay of a simulation whose unit is stated. The refusals (cuts --every 0, offset --value 1e300,
 * dos --delta 0, overlay of a map in Ω, an undetermined offset, disjoint grids, …) are cases of {@link HostileInputTest}.
 */
class SilentResultsRunnerTest
{
	@TempDir
	Path dir;

	private final Runner r = new Runner();

	private static final Path PLUS = RunnerTest.EXAMPLES.resolve( "example_Is+10uA.csv" ), MINUS = RunnerTest.EXAMPLES.resolve( "example_Is-10uA.csv" );

	@Test
	void overlayTakesASimulationInModelUnitsStated() throws Exception
	{
		final String stated = new HostileInputTest.Fixture( dir ).simulated( "stated.csv", "Vinj (eV/Δ0),Vdet (eV/Δ0),g (1)" );
		assertEquals( 0, r.run( "overlay", "--measured", PLUS.toString(), "--simulated", stated, "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.54", "--out",
				dir.resolve( "ov" ).toString() ), r.err() );
		assertTrue( Files.isRegularFile( dir.resolve( "ov/residual.csv" ) ) );
	}

	@Test
	void offsetEstimateRecordsItsError() throws Exception
	{
		final Path out = dir.resolve( "off.csv" );
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
	}

	/** A broad peak in V_inj that steps where the field flips the film's magnetization (B = −10 mT). */
	private static double feature( final double v, final double bmT )
	{
		return Math.exp( -Math.pow( v - 0.1, 2 ) / 0.08 ) * ( 1 + 0.3 * Math.tanh( ( bmT + 10 ) / 6 ) );
	}
}
