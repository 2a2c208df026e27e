package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;

/**
 * Legacy QCoDeS HDF5Format ({@code qcodes.data}, the pre-2018 Loop API): a group {@code Data Arrays} with one dataset
 * per array, stored flattened as (N, 1), with string attributes {@code name}, {@code label}, {@code units} (often a
 * stringified list, {@code "['']"}), {@code is_setpoint} ('True'/'False'), {@code shape} ([outer, inner]) and
 * {@code set_arrays} (the setpoint arrays, outer first). A setpoint of rank k is indexed by the first k coordinates.
 * When {@code units} is empty the unit is taken from a label like {@code "P4 (mV)"}, and the report says so.
 */
final class QcodesHdf5
{
	private QcodesHdf5() {}

	/** One array's attributes. */
	private static final class Arr
	{
		final String name;
		final Dataset data;
		final String label;
		final String unit;
		final boolean unitFromLabel;
		final boolean setpoint;
		final int[] shape;
		final List< String > setArrays;

		Arr( final String name, final Dataset d )
		{
			this.name = name;
			this.data = d;
			final String lab = Hdf5Import.text( d, "label" );
			label = lab == null ? name : lab;
			final String u = cleanUnit( Hdf5Import.text( d, "units" ) );
			final HeaderName h = new HeaderName( label );
			unitFromLabel = u == null && h.unit != null;
			unit = u != null ? u : h.unit;
			setpoint = "true".equalsIgnoreCase( Hdf5Import.text( d, "is_setpoint" ) );
			final double[] s = Hdf5Import.numbers( d, "shape" );
			if ( s != null && s.length > 0 )
			{
				shape = new int[ s.length ];
				for ( int k = 0; k < s.length; k++ )
					shape[ k ] = ( int ) s[ k ];
			}
			else
				shape = new int[] { d.getDimensions().length > 0 ? d.getDimensions()[ 0 ] : 1 };
			setArrays = new ArrayList<>();
			for ( final String a : Hdf5Import.texts( d, "set_arrays" ) )
				if ( a != null && !a.isEmpty() )
					setArrays.add( a );
		}

		long size()
		{
			long n = 1;
			for ( final int s : shape )
				n *= s;
			return n;
		}
	}

	/** "['mV']" → "mV", "['']" or "" → null. */
	static String cleanUnit( final String u )
	{
		if ( u == null )
			return null;
		final String t = u.trim().replaceAll( "^\\[|\\]$", "" ).trim().replaceAll( "^[bu]?['\"]|['\"]$", "" ).trim();
		return t.isEmpty() ? null : t;
	}

	private static Map< String, Arr > arrays( final HdfFile h )
	{
		final Map< String, Arr > out = new LinkedHashMap<>();
		final Group g = ( Group ) Hdf5Import.child( h, "Data Arrays" );
		for ( final Map.Entry< String, Node > e : g.getChildren().entrySet() )
			if ( e.getValue() instanceof Dataset )
				out.put( e.getKey(), new Arr( e.getKey(), ( Dataset ) e.getValue() ) );
		return out;
	}

	static FileContents contents( final Path file, final HdfFile h )
	{
		final List< FileContents.Row > rows = new ArrayList<>();
		String first2d = null;
		for ( final Arr a : arrays( h ).values() )
		{
			rows.add( new FileContents.Row( "", "", a.name, a.setpoint ? "setpoint" : "measured", String.join( ",", a.setArrays ), Hdf5Import.shapeText( a.shape ), a.unit
					+ ( a.unitFromLabel ? " (from label)" : "" ), a.label ) );
			if ( first2d == null && !a.setpoint && a.shape.length == 2 )
				first2d = a.name + " against " + String.join( " (y) and ", a.setArrays ) + " (x)";
		}
		final List< String > notes = new ArrayList<>();
		notes.add( first2d != null ? "default map: " + first2d : "no 2D measured array: no map" );
		return new FileContents( "legacy QCoDeS HDF5", rows, notes );
	}

	static ImportedMap map( final Path file, final HdfFile h, final MapImportOptions o )
	{
		final Map< String, Arr > arrays = arrays( h );
		final List< String > report = new ArrayList<>();
		report.add( "read " + file + ": legacy QCoDeS HDF5, arrays " + String.join( ", ", arrays.keySet() ) );
		Arr value = null;
		if ( o.valueColumn() != null )
		{
			value = find( file, arrays, o.valueColumn() );
			if ( value.setpoint )
				throw new BadInputException( file + ": '" + value.name + "' is a setpoint array, not a measured one" );
		}
		else
			for ( final Arr a : arrays.values() )
				if ( value == null && !a.setpoint && a.shape.length == 2 )
					value = a;
		if ( value == null )
			throw new BadInputException( file + ": no measured array on a 2D grid (arrays: " + String.join( ", ", arrays.keySet() ) + ")" );
		if ( value.shape.length != 2 || value.setArrays.size() != 2 )
			throw new BadInputException( file + ": '" + value.name + "' has shape " + Hdf5Import.shapeText( value.shape ) + " and setpoints " + value.setArrays + ": not a map" );
		final Arr xa = o.xColumn() != null ? find( file, arrays, o.xColumn() ) : find( file, arrays, value.setArrays.get( 1 ) );
		final Arr ya = o.yColumn() != null ? find( file, arrays, o.yColumn() ) : find( file, arrays, value.setArrays.get( 0 ) );
		final int n0 = value.shape[ 0 ], n1 = value.shape[ 1 ];
		final double[] v = Hdf5Import.values( file, value.data );
		final double[] xv = Hdf5Import.values( file, xa.data ), yv = Hdf5Import.values( file, ya.data );
		final int n = n0 * n1;
		if ( v.length < n )
			report.add( "incomplete: " + v.length + " of " + n + " points stored; the rest is NaN" );
		final double[] xs = new double[ n ], ys = new double[ n ], vs = new double[ n ];
		for ( int r = 0; r < n0; r++ )
			for ( int c = 0; c < n1; c++ )
			{
				final int k = r * n1 + c;
				xs[ k ] = at( xa, xv, r, k );
				ys[ k ] = at( ya, yv, r, k );
				vs[ k ] = k < v.length ? v[ k ] : Double.NaN;
			}
		for ( final Arr a : new Arr[] { xa, ya, value } )
			if ( a.unitFromLabel )
				report.add( a.name + ": unit " + a.unit + " guessed from the label \"" + a.label + "\" (its units attribute is empty)" );
		final MapMetadata meta = Hdf5Import.rootAttributes( h, "hdf5_", MapMetadata.empty().with( "file_format", "legacy QCoDeS HDF5" ) );
		return PointsToMap.build( file, "qcodes-hdf5", param( xa ), param( ya ), param( value ), xs, ys, vs, meta, o, report );
	}

	/** A setpoint's value at grid row r / flat index k: rank-1 arrays are indexed by the outer coordinate. */
	private static double at( final Arr a, final double[] v, final int r, final int k )
	{
		final int i = a.shape.length == 1 ? r : k;
		return i < v.length ? v[ i ] : Double.NaN;
	}

	private static PointsToMap.Param param( final Arr a )
	{
		return new PointsToMap.Param( a.name, a.unit, a.unitFromLabel ? "guessed from the label \"" + a.label + "\"" : "units attribute" );
	}

	private static Arr find( final Path file, final Map< String, Arr > arrays, final String name )
	{
		for ( final Arr a : arrays.values() )
			if ( a.name.equalsIgnoreCase( name.trim() ) )
				return a;
		throw new BadInputException( file + ": no array '" + name + "' (the arrays are " + String.join( ", ", arrays.keySet() ) + ")" );
	}
}
