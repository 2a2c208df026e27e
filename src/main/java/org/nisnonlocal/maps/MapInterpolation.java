package org.nisnonlocal.maps;

/**
 * Linear (1D), local cubic (1D; for bias-offset estimation) and bilinear (2D: linear in x on the two bracketing rows,
 * then linear in y) interpolation of sampled values.
 * <p>
 * Conventions: a position within {@link #SNAP} of a step from a grid point is that grid point, so that axis values
 * carrying decimal rounding (−0.93 + 93·0.02) still hit their node. Outside the sampled range the result is NaN: we
 * never extrapolate. A neighbour that is NaN makes the result NaN only when its weight is non-zero: a value exactly
 * on a grid point is that point's value whatever its neighbours are, so a missing point spoils only its own cell.
 */
public final class MapInterpolation
{
	/** Positions this close to a grid point (in steps) are taken as the grid point. */
	public static final double SNAP = 1e-9;

	private MapInterpolation() {}

	/**
	 * Linear interpolation in {@code values} at fractional index {@code p} (index 0 … length−1); NaN outside.
	 */
	public static double atPosition( final double[] values, final double p )
	{
		final double q = snap( p );
		if ( !( q >= 0 && q <= values.length - 1 ) )
			return Double.NaN;
		final int i = ( int ) Math.floor( q );
		final double t = q - i;
		if ( t == 0 )
			return values[ i ];
		return ( 1 - t ) * values[ i ] + t * values[ i + 1 ];
	}

	/** Linear interpolation of {@code values} sampled on a uniform {@code axis}, at axis value {@code at}; NaN outside. */
	public static double linear( final Axis axis, final double[] values, final double at )
	{
		if ( values.length != axis.size() )
			throw new IllegalArgumentException( "axis " + axis.name() + " has " + axis.size() + " points but " + values.length + " values" );
		return atPosition( values, axis.position( at ) );
	}

	/**
	 * Linear interpolation of {@code values} sampled at strictly ascending, not necessarily uniform {@code abscissa},
	 * at {@code at}; NaN outside [abscissa[0], abscissa[n−1]]. Snapping is to {@link #SNAP} of the local spacing.
	 */
	public static double linear( final double[] abscissa, final double[] values, final double at )
	{
		final int n = abscissa.length;
		if ( values.length != n )
			throw new IllegalArgumentException( abscissa.length + " abscissae but " + values.length + " values" );
		if ( n == 1 )
			return at == abscissa[ 0 ] ? values[ 0 ] : Double.NaN;
		if ( Double.isNaN( at ) )
			return Double.NaN;
		final int lo = cellOf( abscissa, at );
		final double t = snap( ( at - abscissa[ lo ] ) / ( abscissa[ lo + 1 ] - abscissa[ lo ] ) );
		if ( !( t >= 0 && t <= 1 ) )
			return Double.NaN;
		if ( t == 0 )
			return values[ lo ];
		if ( t == 1 )
			return values[ lo + 1 ];
		return ( 1 - t ) * values[ lo ] + t * values[ lo + 1 ];
	}

	/**
	 * Local cubic interpolation: the Lagrange cubic through the four samples nearest {@code at} (two on each side,
	 * shifted inward in the first and last cells), on strictly ascending, not necessarily uniform {@code abscissa}.
	 * Error O(h^4 g''''), against O(h^2 g'') for {@link #linear}; not a spline, so only those four samples matter: NaN
	 * when one of them is NaN (a value exactly on a grid point is that point's value), NaN outside the range. Fewer
	 * than 4 samples: linear.
	 */
	public static double cubic( final double[] abscissa, final double[] values, final double at )
	{
		if ( values.length != abscissa.length )
			throw new IllegalArgumentException( abscissa.length + " abscissae but " + values.length + " values" );
		final double[] w = new double[ 4 ];
		final int s = cubicWeights( abscissa, at, w );
		if ( s < 0 )
			return Double.NaN;
		double sum = 0;
		for ( int k = 0; k < 4; k++ )
			if ( w[ k ] != 0 )
				sum += w[ k ] * values[ s + k ];
		return sum;
	}

	/**
	 * The weights of {@link #cubic}: g(at) = Σ_k w[k]·values[start + k], k = 0 … 3 (unused slots 0, e.g. on a grid
	 * point or with fewer than 4 samples). Returns start, or −1 outside the range (or at NaN).
	 */
	public static int cubicWeights( final double[] abscissa, final double at, final double[] w )
	{
		final int n = abscissa.length;
		java.util.Arrays.fill( w, 0 );
		if ( Double.isNaN( at ) || n < 2 )
			return -1;
		final int lo = cellOf( abscissa, at );
		final double t = snap( ( at - abscissa[ lo ] ) / ( abscissa[ lo + 1 ] - abscissa[ lo ] ) );
		if ( !( t >= 0 && t <= 1 ) )
			return -1;
		if ( t == 0 || t == 1 || n < 4 )
		{
			if ( t == 0 )
				w[ 0 ] = 1;
			else if ( t == 1 )
				w[ 1 ] = 1;
			else
			{
				w[ 0 ] = 1 - t;
				w[ 1 ] = t;
			}
			return lo;
		}
		final int s = Math.max( 0, Math.min( n - 4, lo - 1 ) );
		for ( int a = s; a < s + 4; a++ )
		{
			double v = 1;
			for ( int b = s; b < s + 4; b++ )
				if ( b != a )
					v *= ( at - abscissa[ b ] ) / ( abscissa[ a ] - abscissa[ b ] );
			w[ a - s ] = v;
		}
		return s;
	}

	/** Last index i ≤ n−2 with abscissa[i] ≤ at (0 when at is left of the range). */
	private static int cellOf( final double[] abscissa, final double at )
	{
		int lo = 0, hi = abscissa.length - 1;
		while ( hi - lo > 1 )
		{
			final int mid = ( lo + hi ) >>> 1;
			if ( abscissa[ mid ] <= at )
				lo = mid;
			else
				hi = mid;
		}
		return lo;
	}

	/**
	 * Bilinear interpolation of the map at axis values (x, y): linear in x on the two bracketing rows, then linear in
	 * y. NaN outside the grid or when a neighbour with non-zero weight is NaN.
	 */
	public static double bilinear( final ConductanceMap map, final double x, final double y )
	{
		final double px = snap( map.xAxis().position( x ) );
		final double py = snap( map.yAxis().position( y ) );
		if ( !( px >= 0 && px <= map.width() - 1 && py >= 0 && py <= map.height() - 1 ) )
			return Double.NaN;
		final int i = ( int ) Math.floor( px );
		final int j = ( int ) Math.floor( py );
		final double tx = px - i;
		final double ty = py - j;
		final double lower = rowValue( map, i, j, tx );
		if ( ty == 0 )
			return lower;
		return ( 1 - ty ) * lower + ty * rowValue( map, i, j + 1, tx );
	}

	private static double rowValue( final ConductanceMap map, final int i, final int j, final double tx )
	{
		if ( tx == 0 )
			return map.get( i, j );
		return ( 1 - tx ) * map.get( i, j ) + tx * map.get( i + 1, j );
	}

	/**
	 * The map sampled on new axes by {@link #bilinear}: NaN where a new grid point lies outside the old grid.
	 * Quantity, unit and metadata are kept; the new axes must be in the old axes' units.
	 */
	public static ConductanceMap resample( final ConductanceMap map, final Axis x, final Axis y )
	{
		final double[] xs = x.values();
		final double[] ys = y.values();
		return ConductanceMap.fromFunction( x, y, map.quantity(), map.valueUnit(), map.metadata(), ( i, j ) -> bilinear( map, xs[ i ], ys[ j ] ) );
	}

	/** A position within {@link #SNAP} of an integer becomes that integer. */
	static double snap( final double p )
	{
		final double r = Math.rint( p );
		return Math.abs( p - r ) <= SNAP ? r : p;
	}
}
