package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.List;

import org.nisnonlocal.BadInputException;

/**
 * Line cuts of a map at given values of one axis: a cut at V_det = v is the row g(V_inj) at that V_det (selecting
 * along {@link MapAxis#Y}), a cut at V_inj = v the column g(V_det) (selecting along {@link MapAxis#X}).
 * <p>
 * A value on a grid line (within 1e-9 of a step) gives that line exactly; a value between two grid lines j and j+1
 * gives (1 − w)·line(j) + w·line(j+1), w = fractional position, and the cut is flagged interpolated. A NaN in either
 * neighbouring line gives NaN at that point. Values outside the axis are refused, not extrapolated.
 */
public final class LineCuts
{
	/** A value this close to a grid line (in steps) is taken as on it. */
	public static final double SNAP = 1e-9;

	private LineCuts() {}

	/** One cut: the curve along the other axis at {@code value} of the selecting axis. Immutable. */
	public static final class Cut
	{
		private final double value;
		private final Axis selecting;
		private final Axis along;
		private final double[] values;
		private final boolean interpolated;
		private final double offset;
		private final String quantity;
		private final String valueUnit;

		Cut( final double value, final Axis selecting, final Axis along, final double[] values, final boolean interpolated,
				final double offset, final String quantity, final String valueUnit )
		{
			this.value = value;
			this.selecting = selecting;
			this.along = along;
			this.values = values;
			this.interpolated = interpolated;
			this.offset = offset;
			this.quantity = quantity;
			this.valueUnit = valueUnit;
		}

		/** Where the cut was taken, in the selecting axis' unit. */
		public double value() { return value; }

		/** The axis the cut value belongs to (e.g. V_det for a row cut). */
		public Axis selectingAxis() { return selecting; }

		/** The axis the cut runs along (e.g. V_inj for a row cut). */
		public Axis alongAxis() { return along; }

		/** Positions along the cut, in {@link #alongAxis()}'s unit. */
		public double[] positions() { return along.values(); }

		/** g along the cut, offset included (NaN = missing). */
		public double[] values() { return values.clone(); }

		public int size() { return values.length; }

		public double value( final int i ) { return values[ i ]; }

		/** True when the cut value lies between grid lines and the cut was interpolated. */
		public boolean isInterpolated() { return interpolated; }

		/** The constant added for plotting (0 unless made by {@link LineCuts#stacked}). */
		public double offset() { return offset; }

		public String quantity() { return quantity; }

		public String valueUnit() { return valueUnit; }

		/** This cut with {@code d} added to every value (offset accumulates). */
		public Cut plus( final double d )
		{
			final double[] v = values.clone();
			for ( int i = 0; i < v.length; i++ )
				v[ i ] += d;
			return new Cut( value, selecting, along, v, interpolated, offset + d, quantity, valueUnit );
		}

		/**
		 * The cut as a spectrum over the along-axis, metadata from {@code source} plus the history line
		 * "cut vdet=0.1 interpolated=false offset=0".
		 */
		public Spectrum toSpectrum( final MapMetadata source )
		{
			if ( values.length < 2 )
				throw new BadInputException( "cut at " + selecting.name() + " = " + Format.num( value ) + " has only " + values.length + " point" );
			final MapMetadata md = ( source == null ? MapMetadata.empty() : source ).withHistory( "cut " + historyKey() + "=" + Format.num( value )
					+ " interpolated=" + interpolated + " offset=" + Format.num( offset ) );
			return new Spectrum( along.values(), values, along.name(), along.unit(), quantity, valueUnit, md );
		}

		private String historyKey()
		{
			return selecting.name().toLowerCase( java.util.Locale.ROOT );
		}

		@Override
		public String toString()
		{
			return "cut " + selecting.name() + " = " + Format.num( value ) + " " + selecting.unit() + ( interpolated ? " (interpolated)" : "" )
					+ ( offset != 0 ? " offset " + Format.num( offset ) : "" );
		}
	}

	/**
	 * Cuts at each of {@code values} of the selecting axis (X: columns at V_inj values, Y: rows at V_det values), in
	 * the order given.
	 *
	 * @throws BadInputException for a NaN value or one outside the axis range
	 */
	public static List< Cut > at( final ConductanceMap map, final MapAxis selecting, final double... values )
	{
		final Axis a = selecting.of( map );
		final List< Cut > cuts = new ArrayList<>();
		for ( final double v : values )
		{
			if ( !Double.isFinite( v ) )
				throw new BadInputException( "cut value " + v + " for " + a.name() + " is not a number" );
			if ( !a.contains( v ) )
				throw new BadInputException( "cut at " + a.name() + " = " + Format.num( v ) + " " + a.unit() + " is outside the "
						+ a.name() + " axis range " + Format.range( a ) );
			cuts.add( cut( map, selecting, v ) );
		}
		return cuts;
	}

	/** Cuts along every n-th grid line of the selecting axis, starting at its first (smallest) value; all exact. */
	public static List< Cut > everyNth( final ConductanceMap map, final MapAxis selecting, final int n )
	{
		if ( n < 1 )
			throw new BadInputException( "cuts: every n-th line needs n ≥ 1, got " + n );
		final Axis a = selecting.of( map );
		final List< Cut > cuts = new ArrayList<>();
		for ( int k = 0; k < a.size(); k += n )
			cuts.add( new Cut( a.value( k ), a, selecting.otherOf( map ), line( map, selecting, k ), false, 0, map.quantity(), map.valueUnit() ) );
		return cuts;
	}

	/**
	 * The cuts with k·{@code offset} added to the k-th (k = 0, 1, …), for a waterfall plot as in the paper's stacked
	 * cuts (Figs. 12a, 13). The offset is in the value unit.
	 */
	public static List< Cut > stacked( final List< Cut > cuts, final double offset )
	{
		if ( !Double.isFinite( offset ) )
			throw new BadInputException( "cuts: stacking offset is " + offset );
		final List< Cut > out = new ArrayList<>();
		for ( int k = 0; k < cuts.size(); k++ )
			out.add( cuts.get( k ).plus( k * offset ) );
		return out;
	}

	private static Cut cut( final ConductanceMap map, final MapAxis selecting, final double v )
	{
		final Axis a = selecting.of( map );
		final double p = Math.max( 0, Math.min( a.size() - 1, a.position( v ) ) );
		final long nearest = Math.round( p );
		if ( Math.abs( p - nearest ) <= SNAP )
			return new Cut( v, a, selecting.otherOf( map ), line( map, selecting, ( int ) nearest ), false, 0, map.quantity(), map.valueUnit() );
		final int j = ( int ) Math.floor( p );
		final double w = p - j;
		final double[] lo = line( map, selecting, j ), hi = line( map, selecting, j + 1 );
		final double[] c = new double[ lo.length ];
		for ( int i = 0; i < c.length; i++ )
			c[ i ] = ( 1 - w ) * lo[ i ] + w * hi[ i ];
		return new Cut( v, a, selecting.otherOf( map ), c, true, 0, map.quantity(), map.valueUnit() );
	}

	/** Grid line k of the selecting axis: row k when selecting by Y, column k when selecting by X. */
	private static double[] line( final ConductanceMap map, final MapAxis selecting, final int k )
	{
		return selecting == MapAxis.Y ? map.row( k ) : map.column( k );
	}
}
