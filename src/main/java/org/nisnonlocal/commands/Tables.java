package org.nisnonlocal.commands;

import ij.measure.ResultsTable;

/** ResultsTable defaults show 3 decimals: too few for µeV gaps in eV or µV offsets in V. */
final class Tables
{
	private Tables() {}

	/** Every numeric column in scientific notation with 9 digits, so saved tables keep the precision. */
	static ResultsTable fullPrecision( final ResultsTable rt )
	{
		for ( int c = 0; c <= rt.getLastColumn(); c++ )
			if ( rt.columnExists( c ) )
				rt.setDecimalPlaces( c, -9 );
		return rt;
	}
}
