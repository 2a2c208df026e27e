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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * A line plot of several curves, drawn for a PNG in headless runs (cut families, fits): shared axes with round ticks, one
 * colour per curve (or a chosen palette colour, solid or dashed, so that two variants of one case share a colour),
 * optional arrows marking points on curves, a legend. NaN points break a curve. Pure AWT; works with
 * {@code java.awt.headless=true}.
 */
public final class CurvesPng
{
	private static final Color[] PALETTE = { new Color( 0x1f77b4 ), new Color( 0xd62728 ), new Color( 0x2ca02c ), new Color( 0x9467bd ),
			new Color( 0xff7f0e ), new Color( 0x8c564b ), new Color( 0xe377c2 ), new Color( 0x17becf ), new Color( 0x7f7f7f ), new Color( 0xbcbd22 ) };

	private static final int W = 780, H = 480, LEFT = 80, RIGHT = 210, TOP = 36, BOTTOM = 56;

	private final String title, xLabel, yLabel;
	private final List< double[] > xs = new ArrayList<>(), ys = new ArrayList<>();
	private final List< String > names = new ArrayList<>();
	private final List< Integer > colours = new ArrayList<>();
	private final List< Boolean > dashed = new ArrayList<>();
	private final List< double[] > arrows = new ArrayList<>(); // { curve, x }
	private double[] yLimits;

	public CurvesPng( final String title, final String xLabel, final String yLabel )
	{
		this.title = title;
		this.xLabel = xLabel;
		this.yLabel = yLabel;
	}

	/** A solid curve in the next palette colour. */
	public CurvesPng add( final String name, final double[] x, final double[] y )
	{
		return add( name, x, y, names.size(), false );
	}

	/** A curve in palette colour {@code colour} (0 … 9, then repeating), solid or dashed. */
	public CurvesPng add( final String name, final double[] x, final double[] y, final int colour, final boolean dash )
	{
		if ( x.length != y.length )
			throw new IllegalArgumentException( "curve " + name + ": " + x.length + " x values, " + y.length + " y values" );
		names.add( name );
		xs.add( x.clone() );
		ys.add( y.clone() );
		colours.add( colour );
		dashed.add( dash );
		return this;
	}

	/** An arrow onto curve {@code curve} (0 = the first added) at x, in the curve's colour, from inside the frame. */
	public CurvesPng arrow( final int curve, final double x )
	{
		if ( curve < 0 || curve >= names.size() )
			throw new IllegalArgumentException( "arrow on curve " + curve + " of " + names.size() );
		arrows.add( new double[] { curve, x } );
		return this;
	}

	/** Fixed y limits instead of the data's range (curves are clipped to the frame). */
	public CurvesPng yLimits( final double lo, final double hi )
	{
		if ( !( hi > lo ) )
			throw new IllegalArgumentException( "y limits " + lo + " … " + hi );
		yLimits = new double[] { lo, hi };
		return this;
	}

	public int curves() { return names.size(); }

	public String name( final int curve ) { return names.get( curve ); }

	public double[] x( final int curve ) { return xs.get( curve ).clone(); }

	public double[] y( final int curve ) { return ys.get( curve ).clone(); }

	/** The curve's value at x, linearly interpolated between its points (NaN outside them). */
	public double valueAt( final int curve, final double x )
	{
		final double[] cx = xs.get( curve ), cy = ys.get( curve );
		for ( int i = 0; i + 1 < cx.length; i++ )
			if ( ( cx[ i ] - x ) * ( cx[ i + 1 ] - x ) <= 0 && cx[ i + 1 ] != cx[ i ] )
				return cy[ i ] + ( x - cx[ i ] ) / ( cx[ i + 1 ] - cx[ i ] ) * ( cy[ i + 1 ] - cy[ i ] );
		return Double.NaN;
	}

	/** The plot as an image; {@code io.AtomicFiles.writePng} writes it. */
	public BufferedImage render()
	{
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
		for ( int c = 0; c < xs.size(); c++ )
			for ( int i = 0; i < xs.get( c ).length; i++ )
				if ( Double.isFinite( xs.get( c )[ i ] ) && Double.isFinite( ys.get( c )[ i ] ) )
				{
					x0 = Math.min( x0, xs.get( c )[ i ] );
					x1 = Math.max( x1, xs.get( c )[ i ] );
					y0 = Math.min( y0, ys.get( c )[ i ] );
					y1 = Math.max( y1, ys.get( c )[ i ] );
				}
		if ( !( x1 > x0 ) )
		{
			x0 -= 1;
			x1 += 1;
		}
		if ( !( y1 > y0 ) )
		{
			y0 = ( Double.isFinite( y0 ) ? y0 : 0 ) - 1;
			y1 = y0 + 2;
		}
		final double pad = 0.05 * ( y1 - y0 );
		y0 -= pad;
		y1 += pad;
		if ( yLimits != null )
		{
			y0 = yLimits[ 0 ];
			y1 = yLimits[ 1 ];
		}
		final BufferedImage img = new BufferedImage( W, H, BufferedImage.TYPE_INT_RGB );
		final Graphics2D g = img.createGraphics();
		g.setRenderingHint( RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON );
		g.setRenderingHint( RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON );
		g.setColor( Color.WHITE );
		g.fillRect( 0, 0, W, H );
		final int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
		g.setColor( Color.BLACK );
		g.drawRect( LEFT, TOP, pw, ph );
		g.setFont( new Font( Font.SANS_SERIF, Font.PLAIN, 12 ) );
		final FontMetrics fm = g.getFontMetrics();
		for ( final double t : HeatmapPng.ticks( x0, x1 ) )
		{
			final int px = LEFT + ( int ) Math.round( ( t - x0 ) / ( x1 - x0 ) * pw );
			g.drawLine( px, TOP + ph, px, TOP + ph + 5 );
			final String s = label( t );
			g.drawString( s, px - fm.stringWidth( s ) / 2, TOP + ph + 18 );
		}
		for ( final double t : HeatmapPng.ticks( y0, y1 ) )
		{
			final int py = TOP + ph - ( int ) Math.round( ( t - y0 ) / ( y1 - y0 ) * ph );
			g.drawLine( LEFT - 5, py, LEFT, py );
			final String s = label( t );
			g.drawString( s, LEFT - 8 - fm.stringWidth( s ), py + 4 );
		}
		g.drawString( xLabel, LEFT + pw / 2 - fm.stringWidth( xLabel ) / 2, TOP + ph + 40 );
		final AffineTransform saved = g.getTransform();
		g.rotate( -Math.PI / 2 );
		g.drawString( yLabel, -( TOP + ph / 2 ) - fm.stringWidth( yLabel ) / 2, 18 );
		g.setTransform( saved );
		final BasicStroke solid = new BasicStroke( 1.5f ), dash = new BasicStroke( 1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] { 6f, 4f }, 0f );
		for ( int c = 0; c < xs.size(); c++ )
		{
			g.setColor( PALETTE[ colours.get( c ) % PALETTE.length ] );
			g.setStroke( dashed.get( c ) ? dash : solid );
			g.setClip( LEFT, TOP, pw + 1, ph + 1 );
			final Path2D.Double path = new Path2D.Double();
			boolean pen = false;
			for ( int i = 0; i < xs.get( c ).length; i++ )
			{
				final double x = xs.get( c )[ i ], y = ys.get( c )[ i ];
				if ( !Double.isFinite( x ) || !Double.isFinite( y ) )
				{
					pen = false;
					continue;
				}
				final double px = LEFT + ( x - x0 ) / ( x1 - x0 ) * pw, py = TOP + ph - ( y - y0 ) / ( y1 - y0 ) * ph;
				if ( pen )
					path.lineTo( px, py );
				else
					path.moveTo( px, py );
				pen = true;
			}
			g.draw( path );
			g.setClip( null );
			g.drawLine( LEFT + pw + 12, TOP + 10 + 16 * c, LEFT + pw + 32, TOP + 10 + 16 * c );
			g.setColor( Color.BLACK );
			g.drawString( names.get( c ), LEFT + pw + 38, TOP + 14 + 16 * c );
		}
		g.setStroke( solid );
		for ( final double[] a : arrows )
		{
			final int c = ( int ) a[ 0 ];
			final double y = valueAt( c, a[ 1 ] );
			if ( !Double.isFinite( y ) || a[ 1 ] < x0 || a[ 1 ] > x1 || y < y0 || y > y1 )
				continue;
			final int px = LEFT + ( int ) Math.round( ( a[ 1 ] - x0 ) / ( x1 - x0 ) * pw ), py = TOP + ph - ( int ) Math.round( ( y - y0 ) / ( y1 - y0 ) * ph );
			final int d = py < TOP + ph / 2 ? -1 : 1; // from below onto points in the upper half, else from above, inside the frame
			g.setColor( PALETTE[ colours.get( c ) % PALETTE.length ] );
			g.drawLine( px, py - d * 26, px, py - d * 4 );
			g.fillPolygon( new int[] { px - 4, px + 4, px }, new int[] { py - d * 10, py - d * 10, py - d * 3 }, 3 );
		}
		g.setFont( new Font( Font.SANS_SERIF, Font.BOLD, 13 ) );
		g.setColor( Color.BLACK );
		g.drawString( title, LEFT, 22 );
		g.dispose();
		return img;
	}

	private static String label( final double v )
	{
		final String s = String.format( Locale.ROOT, "%.4g", v );
		return s.contains( "e" ) ? s : s.replaceAll( "\\.?0+$", "" );
	}
}
