package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.OffsetCorrection;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;

/** {@code offset --in MAP --out FILE [--axis vinj|vdet] (--value V | --estimate even|odd)}: bias-offset correction. */
final class OffsetVerb implements Subcommand
{
	@Override
	public String name() { return "offset"; }

	@Override
	public String summary() { return "shift a bias axis by a given offset or one estimated from the map's symmetry (recorded in the metadata)"; }

	@Override
	public String usage() { return "--in MAP --out FILE [--axis vinj|vdet] (--value OFFSET_IN_AXIS_UNIT | --estimate even|odd) " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" ), out = a.outputMap( "out" );
		final MapAxis axis = MapAxis.parse( a.string( "axis", "vinj" ) );
		final String estimate = a.string( "estimate", null );
		final double value = a.number( "value", Double.NaN );
		final ConductanceMap map = MapFiles.read( in, ImportArgs.parse( a ) ).map();
		a.rejectUnknown();
		if ( ( estimate == null ) == Double.isNaN( value ) )
			throw new BadInputException( "give exactly one of --value OFFSET and --estimate even|odd" );
		final OffsetCorrection c = OffsetCorrection.apply( map, axis, estimate == null ? "given" : estimate, value );
		MapFiles.write( c.map(), out );
		System.err.println( "  " + c.report() ); // after the write: a failed run prints only its error
		System.out.println( "wrote " + out );
	}
}
