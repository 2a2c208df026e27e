package org.nisnonlocal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * The files instruments save, recognised by their first bytes (the extension only where the content cannot tell):
 * QCoDeS SQLite databases, HDF5 (Labber logs, legacy QCoDeS HDF5, netCDF4), legacy QCoDeS GNUPlot {@code .dat},
 * Nanonis grid spectroscopy {@code .3ds} and Nanonis spectra (refused as maps, with the reason). Every reader only
 * reads: nothing is written next to the file.
 */
public final class MeasurementFiles
{
	/** What a file is. TEXT and TIFF go through the older readers. */
	public enum Kind
	{
		QCODES_DB( "QCoDeS database" ), HDF5( "HDF5" ), QCODES_GNUPLOT( "legacy QCoDeS GNUPlot .dat" ), NANONIS_GRID( "Nanonis grid spectroscopy .3ds" ),
		NANONIS_SPECTRUM( "Nanonis spectrum .dat" ), TIFF( "TIFF" ), TEXT( "text" );

		public final String label;

		Kind( final String label ) { this.label = label; }
	}

	private static final byte[] HDF5_MAGIC = { ( byte ) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	private MeasurementFiles() {}

	public static Kind kind( final Path file )
	{
		final byte[] head = head( file, 512 );
		final String name = file.getFileName().toString().toLowerCase( Locale.ROOT );
		if ( head.length >= 16 && new String( head, 0, 16, StandardCharsets.ISO_8859_1 ).equals( "SQLite format 3\0" ) )
			return Kind.QCODES_DB;
		if ( head.length >= 8 && Arrays.equals( Arrays.copyOf( head, 8 ), HDF5_MAGIC ) )
			return Kind.HDF5;
		final String text = new String( head, StandardCharsets.ISO_8859_1 );
		if ( text.startsWith( "Grid dim=" ) || name.endsWith( ".3ds" ) )
			return Kind.NANONIS_GRID;
		if ( name.endsWith( ".tif" ) || name.endsWith( ".tiff" ) )
			return Kind.TIFF;
		if ( QcodesGnuplot.looksLike( text ) )
			return Kind.QCODES_GNUPLOT;
		if ( text.startsWith( "Experiment\t" ) && text.contains( "pectroscopy" ) )
			return Kind.NANONIS_SPECTRUM;
		return Kind.TEXT;
	}

	/** True for the formats this class reads (everything but text and TIFF). */
	public static boolean isMeasurementFile( final Path file )
	{
		final Kind k = kind( file );
		return k != Kind.TEXT && k != Kind.TIFF;
	}

	/** What the file holds, for {@code inspect} and the Import Map dialog. */
	public static FileContents contents( final Path file )
	{
		exists( file );
		switch ( kind( file ) )
		{
		case QCODES_DB:
			return QcodesImport.contents( file );
		case HDF5:
			return Hdf5Import.contents( file );
		case QCODES_GNUPLOT:
			return QcodesGnuplot.contents( file );
		case NANONIS_GRID:
			return NanonisGrid.read( file ).contents();
		case NANONIS_SPECTRUM:
			return new FileContents( Kind.NANONIS_SPECTRUM.label, java.util.Collections.emptyList(),
					java.util.Collections.singletonList( "one local spectrum, not a map: open it with Import Spectrum (runner: fit-dynes)" ) );
		default:
			throw new BadInputException( file + ": a " + kind( file ).label + " file; inspect lists measurement files (QCoDeS .db, HDF5, GNUPlot .dat, Nanonis .3ds)" );
		}
	}

	/** One map: the run, x, y and value the options name, or the file's default. */
	public static ImportedMap readMap( final Path file, final MapImportOptions o )
	{
		exists( file );
		switch ( kind( file ) )
		{
		case QCODES_DB:
			return QcodesImport.map( file, o );
		case HDF5:
			return Hdf5Import.map( file, o );
		case QCODES_GNUPLOT:
			return QcodesGnuplot.map( file, o );
		case NANONIS_GRID:
			return NanonisGrid.read( file ).lineMap( file, o );
		case NANONIS_SPECTRUM:
			throw new BadInputException( file + ": a Nanonis bias spectroscopy file holds one spectrum, not a map: open it with Import Spectrum (runner: fit-dynes)" );
		default:
			throw new IllegalArgumentException( file + " is not a measurement file" );
		}
	}

	private static void exists( final Path file )
	{
		FileProblems.checkReadable( file );
	}

	private static byte[] head( final Path file, final int n )
	{
		try (InputStream in = Files.newInputStream( file ))
		{
			final byte[] b = new byte[ n ];
			int got = 0, r;
			while ( got < n && ( r = in.read( b, got, n - got ) ) > 0 )
				got += r;
			return Arrays.copyOf( b, got );
		}
		catch ( final IOException e )
		{
			throw new BadInputException( file + ": cannot be read (" + e.getMessage() + ")" );
		}
	}
}
