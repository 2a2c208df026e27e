package org.nisnonlocal.physics;

import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * Per-thread free lists of double arrays by length, for the energy-mode solver's large work arrays (why: a kinetic
 * solve at δε = 1/200 otherwise allocates ~50 MB of spectra and vectors, and over a sweep the garbage collector's
 * system time rivalled the work). Arrays come back with arbitrary contents: borrowers overwrite before reading. The
 * lists die with their thread (the sweep's executor threads end with the sweep).
 */
final class ArrayPool
{
	/** At most this many free arrays are kept per length (beyond it they are left to the garbage collector). */
	private static final int CAPACITY = 4096;

	/** Free lists of one thread, one per length; a handful of lengths, so a linear search (no boxed keys). */
	private static final ThreadLocal< ArrayList< ArrayDeque< double[] > > > FREE = ThreadLocal.withInitial( ArrayList::new );

	private static ArrayDeque< double[] > list( final int length, final boolean create )
	{
		final ArrayList< ArrayDeque< double[] > > all = FREE.get();
		for ( final ArrayDeque< double[] > q : all )
			if ( q.peekLast().length == length )
				return q;
		if ( !create )
			return null;
		final ArrayDeque< double[] > q = new ArrayDeque<>();
		all.add( q );
		return q;
	}

	private ArrayPool() {}

	/** An array of the given length, contents arbitrary. */
	static double[] take( final int length )
	{
		final ArrayDeque< double[] > q = list( length, false );
		// a list is never left empty (its last array identifies its length), so keep one back
		return q != null && q.size() > 1 ? q.pollLast() : new double[ length ];
	}

	/** Gives a back; the caller must not use it afterwards (null is ignored). */
	static void give( final double[] a )
	{
		if ( a == null )
			return;
		final ArrayDeque< double[] > q = list( a.length, true );
		if ( q.isEmpty() || q.size() < CAPACITY )
			q.addLast( a );
	}

	static double[][] take( final int rows, final int length )
	{
		final double[][] a = new double[ rows ][];
		for ( int k = 0; k < rows; k++ )
			a[ k ] = take( length );
		return a;
	}

	static void give( final double[][] a )
	{
		for ( final double[] row : a )
			give( row );
	}
}
