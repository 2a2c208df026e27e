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
 * map; for two maps on one grid it also reports the up/down sweep shift along V_inj (hysteresis).
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Map Tools>Average Sweeps...", visible = false )
public class AverageSweepsCommand extends ContextCommand
{
	@Parameter( label = "titles", required = false, description = "comma-separated image titles; empty = all open images" )
	private String titles = "";

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
		for ( final ImagePlus imp : images )
			maps.add( Images.map( imp, "titles" ) );
		final SweepAverage.Average avg = SweepAverage.average( maps );
		mean = Images.image( avg.mean(), images.get( 0 ), "mean" );
		error = Images.image( avg.standardError(), images.get( 0 ), "error" );
		report = "Average Sweeps: mean of " + maps.size() + " maps";
		final ConductanceMap a = maps.get( 0 ), b = maps.get( 1 );
		if ( maps.size() == 2 && a.xAxis().sameGrid( b.xAxis(), 1e-6 ) && a.yAxis().sameGrid( b.yAxis(), 1e-6 ) )
		{
			final SweepAverage.Shift s = SweepAverage.sweepShift( a, b, 5 );
			report += "; second sweep shifted by " + s.shift() + " " + a.xAxis().unit() + " along " + a.xAxis().name() + " (" + s.shiftSteps() + " steps)";
		}
	}
}
