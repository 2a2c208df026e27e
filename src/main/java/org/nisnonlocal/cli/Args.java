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
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.OutputSet;

/**
 * The runner's {@code --key value} and {@code --flag} options, with typed getters whose errors name the option.
 * Every option a subcommand reads is remembered, so {@link #rejectUnknown()} can name a misspelt one.
 */
public final class Args
{
	private final Map< String, String > options = new LinkedHashMap<>();
	private final Set< String > read = new LinkedHashSet<>();

	/** Every file the run reads or writes, declared as the options are read. */
	private final OutputSet files;

	/** Options of one run, whose files are declared to {@code files} as they are asked for. */
	public Args( final List< String > argv, final OutputSet files )
	{
		this.files = files;
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

	/** A required input file: it must exist and be a readable file, and no output of the run may be it. */
	public Path input( final String key ) { return files.input( path( key ), "--" + key ); }

	/** An input file that option {@code key} leads to (a file in a folder it names). */
	public Path inputAt( final Path file, final String key ) { return files.input( file, "--" + key ); }

	/** An optional input file, or null when the option is absent. */
	public Path optionalInput( final String key ) { return has( key ) ? input( key ) : null; }

	/** A comma-separated list of input files (each checked as {@link #input}); empty when absent. */
	public List< Path > inputs( final String key )
	{
		final List< Path > out = new ArrayList<>();
		for ( final String f : list( key ) )
			out.add( files.input( Paths.get( f ), "--" + key ) );
		return out;
	}

	/** A required output file: refused now if it is an input, another output, a folder, or lies under a file. */
	public Path output( final String key ) { return files.output( path( key ), "--" + key ); }

	/** An optional output file, or null when the option is absent. */
	public Path optionalOutput( final String key ) { return has( key ) ? output( key ) : null; }

	/** A required output map file, with the sidecar its format brings ({@code .meta} beside a CSV). */
	public Path outputMap( final String key )
	{
		final Path map = output( key );
		alsoWrites( key, MapFiles.sidecarsWritten( map ) );
		return map;
	}

	/** Declares a further map the run writes because of option {@code key}, with its sidecar. */
	public void alsoWritesMap( final String key, final Path map )
	{
		alsoWrites( key, map );
		alsoWrites( key, MapFiles.sidecarsWritten( map ) );
	}

	/** A required output folder (made when missing); refused if it is a file. */
	public Path outputFolder( final String key ) { return files.folder( path( key ), "--" + key ); }

	/** Declares further files the run writes because of option {@code key} (sidecars, files in an output folder). */
	public void alsoWrites( final String key, final Path... written ) { alsoWrites( key, java.util.Arrays.asList( written ) ); }

	public void alsoWrites( final String key, final List< Path > written )
	{
		for ( final Path p : written )
			files.output( p, "--" + key );
	}

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
