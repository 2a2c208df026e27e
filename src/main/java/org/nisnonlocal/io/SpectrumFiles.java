package org.nisnonlocal.io;

import java.io.IOException;
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
		return read( file, sweep, new SpectrumTextReader.Selection().valueColumn( column ), null );
	}

	/** As {@link #read(Path, String, String)}; {@code run} picks a QCoDeS run (null = the first 1D one). */
	public static Spectrum read( final Path file, final String column, final String sweep, final String run ) throws IOException
	{
		return read( file, sweep, new SpectrumTextReader.Selection().valueColumn( column ), run );
	}

	/**
	 * As above with the text-table choices of {@code selection} (bias column, units, one curve of several); a Nanonis
	 * file or a QCoDeS run takes only the value column from it.
	 */
	public static Spectrum read( final Path file, final String sweep, final SpectrumTextReader.Selection selection ) throws IOException
	{
		return read( file, sweep, selection, null );
	}

	/** As above; {@code run} picks a QCoDeS run (null = the first 1D one). */
	public static Spectrum read( final Path file, final String sweep, final SpectrumTextReader.Selection selection, final String run ) throws IOException
	{
		FileProblems.checkReadable( file );
		final boolean tableChoices = selection.biasColumn != null || selection.biasUnit != null || selection.valueUnit != null || selection.whereColumn != null;
		if ( MeasurementFiles.kind( file ) == MeasurementFiles.Kind.QCODES_DB )
		{
			if ( tableChoices )
				throw new BadInputException( file + ": a QCoDeS run names its setpoint and units itself; the bias column, units and where apply to text tables" );
			return QcodesImport.spectrum( file, run, selection.valueColumn );
		}
		final NanonisSpectrumReader.Sweep s = NanonisSpectrumReader.Sweep.parse( sweep == null ? "forward" : sweep );
		if ( NanonisSpectrumReader.isNanonis( file ) )
		{
			if ( tableChoices )
				throw new BadInputException( file + ": a Nanonis file names its bias column and units itself; the bias column, units and where apply to text tables" );
			return NanonisSpectrumReader.spectrum( NanonisSpectrumReader.read( file ), selection.valueColumn, s );
		}
		if ( s != NanonisSpectrumReader.Sweep.FORWARD )
			throw new BadInputException( file + ": a text spectrum has a single sweep; the backward sweep needs a Nanonis file" );
		return SpectrumTextReader.read( file, selection );
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
