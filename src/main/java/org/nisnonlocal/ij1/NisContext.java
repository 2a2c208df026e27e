package org.nisnonlocal.ij1;

import java.util.Arrays;

import ij.IJ;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.event.EventService;
import org.scijava.log.LogService;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;

/**
 * The SciJava context the ImageJ 1 entry points run commands in. In Fiji that is the application's own context
 * (imagej-legacy answers {@code IJ.runPlugIn("org.scijava.Context", "")}); in plain ImageJ 1 it is one lean context
 * of our own, built with this plugin's class loader (ImageJ's PluginClassLoader; the default loader would see an
 * empty class pool).
 */
public final class NisContext
{
	private static Context own;

	/** Held here because the EventService keeps only weak references to subscribers: an unreferenced forwarder is
	 * collected and progress silently stops reaching the status bar. */
	private static StatusForwarder forwarder;

	private NisContext() {}

	public static synchronized Context get()
	{
		final Object app = fijiContext();
		if ( app instanceof Context )
			return ( Context ) app;
		if ( own == null )
		{
			own = new Context( Arrays.asList( CommandService.class, StatusService.class, LogService.class, EventService.class ),
					new PluginIndex( new DefaultPluginFinder( NisContext.class.getClassLoader() ) ) );
			forwarder = new StatusForwarder();
			own.inject( forwarder );
		}
		return own;
	}

	private static Object fijiContext()
	{
		try
		{
			// Only imagej-legacy provides this; in plain ImageJ 1 the call would fail or return nothing.
			Class.forName( "net.imagej.legacy.LegacyService", false, NisContext.class.getClassLoader() );
			return IJ.runPlugIn( "org.scijava.Context", "" );
		}
		catch ( final ClassNotFoundException e )
		{
			return null;
		}
	}
}
