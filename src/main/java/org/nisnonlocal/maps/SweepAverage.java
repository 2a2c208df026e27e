package org.nisnonlocal.maps;

import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * Repeated sweeps of one map: their point-wise average with an error map. The shift between an up and a down sweep
 * (hysteresis, lag of the lock-in or the bias source) is {@link SweepShift}'s; with alignment each sweep is moved onto
 * the first before averaging.
 */
public final class SweepAverage
{
	/** Grids whose points agree to this fraction of a step are the same grid. */
	public static final double GRID_TOLERANCE = 1e-6;

	private SweepAverage() {}

	/** Mean, its standard error and the number of samples per point. */
	public static final class Average
	{
		private final ConductanceMap mean;
		private final ConductanceMap standardError;
		private final ConductanceMap count;

		private final SweepShift shift;

		Average( final ConductanceMap mean, final ConductanceMap standardError, final ConductanceMap count, final SweepShift shift )
		{
			this.mean = mean;
			this.standardError = standardError;
			this.count = count;
			this.shift = shift;
		}

		/** The second sweep's shift against the first (both axes), or null when they are not on one grid. */
		public SweepShift shift() { return shift; }

		/** Mean of the non-NaN samples at each point (NaN where there are none). */
		public ConductanceMap mean() { return mean; }

		/**
		 * Standard error of the mean, s/√n with s the sample standard deviation (n − 1 in the denominator) of the n
		 * samples at the point; NaN where n &lt; 2. Same unit as the mean; quantity "&lt;q&gt; error".
		 */
		public ConductanceMap standardError() { return standardError; }

		/** n, the number of samples averaged at each point; unit "1". */
		public ConductanceMap count() { return count; }
	}

	/** {@link #average(List, List, boolean)} without names (messages say "map k") and without alignment. */
	public static Average average( final List< ConductanceMap > maps )
	{
		return average( maps, null, false );
	}

	/**
	 * Averages maps point by point on the first map's grid, ignoring NaN samples. Maps on another grid are resampled
	 * onto the first grid by bilinear interpolation (points outside them count as missing); one that covers less than
	 * half of the first grid is refused (the "mean" would be mostly one sweep). With {@code align}, every map on the
	 * first grid is first moved onto the first by its {@link SweepShift} (both axes). When the second map shares the
	 * first's grid, the mean's metadata records its shift against the first as {@value #SHIFT_X} and {@value #SHIFT_Y}
	 * (axis units; NaN where an axis is too short to search). History "average n=… resampled=… error=standard-error"
	 * (+ " aligned=true").
	 *
	 * @param names
	 *            file or image names for the messages (null: "map 1", "map 2", …)
	 * @throws BadInputException
	 *             when the maps differ in value unit or axis units, a grid barely overlaps the first, or the list is
	 *             empty
	 */
	public static Average average( final List< ConductanceMap > maps, final List< String > names, final boolean align )
	{
		if ( maps.isEmpty() )
			throw new BadInputException( "average: no maps given" );
		final ConductanceMap first = maps.get( 0 );
		final Axis x = first.xAxis(), y = first.yAxis();
		final int w = x.size(), h = y.size();
		// Welford's running mean and sum of squared deviations: no cancellation when the spread is tiny next to g.
		final double[] mu = new double[ w * h ], m2 = new double[ w * h ];
		final int[] n = new int[ w * h ];
		int resampled = 0;
		SweepShift second = null;
		for ( int k = 0; k < maps.size(); k++ )
		{
			ConductanceMap m = maps.get( k );
			checkUnits( first, m, name( names, 0 ), name( names, k ) );
			final boolean same = x.sameGrid( m.xAxis(), GRID_TOLERANCE ) && y.sameGrid( m.yAxis(), GRID_TOLERANCE );
			if ( !same )
			{
				checkOverlap( first, m, name( names, 0 ), name( names, k ) );
				resampled++;
			}
			else if ( k > 0 && ( align || k == 1 ) )
			{
				final SweepShift s = SweepShift.between( first, m );
				if ( k == 1 )
					second = s;
				if ( align )
					m = s.aligned( m );
			}
			for ( int j = 0; j < h; j++ )
				for ( int i = 0; i < w; i++ )
				{
					final double g = same ? m.get( i, j ) : bilinear( m, x.value( i ), y.value( j ) );
					if ( Double.isNaN( g ) )
						continue;
					final int p = j * w + i;
					n[ p ]++;
					final double delta = g - mu[ p ];
					mu[ p ] += delta / n[ p ];
					m2[ p ] += delta * ( g - mu[ p ] );
				}
		}
		final String history = "average n=" + maps.size() + " resampled=" + resampled + " error=standard-error" + ( align ? " aligned=true" : "" );
		MapMetadata md = first.metadata().withHistory( history );
		if ( second != null )
			md = md.with( SHIFT_X, Double.toString( second.x() ) ).with( SHIFT_Y, Double.toString( second.y() ) );
		final ConductanceMap mean = ConductanceMap.fromFunction( x, y, first.quantity(), first.valueUnit(), md,
				( i, j ) -> n[ j * w + i ] == 0 ? Double.NaN : mu[ j * w + i ] );
		final ConductanceMap error = ConductanceMap.fromFunction( x, y, first.quantity() + " error", first.valueUnit(), first.metadata().withHistory( history + " part=error" ),
				( i, j ) -> n[ j * w + i ] < 2 ? Double.NaN : Math.sqrt( m2[ j * w + i ] / ( n[ j * w + i ] - 1 ) / n[ j * w + i ] ) );
		final ConductanceMap count = ConductanceMap.fromFunction( x, y, "count", Units.NORMALIZED, first.metadata().withHistory( history + " part=count" ),
				( i, j ) -> n[ j * w + i ] );
		return new Average( mean, error, count, second );
	}

	/** Metadata key of the second sweep's shift against the first along x, in the x-axis unit. */
	public static final String SHIFT_X = "sweep_shift.x";

	/** The same along y, in the y-axis unit. */
	public static final String SHIFT_Y = "sweep_shift.y";

	private static String name( final List< String > names, final int k )
	{
		return names != null && k < names.size() ? names.get( k ) : "map " + ( k + 1 );
	}

	private static void checkUnits( final ConductanceMap first, final ConductanceMap m, final String firstName, final String name )
	{
		if ( !first.valueUnit().equals( m.valueUnit() ) )
			throw new BadInputException( "average: " + name + " is in " + m.valueUnit() + ", " + firstName + " in " + first.valueUnit() );
		if ( !first.xAxis().unit().equals( m.xAxis().unit() ) || !first.yAxis().unit().equals( m.yAxis().unit() ) )
			throw new BadInputException( "average: " + name + " has axes in " + m.xAxis().unit() + " × " + m.yAxis().unit()
					+ ", " + firstName + " in " + first.xAxis().unit() + " × " + first.yAxis().unit() );
	}

	/** Refuses a map on another grid that covers less than half of the first map's grid points. */
	private static void checkOverlap( final ConductanceMap first, final ConductanceMap m, final String firstName, final String name )
	{
		int inside = 0;
		for ( int j = 0; j < first.height(); j++ )
			for ( int i = 0; i < first.width(); i++ )
				if ( m.xAxis().contains( first.xAxis().value( i ) ) && m.yAxis().contains( first.yAxis().value( j ) ) )
					inside++;
		final int all = first.width() * first.height();
		if ( 2 * inside < all )
			throw new BadInputException( String.format( Locale.ROOT, "average: %s (%s × %s) covers %s of the %d grid points of %s (%s × %s); repeated sweeps must cover the same bias window",
					name, Format.range( m.xAxis() ), Format.range( m.yAxis() ), inside == 0 ? "none" : "only " + inside, all, firstName, Format.range( first.xAxis() ), Format.range( first.yAxis() ) ) );
	}

	/** g at (xv, yv) by bilinear interpolation; NaN outside the map or next to a NaN point. */
	static double bilinear( final ConductanceMap m, final double xv, final double yv )
	{
		final double[] px = cell( m.xAxis(), xv ), py = cell( m.yAxis(), yv );
		if ( px == null || py == null )
			return Double.NaN;
		final int i = ( int ) px[ 0 ], j = ( int ) py[ 0 ];
		final double u = px[ 1 ], v = py[ 1 ];
		final int i1 = u > 0 ? i + 1 : i, j1 = v > 0 ? j + 1 : j;
		return ( 1 - v ) * ( ( 1 - u ) * m.get( i, j ) + u * m.get( i1, j ) ) + v * ( ( 1 - u ) * m.get( i, j1 ) + u * m.get( i1, j1 ) );
	}

	/** {lower index, fraction} of a value on an axis, or null outside it (1e-9 of a step of slack). */
	private static double[] cell( final Axis a, final double value )
	{
		final double p = a.position( value );
		if ( p < -1e-9 || p > a.size() - 1 + 1e-9 )
			return null;
		final double c = Math.max( 0, Math.min( a.size() - 1, p ) );
		final int i = ( int ) Math.min( Math.floor( c ), Math.max( 0, a.size() - 2 ) );
		return new double[] { i, c - i };
	}

	/** The shift along x only, searched within ±{@code maxShiftSteps} steps (see {@link SweepShift}). */
	public static SweepShift sweepShift( final ConductanceMap up, final ConductanceMap down, final int maxShiftSteps )
	{
		if ( maxShiftSteps < 1 )
			throw new BadInputException( "sweep shift: the search range must be at least 1 step, got " + maxShiftSteps );
		return SweepShift.between( up, down, maxShiftSteps, 0 );
	}

	/** {@code down} moved back onto the up sweep by a measured shift (see {@link SweepShift#aligned}). */
	public static ConductanceMap aligned( final ConductanceMap down, final SweepShift shift )
	{
		return shift.aligned( down );
	}

	/** Keys cubic convolution (a = −½) of equally spaced samples at fractional index p; indices clamped to the ends. */
	static double cubic( final double[] v, final double p )
	{
		final int i = ( int ) Math.floor( p );
		final double t = p - i;
		final double p0 = v[ clamp( i - 1, v.length ) ], p1 = v[ clamp( i, v.length ) ], p2 = v[ clamp( i + 1, v.length ) ], p3 = v[ clamp( i + 2, v.length ) ];
		return p1 + 0.5 * t * ( p2 - p0 + t * ( 2 * p0 - 5 * p1 + 4 * p2 - p3 + t * ( 3 * ( p1 - p2 ) + p3 - p0 ) ) );
	}

	private static int clamp( final int i, final int n ) { return Math.max( 0, Math.min( n - 1, i ) ); }
}
