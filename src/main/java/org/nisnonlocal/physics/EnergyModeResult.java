package org.nisnonlocal.physics;

/**
 * Δ(V_inj) and f_L(ε, x = 0) over a bias sweep (MODEL.md §6; S Fig. 11). Biases eV_inj and energies in Δ0.
 */
public final class EnergyModeResult
{
	private final double[] biases;

	private final double[] energies;

	private final double[] delta;

	private final int[] newton;

	private final int[] sc;

	private final double[][] fL;

	public EnergyModeResult( final double[] biases, final double[] energies, final double[] delta, final int[] newton, final int[] sc, final double[][] fL )
	{
		this.biases = biases.clone();
		this.energies = energies.clone();
		this.delta = delta.clone();
		this.newton = newton.clone();
		this.sc = sc.clone();
		this.fL = fL;
	}

	public int size()
	{
		return biases.length;
	}

	public double[] biases()
	{
		return biases.clone();
	}

	/** The kinetic energy grid ε_i. */
	public double[] energies()
	{
		return energies.clone();
	}

	/** Self-consistent Δ at each bias. */
	public double[] delta()
	{
		return delta.clone();
	}

	public int newtonIterations( final int b )
	{
		return newton[ b ];
	}

	public int scIterations( final int b )
	{
		return sc[ b ];
	}

	/** f_L(ε_i, x = 0) at bias b. */
	public double[] fL( final int b )
	{
		return fL[ b ].clone();
	}
}
