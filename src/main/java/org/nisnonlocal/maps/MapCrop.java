package org.nisnonlocal.maps;

import org.nisnonlocal.BadInputException;

/**
 * Crops a map by axis <em>values</em> (bias, field …), not pixels: the result holds the grid points with
 * xmin ≤ x ≤ xmax and ymin ≤ y ≤ ymax, the bounds inclusive within 1e-9 of a step so that a bound typed as a grid
 * value keeps that point despite rounding. Bounds are in the map's axis units; ±infinity means "no limit".
 * The new axes are sub-ranges of the old ones, so every kept point has the same calibrated position as before.
 */
public final class MapCrop
{
	/** Inclusion slack, in steps. */
	public static final double SNAP = 1e-9;

	private MapCrop() {}

	/**
	 * The part of {@code map} inside [xmin, xmax] × [ymin, ymax] (axis units). History: "crop vinj=[a,b] vdet=[c,d]"
	 * with the requested bounds.
	 *
	 * @throws BadInputException for a NaN bound, an inverted window, or a window holding no grid point
	 */
	public static ConductanceMap crop( final ConductanceMap map, final double xmin, final double xmax, final double ymin, final double ymax )
	{
		final int[] ix = indices( map.xAxis(), xmin, xmax );
		final int[] iy = indices( map.yAxis(), ymin, ymax );
		final Axis x = map.xAxis().range( ix[ 0 ], ix[ 1 ] - ix[ 0 ] + 1 );
		final Axis y = map.yAxis().range( iy[ 0 ], iy[ 1 ] - iy[ 0 ] + 1 );
		final MapMetadata md = map.metadata().withHistory( "crop " + key( map.xAxis(), MapAxis.X ) + "=" + bounds( xmin, xmax )
				+ " " + key( map.yAxis(), MapAxis.Y ) + "=" + bounds( ymin, ymax ) );
		return ConductanceMap.fromFunction( x, y, map.quantity(), map.valueUnit(), md,
				( i, j ) -> map.get( i + ix[ 0 ], j + iy[ 0 ] ) );
	}

	/** First and last index inside [lo, hi]. */
	private static int[] indices( final Axis a, final double lo, final double hi )
	{
		if ( Double.isNaN( lo ) || Double.isNaN( hi ) )
			throw new BadInputException( "crop: " + a.name() + " bound is NaN" );
		if ( lo > hi )
			throw new BadInputException( "crop: " + a.name() + " window [" + Format.num( lo ) + ", " + Format.num( hi )
					+ "] " + a.unit() + " is inverted (min > max)" );
		final double first = Math.ceil( a.position( lo ) - SNAP );
		final double last = Math.floor( a.position( hi ) + SNAP );
		final int i0 = ( int ) Math.max( 0, first );
		final int i1 = ( int ) Math.min( a.size() - 1, last );
		if ( i0 > i1 )
			throw new BadInputException( "crop: " + a.name() + " window [" + Format.num( lo ) + ", " + Format.num( hi )
					+ "] " + a.unit() + " holds no grid point of the axis " + Format.range( a ) + " step " + Format.num( a.step() ) );
		return new int[] { i0, i1 };
	}

	/** "vinj"/"vdet" for bias axes, else the axis' own name in lower case (e.g. "b", "is"). */
	static String key( final Axis a, final MapAxis d )
	{
		return Units.isBias( a.unit() ) ? d.spelling() : a.name().toLowerCase( java.util.Locale.ROOT );
	}

	private static String bounds( final double lo, final double hi )
	{
		return "[" + Format.num( lo ) + "," + Format.num( hi ) + "]";
	}
}
