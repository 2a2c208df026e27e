package org.nisnonlocal.ij1;

import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import ij.process.StackStatistics;

import org.nisnonlocal.io.NanonisGrid;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.Units;

/**
 * A Nanonis grid as ImageJ sees it: one channel as a hyperstack (x, y, sweep as z), calibrated in nm and mV when the
 * file is in m and V, y up (grid line 0 at the bottom), the sweep ascending; and the per-pixel parameters as a table.
 */
public final class GridStacks
{
	private GridStacks() {}

	public static ImagePlus toImagePlus( final NanonisGrid g, final int channel, final String title )
	{
		final int nx = g.width(), ny = g.height(), nz = g.points();
		final Axis x = nice( g.xAxis(), "nm" ), y = nice( g.yAxis(), "nm" ), z = nice( g.sweep(), "mV" );
		final ImageStack stack = new ImageStack( nx, ny );
		for ( int k = 0; k < nz; k++ )
		{
			final float[] px = new float[ nx * ny ];
			for ( int line = 0; line < ny; line++ )
				for ( int i = 0; i < nx; i++ )
					px[ ( ny - 1 - line ) * nx + i ] = g.value( channel, i, line, k );
			stack.addSlice( String.format( Locale.ROOT, "%s = %s %s", z.name(), Numbers.format( round( z.value( k ) ) ), z.unit() ), new FloatProcessor( nx, ny, px ) );
		}
		final ImagePlus imp = new ImagePlus( title, stack );
		imp.setDimensions( 1, nz, 1 );
		imp.setOpenAsHyperStack( true );
		final Calibration cal = new Calibration();
		cal.setXUnit( x.unit() );
		cal.setYUnit( y.unit() );
		cal.setZUnit( z.unit() );
		cal.pixelWidth = x.step();
		cal.pixelHeight = y.step();
		cal.pixelDepth = z.step();
		cal.xOrigin = -x.origin() / x.step();
		cal.yOrigin = y.max() / y.step();
		cal.setInvertY( true );
		cal.zOrigin = -z.origin() / z.step();
		cal.setValueUnit( g.channelUnit( channel ) );
		imp.setCalibration( cal );
		final StringBuilder info = new StringBuilder( "Nanonis grid " + nx + " × " + ny + " × " + nz + ", channel " + g.channels().get( channel ) + "\n" );
		info.append( "x=" ).append( x ).append( "\ny=" ).append( y ).append( "\nz=" ).append( z ).append( g.sweepReversed() ? " (swept downward in the file, shown ascending)" : "" ).append( '\n' );
		info.append( String.join( "\n", g.metadata().toLines() ) ).append( "\n[header]\n" );
		for ( final Map.Entry< String, String > e : g.header().entrySet() )
			info.append( e.getKey() ).append( '=' ).append( e.getValue() ).append( '\n' );
		imp.setProperty( "Info", info.toString() );
		final StackStatistics s = new StackStatistics( imp );
		imp.setDisplayRange( s.min, s.max );
		return imp;
	}

	/** The per-pixel parameters: one row per pixel (x_index, y_index from the bottom), one column per parameter. */
	public static ResultsTable parameters( final NanonisGrid g )
	{
		final ResultsTable t = new ResultsTable();
		for ( int line = 0; line < g.height(); line++ )
			for ( int i = 0; i < g.width(); i++ )
			{
				t.incrementCounter();
				t.addValue( "x_index", i );
				t.addValue( "y_index", line );
				for ( int p = 0; p < g.parameters().size(); p++ )
					t.addValue( g.parameters().get( p ), g.parameter( p, i, line ) );
			}
		t.setPrecision( -6 );
		t.setDecimalPlaces( t.getColumnIndex( "x_index" ), 0 );
		t.setDecimalPlaces( t.getColumnIndex( "y_index" ), 0 );
		return t;
	}

	/** The axis in a display unit of the same kind when that reads better (m → nm, V → mV). */
	private static Axis nice( final Axis a, final String unit )
	{
		if ( a.unit().equals( "m" ) && unit.equals( "nm" ) )
			return new Axis( a.name(), "nm", a.origin() * 1e9, a.step() * 1e9, a.size() );
		if ( Units.isKnown( a.unit() ) && Units.isKnown( unit ) && Units.kind( a.unit() ).equals( Units.kind( unit ) ) )
			return a.inUnit( unit );
		return a;
	}

	/** Slice labels to 5 significant digits ("48.819 mV", not "48.818898 mV"). */
	private static double round( final double v ) { return Double.parseDouble( String.format( Locale.ROOT, "%.5g", v ) ); }
}
