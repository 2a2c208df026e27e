package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * Inputs that used to pass import and come out silently wrong: values a 32-bit map cannot hold, one absurd axis value
 * that collapsed the grid, a map with no measured point, units nothing can convert, TIFF headers that promise more
 * pixels than the file (or the machine) holds. Each is refused with the file (and line where there is one).
 */
class ImportValueChecksTest
{
	@TempDir
	Path dir;

	/** An 11 × 5 long-format map g = sin(3x) + y in mV and nS; {@code edit} may change one row (index into the data rows). */
	private Path map( final String name, final String header, final int row, final String replacement )
	{
		final List< String > lines = new ArrayList<>();
		lines.add( header );
		for ( int j = 0; j < 5; j++ )
			for ( int i = 0; i < 11; i++ )
			{
				final double x = -0.5 + 0.1 * i, y = -0.2 + 0.1 * j;
				lines.add( lines.size() - 1 == row ? replacement : String.format( Locale.ROOT, "%.3f,%.3f,%.6f", x, y, Math.sin( 3 * x ) + y ) );
			}
		return TestFiles.write( dir, name, lines );
	}

	private static String refused( final Path file, final MapImportOptions o )
	{
		return assertThrows( BadInputException.class, () -> TextMapImporter.read( file, o ) ).getMessage();
	}

	@Test
	void valuesA32BitMapCannotHoldAreRefusedWithTheirLine()
	{
		// row 7 is file line 9 (header on line 1)
		final Path huge = map( "huge.csv", "Vinj (mV),Vdet (mV),g (nS)", 7, "0.200,-0.200,1e308" );
		assertEquals( huge + ":9: value column 'g (nS)' is 1e308, which a 32-bit map cannot hold (|g| from 1.2e-38 to 3.4e38, or 0); give the values in another unit", refused( huge, null ) );
		final Path tiny = map( "tiny.csv", "Vinj (mV),Vdet (mV),g (nS)", 7, "0.200,-0.200,1e-50" );
		assertTrue( refused( tiny, null ).startsWith( tiny + ":9: value column 'g (nS)' is 1e-50, which a 32-bit map cannot hold" ) );
		// fits as a double and as read, overflows once converted: 1e30 G0 → 7.7e25 S fits, ×1e20 does not
		final Path big = map( "big.csv", "Vinj (mV),Vdet (mV),g (nS)", 7, "0.200,-0.200,1e30" );
		final String m = refused( big, new MapImportOptions().valueScale( 1e20, "nS" ) );
		assertTrue( m.startsWith( big + ": the value 1e+30 at Vinj = 0.2, Vdet = -0.2 becomes 1e+50 in nS, which a 32-bit map cannot hold" ), m );
		// the same file without the bad row imports, and 3.4e38 itself still fits
		final Path edge = map( "edge.csv", "Vinj (mV),Vdet (mV),g (nS)", 7, "0.200,-0.200,3.4e38" );
		assertEquals( 3.4e38f, TextMapImporter.read( edge, null ).map().get( 7, 0 ), 0f );
	}

	@Test
	void oneAbsurdAxisValueIsRefusedNotAveragedIntoTwoColumns()
	{
		// row 3 (file line 5) has V_inj = 1e300 instead of −0.2: the old importer made a 2-column map of it
		final Path file = map( "outlier.csv", "Vinj (mV),Vdet (mV),g (nS)", 3, "1e300,-0.200,0.5" );
		final String expected = file + ":5: 'Vinj (mV)' = 1.0E300 lies far off the grid of the other 11 values (-0.5 … 0.5): a typo or a corrupted number?";
		assertEquals( expected, refused( file, null ) );
		// resampling would stretch a uniform grid over it: refused as well
		assertEquals( expected, refused( file, new MapImportOptions().resample( true ) ) );
		// matrix layout: the x row
		final Path matrix = TestFiles.write( dir, "outlier_matrix.csv", ",0,1,2,3,1e300", "0,1,2,3,4,5", "1,1,2,3,4,5" );
		assertEquals( matrix + ":1: x (first row) = 1.0E300 lies far off the grid of the other 4 values (0 … 3): a typo or a corrupted number?", refused( matrix, null ) );
		// a uniform grid with a few missing lines is still a grid
		final Path holes = TestFiles.write( dir, "holes.csv", "x,y,g", "0,0,1", "1,0,1", "2,0,1", "5,0,1", "0,1,1", "1,1,1", "2,1,1", "5,1,1" );
		assertEquals( 6, TextMapImporter.read( holes, null ).map().width() );
	}

	@Test
	void aMapWithNothingMeasuredIsRefused()
	{
		final Path file = TestFiles.write( dir, "nan.csv", "Vinj,Vdet,g", "0,0,NaN", "1,0,NaN", "0,1,", "1,1,NaN" );
		assertEquals( file + ": all 4 points are NaN: nothing was measured", refused( file, null ) );
		final Path matrix = TestFiles.write( dir, "nan_matrix.csv", ",0,1", "0,NaN,NaN", "1,NaN,NaN" );
		assertEquals( matrix + ": all 4 points are NaN: nothing was measured", refused( matrix, null ) );
	}

	@Test
	void unitsThePluginDoesNotKnowAreRefusedByName()
	{
		final Path furlong = map( "furlong.csv", "Vinj (furlong),Vdet (mV),g (nS)", -1, null );
		assertTrue( refused( furlong, null ).startsWith( furlong + ": the x axis Vinj is in 'furlong', not a unit the plugin knows (bias V, mV, µV" ) );
		final Path kg = map( "kg.csv", "Vinj (mV),Vdet (mV),g (kg)", -1, null );
		assertTrue( refused( kg, null ).startsWith( kg + ": the value G is in 'kg', not a unit the plugin knows" ) );
		// the option names the unit the user chose, and is checked the same way
		assertTrue( refused( kg, new MapImportOptions().yUnit( "parsec" ).valueUnit( "nS" ) ).startsWith( kg + ": the y axis Vdet is in 'parsec'" ) );
		// known spellings pass, in their canonical form
		final Path ok = map( "ok.csv", "Vinj (uV),B (mT),g (e^2/h)", -1, null );
		final ConductanceMap m = TextMapImporter.read( ok, null ).map();
		assertEquals( Arrays.asList( "µV", "mT", "e²/h" ), Arrays.asList( m.xAxis().unit(), m.yAxis().unit(), m.valueUnit() ) );
	}

	private ConductanceMap small()
	{
		final Axis x = Axis.between( "Vinj", "mV", -0.5, 0.5, 11 ), y = Axis.between( "Vdet", "mV", -0.2, 0.2, 5 );
		return ConductanceMap.fromFunction( x, y, "g_nl", "nS", MapMetadata.empty(), ( i, j ) -> Math.sin( 3 * x.value( i ) ) + y.value( j ) );
	}

	@Test
	void aTiffHeaderClaimingMorePixelsThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException
	{
		final Path good = dir.resolve( "good.tif" );
		TiffMapIO.write( small(), good );
		assertArrayEquals( small().data(), TiffMapIO.read( good ).data(), 0f );
		final byte[] bytes = Files.readAllBytes( good );

		// 200000 × 200000 in the header: 160 GB as floats; uncompressed and "compressed" (LZW) alike
		for ( final int compression : new int[] { 1, 5 } )
		{
			final Path huge = dir.resolve( "huge" + compression + ".tif" );
			Files.write( huge, patched( bytes, 200000, 200000, compression ) );
			final String m = assertThrows( BadInputException.class, () -> TiffMapIO.read( huge ) ).getMessage();
			assertTrue( m.startsWith( huge + ": the TIFF header declares 200000 × 200000 pixels (160 GB as 32-bit values), more than this Java can hold" ), m );
		}
		// 2000 × 2000 fits in memory but not in a 2.6 kB file
		final Path big = dir.resolve( "big.tif" );
		Files.write( big, patched( bytes, 2000, 2000, 1 ) );
		final String m = assertThrows( BadInputException.class, () -> TiffMapIO.read( big ) ).getMessage();
		assertTrue( m.startsWith( big + ": cut short: the TIFF header declares 2000 × 2000 pixels (16000000 bytes from byte " ), m );
		final Path bigLzw = dir.resolve( "big_lzw.tif" );
		Files.write( bigLzw, patched( bytes, 2000, 2000, 5 ) );
		assertTrue( assertThrows( BadInputException.class, () -> TiffMapIO.read( bigLzw ) ).getMessage().contains( "more than a " + bytes.length + "-byte file can hold even compressed" ) );

		// the last 64 bytes (pixels) missing
		final Path cut = dir.resolve( "cut.tif" );
		Files.write( cut, Arrays.copyOf( bytes, bytes.length - 64 ) );
		final String c = assertThrows( BadInputException.class, () -> TiffMapIO.read( cut ) ).getMessage();
		assertEquals( cut + ": cut short: the TIFF header declares 11 × 5 pixels (220 bytes from byte " + ( bytes.length - 220 ) + ") but the file has " + ( bytes.length - 64 ) + " bytes", c );
	}

	@Test
	void aTiffWithInfinityOrOnlyNaNIsRefused() throws IOException
	{
		final ConductanceMap inf = small();
		inf.set( 3, 1, Float.POSITIVE_INFINITY );
		final Path f = dir.resolve( "inf.tif" );
		TiffMapIO.write( inf, f );
		assertEquals( f + ": the value at Vinj = -0.2, Vdet = -0.1 is Infinity; a 32-bit map holds |g| ≤ 3.4e38 (write NaN for a missing point)",
				assertThrows( BadInputException.class, () -> TiffMapIO.read( f ) ).getMessage() );
		final ConductanceMap nan = small();
		Arrays.fill( nan.data(), Float.NaN );
		final Path n = dir.resolve( "nan.tif" );
		TiffMapIO.write( nan, n );
		assertEquals( n + ": all 55 points are NaN: nothing was measured", assertThrows( BadInputException.class, () -> TiffMapIO.read( n ) ).getMessage() );
	}

	/** The TIFF with its width, height (and rows per strip) tags set to w, h, and its compression tag to c. */
	private static byte[] patched( final byte[] tiff, final int w, final int h, final int compression )
	{
		final byte[] out = tiff.clone();
		final ByteBuffer b = ByteBuffer.wrap( out ).order( out[ 0 ] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN );
		final int ifd = b.getInt( 4 );
		final int entries = b.getShort( ifd ) & 0xffff;
		for ( int k = 0; k < entries; k++ )
		{
			final int e = ifd + 2 + 12 * k;
			final int tag = b.getShort( e ) & 0xffff;
			if ( tag == 256 || tag == 257 || tag == 278 )
			{
				b.putShort( e + 2, ( short ) 4 ); // LONG
				b.putInt( e + 8, tag == 256 ? w : h );
			}
			if ( tag == 259 )
			{
				b.putShort( e + 2, ( short ) 3 ); // SHORT
				b.putInt( e + 8, 0 );
				b.putShort( e + 8, ( short ) compression );
			}
		}
		return out;
	}
}
