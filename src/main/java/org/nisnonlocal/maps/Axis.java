package org.nisnonlocal.maps;

import java.util.Locale;
import java.util.Objects;

/**
 * A uniform, ascending sampling axis: value(i) = origin + i·step for i = 0 … size−1.
 * <p>
 * The name says what is swept ("Vinj", "Vdet", "B", "Is", "eps"); the unit is one of {@link Units}' spellings.
 * Axes are immutable. A descending measurement is stored ascending: importers reverse it.
 */
public final class Axis
{
	private final String name;
	private final String unit;
	private final double origin;
	private final double step;
	private final int size;

	public Axis( final String name, final String unit, final double origin, final double step, final int size )
	{
		if ( size < 1 )
			throw new IllegalArgumentException( "axis " + name + ": needs at least 1 point, got " + size );
		if ( !Double.isFinite( origin ) )
			throw new IllegalArgumentException( "axis " + name + ": origin is " + origin );
		if ( size > 1 && !( Double.isFinite( step ) && step > 0 ) )
			throw new IllegalArgumentException( "axis " + name + ": step must be finite and > 0, got " + step );
		this.name = Objects.requireNonNull( name );
		this.unit = Units.canonical( unit );
		this.origin = origin;
		this.step = size > 1 ? step : ( Double.isFinite( step ) && step > 0 ? step : 1.0 );
		this.size = size;
	}

	/** An axis from {@code min} to {@code max} (inclusive) with {@code size} points. */
	public static Axis between( final String name, final String unit, final double min, final double max, final int size )
	{
		if ( size < 2 )
			throw new IllegalArgumentException( "axis " + name + ": needs at least 2 points between " + min + " and " + max );
		return new Axis( name, unit, min, ( max - min ) / ( size - 1 ), size );
	}

	public String name() { return name; }

	public String unit() { return unit; }

	public double origin() { return origin; }

	public double step() { return step; }

	public int size() { return size; }

	public double value( final double index ) { return origin + index * step; }

	public double min() { return origin; }

	public double max() { return value( size - 1 ); }

	/** Fractional index of a value (may lie outside 0 … size−1). */
	public double position( final double value ) { return ( value - origin ) / step; }

	/** Nearest index of a value, clamped to the axis. */
	public int nearestIndex( final double value )
	{
		final long i = Math.round( position( value ) );
		return ( int ) Math.max( 0, Math.min( size - 1, i ) );
	}

	public boolean contains( final double value )
	{
		final double p = position( value );
		return p >= -1e-9 && p <= size - 1 + 1e-9;
	}

	public double[] values()
	{
		final double[] v = new double[ size ];
		for ( int i = 0; i < size; i++ )
			v[ i ] = value( i );
		return v;
	}

	public Axis withName( final String newName ) { return new Axis( newName, unit, origin, step, size ); }

	/** The same points, expressed in another unit of the same kind (V ↔ mV ↔ µV, T ↔ mT …). */
	public Axis inUnit( final String newUnit )
	{
		final double f = Units.conversionFactor( unit, newUnit );
		return new Axis( name, newUnit, origin * f, step * f, size );
	}

	/** Same points shifted and scaled: value' = (value − shift) / scale, in a new unit. */
	public Axis transformed( final double shift, final double scale, final String newUnit )
	{
		if ( !( scale > 0 ) || !Double.isFinite( scale ) )
			throw new IllegalArgumentException( "axis " + name + ": scale must be finite and > 0, got " + scale );
		return new Axis( name, newUnit, ( origin - shift ) / scale, step / scale, size );
	}

	/** Sub-range [from, from + count). */
	public Axis range( final int from, final int count )
	{
		if ( from < 0 || count < 1 || from + count > size )
			throw new IndexOutOfBoundsException( "axis " + name + ": range " + from + "+" + count + " outside 0.." + size );
		return new Axis( name, unit, value( from ), step, count );
	}

	/** True when both axes sample the same points to a tolerance of {@code relTol} of a step. */
	public boolean sameGrid( final Axis o, final double relTol )
	{
		if ( size != o.size || !Units.sameKindAndScale( unit, o.unit ) )
			return false;
		return Math.abs( origin - o.origin ) <= relTol * step && Math.abs( step - o.step ) * ( size - 1 ) <= relTol * step;
	}

	@Override
	public String toString()
	{
		return String.format( Locale.ROOT, "%s [%s]: %d points %.6g … %.6g step %.6g", name, unit, size, min(), max(), step );
	}

	@Override
	public boolean equals( final Object o )
	{
		if ( !( o instanceof Axis ) )
			return false;
		final Axis a = ( Axis ) o;
		return name.equals( a.name ) && unit.equals( a.unit ) && origin == a.origin && step == a.step && size == a.size;
	}

	@Override
	public int hashCode() { return Objects.hash( name, unit, origin, step, size ); }
}
