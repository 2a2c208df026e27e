package org.nisnonlocal.cli;

import org.nisnonlocal.io.MapImportOptions;

/**
 * The import options every verb that reads a map accepts (ignored for TIFF input). For measurement files (QCoDeS
 * database, HDF5, GNUPlot .dat, Nanonis .3ds) {@code --run} picks the run and the column options name the parameters.
 */
final class ImportArgs
{
	static final String USAGE = "[--format auto|long|matrix] [--x-column NAME|N] [--y-column NAME|N] [--value-column NAME|N] "
			+ "[--x-unit U] [--y-unit U] [--value-unit U] [--retrace average|reject|first] [--resample] [--run ID]";

	private ImportArgs() {}

	static MapImportOptions parse( final Args a )
	{
		return new MapImportOptions()
				.format( MapImportOptions.Format.parse( a.string( "format", "auto" ) ) )
				.xColumn( a.string( "x-column", null ) )
				.yColumn( a.string( "y-column", null ) )
				.valueColumn( a.string( "value-column", null ) )
				.xUnit( a.string( "x-unit", null ) )
				.yUnit( a.string( "y-unit", null ) )
				.valueUnit( a.string( "value-unit", null ) )
				.retrace( MapImportOptions.Retrace.parse( a.string( "retrace", "average" ) ) )
				.resample( a.flag( "resample" ) )
				.run( a.string( "run", null ) );
	}

	/** {@code --x}, {@code --y}, {@code --value}: the short names {@code convert} and {@code inspect} accept. */
	static MapImportOptions withShortNames( final MapImportOptions o, final Args a )
	{
		final String x = a.string( "x", null ), y = a.string( "y", null ), v = a.string( "value", null );
		if ( x != null )
			o.xColumn( x );
		if ( y != null )
			o.yColumn( y );
		if ( v != null )
			o.valueColumn( v );
		return o;
	}
}
