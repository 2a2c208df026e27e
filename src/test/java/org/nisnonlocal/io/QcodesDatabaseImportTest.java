package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.FolderSnapshot;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Spectrum;

/**
 * QCoDeS databases nobody here wrote (shared/data/formats/microsoft_Qcodes and nanophys_MeasureIt). Reference values
 * come from outside the importer: the sqlite3 command-line tool ({@code sqlite3 'file:tutorial_doND.db?immutable=1'
 * 'select * from "results-1-8" limit 5'}), numpy ({@code np.load} of the blob cells, python3's sqlite3 module), and
 * a plain SQL query written here that walks all 4200 rows of run 8.
 */
class QcodesDatabaseImportTest
{
	static Path tutorial() { return SharedData.formats( "microsoft_Qcodes/tutorial_doND.db" ); }

	@Test
	void raggedRun8BecomesAMapOnTheUnionGridWithNaNWhereNothingWasMeasured() throws Exception
	{
		final ImportedMap im = MapFiles.read( tutorial(), new MapImportOptions() );
		final ConductanceMap m = im.map();
		// osc_npts ∈ {200, …, 1200} (outer, y); osc_time_axis = k · 1 ms for k < osc_npts (inner, x)
		assertEquals( 1200, m.width() );
		assertEquals( 6, m.height() );
		assertEquals( "osc_time_axis", m.xAxis().name() );
		assertEquals( "s", m.xAxis().unit() );
		assertEquals( 0, m.xAxis().min(), 1e-12 );
		assertEquals( 1.199, m.xAxis().max(), 1e-9 );
		assertEquals( 200, m.yAxis().min(), 1e-9 );
		assertEquals( 1200, m.yAxis().max(), 1e-9 );
		assertEquals( "V", m.valueUnit() );
		assertEquals( "osc_trace", m.quantity() );
		assertEquals( 4200, m.validCount() );
		// sqlite3: rows 1 and 5 of results-1-8 are (200, 0, 0.11750919442124211) and (200, 0.004, 0.16697210980860916)
		assertEquals( 0.11750919442124211, m.get( 0, 0 ), 1e-7 );
		assertEquals( 0.16697210980860916, m.get( 4, 0 ), 1e-7 );
		assertTrue( Float.isNaN( m.get( 200, 0 ) ), "t = 0.2 s was not measured at osc_npts = 200" );
		assertFalse( Float.isNaN( m.get( 1199, 5 ) ) );
		assertTrue( im.report().stream().anyMatch( l -> l.startsWith( "ragged sweep" ) ), im.report().toString() );
		assertEquals( "8", m.metadata().get( "qcodes_run_id" ) );
		assertEquals( "aaaaaaaa-0d00-000f-0000-016f5b7f1ab4", m.metadata().get( "qcodes_guid" ) );
		assertEquals( "tutorial_exp", m.metadata().get( "qcodes_experiment" ) );
		assertTrue( m.metadata().get( "qcodes_run_timestamp" ).startsWith( "2019-12-31T10:27:34" ) );

		// every row, by a query written here: value at (round(t/1ms), npts/200 − 1)
		try (Connection c = DriverManager.getConnection( "jdbc:sqlite:" + QcodesDatabase.uri( tutorial() ) ); Statement s = c.createStatement();
				ResultSet r = s.executeQuery( "SELECT osc_npts, osc_time_axis, osc_trace FROM \"results-1-8\"" ))
		{
			int n = 0;
			while ( r.next() )
			{
				final int j = r.getInt( 1 ) / 200 - 1, i = ( int ) Math.round( r.getDouble( 2 ) / 1e-3 );
				assertEquals( ( float ) r.getDouble( 3 ), m.get( i, j ), 0f, "row " + ( n + 1 ) );
				n++;
			}
			assertEquals( 4200, n );
		}
	}

	@Test
	void arrayBlobsOfA1DRunAreASpectrum() throws Exception
	{
		final Spectrum s = SpectrumFiles.read( tutorial(), null, "forward", "1" );
		// numpy: np.load(blob) of run 1 → 500 points, t 0 … 0.499 s, osc_trace[0] = 0.0856700056577, [1] = 0.011584999729293756, [499] = -0.04276329214596074
		assertEquals( 500, s.size() );
		assertEquals( 0.499, s.bias( 499 ), 1e-12 );
		assertEquals( "s", s.biasUnit() );
		assertEquals( 0.0856700056577, s.value( 0 ), 0 );
		assertEquals( 0.011584999729293756, s.value( 1 ), 0 );
		assertEquals( -0.04276329214596074, s.value( 499 ), 0 );
		final Spectrum p = SpectrumFiles.read( tutorial(), "osc_periodogram", "forward", "4" );
		assertEquals( "V^2/Hz", p.valueUnit() );
		assertEquals( 100.0, p.bias( 499 ), 0 );
		assertEquals( 10.023881698927164, p.value( 3 ), 0 );
	}

	@Test
	void a1DRunIsRefusedAsAMapWithTheReason()
	{
		final Path tutorial = tutorial(); // outside assertThrows: without the shared data the test is skipped, not failed
		final BadInputException e = assertThrows( BadInputException.class, () -> MapFiles.read( tutorial, new MapImportOptions().run( "3" ) ) );
		assertTrue( e.getMessage().contains( "run 3 has no 2D dependent" ) && e.getMessage().contains( "spectrum" ), e.getMessage() );
		final BadInputException u = assertThrows( BadInputException.class, () -> MapFiles.read( tutorial, new MapImportOptions().run( "99" ) ) );
		assertTrue( u.getMessage().contains( "unknown run 99" ), u.getMessage() );
		final Path testing = SharedData.formats( "microsoft_Qcodes/testing.db" );
		final BadInputException none = assertThrows( BadInputException.class, () -> MapFiles.read( testing, new MapImportOptions() ) );
		assertTrue( none.getMessage().contains( "no run has a dependent on two setpoints" ), none.getMessage() );
	}

	@Test
	void sparseRowsOfMeasureItAreSkippedAndABidirectionalSweepKeepsItsFirstDirection() throws Exception
	{
		final Path f = SharedData.formats( "nanophys_MeasureIt/Example_database.db" );
		final Spectrum s = SpectrumFiles.read( f, "test_instrument0_parabola", "forward", "6" );
		// sqlite3: 65 rows of results-6-1 hold test_instrument0_parabola; x goes −2.5 … 2.5 by 0.1, then 2.7, then back
		assertEquals( 52, s.size() );
		assertEquals( -2.5, s.bias( 0 ), 1e-12 );
		assertEquals( 2.5, s.bias( 50 ), 1e-12 );
		assertEquals( 2.7, s.bias( 51 ), 1e-12 );
		assertEquals( 14.0593280961359, s.value( 0 ), 1e-12 );
		assertEquals( 13.3794059151318, s.value( 1 ), 1e-12 );
		assertEquals( "1", s.valueUnit() ); // QCoDeS "a.u.": the plugin spells an arbitrary unit "1"
		assertTrue( s.metadata().get( "qcodes_sweep" ).contains( "52 of 65" ), s.metadata().toString() );
	}

	@Test
	void openingNeverWritesNextToTheDatabase( @TempDir final Path dir ) throws Exception
	{
		// a WAL-mode database: opened without immutable=1, SQLite would create -shm and -wal here even to read
		final Path copy = Files.copy( tutorial(), dir.resolve( "tutorial doND #1.db" ) );
		final Map< String, String > before = FolderSnapshot.of( dir );
		MapFiles.read( copy, new MapImportOptions() );
		MeasurementFiles.contents( copy );
		SpectrumFiles.read( copy, null, "forward", "2" );
		assertEquals( before, FolderSnapshot.of( dir ) );
	}

	@Test
	void contentsListRunsParametersAndUnits()
	{
		final FileContents c = MeasurementFiles.contents( tutorial() );
		assertEquals( 13, c.runs().size() );
		assertTrue( c.runs().get( 7 ).startsWith( "8: results (tutorial_exp" ), c.runs().get( 7 ) );
		assertTrue( c.table().stream().anyMatch( l -> l.matches( "8\\s+.*osc_trace\\s+dependent \\(2D\\)\\s+osc_npts,osc_time_axis\\s+4200 rows\\s+V\\s+Signal" ) ), String.join( "\n", c.table() ) );
	}
}
