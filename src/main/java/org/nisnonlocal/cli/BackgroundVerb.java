package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.BackgroundRemoval;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;

/** {@code background --in MAP --mode … --out MAP}: the corrected map, and the background beside it as {@code <out>_background}. */
final class BackgroundVerb implements Subcommand
{
	@Override
	public String name() { return "background"; }

	@Override
	public String summary() { return "subtract a plane, row/column mean or median, or a per-line polynomial; the background is written too"; }

	@Override
	public String usage() { return "--in MAP --mode plane|row-mean|row-median|column-mean|column-median|poly [--degree N] [--along vinj|vdet] --out MAP " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" ), out = a.outputMap( "out" );
		final Path bg = Outputs.sibling( out, "_background" );
		a.alsoWritesMap( "out", bg );
		final BackgroundRemoval.Mode mode = BackgroundRemoval.Mode.parse( a.required( "mode" ) );
		final int degree = a.integer( "degree", 2 );
		final MapAxis along = MapAxis.parse( a.string( "along", "vinj" ) );
		final ConductanceMap map = MapFiles.read( in, ImportArgs.parse( a ) ).map();
		a.rejectUnknown();
		final BackgroundRemoval.Result r = BackgroundRemoval.remove( map, mode, along, degree );
		MapFiles.write( r.corrected(), out );
		MapFiles.write( r.background(), bg );
		System.out.println( "wrote " + out + " and " + bg );
	}
}
