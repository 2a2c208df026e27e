package org.nisnonlocal.commands;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.Numbers;

/** Model curves as an ImageJ Plot and a ResultsTable (x column, then one column per curve). */
final class Curves
{
	private static final String[] COLOURS = { "blue", "red", "#2ca02c", "magenta", "orange", "black" };

	private Curves() {}

	static ImagePlus plot( final String title, final String xLabel, final String yLabel, final double[] x, final String[] names, final double[]... ys )
	{
		final Plot p = new Plot( title, xLabel, yLabel );
		final StringBuilder legend = new StringBuilder();
		for ( int k = 0; k < ys.length; k++ )
		{
			p.setColor( COLOURS[ k % COLOURS.length ] );
			p.addPoints( x, ys[ k ], Plot.LINE );
			legend.append( k > 0 ? "\t" : "" ).append( names[ k ] );
		}
		if ( ys.length > 1 )
			p.setLegend( legend.toString(), Plot.AUTO_POSITION );
		p.setLimitsToFit( false );
		return p.getImagePlus();
	}

	static ResultsTable table( final String xName, final double[] x, final String[] names, final double[]... ys )
	{
		final ResultsTable rt = new ResultsTable();
		for ( int i = 0; i < x.length; i++ )
		{
			rt.incrementCounter();
			rt.addValue( xName, x[ i ] );
			for ( int k = 0; k < ys.length; k++ )
				rt.addValue( names[ k ], ys[ k ][ i ] );
		}
		return Tables.fullPrecision( rt );
	}

	/** from, from + step, … ≤ to (inclusive to 1e-9 of a step). */
	static double[] grid( final String name, final double from, final double to, final double step )
	{
		if ( !( step > 0 ) || !Double.isFinite( from ) || !Double.isFinite( to ) || !( to >= from ) )
			throw new BadInputException( name + ": need from <= to and step > 0, got " + from + ", " + to + ", " + step );
		final long n = Numbers.gridCount( from, to, step );
		if ( n > 1_000_000 )
			throw new BadInputException( name + ": " + n + " points is too many (step too small?)" );
		return Numbers.inclusiveGrid( from, to, step );
	}
}
