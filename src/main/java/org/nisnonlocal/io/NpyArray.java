package org.nisnonlocal.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numpy {@code .npy} array (format 1.0, 2.0 or 3.0), as QCoDeS stores array-valued parameters in SQLite cells:
 * magic {@code \x93NUMPY}, version, header length, a Python dict header
 * ({@code {'descr': '<f8', 'fortran_order': False, 'shape': (500,), }}), then the data. Reads floating-point and integer
 * types of either byte order as doubles, in C order (a Fortran-ordered array is refused, QCoDeS never writes one).
 */
final class NpyArray
{
	private static final Pattern DESCR = Pattern.compile( "'descr'\\s*:\\s*'([<>|=])([fiub])(\\d+)'" );
	private static final Pattern FORTRAN = Pattern.compile( "'fortran_order'\\s*:\\s*(True|False)" );
	private static final Pattern SHAPE = Pattern.compile( "'shape'\\s*:\\s*\\(([^)]*)\\)" );

	final int[] shape;
	final double[] values;

	private NpyArray( final int[] shape, final double[] values )
	{
		this.shape = shape;
		this.values = values;
	}

	static boolean isNpy( final byte[] b )
	{
		return b != null && b.length >= 10 && ( b[ 0 ] & 0xff ) == 0x93 && b[ 1 ] == 'N' && b[ 2 ] == 'U' && b[ 3 ] == 'M' && b[ 4 ] == 'P' && b[ 5 ] == 'Y';
	}

	/** @throws IllegalArgumentException naming what is wrong with the blob */
	static NpyArray parse( final byte[] b )
	{
		if ( !isNpy( b ) )
			throw new IllegalArgumentException( "not a numpy .npy array" );
		final int major = b[ 6 ];
		final ByteBuffer le = ByteBuffer.wrap( b ).order( ByteOrder.LITTLE_ENDIAN );
		final int headerLength, start;
		if ( major == 1 )
		{
			headerLength = le.getShort( 8 ) & 0xffff;
			start = 10;
		}
		else if ( major == 2 || major == 3 )
		{
			headerLength = le.getInt( 8 );
			start = 12;
		}
		else
			throw new IllegalArgumentException( ".npy format version " + major + " is not supported" );
		if ( headerLength < 0 || start + headerLength > b.length )
			throw new IllegalArgumentException( ".npy header runs past the end of the blob" );
		final String header = new String( b, start, headerLength, StandardCharsets.ISO_8859_1 );
		final Matcher d = DESCR.matcher( header );
		if ( !d.find() )
			throw new IllegalArgumentException( ".npy array of a type that is not a plain number: " + header.trim() );
		final Matcher f = FORTRAN.matcher( header );
		if ( f.find() && f.group( 1 ).equals( "True" ) )
			throw new IllegalArgumentException( ".npy array in Fortran order is not supported" );
		final Matcher s = SHAPE.matcher( header );
		if ( !s.find() )
			throw new IllegalArgumentException( ".npy header has no shape" );
		final String[] dims = s.group( 1 ).split( "," );
		int rank = 0;
		for ( final String x : dims )
			if ( !x.trim().isEmpty() )
				rank++;
		final int[] shape = new int[ rank ];
		long count = 1;
		for ( int k = 0, r = 0; k < dims.length; k++ )
			if ( !dims[ k ].trim().isEmpty() )
			{
				shape[ r ] = Integer.parseInt( dims[ k ].trim() );
				count *= shape[ r++ ];
			}
		final char kind = d.group( 2 ).charAt( 0 );
		final int size = Integer.parseInt( d.group( 3 ) );
		final ByteOrder order = d.group( 1 ).equals( ">" ) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		final int offset = start + headerLength;
		if ( offset + count * size > b.length )
			throw new IllegalArgumentException( String.format( ".npy array of %d values needs %d bytes, the blob has %d", count, count * size, b.length - offset ) );
		final ByteBuffer data = ByteBuffer.wrap( b, offset, b.length - offset ).slice().order( order );
		final double[] v = new double[ ( int ) count ];
		for ( int k = 0; k < v.length; k++ )
			v[ k ] = element( data, k, kind, size );
		return new NpyArray( shape, v );
	}

	private static double element( final ByteBuffer d, final int k, final char kind, final int size )
	{
		switch ( kind )
		{
		case 'f':
			if ( size == 8 )
				return d.getDouble( k * 8 );
			if ( size == 4 )
				return d.getFloat( k * 4 );
			break;
		case 'i':
			if ( size == 8 )
				return d.getLong( k * 8 );
			if ( size == 4 )
				return d.getInt( k * 4 );
			if ( size == 2 )
				return d.getShort( k * 2 );
			if ( size == 1 )
				return d.get( k );
			break;
		case 'u':
			if ( size == 4 )
				return d.getInt( k * 4 ) & 0xffffffffL;
			if ( size == 2 )
				return d.getShort( k * 2 ) & 0xffff;
			if ( size == 1 )
				return d.get( k ) & 0xff;
			break;
		case 'b':
			return d.get( k ) != 0 ? 1 : 0;
		default:
			break;
		}
		throw new IllegalArgumentException( ".npy element type " + kind + size + " is not supported" );
	}
}
