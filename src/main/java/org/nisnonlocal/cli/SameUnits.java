package org.nisnonlocal.cli;

import java.nio.file.Path;
import java.util.List;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;

/**
 * Maps combined point by point must share their value and axis units. The map algorithms check this too, but know
 * the maps only by position ("map 2"); here the message names the files.
 */
final class SameUnits
{
	private SameUnits() {}

	/** Fails naming the first file whose units differ from those of the first file. */
	static void require( final List< Path > files, final List< ConductanceMap > maps )
	{
		final ConductanceMap first = maps.get( 0 );
		for ( int k = 1; k < maps.size(); k++ )
		{
			final ConductanceMap m = maps.get( k );
			if ( !first.valueUnit().equals( m.valueUnit() ) )
				throw new BadInputException( files.get( k ) + ": values in " + m.valueUnit() + ", but " + files.get( 0 ) + " in " + first.valueUnit()
						+ "; convert one so that both have the same unit" );
			if ( !first.xAxis().unit().equals( m.xAxis().unit() ) || !first.yAxis().unit().equals( m.yAxis().unit() ) )
				throw new BadInputException( files.get( k ) + ": axes in " + m.xAxis().unit() + " × " + m.yAxis().unit() + ", but " + files.get( 0 ) + " in "
						+ first.xAxis().unit() + " × " + first.yAxis().unit() + "; convert one so that both have the same units" );
		}
	}
}
