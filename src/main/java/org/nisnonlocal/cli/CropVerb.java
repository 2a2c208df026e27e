package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapCrop;

/** {@code crop --in MAP --vinj-min A --vinj-max B --vdet-min C --vdet-max D --out MAP}: crop by bias values (omitted = no limit). */
final class CropVerb implements Subcommand
{
	@Override
	public String name() { return "crop"; }

	@Override
	public String summary() { return "crop a map to a bias window given in the axis units (calibration kept)"; }

	@Override
	public String usage() { return "--in MAP [--vinj-min A] [--vinj-max B] [--vdet-min C] [--vdet-max D] --out MAP " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" ), out = a.outputMap( "out" );
		final double x0 = a.number( "vinj-min", Double.NEGATIVE_INFINITY ), x1 = a.number( "vinj-max", Double.POSITIVE_INFINITY );
		final double y0 = a.number( "vdet-min", Double.NEGATIVE_INFINITY ), y1 = a.number( "vdet-max", Double.POSITIVE_INFINITY );
		final ConductanceMap map = MapFiles.read( in, ImportArgs.parse( a ) ).map();
		a.rejectUnknown();
		final ConductanceMap c = MapCrop.crop( map, x0, x1, y0, y1 );
		MapFiles.write( c, out );
		System.out.println( "wrote " + out + " (" + c + ")" );
	}
}
