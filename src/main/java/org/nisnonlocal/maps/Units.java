package org.nisnonlocal.maps;

import java.util.HashMap;
import java.util.Map;

import org.nisnonlocal.BadInputException;

/**
 * Unit spellings the plugin understands, and conversions between units of one kind.
 * <p>
 * Bias: V, mV, µV, and the normalized "eV/Δ0". Field: T, mT. Current: A, mA, µA, nA. Conductance: S, mS, µS, nS, G0
 * (the conductance quantum 2e²/h, which some setups record), e²/h. Normalized conductance: "Ω" (g / (G_inj·G_det)) and
 * "1" (g / (G_inj·G_det·R_ξ)); "px" for the axes of an uncalibrated image. Frequency, time, length and angle as
 * measurement files record them (a drive frequency, a time trace, a tip position, a lock-in phase). Unknown units are kept verbatim; they
 * convert only to themselves, and {@link #requireKnown} refuses them where a map comes in.
 */
public final class Units
{
	public static final String EV_PER_DELTA0 = "eV/Δ0";
	/** g divided by G_inj·G_det: a resistance. */
	public static final String OHM = "\u03A9";
	/** g divided by G_inj·G_det·R_ξ: dimensionless. */
	public static final String NORMALIZED = "1";
	/** Axis of an uncalibrated image: grid indices. */
	public static final String PIXEL = "px";

	private static final Map< String, String > ALIASES = new HashMap<>();
	private static final Map< String, String > KIND = new HashMap<>();
	private static final Map< String, Double > FACTOR = new HashMap<>();

	static
	{
		unit( "V", "voltage", 1 );
		unit( "mV", "voltage", 1e-3 );
		unit( "µV", "voltage", 1e-6 );
		unit( "nV", "voltage", 1e-9 );
		unit( EV_PER_DELTA0, "bias/Δ0", 1 );
		unit( "T", "field", 1 );
		unit( "mT", "field", 1e-3 );
		unit( "A", "current", 1 );
		unit( "mA", "current", 1e-3 );
		unit( "µA", "current", 1e-6 );
		unit( "nA", "current", 1e-9 );
		unit( "S", "conductance", 1 );
		unit( "mS", "conductance", 1e-3 );
		unit( "µS", "conductance", 1e-6 );
		unit( "nS", "conductance", 1e-9 );
		unit( "G0", "conductance", 7.748091729e-5 );
		unit( "e²/h", "conductance", 7.748091729e-5 / 2 );
		unit( OHM, "resistance", 1 );
		unit( "kΩ", "resistance", 1e3 );
		unit( NORMALIZED, "dimensionless", 1 );
		unit( "K", "temperature", 1 );
		unit( "mK", "temperature", 1e-3 );
		unit( PIXEL, "pixel", 1 );
		// what measurement files (QCoDeS, Labber, Nanonis grids) put on their axes besides bias and field
		unit( "Hz", "frequency", 1 );
		unit( "kHz", "frequency", 1e3 );
		unit( "MHz", "frequency", 1e6 );
		unit( "GHz", "frequency", 1e9 );
		unit( "s", "time", 1 );
		unit( "ms", "time", 1e-3 );
		unit( "µs", "time", 1e-6 );
		unit( "ns", "time", 1e-9 );
		unit( "m", "length", 1 );
		unit( "mm", "length", 1e-3 );
		unit( "µm", "length", 1e-6 );
		unit( "nm", "length", 1e-9 );
		unit( "pm", "length", 1e-12 );
		unit( "deg", "angle", Math.PI / 180 );
		unit( "rad", "angle", 1 );
		alias( "uV", "µV" );
		alias( "\u03BCV", "\u00B5V" ); // Greek mu → micro sign
		alias( "uA", "µA" );
		alias( "\u03BCA", "\u00B5A" );
		alias( "us", "µs" );
		alias( "\u03BCs", "\u00B5s" );
		alias( "um", "µm" );
		alias( "\u03BCm", "\u00B5m" );
		alias( "°", "deg" );
		alias( "uS", "µS" );
		alias( "\u03BCS", "\u00B5S" );
		alias( "ohm", OHM );
		alias( "Ohm", OHM );
		alias( "\u2126", OHM ); // ohm sign
		alias( "kohm", "kΩ" );
		alias( "e^2/h", "e²/h" );
		alias( "eV/D0", EV_PER_DELTA0 );
		alias( "eV/Delta0", EV_PER_DELTA0 );
		alias( "Delta0", EV_PER_DELTA0 );
		alias( "Δ0", EV_PER_DELTA0 );
		alias( "", NORMALIZED );
		alias( "a.u.", NORMALIZED );
	}

	private Units() {}

	private static void unit( final String u, final String kind, final double factor )
	{
		KIND.put( u, kind );
		FACTOR.put( u, factor );
	}

	private static void alias( final String a, final String u ) { ALIASES.put( a, u ); }

	/** The plugin's spelling of a unit ("uV" → "µV", "ohm" → "Ω"); unknown units come back trimmed. */
	public static String canonical( final String unit )
	{
		if ( unit == null )
			return NORMALIZED;
		final String t = unit.trim();
		final String a = ALIASES.get( t );
		return a != null ? a : t;
	}

	public static boolean isKnown( final String unit ) { return KIND.containsKey( canonical( unit ) ); }

	/**
	 * Refuses a unit the plugin does not know, naming it, what it belongs to ({@code what}, e.g. "x axis 'Vinj'") and
	 * {@code source} (file or image).
	 */
	public static void requireKnown( final String unit, final String what, final String source )
	{
		if ( !understood( unit ) )
			throw new BadInputException( source + ": " + what + " is in '" + canonical( unit ) + "', not a unit the plugin knows (" + KNOWN + "); give the right unit as an import option" );
	}

	/** A known unit, or a quotient of them as derivatives write it ("nS/mV", "µS/(eV/Δ0)"). */
	public static boolean understood( final String unit )
	{
		if ( isKnown( unit ) )
			return true;
		final String u = canonical( unit );
		final int slash = u.indexOf( '/' );
		if ( slash <= 0 || slash == u.length() - 1 )
			return false;
		String den = u.substring( slash + 1 );
		if ( den.startsWith( "(" ) && den.endsWith( ")" ) )
			den = den.substring( 1, den.length() - 1 );
		return isKnown( u.substring( 0, slash ) ) && ( isKnown( den ) || understood( den ) );
	}

	/** The spellings for messages. */
	private static final String KNOWN = "bias V, mV, µV, nV, eV/Δ0; field T, mT; current A, mA, µA, nA; conductance S, mS, µS, nS, G0, e²/h; Ω, kΩ; 1; K, mK; px; "
			+ "Hz…GHz; s, ms, µs, ns; m…pm; deg, rad; and quotients such as nS/mV";

	/** "voltage", "field", "current", "conductance", … or null for an unknown unit. */
	public static String kind( final String unit ) { return KIND.get( canonical( unit ) ); }

	public static boolean isBias( final String unit )
	{
		final String k = kind( unit );
		return "voltage".equals( k ) || "bias/Δ0".equals( k );
	}

	/** Multiply a value in {@code from} by this to get it in {@code to}. */
	public static double conversionFactor( final String from, final String to )
	{
		final String f = canonical( from ), t = canonical( to );
		if ( f.equals( t ) )
			return 1;
		final String kf = KIND.get( f ), kt = KIND.get( t );
		if ( kf == null || !kf.equals( kt ) )
			throw new IllegalArgumentException( "cannot convert " + f + " to " + t );
		return FACTOR.get( f ) / FACTOR.get( t );
	}

	static boolean sameKindAndScale( final String a, final String b )
	{
		return canonical( a ).equals( canonical( b ) );
	}
}
