package org.nisnonlocal.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.LineCuts;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.render.CurvesPng;

/**
 * {@code cuts --in MAP --axis vdet|vinj --at a,b,c [--offset O] --out FILE.csv}: cuts at fixed values of one axis.
 * The CSV has the cut value, the other axis and g (no offset); FILE.png shows the cuts stacked by k·O.
 */
final class CutsVerb implements Subcommand
{
	@Override
	public String name() { return "cuts"; }

	@Override
	public String summary() { return "line cuts at fixed V_det (or V_inj) values: CSV plus a stacked PNG plot (cuts between rows interpolated)"; }

	@Override
	public String usage() { return "--in MAP --axis vdet|vinj (--at a,b,c | --every N) [--offset O] --out FILE.csv " + ImportArgs.USAGE; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" ), out = a.output( "out" );
		final Path pngFile = Paths.get( out.toString().replaceAll( "\\.csv$", "" ) + ".png" );
		a.alsoWrites( "out", pngFile );
		final MapAxis selecting = MapAxis.parse( a.string( "axis", "vdet" ) );
		final double[] at = a.numbers( "at" );
		final int every = a.integer( "every", 0 );
		final double offset = a.number( "offset", 0 );
		final ConductanceMap map = MapFiles.read( in, ImportArgs.parse( a ) ).map();
		a.rejectUnknown();
		if ( a.has( "every" ) && every < 1 )
			throw new BadInputException( "--every " + every + ": give a positive number of rows (every N-th row is cut)" );
		if ( ( at == null ) == ( every <= 0 ) )
			throw new BadInputException( "give exactly one of --at a,b,c and --every N" );
		final List< LineCuts.Cut > cuts = at != null ? LineCuts.at( map, selecting, at ) : LineCuts.everyNth( map, selecting, every );
		final String sel = selecting.of( map ).name(), along = selecting.otherOf( map ).name();
		AtomicFiles.write( out, os -> {
			final Writer w = new BufferedWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.write( sel + "," + along + ",g\n" );
			for ( final LineCuts.Cut c : cuts )
			{
				final double[] x = c.positions();
				for ( int i = 0; i < x.length; i++ )
					w.write( Numbers.formatAxis( c.value() ) + "," + Numbers.formatAxis( x[ i ] ) + "," + Numbers.format( c.value( i ) ) + "\n" );
			}
			w.flush();
		} );
		final CurvesPng png = new CurvesPng( map.quantity() + " cuts" + ( offset != 0 ? ", offset successively by " + offset + " " + map.valueUnit() : "" ),
				along + " (" + selecting.otherOf( map ).unit() + ")", map.quantity() + " (" + map.valueUnit() + ")" );
		final List< LineCuts.Cut > stacked = LineCuts.stacked( cuts, offset );
		for ( final LineCuts.Cut c : stacked )
			png.add( sel + " = " + Numbers.formatAxis( c.value() ) + ( c.isInterpolated() ? " (interp.)" : "" ), c.positions(), c.values() );
		AtomicFiles.writePng( pngFile, png.render() );
		for ( final LineCuts.Cut c : cuts )
			if ( c.isInterpolated() )
				System.err.println( "  cut at " + sel + " = " + c.value() + " lies between grid rows: linearly interpolated" );
		System.out.println( "wrote " + out + " and " + pngFile + " (" + cuts.size() + " cuts)" );
	}
}
