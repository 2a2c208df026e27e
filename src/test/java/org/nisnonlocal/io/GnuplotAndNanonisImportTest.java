package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.maps.ConductanceMap;

/**
 * The legacy QCoDeS GNUPlot .dat and the Nanonis grid (.3ds) of shared/data/formats, checked against a parse written
 * here by hand (split on tabs; big-endian float32 after {@code :HEADER_END:}), and numbers from numpy
 * ({@code np.frombuffer(data, '>f4').reshape(400, 18 + 10 * 128)}).
 */
class GnuplotAndNanonisImportTest
{
	@Test
	void gnuplotDatEveryPointLandsWhereItsSetpointsSay() throws Exception
	{
		final Path f = SharedData.formats( "QuTech-Delft_qtt/csd_anti_crossing_virtual_gates/stepparam_sweepparam.dat" );
		final ImportedMap im = MapFiles.read( f, new MapImportOptions() );
		final ConductanceMap m = im.map();
		assertEquals( 84, m.width() );
		assertEquals( 85, m.height() );
		assertEquals( "sweepparam", m.xAxis().name() );
		assertEquals( "stepparam", m.yAxis().name() );
		assertEquals( -30, m.xAxis().min(), 1e-9 );
		assertEquals( 29.2857, m.xAxis().max(), 1e-4 );
		assertEquals( 29.2941, m.yAxis().max(), 1e-4 );
		final List< String > lines = Files.readAllLines( f );
		int n = 0;
		for ( final String line : lines.subList( 3, lines.size() ) )
		{
			if ( line.trim().isEmpty() )
				continue;
			final String[] c = line.split( "\t" );
			final double y = Double.parseDouble( c[ 0 ] ), x = Double.parseDouble( c[ 1 ] ), v = Double.parseDouble( c[ 2 ] );
			assertEquals( ( float ) v, m.get( m.xAxis().nearestIndex( x ), m.yAxis().nearestIndex( y ) ), 0f, line );
			n++;
		}
		assertEquals( 85 * 84, n );
		assertTrue( m.metadata().get( "scan_time" ).startsWith( "2017-09-04" ), m.metadata().toString() );
	}

	@Test
	void nanonisGridHasAscendingBiasCalibratedPixelsAndTheFileValues() throws Exception
	{
		final Path f = SharedData.formats( "alexriss_SpmGrids.jl/Grid Spectroscopy002.3ds" );
		final NanonisGrid g = NanonisGrid.read( f );
		assertEquals( 20, g.width() );
		assertEquals( 20, g.height() );
		assertEquals( 128, g.points() );
		assertEquals( 10, g.channels().size() );
		assertEquals( 18, g.parameters().size() );
		// Sweep Start 0.2 V, Sweep End −0.1 V: descending in the file, ascending here
		assertTrue( g.sweepReversed() );
		assertEquals( -0.1, g.sweep().min(), 1e-7 );
		assertEquals( 0.2, g.sweep().max(), 1e-7 );
		assertEquals( "V", g.sweep().unit() );
		// independent parse
		final byte[] b = Files.readAllBytes( f );
		final int end = new String( b, StandardCharsets.ISO_8859_1 ).indexOf( ":HEADER_END:" ) + ":HEADER_END:\r\n".length();
		final ByteBuffer d = ByteBuffer.wrap( b, end, b.length - end ).slice().order( ByteOrder.BIG_ENDIAN );
		final int perPixel = 18 + 10 * 128;
		assertEquals( 400 * perPixel * 4, b.length - end );
		for ( final int[] px : new int[][] { { 0, 0 }, { 19, 0 }, { 3, 7 }, { 19, 19 } } )
		{
			final int p = px[ 1 ] * 20 + px[ 0 ];
			// per-pixel X and Y (m), parameters 3 and 4, are where the calibrated axes put the pixel
			assertEquals( d.getFloat( 4 * ( p * perPixel + 2 ) ), g.xAxis().value( px[ 0 ] ), 2e-12 );
			assertEquals( d.getFloat( 4 * ( p * perPixel + 3 ) ), g.yAxis().value( px[ 1 ] ), 2e-12 );
			for ( final int ch : new int[] { 0, 8 } )
				for ( final int k : new int[] { 0, 1, 127 } )
					assertEquals( d.getFloat( 4 * ( p * perPixel + 18 + ch * 128 + k ) ), g.value( ch, px[ 0 ], px[ 1 ], 127 - k ), 0f );
		}
		// numpy: pixel 0 X = 1.03536998e-07 m, pixel 20 (line 1) Y = 2.26791e-07 m
		assertEquals( 1.03536998e-07, g.xAxis().min(), 1e-14 );
		assertEquals( 2.2679100e-07, g.yAxis().value( 1 ), 1e-13 );
		assertEquals( 0, g.channel( "Current" ) );
		assertEquals( 8, g.channel( "Frequency Shift (Hz)" ) );
		final BadInputException e = assertThrows( BadInputException.class, () -> MapFiles.read( f, new MapImportOptions() ) );
		assertTrue( e.getMessage().contains( "hyperstack" ), e.getMessage() );
	}

	@Test
	void aLineOfSpectraIsAMapOfPositionAndBias( @TempDir final Path dir ) throws Exception
	{
		// the first grid line of the real file as a 20 × 1 grid: same header but Grid dim, same bytes
		final Path f = SharedData.formats( "alexriss_SpmGrids.jl/Grid Spectroscopy002.3ds" );
		final byte[] b = Files.readAllBytes( f );
		final String text = new String( b, StandardCharsets.ISO_8859_1 );
		final int end = text.indexOf( ":HEADER_END:" ) + ":HEADER_END:\r\n".length();
		final String header = text.substring( 0, end ).replace( "Grid dim=\"20 x 20\"", "Grid dim=\"20 x 1\"" );
		final byte[] h = header.getBytes( StandardCharsets.ISO_8859_1 );
		final byte[] out = Arrays.copyOf( h, h.length + 20 * ( 18 + 1280 ) * 4 );
		System.arraycopy( b, end, out, h.length, 20 * ( 18 + 1280 ) * 4 );
		final Path line = Files.write( dir.resolve( "line.3ds" ), out );
		final ConductanceMap m = MapFiles.read( line, new MapImportOptions().valueColumn( "Frequency Shift" ) ).map();
		assertEquals( 20, m.width() );
		assertEquals( 128, m.height() );
		assertEquals( "m", m.xAxis().unit() );
		assertEquals( "V", m.yAxis().unit() );
		assertEquals( "Hz", m.valueUnit() );
		final ByteBuffer d = ByteBuffer.wrap( b, end, b.length - end ).slice().order( ByteOrder.BIG_ENDIAN );
		// pixel 5, file point 0 (bias 0.2 V = top of the ascending axis)
		assertEquals( d.getFloat( 4 * ( 5 * 1298 + 18 + 8 * 128 ) ), m.get( 5, 127 ), 0f );
		// a header that does not match the file's size is refused: HostileInputTest
	}

	@Test
	void aNanonisSpectrumIsRefusedAsAMapWithTheReason()
	{
		final Path f = SharedData.formats( "underchemist_nanonispy/Bias-Spectroscopy002.dat" );
		final BadInputException e = assertThrows( BadInputException.class, () -> MapFiles.read( f, new MapImportOptions() ) );
		assertTrue( e.getMessage().contains( "one spectrum, not a map" ), e.getMessage() );
	}
}
