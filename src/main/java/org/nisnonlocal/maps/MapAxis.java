package org.nisnonlocal.maps;

import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * Which axis of a {@link ConductanceMap} an operation acts along: X (usually the injector bias V_inj) or Y (usually
 * the detector bias V_det). Runner spellings: "vinj" or "x" for X, "vdet" or "y" for Y.
 */
public enum MapAxis
{
	X( "vinj" ),
	Y( "vdet" );

	private final String spelling;

	MapAxis( final String spelling )
	{
		this.spelling = spelling;
	}

	/** "vinj" or "vdet": the runner's name of this axis. */
	public String spelling() { return spelling; }

	/** Parses "vinj"/"x" or "vdet"/"y" (any case). */
	public static MapAxis parse( final String s )
	{
		final String t = s == null ? "" : s.trim().toLowerCase( Locale.ROOT );
		if ( t.equals( "vinj" ) || t.equals( "x" ) )
			return X;
		if ( t.equals( "vdet" ) || t.equals( "y" ) )
			return Y;
		throw new BadInputException( "axis '" + s + "' is not one of vinj (x) or vdet (y)" );
	}

	/** The map's axis in this direction. */
	public Axis of( final ConductanceMap map ) { return this == X ? map.xAxis() : map.yAxis(); }

	/** The map's other axis. */
	public Axis otherOf( final ConductanceMap map ) { return this == X ? map.yAxis() : map.xAxis(); }

	/** Number of 1D lines along this axis (rows for X, columns for Y). */
	int lineCount( final ConductanceMap map ) { return otherOf( map ).size(); }

	/** Line {@code k} along this axis, as doubles in ascending axis order. */
	double[] line( final ConductanceMap map, final int k ) { return this == X ? map.row( k ) : map.column( k ); }

	/** Writes point {@code i} along this axis of line {@code k}. */
	void set( final ConductanceMap map, final int i, final int k, final float v )
	{
		if ( this == X )
			map.set( i, k, v );
		else
			map.set( k, i, v );
	}

	/** A new NaN map with this axis replaced by {@code a} and the other axis kept. */
	ConductanceMap emptyWith( final ConductanceMap like, final Axis a, final String quantity, final String valueUnit, final MapMetadata metadata )
	{
		return this == X
				? ConductanceMap.empty( a, like.yAxis(), quantity, valueUnit, metadata )
				: ConductanceMap.empty( like.xAxis(), a, quantity, valueUnit, metadata );
	}
}
