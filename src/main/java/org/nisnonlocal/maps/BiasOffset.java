package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * Bias offsets: relabel a bias axis by a known offset, or estimate the offset from the symmetry of the data.
 * <p>
 * <b>Applying</b> an offset v0 relabels the axis, v' = v − v0, without resampling. The total applied offset is kept in
 * the metadata ({@link MapMetadata#BIAS_OFFSET} for X and spectra, {@value #BIAS_OFFSET_Y} for Y), in V when the
 * axis is a voltage (metadata holds SI values) and in the axis unit otherwise, and in the history in the axis unit.
 * <p>
 * <b>Estimating</b> assumes the signal is dominantly even (an NIS local spectrum, G(V) = G(−V); the charge-imbalance
 * g_nl) or dominantly odd (energy-mode g_nl) about the true zero v0, and finds the v0 minimizing the relative
 * asymmetry
 * <pre>
 *   A(v0) = mean over u of [g(v0 + u) ∓ g(v0 − u)]²  /  mean over grid points of (g(v_i) − ḡ)²
 *           (even: −, ḡ the mean of each line; odd: +, ḡ = 0)
 * </pre>
 * with u = 0, h/2, h, 3h/2 … (h the smallest bias step) as long as both v0 ± u lie inside the measured range, and
 * the grid points v_i inside [v0 − u_max, v0 + u_max]; lines of a map are summed, NaN pairs skipped. The
 * normalization stops small overlaps in featureless tails from looking symmetric.
 * <p>
 * g(v0 ± u) comes from the local cubic through the four nearest samples ({@link MapInterpolation#cubic}). Both
 * points of a pair sit at the same fraction of their grid cells on a uniform grid, so the leading interpolation
 * error is the same on both sides and cancels in the difference (even) or sum (odd) for a signal of that parity.
 * Search: a scan at h/2, then golden-section refinement to 1e-9·h in the two intervals next to the best scan point.
 * Achieved on smooth synthetic maps with features 2.5 steps wide: the true offset to ~4e-5 of a step on uniform
 * grids (float data), ~7e-4 of the finest step on a two-segment sweep (where the two sides of a pair sit in cells of
 * different size). On real data the noise decides; {@link Estimate#relativeAsymmetry} says how symmetric it was.
 */
public final class BiasOffset
{
	/** Metadata key of the offset applied to the Y axis. */
	public static final String BIAS_OFFSET_Y = "bias_offset_vdet";

	/** Which symmetry the signal has about its true zero. */
	public enum Parity
	{
		EVEN, ODD
	}

	private static final double GOLDEN = ( Math.sqrt( 5 ) - 1 ) / 2;

	private BiasOffset() {}

	/** The map with {@code axis} relabelled v' = v − offset (offset in the axis unit). Pixels are copied, not resampled. */
	public static ConductanceMap apply( final ConductanceMap map, final MapAxis axis, final double offset )
	{
		final Axis a = axis.of( map );
		checkOffset( offset, a.name(), a.min(), a.max(), a.unit() );
		final Axis shifted = a.transformed( offset, 1, a.unit() );
		final String key = axis == MapAxis.X ? MapMetadata.BIAS_OFFSET : BIAS_OFFSET_Y;
		final MapMetadata md = recordOffset( map.metadata(), key, offset, a.unit() )
				.withHistory( "bias-offset axis=" + axis.spelling() + " offset=" + Format.num( offset ) + " unit=" + a.unit() );
		final ConductanceMap copy = map.copy();
		return ( axis == MapAxis.X ? copy.withAxes( shifted, map.yAxis() ) : copy.withAxes( map.xAxis(), shifted ) ).withMetadata( md );
	}

	/** The spectrum with bias' = bias − offset (offset in the bias unit). */
	public static Spectrum apply( final Spectrum s, final double offset )
	{
		checkOffset( offset, s.biasName(), s.bias()[ 0 ], s.bias()[ s.size() - 1 ], s.biasUnit() );
		final double[] b = s.bias();
		for ( int i = 0; i < b.length; i++ )
			b[ i ] -= offset;
		final MapMetadata md = recordOffset( s.metadata(), MapMetadata.BIAS_OFFSET, offset, s.biasUnit() )
				.withHistory( "bias-offset offset=" + Format.num( offset ) + " unit=" + s.biasUnit() );
		return new Spectrum( b, s.values(), s.biasName(), s.biasUnit(), s.quantity(), s.valueUnit(), md );
	}

	/** A bias offset is a small correction: one larger than the whole measured range is a wrong number or unit. */
	private static void checkOffset( final double offset, final String axisName, final double min, final double max, final String unit )
	{
		if ( !Double.isFinite( offset ) )
			throw new BadInputException( "bias offset for " + axisName + " is " + offset + ", not a number" );
		if ( Math.abs( offset ) > max - min )
			throw new BadInputException( "bias offset " + Format.num( offset ) + " " + unit + " is larger than the whole measured " + axisName + " range " + Format.num( min ) + " … " + Format.num( max ) + " " + unit
					+ "; give it in the axis unit (" + unit + ")" );
	}

	private static MapMetadata recordOffset( final MapMetadata md, final String key, final double offset, final String unit )
	{
		final double inMetadataUnit = "voltage".equals( Units.kind( unit ) ) ? offset * Units.conversionFactor( unit, "V" ) : offset;
		final double previous = md.has( key ) ? md.number( key ) : 0;
		return md.with( key, Double.isFinite( previous ) ? previous + inMetadataUnit : inMetadataUnit );
	}

	/** Estimate along a map axis, searching offsets whose overlap covers at least a quarter of the range. */
	public static Estimate estimate( final ConductanceMap map, final MapAxis axis, final Parity dominant )
	{
		final Axis a = axis.of( map );
		return estimate( map, axis, dominant, a.min() + ( a.max() - a.min() ) / 8, a.max() - ( a.max() - a.min() ) / 8 );
	}

	/** Estimate along a map axis, searching offsets in [searchMin, searchMax] (axis unit). */
	public static Estimate estimate( final ConductanceMap map, final MapAxis axis, final Parity dominant, final double searchMin, final double searchMax )
	{
		final Axis a = axis.of( map );
		final double[][] lines = new double[ axis.lineCount( map ) ][];
		for ( int k = 0; k < lines.length; k++ )
			lines[ k ] = axis.line( map, k );
		return estimate( a.values(), lines, dominant, searchMin, searchMax, a.name(), a.unit() );
	}

	/** Estimate for a spectrum (bias need not be uniform). */
	public static Estimate estimate( final Spectrum s, final Parity dominant )
	{
		final double[] b = s.bias();
		final double l = b[ b.length - 1 ] - b[ 0 ];
		return estimate( b, new double[][] { s.values() }, dominant, b[ 0 ] + l / 8, b[ b.length - 1 ] - l / 8, s.biasName(), s.biasUnit() );
	}

	/** Estimate for a curve: strictly ascending {@code bias}, {@code values} (NaN = missing). */
	public static Estimate estimate( final double[] bias, final double[] values, final Parity dominant )
	{
		checkBias( bias, "bias" );
		final double l = bias[ bias.length - 1 ] - bias[ 0 ];
		return estimate( bias, new double[][] { values }, dominant, bias[ 0 ] + l / 8, bias[ bias.length - 1 ] - l / 8, "bias", "" );
	}

	/** Estimate for a curve, searching offsets in [searchMin, searchMax]. */
	public static Estimate estimate( final double[] bias, final double[] values, final Parity dominant, final double searchMin, final double searchMax )
	{
		return estimate( bias, new double[][] { values }, dominant, searchMin, searchMax, "bias", "" );
	}

	private static Estimate estimate( final double[] bias, final double[][] lines, final Parity dominant, final double lo, final double hi, final String name, final String unit )
	{
		checkBias( bias, name );
		for ( final double[] line : lines )
			if ( line.length != bias.length )
				throw new BadInputException( name + ": " + bias.length + " bias values but " + line.length + " data values" );
		final double first = bias[ 0 ], last = bias[ bias.length - 1 ];
		if ( !( Double.isFinite( lo ) && Double.isFinite( hi ) && lo < hi && lo >= first && hi <= last ) )
			throw new BadInputException( String.format( Locale.ROOT, "%s: offset search range %s … %s must be an interval inside the measured %s … %s %s",
					name, Format.num( lo ), Format.num( hi ), Format.num( first ), Format.num( last ), unit ) );

		double minStep = Double.POSITIVE_INFINITY;
		for ( int i = 1; i < bias.length; i++ )
			minStep = Math.min( minStep, bias[ i ] - bias[ i - 1 ] );
		final Asymmetry f = new Asymmetry( bias, lines, dominant, minStep );

		// scan nodes: lo, the half-step lattice bias[0] + k·minStep/2 strictly inside, hi
		final double d = minStep / 2;
		final List< Double > nodes = new ArrayList<>();
		nodes.add( lo );
		for ( long k = ( long ) Math.floor( ( lo - first ) / d ) + 1; first + k * d < hi; k++ )
			if ( first + k * d > lo )
				nodes.add( first + k * d );
		nodes.add( hi );
		int best = -1;
		double bestValue = Double.POSITIVE_INFINITY;
		for ( int n = 0; n < nodes.size(); n++ )
		{
			final double v = f.at( nodes.get( n ) );
			if ( v < bestValue )
			{
				bestValue = v;
				best = n;
			}
		}
		if ( best < 0 )
			throw new BadInputException( name + ": no pair of valid points mirrored about any offset in " + Format.num( lo ) + " … " + Format.num( hi ) + " " + unit );

		double v0 = nodes.get( best );
		if ( best > 0 )
		{
			final double left = golden( f, nodes.get( best - 1 ), v0, minStep );
			if ( f.at( left ) < f.at( v0 ) )
				v0 = left;
		}
		if ( best < nodes.size() - 1 )
		{
			final double right = golden( f, nodes.get( best ), nodes.get( best + 1 ), minStep );
			if ( f.at( right ) < f.at( v0 ) )
				v0 = right;
		}
		final double asym = f.at( v0 );
		return new Estimate( v0, dominant, Math.sqrt( asym ), f.pairs, lo, hi, name, unit );
	}

	/** Golden-section minimum of f on [a, b], to 1e-9 of {@code scale}. */
	private static double golden( final Asymmetry f, final double a0, final double b0, final double scale )
	{
		double a = a0, b = b0;
		double c = b - GOLDEN * ( b - a ), e = a + GOLDEN * ( b - a );
		double fc = f.at( c ), fe = f.at( e );
		while ( b - a > 1e-9 * scale )
		{
			if ( fc <= fe )
			{
				b = e;
				e = c;
				fe = fc;
				c = b - GOLDEN * ( b - a );
				fc = f.at( c );
			}
			else
			{
				a = c;
				c = e;
				fc = fe;
				e = a + GOLDEN * ( b - a );
				fe = f.at( e );
			}
		}
		return fc <= fe ? c : e;
	}

	private static void checkBias( final double[] bias, final String name )
	{
		if ( bias.length < 3 )
			throw new BadInputException( name + ": needs at least 3 bias points to estimate an offset, got " + bias.length );
		for ( int i = 0; i < bias.length; i++ )
		{
			if ( !Double.isFinite( bias[ i ] ) )
				throw new BadInputException( name + ": bias value " + ( i + 1 ) + " is " + bias[ i ] );
			if ( i > 0 && !( bias[ i ] > bias[ i - 1 ] ) )
				throw new BadInputException( name + ": bias is not strictly ascending at point " + ( i + 1 ) );
		}
	}

	/** A(v0) of the class comment; remembers how many pairs the last evaluation used. */
	private static final class Asymmetry
	{
		private final double[] bias;
		private final double[][] lines;
		private final double sign;
		private final double halfStep;
		int pairs;

		Asymmetry( final double[] bias, final double[][] lines, final Parity parity, final double step )
		{
			this.bias = bias;
			this.lines = lines;
			this.sign = parity == Parity.EVEN ? 1 : -1;
			this.halfStep = step / 2;
		}

		/** A(v0), +∞ when fewer than 3 pairs or no variation. */
		double at( final double v0 )
		{
			final double first = bias[ 0 ], last = bias[ bias.length - 1 ];
			final int mMax = ( int ) Math.floor( Math.min( v0 - first, last - v0 ) / halfStep + MapInterpolation.SNAP );
			double num = 0, den = 0;
			int nPairs = 0, nPoints = 0;
			for ( final double[] g : lines )
			{
				// numerator: g(v0 + u) ∓ g(v0 − u) at u = m·h/2, both sides interpolated with equal weights
				for ( int m = 0; m <= mMax; m++ )
				{
					final double gp = MapInterpolation.cubic( bias, g, v0 + m * halfStep );
					final double gm = MapInterpolation.cubic( bias, g, v0 - m * halfStep );
					if ( Double.isNaN( gp ) || Double.isNaN( gm ) )
						continue;
					final double r = gp - sign * gm;
					num += r * r;
					nPairs++;
				}
				// denominator: variation of the grid values inside the overlap [v0 − U, v0 + U]
				double sum = 0, sum2 = 0;
				int n = 0;
				for ( int i = 0; i < bias.length; i++ )
				{
					if ( Double.isNaN( g[ i ] ) || Math.abs( bias[ i ] - v0 ) > mMax * halfStep + MapInterpolation.SNAP * halfStep )
						continue;
					sum += g[ i ];
					sum2 += g[ i ] * g[ i ];
					n++;
				}
				if ( n > 0 )
				{
					den += sign > 0 ? sum2 - sum * sum / n : sum2;
					nPoints += n;
				}
			}
			pairs = nPairs;
			return nPairs >= 3 && den > 0 ? ( num / nPairs ) / ( den / nPoints ) : Double.POSITIVE_INFINITY;
		}
	}

	/** An estimated offset and how symmetric the data are about it. */
	public static final class Estimate
	{
		private final double offset;
		private final Parity parity;
		private final double asymmetry;
		private final int pairs;
		private final double searchMin;
		private final double searchMax;
		private final String axisName;
		private final String unit;

		private Estimate( final double offset, final Parity parity, final double asymmetry, final int pairs, final double searchMin, final double searchMax, final String axisName, final String unit )
		{
			this.offset = offset;
			this.parity = parity;
			this.asymmetry = asymmetry;
			this.pairs = pairs;
			this.searchMin = searchMin;
			this.searchMax = searchMax;
			this.axisName = axisName;
			this.unit = unit;
		}

		/** The estimated zero of the bias axis, in the axis unit: pass it to {@code apply}. */
		public double offset() { return offset; }

		public Parity parity() { return parity; }

		/** sqrt(A(v0)): rms asymmetry relative to the rms variation of the signal (0 = perfectly symmetric). */
		public double relativeAsymmetry() { return asymmetry; }

		/** Number of (point, mirror) pairs used at the optimum. */
		public int pairs() { return pairs; }

		public double searchMin() { return searchMin; }

		public double searchMax() { return searchMax; }

		/** One line for the user. */
		public String report()
		{
			return String.format( Locale.ROOT, "bias offset along %s: %s %s (assuming the signal is %s about it; relative asymmetry %.3g from %d point pairs; searched %s … %s %s)",
					axisName, Format.num( offset ), unit, parity == Parity.EVEN ? "even" : "odd", asymmetry, pairs, Format.num( searchMin ), Format.num( searchMax ), unit );
		}

		@Override
		public String toString() { return report(); }
	}
}
