package org.nisnonlocal.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the metadata instruments write (QCoDeS run descriptions and snapshots): objects become
 * {@code Map<String, Object>} in file order, arrays {@code List<Object>}, numbers {@code Double}, plus String, Boolean
 * and null. Python's {@code NaN} and {@code Infinity} (which QCoDeS snapshots contain) are accepted.
 */
final class Json
{
	private final String s;
	private int i;

	private Json( final String s ) { this.s = s; }

	/** @throws IllegalArgumentException with the position of the first error */
	static Object parse( final String text )
	{
		final Json p = new Json( text );
		p.space();
		final Object v = p.value();
		p.space();
		if ( p.i != text.length() )
			throw p.error( "text after the end" );
		return v;
	}

	@SuppressWarnings( "unchecked" )
	static Map< String, Object > object( final Object o ) { return o instanceof Map ? ( Map< String, Object > ) o : null; }

	@SuppressWarnings( "unchecked" )
	static List< Object > array( final Object o ) { return o instanceof List ? ( List< Object > ) o : null; }

	static String string( final Object o ) { return o instanceof String ? ( String ) o : null; }

	private Object value()
	{
		if ( i >= s.length() )
			throw error( "unexpected end" );
		final char c = s.charAt( i );
		switch ( c )
		{
		case '{':
			return objectValue();
		case '[':
			return arrayValue();
		case '"':
			return stringValue();
		case 't':
			return word( "true", Boolean.TRUE );
		case 'f':
			return word( "false", Boolean.FALSE );
		case 'n':
			return word( "null", null );
		case 'N':
			return word( "NaN", Double.NaN );
		case 'I':
			return word( "Infinity", Double.POSITIVE_INFINITY );
		default:
			return number();
		}
	}

	private Map< String, Object > objectValue()
	{
		final Map< String, Object > m = new LinkedHashMap<>();
		i++;
		space();
		if ( peek() == '}' )
		{
			i++;
			return m;
		}
		while ( true )
		{
			space();
			if ( peek() != '"' )
				throw error( "expected a key" );
			final String k = stringValue();
			space();
			expect( ':' );
			space();
			m.put( k, value() );
			space();
			if ( peek() == ',' )
			{
				i++;
				continue;
			}
			expect( '}' );
			return m;
		}
	}

	private List< Object > arrayValue()
	{
		final List< Object > l = new ArrayList<>();
		i++;
		space();
		if ( peek() == ']' )
		{
			i++;
			return l;
		}
		while ( true )
		{
			space();
			l.add( value() );
			space();
			if ( peek() == ',' )
			{
				i++;
				continue;
			}
			expect( ']' );
			return l;
		}
	}

	private String stringValue()
	{
		expect( '"' );
		final StringBuilder b = new StringBuilder();
		while ( true )
		{
			if ( i >= s.length() )
				throw error( "unterminated string" );
			final char c = s.charAt( i++ );
			if ( c == '"' )
				return b.toString();
			if ( c != '\\' )
			{
				b.append( c );
				continue;
			}
			if ( i >= s.length() )
				throw error( "unterminated string" );
			final char e = s.charAt( i++ );
			switch ( e )
			{
			case 'n':
				b.append( '\n' );
				break;
			case 't':
				b.append( '\t' );
				break;
			case 'r':
				b.append( '\r' );
				break;
			case 'b':
				b.append( '\b' );
				break;
			case 'f':
				b.append( '\f' );
				break;
			case 'u':
				if ( i + 4 > s.length() )
					throw error( "bad \\u escape" );
				b.append( ( char ) Integer.parseInt( s.substring( i, i + 4 ), 16 ) );
				i += 4;
				break;
			default:
				b.append( e );
			}
		}
	}

	private Object number()
	{
		final int start = i;
		if ( peek() == '-' )
		{
			i++;
			if ( s.startsWith( "Infinity", i ) )
			{
				i += 8;
				return Double.NEGATIVE_INFINITY;
			}
		}
		while ( i < s.length() && "0123456789+-.eE".indexOf( s.charAt( i ) ) >= 0 )
			i++;
		try
		{
			return Double.parseDouble( s.substring( start, i ) );
		}
		catch ( final NumberFormatException e )
		{
			throw error( "unexpected '" + s.charAt( start ) + "'" );
		}
	}

	private Object word( final String w, final Object v )
	{
		if ( !s.startsWith( w, i ) )
			throw error( "unexpected '" + s.charAt( i ) + "'" );
		i += w.length();
		return v;
	}

	private char peek() { return i < s.length() ? s.charAt( i ) : '\0'; }

	private void expect( final char c )
	{
		if ( peek() != c )
			throw error( "expected '" + c + "'" );
		i++;
	}

	private void space()
	{
		while ( i < s.length() && Character.isWhitespace( s.charAt( i ) ) )
			i++;
	}

	private IllegalArgumentException error( final String what ) { return new IllegalArgumentException( "JSON at character " + i + ": " + what ); }
}
