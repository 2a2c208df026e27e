package org.nisnonlocal.maps;

import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * Which axis of a {@link ConductanceMap} a map tool acts along (or selects by): X (usually V_inj) or Y (usually
 * V_det). Runner spellings: "vinj" or "x" for X, "vdet" or "y" for Y.
 */
public enum MapDirection
{
	X( "vinj" ),
	Y( "vdet" );

	private final String spelling;

	MapDirection( final String spelling )
	{
		this.spelling = spelling;
	}

	/** "vinj" or "vdet": the runner's name of this axis, also used in history lines. */
	public String spelling() { return spelling; }

	/** Parses "vinj"/"x" or "vdet"/"y" (any case). */
	public static MapDirection parse( final String s )
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

	/** Line {@code k} along this axis (row k for X, column k for Y), ascending. */
	double[] line( final ConductanceMap map, final int k ) { return this == X ? map.row( k ) : map.column( k ); }

	/** Writes point {@code i} along this axis of line {@code k}. */
	void set( final ConductanceMap map, final int i, final int k, final float v )
	{
		if ( this == X )
			map.set( i, k, v );
		else
			map.set( k, i, v );
	}
}
