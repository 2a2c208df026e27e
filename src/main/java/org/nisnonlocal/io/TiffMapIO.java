package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

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
		AtomicFiles.writeVia( file, tmp -> {
			if ( !new FileSaver( imp ).saveAsTiff( tmp.toString() ) )
				throw new IOException( file + ": could not write TIFF" );
		} );
	}

	public static ConductanceMap read( final Path file )
	{
		if ( !Files.isRegularFile( file ) )
			throw new BadInputException( file + ": no such file" );
		final ImagePlus imp = new Opener().openTiff( file.toAbsolutePath().getParent().toString() + "/", file.getFileName().toString() );
		if ( imp == null )
			throw new BadInputException( file + ": not a TIFF ImageJ can read" );
		return ImagePlusBridge.fromImagePlus( imp );
	}
}
