package org.nisnonlocal.physics;

/**
 * One local-gap energy-mode computation (issue 17) with the paper's defaults (as {@link EnergyModeRun}: S App. B,
 * Table 1) plus the detector position x_det = 4.62 ξ (junction B at 300 nm) and the spectral model; changed field by
 * field, then {@link #run} for Δ(x, V_inj), Δ at injector and detector, f_L(ε, 0), and g_sa with the detector's DOS.
 */
public final class LocalGapRun
{
	/** How N, M = Im F, D_L follow the profile. */
	public enum Spectra
	{
		/** The spatial Usadel equation ({@link UsadelWire}): the default, see docs/local-gap.md. */
		USADEL,
		/** The bulk solution at the local Δ ({@link LocalSpectra}): valid only where Δ varies slowly on the scale ξ. */
		LOCAL
	}

	public double gammaEe = 2e-4;
	public double gamma = 0.005;
	public double de = 0.025;
	public double omegaD = 10;
	public double kappa = 1.054e-4;
	public double length = 169.2;
	public double tInj = 0.0198;
	public double tDet = 0.0120;
	public double tBath = 0.0078;
	/** Detector position, ξ from the injector (S Table 1: 300 nm = 4.62 ξ). */
	public double xDetector = 4.62;
	public int points = EnergyModeRun.DEFAULT_POINTS;
	public int refine = 1;
	/** Sub-cells per kinetic cell of the Usadel grid (1: the kinetic nodes). */
	public int usadelRefine = 1;
	public Spectra spectra = Spectra.USADEL;
	public int threads = 2;

	/** The self-consistent solver these fields describe. */
	public LocalSelfConsistentGap solver()
	{
		final LocalGapKinetics kinetics = new LocalGapKinetics( EnergyModeSolver.energyGrid( omegaD, de ), kappa, length / 2, points, gammaEe );
		return new LocalSelfConsistentGap( new LocalGapEquation( kinetics, spectraModel( kinetics ), omegaD, tInj, tBath, refine ), tInj, tBath );
	}

	private ProfileSpectra spectraModel( final LocalGapKinetics kinetics )
	{
		return spectra == Spectra.USADEL ? new UsadelWire( kinetics.positions(), gamma, usadelRefine ) : new LocalSpectra( gamma );
	}

	/** The sweep over {@code vInj} (ascending from the lowest |V|: the profile follows the up-sweep branch). */
	public LocalGapResult run( final double[] vInj, final SelfConsistentGap.Progress progress )
	{
		final LocalSelfConsistentGap gap = solver();
		final ProfileDetector det = new ProfileDetector( gap.equation().spectra().fresh(), gap.kinetics().positions(), xDetector, tDet, omegaD );
		return LocalGapSweep.run( gap, det, vInj, threads, progress );
	}

	/** As {@link EnergyModeRun#runWithMargin}: one bias beyond the last as the margin of the g_sa derivative. */
	public LocalGapResult runWithMargin( final double[] vInj, final SelfConsistentGap.Progress progress )
	{
		final int n = vInj.length;
		if ( n < 2 )
			return run( vInj, progress );
		final double[] ext = java.util.Arrays.copyOf( vInj, n + 1 );
		ext[ n ] = vInj[ n - 1 ] + ( vInj[ n - 1 ] - vInj[ n - 2 ] );
		return run( ext, progress ).headWithMargin( n );
	}
}
