package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.io.NanonisSpectrumReader;
import org.nisnonlocal.io.NanonisSpectrumReader.Sweep;
import org.nisnonlocal.maps.Spectrum;

/**
 * The Gr/Re STM spectrum with a normal tip (stmtools, BiasSpectroscopyNIS.dat), against the numbers in
 * shared/data/real/README.md: the "quick check" without lock-in broadening, and the author's T_eff = 196 ± 6 mK with
 * V_ac = 15 µV rms and Γ = 10 µeV fixed.
 */
class DynesFitRealDataTest
{
	/** The spectrum; the calling test is skipped when the shared data are absent. */
	static Path grRe()
	{
		return SharedData.real( "stmtools_GrRe_NIS/BiasSpectroscopyNIS.dat" );
	}

	static Spectrum sweep( final Sweep s ) throws IOException
	{
		return NanonisSpectrumReader.readSpectrum( grRe(), s );
	}

	@Test
	void forwardSweepQuickCheck() throws IOException
	{
		final DynesFitResult r = DynesFit.fit( sweep( Sweep.FORWARD ), new DynesFitOptions() );
		System.out.println( "Gr/Re forward: " + r );
		assertEquals( 1.553, r.gN(), 0.05 * 1.553 );
		assertEquals( 0.3366e-3, r.delta(), 0.05 * 0.3366e-3 );
		assertEquals( 0.214, r.temperature(), 0.05 * 0.214 );
		assertEquals( 0.0535e-3, r.offset(), 0.02e-3 );
	}

	@Test
	void backwardSweepHasALargerOffset() throws IOException
	{
		final DynesFitResult r = DynesFit.fit( sweep( Sweep.BACKWARD ), new DynesFitOptions() );
		System.out.println( "Gr/Re backward: " + r );
		assertEquals( 0.3365e-3, r.delta(), 0.05 * 0.3365e-3 );
		assertEquals( 0.219, r.temperature(), 0.05 * 0.219 );
		assertEquals( 0.0624e-3, r.offset(), 0.02e-3 );
	}

	/**
	 * The author quotes T_eff = 196 ± 6 mK for V_ac = 15 µV rms and Γ = 10 µeV, but from a one-parameter fit (T only;
	 * Δ = 365 µeV from the peak positions, which the author calls too large, G_N and offset fixed). With all of G_N, Δ,
	 * T_e, V0 free (and Γ free) this fit lands on the author's value; fixing Γ at 10 µeV, above its best value of about
	 * 6 µeV, trades broadening from T_e into Γ and gives a lower T_e (measured 166.9 ± 1.0 mK).
	 */
	@Test
	void authorsLockInSettingGivesTheirTemperature() throws IOException
	{
		final Spectrum s = sweep( Sweep.FORWARD );
		final DynesFitResult free = DynesFit.fit( s, new DynesFitOptions().vacRms( 15e-6 ) );
		System.out.println( "Gr/Re forward, V_ac = 15 µV rms: " + free );
		assertEquals( 0.196, free.temperature(), 3 * 0.006 );
		assertEquals( 1.55, free.gN(), 0.05 * 1.55 );
		final DynesFitResult fixed = DynesFit.fit( s, new DynesFitOptions().vacRms( 15e-6 ).fixGamma( 10e-6 ) );
		System.out.println( "Gr/Re forward, V_ac = 15 µV rms, Γ = 10 µeV: " + fixed );
		final double combined = Math.hypot( free.temperatureError(), fixed.temperatureError() );
		assertTrue( fixed.temperature() < free.temperature() - 3 * combined, fixed + " vs " + free );
		assertEquals( free.delta(), fixed.delta(), 1e-3 * free.delta() );
		assertEquals( 0.3366e-3, fixed.delta(), 0.05 * 0.3366e-3 );
	}

	/** The lock-in Y channel (Input 4) is noise around zero: its dip of 0.042 V is 5.5 times the noise, not a gap. */
	@Test
	void quadratureChannelHasNoGap() throws IOException
	{
		final Spectrum y = NanonisSpectrumReader.spectrum( NanonisSpectrumReader.read( grRe() ), "Input 4 [AVG]", Sweep.FORWARD );
		final BadInputException e = assertThrows( BadInputException.class, () -> DynesFit.fit( y, new DynesFitOptions() ) );
		assertTrue( e.getMessage().startsWith( grRe() + ": no superconducting gap found: the dip (0.0422) is not above the noise (0.00773 per point)" ), e.getMessage() );
	}
}
