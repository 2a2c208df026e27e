package org.nisnonlocal.io;

import java.util.Map;
import java.util.regex.Pattern;

import org.nisnonlocal.maps.MapMetadata;

/**
 * The instrument settings that matter for a conductance map, picked out of a QCoDeS station snapshot (JSON:
 * {@code station → instruments → <name> → parameters → <p> → value, unit}): the lock-in excitation amplitude and a
 * temperature. Everything else stays in the file.
 */
final class InstrumentSettings
{
	private static final Pattern LOCKIN = Pattern.compile( "(?i).*(lock.?in|sr8\\d\\d|sr86\\d|mfli|hf2li|uhfli|7265|7270|lia).*" );
	private static final Pattern AMPLITUDE = Pattern.compile( "(?i)(amplitude|amp|excitation|sine_?outdc|sigout.*amplitude.*)" );
	private static final Pattern TEMPERATURE = Pattern.compile( "(?i)(temperature|temp|t_?mc|mxc_?temp.*|mc_?temp.*|t_?mxc|t|t_?sample)" );

	private InstrumentSettings() {}

	/** Adds {@code lockin_amplitude} (with unit) and {@code temperature_K} when the snapshot has them. */
	static MapMetadata from( final Object snapshot, MapMetadata m )
	{
		final Map< String, Object > root = Json.object( snapshot );
		final Map< String, Object > station = root == null ? null : Json.object( root.containsKey( "station" ) ? root.get( "station" ) : root );
		final Map< String, Object > instruments = station == null ? null : Json.object( station.get( "instruments" ) );
		if ( instruments == null )
			return m;
		for ( final Map.Entry< String, Object > ins : instruments.entrySet() )
		{
			final Map< String, Object > i = Json.object( ins.getValue() );
			final Map< String, Object > params = i == null ? null : Json.object( i.get( "parameters" ) );
			if ( params == null )
				continue;
			final String driver = String.valueOf( i.get( "__class__" ) );
			final boolean lockin = LOCKIN.matcher( ins.getKey() ).matches() || LOCKIN.matcher( driver ).matches();
			for ( final Map.Entry< String, Object > p : params.entrySet() )
			{
				final Map< String, Object > pm = Json.object( p.getValue() );
				if ( pm == null || !( pm.get( "value" ) instanceof Double ) )
					continue;
				final double v = ( Double ) pm.get( "value" );
				final String unit = Json.string( pm.get( "unit" ) );
				if ( lockin && AMPLITUDE.matcher( p.getKey() ).matches() && !m.has( "lockin_amplitude" ) )
					m = m.with( "lockin_amplitude", Numbers.format( v ) + ( unit == null || unit.isEmpty() ? "" : " " + unit ) ).with( "lockin_instrument", ins.getKey() );
				else if ( TEMPERATURE.matcher( p.getKey() ).matches() && unit != null && unit.trim().equals( "K" ) && !m.has( MapMetadata.TEMPERATURE_K ) && v > 0 && v < 1000 )
					m = m.with( MapMetadata.TEMPERATURE_K, v ).with( "temperature_source", ins.getKey() + "." + p.getKey() );
			}
		}
		return m;
	}

	/** Parses a snapshot text; null when it is empty or not JSON (a snapshot is a bonus, never a reason to fail). */
	static Object parse( final String text )
	{
		if ( text == null || text.trim().isEmpty() || text.trim().equals( "null" ) )
			return null;
		try
		{
			return Json.parse( text );
		}
		catch ( final IllegalArgumentException e )
		{
			return null;
		}
	}
}
