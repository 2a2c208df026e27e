package org.nisnonlocal.cli;

import org.nisnonlocal.io.MapImportOptions;

/** The text-import options every verb that reads a map accepts (ignored for TIFF input). */
final class ImportArgs
{
	static final String USAGE = "[--format auto|long|matrix] [--x-column NAME|N] [--y-column NAME|N] [--value-column NAME|N] "
			+ "[--x-unit U] [--y-unit U] [--value-unit U] [--retrace average|reject|first] [--resample]";

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
				.resample( a.flag( "resample" ) );
	}
}
