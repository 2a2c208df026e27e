package org.nisnonlocal.ij1;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.Contours;

/**
 * Iso-lines as an ImageJ 1 {@link Overlay} on a map shown by {@link ImagePlusBridge}: one sub-pixel polyline (closed
 * lines as polygons) per line, in {@link Contours.Line#pixelX}/{@link Contours.Line#pixelY} coordinates. Those are
 * ImageJ's own: integer coordinates are pixel corners, row 0 at the top, so a vertex at a sample lies on the centre of
 * its pixel (+0.5), where ImageJ draws that sample's colour. Solid for levels ≥ 0, dashed below zero, as in the PNGs.
 * The lines must be in the grid of the image's map ({@link Contours.Line#onGrid} moves them there).
 */
public final class ContourOverlay
{
	private ContourOverlay() {}

	public static Overlay of( final List< Contours.Line > lines, final Color colour )
	{
		final Overlay overlay = new Overlay();
		for ( final Contours.Line l : lines )
			overlay.add( roi( l, colour ) );
		return overlay;
	}

	/** The lines added on top of the image's overlay (which may hold the grey mask of missing points). */
	public static void addTo( final ImagePlus imp, final List< Contours.Line > lines, final Color colour )
	{
		final Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
		for ( final Roi r : of( lines, colour ) )
			overlay.add( r );
		imp.setOverlay( overlay );
	}

	static Roi roi( final Contours.Line l, final Color colour )
	{
		final boolean closed = l.isClosed();
		final int n = closed ? l.size() - 1 : l.size(); // a polygon closes itself: no repeated vertex
		final float[] xs = new float[ n ], ys = new float[ n ];
		for ( int k = 0; k < n; k++ )
		{
			xs[ k ] = ( float ) l.pixelX( k );
			ys[ k ] = ( float ) l.pixelY( k );
		}
		final PolygonRoi r = new PolygonRoi( new FloatPolygon( xs, ys, n ), closed ? Roi.POLYGON : Roi.POLYLINE );
		r.setName( String.format( Locale.ROOT, "level %.6g", l.level() ) );
		r.setStrokeColor( colour );
		r.setStroke( l.level() < 0 ? new BasicStroke( 1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] { 4f, 3f }, 0f ) : new BasicStroke( 1f ) );
		return r;
	}
}
