package org.nisnonlocal.physics;

/**
 * The paper's device and model settings, written once: Table 1 (junctions and Al wire) and the energy-mode settings of
 * its App. B, in SI units and in the model's units (energies in Δ0, lengths in ξ, temperatures t = k_B T/Δ0, couplings
 * κ = G R_ξ / 2). Every default of the runner, the menu and the solvers refers here; docs/physics.md §1-2 derives the
 * model-unit values from the SI ones.
 */
public final class PaperParameters
{
	private PaperParameters() {}

	// ---- Table 1, SI

	/** Δ0 = 265 µeV, the mean of the three junctions' Dynes fits (Sec. IV). */
	public static final double DELTA0_EV = 265e-6;

	/** Normal-state conductance of the injector (junction A) and of the detector (junction B), S. */
	public static final double G_INJ_S = 24.6e-6, G_DET_S = 31.4e-6;

	/** Wire resistance per coherence length R_ξ = R ξ / l, Ω (1.45 kΩ × 65 nm / 11 µm). */
	public static final double R_XI_OHM = 8.568;

	/** Al wire: normal-state resistance R (Ω), length l (m), diffusion constant D (m²/s), dirty-limit ξ (m). */
	public static final double WIRE_RESISTANCE_OHM = 1450, WIRE_LENGTH_M = 11e-6, DIFFUSION_M2_S = 16.9e-4, XI_M = 65e-9;

	/** Bath (mixing chamber) temperature of the measurements, K. */
	public static final double T_BATH_K = 0.024;

	// ---- model units

	/**
	 * Electron temperatures of the injector and detector leads (61 mK, 37 mK, Table 1) and of the bath (24 mK), as
	 * t = k_B T / Δ0 with Δ0 = 265 µeV (k_B·24 mK/265 µeV = 0.00780).
	 */
	public static final double T_INJ = 0.0198, T_DET = 0.0120, T_BATH = 0.0078;

	/** Injector coupling κ_I = G_inj R_ξ / 2 and detector coupling κ_det = G_det R_ξ / 2. */
	public static final double KAPPA_INJ = 1.054e-4, KAPPA_DET = 1.345e-4;

	/** Wire length L = 11 µm / 65 nm in ξ, and the injector-detector distance (300 nm) in ξ. */
	public static final double LENGTH = 169.2, DISTANCE = 4.62;

	/** Energy mode (App. B): e-e relaxation rate γ_ee, Dynes Γ, Debye cutoff ω_D and energy step δε. */
	public static final double GAMMA_EE = 2e-4, GAMMA = 0.005, OMEGA_D = 10, ENERGY_STEP = 0.025;

	/** Dynes Γ of the charge-imbalance and supercurrent models (Sec. V, Figs. 9-10). */
	public static final double GAMMA_CHARGE = 1.53e-3;
}
