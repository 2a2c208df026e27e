package org.nisnonlocal.physics;

/**
 * Retarded G, F along the half wire for a given pair-potential profile: one {@link SpectralGrid} per x node of the
 * kinetic solver (reservoir node included), at the requested energies. Two models: the local approximation
 * ({@link LocalSpectra}, the bulk solution at the local Δ) and the spatial Usadel equation ({@link UsadelWire}).
 */
public interface ProfileSpectra
{
	/**
	 * @param delta Δ at the M nodes of the kinetic grid (Δ0)
	 * @param energies energies (Δ0), any order; the grids keep it
	 * @return M grids; nodes with equal Δ where the model makes them equal may share one instance
	 */
	SpectralGrid[] at( double[] delta, double[] energies );

	/**
	 * The same model for another sequential computation: without caches of earlier solves (their warm starts change
	 * results at the rounding level, so each sweep chunk needs its own history for thread-independent numbers).
	 */
	ProfileSpectra fresh();

	/** Dynes Γ of the model (Δ0). */
	double gamma();
}
