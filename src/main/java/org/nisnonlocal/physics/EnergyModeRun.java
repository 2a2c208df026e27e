package org.nisnonlocal.physics;

/**
 * One energy-mode computation as the runner, the menu and {@code reproduce} set it up: the paper's defaults
 * (S App. B, Table 1: ω_D = 10, Γ = 0.005, δε = 1/40, 0 ≤ eV_inj ≤ 5 step 0.1, γ_ee = 2·10⁻⁴, κ_I = 1.054·10⁻⁴,
 * L = 169.2 ξ, t_inj = 0.0198 (61 mK), t_det = 0.0120 (37 mK), t_bath = 0.0078 (24 mK), {@link #DEFAULT_POINTS} x nodes), changed field by
 * field, then {@link #run} for Δ(V_inj), f_L(ε, 0) and the detector signal.
 */
public final class EnergyModeRun
{
	public double gammaEe = 2e-4;
	public double gamma = 0.005;
	public double de = 0.025;
	public double omegaD = 10;
	public double kappa = 1.054e-4;
	public double length = 169.2;
	public double tInj = 0.0198;
	public double tDet = 0.0120;
	public double tBath = 0.0078;
	/**
	 * x nodes of the half wire (quadratic spacing, clustered at the injector). 21 balances the discretization errors:
	 * Δ(V_inj) differs from 81 nodes by ≤ 3e-5 (second order; 41 nodes: ≤ 6e-6), while the energy grid's own error
	 * is 1.6e-4 … 2.7e-3 between δε = 1/100 and 1/200 (Γ = 1.53e-3) and larger at the paper's 1/40: 41 nodes cost
	 * 1.6× more for accuracy the energy grid cannot use (BENCHMARKS.md, "x grid against the energy grid").
	 */
	public static final int DEFAULT_POINTS = 21;

	public int points = DEFAULT_POINTS;
	public int refine = 1;
	public int threads = 2;

	/**
	 * Spectral functions sampled at the energy nodes (the paper's scheme) instead of averaged over the cells (default):
	 * see {@link SelfConsistentGap#pointSampled}.
	 */
	public boolean pointSampled = false;

	/**
	 * Heated normal leads (docs/physics.md §20; off: both electrodes stay at t_inj, t_det): each lead's electron
	 * temperature from its junction's heat against electron-phonon cooling Σ·Ω·(T⁵ − T_bath⁵) plus I²·R_lead.
	 */
	public boolean leadHeating = false;

	public double leadSigma = LeadHeating.SIGMA_CU;

	public double leadVolume = LeadHeating.DEFAULT_VOLUME;

	public double leadResistance = 0;

	/** Injector-detector distance in ξ (S: 300 nm = 4.62 ξ); enters only with heated leads or detector injection. */
	public double distance = 4.62;

	/** Detector coupling G_det R_ξ / 2 (S Table 1: 31.4 µS × 8.568 Ω / 2), the analogue of {@link #kappa}. */
	public double kappaDet = 1.345e-4;

	/**
	 * Detector bias of a second, injecting junction at {@link #distance} with {@link #kappaDet} (docs/physics.md §21);
	 * NaN (default): the detector is the paper's passive probe.
	 */
	public double detectorBias = Double.NaN;

	/** dΔ/dV_inj is computed only at biases ≥ this (NaN below): see {@link SelfConsistentGap#derivativeFrom}. */
	public double derivativeFrom = 0;

	/** The sweep over {@code vInj} (≥ 0, ascending), warm-started chunk by chunk; results independent of threads. */
	public EnergyModeResult run( final double[] vInj, final SelfConsistentGap.Progress progress )
	{
		return run( vInj, progress, null );
	}

	/** As above, started from a previous sweep over the same biases with nearby parameters (null: cold). */
	public EnergyModeResult run( final double[] vInj, final SelfConsistentGap.Progress progress, final WarmStart warm )
	{
		final EnergyModeSolver single = new EnergyModeSolver( EnergyModeSolver.energyGrid( omegaD, de ), kappa, length / 2, points, gammaEe );
		final boolean twoJunctions = !Double.isNaN( detectorBias );
		final EnergyModeSolver solver = twoJunctions ? single.withDetector( distance, kappaDet, detectorBias, tDet ) : single;
		final SelfConsistentGap gap = new SelfConsistentGap( solver, gamma, omegaD, tInj, tBath, refine );
		if ( twoJunctions )
			gap.recordGapAt( distance );
		if ( leadHeating )
			gap.withLeadHeating( injectorLead(), distance );
		if ( leadHeating && twoJunctions )
			gap.withDetectorLeadHeating( detectorLead() );
		gap.derivativeFrom( derivativeFrom );
		return EnergyModeSweep.run( pointSampled ? gap.pointSampled() : gap, vInj, threads, progress, warm );
	}

	/**
	 * The sweep over {@code vInj} (ascending, ≥ 2 biases) plus one more bias a step beyond the last, kept only as the
	 * margin of the g_sa derivative: without it the last column of a g_sa map is a one-sided difference, which was
	 * off by up to 2× where Δ(V_inj) bends (eV_inj = 5, eV_det = 1: 128 against 242). Progress counts n + 1 points.
	 */
	public EnergyModeResult runWithMargin( final double[] vInj, final SelfConsistentGap.Progress progress )
	{
		final int n = vInj.length;
		if ( n < 2 )
			return run( vInj, progress );
		final double[] ext = java.util.Arrays.copyOf( vInj, n + 1 );
		ext[ n ] = vInj[ n - 1 ] + ( vInj[ n - 1 ] - vInj[ n - 2 ] );
		return run( ext, progress ).headWithMargin( n );
	}

	/** An independent copy (a model or fit changes its copy, never the caller's object). */
	public EnergyModeRun copy()
	{
		final EnergyModeRun c = new EnergyModeRun();
		c.gammaEe = gammaEe;
		c.gamma = gamma;
		c.de = de;
		c.omegaD = omegaD;
		c.kappa = kappa;
		c.length = length;
		c.tInj = tInj;
		c.tDet = tDet;
		c.tBath = tBath;
		c.points = points;
		c.refine = refine;
		c.threads = threads;
		c.pointSampled = pointSampled;
		c.leadHeating = leadHeating;
		c.leadSigma = leadSigma;
		c.leadVolume = leadVolume;
		c.leadResistance = leadResistance;
		c.distance = distance;
		c.kappaDet = kappaDet;
		c.detectorBias = detectorBias;
		c.derivativeFrom = derivativeFrom;
		return c;
	}

	public DetectorSignal detector() { return new DetectorSignal( gamma, tDet, omegaD ); }

	/** The injector lead's heat balance (junction conductance from κ_I). */
	public LeadHeating injectorLead() { return new LeadHeating( leadSigma, leadVolume, LeadHeating.conductance( kappa ), leadResistance, tBath ); }

	/** The detector lead's heat balance (junction conductance from κ_det). */
	public LeadHeating detectorLead() { return new LeadHeating( leadSigma, leadVolume, LeadHeating.conductance( kappaDet ), leadResistance, tBath ); }

	/** The map with the detector injecting ({@link TwoJunctionMap}): one V_inj sweep per |V_det|. */
	public TwoJunctionMap twoJunctionMap( final double[] vInj, final double[] vDet, final SelfConsistentGap.Progress progress )
	{
		return TwoJunctionMap.compute( this, vInj, vDet, progress );
	}

	/** The g_sa map with heated leads ({@link HeatedLeadMap}); needs {@link #leadHeating}. */
	public HeatedLeadMap heatedMap( final double[] vInj, final double[] vDet, final SelfConsistentGap.Progress progress )
	{
		if ( !leadHeating )
			throw new IllegalStateException( "heatedMap needs leadHeating" );
		return HeatedLeadMap.compute( this, vInj, vDet, progress );
	}

	/** The coupling constant of the gap equation, calibrated as in {@link SelfConsistentGap} (Δ = 1 at t = 0). */
	public double lambda() { return new GapEquation( gamma, omegaD ).lambda(); }
}
