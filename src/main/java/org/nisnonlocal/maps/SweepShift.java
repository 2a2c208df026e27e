package org.nisnonlocal.maps;

import java.util.Locale;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.nisnonlocal.BadInputException;

/**
 * The shift between two sweeps of one map along both axes: second(x, y) ≈ first(x − s_x, y − s_y), i.e. features of
 * the second sweep sit s higher. Along the fast axis it is the lag of the lock-in or the bias source; along the slow
 * axis the hysteresis of a field sweep (an up and a down sweep in B differ by tens of mT where the film's magnetization
 * flips).
 * <p>
 * Least squares: every whole-step shift (s_x, s_y) within the search window is tried exactly (no interpolation) over
 * the same interior points, those that stay inside the map for every shift tried; then the sub-step optimum within ±1
 * step of the best, by Brent along x and y in turn until neither moves by 1e-7 step, with the first sweep interpolated
 * by separable cubic convolution (Keys, a = −½). The window is ±(n − 5)/4 steps along an axis of n points (so at least
 * half of the points are compared), at least 1; an axis of fewer than 7 points is not searched. Pairs touching a NaN
 * are skipped.
 */
public final class SweepShift
{
	private final double[] steps;
	private final boolean[] searched;
	private final Axis x, y;
	private final double rmsBefore, rmsAfter;
	private final int points;

	private final double noise;

	private SweepShift( final double[] steps, final boolean[] searched, final Axis x, final Axis y, final double rmsBefore, final double rmsAfter, final int points, final double noise )
	{
		this.noise = noise;
		this.steps = steps;
		this.searched = searched;
		this.x = x;
		this.y = y;
		this.rmsBefore = rmsBefore;
		this.rmsAfter = rmsAfter;
		this.points = points;
	}

	/** Both axes, the default windows. */
	public static SweepShift between( final ConductanceMap first, final ConductanceMap second )
	{
		return between( first, second, Integer.MAX_VALUE, Integer.MAX_VALUE );
	}

	/**
	 * @param maxX
	 *            the largest whole-step shift tried along x (the default window caps it); 0 = x not searched
	 * @param maxY
	 *            the same along y
	 * @throws BadInputException
	 *             when the maps differ in units or grid, or have no valid point in common
	 */
	public static SweepShift between( final ConductanceMap first, final ConductanceMap second, final int maxX, final int maxY )
	{
		if ( !first.valueUnit().equals( second.valueUnit() ) || !first.xAxis().unit().equals( second.xAxis().unit() ) || !first.yAxis().unit().equals( second.yAxis().unit() ) )
			throw new BadInputException( "sweep shift: the sweeps are in different units (" + first + " vs " + second + ")" );
		if ( !first.xAxis().sameGrid( second.xAxis(), SweepAverage.GRID_TOLERANCE ) || !first.yAxis().sameGrid( second.yAxis(), SweepAverage.GRID_TOLERANCE ) )
			throw new BadInputException( "sweep shift: the two sweeps are on different grids (" + first.xAxis() + "; " + first.yAxis() + " vs " + second.xAxis() + "; " + second.yAxis() + ")" );
		final int w = first.width(), h = first.height();
		final int mx = window( w, maxX ), my = window( h, maxY );
		// interior points: inside for every shift within ±(m + 1) with the cubic's 4-point stencil
		final int x0 = mx == 0 ? 0 : mx + 2, x1 = mx == 0 ? w - 1 : w - 3 - mx;
		final int y0 = my == 0 ? 0 : my + 2, y1 = my == 0 ? h - 1 : h - 3 - my;
		final double[][] a = rows( first ), b = rows( second );
		final Misfit f = new Misfit( a, b, x0, x1, y0, y1 );

		// whole steps: on a large map every stride-th point (per axis) first, so that candidates × points stays
		// ≤ 5e7, then all points around the best candidate
		final long candidates = ( 2L * mx + 1 ) * ( 2L * my + 1 ), region = ( long ) ( x1 - x0 + 1 ) * ( y1 - y0 + 1 );
		final int stride = ( int ) Math.max( 1, Math.ceil( Math.sqrt( candidates * region / 5e7 ) ) );
		int[] best = bestWhole( f, -mx, mx, -my, my, stride );
		if ( stride > 1 )
			best = bestWhole( f, Math.max( -mx, best[ 0 ] - stride ), Math.min( mx, best[ 0 ] + stride ), Math.max( -my, best[ 1 ] - stride ), Math.min( my, best[ 1 ] + stride ), 1 );
		if ( best == null )
			throw new BadInputException( "sweep shift: the sweeps have no valid points in common" );
		final int bx = best[ 0 ], by = best[ 1 ];
		double sx = bx, sy = by;
		final BrentOptimizer brent = new BrentOptimizer( 1e-10, 1e-9 );
		for ( int round = 0; round < 30; round++ )
		{
			final double oldX = sx, oldY = sy, fy = sy, fx;
			if ( mx > 0 )
				sx = brent.optimize( new MaxEval( 200 ), GoalType.MINIMIZE, new UnivariateObjectiveFunction( s -> f.at( s, fy )[ 0 ] ), new SearchInterval( bx - 1, bx + 1, sx ) ).getPoint();
			fx = sx;
			if ( my > 0 )
				sy = brent.optimize( new MaxEval( 200 ), GoalType.MINIMIZE, new UnivariateObjectiveFunction( s -> f.at( fx, s )[ 0 ] ), new SearchInterval( by - 1, by + 1, sy ) ).getPoint();
			if ( Math.abs( sx - oldX ) < 1e-7 && Math.abs( sy - oldY ) < 1e-7 )
				break;
		}
		final double[] after = f.at( sx, sy );
		final double[][] both = new double[ a.length + b.length ][];
		System.arraycopy( a, 0, both, 0, a.length );
		System.arraycopy( b, 0, both, a.length, b.length );
		return new SweepShift( new double[] { sx, sy }, new boolean[] { mx > 0, my > 0 }, first.xAxis(), first.yAxis(), Math.sqrt( f.whole( 0, 0 ) ), Math.sqrt( after[ 0 ] ), ( int ) after[ 1 ],
				Noise.fromSecondDifferences( both ) );
	}

	/** {kx, ky} of the smallest misfit over the given whole-step shifts, every stride-th point compared; null if none. */
	private static int[] bestWhole( final Misfit f, final int fromX, final int toX, final int fromY, final int toY, final int stride )
	{
		int[] best = null;
		double smallest = Double.POSITIVE_INFINITY;
		for ( int ky = fromY; ky <= toY; ky++ )
			for ( int kx = fromX; kx <= toX; kx++ )
			{
				final double e = f.whole( kx, ky, stride );
				if ( e < smallest )
				{
					smallest = e;
					best = new int[] { kx, ky };
				}
			}
		return best;
	}

	/** The whole-step search window along an axis of n points: (n − 5)/4, at least 1, at most {@code max}; 0 when n &lt; 7. */
	static int window( final int n, final int max )
	{
		if ( max <= 0 || n < 7 )
			return 0;
		return Math.min( max, Math.max( 1, ( n - 5 ) / 4 ) );
	}

	private static double[][] rows( final ConductanceMap m )
	{
		final double[][] r = new double[ m.height() ][];
		for ( int j = 0; j < r.length; j++ )
			r[ j ] = m.row( j );
		return r;
	}

	/** s_x in x-axis units (second against first: features of the second sit s_x higher); NaN when x was not searched. */
	public double x() { return searched[ 0 ] ? steps[ 0 ] * x.step() : Double.NaN; }

	/** s_y in y-axis units; NaN when y was not searched. */
	public double y() { return searched[ 1 ] ? steps[ 1 ] * y.step() : Double.NaN; }

	/** s_x in grid steps (0 when not searched). */
	public double xSteps() { return steps[ 0 ]; }

	/** s_y in grid steps (0 when not searched). */
	public double ySteps() { return steps[ 1 ]; }

	public boolean searchedX() { return searched[ 0 ]; }

	public boolean searchedY() { return searched[ 1 ]; }

	public Axis xAxis() { return x; }

	public Axis yAxis() { return y; }

	/** rms of second − first over the compared points before shifting, value unit. */
	public double rmsBefore() { return rmsBefore; }

	/** rms of second − shifted first: what the shift leaves unexplained (noise of both sweeps, if it is all). */
	public double rmsResidual() { return rmsAfter; }

	/** Number of point pairs compared at the optimum. */
	public int points() { return points; }

	/** Per-point noise of the sweeps, from second differences along x (value unit). */
	public double noise() { return noise; }

	/**
	 * True when what the shift leaves exceeds 3 × the noise of a difference of two sweeps (√2 σ): the maps differ by
	 * more than a shift (other conditions, another I_s, drift), and the shift is not a measure of hysteresis.
	 */
	public boolean moreThanAShift() { return rmsAfter > 3 * Math.sqrt( 2 ) * noise; }

	/**
	 * {@code second} moved back onto the first sweep: aligned(x, y) = second(x + s_x, y + s_y), cubic convolution;
	 * NaN where that falls outside second's grid. History "align-sweep shift_x=… shift_y=…".
	 */
	public ConductanceMap aligned( final ConductanceMap second )
	{
		final double[][] r = rows( second );
		final int w = second.width(), h = second.height();
		final MapMetadata md = second.metadata().withHistory( "align-sweep shift_x=" + Format.num( steps[ 0 ] * x.step() ) + " unit_x=" + x.unit() + " shift_y="
				+ Format.num( steps[ 1 ] * y.step() ) + " unit_y=" + y.unit() );
		return ConductanceMap.fromFunction( second.xAxis(), second.yAxis(), second.quantity(), second.valueUnit(), md, ( i, j ) ->
		{
			final double p = i + steps[ 0 ], q = j + steps[ 1 ];
			if ( p < -1e-9 || p > w - 1 + 1e-9 || q < -1e-9 || q > h - 1 + 1e-9 )
				return Double.NaN;
			return cubic( r, Math.max( 0, Math.min( w - 1, p ) ), Math.max( 0, Math.min( h - 1, q ) ) );
		} );
	}

	/** One line for the user. */
	public String report()
	{
		return String.format( Locale.ROOT, "shift of the second sweep against the first: %s, %s; rms difference %s before, %s after over %d points%s",
				axisLine( x, 0 ), axisLine( y, 1 ), Format.num( rmsBefore ), Format.num( rmsAfter ), points,
				moreThanAShift() ? String.format( Locale.ROOT, "; WARNING: the sweeps differ by more than a shift (rms %s left against a noise of %s per point): read the shift with care", Format.num( rmsAfter ),
						Format.num( noise ) ) : "" );
	}

	private String axisLine( final Axis a, final int k )
	{
		return searched[ k ] ? String.format( Locale.ROOT, "%s %s %s (%s steps)", a.name(), Format.num( steps[ k ] * a.step() ), a.unit(), Format.num( steps[ k ] ) )
				: a.name() + " not searched (" + a.size() + " points)";
	}

	@Override
	public String toString() { return report(); }

	/** Mean squared difference second(i, j) − first(i − s_x, j − s_y) over the interior points. */
	private static final class Misfit
	{
		private final double[][] a, b;
		private final int x0, x1, y0, y1;

		Misfit( final double[][] a, final double[][] b, final int x0, final int x1, final int y0, final int y1 )
		{
			this.a = a;
			this.b = b;
			this.x0 = x0;
			this.x1 = x1;
			this.y0 = y0;
			this.y1 = y1;
		}

		/** At whole steps: plain differences. */
		double whole( final int kx, final int ky )
		{
			return whole( kx, ky, 1 );
		}

		/** At whole steps, every stride-th point along each axis. */
		double whole( final int kx, final int ky, final int stride )
		{
			double sum = 0;
			int n = 0;
			for ( int j = y0; j <= y1; j += stride )
				for ( int i = x0; i <= x1; i += stride )
				{
					final double d = b[ j ][ i ] - a[ j - ky ][ i - kx ];
					if ( !Double.isNaN( d ) )
					{
						sum += d * d;
						n++;
					}
				}
			return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
		}

		/** {mean square, pairs} at a sub-step shift. */
		double[] at( final double sx, final double sy )
		{
			double sum = 0;
			int n = 0;
			for ( int j = y0; j <= y1; j++ )
				for ( int i = x0; i <= x1; i++ )
				{
					final double d = b[ j ][ i ] - cubic( a, i - sx, j - sy );
					if ( !Double.isNaN( d ) )
					{
						sum += d * d;
						n++;
					}
				}
			return new double[] { n == 0 ? Double.POSITIVE_INFINITY : sum / n, n };
		}
	}

	/** Separable Keys cubic convolution of rows r at fractional (column p, row q); indices clamped to the map. */
	static double cubic( final double[][] r, final double p, final double q )
	{
		final int j = ( int ) Math.floor( q );
		final double t = q - j;
		if ( t == 0 )
			return SweepAverage.cubic( r[ clamp( j, r.length ) ], p );
		final double[] c = new double[ 4 ];
		for ( int k = 0; k < 4; k++ )
			c[ k ] = SweepAverage.cubic( r[ clamp( j - 1 + k, r.length ) ], p );
		return SweepAverage.cubic( c, 1 + t );
	}

	private static int clamp( final int i, final int n ) { return Math.max( 0, Math.min( n - 1, i ) ); }
}
