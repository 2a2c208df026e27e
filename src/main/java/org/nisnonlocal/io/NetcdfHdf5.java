package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;

/**
 * netCDF4 (HDF5 underneath) as xarray writes it, e.g. QCoDeS' {@code export("netcdf")}: coordinate variables are 1D
 * datasets marked {@code CLASS = DIMENSION_SCALE}, data variables are the other datasets; units in {@code units},
 * names in {@code long_name}. A 2D variable's first dimension is y (the outer loop), its second x; each is matched to
 * the coordinate of that length (in {@code _Netcdf4Dimid} order when two have the same length). Global attributes
 * (QCoDeS writes run_id, guid, timestamps) go to the map's metadata.
 */
final class NetcdfHdf5
{
	private NetcdfHdf5() {}

	private static final class Var
	{
		final String name;
		final Dataset d;
		final int[] dims;
		final String unit;
		final String longName;
		final int dimId;

		Var( final String name, final Dataset d )
		{
			this.name = name;
			this.d = d;
			this.dims = d.getDimensions();
			final String u = Hdf5Import.text( d, "units" );
			this.unit = u == null || u.isEmpty() ? null : u;
			this.longName = Hdf5Import.text( d, "long_name" );
			final double[] id = Hdf5Import.numbers( d, "_Netcdf4Dimid" );
			this.dimId = id != null && id.length == 1 ? ( int ) id[ 0 ] : Integer.MAX_VALUE;
		}
	}

	static boolean hasDimensionScales( final HdfFile h )
	{
		for ( final Node n : h.getChildren().values() )
			if ( n instanceof Dataset && "DIMENSION_SCALE".equals( Hdf5Import.text( n, "CLASS" ) ) )
				return true;
		return false;
	}

	private static List< Var > coordinates( final HdfFile h )
	{
		final List< Var > out = new ArrayList<>();
		for ( final Map.Entry< String, Node > e : h.getChildren().entrySet() )
			if ( e.getValue() instanceof Dataset && "DIMENSION_SCALE".equals( Hdf5Import.text( e.getValue(), "CLASS" ) ) )
				out.add( new Var( e.getKey(), ( Dataset ) e.getValue() ) );
		out.sort( ( a, b ) -> Integer.compare( a.dimId, b.dimId ) );
		return out;
	}

	private static List< Var > variables( final HdfFile h )
	{
		final List< Var > out = new ArrayList<>();
		for ( final Map.Entry< String, Node > e : h.getChildren().entrySet() )
			if ( e.getValue() instanceof Dataset && !"DIMENSION_SCALE".equals( Hdf5Import.text( e.getValue(), "CLASS" ) ) )
				out.add( new Var( e.getKey(), ( Dataset ) e.getValue() ) );
		return out;
	}

	static FileContents contents( final Path file, final HdfFile h )
	{
		final List< FileContents.Row > rows = new ArrayList<>();
		for ( final Var c : coordinates( h ) )
			rows.add( new FileContents.Row( "", "", c.name, "coordinate", "", Hdf5Import.shapeText( c.dims ), c.unit, c.longName ) );
		for ( final Var v : variables( h ) )
		{
			final List< String > on = new ArrayList<>();
			try
			{
				for ( final Var c : axes( file, h, v ) )
					on.add( c.name );
			}
			catch ( final BadInputException e )
			{
				// a variable that is not on two coordinates: listed without them
			}
			rows.add( new FileContents.Row( "", "", v.name, "variable", String.join( ",", on ), Hdf5Import.shapeText( v.dims ), v.unit, v.longName ) );
		}
		return new FileContents( "netCDF4 (HDF5)", rows, new ArrayList<>() );
	}

	/** {y, x} coordinates of a 2D variable. */
	private static Var[] axes( final Path file, final HdfFile h, final Var v )
	{
		if ( v.dims.length != 2 )
			throw new BadInputException( file + ": variable '" + v.name + "' has shape " + Hdf5Import.shapeText( v.dims ) + ": not a map" );
		final List< Var > coords = coordinates( h );
		final Var[] out = new Var[ 2 ];
		// netCDF-4 lists a variable's dimension ids; a coordinate carries its own
		final double[] ids = Hdf5Import.numbers( v.d, "_Netcdf4Coordinates" );
		if ( ids != null && ids.length == 2 )
			for ( int a = 0; a < 2; a++ )
				for ( final Var c : coords )
					if ( c.dimId == ( int ) ids[ a ] && c.dims.length == 1 && c.dims[ 0 ] == v.dims[ a ] )
						out[ a ] = c;
		for ( int a = 0; a < 2; a++ )
			for ( final Var c : coords )
				if ( out[ a ] == null && c.dims.length == 1 && c != out[ 1 - a ] && c.dims[ 0 ] == v.dims[ a ] && ( a == 0 || c != out[ 0 ] ) )
					out[ a ] = c;
		if ( out[ 0 ] == null || out[ 1 ] == null )
			throw new BadInputException( file + ": variable '" + v.name + "' (" + Hdf5Import.shapeText( v.dims ) + ") has no coordinate of length " + v.dims[ out[ 0 ] == null ? 0 : 1 ] );
		return out;
	}

	static ImportedMap map( final Path file, final HdfFile h, final MapImportOptions o )
	{
		final List< String > report = new ArrayList<>();
		final List< Var > vars = variables( h );
		Var value = null;
		for ( final Var v : vars )
			if ( o.valueColumn() != null ? v.name.equalsIgnoreCase( o.valueColumn().trim() ) : value == null && v.dims.length == 2 )
				value = v;
		if ( value == null )
		{
			final List< String > names = new ArrayList<>();
			vars.forEach( v -> names.add( v.name ) );
			throw new BadInputException( file + ": " + ( o.valueColumn() != null ? "no variable '" + o.valueColumn() + "'" : "no 2D variable" ) + " (the variables are " + String.join( ", ", names ) + ")" );
		}
		final Var[] yx = axes( file, h, value );
		report.add( "read " + file + ": netCDF4, variable " + value.name + " " + Hdf5Import.shapeText( value.dims ) + " on " + yx[ 0 ].name + " × " + yx[ 1 ].name );
		final int ny = value.dims[ 0 ], nx = value.dims[ 1 ];
		final double[] v = Hdf5Import.values( file, value.d ), xv = Hdf5Import.values( file, yx[ 1 ].d ), yv = Hdf5Import.values( file, yx[ 0 ].d );
		final double[] xs = new double[ nx * ny ], ys = new double[ nx * ny ];
		for ( int j = 0; j < ny; j++ )
			for ( int i = 0; i < nx; i++ )
			{
				xs[ j * nx + i ] = xv[ i ];
				ys[ j * nx + i ] = yv[ j ];
			}
		final MapMetadata meta = Hdf5Import.rootAttributes( h, "nc_", MapMetadata.empty().with( "file_format", "netCDF4" ) );
		return PointsToMap.build( file, "netcdf", param( yx[ 1 ] ), param( yx[ 0 ] ), param( value ), xs, ys, v, meta, o, report );
	}

	private static PointsToMap.Param param( final Var v )
	{
		return new PointsToMap.Param( v.name, v.unit, "units attribute" );
	}
}
