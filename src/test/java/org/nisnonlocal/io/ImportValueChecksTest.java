package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * What issue 13's import value checks must still let through, and the one refusal the runner cannot reach (a value that
 * overflows only once converted). The refusals of files (1e308, one V_inj of 1e300, nothing measured, unknown units,
 * TIFF headers promising more pixels than the file or the machine holds, TIFFs cut short) are cases of the runner's
 * HostileInputTest, for every map verb.
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
	void aValueThatOverflowsOnlyOnceConvertedIsRefusedAndTheLargestFloatStillFits()
	{
		// fits as a double and as read, overflows once converted: 1e30 G0 → 7.7e25 S fits, ×1e20 does not
		final Path big = map( "big.csv", "Vinj (mV),Vdet (mV),g (nS)", 7, "0.200,-0.200,1e30" );
		final String m = refused( big, new MapImportOptions().valueScale( 1e20, "nS" ) );
		assertTrue( m.startsWith( big + ": the value 1e+30 at Vinj = 0.2, Vdet = -0.2 becomes 1e+50 in nS, which a 32-bit map cannot hold" ), m );
		// 3.4e38 itself still fits
		final Path edge = map( "edge.csv", "Vinj (mV),Vdet (mV),g (nS)", 7, "0.200,-0.200,3.4e38" );
		assertEquals( 3.4e38f, TextMapImporter.read( edge, null ).map().get( 7, 0 ), 0f );
	}

	@Test
	void aUniformGridWithMissingLinesIsStillAGrid()
	{
		final Path holes = TestFiles.write( dir, "holes.csv", "x,y,g", "0,0,1", "1,0,1", "2,0,1", "5,0,1", "0,1,1", "1,1,1", "2,1,1", "5,1,1" );
		assertEquals( 6, TextMapImporter.read( holes, null ).map().width() );
	}

	@Test
	void knownUnitSpellingsComeInCanonical()
	{
		final Path ok = map( "ok.csv", "Vinj (uV),B (mT),g (e^2/h)", -1, null );
		final ConductanceMap m = TextMapImporter.read( ok, null ).map();
		assertEquals( Arrays.asList( "µV", "mT", "e²/h" ), Arrays.asList( m.xAxis().unit(), m.yAxis().unit(), m.valueUnit() ) );
	}

	@Test
	void theSizeCheckLetsAGoodTiffThrough() throws IOException
	{
		final Axis x = Axis.between( "Vinj", "mV", -0.5, 0.5, 11 ), y = Axis.between( "Vdet", "mV", -0.2, 0.2, 5 );
		final ConductanceMap small = ConductanceMap.fromFunction( x, y, "g_nl", "nS", MapMetadata.empty(), ( i, j ) -> Math.sin( 3 * x.value( i ) ) + y.value( j ) );
		final Path good = dir.resolve( "good.tif" );
		TiffMapIO.write( small, good );
		assertArrayEquals( small.data(), TiffMapIO.read( good ).data(), 0f );
	}
}
