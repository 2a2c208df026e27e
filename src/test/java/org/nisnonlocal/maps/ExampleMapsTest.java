package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.io.MapFiles;

/** The example maps shipped in examples/ are exactly what the documented generator makes. */
class ExampleMapsTest
{
	private static final Path EXAMPLES = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );

	private static void assertShipped( final String file, final double isUa, final long seed )
	{
		final ToyNonlocalMap toy = new ToyNonlocalMap();
		toy.supercurrentUa = isUa;
		toy.seed = seed;
		final ConductanceMap expected = toy.generate();
		final ConductanceMap shipped = MapFiles.read( EXAMPLES.resolve( file ) );
		assertEquals( expected.xAxis().unit(), shipped.xAxis().unit() );
		assertEquals( expected.xAxis().size(), shipped.xAxis().size() );
		assertEquals( expected.yAxis().size(), shipped.yAxis().size() );
		assertEquals( expected.xAxis().min(), shipped.xAxis().min(), 1e-12 );
		assertEquals( expected.yAxis().max(), shipped.yAxis().max(), 1e-12 );
		assertEquals( "nS", shipped.valueUnit() );
		assertEquals( isUa * 1e-6, shipped.metadata().number( MapMetadata.SUPERCURRENT_A ), 1e-18 );
		for ( int j = 0; j < expected.height(); j++ )
			for ( int i = 0; i < expected.width(); i++ )
				assertEquals( expected.get( i, j ), shipped.get( i, j ), 0f, "point " + i + "," + j );
	}

	@Test
	void plusMap() { assertShipped( "example_Is+10uA.csv", 10, 1 ); }

	@Test
	void minusMap() { assertShipped( "example_Is-10uA.csv", -10, 2 ); }
}
