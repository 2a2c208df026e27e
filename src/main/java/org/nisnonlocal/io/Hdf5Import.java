package org.nisnonlocal.io;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.nisnonlocal.BadInputException;

/**
 * HDF5 measurement files, read with jHDF (pure Java, read-only): Labber logs ({@link LabberLog}), legacy QCoDeS
 * HDF5Format ({@link QcodesHdf5}) and netCDF4 as written by xarray / QCoDeS' export ({@link NetcdfHdf5}). A damaged or
 * truncated file is one message naming the file.
 */
final class Hdf5Import
{
	private Hdf5Import() {}

	/** Which HDF5 layout a file has. */
	enum Layout
	{
		LABBER, QCODES_LEGACY, NETCDF
	}

	/** Work on an open file. */
	interface Job< T >
	{
		T run( HdfFile h );
	}

	static < T > T with( final Path file, final Job< T > job )
	{
		try (HdfFile h = new HdfFile( file ))
		{
			return job.run( h );
		}
		catch ( final BadInputException e )
		{
			throw e;
		}
		catch ( final RuntimeException | NoClassDefFoundError e )
		{
			throw new BadInputException( file + ": truncated or damaged HDF5 file (" + oneLine( e ) + ")", e );
		}
	}

	private static String oneLine( final Throwable e )
	{
		final String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		final int nl = m.indexOf( '\n' );
		return nl < 0 ? m : m.substring( 0, nl );
	}

	static Layout layout( final Path file, final HdfFile h )
	{
		if ( h.getAttribute( "log_name" ) != null || child( h, "Data" ) instanceof Group && child( ( Group ) child( h, "Data" ), "Channel names" ) != null )
			return Layout.LABBER;
		if ( child( h, "Data Arrays" ) instanceof Group )
			return Layout.QCODES_LEGACY;
		if ( h.getAttribute( "_NCProperties" ) != null || NetcdfHdf5.hasDimensionScales( h ) )
			return Layout.NETCDF;
		throw new BadInputException( file + ": an HDF5 file, but neither a Labber log, a legacy QCoDeS data set nor netCDF4 (top level: " + String.join( ", ", h.getChildren().keySet() ) + ")" );
	}

	static FileContents contents( final Path file )
	{
		return with( file, h -> {
			switch ( layout( file, h ) )
			{
			case LABBER:
				return LabberLog.contents( file, h );
			case QCODES_LEGACY:
				return QcodesHdf5.contents( file, h );
			default:
				return NetcdfHdf5.contents( file, h );
			}
		} );
	}

	static ImportedMap map( final Path file, final MapImportOptions o )
	{
		return with( file, h -> {
			switch ( layout( file, h ) )
			{
			case LABBER:
				return LabberLog.map( file, h, o );
			case QCODES_LEGACY:
				return QcodesHdf5.map( file, h, o );
			default:
				return NetcdfHdf5.map( file, h, o );
			}
		} );
	}

	// -- helpers shared by the layouts --

	static Node child( final Group g, final String name )
	{
		return g.getChildren().get( name );
	}

	/** An attribute as text: strings as they are, a one-element array as its element, numbers in full. Null if absent. */
	static String text( final Node n, final String name )
	{
		final Attribute a = n.getAttribute( name );
		if ( a == null )
			return null;
		return text( a.getData() );
	}

	static String text( final Object d )
	{
		if ( d == null )
			return null;
		if ( d.getClass().isArray() )
		{
			final int len = Array.getLength( d );
			final StringBuilder b = new StringBuilder();
			for ( int k = 0; k < len; k++ )
				b.append( k == 0 ? "" : "," ).append( text( Array.get( d, k ) ) );
			return b.toString();
		}
		if ( d instanceof byte[] )
			return new String( ( byte[] ) d, java.nio.charset.StandardCharsets.UTF_8 );
		if ( d instanceof Double || d instanceof Float )
			return Numbers.format( ( ( Number ) d ).doubleValue() );
		return String.valueOf( d ).trim();
	}

	/** An attribute's elements as strings (a scalar gives one). */
	static List< String > texts( final Node n, final String name )
	{
		final List< String > out = new ArrayList<>();
		final Attribute a = n.getAttribute( name );
		if ( a == null )
			return out;
		flatten( a.getData(), out );
		return out;
	}

	private static void flatten( final Object d, final List< String > out )
	{
		if ( d != null && d.getClass().isArray() && !( d instanceof byte[] ) )
			for ( int k = 0; k < Array.getLength( d ); k++ )
				flatten( Array.get( d, k ), out );
		else
			out.add( text( d ) );
	}

	/** An attribute's numbers (integers or floats, any rank), or null. */
	static double[] numbers( final Node n, final String name )
	{
		final Attribute a = n.getAttribute( name );
		if ( a == null )
			return null;
		final List< Double > out = new ArrayList<>();
		numbers( a.getData(), out );
		final double[] v = new double[ out.size() ];
		for ( int k = 0; k < v.length; k++ )
			v[ k ] = out.get( k );
		return v;
	}

	private static void numbers( final Object d, final List< Double > out )
	{
		if ( d instanceof Number )
			out.add( ( ( Number ) d ).doubleValue() );
		else if ( d != null && d.getClass().isArray() )
			for ( int k = 0; k < Array.getLength( d ); k++ )
				numbers( Array.get( d, k ), out );
	}

	/** A numeric dataset, flattened in C order, as doubles. */
	static double[] values( final Path file, final Dataset d )
	{
		final Object flat = d.getDataFlat();
		if ( flat == null || !flat.getClass().isArray() )
			throw new BadInputException( file + ": dataset " + d.getPath() + " is not an array of numbers" );
		final int n = Array.getLength( flat );
		final double[] v = new double[ n ];
		if ( flat instanceof float[] )
		{
			final float[] f = ( float[] ) flat;
			for ( int k = 0; k < n; k++ )
				v[ k ] = f[ k ];
		}
		else if ( flat instanceof double[] )
			System.arraycopy( flat, 0, v, 0, n );
		else
			for ( int k = 0; k < n; k++ )
			{
				final Object o = Array.get( flat, k );
				if ( !( o instanceof Number ) )
					throw new BadInputException( file + ": dataset " + d.getPath() + " holds " + ( o == null ? "nothing" : o.getClass().getSimpleName() ) + ", not numbers" );
				v[ k ] = ( ( Number ) o ).doubleValue();
			}
		return v;
	}

	static String shapeText( final int[] dims )
	{
		final StringBuilder b = new StringBuilder();
		for ( final int s : dims )
			b.append( b.length() == 0 ? "" : " × " ).append( s );
		return b.length() == 0 ? "scalar" : b.toString();
	}

	/** Root attributes with simple values, as metadata entries "prefix + name". */
	static org.nisnonlocal.maps.MapMetadata rootAttributes( final Node root, final String prefix, org.nisnonlocal.maps.MapMetadata m )
	{
		for ( final Map.Entry< String, Attribute > e : root.getAttributes().entrySet() )
		{
			final Object d = e.getValue().getData();
			final String t = text( d );
			if ( t != null && !t.isEmpty() && t.length() < 200 )
				m = m.with( prefix + e.getKey().replaceAll( "\\s+", "_" ), t );
		}
		return m;
	}
}
