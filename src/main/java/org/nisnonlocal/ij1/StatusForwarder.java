package org.nisnonlocal.ij1;

import ij.IJ;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/** Shows SciJava progress and status messages in ImageJ 1's status bar (Fiji does this itself). */
final class StatusForwarder
{
	@EventHandler
	public void onEvent( final StatusEvent e )
	{
		if ( e.getProgressMaximum() > 0 )
			IJ.showProgress( e.getProgressValue(), e.getProgressMaximum() );
		else
			IJ.showProgress( 1.0 ); // no progress (start, end, cleared): hide the bar
		final String msg = e.getStatusMessage();
		if ( msg != null && !msg.isEmpty() )
			IJ.showStatus( msg );
	}
}
