package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a map knows about its measurement: junction pair, supercurrent, temperature, Δ0, junction conductances, source
 * file, bias offset applied, and the history of operations that made it. Immutable; {@code with…} returns a copy.
 * <p>
 * Physical values are stored in SI units (A, K, eV, S) under the keys below; other keys are kept verbatim so that a
 * round trip through TIFF or CSV loses nothing.
 */
public final class MapMetadata
{
	public static final String JUNCTIONS = "junctions";
	public static final String SUPERCURRENT_A = "supercurrent_A";
	public static final String TEMPERATURE_K = "temperature_K";
	public static final String DELTA0_EV = "delta0_eV";
	public static final String G_INJ_S = "g_inj_S";
	public static final String G_DET_S = "g_det_S";
	public static final String R_XI_OHM = "r_xi_Ohm";
	public static final String SOURCE = "source";
	public static final String BIAS_OFFSET = "bias_offset";
	/** "true" when the importer found no unit for the values and took "1": set until a unit is stated. */
	public static final String VALUE_UNIT_ASSUMED = "value_unit_assumed";

	private static final MapMetadata EMPTY = new MapMetadata( Collections.emptyMap(), Collections.emptyList() );

	private final Map< String, String > values;
	private final List< String > history;

	private MapMetadata( final Map< String, String > values, final List< String > history )
	{
		this.values = Collections.unmodifiableMap( new LinkedHashMap<>( values ) );
		this.history = Collections.unmodifiableList( new ArrayList<>( history ) );
	}

	public static MapMetadata empty() { return EMPTY; }

	public Map< String, String > values() { return values; }

	/** Operations applied, oldest first, each "name key=value …". */
	public List< String > history() { return history; }

	public String get( final String key ) { return values.get( key ); }

	/** A numeric entry, or NaN when absent or not a number. */
	public double number( final String key )
	{
		final String v = values.get( key );
		if ( v == null )
			return Double.NaN;
		try
		{
			return Double.parseDouble( v.trim() );
		}
		catch ( final NumberFormatException e )
		{
			return Double.NaN;
		}
	}

	public boolean has( final String key ) { return values.containsKey( key ); }

	public MapMetadata with( final String key, final String value )
	{
		final Map< String, String > m = new LinkedHashMap<>( values );
		if ( value == null )
			m.remove( key );
		else
			m.put( key, value );
		return new MapMetadata( m, history );
	}

	public MapMetadata with( final String key, final double value )
	{
		return with( key, Double.isNaN( value ) ? null : Double.toString( value ) );
	}

	/** A copy with one more history line, e.g. {@code withHistory("decompose axis=vinj part=odd")}. */
	public MapMetadata withHistory( final String operation )
	{
		final List< String > h = new ArrayList<>( history );
		h.add( operation );
		return new MapMetadata( values, h );
	}

	/** {@code other}'s entries override this one's; histories are concatenated. */
	public MapMetadata merge( final MapMetadata other )
	{
		final Map< String, String > m = new LinkedHashMap<>( values );
		m.putAll( other.values );
		final List< String > h = new ArrayList<>( history );
		h.addAll( other.history );
		return new MapMetadata( m, h );
	}

	/** "key=value" lines, history as "history.N=…"; parsed back by {@link #parse}. */
	public List< String > toLines()
	{
		final List< String > lines = new ArrayList<>();
		values.forEach( ( k, v ) -> lines.add( k + "=" + escape( v ) ) );
		for ( int i = 0; i < history.size(); i++ )
			lines.add( String.format( Locale.ROOT, "history.%d=%s", i + 1, escape( history.get( i ) ) ) );
		return lines;
	}

	public static MapMetadata parse( final List< String > lines )
	{
		final Map< String, String > m = new LinkedHashMap<>();
		final List< String > h = new ArrayList<>();
		for ( final String line : lines )
		{
			final int eq = line.indexOf( '=' );
			if ( eq <= 0 )
				continue;
			final String k = line.substring( 0, eq ).trim();
			final String v = unescape( line.substring( eq + 1 ) );
			if ( k.startsWith( "history." ) )
				h.add( v );
			else
				m.put( k, v );
		}
		return new MapMetadata( m, h );
	}

	private static String escape( final String v ) { return v.replace( "\\", "\\\\" ).replace( "\n", "\\n" ); }

	private static String unescape( final String v )
	{
		final StringBuilder sb = new StringBuilder();
		for ( int i = 0; i < v.length(); i++ )
		{
			final char c = v.charAt( i );
			if ( c == '\\' && i + 1 < v.length() )
			{
				final char n = v.charAt( ++i );
				sb.append( n == 'n' ? '\n' : n );
			}
			else
				sb.append( c );
		}
		return sb.toString();
	}

	@Override
	public boolean equals( final Object o )
	{
		return o instanceof MapMetadata && values.equals( ( ( MapMetadata ) o ).values ) && history.equals( ( ( MapMetadata ) o ).history );
	}

	@Override
	public int hashCode() { return values.hashCode() * 31 + history.hashCode(); }

	@Override
	public String toString() { return String.join( "; ", toLines() ); }
}
