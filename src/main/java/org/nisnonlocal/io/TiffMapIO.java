package org.nisnonlocal.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.RoiEncoder;
import ij.io.TiffEncoder;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.ij1.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;

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
		final ImagePlus imp = new Opener().openTiff( file.toAbsolutePath().getParent().toString() + "/", file.getFileName().toString() );
		if ( imp == null )
			throw new BadInputException( file + ": not a TIFF ImageJ can read" );
		return ImagePlusBridge.fromImagePlus( imp );
	}
}
