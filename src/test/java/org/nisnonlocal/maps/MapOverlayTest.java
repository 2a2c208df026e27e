package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class MapOverlayTest
{
	private static final Axis X = new Axis( "Vinj", "mV", -0.6, 0.02, 61 );
	private static final Axis Y = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );

	private static ConductanceMap wavy( final Axis x, final Axis y, final String unit )
	{
		return ConductanceMap.fromFunction( x, y, "g_nl", unit, null, ( i, j ) -> Math.sin( 7 * x.value( i ) ) * Math.cos( 5 * y.value( j ) ) - 0.2 );
	}

	@Test
	void identicalMapsGiveZeroResidualAndNoDrops()
	{
		final ConductanceMap m = wavy( X, Y, "nS" );
		final MapOverlay o = MapOverlay.of( m, m.copy(), null );
		assertEquals( 0, o.droppedCount() );
		assertEquals( 61 * 41, o.comparedCount() );
		final ConductanceMap r = o.residual();
		assertEquals( "residual", r.quantity() );
		assertEquals( "nS", r.valueUnit() );
		for ( final float v : r.data() )
			assertEquals( 0f, v, 0f );
		final double[] range = m.range();
		assertEquals( Math.max( -range[ 0 ], range[ 1 ] ), o.sharedRange().max(), 0 );
		assertEquals( -o.sharedRange().max(), o.sharedRange().min(), 0 );
	}

	/**
	 * g = 1 + 0.5·e_inj − 0.25·e_det in the model's units (eV/Δ0 axes, g/(G_inj·G_det·R_ξ)) on a coarser, shifted grid;
	 * measured in mV and nS. Bilinear resampling reproduces a linear function, so every overlapping point is the
	 * function converted by Δ0 and G_inj·G_det·R_ξ, to float precision.
	 */
	@Test
	void linearSimulationOnCoarserShiftedGridResamplesExactlyWithUnitConversion()
	{
		final double d0 = 2.5e-4, gi = 2e-5, gd = 3e-5, rxi = 150; // g[S] = n·gi·gd·rxi = n·9e-8 S = n·90 nS
		final Axis sx = new Axis( "eps_inj", "eV/Δ0", -3.1, 0.3, 21 ), sy = new Axis( "eps_det", "eV/Δ0", -1.9, 0.25, 17 );
		final ConductanceMap sim = ConductanceMap.fromFunction( sx, sy, "g_model", "1", null, ( i, j ) -> 1 + 0.5 * sx.value( i ) - 0.25 * sy.value( j ) );
		final ConductanceMap meas = wavy( X, Y, "nS" ).withMetadata( MapMetadata.empty().with( MapMetadata.DELTA0_EV, d0 ) );
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.gInjS = gi;
		p.gDetS = gd;
		p.rXiOhm = rxi;
		final MapOverlay o = MapOverlay.of( meas, sim, p );
		final ConductanceMap s = o.simulated();
		assertEquals( "nS", s.valueUnit() );
		// sim x covers [-3.1, 2.9]·0.25 mV = [-0.775, 0.725] mV: all of [-0.6, 0.6]; sim y [-1.9, 2.1]·0.25 = [-0.475, 0.525] mV: all
		assertEquals( 0, o.droppedCount() );
		double worst = 0;
		for ( int j = 0; j < Y.size(); j++ )
			for ( int i = 0; i < X.size(); i++ )
			{
				final double expected = 90 * ( 1 + 0.5 * X.value( i ) / 0.25 - 0.25 * Y.value( j ) / 0.25 );
				worst = Math.max( worst, Math.abs( s.get( i, j ) - expected ) );
			}
		assertTrue( worst < 1e-4, "max deviation " + worst + " nS" ); // values up to ~250 nS in float: ulp 1.5e-5
		assertTrue( o.report().stream().anyMatch( l -> l.contains( "delta0_eV = 0.00025 (measured map's metadata)" ) ), o.report().toString() );
	}

	/** Simulated x from 0.1 to 0.9 mV over measured −0.6 … 0.6: columns 0.1 … 0.6 (26 of 61) overlap, y fully. */
	@Test
	void droppedCountIsExactForAKnownPartialOverlap()
	{
		final Axis sx = Axis.between( "Vinj", "V", 1e-4, 9e-4, 9 ), sy = new Axis( "Vdet", "V", -1e-3, 1e-4, 21 );
		final ConductanceMap sim = ConductanceMap.fromFunction( sx, sy, "g", "nS", null, ( i, j ) -> 2 * sx.value( i ) );
		final MapOverlay o = MapOverlay.of( wavy( X, Y, "nS" ), sim, null );
		assertEquals( ( 61 - 26 ) * 41, o.droppedCount() );
		assertEquals( 26 * 41, o.comparedCount() );
		final ConductanceMap s = o.simulated();
		assertTrue( Float.isNaN( s.get( 34, 5 ) ) ); // 0.08 mV: just outside
		assertEquals( 2 * 0.1e-3, s.get( 35, 5 ), 1e-9 ); // 0.1 mV: the simulated edge itself
		assertTrue( Float.isNaN( o.residual().get( 34, 5 ) ) );
	}

	@Test
	void mismatchedUnitKindsFailNamingThem()
	{
		final ConductanceMap meas = wavy( X, Y, "nS" );
		final Axis field = new Axis( "B", "mT", -10, 1, 21 );
		final BadInputException e = assertThrows( BadInputException.class,
				() -> MapOverlay.of( meas, wavy( X, field, "nS" ), null ) );
		assertTrue( e.getMessage().contains( "'mT' (field)" ) && e.getMessage().contains( "'mV' (voltage)" ), e.getMessage() );

		final BadInputException v = assertThrows( BadInputException.class, () -> MapOverlay.of( meas, wavy( X, Y, "nA" ), null ) );
		assertTrue( v.getMessage().contains( "'nA' (current)" ), v.getMessage() );

		// "1" → nS needs R_ξ, G_inj, G_det: the first missing one is named with its option
		final BadInputException p = assertThrows( BadInputException.class, () -> MapOverlay.of( meas, wavy( X, Y, "1" ), null ) );
		assertTrue( p.getMessage().contains( "--r-xi" ), p.getMessage() );

		// eV/Δ0 against mV needs Δ0
		final Axis e0 = new Axis( "eps", "eV/Δ0", -2, 0.1, 41 );
		final BadInputException d = assertThrows( BadInputException.class, () -> MapOverlay.of( meas, wavy( e0, Y, "nS" ), null ) );
		assertTrue( d.getMessage().contains( "--delta0" ), d.getMessage() );
	}

	/** "1" against Ω needs only R_ξ (no junction conductances): the shortest path on the unit ladder. */
	@Test
	void normalizedToOhmNeedsOnlyRxi()
	{
		final ConductanceMap meas = wavy( X, Y, "Ω" );
		final ConductanceMap sim = ConductanceMap.fromFunction( X, Y, "g", "1", null, ( i, j ) -> 0.5 );
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.rXiOhm = 120;
		assertEquals( 60f, MapOverlay.of( meas, sim, p ).simulated().get( 3, 4 ), 0f );
		// not back: no model command writes Ω (g/(G_inj·G_det) is a normalized measurement); a "simulation" in Ω is
		// a swapped or mislabelled map, and would be scaled by R_ξ silently
		final ConductanceMap simOhm = ConductanceMap.fromFunction( X, Y, "g", "kΩ", null, ( i, j ) -> 0.06 );
		final BadInputException e = assertThrows( BadInputException.class, () -> MapOverlay.of( wavy( X, Y, "1" ), simOhm, p ) );
		assertTrue( e.getMessage().contains( "the simulated values are in kΩ (g/(G_inj·G_det), a normalized measurement)" ), e.getMessage() );
	}

	@Test
	void noOverlapFails()
	{
		final Axis far = new Axis( "Vinj", "mV", 5, 0.1, 10 );
		final BadInputException e = assertThrows( BadInputException.class, () -> MapOverlay.of( wavy( X, Y, "nS" ), wavy( far, Y, "nS" ), null ) );
		assertTrue( e.getMessage().contains( "does not overlap" ), e.getMessage() );
	}
}
