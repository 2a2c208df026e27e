package org.nisnonlocal.maps;

import java.util.List;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.nisnonlocal.BadInputException;

/**
 * Repeated sweeps of one map: their point-wise average with an error map, and the offset along x between an up and a
 * down sweep (hysteresis, lag of the lock-in or the bias source).
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

		Average( final ConductanceMap mean, final ConductanceMap standardError, final ConductanceMap count )
		{
			this.mean = mean;
			this.standardError = standardError;
			this.count = count;
		}

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

	/**
	 * Averages maps point by point on the first map's grid, ignoring NaN samples. Maps on another grid are resampled
	 * onto the first grid by bilinear interpolation (points outside them count as missing). History
	 * "average n=… resampled=… error=standard-error" on the first map's metadata.
	 *
	 * @throws BadInputException when the maps differ in value unit or axis units, or the list is empty
	 */
	public static Average average( final List< ConductanceMap > maps )
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
		for ( int k = 0; k < maps.size(); k++ )
		{
			final ConductanceMap m = maps.get( k );
			checkUnits( first, m, k + 1 );
			final boolean same = x.sameGrid( m.xAxis(), GRID_TOLERANCE ) && y.sameGrid( m.yAxis(), GRID_TOLERANCE );
			if ( !same )
				resampled++;
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
		final String history = "average n=" + maps.size() + " resampled=" + resampled + " error=standard-error";
		final MapMetadata md = first.metadata().withHistory( history );
		final ConductanceMap mean = ConductanceMap.fromFunction( x, y, first.quantity(), first.valueUnit(), md,
				( i, j ) -> n[ j * w + i ] == 0 ? Double.NaN : mu[ j * w + i ] );
		final ConductanceMap error = ConductanceMap.fromFunction( x, y, first.quantity() + " error", first.valueUnit(), first.metadata().withHistory( history + " part=error" ),
				( i, j ) -> n[ j * w + i ] < 2 ? Double.NaN : Math.sqrt( m2[ j * w + i ] / ( n[ j * w + i ] - 1 ) / n[ j * w + i ] ) );
		final ConductanceMap count = ConductanceMap.fromFunction( x, y, "count", Units.NORMALIZED, first.metadata().withHistory( history + " part=count" ),
				( i, j ) -> n[ j * w + i ] );
		return new Average( mean, error, count );
	}

	private static void checkUnits( final ConductanceMap first, final ConductanceMap m, final int index )
	{
		if ( !first.valueUnit().equals( m.valueUnit() ) )
			throw new BadInputException( "average: map " + index + " is in " + m.valueUnit() + ", map 1 in " + first.valueUnit() );
		if ( !first.xAxis().unit().equals( m.xAxis().unit() ) || !first.yAxis().unit().equals( m.yAxis().unit() ) )
			throw new BadInputException( "average: map " + index + " has axes in " + m.xAxis().unit() + " × " + m.yAxis().unit()
					+ ", map 1 in " + first.xAxis().unit() + " × " + first.yAxis().unit() );
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

	/** The x offset between two sweeps, as found by {@link #sweepShift}. */
	public static final class Shift
	{
		private final double steps;
		private final Axis x;
		private final double rmsResidual;
		private final int points;

		Shift( final double steps, final Axis x, final double rmsResidual, final int points )
		{
			this.steps = steps;
			this.x = x;
			this.rmsResidual = rmsResidual;
			this.points = points;
		}

		/** s in x-axis units: down(x) ≈ up(x − s), i.e. features of the down sweep sit s higher in x. */
		public double shift() { return steps * x.step(); }

		/** s in grid steps. */
		public double shiftSteps() { return steps; }

		/** x-axis unit of {@link #shift()}. */
		public String unit() { return x.unit(); }

		/** rms of down − shifted up over the compared points, in the value unit: what the shift leaves unexplained. */
		public double rmsResidual() { return rmsResidual; }

		/** Number of point pairs compared. */
		public int points() { return points; }

		@Override
		public String toString()
		{
			return "sweep shift " + Format.num( shift() ) + " " + unit() + " (" + Format.num( steps ) + " steps), rms residual "
					+ Format.num( rmsResidual ) + " over " + points + " points";
		}
	}

	/**
	 * The shift s along x that best aligns two sweeps on the same grid, down(x, y) ≈ up(x − s, y), searched within
	 * ±{@code maxShiftSteps} grid steps. Least squares: the integer shift with the smallest mean squared difference,
	 * then a Brent minimisation within ±1 step of it, with up interpolated along x by cubic convolution (Keys,
	 * a = −½, third-order accurate) so that sub-step shifts are not pulled towards grid points as with linear
	 * interpolation. The same interior points (those that stay inside the map for every shift tried) are compared
	 * for all shifts; pairs touching a NaN are skipped.
	 */
	public static Shift sweepShift( final ConductanceMap up, final ConductanceMap down, final int maxShiftSteps )
	{
		checkUnits( up, down, 2 );
		if ( !up.xAxis().sameGrid( down.xAxis(), GRID_TOLERANCE ) || !up.yAxis().sameGrid( down.yAxis(), GRID_TOLERANCE ) )
			throw new BadInputException( "sweep shift: the two sweeps are on different grids (" + up.xAxis() + " vs " + down.xAxis() + ")" );
		if ( maxShiftSteps < 1 )
			throw new BadInputException( "sweep shift: the search range must be at least 1 step, got " + maxShiftSteps );
		final int n = up.width();
		final int from = maxShiftSteps + 2, to = n - 3 - maxShiftSteps;
		if ( to < from )
			throw new BadInputException( "sweep shift: " + n + " points along " + up.xAxis().name() + " are too few for a search of ±" + maxShiftSteps + " steps" );
		final double[][] u = new double[ up.height() ][], d = new double[ up.height() ][];
		for ( int j = 0; j < up.height(); j++ )
		{
			u[ j ] = up.row( j );
			d[ j ] = down.row( j );
		}
		int best = 0;
		double bestValue = Double.POSITIVE_INFINITY;
		for ( int k = -maxShiftSteps; k <= maxShiftSteps; k++ )
		{
			final double e = meanSquare( u, d, k, from, to )[ 0 ];
			if ( e < bestValue )
			{
				bestValue = e;
				best = k;
			}
		}
		if ( Double.isInfinite( bestValue ) )
			throw new BadInputException( "sweep shift: the sweeps have no valid points in common" );
		final UnivariatePointValuePair opt = new BrentOptimizer( 1e-10, 1e-9 ).optimize( new MaxEval( 200 ), GoalType.MINIMIZE,
				new UnivariateObjectiveFunction( s -> meanSquare( u, d, s, from, to )[ 0 ] ), new SearchInterval( best - 1, best + 1, best ) );
		final double s = opt.getPoint();
		final double[] r = meanSquare( u, d, s, from, to );
		return new Shift( s, up.xAxis(), Math.sqrt( r[ 0 ] ), ( int ) r[ 1 ] );
	}

	/**
	 * {@code down} moved back by a measured shift so that it lines up with the up sweep: aligned(x, y) = down(x + s, y),
	 * by cubic convolution along x; NaN where x + s falls outside down's x axis. History
	 * "align-sweep shift=… unit=…". Average the result with the up sweep to combine both directions.
	 */
	public static ConductanceMap aligned( final ConductanceMap down, final Shift shift )
	{
		final Axis x = down.xAxis();
		final double s = shift.shift() * Units.conversionFactor( shift.unit(), x.unit() ) / x.step();
		final MapMetadata md = down.metadata().withHistory( "align-sweep shift=" + Format.num( shift.shift() ) + " unit=" + shift.unit() );
		final double[][] rows = new double[ down.height() ][];
		for ( int j = 0; j < rows.length; j++ )
			rows[ j ] = down.row( j );
		return ConductanceMap.fromFunction( x, down.yAxis(), down.quantity(), down.valueUnit(), md, ( i, j ) ->
		{
			final double p = i + s;
			return p < -1e-9 || p > x.size() - 1 + 1e-9 ? Double.NaN : cubic( rows[ j ], Math.max( 0, Math.min( x.size() - 1, p ) ) );
		} );
	}

	/** {mean of (down[i] − up(i − s))² over i in [from, to] and all rows, number of pairs}; +∞ when none. */
	private static double[] meanSquare( final double[][] up, final double[][] down, final double s, final int from, final int to )
	{
		double sum = 0;
		int count = 0;
		for ( int j = 0; j < up.length; j++ )
			for ( int i = from; i <= to; i++ )
			{
				final double diff = down[ j ][ i ] - cubic( up[ j ], i - s );
				if ( Double.isNaN( diff ) )
					continue;
				sum += diff * diff;
				count++;
			}
		return new double[] { count == 0 ? Double.POSITIVE_INFINITY : sum / count, count };
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
