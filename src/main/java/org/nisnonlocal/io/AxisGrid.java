package org.nisnonlocal.io;

import java.util.Arrays;

/**
 * The distinct values of one axis column and how they sit on a grid. Values equal to within a small fraction of the
 * typical step are one grid line (measured setpoints jitter in the last digits); the grid is uniform when the
 * distinct values are origin + k·step to 1e-3 of a step. Package-private helper of {@link TextMapImporter}.
 */
final class AxisGrid
{
	/** Tolerance, in steps, for a value to count as on the uniform grid. */
	static final double UNIFORM_TOLERANCE = 1e-3;

	/** Distinct values, ascending (mean of each cluster). */
	final double[] centers;

	/** For each input value, the index of its cluster in {@link #centers}. */
	final int[] clusterOf;

	/** Uniform grid (possibly with whole grid lines absent), or {@code uniform == false}. */
	final boolean uniform;
	final double origin;
	final double step;
	final int size;

	/** Grid index of each cluster (identity when no grid line is absent). */
	final int[] gridIndex;

	/** Smallest and largest step between distinct values (for the message on an irregular grid). */
	final double minStep;
	final double maxStep;

	private AxisGrid( final double[] centers, final int[] clusterOf, final boolean uniform, final double origin, final double step, final int size, final int[] gridIndex, final double minStep, final double maxStep )
	{
		this.centers = centers;
		this.clusterOf = clusterOf;
		this.uniform = uniform;
		this.origin = origin;
		this.step = step;
		this.size = size;
		this.gridIndex = gridIndex;
		this.minStep = minStep;
		this.maxStep = maxStep;
	}

	int missingLines() { return uniform ? size - centers.length : 0; }

	/**
	 * Clusters {@code values} (all finite) and checks for a uniform grid. With {@code allowHoles}, a grid where most
	 * steps are one base step and the others whole multiples of it is uniform with absent grid lines.
	 */
	static AxisGrid of( final double[] values, final boolean allowHoles )
	{
		final int n = values.length;
		final Integer[] order = new Integer[ n ];
		for ( int k = 0; k < n; k++ )
			order[ k ] = k;
		Arrays.sort( order, ( a, b ) -> Double.compare( values[ a ], values[ b ] ) );
		// first pass: only floating-point jitter, relative to the magnitude of the values (of the middle half, so that
		// one absurd value, 1e300, cannot merge the whole grid into one line)
		final double jitter = 1e-9 * Math.max( Math.abs( values[ order[ n / 4 ] ] ), Math.abs( values[ order[ ( 3 * n ) / 4 ] ] ) );
		final int[] pass1 = new int[ n ];
		final double[] c1 = cluster( values, order, jitter, pass1 );
		double tol = jitter;
		if ( c1.length > 2 )
		{
			final double[] gaps = new double[ c1.length - 1 ];
			for ( int k = 0; k < gaps.length; k++ )
				gaps[ k ] = c1[ k + 1 ] - c1[ k ];
			Arrays.sort( gaps );
			tol = Math.max( jitter, UNIFORM_TOLERANCE * gaps[ gaps.length / 2 ] );
		}
		final int[] clusterOf = new int[ n ];
		final double[] c = tol == jitter ? c1 : cluster( values, order, tol, clusterOf );
		if ( tol == jitter )
			System.arraycopy( pass1, 0, clusterOf, 0, n );
		return grid( c, clusterOf, allowHoles );
	}

	/** Checks already-distinct, strictly ascending values for a uniform grid without holes. */
	static AxisGrid ofDistinct( final double[] ascending )
	{
		final int[] identity = new int[ ascending.length ];
		for ( int k = 0; k < identity.length; k++ )
			identity[ k ] = k;
		return grid( ascending.clone(), identity, false );
	}

	private static double[] cluster( final double[] values, final Integer[] order, final double tol, final int[] clusterOf )
	{
		final double[] sums = new double[ order.length ];
		final int[] counts = new int[ order.length ];
		int m = -1;
		double first = Double.NaN;
		for ( final int k : order )
		{
			final double v = values[ k ];
			// distance to the cluster's first member, so a chain of small steps never merges
			if ( m < 0 || v - first > tol )
			{
				m++;
				first = v;
			}
			sums[ m ] += v;
			counts[ m ]++;
			clusterOf[ k ] = m;
		}
		final double[] c = new double[ m + 1 ];
		for ( int k = 0; k <= m; k++ )
			c[ k ] = sums[ k ] / counts[ k ];
		return c;
	}

	/**
	 * Index of a distinct value at either end that lies farther from its neighbour than the other values span (a typo
	 * or a corrupted number: V_inj = 1e300 among −0.5 … 0.5), or −1. Needs 4 distinct values.
	 */
	int outlier()
	{
		final int n = centers.length;
		if ( n < 4 )
			return -1;
		final double low = centers[ 1 ] - centers[ 0 ], high = centers[ n - 1 ] - centers[ n - 2 ];
		if ( low > high && low > centers[ n - 1 ] - centers[ 1 ] )
			return 0;
		if ( high > centers[ n - 2 ] - centers[ 0 ] )
			return n - 1;
		return -1;
	}

	/**
	 * The first distinct value whose step from the one before differs from the smallest step (where an irregular axis
	 * first breaks the grid), or −1.
	 */
	int firstIrregularStep()
	{
		for ( int k = 1; k < centers.length; k++ )
			if ( Math.abs( centers[ k ] - centers[ k - 1 ] - minStep ) > UNIFORM_TOLERANCE * minStep )
				return k;
		return -1;
	}

	/** The first input value (index into the values given to {@link #of}) that fell into distinct value {@code cluster}. */
	int firstInputOf( final int cluster )
	{
		for ( int k = 0; k < clusterOf.length; k++ )
			if ( clusterOf[ k ] == cluster )
				return k;
		return -1;
	}

	private static AxisGrid grid( final double[] c, final int[] clusterOf, final boolean allowHoles )
	{
		final int n = c.length;
		final int[] identity = new int[ n ];
		for ( int k = 0; k < n; k++ )
			identity[ k ] = k;
		if ( n < 2 )
			return new AxisGrid( c, clusterOf, false, c[ 0 ], Double.NaN, n, identity, Double.NaN, Double.NaN );
		double minStep = Double.POSITIVE_INFINITY, maxStep = 0;
		for ( int k = 1; k < n; k++ )
		{
			minStep = Math.min( minStep, c[ k ] - c[ k - 1 ] );
			maxStep = Math.max( maxStep, c[ k ] - c[ k - 1 ] );
		}
		final double mean = ( c[ n - 1 ] - c[ 0 ] ) / ( n - 1 );
		if ( onGrid( c, identity, mean ) )
			return new AxisGrid( c, clusterOf, true, c[ 0 ], mean, n, identity, minStep, maxStep );
		if ( allowHoles )
		{
			// whole grid lines absent: steps are multiples of the smallest one, and most steps are that one
			final int[] index = new int[ n ];
			int ones = 0;
			for ( int k = 1; k < n; k++ )
			{
				final long mult = Math.round( ( c[ k ] - c[ k - 1 ] ) / minStep );
				index[ k ] = index[ k - 1 ] + ( int ) Math.min( mult, Integer.MAX_VALUE / 4 );
				if ( mult == 1 )
					ones++;
			}
			final int size = index[ n - 1 ] + 1;
			final double step = ( c[ n - 1 ] - c[ 0 ] ) / ( size - 1 );
			if ( 2 * ones > n - 1 && size <= 4L * n && onGrid( c, index, step ) )
				return new AxisGrid( c, clusterOf, true, c[ 0 ], step, size, index, minStep, maxStep );
		}
		return new AxisGrid( c, clusterOf, false, c[ 0 ], mean, n, identity, minStep, maxStep );
	}

	private static boolean onGrid( final double[] c, final int[] index, final double step )
	{
		for ( int k = 0; k < c.length; k++ )
			if ( !( Math.abs( c[ k ] - ( c[ 0 ] + index[ k ] * step ) ) <= UNIFORM_TOLERANCE * step ) )
				return false;
		return true;
	}

	/**
	 * Linear interpolation of {@code f} (sampled at {@code xs}, ascending) at {@code t}; NaN if a neighbour used is
	 * NaN. Exact at the samples.
	 */
	static double interpolate( final double[] xs, final double[] f, final double t )
	{
		int k = Arrays.binarySearch( xs, t );
		if ( k >= 0 )
			return f[ k ];
		k = -k - 2; // xs[k] < t < xs[k+1]
		if ( k < 0 )
			return f[ 0 ];
		if ( k >= xs.length - 1 )
			return f[ xs.length - 1 ];
		final double w = ( t - xs[ k ] ) / ( xs[ k + 1 ] - xs[ k ] );
		return f[ k ] + w * ( f[ k + 1 ] - f[ k ] );
	}
}
