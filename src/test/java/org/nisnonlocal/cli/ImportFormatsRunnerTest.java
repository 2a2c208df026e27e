package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.TiffMapIO;
import org.nisnonlocal.maps.ConductanceMap;

/** The runner on measurement files: inspect's table, convert's choices (bad files are cases of {@link HostileInputTest}). */
class ImportFormatsRunnerTest
{
	private final Runner runner = new Runner();

	private String stdout( final String... argv )
	{
		final PrintStream old = System.out;
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		System.setOut( new PrintStream( b, true ) );
		try
		{
			assertEquals( 0, runner.run( argv ), runner.err() );
		}
		finally
		{
			System.setOut( old );
		}
		return new String( b.toByteArray(), StandardCharsets.UTF_8 );
	}

	@Test
	void inspectPrintsOneTableOfRunsAndParameters()
	{
		final Path db = SharedData.formats( "microsoft_Qcodes/tutorial_doND.db" );
		final String out = stdout( "inspect", "--in", db.toString() );
		assertTrue( out.contains( "QCoDeS SQLite database (user_version 8)" ), out );
		assertTrue( out.contains( "default map: run 8, osc_trace against osc_npts (y) and osc_time_axis (x)" ), out );
		assertEquals( 1, out.lines().filter( l -> l.startsWith( "run  " ) ).count(), "one header line: " + out );
		assertEquals( 11 * 2 + 2 * 3, out.lines().filter( l -> l.matches( "\\d+\\s+results.*" ) ).count(), out ); // 11 1D runs of 2 parameters, runs 8 and 13 of 3
	}

	@Test
	void convertTakesRunAndParameterNames( @TempDir final Path dir ) throws Exception
	{
		final Path h5 = SharedData.formats( "qipe-nlab_Labber-PSICT/Spectrum.hdf5" );
		final Path out = dir.resolve( "amp.tif" );
		// the other way round: amplitude as x, frequency as y
		assertEquals( 0, runner.run( "convert", "--in", h5.toString(), "--x", "Simulator - Drive amplitude", "--y", "Simulator - Drive frequency", "--out", out.toString() ), runner.err() );
		final ConductanceMap m = TiffMapIO.read( out );
		assertEquals( 50, m.width() );
		assertEquals( 101, m.height() );
		assertEquals( 0.167585, m.get( 49, 100 ), 1e-6 ); // h5dump: Data[100, 2, 49]
		// every verb that reads a MAP goes through the same import: crop the legacy QCoDeS map by its P3 range
		final Path csd = SharedData.formats( "QuTech-Delft_qtt/charge_stability_diagram_anti_crossing.hdf5" );
		final Path crop = dir.resolve( "crop.csv" );
		assertEquals( 0, runner.run( "crop", "--in", csd.toString(), "--vinj-min", "-10", "--vinj-max", "0", "--out", crop.toString() ), runner.err() );
		final ConductanceMap c = MapFiles.read( crop );
		assertTrue( c.xAxis().min() >= -10 && c.xAxis().max() <= 0 && c.height() == 60, c.toString() );
	}
}
