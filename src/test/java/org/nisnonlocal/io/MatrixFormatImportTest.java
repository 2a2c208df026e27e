package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapImportOptions.Format;
import org.nisnonlocal.maps.ConductanceMap;

class MatrixFormatImportTest
{
	@TempDir
	Path dir;

	private static String report( final ImportedMap m )
	{
		return String.join( "\n", m.report() );
	}

	@Test
	void commaMatrixWithEmptyCorner()
	{
		final Path file = TestFiles.write( dir, "m.csv", ",-1,0,1", "10,1,2,3", "20,4,5,6" );
		final ImportedMap im = TextMapImporter.read( file, new MapImportOptions().xUnit( "mV" ).yUnit( "uV" ) );
		final ConductanceMap m = im.map();
		assertTrue( im.report().contains( "format: matrix (detected)" ), report( im ) );
		assertEquals( 3, m.width() );
		assertEquals( 2, m.height() );
		assertEquals( "Vinj", m.xAxis().name() );
		assertEquals( "mV", m.xAxis().unit() );
		assertEquals( "Vdet", m.yAxis().name() );
		assertEquals( "µV", m.yAxis().unit() );
		assertEquals( -1, m.xAxis().origin(), 0 );
		assertEquals( 10, m.yAxis().step(), 0 );
		assertEquals( 1f, m.get( 0, 0 ), 0f );
		assertEquals( 6f, m.get( 2, 1 ), 0f );
		// display order: data() row 0 is the largest y
		assertEquals( 4f, m.data()[ 0 ], 0f );
		assertEquals( List.of( "import format=matrix x=row1 y=column1 value=cells" ), m.metadata().history() );
	}

	@Test
	void descendingAxesAreReversed()
	{
		final Path file = TestFiles.write( dir, "desc.csv", "Vdet\\Vinj,2,1,0", "0.5,1,,3", "0.25,4,5,NaN", "0,7,8,9" );
		final ImportedMap im = TextMapImporter.read( file, null );
		final ConductanceMap m = im.map();
		assertEquals( 0, m.xAxis().origin(), 0 );
		assertEquals( 1, m.xAxis().step(), 0 );
		assertEquals( 0, m.yAxis().origin(), 0 );
		assertEquals( 0.25, m.yAxis().step(), 0 );
		// g(x = 0, y = 0) is the last cell of the last row
		assertEquals( 9f, m.get( 0, 0 ), 0f );
		assertEquals( 7f, m.get( 2, 0 ), 0f );
		assertEquals( 3f, m.get( 0, 2 ), 0f );
		assertEquals( 1f, m.get( 2, 2 ), 0f );
		assertEquals( 4f, m.get( 2, 1 ), 0f );
		assertTrue( Float.isNaN( m.get( 0, 1 ) ) );
		assertTrue( Float.isNaN( m.get( 1, 2 ) ) ); // an empty cell
		assertEquals( 7, m.validCount() );
		assertTrue( im.report().contains( "grid: 3 × 3 = 9 points, x descending in the file (reversed), y descending in the file (reversed)" ), report( im ) );
		assertTrue( im.report().contains( "missing points: 2 of 9 are NaN in the file" ), report( im ) );
		assertTrue( im.report().contains( "corner cell 'Vdet\\Vinj' taken as a label" ), report( im ) );
	}

	@Test
	void whitespaceMatrixWithoutCorner()
	{
		final Path file = TestFiles.write( dir, "m.txt", "   0.0  0.5  1.0", "-1  1 2 3", "1   4 5 6" );
		final ConductanceMap m = TextMapImporter.read( file, null ).map();
		assertEquals( 3, m.width() );
		assertEquals( 2, m.height() );
		assertEquals( 0.5, m.xAxis().step(), 0 );
		assertEquals( 2, m.yAxis().step(), 0 );
		assertEquals( 5f, m.get( 1, 1 ), 0f );
	}

	@Test
	void forcedMatrixWithNumericCorner()
	{
		// all numeric and rectangular: auto would read it as long format
		final Path file = TestFiles.write( dir, "m.tsv", "0\t1\t2", "5\t1\t2", "6\t3\t4" );
		final ConductanceMap m = TextMapImporter.read( file, new MapImportOptions().format( Format.MATRIX ) ).map();
		assertEquals( 2, m.width() );
		assertEquals( 1, m.xAxis().origin(), 0 );
		assertEquals( 4f, m.get( 1, 1 ), 0f );
	}

	@Test
	void irregularMatrixRefusedOrResampled()
	{
		final Path file = TestFiles.write( dir, "irr.csv", ",0,1,4", "0,0,1,4", "1,2,3,6" );
		final BadInputException e = assertThrows( BadInputException.class, () -> TextMapImporter.read( file, null ) );
		assertEquals( file + ":1: irregular grid in column x (first row): steps vary from 1 to 3 (first 3 from 1 to 4); ask for resampling", e.getMessage() );
		final ConductanceMap m = TextMapImporter.read( file, new MapImportOptions().resample( true ) ).map();
		assertEquals( 2, m.xAxis().step(), 0 );
		// g = x + 2y is linear: interpolation reproduces it
		for ( int j = 0; j < 2; j++ )
			for ( int i = 0; i < 3; i++ )
				assertEquals( ( float ) ( 2 * i + 2 * j ), m.get( i, j ), 0f );
	}
}
