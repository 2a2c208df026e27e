package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.TextMapImporter;

/**
 * The real NIS map G(V, B) of Maiani et al. (shared/data/real): an NIS local conductance is even in V about the true
 * zero, so the symmetry estimate must find the authors' offset (+0.010 mV), and after removing it the odd part in V
 * must be a small fraction of the even part.
 */
class RealMapSymmetryTest
{
	private static ConductanceMap map()
	{
		return TextMapImporter.read( SharedData.real( "maiani_percolative_supercurrent/MDC004.Sample1_77.dat" ), new MapImportOptions().xColumn( "v_bias" ).xUnit( "V" ).yColumn( "magnet_bpar" ) ).map();
	}

	private static double rms( final ConductanceMap m )
	{
		double s = 0;
		for ( final float v : m.data() )
			s += v * v;
		return Math.sqrt( s / m.data().length );
	}

	@Test
	void offsetEstimateMatchesTheAuthorsOffset()
	{
		final OffsetCorrection c = OffsetCorrection.apply( map(), MapAxis.X, "estimate-even", Double.NaN );
		assertEquals( 1.0e-5, c.offset(), 1.5e-6, "authors subtract +0.010 mV; one bias step is 13.3 µV" );
		assertEquals( c.offset(), c.map().metadata().number( MapMetadata.BIAS_OFFSET ), 1e-15 );
	}

	@Test
	void oddPartIsSmallOnlyAfterOffsetCorrection()
	{
		final ConductanceMap raw = map();
		final SymmetryDecomposition.Result before = SymmetryDecomposition.decompose( raw, MapAxis.X );
		final SymmetryDecomposition.Result after = SymmetryDecomposition.decompose( OffsetCorrection.apply( raw, MapAxis.X, "estimate-even", Double.NaN ).map(), MapAxis.X );
		final double ratioBefore = rms( before.odd() ) / rms( before.even() );
		final double ratioAfter = rms( after.odd() ) / rms( after.even() );
		assertTrue( ratioAfter < 0.05, "odd/even rms after correction: " + ratioAfter );
		assertTrue( ratioAfter < 0.7 * ratioBefore, "correction must reduce the odd part: " + ratioBefore + " -> " + ratioAfter );
	}
}
