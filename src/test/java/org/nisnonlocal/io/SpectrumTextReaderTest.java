package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Spectrum;

class SpectrumTextReaderTest
{
	@TempDir
	Path tmp;

	private Path write( final String text ) throws IOException
	{
		final Path p = tmp.resolve( "g.csv" );
		Files.write( p, text.getBytes( StandardCharsets.UTF_8 ) );
		return p;
	}

	@Test
	void csvWithUnitsSortedAndDuplicatesAveraged() throws IOException
	{
		final Spectrum s = SpectrumTextReader.read( write( "# a comment\nV (mV), G (uS)\n0.5, 3\n-0.5, 1 # trailing\n0.0, 2\n0.5, 5\n" ) );
		assertArrayEquals( new double[] { -0.5, 0, 0.5 }, s.bias(), 0 );
		assertArrayEquals( new double[] { 1, 2, 4 }, s.values(), 0 );
		assertEquals( "mV", s.biasUnit() );
		assertEquals( "µS", s.valueUnit() );
		assertEquals( "V", s.biasName() );
		assertEquals( "G", s.quantity() );
	}

	@Test
	void whitespaceNamedColumnsAndBracketUnits() throws IOException
	{
		final Spectrum s = SpectrumTextReader.read( write( "I [nA]  V [mV]  G [uS]\n9 1e-1 7\n8 -1e-1 6\n" ), "V", "G [uS]" );
		assertArrayEquals( new double[] { -0.1, 0.1 }, s.bias(), 0 );
		assertArrayEquals( new double[] { 6, 7 }, s.values(), 0 );
		assertEquals( "mV", s.biasUnit() );
	}

	@Test
	void noHeaderMeansVoltsAndDimensionless() throws IOException
	{
		final Spectrum s = SpectrumTextReader.read( write( "1e-3\t2\n-1e-3\t4\n" ) );
		assertEquals( "V", s.biasUnit() );
		assertEquals( "1", s.valueUnit() );
		assertArrayEquals( new double[] { 4, 2 }, s.values(), 0 );
	}

	@Test
	void errorsNameFileAndLine() throws IOException
	{
		final Path p = write( "V,G\n1,2\n2,x\n" );
		assertEquals( p + ":3: 'x' is not a number", assertThrows( BadInputException.class, () -> SpectrumTextReader.read( p ) ).getMessage() );
		final Path q = write( "V,G\n1,2\n2\n" );
		assertEquals( q + ":3: row has 1 values, expected 2", assertThrows( BadInputException.class, () -> SpectrumTextReader.read( q ) ).getMessage() );
		final Path r = write( "V,G\n1,2\n1,NaN\n" );
		assertEquals( r + ":3: value 2 is NaN", assertThrows( BadInputException.class, () -> SpectrumTextReader.read( r ) ).getMessage() );
		final Path t = write( "V,G\n1,2\n" );
		assertEquals( t + ": needs at least 2 distinct bias values, found 1", assertThrows( BadInputException.class, () -> SpectrumTextReader.read( t ) ).getMessage() );
		final Path u = write( "V,G\n1,2\n2,3\n" );
		assertEquals( u + ": no column 'X'; the columns are: V, G", assertThrows( BadInputException.class, () -> SpectrumTextReader.read( u, "V", "X" ) ).getMessage() );
	}
}
