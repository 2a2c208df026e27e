package org.nisnonlocal.physics;

/**
 * The spectral charge-relaxation rate R_T of S Eq. (10), kept in one place because its form with a phase gradient
 * is AMBIGUOUS (docs/physics.md §5): a supercurrent might add a ζ-dependent term beyond what enters through G and F.
 * Decision (as S's Fig. 10 fits): R_T = 2 Δ Re F, with F computed at ζ = (∂xφ)²/2; no extra term.
 */
public final class ChargeRelaxation
{
	private ChargeRelaxation() {}

	/** R_T(ε) in units of Δ0 (with lengths in ξ, D_T ∂x² f_T = R_T f_T); Δ in Δ0, Re F dimensionless. */
	public static double rate( final double delta, final double reF )
	{
		return 2 * delta * reF;
	}
}
