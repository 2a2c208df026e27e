package org.nisnonlocal.io;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ColorMaps;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;

/**
 * ConductanceMap ↔ ImagePlus without copying: the FloatProcessor and the ArrayImg share one {@code float[]}.
 * <p>
 * Calibration: calibrated x = (px − xOrigin)·pixelWidth = V_inj; the y axis uses ImageJ's "invert Y" flag, so that
 * calibrated y = (yOrigin − row)·pixelHeight = V_det increases upward, matching the map's display-order storage. The
 * status bar, line profiles and the calibration bar then show bias in the axis unit. The full description (axis names,
 * units, metadata) rides in the image's "Info" property, which ImageJ saves in TIFFs.
 */
public final class ImagePlusBridge
{
	/** Name of the overlay element that paints missing points grey (ImageJ draws NaN in the LUT's first colour). */
	public static final String MISSING_POINTS_OVERLAY = "grey: " + ColorMaps.NAN_LEGEND;

	/** ImageJ's invertY formula switches to another form when yOrigin is exactly 0; this keeps the first one. */
	private static final double Y_ORIGIN_NOT_ZERO = 1e-9;

	private ImagePlusBridge() {}

	public static ImagePlus toImagePlus( final ConductanceMap map, final String title )
	{
		final FloatProcessor fp = new FloatProcessor( map.width(), map.height(), map.data() );
		final ImagePlus imp = new ImagePlus( title, fp );
		imp.setCalibration( calibration( map ) );
		imp.setProperty( "Info", MapInfo.toText( map ) );
		applyDisplay( imp, DisplayRange.auto( map ) );
		return imp;
	}

	static Calibration calibration( final ConductanceMap map )
	{
		final Axis x = map.xAxis(), y = map.yAxis();
		final Calibration cal = new Calibration();
		cal.setXUnit( x.unit() );
		cal.setYUnit( y.unit() );
		cal.pixelWidth = x.step();
		cal.pixelHeight = y.step();
		cal.xOrigin = -x.origin() / x.step();
		final double yOrigin = y.max() / y.step();
		cal.yOrigin = yOrigin == 0 ? Y_ORIGIN_NOT_ZERO : yOrigin;
		cal.setInvertY( true );
		cal.setValueUnit( map.valueUnit() );
		return cal;
	}

	/**
	 * Diverging LUT with a zero-centred range for signed maps, sequential otherwise; missing points (NaN) painted
	 * grey by an overlay, since a LUT would show them in its first colour, as strong negative signal.
	 */
	public static void applyDisplay( final ImagePlus imp, final DisplayRange range )
	{
		final ColorMaps c = range.colorMap();
		final LUT lut = new LUT( 8, 256, c.reds(), c.greens(), c.blues() );
		lut.min = range.min();
		lut.max = range.max();
		imp.getProcessor().setLut( lut );
		imp.setDisplayRange( range.min(), range.max() );
		showMissingPoints( imp );
		imp.updateAndDraw();
	}

	/**
	 * Puts (or refreshes) the grey mask of the NaN pixels under any other overlay element (iso-lines stay on top);
	 * removes it when the image has none. It is part of what Flatten and "Save As PNG" of a flattened image show.
	 */
	static void showMissingPoints( final ImagePlus imp )
	{
		final Overlay old = imp.getOverlay();
		final Overlay overlay = new Overlay();
		final Roi mask = missingPointsMask( imp.getProcessor() );
		if ( mask != null )
			overlay.add( mask );
		if ( old != null )
			for ( final Roi r : old )
				if ( !MISSING_POINTS_OVERLAY.equals( r.getName() ) )
					overlay.add( r );
		imp.setOverlay( overlay.size() > 0 ? overlay : null );
	}

	/** NaN pixels in {@link ColorMaps#NAN_RGB}, all others transparent; null when there are none. */
	static Roi missingPointsMask( final ImageProcessor ip )
	{
		if ( !( ip instanceof FloatProcessor ) )
			return null;
		final float[] px = ( float[] ) ip.getPixels();
		int[] rgb = null;
		for ( int k = 0; k < px.length; k++ )
			if ( Float.isNaN( px[ k ] ) )
			{
				if ( rgb == null )
					rgb = new int[ px.length ];
				rgb[ k ] = ColorMaps.NAN_RGB;
			}
		if ( rgb == null )
			return null;
		final ImageRoi roi = new ImageRoi( 0, 0, new ColorProcessor( ip.getWidth(), ip.getHeight(), rgb ) );
		roi.setZeroTransparent( true );
		roi.setName( MISSING_POINTS_OVERLAY );
		return roi;
	}

	/**
	 * The map an image shows. A plugin-made image (Info carries the description) comes back exactly; any other 2D image
	 * is read through its calibration (x = V_inj, y = V_det unless the Info says otherwise). Float images without a row
	 * flip share their pixels: callers must not write the result.
	 */
	public static ConductanceMap fromImagePlus( final ImagePlus imp )
	{
		if ( imp == null )
			throw new BadInputException( "no image" );
		if ( imp.getNChannels() * imp.getNSlices() * imp.getNFrames() > 1 && imp.getStackSize() > 1 )
			throw new BadInputException( imp.getTitle() + ": a stack; choose one slice (Image > Duplicate…)" );
		final ImageProcessor ip = imp.getProcessor();
		final float[] pixels = ip instanceof FloatProcessor ? ( float[] ) ip.getPixels() : ( float[] ) ip.convertToFloatProcessor().getPixels();
		final String info = imp.getInfoProperty();
		final String where = imp.getTitle();
		if ( MapInfo.isMapInfo( info ) )
		{
			final MapInfo.Description d = MapInfo.parse( info, where );
			if ( d.x.size() != imp.getWidth() || d.y.size() != imp.getHeight() )
				throw new BadInputException( where + ": image is " + imp.getWidth() + "×" + imp.getHeight() + " but its description says " + d.x.size() + "×" + d.y.size() + " (was it cropped or scaled? use the plugin's Crop)" );
			return new ConductanceMap( pixels, d.x, d.y, d.quantity, d.valueUnit, withSource( d.metadata, imp ) );
		}
		return fromCalibration( imp, pixels, where );
	}

	private static ConductanceMap fromCalibration( final ImagePlus imp, final float[] pixels, final String where )
	{
		final Calibration cal = imp.getCalibration();
		final int w = imp.getWidth(), h = imp.getHeight();
		final Axis x = new Axis( "Vinj", unit( cal.getXUnit() ), -cal.xOrigin * cal.pixelWidth, cal.pixelWidth, w );
		final String value = cal.getValueUnit();
		final String valueUnit = value == null || value.equals( "Gray Value" ) ? Units.NORMALIZED : value;
		final MapMetadata meta = withSource( MapMetadata.empty(), imp ).withHistory( "from-image title=" + where );
		if ( cal.getInvertY() )
		{
			final double yMax = cal.yOrigin != 0 ? cal.yOrigin * cal.pixelHeight : ( h - 1 ) * cal.pixelHeight;
			final Axis y = new Axis( "Vdet", unit( cal.getYUnit() ), yMax - ( h - 1 ) * cal.pixelHeight, cal.pixelHeight, h );
			return new ConductanceMap( pixels, x, y, "g", valueUnit, meta );
		}
		// Plain ImageJ convention: y grows downward, so row 0 is the smallest y. Flip into display order (a copy).
		final Axis y = new Axis( "Vdet", unit( cal.getYUnit() ), -cal.yOrigin * cal.pixelHeight, cal.pixelHeight, h );
		final float[] flipped = new float[ pixels.length ];
		for ( int r = 0; r < h; r++ )
			System.arraycopy( pixels, r * w, flipped, ( h - 1 - r ) * w, w );
		return new ConductanceMap( flipped, x, y, "g", valueUnit, meta );
	}

	private static String unit( final String ijUnit )
	{
		return ijUnit == null || ijUnit.equals( "pixel" ) || ijUnit.equals( "pixels" ) ? "px" : ijUnit;
	}

	private static MapMetadata withSource( final MapMetadata m, final ImagePlus imp )
	{
		final FileInfo fi = imp.getOriginalFileInfo();
		if ( fi != null && fi.fileName != null && fi.directory != null && !m.has( MapMetadata.SOURCE ) )
			return m.with( MapMetadata.SOURCE, fi.directory + fi.fileName );
		return m;
	}
}
