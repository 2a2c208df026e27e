package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

/** S Table 1: Δ0 = 265 µeV, D = 16.9 cm²/s, R = 1.45 kΩ over l = 11 µm, T = 24 mK, G_inj(A) = 24.6 µS. */
public class DeviceNumbersTest
{
	private static final DeviceNumbers TABLE1 = new DeviceNumbers( 1450, 11e-6, 16.9e-4, 265e-6, 0.024 );

	@Test
	public void tableOneScales()
	{
		assertEquals( 64.8e-9, TABLE1.xi(), 0.05e-9 );
		// with the exact ξ = 64.79 nm: R_ξ = 8.54 Ω, I0 = 31.0 µA, κ = 1.050e-4
		assertEquals( 8.541, TABLE1.rXi(), 0.001 );
		assertEquals( 31.03e-6, TABLE1.i0(), 0.01e-6 );
		// S (and docs/physics.md §2's rounded column) round ξ to 65 nm there: R_ξ = 8.57 Ω, I0 = 30.9 µA, κ_I = 1.054e-4
		final double rXi65 = TABLE1.rXi( 65e-9 );
		assertEquals( 8.57, rXi65, 0.005 );
		assertEquals( 30.9e-6, 265e-6 / rXi65, 0.05e-6 );
		assertEquals( 1.054e-4, 24.6e-6 * rXi65 / 2, 0.0005e-4 );
		assertEquals( 1.050e-4, TABLE1.kappa( 24.6e-6 ), 0.0005e-4 );
		final DeviceNumbers rounded = TABLE1.withXi( 65e-9 );
		assertEquals( rXi65, rounded.rXi(), 1e-12 );
		assertEquals( 30.9e-6, rounded.i0(), 0.05e-6 );
		assertEquals( 1.054e-4, rounded.kappa( 24.6e-6 ), 0.0005e-4 );
		assertEquals( 84.6, rounded.inXi( 5.5e-6 ), 0.05 );
		assertEquals( 733e-9, TABLE1.thoulessLength(), 0.5e-9 );
		assertEquals( 12.4e-9, TABLE1.tauEe( 2e-4 ), 0.05e-9 );
		assertEquals( 2e-4, TABLE1.gammaEe( TABLE1.tauEe( 2e-4 ) ), 1e-16 );
		assertEquals( 0.0198, new DeviceNumbers( 1450, 11e-6, 16.9e-4, 265e-6, 0.061 ).t(), 0.00005 );
		assertEquals( 4.630, TABLE1.inXi( 300e-9 ), 0.001 ); // docs/physics.md §2: 300/65 = 4.62
		assertEquals( 4.62, 300.0 / 65, 0.005 );
		assertEquals( 84.89, TABLE1.inXi( 5.5e-6 ), 0.01 ); // docs/physics.md §2: 84.6 with ξ = 65 nm
	}

	@Test
	public void resistivityFormGivesSameWire()
	{
		final DeviceNumbers d = DeviceNumbers.fromResistivity( 1450 * 1.2e-15 / 11e-6, 1.2e-15, 11e-6, 16.9e-4, 265e-6, 0.024 );
		assertEquals( TABLE1.rXi(), d.rXi(), 1e-12 );
	}

	@Test
	public void rejectsNonPositive()
	{
		assertThrows( BadInputException.class, () -> new DeviceNumbers( 0, 11e-6, 16.9e-4, 265e-6, 0.024 ) );
		assertThrows( BadInputException.class, () -> new DeviceNumbers( 1450, 11e-6, Double.NaN, 265e-6, 0.024 ) );
		assertThrows( BadInputException.class, () -> TABLE1.tauEe( -1 ) );
	}
}
