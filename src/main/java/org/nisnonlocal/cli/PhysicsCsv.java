package org.nisnonlocal.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.Numbers;

/** Shared bits of the model verbs: validated grids from --from/--to/--step options, and atomic CSV output. */
final class PhysicsCsv
{
	/** Grids longer than this are a typo (a step in the wrong unit), not a request. */
	static final int MAX_POINTS = 10_000_000;

	private PhysicsCsv() {}

	/** from, from + step, … up to to (inclusive within rounding); the option names go into error messages. */
	static double[] grid( final Args a, final String fromKey, final double fromDef, final String toKey, final double toDef, final String stepKey, final double stepDef )
	{
		final double from = a.number( fromKey, fromDef );
		final double to = a.number( toKey, toDef );
		final double step = a.number( stepKey, stepDef );
		if ( !( step > 0 ) )
			throw new BadInputException( "--" + stepKey + " must be > 0, got " + step );
		if ( !( to >= from ) )
			throw new BadInputException( "--" + toKey + " (" + to + ") must be >= --" + fromKey + " (" + from + ")" );
		final long count = Numbers.gridCount( from, to, step );
		if ( count > MAX_POINTS )
			throw new BadInputException( "--" + stepKey + " " + step + " gives " + count + " points (max " + MAX_POINTS + ")" );
		return Numbers.inclusiveGrid( from, to, step );
	}

	static double positive( final Args a, final String key, final double def )
	{
		final double v = a.number( key, def );
		if ( !( v > 0 ) )
			throw new BadInputException( "--" + key + " must be > 0, got " + v );
		return v;
	}

	static double requiredPositive( final Args a, final String key )
	{
		final double v = a.requiredNumber( key );
		if ( !( v > 0 ) )
			throw new BadInputException( "--" + key + " must be > 0, got " + v );
		return v;
	}

	static double nonNegative( final Args a, final String key, final double def )
	{
		final double v = a.number( key, def );
		if ( !( v >= 0 ) )
			throw new BadInputException( "--" + key + " must be >= 0, got " + v );
		return v;
	}

	/** Writes a header line and rows of numbers at full precision, atomically. */
	static void write( final Path out, final String header, final double[]... columns ) throws IOException
	{
		final int n = columns[ 0 ].length;
		AtomicFiles.write( out, os -> {
			final Writer w = new OutputStreamWriter( os, StandardCharsets.UTF_8 );
			w.write( header );
			w.write( '\n' );
			final StringBuilder sb = new StringBuilder();
			for ( int i = 0; i < n; i++ )
			{
				sb.setLength( 0 );
				for ( int c = 0; c < columns.length; c++ )
				{
					if ( c > 0 )
						sb.append( ',' );
					sb.append( Numbers.format( columns[ c ][ i ] ) );
				}
				sb.append( '\n' );
				w.write( sb.toString() );
			}
			w.flush();
		} );
	}
}
