package org.nisnonlocal.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.RoiEncoder;
import ij.io.TiffDecoder;
import ij.io.TiffEncoder;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapChecks;

/**
 * Maps as ImageJ TIFFs: 32-bit float, ImageJ calibration (bias axes, value unit, inverted y) and the plugin's
 * description in the Info tag, so the file opens calibrated in plain ImageJ/Fiji and round-trips exactly here.
 * Works without a display (the runner uses it).
 */
public final class TiffMapIO
{
	private TiffMapIO() {}

	public static void write( final ConductanceMap map, final Path file ) throws IOException
	{
		final ImagePlus imp = ImagePlusBridge.toImagePlus( map, file.getFileName().toString() );
		AtomicFiles.write( file, out -> encode( imp, out ) );
	}

	/**
	 * The TIFF {@link FileSaver#saveAsTiff(String)} writes for a single image, to a stream: FileSaver opening the file
	 * itself would report a failure in a dialog (several lines on stderr when headless) naming our temporary.
	 */
	private static void encode( final ImagePlus imp, final java.io.OutputStream out ) throws IOException
	{
		final FileInfo fi = imp.getFileInfo();
		fi.info = imp.getInfoProperty();
		final String label = imp.hasImageStack() ? imp.getStack().getSliceLabel( 1 ) : null;
		if ( label != null )
			fi.sliceLabels = new String[] { label };
		fi.description = new FileSaver( imp ).getDescriptionString();
		if ( imp.getRoi() != null )
			fi.roi = RoiEncoder.saveAsByteArray( imp.getRoi() );
		fi.overlay = FileSaver.getOverlay( imp );
		fi.properties = imp.getPropertiesAsArray();
		final DataOutputStream data = new DataOutputStream( new BufferedOutputStream( out ) );
		new TiffEncoder( fi ).write( data );
		data.flush();
	}

	public static ConductanceMap read( final Path file )
	{
		FileProblems.checkReadable( file );
		checkDeclaredSize( file );
		final ImagePlus imp = new Opener().openTiff( file.toAbsolutePath().getParent().toString() + "/", file.getFileName().toString() );
		if ( imp == null )
			throw new BadInputException( file + ": not a TIFF ImageJ can read" );
		return MapChecks.usable( ImagePlusBridge.fromImagePlus( imp ), file.toString() );
	}

	/** Deflate, the strongest TIFF compression, packs at most ~1032 bytes into one. */
	private static final long MAX_COMPRESSION = 1100;

	/**
	 * Reads only the TIFF header and refuses, before ImageJ allocates the pixels, a file whose declared image does not
	 * fit this Java's memory or is longer than the file (cut short, or a corrupted header), and strips that run past
	 * its end.
	 */
	static void checkDeclaredSize( final Path file )
	{
		final FileInfo[] infos;
		final long length;
		try
		{
			length = Files.size( file );
			infos = new TiffDecoder( file.toAbsolutePath().getParent().toString() + "/", file.getFileName().toString() ).getTiffInfo();
		}
		catch ( final IOException | RuntimeException e )
		{
			throw new BadInputException( file + ": not a TIFF ImageJ can read (" + e.getMessage() + ")" );
		}
		if ( infos == null || infos.length == 0 )
			throw new BadInputException( file + ": not a TIFF ImageJ can read (no image directory)" );
		for ( final FileInfo fi : infos )
		{
			final long images = Math.max( 1, fi.nImages );
			final long pixels = ( long ) fi.width * fi.height * images;
			if ( fi.width <= 0 || fi.height <= 0 )
				throw new BadInputException( file + ": the TIFF header declares a " + fi.width + " × " + fi.height + " image" );
			final long asFloat = 4 * pixels;
			if ( pixels > Integer.MAX_VALUE - 8 || asFloat > Runtime.getRuntime().maxMemory() / 2 )
				throw new BadInputException( String.format( Locale.ROOT, "%s: the TIFF header declares %d × %d pixels%s (%.3g GB as 32-bit values), more than this Java can hold (heap %.3g GB): a corrupted header?", file,
						fi.width, fi.height, images > 1 ? " × " + images + " images" : "", asFloat / 1e9, Runtime.getRuntime().maxMemory() / 1e9 ) );
			final long bytes = fi.fileType == FileInfo.BITMAP ? ( fi.width + 7L ) / 8 * fi.height * images : pixels * Math.max( 1, fi.getBytesPerPixel() );
			final boolean compressed = fi.compression != FileInfo.COMPRESSION_NONE;
			if ( !compressed && fi.getOffset() + bytes > length )
				throw new BadInputException( String.format( Locale.ROOT, "%s: cut short: the TIFF header declares %d × %d pixels (%d bytes from byte %d) but the file has %d bytes", file, fi.width, fi.height, bytes, fi.getOffset(), length ) );
			if ( compressed && bytes > MAX_COMPRESSION * length )
				throw new BadInputException( String.format( Locale.ROOT, "%s: the TIFF header declares %d × %d pixels (%d bytes), more than a %d-byte file can hold even compressed: a corrupted header?", file, fi.width, fi.height, bytes, length ) );
			if ( fi.stripOffsets != null && fi.stripLengths != null )
				for ( int k = 0; k < Math.min( fi.stripOffsets.length, fi.stripLengths.length ); k++ )
					if ( ( fi.stripOffsets[ k ] & 0xffffffffL ) + ( fi.stripLengths[ k ] & 0xffffffffL ) > length )
						throw new BadInputException( String.format( Locale.ROOT, "%s: cut short: image strip %d runs to byte %d but the file has %d bytes", file, k + 1,
								( fi.stripOffsets[ k ] & 0xffffffffL ) + ( fi.stripLengths[ k ] & 0xffffffffL ), length ) );
		}
	}
}
