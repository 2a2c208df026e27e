package org.nisnonlocal.maps;

import java.util.Arrays;
import java.util.Objects;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * A conductance map g(x, y) on uniform axes, typically x = V_inj and y = V_det (the y axis may also be a field or a
 * supercurrent), stored as an ImgLib2 {@code ArrayImg<FloatType>}.
 * <p>
 * <b>Storage is in display order</b>: image row 0 is the <em>top</em> row, i.e. the largest y, so that the same
 * {@code float[]} shown by ImageJ (which draws row 0 at the top) has y increasing upward. Use {@link #get(int, int)}
 * with j counting up from the smallest y, or {@link #ascendingView()}, and algorithms need not care.
 * <pre>
 *   data()[ (height − 1 − j) · width + i ]  =  g( x.value(i), y.value(j) )
 * </pre>
 * Missing points are NaN. Maps are treated as values: operations return new maps and never write their inputs.
 */
public final class ConductanceMap
{
	private final ArrayImg< FloatType, FloatArray > img;
	private final float[] data;
	private final Axis x;
	private final Axis y;
	private final String quantity;
	private final String valueUnit;
	private final MapMetadata metadata;

	/** Wraps {@code data} (display order, length x.size()·y.size()) without copying. */
	public ConductanceMap( final float[] data, final Axis x, final Axis y, final String quantity, final String valueUnit, final MapMetadata metadata )
	{
		if ( data.length != ( long ) x.size() * y.size() )
			throw new IllegalArgumentException( "map data has " + data.length + " values, axes need " + x.size() + "×" + y.size() );
		this.data = data;
		this.img = ArrayImgs.floats( data, x.size(), y.size() );
		this.x = x;
		this.y = y;
		this.quantity = Objects.requireNonNull( quantity );
		this.valueUnit = Units.canonical( valueUnit );
		this.metadata = metadata == null ? MapMetadata.empty() : metadata;
	}

	/** A new map filled with NaN (every point missing until set). */
	public static ConductanceMap empty( final Axis x, final Axis y, final String quantity, final String valueUnit, final MapMetadata metadata )
	{
		final float[] d = new float[ x.size() * y.size() ];
		Arrays.fill( d, Float.NaN );
		return new ConductanceMap( d, x, y, quantity, valueUnit, metadata );
	}

	/** A new map g(i, j) from a function of the indices (j counts up from the smallest y). */
	public static ConductanceMap fromFunction( final Axis x, final Axis y, final String quantity, final String valueUnit, final MapMetadata metadata, final IndexFunction f )
	{
		final ConductanceMap m = empty( x, y, quantity, valueUnit, metadata );
		for ( int j = 0; j < y.size(); j++ )
			for ( int i = 0; i < x.size(); i++ )
				m.set( i, j, ( float ) f.value( i, j ) );
		return m;
	}

	/** g at grid indices. */
	@FunctionalInterface
	public interface IndexFunction
	{
		double value( int i, int j );
	}

	public ArrayImg< FloatType, FloatArray > img() { return img; }

	/** The pixel array in display order (row 0 = largest y). Shared, not copied. */
	public float[] data() { return data; }

	/** The image with y ascending: element (i, j) is g(x.value(i), y.value(j)). A view, no copy. */
	public RandomAccessibleInterval< FloatType > ascendingView() { return Views.zeroMin( Views.invertAxis( img, 1 ) ); }

	public Axis xAxis() { return x; }

	public Axis yAxis() { return y; }

	public int width() { return x.size(); }

	public int height() { return y.size(); }

	/** What the values are: "g_nl", "g_sa", "G", "residual", … */
	public String quantity() { return quantity; }

	public String valueUnit() { return valueUnit; }

	public MapMetadata metadata() { return metadata; }

	public int index( final int i, final int j ) { return ( y.size() - 1 - j ) * x.size() + i; }

	public float get( final int i, final int j ) { return data[ index( i, j ) ]; }

	/** Writes one point. Only for code that has just created this map. */
	public void set( final int i, final int j, final float v ) { data[ index( i, j ) ] = v; }

	/** Row j (ascending y) as a new array over x. */
	public double[] row( final int j )
	{
		final double[] r = new double[ x.size() ];
		for ( int i = 0; i < r.length; i++ )
			r[ i ] = get( i, j );
		return r;
	}

	/** Column i as a new array over ascending y. */
	public double[] column( final int i )
	{
		final double[] c = new double[ y.size() ];
		for ( int j = 0; j < c.length; j++ )
			c[ j ] = get( i, j );
		return c;
	}

	public ConductanceMap copy() { return new ConductanceMap( data.clone(), x, y, quantity, valueUnit, metadata ); }

	/** Same values, other description (no copy of the pixels: the result shares them). */
	public ConductanceMap relabel( final String newQuantity, final String newValueUnit, final MapMetadata newMetadata )
	{
		return new ConductanceMap( data, x, y, newQuantity, newValueUnit, newMetadata );
	}

	/** Same values on relabelled axes (no copy). */
	public ConductanceMap withAxes( final Axis newX, final Axis newY )
	{
		return new ConductanceMap( data, newX, newY, quantity, valueUnit, metadata );
	}

	public ConductanceMap withMetadata( final MapMetadata m ) { return new ConductanceMap( data, x, y, quantity, valueUnit, m ); }

	/** Number of points that are not NaN. */
	public int validCount()
	{
		int n = 0;
		for ( final float v : data )
			if ( !Float.isNaN( v ) )
				n++;
		return n;
	}

	/** {min, max} over non-NaN points; {NaN, NaN} if none. */
	public double[] range()
	{
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for ( final float v : data )
			if ( !Float.isNaN( v ) )
			{
				lo = Math.min( lo, v );
				hi = Math.max( hi, v );
			}
		return lo <= hi ? new double[] { lo, hi } : new double[] { Double.NaN, Double.NaN };
	}

	@Override
	public String toString() { return quantity + " [" + valueUnit + "] " + x.size() + "×" + y.size() + " (" + x + "; " + y + ")"; }
}
