package org.nisnonlocal.maps;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.nisnonlocal.BadInputException;

/**
 * Removes a smooth or line-by-line background from a map; both the corrected map and the subtracted background are
 * returned, so that background + corrected = input at every non-NaN point. NaN points are ignored by every fit and
 * stay NaN in the corrected map. Rows are lines of constant y (running along x = V_inj), columns lines of constant x.
 * <ul>
 * <li>{@link Mode#PLANE}: least-squares plane a + b·x + c·y (calibrated units) over all non-NaN points.</li>
 * <li>{@link Mode#ROW_MEAN}, {@link Mode#ROW_MEDIAN}: each row minus its own mean or median ("subtract line
 * average" of qtplot); the median ignores spikes and jumps.</li>
 * <li>{@link Mode#COLUMN_MEAN}, {@link Mode#COLUMN_MEDIAN}: the same per column.</li>
 * <li>{@link Mode#POLYNOMIAL}: a least-squares polynomial of the given degree in one axis, fitted <em>separately for
 * each line</em> along that axis (per row for x), like a line-by-line flattening; degree 0 is the line mean. A line
 * with fewer than degree + 1 valid points gets a NaN background.</li>
 * </ul>
 */
public final class BackgroundRemoval
{
	public enum Mode
	{
		PLANE( "plane" ),
		ROW_MEAN( "row-mean" ),
		ROW_MEDIAN( "row-median" ),
		COLUMN_MEAN( "column-mean" ),
		COLUMN_MEDIAN( "column-median" ),
		POLYNOMIAL( "poly" );

		private final String spelling;

		Mode( final String spelling )
		{
			this.spelling = spelling;
		}

		/** Runner and history spelling: "plane", "row-mean", "row-median", "column-mean", "column-median", "poly". */
		public String spelling() { return spelling; }

		public static Mode parse( final String s )
		{
			final String t = s == null ? "" : s.trim().toLowerCase( Locale.ROOT );
			for ( final Mode m : values() )
				if ( m.spelling.equals( t ) )
					return m;
			throw new BadInputException( "background mode '" + s + "' is not one of plane, row-mean, row-median, column-mean, column-median, poly" );
		}
	}

	/** Corrected map and subtracted background, on the input's grid. */
	public static final class Result
	{
		private final ConductanceMap corrected;
		private final ConductanceMap background;

		Result( final ConductanceMap corrected, final ConductanceMap background )
		{
			this.corrected = corrected;
			this.background = background;
		}

		/** Input minus background; same quantity and unit as the input. */
		public ConductanceMap corrected() { return corrected; }

		/** What was subtracted; quantity "&lt;q&gt; background". */
		public ConductanceMap background() { return background; }
	}

	/** Highest polynomial degree accepted: higher ones only fit noise. */
	public static final int MAX_DEGREE = 10;

	private BackgroundRemoval() {}

	/**
	 * Any mode by name, for the runner and the menu. {@code along} and {@code degree} are used by
	 * {@link Mode#POLYNOMIAL} only.
	 */
	public static Result remove( final ConductanceMap map, final Mode mode, final MapAxis along, final int degree )
	{
		switch ( mode )
		{
		case PLANE:
			return plane( map );
		case ROW_MEAN:
			return lineLevel( map, MapAxis.X, false );
		case ROW_MEDIAN:
			return lineLevel( map, MapAxis.X, true );
		case COLUMN_MEAN:
			return lineLevel( map, MapAxis.Y, false );
		case COLUMN_MEDIAN:
			return lineLevel( map, MapAxis.Y, true );
		case POLYNOMIAL:
			if ( along == null )
				throw new BadInputException( "background poly: choose the axis the polynomial runs along (vinj or vdet)" );
			return polynomial( map, along, degree );
		default:
			throw new IllegalStateException( mode.toString() );
		}
	}

	/**
	 * Subtracts the least-squares plane a + b·x + c·y. History "background mode=plane a=… b=… c=…" with b in value
	 * unit per x unit and c per y unit.
	 *
	 * @throws BadInputException when the valid points do not span both axes
	 */
	public static Result plane( final ConductanceMap map )
	{
		final Axis x = map.xAxis(), y = map.yAxis();
		// Centred, scaled coordinates keep the 3×3 problem well conditioned whatever the units.
		final double xc = ( x.min() + x.max() ) / 2, yc = ( y.min() + y.max() ) / 2;
		final double xs = Math.max( ( x.max() - x.min() ) / 2, x.step() ), ys = Math.max( ( y.max() - y.min() ) / 2, y.step() );
		final double[][] ata = new double[ 3 ][ 3 ];
		final double[] atb = new double[ 3 ];
		for ( int j = 0; j < y.size(); j++ )
			for ( int i = 0; i < x.size(); i++ )
			{
				final double g = map.get( i, j );
				if ( Double.isNaN( g ) )
					continue;
				final double[] r = { 1, ( x.value( i ) - xc ) / xs, ( y.value( j ) - yc ) / ys };
				for ( int p = 0; p < 3; p++ )
				{
					atb[ p ] += r[ p ] * g;
					for ( int q = 0; q < 3; q++ )
						ata[ p ][ q ] += r[ p ] * r[ q ];
				}
			}
		final DecompositionSolver solver = new QRDecomposition( new Array2DRowRealMatrix( ata ), 1e-12 ).getSolver();
		if ( !solver.isNonSingular() )
			throw new BadInputException( "background plane: the valid points of the map do not span both axes" );
		final double[] c = solver.solve( new ArrayRealVector( atb ) ).toArray();
		final double b = c[ 1 ] / xs, cy = c[ 2 ] / ys, a = c[ 0 ] - b * xc - cy * yc;
		final ConductanceMap bg = ConductanceMap.fromFunction( x, y, map.quantity() + " background", map.valueUnit(), null,
				( i, j ) -> a + b * x.value( i ) + cy * y.value( j ) );
		return result( map, bg, "background mode=plane a=" + Format.num( a ) + " b=" + Format.num( b ) + " c=" + Format.num( cy ) );
	}

	/** Each line along {@code along} (rows for X, columns for Y) minus its mean or median over its non-NaN points. */
	public static Result lineLevel( final ConductanceMap map, final MapAxis along, final boolean median )
	{
		final ConductanceMap bg = emptyBackground( map );
		final int lines = along.otherOf( map ).size(), n = along.of( map ).size();
		for ( int k = 0; k < lines; k++ )
		{
			final double level = median ? median( along.line( map, k ) ) : mean( along.line( map, k ) );
			for ( int i = 0; i < n; i++ )
				along.set( bg, i, k, ( float ) level );
		}
		final Mode mode = along == MapAxis.X ? ( median ? Mode.ROW_MEDIAN : Mode.ROW_MEAN ) : ( median ? Mode.COLUMN_MEDIAN : Mode.COLUMN_MEAN );
		return result( map, bg, "background mode=" + mode.spelling() );
	}

	/**
	 * Each line along {@code along} minus its own least-squares polynomial of degree {@code degree} (0 … 10) in that
	 * axis. History "background mode=poly axis=vinj degree=2".
	 */
	public static Result polynomial( final ConductanceMap map, final MapAxis along, final int degree )
	{
		final Axis a = along.of( map );
		if ( degree < 0 || degree > MAX_DEGREE )
			throw new BadInputException( "background poly: degree must be 0 … " + MAX_DEGREE + ", got " + degree );
		if ( degree >= a.size() )
			throw new BadInputException( "background poly: degree " + degree + " needs more than the " + a.size() + " points of the " + a.name() + " axis" );
		final ConductanceMap bg = emptyBackground( map );
		final int lines = along.otherOf( map ).size(), n = a.size();
		// Abscissa scaled to [−1, 1] so that powers up to MAX_DEGREE stay of order one.
		final double[] u = new double[ n ];
		for ( int i = 0; i < n; i++ )
			u[ i ] = n == 1 ? 0 : 2.0 * i / ( n - 1 ) - 1;
		for ( int k = 0; k < lines; k++ )
		{
			final double[] g = along.line( map, k );
			final double[] fit = polynomialFit( u, g, degree );
			for ( int i = 0; i < n; i++ )
				along.set( bg, i, k, ( float ) fit[ i ] );
		}
		return result( map, bg, "background mode=poly axis=" + along.spelling() + " degree=" + degree );
	}

	/** The least-squares polynomial through the non-NaN (u, g), evaluated at every u; all NaN if too few points. */
	private static double[] polynomialFit( final double[] u, final double[] g, final int degree )
	{
		int valid = 0;
		for ( final double v : g )
			if ( !Double.isNaN( v ) )
				valid++;
		final double[] out = new double[ u.length ];
		if ( valid < degree + 1 )
		{
			Arrays.fill( out, Double.NaN );
			return out;
		}
		final RealMatrix design = new Array2DRowRealMatrix( valid, degree + 1 );
		final double[] rhs = new double[ valid ];
		int r = 0;
		for ( int i = 0; i < u.length; i++ )
			if ( !Double.isNaN( g[ i ] ) )
			{
				for ( int p = 0; p <= degree; p++ )
					design.setEntry( r, p, Math.pow( u[ i ], p ) );
				rhs[ r++ ] = g[ i ];
			}
		final DecompositionSolver solver = new QRDecomposition( design, 1e-12 ).getSolver();
		if ( !solver.isNonSingular() )
		{
			Arrays.fill( out, Double.NaN );
			return out;
		}
		final double[] c = solver.solve( new ArrayRealVector( rhs ) ).toArray();
		for ( int i = 0; i < u.length; i++ )
		{
			double v = 0;
			for ( int p = degree; p >= 0; p-- )
				v = v * u[ i ] + c[ p ];
			out[ i ] = v;
		}
		return out;
	}

	static double mean( final double[] v )
	{
		double s = 0;
		int n = 0;
		for ( final double d : v )
			if ( !Double.isNaN( d ) )
			{
				s += d;
				n++;
			}
		return n == 0 ? Double.NaN : s / n;
	}

	/** Median of the non-NaN values (mean of the middle two for an even count); NaN if none. */
	static double median( final double[] v )
	{
		final double[] f = Arrays.stream( v ).filter( d -> !Double.isNaN( d ) ).sorted().toArray();
		if ( f.length == 0 )
			return Double.NaN;
		final int h = f.length / 2;
		return f.length % 2 == 1 ? f[ h ] : ( f[ h - 1 ] + f[ h ] ) / 2;
	}

	private static ConductanceMap emptyBackground( final ConductanceMap map )
	{
		return ConductanceMap.empty( map.xAxis(), map.yAxis(), map.quantity() + " background", map.valueUnit(), null );
	}

	/** Corrected = input − background (NaN where the input is); both record {@code history}. */
	private static Result result( final ConductanceMap map, final ConductanceMap bg, final String history )
	{
		final MapMetadata md = map.metadata().withHistory( history );
		final ConductanceMap corrected = ConductanceMap.fromFunction( map.xAxis(), map.yAxis(), map.quantity(), map.valueUnit(), md,
				( i, j ) -> ( double ) map.get( i, j ) - bg.get( i, j ) );
		return new Result( corrected, bg.withMetadata( map.metadata().withHistory( history + " part=background" ) ) );
	}
}
