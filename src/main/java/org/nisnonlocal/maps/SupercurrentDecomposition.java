package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nisnonlocal.BadInputException;

/**
 * Splits a pair of maps measured at +I_s and −I_s into the current-symmetric and current-antisymmetric parts
 * (S Eqs. 16-17), then the symmetric part into its even and odd parts in bias (S Eqs. 18-19):
 * <pre>
 *   g_s = ½[g(+I_s) + g(−I_s)],   g_a = ½[g(+I_s) − g(−I_s)],   g_ss, g_sa = even, odd part of g_s in the bias axis
 * </pre>
 * <b>Checks that the maps are a ± pair.</b> Value units must be equal. Grids must be equal ({@link Axis#sameGrid} to
 * {@link #GRID_TOLERANCE} of a step); otherwise, only when asked, the minus map is bilinearly resampled onto the plus
 * grid (points outside the minus grid become NaN). When both maps record {@link MapMetadata#SUPERCURRENT_A}, the plus
 * map's value must be positive and the two opposite to {@link #CURRENT_TOLERANCE} relative; when either lacks it, the
 * caller must confirm the pair explicitly.
 */
public final class SupercurrentDecomposition
{
	/** Grids closer than this fraction of a step are the same grid. */
	public static final double GRID_TOLERANCE = 1e-3;

	/** |I(+) + I(−)| ≤ this × max(|I(+)|, |I(−)|). */
	public static final double CURRENT_TOLERANCE = 0.01;

	private SupercurrentDecomposition() {}

	/**
	 * @param plus
	 *            g at +I_s
	 * @param minus
	 *            g at −I_s
	 * @param biasAxis
	 *            the axis in which g_s is split into g_ss and g_sa (X = V_inj in the paper)
	 * @param confirmedPair
	 *            the caller vouches that the maps were measured at +I_s and −I_s; needed only when a map does not
	 *            record its supercurrent
	 * @param resampleMinus
	 *            interpolate the minus map onto the plus grid when the grids differ (else that is an error)
	 */
	public static Result decompose( final ConductanceMap plus, final ConductanceMap minus, final MapAxis biasAxis, final boolean confirmedPair, final boolean resampleMinus )
	{
		final List< String > report = new ArrayList<>();
		if ( !plus.valueUnit().equals( minus.valueUnit() ) )
			throw new BadInputException( "g(+I_s) is in " + plus.valueUnit() + " but g(-I_s) in " + minus.valueUnit() + ": convert one map so that both have the same unit" );
		final String currents = checkCurrents( plus.metadata(), minus.metadata(), confirmedPair );
		report.add( currents );
		final ConductanceMap m = onPlusGrid( plus, minus, resampleMinus, report );

		final String minusSource = minus.metadata().get( MapMetadata.SOURCE );
		final String history = "supercurrent-decompose " + currents + ( minusSource == null ? "" : " minus_source=" + minusSource );
		final ConductanceMap gs = ConductanceMap.empty( plus.xAxis(), plus.yAxis(), "g_s", plus.valueUnit(), plus.metadata().withHistory( history + " part=g_s" ) );
		final ConductanceMap ga = ConductanceMap.empty( plus.xAxis(), plus.yAxis(), "g_a", plus.valueUnit(), plus.metadata().withHistory( history + " part=g_a" ) );
		for ( int j = 0; j < plus.height(); j++ )
			for ( int i = 0; i < plus.width(); i++ )
			{
				final double a = plus.get( i, j );
				final double b = m.get( i, j );
				gs.set( i, j, ( float ) ( 0.5 * ( a + b ) ) );
				ga.set( i, j, ( float ) ( 0.5 * ( a - b ) ) );
			}
		final SymmetryDecomposition.Result bias = SymmetryDecomposition.decompose( gs, biasAxis, "g_ss", "g_sa" );
		report.addAll( bias.report() );
		return new Result( gs, ga, bias, report );
	}

	/** One line describing the currents, after checking them; throws when they do not make a ± pair. */
	private static String checkCurrents( final MapMetadata p, final MapMetadata m, final boolean confirmedPair )
	{
		final boolean hasP = p.has( MapMetadata.SUPERCURRENT_A );
		final boolean hasM = m.has( MapMetadata.SUPERCURRENT_A );
		if ( hasP && hasM )
		{
			final double ip = p.number( MapMetadata.SUPERCURRENT_A );
			final double im = m.number( MapMetadata.SUPERCURRENT_A );
			final String values = "g(+I_s) records supercurrent_A = " + p.get( MapMetadata.SUPERCURRENT_A ) + ", g(-I_s) records " + m.get( MapMetadata.SUPERCURRENT_A );
			if ( !Double.isFinite( ip ) || !Double.isFinite( im ) )
				throw new BadInputException( values + ": not both numbers" );
			if ( !( ip > 0 ) )
				throw new BadInputException( values + ": the first (+I_s) map must have the positive current; swap the maps" );
			if ( Math.abs( ip + im ) > CURRENT_TOLERANCE * Math.max( Math.abs( ip ), Math.abs( im ) ) )
				throw new BadInputException( values + ": not opposite to 1 %, so the maps are not a +I_s/-I_s pair" );
			return "plus_Is_A=" + Format.num( ip ) + " minus_Is_A=" + Format.num( im );
		}
		if ( !confirmedPair )
		{
			final String which = !hasP && !hasM ? "neither map records" : ( hasP ? "g(-I_s) does not record" : "g(+I_s) does not record" );
			throw new BadInputException( which + " its supercurrent (metadata " + MapMetadata.SUPERCURRENT_A
					+ "): set it in both maps, or confirm explicitly that they were measured at +I_s and -I_s" );
		}
		return "pair=confirmed-by-user";
	}

	private static ConductanceMap onPlusGrid( final ConductanceMap plus, final ConductanceMap minus, final boolean resampleMinus, final List< String > report )
	{
		if ( plus.xAxis().sameGrid( minus.xAxis(), GRID_TOLERANCE ) && plus.yAxis().sameGrid( minus.yAxis(), GRID_TOLERANCE ) )
			return minus;
		final String grids = "g(+I_s) grid [x: " + plus.xAxis() + "; y: " + plus.yAxis() + "] differs from g(-I_s) grid [x: " + minus.xAxis() + "; y: " + minus.yAxis() + "]";
		if ( !resampleMinus )
			throw new BadInputException( grids + "; ask for resampling to interpolate g(-I_s) onto the g(+I_s) grid" );
		if ( !plus.xAxis().unit().equals( minus.xAxis().unit() ) || !plus.yAxis().unit().equals( minus.yAxis().unit() ) )
			throw new BadInputException( grids + ": axis units differ, convert them before resampling" );
		final ConductanceMap r = MapInterpolation.resample( minus, plus.xAxis(), plus.yAxis() );
		if ( r.validCount() == 0 )
			throw new BadInputException( grids + ": no overlap, nothing to resample" );
		report.add( grids + "; g(-I_s) bilinearly resampled onto the g(+I_s) grid (" + ( plus.width() * plus.height() - r.validCount() )
				+ " points outside its range or next to a missing point are NaN)" );
		return r;
	}

	/** g_s, g_a, and the bias decomposition of g_s. */
	public static final class Result
	{
		private final ConductanceMap symmetric;
		private final ConductanceMap antisymmetric;
		private final SymmetryDecomposition.Result bias;
		private final List< String > report;

		private Result( final ConductanceMap symmetric, final ConductanceMap antisymmetric, final SymmetryDecomposition.Result bias, final List< String > report )
		{
			this.symmetric = symmetric;
			this.antisymmetric = antisymmetric;
			this.bias = bias;
			this.report = Collections.unmodifiableList( new ArrayList<>( report ) );
		}

		/** g_s = ½[g(+I_s) + g(−I_s)] on the plus grid (S Eq. 17). */
		public ConductanceMap gs() { return symmetric; }

		/** g_a = ½[g(+I_s) − g(−I_s)] on the plus grid (S Eq. 16). */
		public ConductanceMap ga() { return antisymmetric; }

		/** g_ss, even part of g_s in the bias axis, on the overlap (S Eq. 19). */
		public ConductanceMap gss() { return bias.even(); }

		/** g_sa, odd part of g_s in the bias axis, on the overlap (S Eq. 18). */
		public ConductanceMap gsa() { return bias.odd(); }

		/** The bias decomposition of g_s, with its grid report. */
		public SymmetryDecomposition.Result biasParts() { return bias; }

		/** Lines for the user: the currents checked, any resampling, the bias grid. */
		public List< String > report() { return report; }
	}
}
