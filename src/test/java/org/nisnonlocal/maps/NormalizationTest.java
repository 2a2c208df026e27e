package org.nisnonlocal.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class NormalizationTest
{
	private static final Axis X = new Axis( "Vinj", "mV", -0.795, 0.0265, 61 ); // −3 … 3 Δ0 for Δ0 = 265 µeV
	private static final Axis Y = new Axis( "Vdet", "µV", -265, 132.5, 5 ); // −1 … 1 Δ0

	/** 0.4 µS everywhere, 0.8 µS at (2, 1). */
	private static ConductanceMap map( final MapMetadata md )
	{
		return ConductanceMap.fromFunction( X, Y, "g_nl", "µS", md, ( i, j ) -> i == 2 && j == 1 ? 0.8 : 0.4 );
	}

	@Test
	public void dividesByTheJunctionConductances()
	{
		// 0.4 µS / (20 µS · 40 µS) = 4e-7 / 8e-10 = 500 Ω
		final ConductanceMap n = Normalization.byJunctions( map( null ), 2e-5, 4e-5 );
		assertEquals( Units.OHM, n.valueUnit() );
		assertEquals( 500, n.get( 0, 0 ), 500 * 1e-6 );
		assertEquals( 1000, n.get( 2, 1 ), 1000 * 1e-6 );
		assertEquals( 2e-5, n.metadata().number( MapMetadata.G_INJ_S ), 0 );
		assertEquals( "normalize by=G_inj*G_det g_inj_S=2e-05 g_det_S=4e-05", n.metadata().history().get( 0 ) );
	}

	@Test
	public void dividesByRxiToo()
	{
		// S Table 1: G_inj = 24.6 µS, R_ξ = 8.57 Ω; detector 20 µS: 0.4e-6 / (24.6e-6 · 20e-6 · 8.57) = 94.867…
		final MapMetadata md = MapMetadata.empty().with( MapMetadata.G_INJ_S, 24.6e-6 ).with( MapMetadata.G_DET_S, 20e-6 ).with( MapMetadata.R_XI_OHM, 8.57 );
		final ConductanceMap n = Normalization.byJunctionsAndRxi( map( md ) );
		assertEquals( Units.NORMALIZED, n.valueUnit() );
		assertEquals( 0.4e-6 / ( 24.6e-6 * 20e-6 * 8.57 ), n.get( 5, 3 ), 94.87 * 1e-6 );
		assertEquals( 94.8668, n.get( 5, 3 ), 1e-3 );
	}

	@Test
	public void otherConductanceUnitsAreConvertedFirst()
	{
		final ConductanceMap inSiemens = map( null ).relabel( "g_nl", "S", null );
		// the same numbers read as S are 1e6 times larger than as µS
		assertEquals( 500e6, Normalization.byJunctions( inSiemens, 2e-5, 4e-5 ).get( 0, 0 ), 500e6 * 1e-6 );
	}

	@Test
	public void biasAxesInUnitsOfTheGap()
	{
		final ConductanceMap g = map( null );
		final ConductanceMap n = Normalization.biasAxesInDelta0( g, 265e-6 );
		assertEquals( Units.EV_PER_DELTA0, n.xAxis().unit() );
		assertEquals( -3, n.xAxis().min(), 1e-12 );
		assertEquals( 0.1, n.xAxis().step(), 1e-12 );
		assertEquals( -1, n.yAxis().min(), 1e-12 );
		assertEquals( 0.5, n.yAxis().step(), 1e-12 );
		assertArrayEquals( g.data(), n.data(), 0f );
		assertEquals( 265e-6, n.metadata().number( MapMetadata.DELTA0_EV ), 0 );
		assertEquals( "bias-in-delta0 axis=vinj delta0_eV=0.000265", n.metadata().history().get( 0 ) );

		final ConductanceMap onlyX = Normalization.biasInDelta0( g.withMetadata( MapMetadata.empty().with( MapMetadata.DELTA0_EV, 265e-6 ) ), MapAxis.X );
		assertEquals( 3, onlyX.xAxis().max(), 1e-12 );
		assertEquals( Y, onlyX.yAxis() );

		final Spectrum s = new Spectrum( new double[] { -530, 0, 265 }, new double[] { 1, 0, 1 }, "V", "µV", "G", "µS", null );
		assertArrayEquals( new double[] { -2, 0, 1 }, Normalization.biasInDelta0( s, 265e-6 ).bias(), 1e-12 );
	}

	@Test
	public void missingOrWrongParametersFailNamingThem()
	{
		final BadInputException missing = assertThrows( BadInputException.class, () -> Normalization.byJunctions( map( MapMetadata.empty().with( MapMetadata.G_INJ_S, 2e-5 ) ) ) );
		assertTrue( missing.getMessage().contains( "no g_det_S" ), missing.getMessage() );
		final BadInputException notNumber = assertThrows( BadInputException.class,
				() -> Normalization.biasInDelta0( map( MapMetadata.empty().with( MapMetadata.DELTA0_EV, "265 ueV" ) ), MapAxis.X ) );
		assertTrue( notNumber.getMessage().contains( "delta0_eV = '265 ueV', not a number" ), notNumber.getMessage() );
		final BadInputException microsiemens = assertThrows( BadInputException.class, () -> Normalization.byJunctions( map( null ), 24.6, 2e-5 ) );
		assertTrue( microsiemens.getMessage().startsWith( "g_inj_S = 24.6 is not a junction conductance" ), microsiemens.getMessage() );
		final BadInputException rxi = assertThrows( BadInputException.class, () -> Normalization.byJunctionsAndRxi( map( null ), 2e-5, 2e-5, -1 ) );
		assertTrue( rxi.getMessage().startsWith( "r_xi_Ohm = -1.0" ), rxi.getMessage() );
		final BadInputException gap = assertThrows( BadInputException.class, () -> Normalization.biasAxesInDelta0( map( null ), 265 ) );
		assertTrue( gap.getMessage().startsWith( "delta0_eV = 265.0 is not a superconducting gap" ), gap.getMessage() );
	}

	@Test
	public void refusesWhatIsAlreadyNormalized()
	{
		final ConductanceMap ohm = Normalization.byJunctions( map( null ), 2e-5, 4e-5 );
		final BadInputException twice = assertThrows( BadInputException.class, () -> Normalization.byJunctions( ohm, 2e-5, 4e-5 ) );
		assertTrue( twice.getMessage().contains( "normalized already" ), twice.getMessage() );
		final ConductanceMap delta = Normalization.biasInDelta0( map( null ), MapAxis.X, 265e-6 );
		final BadInputException again = assertThrows( BadInputException.class, () -> Normalization.biasInDelta0( delta, MapAxis.X, 265e-6 ) );
		assertTrue( again.getMessage().contains( "already in eV/Δ0" ), again.getMessage() );
	}
}
