package org.nisnonlocal.maps;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.nisnonlocal.BadInputException;

/**
 * ∂g/∂x or ∂g/∂y of a map in calibrated units (value unit per axis unit), e.g. dI_det/dV_inj from a current map.
 * <ul>
 * <li>{@link #central}: second-order finite differences, (g[i+1] − g[i−1]) / 2h inside and the one-sided
 * (−3g[0] + 4g[1] − g[2]) / 2h and (3g[n−1] − 4g[n−2] + g[n−3]) / 2h at the two ends, so the error is O(h²)
 * everywhere (error +h²/6·g''' inside, −h²/3·g''' at the ends). A two-point axis gets the plain difference (first order).</li>
 * <li>{@link #savitzkyGolay}: the derivative of the least-squares polynomial of degree {@code order} through the W
 * points of a window centred on each point (odd W ≥ 3, order &lt; W). Near the ends the window is shifted inside the
 * axis and the polynomial's derivative is taken at the off-centre point, so polynomials of degree ≤ order are
 * differentiated exactly everywhere. A wider window smooths more: for white noise of σ the derivative's noise is
 * ≈ σ·sqrt(12 / (W³ − W)) / h for order 1–2.</li>
 * </ul>
 * A NaN anywhere in the points a derivative uses makes that derivative NaN; other points are unaffected.
 * The result's quantity is "d&lt;q&gt;/d&lt;axis name&gt;" and its unit follows {@link #derivativeUnit}.
 */
public final class MapDerivative
{
	private MapDerivative() {}

	/** Second-order central differences along {@code along}; history "derivative axis=vinj method=central". */
	public static ConductanceMap central( final ConductanceMap map, final MapAxis along )
	{
		final Axis a = along.of( map );
		if ( a.size() < 2 )
			throw new BadInputException( "derivative: the " + a.name() + " axis has a single point" );
		final double h = a.step();
		final ConductanceMap out = emptyResult( map, along, "derivative axis=" + along.spelling() + " method=central" );
		final int lines = along.otherOf( map ).size();
		final int n = a.size();
		for ( int k = 0; k < lines; k++ )
		{
			final double[] g = along.line( map, k );
			for ( int i = 0; i < n; i++ )
			{
				final double d;
				if ( n == 2 )
					d = ( g[ 1 ] - g[ 0 ] ) / h;
				else if ( i == 0 )
					d = ( -3 * g[ 0 ] + 4 * g[ 1 ] - g[ 2 ] ) / ( 2 * h );
				else if ( i == n - 1 )
					d = ( 3 * g[ n - 1 ] - 4 * g[ n - 2 ] + g[ n - 3 ] ) / ( 2 * h );
				else
					d = ( g[ i + 1 ] - g[ i - 1 ] ) / ( 2 * h );
				along.set( out, i, k, ( float ) d );
			}
		}
		return out;
	}

	/**
	 * Savitzky–Golay derivative along {@code along}: local least-squares polynomial of degree {@code order} over
	 * {@code window} points (odd, ≥ 3, &gt; order, ≤ axis size). History
	 * "derivative axis=vdet method=savitzky-golay window=7 order=3".
	 */
	public static ConductanceMap savitzkyGolay( final ConductanceMap map, final MapAxis along, final int window, final int order )
	{
		final Axis a = along.of( map );
		if ( window < 3 || window % 2 == 0 )
			throw new BadInputException( "derivative: Savitzky-Golay window must be odd and ≥ 3, got " + window );
		if ( order < 1 || order >= window )
			throw new BadInputException( "derivative: Savitzky-Golay order must be between 1 and window − 1 = " + ( window - 1 ) + ", got " + order );
		if ( window > a.size() )
			throw new BadInputException( "derivative: Savitzky-Golay window of " + window + " points is longer than the " + a.name() + " axis (" + a.size() + " points)" );
		final double[][] w = weights( window, order );
		final double h = a.step();
		final int n = a.size(), half = window / 2;
		final ConductanceMap out = emptyResult( map, along,
				"derivative axis=" + along.spelling() + " method=savitzky-golay window=" + window + " order=" + order );
		final int lines = along.otherOf( map ).size();
		for ( int k = 0; k < lines; k++ )
		{
			final double[] g = along.line( map, k );
			for ( int i = 0; i < n; i++ )
			{
				final int start = Math.max( 0, Math.min( n - window, i - half ) );
				final double[] c = w[ i - start ];
				double d = 0;
				for ( int m = 0; m < window; m++ )
					d += c[ m ] * g[ start + m ];
				along.set( out, i, k, ( float ) ( d / h ) );
			}
		}
		return out;
	}

	/**
	 * Weights w[t][m]: the derivative (per index step) at window point t of the degree-{@code order} least-squares
	 * polynomial through window points m = 0 … W−1 is Σ_m w[t][m]·g[m].
	 */
	static double[][] weights( final int window, final int order )
	{
		// Centred abscissae keep the normal equations well conditioned.
		final double centre = ( window - 1 ) / 2.0;
		final RealMatrix design = new Array2DRowRealMatrix( window, order + 1 );
		for ( int m = 0; m < window; m++ )
			for ( int p = 0; p <= order; p++ )
				design.setEntry( m, p, Math.pow( m - centre, p ) );
		final RealMatrix normal = design.transpose().multiply( design );
		final LUDecomposition lu = new LUDecomposition( normal );
		final double[][] w = new double[ window ][];
		for ( int t = 0; t < window; t++ )
		{
			// d/dt of Σ c_p t^p at t − centre
			final RealVector e = new ArrayRealVector( order + 1 );
			for ( int p = 1; p <= order; p++ )
				e.setEntry( p, p * Math.pow( t - centre, p - 1 ) );
			w[ t ] = design.operate( lu.getSolver().solve( e ) ).toArray();
		}
		return w;
	}

	/**
	 * Unit of d(value)/d(axis): a current per voltage is a conductance (A/V → S, nA/mV → µS, when the ratio is one of
	 * S, mS, µS, nS); anything else is written "value/axis" ("µS/mV", "S/V"), with the axis unit in parentheses when
	 * it contains a slash ("nS/(eV/Δ0)").
	 */
	public static String derivativeUnit( final String valueUnit, final String axisUnit )
	{
		final String v = Units.canonical( valueUnit ), a = Units.canonical( axisUnit );
		if ( "current".equals( Units.kind( v ) ) && "voltage".equals( Units.kind( a ) ) )
		{
			final double siRatio = Units.conversionFactor( v, "A" ) / Units.conversionFactor( a, "V" );
			for ( final String s : new String[] { "S", "mS", "µS", "nS" } )
			{
				final double f = Units.conversionFactor( s, "S" );
				if ( Math.abs( siRatio - f ) <= 1e-9 * f )
					return s;
			}
		}
		return v + "/" + ( a.contains( "/" ) ? "(" + a + ")" : a );
	}

	private static ConductanceMap emptyResult( final ConductanceMap map, final MapAxis along, final String history )
	{
		final Axis a = along.of( map );
		return ConductanceMap.empty( map.xAxis(), map.yAxis(), "d" + map.quantity() + "/d" + a.name(),
				derivativeUnit( map.valueUnit(), a.unit() ), map.metadata().withHistory( history ) );
	}
}
