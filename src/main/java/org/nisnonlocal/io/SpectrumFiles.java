package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Spectrum;

/** One local spectrum from a file: a Nanonis bias-spectroscopy .dat (it has a [DATA] line), a 1D run of a QCoDeS database, or a text table. */
public final class SpectrumFiles
{
	private SpectrumFiles() {}

	/**
	 * @param column
	 *            the signal column (null or empty = the lock-in X channel for Nanonis, the second column for text)
	 * @param sweep
	 *            "forward" or "backward" (backward only exists in Nanonis files)
	 */
	public static Spectrum read( final Path file, final String column, final String sweep ) throws IOException
	{
		return read( file, column, sweep, null );
	}

	/** As {@link #read(Path, String, String)}; {@code run} picks a QCoDeS run (null = the first 1D one). */
	public static Spectrum read( final Path file, final String column, final String sweep, final String run ) throws IOException
	{
		if ( !Files.isRegularFile( file ) )
			throw new BadInputException( file + ": no such file" );
		if ( MeasurementFiles.kind( file ) == MeasurementFiles.Kind.QCODES_DB )
			return QcodesImport.spectrum( file, run, column );
		final String col = column == null || column.trim().isEmpty() ? null : column.trim();
		final NanonisSpectrumReader.Sweep s = NanonisSpectrumReader.Sweep.parse( sweep == null ? "forward" : sweep );
		if ( NanonisSpectrumReader.isNanonis( file ) )
			return NanonisSpectrumReader.spectrum( NanonisSpectrumReader.read( file ), col, s );
		if ( s != NanonisSpectrumReader.Sweep.FORWARD )
			throw new BadInputException( file + ": a text spectrum has a single sweep; the backward sweep needs a Nanonis file" );
		return SpectrumTextReader.read( file, null, col );
	}

	/** True when the file holds a backward sweep too. */
	public static boolean hasBackward( final Path file ) throws IOException
	{
		if ( !NanonisSpectrumReader.isNanonis( file ) )
			return false;
		try
		{
			NanonisSpectrumReader.spectrum( NanonisSpectrumReader.read( file ), null, NanonisSpectrumReader.Sweep.BACKWARD );
			return true;
		}
		catch ( final BadInputException e )
		{
			return false;
		}
	}
}
