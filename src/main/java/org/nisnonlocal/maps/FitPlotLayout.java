package org.nisnonlocal.maps;

import java.util.Locale;

/**
 * One plot frame for data, fit and residual, for plot libraries with a single y axis (ImageJ's Plot): the data and the
 * fit in the upper part with a margin above their maximum (peak tops are not clipped; a legend fits); the residual in its own band
 * below their minimum, around a zero line of its own and magnified by a round factor (1, 2 or 5 × 10ⁿ) so that its
 * largest excursion fills about {@value #BAND} of the data's span. The two never overlap.
 */
public final class FitPlotLayout
{
	/** Half-height of the residual band as a share of the data's span. */
	static final double BAND = 0.10;

	/** Margins as shares of the spans; the top one leaves room for a three-line legend over the highest point. */
	static final double MARGIN_Y = 0.06, MARGIN_TOP = 0.34, MARGIN_X = 0.02;

	private final double xMin, xMax, yMin, yMax, residualZero, residualScale;

	private FitPlotLayout( final double xMin, final double xMax, final double yMin, final double yMax, final double residualZero, final double residualScale )
	{
		this.xMin = xMin;
		this.xMax = xMax;
		this.yMin = yMin;
		this.yMax = yMax;
		this.residualZero = residualZero;
		this.residualScale = residualScale;
	}

	/** The layout of data (and fit) over x, with the residual data − fit; NaN and infinite values are ignored. */
	public static FitPlotLayout of( final double[] x, final double[] data, final double[] fit, final double[] residual )
	{
		final double[] xr = range( x ), dr = range( data, fit );
		double span = dr[ 1 ] - dr[ 0 ];
		if ( !( span > 0 ) )
			span = Math.max( 1, Math.abs( dr[ 0 ] ) );
		double xSpan = xr[ 1 ] - xr[ 0 ];
		if ( !( xSpan > 0 ) )
			xSpan = Math.max( 1, Math.abs( xr[ 0 ] ) );
		double largest = 0;
		for ( final double r : residual )
			if ( Double.isFinite( r ) )
				largest = Math.max( largest, Math.abs( r ) );
		final double scale = largest > 0 ? roundDown( BAND * span / largest ) : 1;
		final double zero = dr[ 0 ] - ( MARGIN_Y + BAND ) * span;
		return new FitPlotLayout( xr[ 0 ] - MARGIN_X * xSpan, xr[ 1 ] + MARGIN_X * xSpan, zero - ( BAND + MARGIN_Y ) * span, dr[ 1 ] + MARGIN_TOP * span, zero, scale );
	}

	/** The largest of 1, 2, 5 × 10ⁿ not above v. */
	static double roundDown( final double v )
	{
		final double mag = Math.pow( 10, Math.floor( Math.log10( v ) ) );
		final double f = v / mag;
		return ( f >= 5 ? 5 : f >= 2 ? 2 : 1 ) * mag;
	}

	private static double[] range( final double[]... arrays )
	{
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for ( final double[] a : arrays )
			for ( final double v : a )
				if ( Double.isFinite( v ) )
				{
					lo = Math.min( lo, v );
					hi = Math.max( hi, v );
				}
		return lo <= hi ? new double[] { lo, hi } : new double[] { 0, 1 };
	}

	public double xMin() { return xMin; }

	public double xMax() { return xMax; }

	public double yMin() { return yMin; }

	public double yMax() { return yMax; }

	/** Where the residual's zero lies on the plot's y axis. */
	public double residualZero() { return residualZero; }

	/** The residual's magnification on the plot. */
	public double residualScale() { return residualScale; }

	/** The residual as plotted: zero + scale · r. */
	public double[] residualOnPlot( final double[] residual )
	{
		final double[] y = new double[ residual.length ];
		for ( int i = 0; i < y.length; i++ )
			y[ i ] = residualZero + residualScale * residual[ i ];
		return y;
	}

	/** "residual" or "residual × 20", for the legend and the zero line's label. */
	public String residualLabel()
	{
		return residualScale == 1 ? "residual" : "residual × " + String.format( Locale.ROOT, "%.4g", residualScale ).replaceAll( "\\.?0+$", "" );
	}
}
