package org.nisnonlocal.maps;

import org.nisnonlocal.BadInputException;

/**
 * What every map must satisfy where it enters a command (a file read by the runner, an import, an open image): units
 * the plugin knows, at least one measured point, no infinite value. A map failing these would otherwise pass through
 * every algorithm and come out silently wrong (all NaN, Inf in the 32-bit image, units nothing can convert).
 */
public final class MapChecks
{
	private MapChecks() {}

	/**
	 * Returns {@code map} when usable.
	 *
	 * @param source
	 *            the file or image title the messages name
	 * @throws BadInputException
	 *             naming the source and the problem
	 */
	public static ConductanceMap usable( final ConductanceMap map, final String source )
	{
		Units.requireKnown( map.xAxis().unit(), "the x axis " + map.xAxis().name(), source );
		Units.requireKnown( map.yAxis().unit(), "the y axis " + map.yAxis().name(), source );
		Units.requireKnown( map.valueUnit(), "the value " + map.quantity(), source );
		int finite = 0;
		final float[] d = map.data();
		for ( int k = 0; k < d.length; k++ )
		{
			if ( Float.isInfinite( d[ k ] ) )
			{
				final int i = k % map.width(), j = map.height() - 1 - k / map.width();
				throw new BadInputException( String.format( java.util.Locale.ROOT, "%s: the value at %s = %s, %s = %s is %s; a 32-bit map holds |g| ≤ 3.4e38 (write NaN for a missing point)",
						source, map.xAxis().name(), Format.num( map.xAxis().value( i ) ), map.yAxis().name(), Format.num( map.yAxis().value( j ) ), d[ k ] ) );
			}
			if ( !Float.isNaN( d[ k ] ) )
				finite++;
		}
		if ( finite == 0 )
			throw new BadInputException( source + ": all " + d.length + " points are NaN: nothing was measured" );
		return map;
	}
}
