package org.nisnonlocal.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;


/** Rendered panels (heatmaps) placed side by side, top-aligned on white, as one image for a PNG. Pure AWT. */
public final class PanelsPng
{
	private PanelsPng() {}

	public static BufferedImage sideBySide( final List< BufferedImage > panels )
	{
		int w = 0, h = 1;
		for ( final BufferedImage p : panels )
		{
			w += p.getWidth();
			h = Math.max( h, p.getHeight() );
		}
		final BufferedImage img = new BufferedImage( Math.max( 1, w ), h, BufferedImage.TYPE_INT_RGB );
		final Graphics2D g = img.createGraphics();
		g.setColor( Color.WHITE );
		g.fillRect( 0, 0, img.getWidth(), h );
		int x = 0;
		for ( final BufferedImage p : panels )
		{
			g.drawImage( p, x, 0, null );
			x += p.getWidth();
		}
		g.dispose();
		return img;
	}
}
