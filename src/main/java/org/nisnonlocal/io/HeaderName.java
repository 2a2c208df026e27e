package org.nisnonlocal.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column header split into name and unit ({@code Vinj (uV)}, {@code v_bias [V]}), and guesses of what the column
 * holds from its name. Package-private helper of {@link TextMapImporter}.
 */
final class HeaderName
{
	private static final Pattern WITH_UNIT = Pattern.compile( "^(.*?)\\s*[\\(\\[]\\s*([^\\)\\]]*?)\\s*[\\)\\]]\\s*$" );

	/** The header cell as written. */
	final String raw;
	/** The name without the unit. */
	final String name;
	/** The unit in parentheses or brackets, or null. */
	final String unit;
	/** Lower case letters and digits only: "V_inj (uV)" → "vinj". */
	final String key;

	HeaderName( final String raw )
	{
		this.raw = raw;
		final Matcher m = WITH_UNIT.matcher( raw );
		if ( m.matches() && !m.group( 1 ).isEmpty() )
		{
			name = m.group( 1 );
			unit = m.group( 2 ).isEmpty() ? null : m.group( 2 );
		}
		else
		{
			name = raw;
			unit = null;
		}
		key = normalize( name );
	}

	/** A name and unit known separately (a parameter of a measurement file); unit may be null. */
	HeaderName( final String name, final String unit )
	{
		this.raw = name;
		this.name = name;
		this.unit = unit == null || unit.trim().isEmpty() ? null : unit.trim();
		this.key = normalize( name );
	}

	static String normalize( final String s )
	{
		return s.toLowerCase( Locale.ROOT ).replaceAll( "[^a-z0-9]", "" );
	}

	/** Whether a user's column request names this column: the whole cell, or the name without unit, ignoring case. */
	boolean matches( final String request )
	{
		return raw.equalsIgnoreCase( request.trim() ) || name.equalsIgnoreCase( request.trim() )
				|| !key.isEmpty() && key.equals( normalize( request ) );
	}

	boolean isInjectorBias() { return key.startsWith( "vinj" ); }

	boolean isDetectorBias() { return key.startsWith( "vdet" ); }

	/** Any bias voltage: Vinj, Vdet, v_bias, bias, "Bias calc", V, Vsd. */
	boolean isBias()
	{
		switch ( key )
		{
		case "v":
		case "vb":
		case "vsd":
		case "vdc":
		case "voltage":
		case "u":
			return true;
		default:
			return isInjectorBias() || isDetectorBias() || key.startsWith( "vbias" ) || key.startsWith( "bias" );
		}
	}

	/** A magnetic field: magnet_bpar, B, Bx, B_perp, field. */
	boolean isField()
	{
		return key.startsWith( "magnet" ) || key.contains( "bpar" ) || key.contains( "bperp" ) || key.contains( "field" )
				|| key.equals( "b" ) || key.equals( "bx" ) || key.equals( "by" ) || key.equals( "bz" );
	}

	/** A supercurrent through the wire: Is, I_s, Isc, supercurrent. */
	boolean isSupercurrent()
	{
		return key.equals( "is" ) || key.equals( "isc" ) || key.equals( "isup" ) || key.startsWith( "supercurrent" );
	}

	/** A conductance: g, G, g_nl, dI/dV, cond…, lockin_6_CondX. */
	boolean isConductance()
	{
		return key.equals( "g" ) || key.equals( "gnl" ) || key.equals( "gsa" ) || key.equals( "gloc" ) || key.equals( "gnorm" )
				|| key.contains( "cond" ) || key.contains( "didv" );
	}
}
