package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

class MapCsvRoundTripTest
{
	@TempDir
	Path dir;

	/** Random floats over the full exponent range of conductances, with a few NaN holes. */
	private static ConductanceMap sample( final boolean holes )
	{
		final Axis x = new Axis( "Vinj", "mV", -1.2, 0.0125, 17 ); // 0.0125·i is not exact in binary
		final Axis y = new Axis( "B", "mT", -0.3, 0.1, 7 );
		final MapMetadata meta = MapMetadata.empty().with( MapMetadata.DELTA0_EV, 1.9e-4 ).with( MapMetadata.JUNCTIONS, "J1,J2" ).with( MapMetadata.SOURCE, "raw/run77.dat" )
				.withHistory( "import format=long x=v_bias y=magnet_bpar value=g" ).withHistory( "offset bias=0.01 mV" );
		final Random rnd = new Random( 7 );
		return ConductanceMap.fromFunction( x, y, "g_nl", "µS", meta, ( i, j ) -> holes && ( i + 3 * j ) % 11 == 0 ? Double.NaN : ( rnd.nextFloat() - 0.3 ) * Math.pow( 10, rnd.nextInt( 12 ) - 9 ) );
	}

	private static void assertSameMap( final ConductanceMap a, final ConductanceMap b )
	{
		assertEquals( a.width(), b.width() );
		assertEquals( a.height(), b.height() );
		for ( int j = 0; j < a.height(); j++ )
			for ( int i = 0; i < a.width(); i++ )
				assertEquals( Float.floatToIntBits( a.get( i, j ) ), Float.floatToIntBits( b.get( i, j ) ), "point " + i + "," + j );
		assertEquals( a.quantity(), b.quantity() );
		assertEquals( a.valueUnit(), b.valueUnit() );
	}

	private static void assertSameMetadataPlusImport( final ConductanceMap original, final ConductanceMap read, final Path csv, final String format )
	{
		final MapMetadata m = read.metadata();
		assertEquals( "1.9E-4", m.get( MapMetadata.DELTA0_EV ) );
		assertEquals( "J1,J2", m.get( MapMetadata.JUNCTIONS ) );
		assertEquals( csv.toString(), m.get( MapMetadata.SOURCE ) );
		final List< String > h = new ArrayList<>( original.metadata().history() );
		h.add( format );
		assertEquals( h, m.history() );
	}

	@Test
	void longRoundTripIsExact() throws IOException
	{
		final ConductanceMap map = sample( false );
		final Path csv = dir.resolve( "map.csv" );
		MapCsvWriter.writeLong( map, csv );
		final List< String > lines = Files.readAllLines( csv, StandardCharsets.UTF_8 );
		assertEquals( 1 + 17 * 7, lines.size() );
		assertEquals( "Vinj,B,g", lines.get( 0 ) );
		assertTrue( lines.get( 1 ).startsWith( "-1.2,-0.3," ), lines.get( 1 ) );
		assertTrue( lines.get( 2 ).startsWith( "-1.1875,-0.3," ), lines.get( 2 ) ); // x fastest
		assertTrue( lines.get( 18 ).startsWith( "-1.2,-0.2," ), lines.get( 18 ) ); // then y ascending
		assertTrue( Files.isRegularFile( dir.resolve( "map.csv.meta" ) ) );

		final ConductanceMap back = TextMapImporter.read( csv, null ).map();
		assertSameMap( map, back );
		assertEquals( map.xAxis(), back.xAxis() );
		assertEquals( map.yAxis(), back.yAxis() );
		assertSameMetadataPlusImport( map, back, csv, "import format=long x=Vinj y=B value=g" );
	}

	@Test
	void matrixRoundTripIsExact() throws IOException
	{
		final ConductanceMap map = sample( false );
		final Path csv = dir.resolve( "matrix.csv" );
		MapCsvWriter.writeMatrix( map, csv );
		final List< String > lines = Files.readAllLines( csv, StandardCharsets.UTF_8 );
		assertEquals( 1 + 7, lines.size() );
		assertTrue( lines.get( 0 ).startsWith( ",-1.2,-1.1875," ), lines.get( 0 ) );
		assertTrue( lines.get( 1 ).startsWith( "-0.3," ), lines.get( 1 ) );
		assertEquals( 18, lines.get( 1 ).split( "," ).length );

		final ImportedMap im = TextMapImporter.read( csv, null );
		final ConductanceMap back = im.map();
		assertTrue( im.report().contains( "format: matrix (detected)" ) );
		assertSameMap( map, back );
		assertEquals( map.xAxis(), back.xAxis() );
		assertEquals( map.yAxis(), back.yAxis() );
		assertSameMetadataPlusImport( map, back, csv, "import format=matrix x=row1 y=column1 value=cells" );
	}

	@Test
	void withoutSidecarAxesAgreeTo1e12() throws IOException
	{
		final ConductanceMap map = sample( false );
		for ( final boolean matrix : new boolean[] { false, true } )
		{
			final Path csv = dir.resolve( matrix ? "m.csv" : "l.csv" );
			if ( matrix )
				MapCsvWriter.writeMatrix( map, csv );
			else
				MapCsvWriter.writeLong( map, csv );
			Files.delete( MapSidecar.pathFor( csv ) );
			final ConductanceMap back = TextMapImporter.read( csv, new MapImportOptions().xUnit( "mV" ).yUnit( "mT" ).valueUnit( "uS" ).quantity( "g_nl" ) ).map();
			assertSameMap( map, back );
			for ( final Axis[] a : new Axis[][] { { map.xAxis(), back.xAxis() }, { map.yAxis(), back.yAxis() } } )
			{
				assertEquals( a[ 0 ].size(), a[ 1 ].size() );
				assertEquals( a[ 0 ].unit(), a[ 1 ].unit() );
				assertEquals( a[ 0 ].origin(), a[ 1 ].origin(), 1e-12 * Math.abs( a[ 0 ].origin() ) );
				assertEquals( a[ 0 ].step(), a[ 1 ].step(), 1e-12 * a[ 0 ].step() );
			}
		}
	}

	@Test
	void holesRoundTripAsNaN() throws IOException
	{
		final ConductanceMap map = sample( true );
		assertEquals( 17 * 7 - 11, map.validCount() );
		for ( final boolean matrix : new boolean[] { false, true } )
		{
			final Path csv = dir.resolve( matrix ? "hm.csv" : "hl.csv" );
			if ( matrix )
				MapCsvWriter.writeMatrix( map, csv );
			else
				MapCsvWriter.writeLong( map, csv );
			final ImportedMap im = TextMapImporter.read( csv, null );
			assertSameMap( map, im.map() );
			assertEquals( map.validCount(), im.map().validCount() );
			assertTrue( im.report().contains( matrix ? "missing points: 11 of 119 are NaN in the file" : "missing points: 11 of 119 are NaN (0 never measured, 11 only NaN in the file)" ),
					String.join( "\n", im.report() ) );
		}
	}

	@Test
	void optionsOverrideTheSidecar() throws IOException
	{
		final ConductanceMap map = sample( false );
		final Path csv = dir.resolve( "o.csv" );
		MapCsvWriter.writeLong( map, csv );
		final ConductanceMap back = TextMapImporter.read( csv, new MapImportOptions().yName( "Bpar" ).yUnit( "T" ).quantity( "G" ) ).map();
		assertEquals( "Bpar", back.yAxis().name() );
		assertEquals( "T", back.yAxis().unit() );
		assertEquals( "mV", back.xAxis().unit() );
		assertEquals( "G", back.quantity() );
		assertEquals( "µS", back.valueUnit() );
	}

	@Test
	void sidecarLines()
	{
		final ConductanceMap map = sample( false );
		final List< String > lines = MapSidecar.lines( map );
		// the same description a TIFF carries in its Info (MapInfo)
		assertEquals( List.of( MapInfo.MARKER, "quantity=g_nl", "value.unit=µS", "x.name=Vinj", "x.unit=mV", "x.origin=-1.2", "x.step=0.0125", "x.size=17",
				"y.name=B", "y.unit=mT", "y.origin=-0.3", "y.step=0.1", "y.size=7" ), lines.subList( 0, 13 ) );
		assertEquals( map.metadata().toLines(), lines.subList( 13, lines.size() ) );
	}
}
