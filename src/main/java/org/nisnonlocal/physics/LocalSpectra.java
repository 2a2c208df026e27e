package org.nisnonlocal.physics;

/**
 * The local approximation to the spectral functions of a wire with a pair-potential profile: at each node the bulk
 * (uniform) solution of S Eq. 1 at the local Δ_k (Dynes closed form, ζ = 0). Exact for a uniform profile; for a
 * varying one it neglects the gradient term of the Usadel equation, i.e. it holds where Δ changes little over the
 * energy-dependent coherence length (see {@link UsadelWire} for the reference and docs/local-gap.md for where it holds).
 */
public final class LocalSpectra implements ProfileSpectra
{
	private final double gamma;

	public LocalSpectra( final double gamma )
	{
		this.gamma = gamma;
	}

	/** Stateless: the same instance. */
	@Override
	public LocalSpectra fresh()
	{
		return this;
	}

	@Override
	public double gamma()
	{
		return gamma;
	}

	/** Consecutive nodes with the same Δ share one grid (then the kinetic solver shares their collision spectra). */
	@Override
	public SpectralGrid[] at( final double[] delta, final double[] energies )
	{
		final SpectralGrid[] g = new SpectralGrid[ delta.length ];
		for ( int k = 0; k < delta.length; k++ )
			g[ k ] = k > 0 && delta[ k ] == delta[ k - 1 ] ? g[ k - 1 ] : new SpectralFunctions( delta[ k ], gamma, 0 ).onGrid( energies );
		return g;
	}
}
