package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/** The real measured map of Maiani et al. (tab-separated long format, B slow, bias fast; see shared/data/real/README.md). */
class MaianiMapImportTest
{
	static Path dataFile()
	{
		return SharedData.real( "maiani_percolative_supercurrent/MDC004.Sample1_77.dat" );
	}

	private static ImportedMap importDefault()
	{
		return TextMapImporter.read( dataFile(), new MapImportOptions().xUnit( "V" ) );
	}

	@Test
	void importsTheGridWithoutMissingPoints()
	{
		final ConductanceMap m = importDefault().map();
		final Axis x = m.xAxis(), y = m.yAxis();
		assertEquals( 151, m.width() );
		assertEquals( 101, m.height() );
		assertEquals( 151 * 101, m.validCount() );
		assertEquals( "Vinj", x.name() );
		assertEquals( "V", x.unit() );
		assertEquals( "B", y.name() );
		assertEquals( "T", y.unit() );
		assertEquals( -1e-3, x.origin(), 1e-15 );
		assertEquals( 2e-3 / 150, x.step(), 1e-9 * 2e-3 / 150 );
		assertEquals( 1.333e-5, x.step(), 1e-3 * 1.333e-5 );
		assertEquals( -0.1, y.origin(), 1e-15 );
		assertEquals( 2e-3, y.step(), 1e-12 );
		assertEquals( "1", m.valueUnit() );
		assertEquals( dataFile().toString(), m.metadata().get( MapMetadata.SOURCE ) );
		assertEquals( List.of( "import format=long x=v_bias y=magnet_bpar value=lockin_6_CondX" ), m.metadata().history() );
	}

	@Test
	void readmeNumbers()
	{
		final ConductanceMap m = importDefault().map();
		final int j0 = m.yAxis().nearestIndex( 0 );
		assertEquals( 0, m.yAxis().value( j0 ), 1e-12 );
		// coherence peak at +0.4933 mV: the largest value at positive bias in the B = 0 row
		final int peak = m.xAxis().nearestIndex( 0.4933e-3 );
		assertEquals( 0.4933e-3, m.xAxis().value( peak ), 1e-7 );
		assertEquals( 0.433, m.get( peak, j0 ), 5e-4 );
		for ( int i = m.xAxis().nearestIndex( 0 ) + 1; i < m.width(); i++ )
			assertTrue( m.get( i, j0 ) <= m.get( peak, j0 ), "peak at " + m.xAxis().value( i ) );
		assertEquals( 0.0026, m.get( m.xAxis().nearestIndex( 0 ), j0 ), 1e-4 );
		// B = -0.1 T, normal state: G ≈ 0.3175 across the bias range
		double sum = 0;
		for ( int i = 0; i < m.width(); i++ )
			sum += m.get( i, 0 );
		assertEquals( 0.3175, sum / m.width(), 5e-4 );
		assertEquals( 0.3175, m.get( 0, 0 ), 2e-3 );
	}

	/** Every line of the file lands on its own grid point with its own value (checks the y storage order too). */
	@Test
	void everyCellMatchesItsLine() throws IOException
	{
		final ConductanceMap m = importDefault().map();
		final List< String > lines = Files.readAllLines( dataFile(), StandardCharsets.UTF_8 );
		assertEquals( "magnet_bpar\tv_bias\tlockin_6_CondX", lines.get( 0 ) );
		for ( final String line : lines.subList( 1, lines.size() ) )
		{
			final String[] c = line.split( "\t" );
			final double b = Double.parseDouble( c[ 0 ] ), v = Double.parseDouble( c[ 1 ] );
			final int i = ( int ) Math.round( m.xAxis().position( v ) ), j = ( int ) Math.round( m.yAxis().position( b ) );
			assertEquals( ( float ) Double.parseDouble( c[ 2 ] ), m.get( i, j ), 0f, line );
		}
		assertEquals( ( float ) 0.433260229354564, m.get( 112, 50 ) );
	}

	@Test
	void reportsNoRetraceNoRepeatsNoHoles()
	{
		final List< String > r = importDefault().report();
		assertTrue( r.contains( "missing points: none" ), String.join( "\n", r ) );
		assertTrue( r.stream().noneMatch( s -> s.startsWith( "retrace" ) || s.startsWith( "repeated" ) ), String.join( "\n", r ) );
		assertTrue( r.stream().anyMatch( s -> s.equals( "sweeps: 101 along 'v_bias' (fast axis), one after the other in 'magnet_bpar'" ) ), String.join( "\n", r ) );
	}

	@Test
	void transposedWhenAskedForBiasAsY()
	{
		final ConductanceMap m = importDefault().map();
		final ConductanceMap t = TextMapImporter.read( dataFile(), new MapImportOptions().xColumn( "magnet_bpar" ).yColumn( "V_BIAS" ).yUnit( "V" ) ).map();
		assertEquals( 101, t.width() );
		assertEquals( 151, t.height() );
		assertEquals( "B", t.xAxis().name() );
		assertEquals( "T", t.xAxis().unit() );
		assertEquals( "Vdet", t.yAxis().name() );
		assertEquals( "V", t.yAxis().unit() );
		assertEquals( m.xAxis().step(), t.yAxis().step(), 0 );
		for ( int j = 0; j < m.height(); j++ )
			for ( int i = 0; i < m.width(); i++ )
				assertEquals( m.get( i, j ), t.get( j, i ), 0f );
		assertEquals( List.of( "import format=long x=magnet_bpar y=v_bias value=lockin_6_CondX" ), t.metadata().history() );
	}
}
