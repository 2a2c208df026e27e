package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions.Retrace;
import org.nisnonlocal.maps.ConductanceMap;

class LongFormatImportTest
{
	@TempDir
	Path dir;

	/** A value that tells the grid point apart: 0.5 + 0.01·x + 0.1·y. */
	private static double f( final double x, final double y )
	{
		return 0.5 + 0.01 * x + 0.1 * y;
	}

	private static String row( final String sep, final double x, final double y, final double g )
	{
		return String.format( Locale.ROOT, "%s%s%s%s%s", Numbers.format( x ), sep, Numbers.format( y ), sep, Numbers.format( g ) );
	}

	private static String report( final ImportedMap m )
	{
		return String.join( "\n", m.report() );
	}

	@Test
	void shuffledRowsWithHeaderUnits() throws IOException
	{
		final List< String > rows = new ArrayList<>();
		for ( int j = 0; j < 5; j++ )
			for ( int i = 0; i < 9; i++ )
				rows.add( row( ",", -20 + 5 * i, -10 + 5 * j, f( -20 + 5 * i, -10 + 5 * j ) ) );
		Collections.shuffle( rows, new Random( 42 ) );
		rows.add( 0, "Vinj (uV),Vdet (uV),g" );
		final Path file = TestFiles.write( dir, "shuffled.csv", rows );
		final List< Path > before;
		try (Stream< Path > s = Files.list( dir ))
		{
			before = s.sorted().collect( Collectors.toList() );
		}
		final ImportedMap im = TextMapImporter.read( file, new MapImportOptions() );
		final ConductanceMap m = im.map();
		assertEquals( "Vinj", m.xAxis().name() );
		assertEquals( "µV", m.xAxis().unit() );
		assertEquals( "Vdet", m.yAxis().name() );
		assertEquals( "µV", m.yAxis().unit() );
		assertEquals( -20, m.xAxis().origin(), 0 );
		assertEquals( 5, m.xAxis().step(), 1e-15 );
		assertEquals( 9, m.width() );
		assertEquals( -10, m.yAxis().origin(), 0 );
		assertEquals( 5, m.height() );
		for ( int j = 0; j < 5; j++ )
			for ( int i = 0; i < 9; i++ )
				assertEquals( ( float ) f( -20 + 5 * i, -10 + 5 * j ), m.get( i, j ), 0f );
		assertTrue( im.report().contains( "rows are not in sweep order: no retrace detection" ), report( im ) );
		assertTrue( im.report().contains( "missing points: none" ), report( im ) );
		// the importer wrote nothing beside the file
		try (Stream< Path > s = Files.list( dir ))
		{
			assertEquals( before, s.sorted().collect( Collectors.toList() ) );
		}
	}

	@Test
	void repeatedSweepsAreAveraged()
	{
		final List< String > rows = new ArrayList<>();
		rows.add( "x\ty\tg" );
		for ( int sweep = 0; sweep < 2; sweep++ )
			for ( int j = 0; j < 3; j++ )
				for ( int i = 0; i < 4; i++ )
					rows.add( row( "\t", i, j, f( i, j ) + ( sweep == 0 ? 0.25 : -0.125 ) ) );
		rows.add( row( "\t", 3, 2, 7.0 ) ); // a third measurement of one point
		final Path file = TestFiles.write( dir, "repeated.tsv", rows );
		final ImportedMap im = TextMapImporter.read( file, null );
		final ConductanceMap m = im.map();
		assertEquals( 4, m.width() );
		assertEquals( 3, m.height() );
		assertEquals( ( float ) ( f( 1, 2 ) + 0.0625 ), m.get( 1, 2 ), 0f );
		assertEquals( ( float ) ( ( f( 3, 2 ) + 0.25 + f( 3, 2 ) - 0.125 + 7.0 ) / 3 ), m.get( 3, 2 ), 0f );
		assertTrue( im.report().contains( "repeated points: 12 grid points measured more than once (up to 3 times): averaged" ), report( im ) );
		assertTrue( im.report().stream().noneMatch( s -> s.startsWith( "retrace: 'x'" ) ), report( im ) );

		final ImportedMap first = TextMapImporter.read( file, new MapImportOptions().retrace( Retrace.FIRST ) );
		assertEquals( ( float ) ( f( 3, 2 ) + 0.25 ), first.map().get( 3, 2 ), 0f );
		assertEquals( ( float ) ( f( 0, 0 ) + 0.25 ), first.map().get( 0, 0 ), 0f );
		assertTrue( first.report().contains( "repeated points: 12 grid points measured more than once (up to 3 times): kept the first finite measurement" ), report( first ) );
	}

	/** Each y sweep goes x = 0…4 and back; the retrace reads 0.2 lower (hysteresis). */
	private Path retraceFile()
	{
		final List< String > rows = new ArrayList<>();
		rows.add( "Vinj,Vdet,g" );
		for ( int j = 0; j < 3; j++ )
		{
			for ( int i = 0; i <= 4; i++ )
				rows.add( row( ",", i, j, f( i, j ) + 0.1 ) );
			for ( int i = 4; i >= 0; i-- )
				rows.add( row( ",", i, j, f( i, j ) - 0.1 ) );
		}
		return TestFiles.write( dir, "retrace.csv", rows );
	}

	@Test
	void retraceIsDetectedAndAveraged()
	{
		final ImportedMap im = TextMapImporter.read( retraceFile(), null );
		final ConductanceMap m = im.map();
		assertEquals( 5, m.width() );
		assertEquals( 3, m.height() );
		for ( int j = 0; j < 3; j++ )
			for ( int i = 0; i <= 4; i++ )
				assertEquals( ( float ) ( ( f( i, j ) + 0.1 + f( i, j ) - 0.1 ) / 2 ), m.get( i, j ), 0f );
		// line 1 header, lines 2-6 up, 7 repeats x = 4, line 8 goes down
		assertTrue( im.report().contains( "retrace: 'Vinj' reverses direction in 3 of 3 sweeps (first at line 8, 'Vdet' = 0)" ), report( im ) );
		assertTrue( im.report().contains( "repeated points: 15 grid points measured more than once (up to 2 times): averaged" ), report( im ) );
	}

	@Test
	void retraceRejectedOrFirstKept()
	{
		final Path file = retraceFile();
		final BadInputException e = assertThrows( BadInputException.class, () -> TextMapImporter.read( file, new MapImportOptions().retrace( Retrace.REJECT ) ) );
		assertEquals( file + ":8: retrace: 'Vinj' reverses direction within the sweep at 'Vdet' = 0; import with retrace average or first", e.getMessage() );
		final ConductanceMap m = TextMapImporter.read( file, new MapImportOptions().retrace( Retrace.FIRST ) ).map();
		assertEquals( ( float ) ( f( 2, 1 ) + 0.1 ), m.get( 2, 1 ), 0f );
	}

	@Test
	void missingPointsAndAbsentGridLinesAreNaN()
	{
		final List< String > rows = new ArrayList<>();
		rows.add( "bias,B,cond" );
		int kept = 0;
		for ( int j = 0; j < 4; j++ )
			for ( final int i : new int[] { 0, 1, 2, 4, 5 } ) // x = 3 never measured
			{
				if ( j == 1 && i == 0 || j == 2 && i == 5 || j == 3 && i == 2 )
					continue; // three points never measured
				final boolean nan = j == 0 && i == 4 || j == 3 && i == 1;
				rows.add( nan ? Numbers.format( 0.1 * i ) + "," + Numbers.format( 0.01 * j ) + ",NaN" : row( ",", 0.1 * i, 0.01 * j, f( i, j ) ) );
				kept += nan ? 0 : 1;
			}
		final ImportedMap im = TextMapImporter.read( TestFiles.write( dir, "holes.csv", rows ), null );
		final ConductanceMap m = im.map();
		assertEquals( 6, m.width() );
		assertEquals( 4, m.height() );
		assertEquals( 0.1, m.xAxis().step(), 1e-15 );
		assertEquals( kept, m.validCount() );
		assertEquals( 15, kept );
		assertTrue( Float.isNaN( m.get( 3, 0 ) ) );
		assertTrue( Float.isNaN( m.get( 0, 1 ) ) );
		assertTrue( Float.isNaN( m.get( 4, 0 ) ) );
		assertEquals( ( float ) f( 5, 3 ), m.get( 5, 3 ), 0f );
		assertEquals( "B", m.yAxis().name() );
		assertTrue( im.report().contains( "missing points: 9 of 24 are NaN (7 never measured, 2 only NaN in the file)" ), report( im ) );
		assertTrue( im.report().contains( "'bias': 1 grid lines without any data (NaN)" ), report( im ) );
		assertTrue( im.report().contains( "17 data rows, 2 of them with a NaN value (missing point)" ), report( im ) );
	}

	private Path irregularFile()
	{
		final List< String > rows = new ArrayList<>();
		rows.add( "x,y,g" );
		for ( int j = 0; j < 3; j++ )
			for ( final int x : new int[] { 8, 5, 2, 1, 0 } ) // descending and irregular: steps 1, 1, 3, 3
				rows.add( row( ",", x, j, 3 * x + 2 * j ) );
		return TestFiles.write( dir, "irregular.csv", rows );
	}

	@Test
	void irregularGridIsRefused()
	{
		final Path file = irregularFile();
		final BadInputException e = assertThrows( BadInputException.class, () -> TextMapImporter.read( file, null ) );
		assertEquals( file + ":3: irregular grid in column 'x': steps vary from 1 to 3 (first 3 from 2 to 5); ask for resampling", e.getMessage() );
	}

	@Test
	void resamplingALinearFunctionIsExact()
	{
		final ImportedMap im = TextMapImporter.read( irregularFile(), new MapImportOptions().resample( true ) );
		final ConductanceMap m = im.map();
		assertEquals( 5, m.width() );
		assertEquals( 0, m.xAxis().origin(), 0 );
		assertEquals( 2, m.xAxis().step(), 0 );
		for ( int j = 0; j < 3; j++ )
			for ( int i = 0; i < 5; i++ )
				assertEquals( 3 * m.xAxis().value( i ) + 2 * j, m.get( i, j ), 0f );
		assertTrue( im.report().contains( "resampled 'x': irregular steps 1 to 3, linearly interpolated onto 5 uniform points" ), report( im ) );
		assertTrue( m.metadata().history().get( 0 ).endsWith( " resample=true" ) );
	}

	@Test
	void jitteredSetpointsAreOneGridLine()
	{
		final List< String > rows = new ArrayList<>();
		rows.add( "Vdet,Vinj,G" ); // columns in another order: picked by name
		for ( int j = 0; j < 3; j++ )
			for ( int i = 0; i < 4; i++ )
			{
				final double jitter = 1 + ( ( i + j ) % 2 == 0 ? 1e-12 : -1e-12 );
				rows.add( Numbers.format( ( 1e-4 * j - 1e-4 ) * jitter ) + "," + Numbers.format( 1e-3 * i * jitter ) + "," + Numbers.format( f( i, j ) ) );
			}
		final ConductanceMap m = TextMapImporter.read( TestFiles.write( dir, "jitter.csv", rows ), null ).map();
		assertEquals( 4, m.width() );
		assertEquals( 3, m.height() );
		assertEquals( "Vinj", m.xAxis().name() );
		assertEquals( 1e-3, m.xAxis().step(), 1e-14 );
		assertEquals( ( float ) f( 3, 2 ), m.get( 3, 2 ), 0f );
	}

	@Test
	void whitespaceWithCommentsAndNoHeader()
	{
		final Path file = TestFiles.write( dir, "plain.txt", "# measured 2026", "% more", "", "0   0  1.5  10", "1 0 2.5 20", "   0\t1 3.5 30", "1 1 4.5 40" );
		final ImportedMap im = TextMapImporter.read( file, new MapImportOptions().xUnit( "mV" ).yUnit( "mV" ) );
		final ConductanceMap m = im.map();
		assertTrue( im.report().get( 0 ).endsWith( "4 table lines, 2 comment lines, cells separated by whitespace" ), report( im ) );
		assertTrue( im.report().contains( "columns: x = column 1, y = column 2, value = column 4 (no header line: chosen by position)" ), report( im ) );
		assertEquals( 40f, m.get( 1, 1 ), 0f );
		assertEquals( 10f, m.get( 0, 0 ), 0f );
		assertEquals( "mV", m.xAxis().unit() );
		final ConductanceMap third = TextMapImporter.read( file, new MapImportOptions().valueColumn( "3" ) ).map();
		assertEquals( 2.5f, third.get( 1, 0 ), 0f );
		assertEquals( List.of( "import format=long x=#1 y=#2 value=#3" ), third.metadata().history() );
	}

	@Test
	void semicolonsWithDecimalCommaAndBracketUnits()
	{
		final Path file = TestFiles.write( dir, "euro.csv", "v_bias [V];magnet_bpar [mT];dI/dV [uS]", "0,5;-1;0,25", "1;-1;0,5", "0,5;1;0,75", "1;1;1" );
		final ImportedMap im = TextMapImporter.read( file, null );
		final ConductanceMap m = im.map();
		assertEquals( "Vinj", m.xAxis().name() );
		assertEquals( "V", m.xAxis().unit() );
		assertEquals( 0.5, m.xAxis().origin(), 0 );
		assertEquals( "B", m.yAxis().name() );
		assertEquals( "mT", m.yAxis().unit() );
		assertEquals( 2, m.yAxis().step(), 0 );
		assertEquals( "µS", m.valueUnit() );
		assertEquals( 0.75f, m.get( 0, 1 ), 0f );
		final Path tabs = TestFiles.write( dir, "euro.tsv", "Vinj\tVdet\tg", "0,5\t-1\t0,25", "1\t-1\t0,5", "0,5\t1\t0,75", "1\t1\t1" );
		assertEquals( 0.75f, TextMapImporter.read( tabs, null ).map().get( 0, 1 ), 0f );
	}

	@Test
	void valuesConvertedFromConductanceQuanta()
	{
		final Path file = TestFiles.write( dir, "g0.csv", "Vinj (mV),Vdet (mV),g (G0)", "0,0,1", "1,0,2", "0,1,0.5", "1,1,NaN" );
		final ConductanceMap m = TextMapImporter.read( file, new MapImportOptions().convertValuesTo( "S" ) ).map();
		assertEquals( "S", m.valueUnit() );
		assertEquals( ( float ) ( 2 * 7.748091729e-5 ), m.get( 1, 0 ), 0f );
		assertTrue( Float.isNaN( m.get( 1, 1 ) ) );
		final ConductanceMap scaled = TextMapImporter.read( file, new MapImportOptions().valueScale( 2, "e²/h" ) ).map();
		assertEquals( "e²/h", scaled.valueUnit() );
		assertEquals( 1f, scaled.get( 0, 1 ), 0f );
		final BadInputException e = assertThrows( BadInputException.class, () -> TextMapImporter.read( file, new MapImportOptions().convertValuesTo( "mV" ) ) );
		assertEquals( file + ": cannot convert values from G0 to mV (different kinds of unit)", e.getMessage() );
	}

	@Test
	void latin1HeaderAndWindowsLineEnds() throws IOException
	{
		final Path file = dir.resolve( "latin1.txt" );
		Files.write( file, "Vinj (\u00B5V)\tVdet (\u00B5V)\tG (nS)\r\n0\t0\t1\r\n5\t0\t2\r\n0\t5\t3\r\n5\t5\t4\r\n".getBytes( java.nio.charset.StandardCharsets.ISO_8859_1 ) );
		final ConductanceMap m = TextMapImporter.read( file, null ).map();
		assertEquals( "µV", m.xAxis().unit() );
		assertEquals( "nS", m.valueUnit() );
		assertEquals( 5, m.yAxis().step(), 0 );
		assertEquals( 4f, m.get( 1, 1 ), 0f );
	}

	/** Two sawtooth sweeps per y (x jumps back to the start): a repeated sweep, not a retrace. Then y goes back down. */
	@Test
	void flybackIsNoRetraceButSlowAxisReversalIs()
	{
		final List< String > rows = new ArrayList<>();
		rows.add( "Vinj,Vdet,g" );
		for ( final int j : new int[] { 0, 1, 2, 1 } )
			for ( int sweep = 0; sweep < 2; sweep++ )
				for ( int i = 0; i <= 3; i++ )
					rows.add( row( ",", i, j, f( i, j ) + ( j == 1 ? 0.5 * sweep : 0 ) ) );
		final Path file = TestFiles.write( dir, "sawtooth.csv", rows );
		final ImportedMap im = TextMapImporter.read( file, null );
		assertTrue( im.report().stream().noneMatch( s -> s.startsWith( "retrace: 'Vinj'" ) ), report( im ) );
		// header, then 3 y values × 8 rows: the fourth run starts at line 26
		assertTrue( im.report().contains( "retrace: 'Vdet' is swept back and forth (first reversal at line 26)" ), report( im ) );
		assertTrue( im.report().contains( "repeated points: 12 grid points measured more than once (up to 4 times): averaged" ), report( im ) );
		assertEquals( ( float ) ( f( 2, 1 ) + 0.25 ), im.map().get( 2, 1 ), 0f );
		final BadInputException e = assertThrows( BadInputException.class, () -> TextMapImporter.read( file, new MapImportOptions().retrace( Retrace.REJECT ) ) );
		assertEquals( file + ":26: retrace: 'Vdet' is swept back and forth; import with retrace average or first", e.getMessage() );
	}
}
