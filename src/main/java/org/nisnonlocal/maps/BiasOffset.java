package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.nisnonlocal.BadInputException;

/**
 * Bias offsets: relabel a bias axis by a known offset, or estimate the offset from the symmetry of the data.
 * <p>
 * <b>Applying</b> an offset v0 relabels the axis, v' = v − v0, without resampling. The total applied offset is kept in
 * the metadata ({@link MapMetadata#BIAS_OFFSET} for X and spectra, {@value #BIAS_OFFSET_Y} for Y), in V when the
 * axis is a voltage (metadata holds SI values) and in the axis unit otherwise, and in the history in the axis unit; an
 * estimated offset's 1σ error beside it ({@value #ERROR_SUFFIX} appended to the key).
 * <p>
 * <b>Estimating</b> assumes the signal is dominantly even (an NIS local spectrum, G(V) = G(−V); the charge-imbalance
 * g_nl) or dominantly odd (energy-mode g_nl) about the true zero v0, and minimizes the mirrored misfit
 * <pre>
 *   S(v0) = mean over lines and u of [g(v0 + u) ∓ g(v0 − u)]²      (even: −, odd: +)
 * </pre>
 * with u = 0, h/2, h, 3h/2 … (h the smallest bias step), NaN pairs skipped, g(v0 ± u) from the local cubic through the
 * four nearest samples ({@link MapInterpolation#cubic}; on a uniform grid both points of a pair sit at the same
 * fraction of their cells, so the leading interpolation error cancels for a signal of that parity).
 * <ol>
 * <li>Scan at h/2 over the search range, each offset with all pairs inside the measured range, S divided by the
 * signal's variation there (so that small overlaps in featureless tails do not look symmetric).</li>
 * <li>Refine within ±h of the best scan point by Brent on S with one window U for every candidate (the largest both
 * ends of that interval allow), so that S is continuous in v0: with a window that grows with v0 the minimum used
 * to stick to the half-step lattice.</li>
 * <li>Error (1σ): with ≥ {@value #JACKKNIFE_LINES} lines holding pairs, the delete-a-block jackknife over up to
 * {@value #BLOCKS} blocks of neighbouring lines ("spread between rows"): it includes whatever differs from row to
 * row. Otherwise from the curvature of S and the residual scatter, σ² = 2·2σ_r²/S''_sum (the extra 2: pairs half a
 * step apart share their samples).</li>
 * <li>Whether the symmetry determines the offset: what is left of the other parity at the optimum, rms relative to
 * the signal's variation, less what the map's noise explains (noise from second differences along the axis, robust
 * median). Above {@value #REFUSE_FRACTION} the map has both parities (g_nl at finite I_s, or the wrong parity
 * assumed): any v0 splits such a map into even and odd parts, so {@link Estimate#requireDetermined} refuses; above
 * {@value #WARN_FRACTION} the report carries a warning.</li>
 * </ol>
 * Achieved on smooth synthetic maps (features 2.5 steps wide): the true offset to ~1e-4 of a step without noise; with
 * noise the stated error matches the scatter over seeds (see BiasOffsetTest).
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

	/** Suffix of the metadata key of an estimated offset's 1σ error ({@code bias_offset_error}, {@code bias_offset_vdet_error}). */
	public static final String ERROR_SUFFIX = "_error";

	/**
	 * The map with the 1σ error (axis unit) of the offset just applied along {@code axis} recorded beside it, in the
	 * metadata's unit (V for a voltage); errors of offsets applied one after the other add in quadrature.
	 */
	public static ConductanceMap withError( final ConductanceMap map, final MapAxis axis, final double error )
	{
		final Axis a = axis.of( map );
		final String key = ( axis == MapAxis.X ? MapMetadata.BIAS_OFFSET : BIAS_OFFSET_Y ) + ERROR_SUFFIX;
		final double e = "voltage".equals( Units.kind( a.unit() ) ) ? error * Units.conversionFactor( a.unit(), "V" ) : error;
		final double previous = map.metadata().has( key ) ? map.metadata().number( key ) : 0;
		return map.withMetadata( map.metadata().with( key, Double.isFinite( previous ) ? Math.hypot( previous, e ) : e ) );
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

	/** Estimate along a map axis, searching the {@link #defaultSearch} range. */
	public static Estimate estimate( final ConductanceMap map, final MapAxis axis, final Parity dominant )
	{
		final Axis a = axis.of( map );
		final double[] r = defaultSearch( a.min(), a.max() );
		return estimate( map, axis, dominant, r[ 0 ], r[ 1 ] );
	}

	/**
	 * Where an offset is looked for by default: within ±L/8 of the recorded zero (L the measured range; a bias offset is
	 * a small correction, and farther out a single feature, a coherence peak, can be locally symmetric) and at least
	 * L/8 from either end (so that the mirrored window covers a quarter of the range); the central 3/4 of the range
	 * when zero lies outside it.
	 */
	static double[] defaultSearch( final double first, final double last )
	{
		final double l = last - first;
		final double lo = Math.max( first + l / 8, -l / 8 ), hi = Math.min( last - l / 8, l / 8 );
		return lo < hi ? new double[] { lo, hi } : new double[] { first + l / 8, last - l / 8 };
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
		final double[] r = defaultSearch( b[ 0 ], b[ b.length - 1 ] );
		return estimate( b, new double[][] { s.values() }, dominant, r[ 0 ], r[ 1 ], s.biasName(), s.biasUnit() );
	}

	/** Estimate for a curve: strictly ascending {@code bias}, {@code values} (NaN = missing). */
	public static Estimate estimate( final double[] bias, final double[] values, final Parity dominant )
	{
		checkBias( bias, "bias" );
		final double[] r = defaultSearch( bias[ 0 ], bias[ bias.length - 1 ] );
		return estimate( bias, new double[][] { values }, dominant, r[ 0 ], r[ 1 ], "bias", "" );
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

		// 1. scan nodes: lo, the half-step lattice bias[0] + k·minStep/2 strictly inside, hi
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

		// 2. refine with one window for all candidates in [a, b]; when the minimum sits on an end of [a, b] (the scan's
		// normalized misfit and S can differ by a step), move the interval there and again
		final boolean[] all = new boolean[ lines.length ];
		java.util.Arrays.fill( all, true );
		double centre = nodes.get( best ), a, b, v0;
		Mirrored m;
		int moves = 0;
		while ( true )
		{
			a = Math.max( lo, centre - minStep );
			b = Math.min( hi, centre + minStep );
			m = new Mirrored( bias, lines, dominant, minStep, Math.min( a - first, last - b ) );
			if ( m.halfSteps < 2 )
				throw new BadInputException( name + ": the best offset " + Format.num( centre ) + " " + unit + " leaves too few points mirrored inside the measured range" );
			v0 = m.minimum( all, a, b, centre );
			final boolean atEnd = v0 - a < 1e-3 * minStep && a > lo || b - v0 < 1e-3 * minStep && b < hi;
			if ( !atEnd || ++moves > 10 )
				break;
			centre = v0;
		}
		final double[] at = m.misfit( v0, all );

		// 3. error: jackknife over blocks of lines, or the curvature of S for one (or few) lines
		final int[] used = m.linesWithPairs( v0 );
		final double error;
		final String errorMethod;
		if ( used.length >= JACKKNIFE_LINES )
		{
			final int blocks = Math.min( BLOCKS, used.length );
			final double[] theta = new double[ blocks ];
			double mean = 0;
			for ( int g = 0; g < blocks; g++ )
			{
				final boolean[] keep = all.clone();
				for ( int k = g * used.length / blocks; k < ( g + 1 ) * used.length / blocks; k++ )
					keep[ used[ k ] ] = false;
				theta[ g ] = m.minimum( keep, a, b, v0 );
				mean += theta[ g ] / blocks;
			}
			double ss = 0;
			for ( final double t : theta )
				ss += ( t - mean ) * ( t - mean );
			// floor: the minimizer's precision (a noiseless map whose rows agree has no spread)
			error = Math.max( 1e-6 * minStep, Math.sqrt( ( blocks - 1.0 ) / blocks * ss ) );
			errorMethod = "jackknife over " + blocks + " blocks of the " + used.length + " lines (spread between rows)";
		}
		else
		{
			final double delta = minStep / 4;
			final double sPlus = m.misfit( v0 + delta, all )[ 0 ] * at[ 1 ], sMinus = m.misfit( v0 - delta, all )[ 0 ] * at[ 1 ], s0 = at[ 0 ] * at[ 1 ];
			final double curvature = ( sPlus - 2 * s0 + sMinus ) / ( delta * delta );
			final double residualVariance = s0 / Math.max( 1, at[ 1 ] - 1 );
			error = curvature > 0 ? Math.sqrt( 2 * 2 * residualVariance / curvature ) : Double.POSITIVE_INFINITY;
			errorMethod = "from the misfit's curvature and the residual scatter";
		}

		// 4. how much of the other parity is left, beyond noise (white noise adds σ²·γ to r²)
		final double noise = Noise.fromSecondDifferences( lines );
		final double variation = at[ 2 ];
		final double left = Math.sqrt( at[ 3 ] / 4 / variation );
		final double explained = Math.min( left, Math.sqrt( noise * noise * at[ 4 ] / 4 / variation ) );
		final double excess = Math.sqrt( Math.max( 0, left * left - explained * explained ) );
		return new Estimate( v0, dominant, 2 * left, ( int ) at[ 1 ], lo, hi, name, unit, error, errorMethod, excess, explained );
	}

	/** Lines with at least this many pairs get a jackknife error, fewer the curvature error. */
	private static final int JACKKNIFE_LINES = 8;

	/** At most this many jackknife blocks. */
	private static final int BLOCKS = 20;

	/** Other-parity part (rms, relative to the signal's variation, beyond noise) above which the offset is undetermined. */
	public static final double REFUSE_FRACTION = 0.1;

	/** Above this the report warns. */
	public static final double WARN_FRACTION = 0.05;

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

	/**
	 * The mirrored misfit with a fixed window: pairs at u = m·h/2, m = 0 … {@link #halfSteps}, the same for every v0 it
	 * is asked about, so that S(v0) is continuous.
	 */
	private static final class Mirrored
	{
		private final double[] bias;
		private final double[][] lines;
		private final double sign;
		private final double halfStep;
		final int halfSteps;

		Mirrored( final double[] bias, final double[][] lines, final Parity parity, final double step, final double window )
		{
			this.bias = bias;
			this.lines = lines;
			this.sign = parity == Parity.EVEN ? 1 : -1;
			this.halfStep = step / 2;
			this.halfSteps = ( int ) Math.floor( window / halfStep + MapInterpolation.SNAP );
		}

		/**
		 * {S_w = mean of r²/γ, number of pairs, the signal's variation: mean over the mirrored points of (g − line mean)²
		 * (even) or g² (odd), S = mean of r², mean of γ} over the lines marked in {@code use}, where r = g(v0 + u) ∓ g(v0 − u)
		 * and γ = Σ c_i² its noise gain (r = Σ c_i g_i over the samples of both interpolations). Dividing by γ makes
		 * white noise add the same σ² to S_w at every v0; in plain S it adds less where the points sit mid-cell (the
		 * cubic averages), which pulled noisy estimates towards quarter steps.
		 */
		double[] misfit( final double v0, final boolean[] use )
		{
			double num = 0, numW = 0, gain = 0, den = 0;
			int pairs = 0, points = 0;
			final double[] wp = new double[ 4 ], wm = new double[ 4 ];
			final int[] idx = new int[ 8 ];
			final double[] c = new double[ 8 ];
			for ( int l = 0; l < lines.length; l++ )
			{
				if ( !use[ l ] )
					continue;
				final double[] g = lines[ l ];
				double sum = 0, sum2 = 0;
				int n = 0;
				for ( int k = sign > 0 ? 1 : 0; k <= halfSteps; k++ )
				{
					final int sp = MapInterpolation.cubicWeights( bias, v0 + k * halfStep, wp );
					final int sm = MapInterpolation.cubicWeights( bias, v0 - k * halfStep, wm );
					if ( sp < 0 || sm < 0 )
						continue;
					// r = Σ c_i g_i over the union of both stencils
					int m = 0;
					double gp = 0, gm = 0;
					boolean nan = false;
					for ( int q = 0; q < 4; q++ )
					{
						if ( wp[ q ] != 0 )
						{
							gp += wp[ q ] * g[ sp + q ];
							m = add( idx, c, m, sp + q, wp[ q ] );
							nan |= Double.isNaN( g[ sp + q ] );
						}
						if ( wm[ q ] != 0 )
						{
							gm += wm[ q ] * g[ sm + q ];
							m = add( idx, c, m, sm + q, -sign * wm[ q ] );
							nan |= Double.isNaN( g[ sm + q ] );
						}
					}
					if ( nan )
						continue;
					double gamma = 0;
					for ( int q = 0; q < m; q++ )
						gamma += c[ q ] * c[ q ];
					final double r = gp - sign * gm;
					num += r * r;
					if ( gamma > 0 )
						numW += r * r / gamma;
					gain += gamma;
					pairs++;
					sum += gp + gm;
					sum2 += gp * gp + gm * gm;
					n += 2;
				}
				if ( n > 0 )
				{
					den += sign > 0 ? sum2 - sum * sum / n : sum2;
					points += n;
				}
			}
			return new double[] { pairs == 0 ? Double.POSITIVE_INFINITY : numW / pairs, pairs, points == 0 ? Double.NaN : den / points, pairs == 0 ? Double.NaN : num / pairs,
					pairs == 0 ? Double.NaN : gain / pairs };
		}

		/** Adds weight w of sample i to the sparse vector (idx, c) of length m; returns the new length. */
		private static int add( final int[] idx, final double[] c, final int m, final int i, final double w )
		{
			for ( int q = 0; q < m; q++ )
				if ( idx[ q ] == i )
				{
					c[ q ] += w;
					return m;
				}
			idx[ m ] = i;
			c[ m ] = w;
			return m + 1;
		}

		/** Indices of the lines with at least one valid pair at v0. */
		int[] linesWithPairs( final double v0 )
		{
			final List< Integer > out = new ArrayList<>();
			final boolean[] one = new boolean[ lines.length ];
			for ( int l = 0; l < lines.length; l++ )
			{
				one[ l ] = true;
				if ( misfit( v0, one )[ 1 ] > 0 )
					out.add( l );
				one[ l ] = false;
			}
			final int[] r = new int[ out.size() ];
			for ( int k = 0; k < r.length; k++ )
				r[ k ] = out.get( k );
			return r;
		}

		/** Brent's minimum of S over the lines in {@code use} on [a, b], started at {@code start}, to 1e-7 of a step. */
		double minimum( final boolean[] use, final double a, final double b, final double start )
		{
			final double s = Math.max( a, Math.min( b, start ) );
			return new BrentOptimizer( 1e-12, 2e-7 * halfStep ).optimize( new MaxEval( 500 ), GoalType.MINIMIZE, new UnivariateObjectiveFunction( v -> misfit( v, use )[ 0 ] ),
					new SearchInterval( a, b, s ) ).getPoint();
		}
	}

	/** The scan's misfit: S(v0) with every pair inside the range, relative to the signal's variation there. */
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

	/** An estimated offset, its error and how symmetric the data are about it. */
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
		private final double error;
		private final String errorMethod;
		private final double otherParity;
		private final double noiseParity;

		private Estimate( final double offset, final Parity parity, final double asymmetry, final int pairs, final double searchMin, final double searchMax, final String axisName, final String unit,
				final double error, final String errorMethod, final double otherParity, final double noiseParity )
		{
			this.offset = offset;
			this.parity = parity;
			this.asymmetry = asymmetry;
			this.pairs = pairs;
			this.searchMin = searchMin;
			this.searchMax = searchMax;
			this.axisName = axisName;
			this.unit = unit;
			this.error = error;
			this.errorMethod = errorMethod;
			this.otherParity = otherParity;
			this.noiseParity = noiseParity;
		}

		/** The estimated zero of the bias axis, in the axis unit: pass it to {@code apply}. */
		public double offset() { return offset; }

		/** 1σ error of {@link #offset()}, axis unit (see {@link #errorMethod()}). */
		public double error() { return error; }

		/** How {@link #error()} was obtained: the jackknife over rows, or the misfit's curvature. */
		public String errorMethod() { return errorMethod; }

		public Parity parity() { return parity; }

		/** rms of [g(v0 + u) ∓ g(v0 − u)] relative to the rms variation of the signal (0 = perfectly symmetric). */
		public double relativeAsymmetry() { return asymmetry; }

		/** The part of the other parity left at the offset, rms relative to the signal's variation, beyond the noise. */
		public double otherParity() { return otherParity; }

		/** The part of {@link #relativeAsymmetry()}/2 that the map's noise explains. */
		public double noiseParity() { return noiseParity; }

		/** False when the map holds so much of the other parity that its symmetry cannot fix the offset. */
		public boolean determined() { return otherParity <= REFUSE_FRACTION; }

		/** This estimate, or a refusal saying that the map's symmetry does not determine the offset. */
		public Estimate requireDetermined( final String source )
		{
			if ( atSearchEnd() && determined() )
				throw new BadInputException( String.format( Locale.ROOT, "%s: the best %s offset along %s lies at the end of the searched range %s … %s %s, not at a minimum of the misfit; is the offset larger than %s, or the parity %s?",
						source, parityName( parity ), axisName, Format.num( searchMin ), Format.num( searchMax ), unit, Format.num( Math.max( Math.abs( searchMin ), Math.abs( searchMax ) ) ) + " " + unit,
						parityName( other( parity ) ) ) );
			if ( !determined() )
				throw new BadInputException( String.format( Locale.ROOT, "%s: the map's symmetry does not determine the offset along %s: at the best %s offset (%s %s) an %s part of %.0f %% of the signal remains (noise: %.1f %%); estimate on one part of the ±I_s pair, or give the offset",
						source, axisName, parityName( parity ), Format.num( offset ), unit, parityName( other( parity ) ), 100 * otherParity, 100 * noiseParity ) );
			return this;
		}

		/** The optimum sits on an end of the search range (within 1e-6 of the range): no interior minimum found. */
		public boolean atSearchEnd()
		{
			final double tol = 1e-6 * ( searchMax - searchMin );
			return offset - searchMin < tol || searchMax - offset < tol;
		}

		/** Number of (point, mirror) pairs used at the optimum. */
		public int pairs() { return pairs; }

		public double searchMin() { return searchMin; }

		public double searchMax() { return searchMax; }

		/** One line for the user (with a warning when the other parity is noticeable). */
		public String report()
		{
			final String warn = otherParity > WARN_FRACTION
					? String.format( Locale.ROOT, "; WARNING: an %s part of %.0f %% of the signal remains (noise explains %.1f %%): the map is not purely %s, the offset may be biased", parityName( other( parity ) ),
							100 * otherParity, 100 * noiseParity, parityName( parity ) )
					: "";
			// the offset to the error's second significant digit
			final int decimals = error > 0 && Double.isFinite( error ) ? Math.max( 0, Math.min( 15, 1 - ( int ) Math.floor( Math.log10( error ) ) ) ) : 9;
			return String.format( Locale.ROOT, "bias offset along %s: %." + decimals + "f ± %.2g %s (1σ, %s; assuming the signal is %s about it; relative asymmetry %.3g from %d point pairs; searched %s … %s %s)%s",
					axisName, offset, error, unit, errorMethod, parityName( parity ), asymmetry, pairs, Format.num( searchMin ), Format.num( searchMax ), unit, warn );
		}

		@Override
		public String toString() { return report(); }

		private static String parityName( final Parity p ) { return p == Parity.EVEN ? "even" : "odd"; }

		private static Parity other( final Parity p ) { return p == Parity.EVEN ? Parity.ODD : Parity.EVEN; }
	}
}
