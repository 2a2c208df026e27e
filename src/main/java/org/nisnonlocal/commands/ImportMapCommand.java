package org.nisnonlocal.commands;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.ij1.FileChoices;
import org.nisnonlocal.ij1.GridStacks;
import org.nisnonlocal.io.FileContents;
import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.io.ImportedMap;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.MeasurementFiles;
import org.nisnonlocal.io.NanonisGrid;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A measured map from text (long or matrix CSV/TSV/whitespace, units in the header or given here), the plugin's TIFF,
 * or a file an instrument saved (QCoDeS database, HDF5, GNUPlot .dat: a run's dependent against two setpoints), as a
 * calibrated 32-bit image; a Nanonis grid (.3ds) as a hyperstack (x, y, bias) of one channel with its per-pixel
 * parameters in a table. Empty column fields mean "choose by name" (for measurement files: the parameter names); the
 * report says what was detected, averaged, dropped or resampled. The file is only read.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Import Map...", visible = false )
public class ImportMapCommand extends ContextCommand implements FileChoices
{
	@Parameter( label = "file" )
	private File file;

	@Parameter( label = "layout", choices = { "auto", "long", "matrix" } )
	private String layout = "auto";

	@Parameter( label = "x_column", required = false, description = "name or 1-based position; empty = V_inj/bias" )
	private String x_column = "";

	@Parameter( label = "y_column", required = false, description = "name or position; empty = V_det or the other axis" )
	private String y_column = "";

	@Parameter( label = "value_column", required = false, description = "name or position; empty = g or the last column" )
	private String value_column = "";

	@Parameter( label = "x_unit", required = false, description = "e.g. mV; empty = from the header" )
	private String x_unit = "";

	@Parameter( label = "y_unit", required = false )
	private String y_unit = "";

	@Parameter( label = "value_unit", required = false, description = "e.g. µS; empty = from the header" )
	private String value_unit = "";

	@Parameter( label = "run", required = false, description = "QCoDeS database: run id; empty = the first run with a 2D dependent" )
	private String run = "";

	@Parameter( label = "retrace", choices = { "average", "reject", "first" } )
	private String retrace = "average";

	@Parameter( label = "resample", description = "put an irregular grid onto a uniform one" )
	private boolean resample = false;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus map;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ResultsTable parameters;

	@Override
	public void run()
	{
		if ( file == null )
			throw new BadInputException( "no file given" );
		final String xc = chosen( x_column ), yc = chosen( y_column ), vc = chosen( value_column );
		if ( MeasurementFiles.kind( file.toPath() ) == MeasurementFiles.Kind.NANONIS_GRID )
		{
			final NanonisGrid g = NanonisGrid.read( file.toPath() );
			if ( g.width() > 1 && g.height() > 1 )
			{
				final int c = g.channel( vc );
				map = GridStacks.toImagePlus( g, c, file.getName() + " " + g.channelName( c ) );
				parameters = GridStacks.parameters( g );
				report = "Import Map (" + file + "):\n  Nanonis grid " + g.width() + " × " + g.height() + " pixels × " + g.points() + " " + g.sweep().name() + " points, channel " + g.channels().get( c )
						+ ( g.sweepReversed() ? "\n  " + g.sweep().name() + " swept downward in the file: shown ascending" : "" ) + "\n  per-pixel parameters in the table (" + g.parameters().size() + " columns)";
				return;
			}
		}
		final MapImportOptions options = new MapImportOptions()
				.format( MapImportOptions.Format.parse( layout ) )
				.xColumn( xc ).yColumn( yc ).valueColumn( vc ).run( chosen( run ) )
				.xUnit( x_unit ).yUnit( y_unit ).valueUnit( value_unit )
				.retrace( MapImportOptions.Retrace.parse( retrace ) )
				.resample( resample );
		final ImportedMap imported = MapFiles.read( file.toPath(), options );
		map = ImagePlusBridge.toImagePlus( imported.map(), file.getName() );
		report = "Import Map (" + file + "):\n  " + String.join( "\n  ", imported.report() );
	}

	private static String chosen( final String s ) { return s == null || s.trim().equals( DEFAULT ) ? "" : s; }

	@Override
	public Map< String, List< String > > choicesFor( final File f )
	{
		final Map< String, List< String > > out = new LinkedHashMap<>();
		if ( f == null || !f.isFile() || !MeasurementFiles.isMeasurementFile( f.toPath() ) )
			return out;
		final FileContents c = MeasurementFiles.contents( f.toPath() );
		if ( !c.runs().isEmpty() )
			out.put( "run", withDefault( c.runs() ) );
		if ( MeasurementFiles.kind( f.toPath() ) == MeasurementFiles.Kind.NANONIS_GRID )
		{
			final List< String > channels = new ArrayList<>();
			for ( final FileContents.Row r : c.rows() )
				if ( r.role.equals( "channel" ) )
					channels.add( r.name );
			out.put( "value_column", withDefault( channels ) );
			return out;
		}
		final List< String > names = withDefault( c.names() );
		out.put( "x_column", names );
		out.put( "y_column", names );
		out.put( "value_column", names );
		return out;
	}

	private static List< String > withDefault( final List< String > items )
	{
		final List< String > l = new ArrayList<>();
		l.add( DEFAULT );
		l.addAll( items );
		return l;
	}
}
