package org.nisnonlocal.commands;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.SweepAverage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Averages repeated maps (others resampled onto the first grid) and keeps the per-point standard error as an error
 * map; reports the second sweep's shift against the first along both axes (hysteresis; also in the mean's metadata)
 * and, with {@code align}, moves the sweeps onto the first before averaging.
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Average Sweeps...", visible = false )
public class AverageSweepsCommand extends ContextCommand
{
	@Parameter( label = "titles", required = false, description = "comma-separated image titles; empty = all open images" )
	private String titles = "";

	@Parameter( label = "align", required = false, description = "shift every sweep onto the first (both axes) before averaging" )
	private boolean align = false;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus mean;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus error;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final List< ImagePlus > images = new ArrayList<>();
		if ( titles == null || titles.trim().isEmpty() )
		{
			for ( final int id : WindowManager.getIDList() == null ? new int[ 0 ] : WindowManager.getIDList() )
				images.add( WindowManager.getImage( id ) );
		}
		else
			for ( final String t : titles.split( "," ) )
			{
				final ImagePlus imp = WindowManager.getImage( t.trim() );
				if ( imp == null )
					throw new BadInputException( "titles: no open image called '" + t.trim() + "'" );
				images.add( imp );
			}
		run( images );
	}

	/** The averaging itself, for callers that hold the images (tests, scripts). */
	void run( final List< ImagePlus > images )
	{
		if ( images.size() < 2 )
			throw new BadInputException( "Average Sweeps needs at least two maps, got " + images.size() );
		final List< ConductanceMap > maps = new ArrayList<>();
		final List< String > names = new ArrayList<>();
		for ( final ImagePlus imp : images )
		{
			maps.add( Images.map( imp, "titles" ) );
			names.add( imp.getTitle() );
		}
		final SweepAverage.Average avg = SweepAverage.average( maps, names, align );
		mean = Images.image( avg.mean(), images.get( 0 ), "mean" );
		error = Images.image( avg.standardError(), images.get( 0 ), "error" );
		report = "Average Sweeps: mean of " + maps.size() + " maps" + ( align ? ", aligned onto the first" : "" ) + "; "
				+ ( avg.shift() != null ? avg.shift().report() : "on different grids: no shift estimated" );
	}
}
