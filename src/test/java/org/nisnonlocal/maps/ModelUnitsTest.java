package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

class ModelUnitsTest
{
	private static final double D0 = 2.5e-4, GI = 2e-5, GD = 3e-5, RXI = 150; // G_inj G_det R_ξ = 9e-8 S = 90 nS

	/** A map in mV and nS with its parameters in the metadata: biases divide by Δ0, values by G_inj G_det R_ξ. */
	@Test
	void voltsAndSiemensFromMetadata()
	{
		final Axis x = new Axis( "Vinj", "mV", -0.5, 0.05, 21 ), y = new Axis( "Vdet", "mV", -0.25, 0.05, 11 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g_sa", "nS", null, ( i, j ) -> 90 * ( i - 10 ) * ( j - 5 ) )
				.withMetadata( MapMetadata.empty().with( MapMetadata.DELTA0_EV, D0 ).with( MapMetadata.G_INJ_S, GI ).with( MapMetadata.G_DET_S, GD ).with( MapMetadata.R_XI_OHM, RXI ) );
		final float before = m.get( 3, 2 );
		final ModelUnits u = ModelUnits.of( m, null );
		final ConductanceMap n = u.map();
		assertEquals( Units.EV_PER_DELTA0, n.xAxis().unit() );
		assertEquals( Units.NORMALIZED, n.valueUnit() );
		assertEquals( -2, n.xAxis().value( 0 ), 1e-12 );
		assertEquals( 2, n.xAxis().value( 20 ), 1e-12 );
		assertEquals( -1, n.yAxis().value( 0 ), 1e-12 );
		assertEquals( ( 3 - 10 ) * ( 2 - 5 ), n.get( 3, 2 ), 1e-4 );
		assertEquals( before, m.get( 3, 2 ), 0 ); // input untouched
		assertTrue( u.report().stream().anyMatch( s -> s.contains( "metadata" ) ), u.report().toString() );
	}

	@Test
	void givenParametersWinAndOhmNeedsOnlyRxi()
	{
		final Axis x = new Axis( "Vinj", "µV", -500, 50, 21 ), y = new Axis( "Vdet", "eV/Δ0", -1, 0.1, 21 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g_sa", "Ω", null, ( i, j ) -> 300 );
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.delta0eV = D0;
		p.rXiOhm = RXI;
		final ConductanceMap n = ModelUnits.of( m, p ).map();
		assertEquals( 2, n.get( 0, 0 ), 1e-6 );
		assertSame( y, n.yAxis() );
		assertEquals( -2, n.xAxis().value( 0 ), 1e-12 );
	}

	@Test
	void modelUnitsPassThroughAndMissingParametersAreNamed()
	{
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, -1, 0.5, 5 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, x, "g_sa", Units.NORMALIZED, null, ( i, j ) -> i );
		assertSame( m, ModelUnits.of( m, null ).map() );
		final ConductanceMap s = ConductanceMap.fromFunction( x, x, "g_sa", "nS", null, ( i, j ) -> i );
		final BadInputException e = assertThrows( BadInputException.class, () -> ModelUnits.of( s, null ) );
		assertTrue( e.getMessage().contains( "--ginj" ) || e.getMessage().contains( "--r-xi" ), e.getMessage() );
		final ConductanceMap t = ConductanceMap.fromFunction( new Axis( "B", "mT", 0, 1, 5 ), x, "g_sa", Units.NORMALIZED, null, ( i, j ) -> i );
		assertTrue( assertThrows( BadInputException.class, () -> ModelUnits.of( t, null ) ).getMessage().contains( "mT" ) );
	}

	/**
	 * No units (axes and values "1", the value unit flagged as assumed, as a plain CSV imports) are model units; only
	 * what had no unit is named, and a known unit that is no bias or conductance is still refused, naming the source.
	 */
	@Test
	void noUnitsAreModelUnitsAndOnlyWhatHadNoneIsNamed()
	{
		final Axis x = new Axis( "Vinj", Units.NORMALIZED, -1, 0.5, 5 ), y = new Axis( "Vdet", Units.NORMALIZED, -2, 1, 5 );
		final MapMetadata assumed = MapMetadata.empty().with( MapMetadata.VALUE_UNIT_ASSUMED, "true" );
		final ConductanceMap plain = ConductanceMap.fromFunction( x, y, "g", Units.NORMALIZED, assumed, ( i, j ) -> i + 10 * j );
		final ModelUnits u = ModelUnits.of( plain, null, "plain.csv" );
		assertEquals( Units.EV_PER_DELTA0, u.map().xAxis().unit() );
		assertEquals( Units.EV_PER_DELTA0, u.map().yAxis().unit() );
		assertEquals( -2, u.map().yAxis().value( 0 ), 0 );
		assertEquals( 1, u.valueFactor(), 0 );
		assertEquals( plain.get( 3, 4 ), u.map().get( 3, 4 ), 0 );
		assertEquals( "has no units (Vinj, Vdet, g): taken as model units, eV/Δ0 and G_inj·G_det·R_ξ", u.unitless() );
		assertTrue( u.report().isEmpty(), u.report().toString() );

		// values stated in nS, axes without unit: only the axes are taken, the values still need G_inj G_det R_ξ
		final ConductanceMap nS = ConductanceMap.fromFunction( x, y, "g", "nS", null, ( i, j ) -> 90 );
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.gInjS = GI;
		p.gDetS = GD;
		p.rXiOhm = RXI;
		final ModelUnits v = ModelUnits.of( nS, p );
		assertEquals( "has no units (Vinj, Vdet): taken as model units, eV/Δ0", v.unitless() );
		assertEquals( 1, v.map().get( 0, 0 ), 1e-6 );
		// values "1" stated, biases in mV: nothing taken
		final Axis mv = new Axis( "Vinj", "mV", -1, 0.5, 5 );
		assertEquals( "", ModelUnits.of( ConductanceMap.fromFunction( mv, mv, "g", Units.NORMALIZED, null, ( i, j ) -> 1 ), p( D0 ) ).unitless() );
		// values without unit, biases in mV: only g is named
		assertEquals( "has no unit (g): taken as model units, G_inj·G_det·R_ξ",
				ModelUnits.of( ConductanceMap.fromFunction( mv, mv, "g", Units.NORMALIZED, assumed, ( i, j ) -> 1 ), p( D0 ) ).unitless() );

		// known units that cannot be model units: refused, the source first
		final ConductanceMap field = ConductanceMap.fromFunction( x, y, "g", "mT", assumed.with( MapMetadata.VALUE_UNIT_ASSUMED, null ), ( i, j ) -> 1 );
		final String e = assertThrows( BadInputException.class, () -> ModelUnits.of( field, null, "plain.csv" ) ).getMessage();
		assertTrue( e.startsWith( "plain.csv: g is in 'mT'" ), e );
		final ConductanceMap pixels = ConductanceMap.fromFunction( new Axis( "x", Units.PIXEL, 0, 1, 5 ), y, "g", Units.NORMALIZED, null, ( i, j ) -> 1 );
		assertTrue( assertThrows( BadInputException.class, () -> ModelUnits.of( pixels, null, "img.tif" ) ).getMessage().startsWith( "img.tif: x is in 'px'" ) );
	}

	private static MapOverlay.Parameters p( final double delta0 )
	{
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.delta0eV = delta0;
		return p;
	}

	@Test
	void physicalAndBackIsTheIdentity()
	{
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, -5, 0.1, 101 ), y = new Axis( "Vdet", Units.EV_PER_DELTA0, -2, 0.05, 81 );
		final ConductanceMap m = ConductanceMap.fromFunction( x, y, "g_sa", Units.NORMALIZED, null, ( i, j ) -> 1000 * Math.sin( x.value( i ) ) * y.value( j ) );
		final ConductanceMap p = ModelUnits.physical( m, D0, GI, GD, RXI );
		assertEquals( "mV", p.xAxis().unit() );
		assertEquals( "nS", p.valueUnit() );
		assertEquals( -5 * D0 * 1e3, p.xAxis().value( 0 ), 1e-15 );
		assertEquals( 1000 * Math.sin( -5 ) * -2 * 90, p.get( 0, 0 ), 1e-6 * 172606 ); // float storage
		final ConductanceMap back = ModelUnits.of( p, null ).map();
		for ( int j = 0; j < 81; j += 10 )
			for ( int i = 0; i < 101; i += 10 )
			{
				assertEquals( x.value( i ), back.xAxis().value( i ), 1e-12 );
				assertEquals( m.get( i, j ), back.get( i, j ), 1e-5 * ( 1 + Math.abs( m.get( i, j ) ) ) );
			}
	}
}
