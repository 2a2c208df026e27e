package org.nisnonlocal.ij1;

import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.nisnonlocal.BadInputException;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * The one ImageJ 1 entry point: {@code plugins.config} lists each menu item with the SciJava command class as its
 * argument. It asks for the inputs with a macro-recordable GenericDialog, runs the command in {@link NisContext}, shows
 * image outputs and logs text outputs. Errors reach the user as one message (and abort a running macro).
 */
public class NisPlugIn implements PlugIn
{
	@Override
	public void run( final String commandClass )
	{
		final String title = "NIS Nonlocal";
		try
		{
			final Context ctx = NisContext.get();
			final CommandService commands = ctx.service( CommandService.class );
			final CommandInfo info = commands.getCommand( commandClass );
			if ( info == null )
				throw new IllegalStateException( "command not found: " + commandClass );
			final ModuleService modules = ctx.service( ModuleService.class );
			final Module module = modules.createModule( info );
			final Map< String, Object > inputs = CommandDialog.ask( info.getTitle(), module );
			if ( inputs == null )
				return; // cancelled
			runCancellableByEscape( module, inputs );
			show( module );
		}
		catch ( final Exception e )
		{
			final Throwable bad = rootBadInput( e );
			if ( bad != null )
				IJ.error( title, bad.getMessage() );
			else
			{
				IJ.log( title + ": internal error: " + e );
				IJ.handleException( e );
			}
		}
	}

	/**
	 * Runs the command on this thread, so a failure comes back here as one message for the user (through the
	 * ModuleService it would also be logged with a stack trace). ImageJ's Esc key (the usual way to stop long work in
	 * ImageJ 1) cancels it.
	 */
	private static void runCancellableByEscape( final Module module, final Map< String, Object > inputs )
	{
		for ( final Map.Entry< String, Object > in : inputs.entrySet() )
		{
			module.setInput( in.getKey(), in.getValue() );
			module.resolveInput( in.getKey() );
		}
		IJ.resetEscape();
		final Object command = module.getDelegateObject();
		final Thread watcher = new Thread( () -> {
			while ( !Thread.currentThread().isInterrupted() )
			{
				if ( IJ.escapePressed() && command instanceof Cancelable )
				{
					( ( Cancelable ) command ).cancel( "Esc pressed" );
					return;
				}
				try
				{
					Thread.sleep( 200 );
				}
				catch ( final InterruptedException e )
				{
					return;
				}
			}
		}, "NIS Nonlocal: Esc watcher" );
		watcher.setDaemon( true );
		watcher.start();
		try
		{
			module.run();
		}
		finally
		{
			watcher.interrupt();
		}
	}

	private static void show( final Module done )
	{
		for ( final ModuleItem< ? > out : done.getInfo().outputs() )
		{
			final Object v = done.getOutput( out.getName() );
			if ( v instanceof ImagePlus )
				showEnlarged( ( ImagePlus ) v );
			else if ( v instanceof ResultsTable )
				( ( ResultsTable ) v ).show( done.getInfo().getTitle().replace( "...", "" ) + ": " + out.getName() );
			else if ( v instanceof String && !( ( String ) v ).isEmpty() )
				IJ.log( ( String ) v );
		}
	}

	/**
	 * Shows an image; a map of a few dozen bias points (101 × 41 is typical) would open as a thumbnail-sized window,
	 * so small images open zoomed in to about 600 pixels wide (a power-of-two zoom, at most 800 %).
	 */
	private static void showEnlarged( final ImagePlus imp )
	{
		imp.show();
		final int w = Math.max( 1, imp.getWidth() ), h = Math.max( 1, imp.getHeight() );
		int zoom = 1;
		while ( zoom < 8 && 2 * zoom * w <= 600 && 2 * zoom * h <= 600 )
			zoom *= 2;
		if ( zoom > 1 && imp.getWindow() != null && !"Plot".equals( imp.getProperty( "type" ) ) && !( imp.getWindow() instanceof ij.gui.PlotWindow ) )
			IJ.run( imp, "Set... ", "zoom=" + 100 * zoom );
	}

	private static Throwable rootBadInput( Throwable e )
	{
		while ( e != null )
		{
			if ( e instanceof BadInputException )
				return e;
			e = e.getCause();
		}
		return null;
	}
}
