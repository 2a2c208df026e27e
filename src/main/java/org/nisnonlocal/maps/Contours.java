package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Iso-lines of a map by marching squares.
 * <p>
 * The cells are the squares between four neighbouring grid points; a corner counts as above the level when g ≥ level.
 * Where an edge joins a corner above and one below, the line crosses it at the linearly interpolated point. The two
 * ambiguous (saddle) cells, with diagonal corners above, are resolved by the average of the four corners: when it is
 * ≥ level the corners above are joined through the centre, otherwise the corners below. A cell with a NaN corner is
 * skipped, so lines end at missing data. Segments of zero length (a line through a grid point exactly) are dropped.
 * <p>
 * Coordinates: a vertex is kept as fractional grid indices (i, j), j counting up from the smallest y as in
 * {@link ConductanceMap#get(int, int)}. {@link Line#axisX}/{@link Line#axisY} give calibrated values
 * (x.value(i), y.value(j)). {@link Line#pixelX}/{@link Line#pixelY} give ImageJ 1 pixel coordinates of the map shown
 * in display order (row 0 at the top, see {@link ConductanceMap}), where pixel (c, r) covers [c, c+1)×[r, r+1) and
 * its sample sits at the centre:
 * <pre>
 *   px = i + 0.5,    py = (height − 1 − j) + 0.5 = height − 0.5 − j
 * </pre>
 * so a contour drawn as an IJ1 float polygon with these coordinates lies on the image as the values do.
 */
public final class Contours
{
	private Contours() {}

	/** One iso-line: a polyline in grid-index coordinates; closed lines repeat their first vertex at the end. */
	public static final class Line
	{
		private final double level;
		private final double[] i, j;
		private final int height;
		private final Axis x, y;

		Line( final double level, final double[] i, final double[] j, final Axis x, final Axis y )
		{
			this.level = level;
			this.i = i;
			this.j = j;
			this.x = x;
			this.y = y;
			this.height = y.size();
		}

		public double level() { return level; }

		/** Vertex count (a closed line counts its first vertex twice). */
		public int size() { return i.length; }

		/** True when the line ends where it starts. */
		public boolean isClosed() { return i.length > 2 && i[ 0 ] == i[ i.length - 1 ] && j[ 0 ] == j[ j.length - 1 ]; }

		/** Fractional x index of vertex k. */
		public double indexX( final int k ) { return i[ k ]; }

		/** Fractional y index of vertex k, counting up from the smallest y. */
		public double indexY( final int k ) { return j[ k ]; }

		public double axisX( final int k ) { return x.value( i[ k ] ); }

		public double axisY( final int k ) { return y.value( j[ k ] ); }

		/** IJ1 pixel x of vertex k (pixel centres at +0.5). */
		public double pixelX( final int k ) { return i[ k ] + 0.5; }

		/** IJ1 pixel y of vertex k, row 0 at the top (display order, pixel centres at +0.5). */
		public double pixelY( final int k ) { return height - 0.5 - j[ k ]; }

		/**
		 * The same line in the grid indices of {@code x}, {@code y} (same units as this line's axes), e.g. a simulation's
		 * iso-lines computed on its own finer grid, to be drawn on a measured map's pixels. Vertices may fall outside the
		 * other grid; drawing clips them.
		 */
		public Line onGrid( final Axis newX, final Axis newY )
		{
			if ( !Units.canonical( newX.unit() ).equals( x.unit() ) || !Units.canonical( newY.unit() ).equals( y.unit() ) )
				throw new IllegalArgumentException( "contour on " + x.unit() + " × " + y.unit() + " axes cannot be put on a " + newX.unit() + " × " + newY.unit() + " grid" );
			final double[] ni = new double[ i.length ], nj = new double[ j.length ];
			for ( int k = 0; k < ni.length; k++ )
			{
				ni[ k ] = newX.position( axisX( k ) );
				nj[ k ] = newY.position( axisY( k ) );
			}
			return new Line( level, ni, nj, newX, newY );
		}

		public double[] pixelXs()
		{
			final double[] p = new double[ i.length ];
			for ( int k = 0; k < p.length; k++ )
				p[ k ] = pixelX( k );
			return p;
		}

		public double[] pixelYs()
		{
			final double[] p = new double[ j.length ];
			for ( int k = 0; k < p.length; k++ )
				p[ k ] = pixelY( k );
			return p;
		}
	}

	/**
	 * Default levels: for a signed map (both signs present) {@code n} levels symmetric about zero, ±m·k/(⌊n/2⌋+1)
	 * with m = max|g| (zero included when n is odd); for a one-signed map n levels evenly inside (min, max).
	 */
	public static double[] defaultLevels( final ConductanceMap map, final int n )
	{
		final double[] r = map.range();
		if ( n < 1 || Double.isNaN( r[ 0 ] ) || r[ 0 ] == r[ 1 ] )
			return new double[ 0 ];
		if ( r[ 0 ] < 0 && r[ 1 ] > 0 )
			return symmetricLevels( Math.max( -r[ 0 ], r[ 1 ] ), n );
		final double[] l = new double[ n ];
		for ( int k = 0; k < n; k++ )
			l[ k ] = r[ 0 ] + ( r[ 1 ] - r[ 0 ] ) * ( k + 1 ) / ( n + 1 );
		return l;
	}

	/** n levels symmetric about zero inside (−m, m), ascending: ±m·k/(⌊n/2⌋+1), plus 0 when n is odd. */
	public static double[] symmetricLevels( final double m, final int n )
	{
		final int half = n / 2;
		final double[] l = new double[ n ];
		int c = 0;
		for ( int k = half; k >= 1; k-- )
			l[ c++ ] = -m * k / ( half + 1 );
		if ( n % 2 == 1 )
			l[ c++ ] = 0;
		for ( int k = 1; k <= half; k++ )
			l[ c++ ] = m * k / ( half + 1 );
		return l;
	}

	/** The iso-lines at each level, in the order of the levels. */
	public static List< Line > of( final ConductanceMap map, final double... levels )
	{
		final List< Line > out = new ArrayList<>();
		for ( final double level : levels )
			out.addAll( at( map, level ) );
		return out;
	}

	/** The iso-lines at one level: open lines run between NaN cells or the map edge, closed ones repeat vertex 0. */
	public static List< Line > at( final ConductanceMap map, final double level )
	{
		final int w = map.width(), h = map.height();
		final List< int[] > segments = new ArrayList<>(); // pairs of edge ids
		final Map< Integer, double[] > points = new HashMap<>();
		if ( !Double.isFinite( level ) )
			return new ArrayList<>();
		for ( int j = 0; j + 1 < h; j++ )
			for ( int i = 0; i + 1 < w; i++ )
				cell( map, level, i, j, segments, points );
		return chain( segments, points, level, map );
	}

	// Edge ids: horizontal edge from (i, j) to (i+1, j) is 2·(j·w + i); vertical edge (i, j) to (i, j+1) is 2·(j·w + i) + 1.

	private static void cell( final ConductanceMap map, final double level, final int i, final int j, final List< int[] > segments, final Map< Integer, double[] > points )
	{
		final int w = map.width();
		// corners counter-clockwise from bottom-left: 0 (i, j), 1 (i+1, j), 2 (i+1, j+1), 3 (i, j+1)
		final double a = map.get( i, j ), b = map.get( i + 1, j ), c = map.get( i + 1, j + 1 ), d = map.get( i, j + 1 );
		if ( Double.isNaN( a ) || Double.isNaN( b ) || Double.isNaN( c ) || Double.isNaN( d ) )
			return;
		final int code = ( a >= level ? 1 : 0 ) | ( b >= level ? 2 : 0 ) | ( c >= level ? 4 : 0 ) | ( d >= level ? 8 : 0 );
		if ( code == 0 || code == 15 )
			return;
		// edges: bottom (0–1), right (1–2), top (3–2), left (0–3)
		final int bottom = 2 * ( j * w + i ), top = 2 * ( ( j + 1 ) * w + i ), left = bottom + 1, right = 2 * ( j * w + i + 1 ) + 1;
		points.computeIfAbsent( bottom, k -> new double[] { i + frac( a, b, level ), j } );
		points.computeIfAbsent( top, k -> new double[] { i + frac( d, c, level ), j + 1 } );
		points.computeIfAbsent( left, k -> new double[] { i, j + frac( a, d, level ) } );
		points.computeIfAbsent( right, k -> new double[] { i + 1, j + frac( b, c, level ) } );
		switch ( code )
		{
		case 1: case 14: segments.add( new int[] { left, bottom } ); break;
		case 2: case 13: segments.add( new int[] { bottom, right } ); break;
		case 3: case 12: segments.add( new int[] { left, right } ); break;
		case 4: case 11: segments.add( new int[] { right, top } ); break;
		case 6: case 9: segments.add( new int[] { bottom, top } ); break;
		case 7: case 8: segments.add( new int[] { left, top } ); break;
		case 5: // a and c above
		case 10: // b and d above
		{
			final boolean centreAbove = ( a + b + c + d ) / 4 >= level;
			// joining a with c (above in case 5, below in case 10) means cutting off the corners b and d
			final boolean joinAC = ( code == 5 ) == centreAbove;
			if ( joinAC )
			{
				segments.add( new int[] { bottom, right } ); // cuts off b
				segments.add( new int[] { left, top } ); // cuts off d
			}
			else
			{
				segments.add( new int[] { left, bottom } ); // cuts off a
				segments.add( new int[] { right, top } ); // cuts off c
			}
			break;
		}
		default:
			break;
		}
	}

	/** Where between p (at 0) and q (at 1) the linear interpolant equals level; p and q straddle it. */
	private static double frac( final double p, final double q, final double level )
	{
		if ( p == q )
			return 0; // both on one side: this edge is never used
		final double t = ( level - p ) / ( q - p );
		return Math.max( 0, Math.min( 1, t ) );
	}

	/** Joins segments that share an edge point into polylines (each edge point belongs to at most two cells). */
	private static List< Line > chain( final List< int[] > segments, final Map< Integer, double[] > points, final double level, final ConductanceMap map )
	{
		final Map< Integer, List< Integer > > byEdge = new HashMap<>();
		final List< int[] > kept = new ArrayList<>();
		for ( final int[] s : segments )
		{
			final double[] p = points.get( s[ 0 ] ), q = points.get( s[ 1 ] );
			if ( p[ 0 ] == q[ 0 ] && p[ 1 ] == q[ 1 ] )
				continue;
			final int id = kept.size();
			kept.add( s );
			byEdge.computeIfAbsent( s[ 0 ], k -> new ArrayList<>() ).add( id );
			byEdge.computeIfAbsent( s[ 1 ], k -> new ArrayList<>() ).add( id );
		}
		final boolean[] used = new boolean[ kept.size() ];
		final List< Line > lines = new ArrayList<>();
		// open lines first: start at an edge point with only one segment, so each is walked from one end
		for ( int pass = 0; pass < 2; pass++ )
			for ( int s = 0; s < kept.size(); s++ )
			{
				if ( used[ s ] )
					continue;
				final int[] seg = kept.get( s );
				final int start;
				if ( byEdge.get( seg[ 0 ] ).size() == 1 )
					start = seg[ 0 ];
				else if ( byEdge.get( seg[ 1 ] ).size() == 1 )
					start = seg[ 1 ];
				else if ( pass == 1 )
					start = seg[ 0 ];
				else
					continue;
				lines.add( walk( s, start, kept, byEdge, used, points, level, map ) );
			}
		return lines;
	}

	private static Line walk( final int first, final int start, final List< int[] > kept, final Map< Integer, List< Integer > > byEdge, final boolean[] used,
			final Map< Integer, double[] > points, final double level, final ConductanceMap map )
	{
		final List< double[] > v = new ArrayList<>();
		v.add( points.get( start ) );
		int s = first, at = start;
		while ( s >= 0 )
		{
			used[ s ] = true;
			final int[] seg = kept.get( s );
			at = seg[ 0 ] == at ? seg[ 1 ] : seg[ 0 ];
			v.add( points.get( at ) );
			int next = -1;
			for ( final int t : byEdge.get( at ) )
				if ( !used[ t ] )
					next = t;
			s = next;
		}
		final double[] xi = new double[ v.size() ], yj = new double[ v.size() ];
		for ( int k = 0; k < xi.length; k++ )
		{
			xi[ k ] = v.get( k )[ 0 ];
			yj[ k ] = v.get( k )[ 1 ];
		}
		return new Line( level, xi, yj, map.xAxis(), map.yAxis() );
	}
}
