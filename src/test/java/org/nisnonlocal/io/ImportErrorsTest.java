package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;

/** Each bad input gives one line "file:line: problem". */
class ImportErrorsTest
{
	@TempDir
	Path dir;

	private static String message( final Path file, final MapImportOptions o )
	{
		return assertThrows( BadInputException.class, () -> TextMapImporter.read( file, o ) ).getMessage();
	}

	private String message( final String name, final String... lines )
	{
		return message( TestFiles.write( dir, name, lines ), null );
	}

	@Test
	void missingFile()
	{
		final Path file = dir.resolve( "nope.csv" );
		assertEquals( file + ": file not found", message( file, null ) );
	}

	@Test
	void emptyOrOnlyComments()
	{
		assertEquals( dir.resolve( "empty.csv" ) + ": no data rows (the file is empty or holds only comments)", message( "empty.csv" ) );
		assertEquals( dir.resolve( "c.csv" ) + ": no data rows (the file is empty or holds only comments)", message( "c.csv", "# a", "", "% b" ) );
		assertEquals( dir.resolve( "h.csv" ) + ":2: no data rows after the header", message( "h.csv", "# a", "Vinj,Vdet,g" ) );
	}

	@Test
	void nonNumericCells()
	{
		assertEquals( dir.resolve( "v.csv" ) + ":3: value column 'g' is not a number: 'abc'", message( "v.csv", "Vinj,Vdet,g", "0,0,1", "1,0,abc" ) );
		assertEquals( dir.resolve( "x.csv" ) + ":4: axis column 'Vdet' is not a number: '1..2'", message( "x.csv", "Vinj,Vdet,g", "0,0,1", "1,0,2", "0,1..2,3" ) );
		assertEquals( dir.resolve( "m.csv" ) + ":3: value in column 3 (x = 1) is not a number: 'x'", message( "m.csv", ",0,1", "0,1,2", "1,3,x" ) );
	}

	@Test
	void nonFiniteAxisValues()
	{
		assertEquals( dir.resolve( "nan.csv" ) + ":3: axis column 'Vinj' is NaN; axis values must be finite", message( "nan.csv", "Vinj,Vdet,g", "0,0,1", "NaN,0,2" ) );
		assertEquals( dir.resolve( "inf.tsv" ) + ":2: axis column 'B' is -Inf; axis values must be finite", message( "inf.tsv", "V\tB\tG", "0\t-Inf\t1" ) );
		assertEquals( dir.resolve( "mx.csv" ) + ":1: x value in column 3 (first row) is NaN; axis values must be finite", message( "mx.csv", ",0,NaN", "0,1,2", "1,3,4" ) );
		assertEquals( dir.resolve( "ginf.csv" ) + ":2: value column 'g' is inf; write NaN for a missing point", message( "ginf.csv", "Vinj,Vdet,g", "0,0,inf" ) );
	}

	@Test
	void raggedRows()
	{
		assertEquals( dir.resolve( "r.csv" ) + ":3: ragged row: 2 cells where the header has 3", message( "r.csv", "Vinj,Vdet,g", "0,0,1", "1,0" ) );
		assertEquals( dir.resolve( "r4.csv" ) + ":2: ragged row: 4 cells where the header has 3", message( "r4.csv", "Vinj,Vdet,g", "0,0,1,5" ) );
		assertEquals( dir.resolve( "rm.csv" ) + ":3: ragged row: 2 cells where a y value and 2 x values (line 1) need 3", message( "rm.csv", ",0,1", "0,1,2", "1,3" ) );
	}

	@Test
	void matrixAxisProblems()
	{
		assertEquals( dir.resolve( "rx.csv" ) + ":1: repeated x value 0.5 in the first row (columns 3 and 4)", message( "rx.csv", ",0,0.5,0.5,1", "0,1,2,3,4", "1,5,6,7,8" ) );
		assertEquals( dir.resolve( "ry.csv" ) + ":5: repeated y value 1 in the first column (lines 3 and 5)", message( "ry.csv", ",0,1", "0,1,2", "1,3,4", "2,5,6", "1,7,8" ) );
		assertEquals( dir.resolve( "mx.csv" ) + ":1: x values in the first row are not monotonic: 3 then 2 (columns 4 and 5)", message( "mx.csv", ",0,1,3,2", "0,1,2,3,4", "1,5,6,7,8" ) );
		assertEquals( dir.resolve( "my.csv" ) + ":4: y values in the first column are not monotonic: 2 then 1.5 (lines 3 and 4)", message( "my.csv", ",0,1", "0,1,2", "2,3,4", "1.5,5,6" ) );
		assertEquals( dir.resolve( "one.csv" ) + ":1: the first row has 1 x value; a map needs at least 2", message( "one.csv", ",0", "0,1", "1,3" ) );
	}

	@Test
	void singleValueOnAnAxis()
	{
		assertEquals( dir.resolve( "s.csv" ) + ": axis column 'Vdet' has 1 distinct value (0.5); a map needs at least 2", message( "s.csv", "Vinj,Vdet,g", "0,0.5,1", "1,0.5,2" ) );
	}

	@Test
	void requestedColumnAbsent()
	{
		final Path file = TestFiles.write( dir, "c.tsv", "magnet_bpar\tv_bias\tlockin_6_CondX", "0\t0\t1" );
		assertEquals( file + ":1: no column 'Vdet' for y; the columns are: magnet_bpar, v_bias, lockin_6_CondX", message( file, new MapImportOptions().yColumn( "Vdet" ) ) );
		assertEquals( file + ":1: x column 4 asked for, but the file has 3 columns", message( file, new MapImportOptions().xColumn( "4" ) ) );
		assertEquals( file + ":1: the same column 'v_bias' is chosen for x and y", message( file, new MapImportOptions().xColumn( "2" ).yColumn( "V_Bias" ) ) );
		final Path plain = TestFiles.write( dir, "p.txt", "0 0 1", "1 0 2" );
		assertEquals( plain + ": x column 'Vinj' asked for by name, but the file has no header line; give its position (1..3)", message( plain, new MapImportOptions().xColumn( "Vinj" ) ) );
	}

	@Test
	void tooFewColumns()
	{
		assertEquals( dir.resolve( "two.csv" ) + ":1: long format needs 3 columns (x, y, value), found 2", message( "two.csv", "V,G", "0,1" ) );
	}

	@Test
	void badOptionSpellings()
	{
		assertEquals( "retrace must be one of average, reject, first, got 'mean'",
				assertThrows( BadInputException.class, () -> MapImportOptions.Retrace.parse( "mean" ) ).getMessage() );
		assertEquals( MapImportOptions.Delimiter.TAB, MapImportOptions.Delimiter.parse( "\t" ) );
		assertEquals( MapImportOptions.Format.MATRIX, MapImportOptions.Format.parse( "Matrix" ) );
	}

	@Test
	void scatteredPointsAreNotAGrid()
	{
		final java.util.List< String > rows = new java.util.ArrayList<>();
		rows.add( "Vinj,Vdet,g" );
		final java.util.Random rnd = new java.util.Random( 3 );
		for ( int k = 0; k < 200; k++ )
			rows.add( rnd.nextDouble() + "," + rnd.nextDouble() + ",1" );
		final Path file = TestFiles.write( dir, "scatter.csv", rows );
		assertEquals( file + ": the points do not lie on a grid: 200 rows give 200 distinct 'Vinj' values × 200 distinct 'Vdet' values",
				message( file, new MapImportOptions().resample( true ) ) );
	}
}
