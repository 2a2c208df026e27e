package org.nisnonlocal.physics;

/**
 * The Dynes-broadened BCS density of states (no depairing), closed form:
 * <pre>
 *   N(ε) = Re[ E / sqrt(E² − Δ²) ],   E = ε + iΓ,
 * </pre>
 * on the branch with N ≥ 0 (for ζ = 0 the joint sign flip of G, F maps the wrong root onto the right one).
 * Energies in any one unit (Δ0 for the model, eV or meV for fits). Allocation-free: fits call it millions of times.
 */
public final class DynesDos
{
	private DynesDos() {}

	/** N(ε; Δ, Γ) ≥ 0; for Γ = 0 inside the gap it is 0 and diverges at |ε| = Δ. */
	public static double n( final double eps, final double delta, final double gamma )
	{
		// z = E² − Δ² = (ε² − Γ² − Δ²) + i·2εΓ
		final double zr = eps * eps - gamma * gamma - delta * delta;
		final double zi = 2 * eps * gamma;
		// principal square root w of z
		final double mod = Math.hypot( zr, zi );
		double wr = Math.sqrt( 0.5 * ( mod + zr ) );
		double wi = Math.copySign( Math.sqrt( 0.5 * ( mod - zr ) ), zi );
		if ( wr == 0 && wi == 0 )
			return Double.POSITIVE_INFINITY; // exactly at the BCS edge with Γ = 0
		// G = E / w
		final double d = wr * wr + wi * wi;
		final double gr = ( eps * wr + gamma * wi ) / d;
		return Math.abs( gr );
	}
}
