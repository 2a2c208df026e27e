package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapChecks;

/** The conversions every command does at its edges: input image → map, result map → titled image. */
final class Images
{
	private Images() {}

	static ConductanceMap map( final ImagePlus imp, final String parameter )
	{
		if ( imp == null )
			throw new BadInputException( "no image given for '" + parameter + "'" );
		return MapChecks.usable( ImagePlusBridge.fromImagePlus( imp ), imp.getTitle() );
	}

	/** A new image titled "&lt;source title without extension&gt;_&lt;suffix&gt;". */
	static ImagePlus image( final ConductanceMap map, final ImagePlus source, final String suffix )
	{
		return ImagePlusBridge.toImagePlus( map, baseTitle( source ) + "_" + suffix );
	}

	static String baseTitle( final ImagePlus source )
	{
		final String t = source == null ? "map" : source.getTitle();
		final int dot = t.lastIndexOf( '.' );
		return dot > 0 && t.length() - dot <= 5 ? t.substring( 0, dot ) : t;
	}
}
