package org.nisnonlocal.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;


import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ColorMaps;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Contours;
import org.nisnonlocal.maps.DisplayRange;

/**
 * A heatmap of a map, drawn for a PNG in headless runs: x to the right, y upward, axis ticks in the axis units, and a colour
 * bar with the value unit. Signed maps get the diverging table with a zero-centred range. Missing points (NaN) are
 * {@link ColorMaps#NAN_RGB} grey, which the legend under the colour bar says when the map has any. Pure AWT; works with
 * {@code java.awt.headless=true}.
 */
public final class HeatmapPng
{
	static final int LEFT = 80, RIGHT = 130, TOP = 36, BOTTOM = 56;

	private HeatmapPng() {}

	public static BufferedImage render( final ConductanceMap map, final DisplayRange range, final String title )
	{
		final int w = map.width(), h = map.height();
		// Scale small maps up so a 50×50 map is readable; keep aspect by pixel count.
		final int sx = scaleX( w ), sy = scaleY( h );
		final int pw = w * sx, ph = h * sy;
		final BufferedImage img = new BufferedImage( LEFT + pw + RIGHT, TOP + ph + BOTTOM, BufferedImage.TYPE_INT_RGB );
		final Graphics2D g = img.createGraphics();
		g.setRenderingHint( RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON );
		g.setColor( Color.WHITE );
		g.fillRect( 0, 0, img.getWidth(), img.getHeight() );
		final float[] d = map.data(); // display order: row 0 is the top (largest y)
		int missing = 0;
		for ( int r = 0; r < h; r++ )
			for ( int i = 0; i < w; i++ )
			{
				final int k = range.lutIndex( d[ r * w + i ] );
				missing += k < 0 ? 1 : 0;
				g.setColor( new Color( k < 0 ? ColorMaps.NAN_RGB : range.colorMap().rgb( k ) ) );
				g.fillRect( LEFT + i * sx, TOP + r * sy, sx, sy );
			}
		g.setColor( Color.BLACK );
		g.setStroke( new BasicStroke( 1f ) );
		g.drawRect( LEFT, TOP, pw, ph );
		g.setFont( new Font( Font.SANS_SERIF, Font.PLAIN, 12 ) );
		final FontMetrics fm = g.getFontMetrics();
		final Axis x = map.xAxis(), y = map.yAxis();
		for ( final double t : ticks( x.min(), x.max() ) )
		{
			final int px = LEFT + ( int ) Math.round( ( x.position( t ) + 0.5 ) * sx );
			g.drawLine( px, TOP + ph, px, TOP + ph + 5 );
			final String s = label( t );
			g.drawString( s, px - fm.stringWidth( s ) / 2, TOP + ph + 18 );
		}
		for ( final double t : ticks( y.min(), y.max() ) )
		{
			final int py = TOP + ( int ) Math.round( ( h - 1 - y.position( t ) + 0.5 ) * sy );
			g.drawLine( LEFT - 5, py, LEFT, py );
			final String s = label( t );
			g.drawString( s, LEFT - 8 - fm.stringWidth( s ), py + 4 );
		}
		final String xl = x.name() + " (" + x.unit() + ")";
		g.drawString( xl, LEFT + pw / 2 - fm.stringWidth( xl ) / 2, TOP + ph + 40 );
		final String yl = y.name() + " (" + y.unit() + ")";
		final AffineTransform saved = g.getTransform();
		g.rotate( -Math.PI / 2 );
		g.drawString( yl, -( TOP + ph / 2 ) - fm.stringWidth( yl ) / 2, 18 );
		g.setTransform( saved );
		g.setFont( new Font( Font.SANS_SERIF, Font.BOLD, 13 ) );
		g.drawString( title, LEFT, 22 );
		colourBar( g, range, LEFT + pw + 20, TOP, ph, map.quantity() + " (" + map.valueUnit() + ")" );
		if ( missing > 0 )
			missingLegend( g, LEFT + pw + 20, TOP + ph + 12 );
		g.dispose();
		return img;
	}

	/** Screen pixels per map column. */
	static int scaleX( final int width ) { return Math.max( 1, 480 / width ); }

	/** Screen pixels per map row. */
	static int scaleY( final int height ) { return Math.max( 1, 400 / height ); }

	/** A grey swatch under the colour bar: "no value (NaN)" (not measured, or outside a fit window or an overlap). */
	private static void missingLegend( final Graphics2D g, final int x0, final int y0 )
	{
		g.setColor( new Color( ColorMaps.NAN_RGB ) );
		g.fillRect( x0, y0, 16, 12 );
		g.setColor( Color.BLACK );
		g.drawRect( x0, y0, 16, 12 );
		g.setFont( new Font( Font.SANS_SERIF, Font.PLAIN, 11 ) );
		g.drawString( ColorMaps.NAN_LEGEND, x0 + 20, y0 + 11 );
	}

	/**
	 * The heatmap with iso-lines drawn over it: solid black for levels ≥ 0, dashed for negative ones (the usual
	 * convention, readable on both tables). The lines' pixel coordinates (IJ1 convention, row 0 at the top, centres at
	 * +0.5, see {@link Contours}) are those of {@code map}, so they must come from a map on the same grid.
	 */
	public static BufferedImage render( final ConductanceMap map, final DisplayRange range, final String title, final List< Contours.Line > lines )
	{
		final BufferedImage img = render( map, range, title );
		final int sx = scaleX( map.width() ), sy = scaleY( map.height() );
		final Graphics2D g = img.createGraphics();
		g.setRenderingHint( RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON );
		g.setClip( LEFT, TOP, map.width() * sx, map.height() * sy );
		g.setColor( Color.BLACK );
		final BasicStroke solid = new BasicStroke( 1.5f );
		final BasicStroke dashed = new BasicStroke( 1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] { 5f, 4f }, 0f );
		for ( final Contours.Line l : lines )
		{
			final Path2D.Double path = new Path2D.Double();
			for ( int k = 0; k < l.size(); k++ )
			{
				final double px = LEFT + l.pixelX( k ) * sx, py = TOP + l.pixelY( k ) * sy;
				if ( k == 0 )
					path.moveTo( px, py );
				else
					path.lineTo( px, py );
			}
			g.setStroke( l.level() < 0 ? dashed : solid );
			g.draw( path );
		}
		g.dispose();
		return img;
	}

	private static void colourBar( final Graphics2D g, final DisplayRange range, final int x0, final int y0, final int height, final String label )
	{
		final int bw = 16;
		for ( int p = 0; p < height; p++ )
		{
			final int k = ( int ) Math.round( 255.0 * ( height - 1 - p ) / Math.max( 1, height - 1 ) );
			g.setColor( new Color( range.colorMap().rgb( k ) ) );
			g.fillRect( x0, y0 + p, bw, 1 );
		}
		g.setColor( Color.BLACK );
		g.drawRect( x0, y0, bw, height );
		g.setFont( new Font( Font.SANS_SERIF, Font.PLAIN, 11 ) );
		int widest = 0;
		for ( final double t : ticks( range.min(), range.max() ) )
		{
			final int py = y0 + ( int ) Math.round( ( range.max() - t ) / ( range.max() - range.min() ) * ( height - 1 ) );
			g.drawLine( x0 + bw, py, x0 + bw + 4, py );
			g.drawString( label( t ), x0 + bw + 6, py + 4 );
			widest = Math.max( widest, g.getFontMetrics().stringWidth( label( t ) ) );
		}
		final AffineTransform saved = g.getTransform();
		g.rotate( Math.PI / 2 );
		// the title right of the widest tick label, so long labels (-1e+04) do not run into it
		g.drawString( label, y0, -( x0 + bw + 12 + widest ) );
		g.setTransform( saved );
	}

	/** About five round tick values within [lo, hi]. */
	static double[] ticks( final double lo, final double hi )
	{
		if ( !( hi > lo ) )
			return new double[] { lo };
		final double raw = ( hi - lo ) / 5;
		final double mag = Math.pow( 10, Math.floor( Math.log10( raw ) ) );
		final double f = raw / mag;
		final double step = ( f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10 ) * mag;
		final double first = Math.ceil( lo / step - 1e-9 ) * step;
		final int n = ( int ) Math.floor( ( hi - first ) / step + 1e-9 ) + 1;
		final double[] t = new double[ Math.max( n, 0 ) ];
		for ( int k = 0; k < t.length; k++ )
			t[ k ] = Math.abs( first + k * step ) < 1e-12 * step ? 0 : first + k * step;
		return t;
	}

	/** Four significant digits without trailing zeros after the decimal point (5000 stays 5000, 1.000e+04 is 1e+04). */
	static String label( final double v )
	{
		final String s = String.format( Locale.ROOT, "%.4g", v );
		final int e = s.indexOf( 'e' );
		final String mantissa = e < 0 ? s : s.substring( 0, e ), exponent = e < 0 ? "" : s.substring( e );
		return ( mantissa.contains( "." ) ? mantissa.replaceAll( "\\.?0+$", "" ) : mantissa ) + exponent;
	}
}
