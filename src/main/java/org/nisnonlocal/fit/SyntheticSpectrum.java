package org.nisnonlocal.fit;

import java.util.Random;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.DeviceNumbers;

/**
 * A synthetic local dI/dV spectrum of a NIS junction with known truth, the companion of a {@link SyntheticMap}: the
 * thermally smeared Dynes conductance G_N·N(e(V − V0)) ({@link DynesConductance}) plus seeded Gaussian noise of
 * relative size σ_rel·G_N, on V0 − span … V0 + span. A Dynes fit of it returns the Δ0, Γ, T and V0 used here.
 */
public final class SyntheticSpectrum
{
	/** Bias in V and dI/dV in S, ascending in bias. */
	public final double[] biasV, conductanceS;

	private SyntheticSpectrum( final double[] biasV, final double[] conductanceS )
	{
		this.biasV = biasV;
		this.conductanceS = conductanceS;
	}

	/**
	 * @param delta0eV gap (eV)
	 * @param gamma Dynes Γ/Δ0
	 * @param t k_B T/Δ0 of the junction
	 * @param gN normal-state conductance (S)
	 * @param offsetV bias offset V0 (V)
	 * @param relativeNoise noise σ/G_N
	 * @param points number of biases over ±3Δ0/e around V0
	 */
	public static SyntheticSpectrum create( final double delta0eV, final double gamma, final double t, final double gN, final double offsetV, final double relativeNoise,
			final long seed, final int points )
	{
		if ( !( delta0eV > 0 ) || !( gamma > 0 ) || !( t > 0 ) || !( gN > 0 ) || !Double.isFinite( offsetV ) || !( relativeNoise >= 0 ) || points < 11 )
			throw new BadInputException( "synthetic spectrum: need delta0, gamma, t, G_N > 0, finite offset, noise >= 0 and >= 11 points" );
		final double span = 3 * delta0eV;
		final double[] v = new double[ points ];
		for ( int k = 0; k < points; k++ )
			v[ k ] = offsetV - span + 2 * span * k / ( points - 1 );
		final double kelvin = t * delta0eV * DeviceNumbers.E / DeviceNumbers.K_B;
		final double[] g = DynesConductance.conductance( v, gN, delta0eV, gamma * delta0eV, kelvin, offsetV, 0 );
		final Random random = new Random( seed );
		for ( int k = 0; k < points; k++ )
			g[ k ] += relativeNoise * gN * random.nextGaussian();
		return new SyntheticSpectrum( v, g );
	}
}
