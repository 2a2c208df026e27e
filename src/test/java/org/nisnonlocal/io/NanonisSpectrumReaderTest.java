package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.io.NanonisSpectrumReader.Contents;
import org.nisnonlocal.io.NanonisSpectrumReader.Sweep;
import org.nisnonlocal.maps.Spectrum;

class NanonisSpectrumReaderTest
{
	/** The real spectra; the calling test is skipped when the shared data are absent. */
	private static Path grRe() { return SharedData.real( "stmtools_GrRe_NIS/BiasSpectroscopyNIS.dat" ); }

	private static Path pb() { return SharedData.real( "spectrafox_Pb100/Pb100_Spectrum001.dat" ); }

	@TempDir
	Path tmp;

	/** Bias of the largest value in [lo, hi] (V). */
	static double peakBias( final Spectrum s, final double lo, final double hi )
	{
		double best = Double.NEGATIVE_INFINITY, at = Double.NaN;
		for ( int i = 0; i < s.size(); i++ )
			if ( s.bias( i ) >= lo && s.bias( i ) <= hi && s.value( i ) > best )
			{
				best = s.value( i );
				at = s.bias( i );
			}
		return at;
	}

	@Test
	void grReHeaderColumnsAndBothSweeps() throws IOException
	{
		final Contents c = NanonisSpectrumReader.read( grRe() );
		assertEquals( "T=55mK", c.header().get( "Comment04" ) );
		assertEquals( "893.1E-6", c.header().get( "Bias>Calibration (V/V)" ) );
		assertEquals( 25, c.columnNames().size() );
		assertEquals( 1001, c.rows() );
		assertEquals( "Input 3 [AVG] (V)", NanonisSpectrumReader.defaultSignal( c ) );
		assertEquals( 1.63510, c.column( "Input 3 [AVG]" )[ 0 ], 0 );
		assertEquals( 1.64286, c.column( "input 3 [avg] [bwd] (v)" )[ 0 ], 0 );

		final Spectrum fwd = NanonisSpectrumReader.spectrum( c, null, Sweep.FORWARD );
		final Spectrum bwd = NanonisSpectrumReader.spectrum( c, null, Sweep.BACKWARD );
		for ( final Spectrum s : new Spectrum[] { fwd, bwd } )
		{
			assertEquals( 1001, s.size() );
			assertEquals( "V", s.biasUnit() );
			assertEquals( -1.5e-3, s.bias( 0 ), 1e-12 );
			assertEquals( 1.5e-3, s.bias( 1000 ), 1e-12 );
		}
		// the file sweeps +1.5 → −1.5 mV: the first file row is the last point after sorting
		assertEquals( 1.63510, fwd.value( 1000 ), 0 );
		assertEquals( 1.55592, fwd.value( 0 ), 0 );
		assertEquals( 1.64286, bwd.value( 1000 ), 0 );
		assertEquals( "Input 3 [AVG] [bwd]", bwd.quantity() );
		// the author's raw coherence peaks: −0.3063 / +0.4234 mV (on the 3 µV grid)
		assertEquals( -0.3063e-3, peakBias( fwd, -1e-3, 0.05e-3 ), 4e-6 );
		assertEquals( 0.4234e-3, peakBias( fwd, 0.05e-3, 1e-3 ), 4e-6 );
	}

	@Test
	void pbMultiSegmentLockInX() throws IOException
	{
		final Contents c = NanonisSpectrumReader.read( pb() );
		assertEquals( "X% LockIn (V)", NanonisSpectrumReader.defaultSignal( c ) );
		assertEquals( 2396, c.rows() );
		final Spectrum s = NanonisSpectrumReader.readSpectrum( pb(), Sweep.FORWARD );
		assertEquals( -4e-3, s.bias( 0 ), 1e-12 );
		assertEquals( 4e-3, s.bias( s.size() - 1 ), 1e-12 );
		assertTrue( !s.isUniform() );
		assertEquals( 2.65e-3, peakBias( s, 0, 4e-3 ), 0.01e-3 );
		assertEquals( -2.67e-3, peakBias( s, -4e-3, 0 ), 0.01e-3 );
		final BadInputException e = assertThrows( BadInputException.class, () -> NanonisSpectrumReader.spectrum( c, null, Sweep.BACKWARD ) );
		assertTrue( e.getMessage().contains( "no backward sweep" ), e.getMessage() );
	}

	@Test
	void unknownColumnListsTheNames() throws IOException
	{
		final Contents c = NanonisSpectrumReader.read( pb() );
		final BadInputException e = assertThrows( BadInputException.class, () -> NanonisSpectrumReader.spectrum( c, "Input 7", Sweep.FORWARD ) );
		assertTrue( e.getMessage().startsWith( pb().toString() + ": no column 'Input 7'" ), e.getMessage() );
		assertTrue( e.getMessage().contains( "Bias calc (V), Current (A), X% LockIn (V), Y% LockIn (V), Z (m)" ), e.getMessage() );
	}

	private Path write( final String text ) throws IOException
	{
		final Path p = tmp.resolve( "s.dat" );
		Files.write( p, text.getBytes( StandardCharsets.UTF_8 ) );
		return p;
	}

	private void assertFails( final String text, final String expected ) throws IOException
	{
		final Path p = write( text );
		final BadInputException e = assertThrows( BadInputException.class, () -> NanonisSpectrumReader.read( p ) );
		assertEquals( p + expected, e.getMessage() );
	}

	@Test
	void malformedFilesNameFileAndLine() throws IOException
	{
		assertFails( "Experiment\tbias spectroscopy\n1\t2\n", ": no [DATA] line: not a Nanonis bias-spectroscopy file" );
		assertFails( "A\tb\n[DATA]\nBias calc (V)\tX (V)\n1e-3\t2\n2e-3\n", ":5: row has 1 values but the header names 2 columns" );
		assertFails( "[DATA]\nBias calc (V)\tX (V)\n1e-3\t2\n2e-3\tabc\n", ":4: 'abc' in column 'X (V)' is not a number" );
	}

	@Test
	void nanInChosenColumnIsRejectedWithItsLine() throws IOException
	{
		final Path p = write( "[DATA]\r\nBias calc (V)\tX% LockIn (V)\t\r\n1e-3\t2\t\r\n2e-3\tNaN\t\r\n" );
		final Contents c = NanonisSpectrumReader.read( p );
		final BadInputException e = assertThrows( BadInputException.class, () -> NanonisSpectrumReader.spectrum( c, null, Sweep.FORWARD ) );
		assertEquals( p + ":4: 'X% LockIn (V)' is NaN (incomplete sweep?)", e.getMessage() );
		assertTrue( NanonisSpectrumReader.isNanonis( p ) );
	}
}
