package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class SymmetryDecompositionTest
{
	private static final Axis VDET = new Axis( "Vdet", "V", -0.2, 0.1, 5 );

	/** Neither even nor odd, and different in every row. */
	private static double lopsided( final double x, final double y )
	{
		return Math.sin( 3 * x + 1 + y ) + x * x * ( 1 + y ) + 0.25 * x * x * x;
	}

	private static ConductanceMap map( final Axis x, final Axis y, final Fn f )
	{
		return ConductanceMap.fromFunction( x, y, "g_nl", "S", MapMetadata.empty().with( MapMetadata.SOURCE, "test" ), ( i, j ) -> f.at( x.value( i ), y.value( j ) ) );
	}

	private interface Fn
	{
		double at( double x, double y );
	}

	@Test
	public void symmetricGridGivesBitExactParity()
	{
		final Axis x = Axis.between( "Vinj", "V", -1, 1, 21 );
		final ConductanceMap g = map( x, VDET, SymmetryDecompositionTest::lopsided );
		final float[] before = g.data().clone();
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.X );
		assertArrayEquals( before, g.data(), 0f );
		assertTrue( r.symmetricGrid() );
		assertEquals( 0, r.firstIndex() );
		assertEquals( 20, r.lastIndex() );
		assertEquals( 0, r.rangeCentre(), 1e-15 );
		assertEquals( 21, r.even().width() );
		for ( int j = 0; j < VDET.size(); j++ )
		{
			assertEquals( 0f, r.odd().get( 10, j ), 0f );
			for ( int i = 0; i < 21; i++ )
			{
				assertEquals( Float.floatToIntBits( r.even().get( i, j ) ), Float.floatToIntBits( r.even().get( 20 - i, j ) ) );
				assertEquals( r.odd().get( i, j ), -r.odd().get( 20 - i, j ), 0f );
				assertEquals( g.get( i, j ), r.even().get( i, j ) + r.odd().get( i, j ), 1e-6 * Math.abs( g.get( i, j ) ) + 1e-7 );
			}
		}
	}

	@Test
	public void evenPartIsAFixedPoint()
	{
		final Axis x = Axis.between( "Vinj", "V", -1, 1, 21 );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( map( x, VDET, SymmetryDecompositionTest::lopsided ), MapAxis.X );
		final SymmetryDecomposition.Result again = SymmetryDecomposition.decompose( r.even(), MapAxis.X );
		assertArrayEquals( r.even().data(), again.even().data(), 0f );
		for ( final float v : again.odd().data() )
			assertEquals( 0f, v, 0f );
	}

	/** −0.93 … 1.07 step 0.02: points sit at odd multiples of 0.01, so mirrors are grid points; overlap −0.93 … 0.93. */
	@Test
	public void asymmetricRangeOnASymmetricLattice()
	{
		final Axis x = new Axis( "Vinj", "V", -0.93, 0.02, 101 );
		final ConductanceMap g = map( x, VDET, SymmetryDecompositionTest::lopsided );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.X );
		assertTrue( r.symmetricGrid() );
		assertEquals( 0, r.firstIndex() );
		assertEquals( 93, r.lastIndex() );
		assertEquals( 94, r.even().width() );
		assertEquals( -0.93, r.even().xAxis().min(), 1e-12 );
		assertEquals( 0.93, r.even().xAxis().max(), 1e-12 );
		assertEquals( 0.07, r.rangeCentre(), 1e-12 );
		assertEquals( VDET, r.even().yAxis() );
		for ( int j = 0; j < VDET.size(); j++ )
			for ( int i = 0; i < 94; i++ )
			{
				assertEquals( r.even().get( i, j ), r.even().get( 93 - i, j ), 0f );
				assertEquals( g.get( i, j ), r.even().get( i, j ) + r.odd().get( i, j ), 1e-6 * Math.abs( g.get( i, j ) ) + 1e-7 );
			}
		assertTrue( r.report().get( 0 ).contains( "(min+max)/2 = 0.07" ), r.report().get( 0 ) );
		assertTrue( r.report().get( 2 ).contains( "94 of 101 points; 7 dropped" ), r.report().get( 2 ) );
	}

	/**
	 * −0.937 … 1.063 step 0.02: the mirror of v_i is 0.7 of a step past grid point 93 − i, so g(−v) is interpolated.
	 * Overlap: v_i ≤ 0.937, last kept point 0.923 (index 93).
	 */
	@Test
	public void offLatticeGridInterpolatesTheMirror()
	{
		final Axis x = new Axis( "Vinj", "V", -0.937, 0.02, 101 );
		final double sigma = 0.3;
		final Fn even = ( v, w ) -> ( 1 + w ) * Math.exp( -v * v / ( 2 * sigma * sigma ) );
		final Fn odd = ( v, w ) -> 0.5 * Math.sin( 2 * v );
		final ConductanceMap g = map( x, VDET, ( v, w ) -> even.at( v, w ) + odd.at( v, w ) );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.X );
		assertFalse( r.symmetricGrid() );
		assertEquals( 0.7, r.mirrorFraction(), 1e-9 );
		assertEquals( 0, r.firstIndex() );
		assertEquals( 93, r.lastIndex() );
		assertEquals( 0.923, r.even().xAxis().max(), 1e-12 );

		// linear interpolation at fraction t errs by ≤ t(1−t)·h²/2·max|g''|; each part carries half of it.
		// max|g''| ≤ (1 + 0.2)/σ² + 0.5·4 over the map; float storage adds ≤ 1e-7.
		final double h = x.step();
		final double bound = 0.5 * 0.7 * 0.3 * h * h / 2 * ( 1.2 / ( sigma * sigma ) + 2 ) + 1e-6;
		double worst = 0;
		for ( int j = 0; j < VDET.size(); j++ )
			for ( int i = 0; i < r.even().width(); i++ )
			{
				final double v = r.even().xAxis().value( i );
				final double w = VDET.value( j );
				worst = Math.max( worst, Math.abs( r.even().get( i, j ) - even.at( v, w ) ) );
				worst = Math.max( worst, Math.abs( r.odd().get( i, j ) - odd.at( v, w ) ) );
				assertEquals( g.get( i, j ), r.even().get( i, j ) + r.odd().get( i, j ), 1e-6 * Math.abs( g.get( i, j ) ) + 1e-7 );
			}
		assertTrue( worst <= bound, "worst " + worst + " > bound " + bound );
		assertTrue( worst > 0.1 * bound, "bound " + bound + " is not tight: worst " + worst );
	}

	/** Linear interpolation is exact for g = a + b·v, so even = a and odd = b·v also off the lattice. */
	@Test
	public void offLatticeLinearFunctionSplitsExactly()
	{
		final Axis x = new Axis( "Vinj", "V", -0.937, 0.02, 101 );
		final ConductanceMap g = map( x, VDET, ( v, w ) -> 0.75 + ( 1 + w ) * v );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.X );
		for ( int j = 0; j < VDET.size(); j++ )
			for ( int i = 0; i < r.even().width(); i++ )
			{
				assertEquals( 0.75, r.even().get( i, j ), 2e-7 );
				assertEquals( ( 1 + VDET.value( j ) ) * r.odd().xAxis().value( i ), r.odd().get( i, j ), 2e-7 );
			}
	}

	@Test
	public void nanStaysLocalOnASymmetricGrid()
	{
		final Axis x = Axis.between( "Vinj", "V", -1, 1, 21 );
		final ConductanceMap g = map( x, VDET, SymmetryDecompositionTest::lopsided );
		g.set( 3, 2, Float.NaN );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.X );
		for ( final ConductanceMap part : new ConductanceMap[] { r.even(), r.odd() } )
		{
			assertEquals( 21 * 5 - 2, part.validCount() );
			assertTrue( Float.isNaN( part.get( 3, 2 ) ) );
			assertTrue( Float.isNaN( part.get( 17, 2 ) ) );
		}
	}

	/** Off the lattice a NaN at index 40 spoils its own point and the two points whose mirror interpolates it. */
	@Test
	public void nanStaysLocalOffTheLattice()
	{
		final Axis x = new Axis( "Vinj", "V", -0.937, 0.02, 101 );
		final ConductanceMap g = map( x, VDET, SymmetryDecompositionTest::lopsided );
		g.set( 40, 1, Float.NaN );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.X );
		// mirror of index i is at 93.7 − i: it uses node 40 for 39 < 93.7 − i < 41, i.e. i = 53 and 54
		for ( final ConductanceMap part : new ConductanceMap[] { r.even(), r.odd() } )
		{
			assertEquals( 94 * 5 - 3, part.validCount() );
			assertTrue( Float.isNaN( part.get( 40, 1 ) ) );
			assertTrue( Float.isNaN( part.get( 53, 1 ) ) );
			assertTrue( Float.isNaN( part.get( 54, 1 ) ) );
		}
	}

	@Test
	public void decomposesAlongTheDetectorAxis()
	{
		final Axis x = new Axis( "Vinj", "V", -0.93, 0.02, 101 );
		final Axis y = new Axis( "Vdet", "mV", -0.3, 0.1, 8 ); // −0.3 … 0.4: overlap −0.3 … 0.3
		final ConductanceMap g = map( x, y, ( v, w ) -> lopsided( w, v ) );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( g, MapAxis.Y );
		assertEquals( "g_nl_even_vdet", r.even().quantity() );
		assertEquals( x, r.even().xAxis() );
		assertEquals( 7, r.even().height() );
		assertEquals( 0.3, r.even().yAxis().max(), 1e-12 );
		for ( int i = 0; i < x.size(); i++ )
			for ( int j = 0; j < 7; j++ )
				assertEquals( r.odd().get( i, j ), -r.odd().get( i, 6 - j ), 0f );
	}

	@Test
	public void historyRecordsTheOperation()
	{
		final Axis x = new Axis( "Vinj", "V", -0.93, 0.02, 101 );
		final SymmetryDecomposition.Result r = SymmetryDecomposition.decompose( map( x, VDET, SymmetryDecompositionTest::lopsided ), MapAxis.X );
		assertEquals( "g_ss", r.even().quantity() );
		assertEquals( "g_sa", r.odd().quantity() );
		assertEquals( "test", r.even().metadata().get( MapMetadata.SOURCE ) );
		assertEquals( "decompose axis=vinj overlap=-0.93..0.93 mirror=index part=odd", r.odd().metadata().history().get( 0 ) );
	}

	@Test
	public void rangeWithoutZeroFails()
	{
		final Axis x = new Axis( "Vinj", "V", 0.1, 0.02, 50 );
		final BadInputException e = assertThrows( BadInputException.class, () -> SymmetryDecomposition.decompose( map( x, VDET, SymmetryDecompositionTest::lopsided ), MapAxis.X ) );
		assertTrue( e.getMessage().contains( "axis Vinj [V] spans 0.1" ), e.getMessage() );
	}

	/** Two-segment bias −0.5 … 0.8: mirrors of the fine points fall on coarse cells; g = 1 + 2v splits exactly. */
	@Test
	public void spectrumOnANonUniformBias()
	{
		final double[] b = { -0.5, -0.3, -0.1, 0, 0.05, 0.1, 0.15, 0.2, 0.4, 0.6, 0.8 };
		final double[] g = new double[ b.length ];
		for ( int i = 0; i < b.length; i++ )
			g[ i ] = 1 + 2 * b[ i ];
		g[ 10 ] = Double.NaN; // 0.8: outside the overlap and no mirror needs it
		final SymmetryDecomposition.SpectrumParts p = SymmetryDecomposition.decompose( new Spectrum( b, g, "V", "mV", "G", "µS", null ) );
		assertArrayEquals( new double[] { -0.5, -0.3, -0.1, 0, 0.05, 0.1, 0.15, 0.2, 0.4 }, p.even().bias(), 0 );
		for ( int i = 0; i < p.even().size(); i++ )
		{
			assertEquals( 1, p.even().value( i ), 1e-15 );
			assertEquals( 2 * p.odd().bias( i ), p.odd().value( i ), 1e-15 );
		}
		assertEquals( "G_even", p.even().quantity() );
		assertTrue( p.report().get( 1 ).contains( "9 of 11 points" ), p.report().get( 1 ) );
	}
}
