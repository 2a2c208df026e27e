package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.render.HeatmapPng;

/**
 * Reads and writes maps by file type: {@code .tif/.tiff} (ImageJ TIFF with the plugin's description), {@code .png}
 * (heatmap, write only), the files instruments save ({@link MeasurementFiles}: QCoDeS, HDF5, GNUPlot, Nanonis; read
 * only), anything else text ({@link TextMapImporter}; written as long-format CSV, or matrix CSV when the name ends in
 * {@code .matrix.csv}). Outputs never replace an input file.
 */
public final class MapFiles
{
	private MapFiles() {}

	public static ImportedMap read( final Path file, final MapImportOptions options )
	{
		FileProblems.checkReadable( file );
		if ( isTiff( file ) )
			return new ImportedMap( TiffMapIO.read( file ), java.util.Collections.singletonList( "read ImageJ TIFF " + file.getFileName() ) );
		if ( MeasurementFiles.isMeasurementFile( file ) )
			return MeasurementFiles.readMap( file, options == null ? new MapImportOptions() : options );
		return TextMapImporter.read( file, options );
	}

	public static ConductanceMap read( final Path file ) { return read( file, new MapImportOptions() ).map(); }

	public static void write( final ConductanceMap map, final Path file ) throws IOException
	{
		final String name = file.getFileName().toString().toLowerCase( Locale.ROOT );
		final String src = map.metadata().get( org.nisnonlocal.maps.MapMetadata.SOURCE );
		if ( src != null )
		{
			try
			{
				AtomicFiles.checkNotSame( java.nio.file.Paths.get( src ), file );
			}
			catch ( final java.nio.file.InvalidPathException e )
			{
				// the source is a description, not a file ("synthetic: …")
			}
		}
		if ( isTiff( file ) )
			TiffMapIO.write( map, file );
		else if ( name.endsWith( ".png" ) )
			AtomicFiles.writePng( file, HeatmapPng.render( map, DisplayRange.auto( map ), map.quantity() ) );
		else if ( name.endsWith( ".matrix.csv" ) )
			MapCsvWriter.writeMatrix( map, file );
		else if ( name.endsWith( ".csv" ) || name.endsWith( ".txt" ) || name.endsWith( ".tsv" ) )
			MapCsvWriter.writeLong( map, file );
		else
			throw unknownType( file );
	}

	/** The files {@link #write} writes besides {@code file}: the {@code .meta} sidecar of a text map. */
	public static List< Path > sidecarsWritten( final Path file )
	{
		final String name = file.getFileName().toString().toLowerCase( Locale.ROOT );
		if ( isTiff( file ) || name.endsWith( ".png" ) )
			return Collections.emptyList();
		if ( name.endsWith( ".csv" ) || name.endsWith( ".txt" ) || name.endsWith( ".tsv" ) )
			return Collections.singletonList( MapSidecar.pathFor( file ) );
		throw unknownType( file );
	}

	private static BadInputException unknownType( final Path file )
	{
		return new BadInputException( file + ": unknown output type (use .tif, .csv, .matrix.csv or .png)" );
	}

	static boolean isTiff( final Path file )
	{
		final String name = file.getFileName().toString().toLowerCase( Locale.ROOT );
		return name.endsWith( ".tif" ) || name.endsWith( ".tiff" );
	}
}
