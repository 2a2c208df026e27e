package org.nisnonlocal.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nisnonlocal.BadInputException;

/**
 * The runner's {@code --key value} and {@code --flag} options, with typed getters whose errors name the option.
 * Every option a subcommand reads is remembered, so {@link #rejectUnknown()} can name a misspelt one.
 */
public final class Args
{
	private final Map< String, String > options = new LinkedHashMap<>();
	private final Set< String > read = new LinkedHashSet<>();

	public Args( final List< String > argv )
	{
		for ( int k = 0; k < argv.size(); k++ )
		{
			final String a = argv.get( k );
			if ( !a.startsWith( "--" ) || a.length() < 3 )
				throw new BadInputException( "unexpected argument '" + a + "' (options are --key value)" );
			final String key = a.substring( 2 );
			final int eq = key.indexOf( '=' );
			if ( eq > 0 )
				options.put( key.substring( 0, eq ), key.substring( eq + 1 ) );
			else if ( k + 1 < argv.size() && !isOptionName( argv.get( k + 1 ) ) )
				options.put( key, argv.get( ++k ) );
			else
				options.put( key, null ); // a flag
		}
	}

	/** "--x" is an option; "-1e-3" is a negative number. */
	private static boolean isOptionName( final String s )
	{
		return s.startsWith( "--" ) && s.length() > 2 && !Character.isDigit( s.charAt( 2 ) ) && s.charAt( 2 ) != '.';
	}

	public boolean has( final String key )
	{
		read.add( key );
		return options.containsKey( key );
	}

	public boolean flag( final String key )
	{
		read.add( key );
		if ( !options.containsKey( key ) )
			return false;
		final String v = options.get( key );
		if ( v == null || v.equalsIgnoreCase( "true" ) )
			return true;
		if ( v.equalsIgnoreCase( "false" ) )
			return false;
		throw new BadInputException( "--" + key + " is a flag; got value '" + v + "'" );
	}

	public String string( final String key, final String def )
	{
		read.add( key );
		final String v = options.get( key );
		if ( options.containsKey( key ) && v == null )
			throw new BadInputException( "--" + key + " needs a value" );
		return v == null ? def : v;
	}

	public String required( final String key )
	{
		final String v = string( key, null );
		if ( v == null )
			throw new BadInputException( "missing required option --" + key );
		return v;
	}

	public Path path( final String key ) { return Paths.get( required( key ) ); }

	public double number( final String key, final double def )
	{
		final String v = string( key, null );
		return v == null ? def : parseNumber( key, v );
	}

	public double requiredNumber( final String key ) { return parseNumber( key, required( key ) ); }

	public int integer( final String key, final int def )
	{
		final String v = string( key, null );
		if ( v == null )
			return def;
		try
		{
			return Integer.parseInt( v.trim() );
		}
		catch ( final NumberFormatException e )
		{
			throw new BadInputException( "--" + key + ": expected an integer, got '" + v + "'" );
		}
	}

	/** A comma-separated list of numbers, or null when absent. */
	public double[] numbers( final String key )
	{
		final String v = string( key, null );
		if ( v == null )
			return null;
		final String[] parts = v.split( "," );
		final double[] out = new double[ parts.length ];
		for ( int i = 0; i < parts.length; i++ )
			out[ i ] = parseNumber( key, parts[ i ] );
		return out;
	}

	/** A comma-separated list of strings, or an empty list when absent. */
	public List< String > list( final String key )
	{
		final String v = string( key, null );
		final List< String > out = new ArrayList<>();
		if ( v != null )
			for ( final String p : v.split( "," ) )
				if ( !p.trim().isEmpty() )
					out.add( p.trim() );
		return out;
	}

	private static double parseNumber( final String key, final String v )
	{
		try
		{
			final double d = Double.parseDouble( v.trim() );
			if ( !Double.isFinite( d ) )
				throw new BadInputException( "--" + key + ": must be a finite number, got '" + v + "'" );
			return d;
		}
		catch ( final NumberFormatException e )
		{
			throw new BadInputException( "--" + key + ": expected a number, got '" + v + "'" );
		}
	}

	/** Fails naming the first option that no getter asked for (a typo, or an option of another subcommand). */
	public void rejectUnknown()
	{
		for ( final String k : options.keySet() )
			if ( !read.contains( k ) )
				throw new BadInputException( "unknown option --" + k );
	}
}
