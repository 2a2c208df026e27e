package org.nisnonlocal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nisnonlocal.BadInputException;

/** (I_s, ∂xφ ± σ) pairs of the paper's Fig. 10b, as the phase-gradient fits write them and the I0 fit reads them. */
public final class CurrentPhasePairs
{
	private CurrentPhasePairs() {}

	/**
	 * Reads a CSV with the columns {@code I_s_uA,phase_gradient,error} (found by header name; what
	 * {@code fit-phase-gradient} writes); returns {I_s in µA, ∂xφ, σ(∂xφ)} as three columns.
	 */
	public static double[][] read( final Path file ) throws IOException
	{
		final String name = file.toString();
		final List< String > lines = Files.readAllLines( file, StandardCharsets.UTF_8 );
		int[] col = null;
		final List< double[] > rows = new ArrayList<>();
		for ( int k = 0; k < lines.size(); k++ )
		{
			String line = lines.get( k );
			final int hash = line.indexOf( '#' );
			if ( hash >= 0 )
				line = line.substring( 0, hash );
			if ( line.trim().isEmpty() )
				continue;
			final String[] cells = line.split( ",", -1 );
			if ( col == null )
			{
				col = new int[] { find( cells, "I_s_uA", name, k + 1 ), find( cells, "phase_gradient", name, k + 1 ), find( cells, "error", name, k + 1 ) };
				continue;
			}
			final double[] row = new double[ 3 ];
			for ( int j = 0; j < 3; j++ )
			{
				if ( col[ j ] >= cells.length )
					throw BadInputException.at( name, k + 1, "row has " + cells.length + " values; column " + ( col[ j ] + 1 ) + " is missing" );
				final String c = cells[ col[ j ] ].trim();
				if ( c.isEmpty() )
					throw BadInputException.at( name, k + 1, "empty " + ( j == 0 ? "I_s_uA (give fit-phase-gradient --currents-ua)" : j == 1 ? "phase_gradient" : "error" ) );
				try
				{
					row[ j ] = Double.parseDouble( c );
				}
				catch ( final NumberFormatException e )
				{
					throw BadInputException.at( name, k + 1, "'" + c + "' is not a number" );
				}
			}
			rows.add( row );
		}
		if ( col == null )
			throw BadInputException.at( name, 0, "empty file; expected a header I_s_uA,phase_gradient,error and rows" );
		final double[][] out = new double[ 3 ][ rows.size() ];
		for ( int i = 0; i < rows.size(); i++ )
			for ( int j = 0; j < 3; j++ )
				out[ j ][ i ] = rows.get( i )[ j ];
		return out;
	}

	private static int find( final String[] header, final String want, final String file, final int line )
	{
		for ( int j = 0; j < header.length; j++ )
			if ( header[ j ].trim().toLowerCase( Locale.ROOT ).equals( want.toLowerCase( Locale.ROOT ) ) )
				return j;
		throw BadInputException.at( file, line, "no column '" + want + "' in the header (need I_s_uA,phase_gradient,error)" );
	}
}
