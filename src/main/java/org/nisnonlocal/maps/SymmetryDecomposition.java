package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * Splits a map into its even and odd parts in one bias axis, about bias 0 (S Eqs. 18-19):
 * <pre>
 *   even(v) = ½[g(v) + g(−v)]     (g_ss when g is g_s and the axis is V_inj)
 *   odd(v)  = ½[g(v) − g(−v)]     (g_sa)
 * </pre>
 * <b>Mirror values.</b> When the grid points are symmetric about 0 (−v_i is itself a grid point, which holds when
 * 2·origin/step is an integer to 1e-6, also for half-step lattices such as ±0.01, ±0.03 …) g(−v_i) is read by index,
 * so the even part is exactly even and the odd part exactly odd, bit for bit. Otherwise g(−v_i) is linearly
 * interpolated between the two grid points around −v_i ({@link MapInterpolation}), an error of at most
 * step²·max|g''|/8 in each part.
 * <p>
 * <b>Overlap.</b> The parts are defined only at grid points v_i whose mirror −v_i lies inside the measured range
 * [min, max], i.e. on [max(min, −max), min(max, −min)]. The result maps live on that sub-range of the axis
 * ({@link Axis#range}); the other axis is unchanged. Bias offsets are not corrected here: shift the axis first with
 * {@link BiasOffset}.
 * <p>
 * NaN points stay local: a missing g(v_i) spoils the parts at v_i and at the one or two overlap points whose mirror
 * needs it.
 */
public final class SymmetryDecomposition
{
	/** 2·origin/step within this of an integer counts as a symmetric grid. */
	public static final double SYMMETRIC_GRID_TOLERANCE = 1e-6;

	private SymmetryDecomposition() {}

	/**
	 * Even and odd parts along {@code axis}, named g_ss and g_sa along X (the paper's names for parts in V_inj) and
	 * "&lt;quantity&gt;_even_vdet", "&lt;quantity&gt;_odd_vdet" along Y.
	 */
	public static Result decompose( final ConductanceMap map, final MapAxis axis )
	{
		if ( axis == MapAxis.X )
			return decompose( map, axis, "g_ss", "g_sa" );
		return decompose( map, axis, map.quantity() + "_even_vdet", map.quantity() + "_odd_vdet" );
	}

	/** Even and odd parts along {@code axis}, with the given quantity names. */
	public static Result decompose( final ConductanceMap map, final MapAxis axis, final String evenQuantity, final String oddQuantity )
	{
		final Axis a = axis.of( map );
		final Mirror mirror = Mirror.about0( a );
		final Axis overlap = a.range( mirror.first, mirror.count() );
		final List< String > report = mirror.report();

		final String how = mirror.symmetric ? "index" : "linear";
		final String history = "decompose axis=" + axis.spelling() + " overlap=" + Format.num( overlap.min() ) + ".." + Format.num( overlap.max() ) + " mirror=" + how;
		final ConductanceMap even = axis.emptyWith( map, overlap, evenQuantity, map.valueUnit(), map.metadata().withHistory( history + " part=even" ) );
		final ConductanceMap odd = axis.emptyWith( map, overlap, oddQuantity, map.valueUnit(), map.metadata().withHistory( history + " part=odd" ) );
		for ( int k = 0; k < axis.lineCount( map ); k++ )
		{
			final double[] g = axis.line( map, k );
			for ( int i = mirror.first; i <= mirror.last; i++ )
			{
				final double gv = g[ i ];
				final double gm = mirror.mirrored( g, i );
				axis.set( even, i - mirror.first, k, ( float ) ( 0.5 * ( gv + gm ) ) );
				axis.set( odd, i - mirror.first, k, ( float ) ( 0.5 * ( gv - gm ) ) );
			}
		}
		return new Result( even, odd, mirror, report );
	}

	/**
	 * Even and odd parts of a 1D curve (a local spectrum, or a cut of a map) about bias 0, named
	 * "&lt;quantity&gt;_even" and "&lt;quantity&gt;_odd". The bias need not be uniform: g(−b_i) is linearly
	 * interpolated, and is the sample itself when −b_i is within 1e-9 of a spacing of a sample. Only points whose
	 * mirror lies inside [b_0, b_n−1] are kept.
	 */
	public static SpectrumParts decompose( final Spectrum s )
	{
		final double[] b = s.bias();
		final double[] g = s.values();
		final double lo = b[ 0 ], hi = b[ b.length - 1 ];
		final double tol = MapInterpolation.SNAP * ( hi - lo ) / ( b.length - 1 );
		int first = -1, last = -1;
		for ( int i = 0; i < b.length; i++ )
			if ( -b[ i ] >= lo - tol && -b[ i ] <= hi + tol )
			{
				if ( first < 0 )
					first = i;
				last = i;
			}
		final int count = first < 0 ? 0 : last - first + 1;
		if ( count < 2 )
			throw new BadInputException( String.format( Locale.ROOT,
					"%s: bias %s spans %s … %s %s: fewer than 2 points have their mirror -v inside the measured range, so there is nothing to decompose about 0",
					s.quantity(), s.biasName(), Format.num( lo ), Format.num( hi ), s.biasUnit() ) );
		final double[] kept = new double[ count ];
		final double[] even = new double[ count ];
		final double[] odd = new double[ count ];
		for ( int i = first; i <= last; i++ )
		{
			final double gm = MapInterpolation.linear( b, g, -b[ i ] );
			kept[ i - first ] = b[ i ];
			even[ i - first ] = 0.5 * ( g[ i ] + gm );
			odd[ i - first ] = 0.5 * ( g[ i ] - gm );
		}
		final String history = "decompose bias=" + s.biasName() + " overlap=" + Format.num( b[ first ] ) + ".." + Format.num( b[ last ] ) + " mirror=linear";
		final List< String > report = new ArrayList<>();
		report.add( String.format( Locale.ROOT, "%s [%s]: measured %s … %s; centre of the range (min+max)/2 = %s %s", s.biasName(), s.biasUnit(),
				Format.num( lo ), Format.num( hi ), Format.num( 0.5 * ( lo + hi ) ), s.biasUnit() ) );
		report.add( String.format( Locale.ROOT, "overlap kept: %s … %s %s (%d of %d points)", Format.num( b[ first ] ), Format.num( b[ last ] ), s.biasUnit(), count, b.length ) );
		return new SpectrumParts(
				new Spectrum( kept, even, s.biasName(), s.biasUnit(), s.quantity() + "_even", s.valueUnit(), s.metadata().withHistory( history + " part=even" ) ),
				new Spectrum( kept, odd, s.biasName(), s.biasUnit(), s.quantity() + "_odd", s.valueUnit(), s.metadata().withHistory( history + " part=odd" ) ),
				report );
	}

	/** Even and odd parts of a spectrum, on the overlap. */
	public static final class SpectrumParts
	{
		private final Spectrum even;
		private final Spectrum odd;
		private final List< String > report;

		private SpectrumParts( final Spectrum even, final Spectrum odd, final List< String > report )
		{
			this.even = even;
			this.odd = odd;
			this.report = Collections.unmodifiableList( new ArrayList<>( report ) );
		}

		public Spectrum even() { return even; }

		public Spectrum odd() { return odd; }

		public List< String > report() { return report; }
	}

	/** The two parts, where they were taken, and what the user should be told about the grid. */
	public static final class Result
	{
		private final ConductanceMap even;
		private final ConductanceMap odd;
		private final Mirror mirror;
		private final List< String > report;

		private Result( final ConductanceMap even, final ConductanceMap odd, final Mirror mirror, final List< String > report )
		{
			this.even = even;
			this.odd = odd;
			this.mirror = mirror;
			this.report = Collections.unmodifiableList( new ArrayList<>( report ) );
		}

		/** ½[g(v) + g(−v)] on the overlap. */
		public ConductanceMap even() { return even; }

		/** ½[g(v) − g(−v)] on the overlap. */
		public ConductanceMap odd() { return odd; }

		/** Index (in the input axis) of the first overlap point. */
		public int firstIndex() { return mirror.first; }

		/** Index (in the input axis) of the last overlap point. */
		public int lastIndex() { return mirror.last; }

		/** (min + max)/2 of the measured axis: how far the measured range is from being symmetric about 0. */
		public double rangeCentre() { return mirror.rangeCentre; }

		/** True when every mirror −v_i of an overlap point is a grid point (values read by index, no interpolation). */
		public boolean symmetricGrid() { return mirror.symmetric; }

		/**
		 * Where mirrored points fall between grid points, as a fraction of a step in [0, 1): 0 on a symmetric grid,
		 * 0.5 worst case.
		 */
		public double mirrorFraction() { return mirror.fraction; }

		/** Lines for the user: range, centre, whether interpolation was needed, what the overlap kept. */
		public List< String > report() { return report; }
	}

	/** Where the mirror −v_i of each grid point v_i falls on the same axis. */
	static final class Mirror
	{
		final Axis axis;
		/** Fractional index of −v_0; the mirror of index i is at base − i. */
		final double base;
		final boolean symmetric;
		/** On a symmetric grid: mirror of index i is index k − i. */
		final int k;
		final double fraction;
		final int first;
		final int last;
		final double rangeCentre;

		private Mirror( final Axis axis )
		{
			this.axis = axis;
			final int n = axis.size();
			this.base = axis.position( -axis.origin() );
			final double rounded = Math.rint( base );
			this.symmetric = Math.abs( base - rounded ) <= SYMMETRIC_GRID_TOLERANCE;
			this.k = symmetric ? ( int ) Math.max( Integer.MIN_VALUE / 2, Math.min( Integer.MAX_VALUE / 2, rounded ) ) : 0;
			this.fraction = symmetric ? 0 : base - Math.floor( base );
			this.rangeCentre = 0.5 * ( axis.min() + axis.max() );
			if ( symmetric )
			{
				first = Math.max( 0, k - ( n - 1 ) );
				last = Math.min( n - 1, k );
			}
			else
			{
				first = ( int ) Math.max( 0, Math.ceil( base - ( n - 1 ) - MapInterpolation.SNAP ) );
				last = ( int ) Math.min( n - 1, Math.floor( base + MapInterpolation.SNAP ) );
			}
		}

		static Mirror about0( final Axis axis )
		{
			final Mirror m = new Mirror( axis );
			if ( m.count() < 2 )
				throw new BadInputException( String.format( Locale.ROOT,
						"axis %s [%s] spans %.6g … %.6g: fewer than 2 points have their mirror −v inside the measured range, so there is nothing to decompose about 0",
						axis.name(), axis.unit(), axis.min(), axis.max() ) );
			return m;
		}

		int count() { return last - first + 1; }

		/** g(−v_i), by index on a symmetric grid, else linearly interpolated. */
		double mirrored( final double[] g, final int i )
		{
			return symmetric ? g[ k - i ] : MapInterpolation.atPosition( g, base - i );
		}

		List< String > report()
		{
			final List< String > lines = new ArrayList<>();
			final String u = axis.unit();
			lines.add( String.format( Locale.ROOT, "axis %s [%s]: measured %.6g … %.6g, step %.6g; centre of the range (min+max)/2 = %.6g %s (0 for a range symmetric about 0)",
					axis.name(), u, axis.min(), axis.max(), axis.step(), rangeCentre, u ) );
			if ( symmetric )
				lines.add( String.format( Locale.ROOT, "grid points are symmetric about 0: g(-v) read at grid index %d - i, no interpolation", k ) );
			else
				lines.add( String.format( Locale.ROOT, "grid points are not symmetric about 0: mirrored points fall %.4f of a step past a grid point; g(-v) linearly interpolated (error <= step^2*max|g''|/8)", fraction ) );
			final int dropped = axis.size() - count();
			lines.add( String.format( Locale.ROOT, "overlap kept: %.6g … %.6g %s (%d of %d points; %d dropped because their mirror lies outside the measured range)",
					axis.value( first ), axis.value( last ), u, count(), axis.size(), dropped ) );
			return lines;
		}
	}
}
