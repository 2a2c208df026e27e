package org.nisnonlocal.physics;

/**
 * Δ(V_inj) and f_L(ε, x = 0) over a bias sweep (docs/physics.md §12; S Fig. 11). Biases eV_inj and energies in Δ0.
 */
public final class EnergyModeResult
{
	private final double[] biases;

	private final double[] energies;

	private final double[] delta;

	private final int[] newton;

	private final int[] sc;

	private final double[][] fL;

	/** The converged sweep as a start for the next one (set by {@link EnergyModeSweep}; null otherwise). */
	WarmStart warmStart;

	/**
	 * One bias beyond the last, solved only so that g_sa = ∂I_det/∂V_inj at the last bias is a central difference
	 * ({@link EnergyModeRun#runWithMargin}); NaN when there is none.
	 */
	private double marginBias = Double.NaN, marginDelta = Double.NaN;

	/** dΔ/dV_inj at each bias ({@link SelfConsistentGap#biasDerivative}); null when the maker did not compute it. */
	double[] deltaSlope;

	/** Δ from the local gap equation at the detector per bias (NaN when not asked for; {@link SelfConsistentGap#recordGapAt}). */
	double[] localGap;

	public double[] localGap()
	{
		return localGap == null ? null : localGap.clone();
	}

	/** Heated detector lead temperature per bias when the detector injects (NaN otherwise). */
	double[] detectorLeadTemperature;

	public double[] detectorLeadTemperature()
	{
		return detectorLeadTemperature == null ? null : detectorLeadTemperature.clone();
	}

	/** Heated-lead data (null without lead heating): injector lead temperature, f_L at the detector and its energies. */
	private double[] leadTemperature;

	private double[][] detectorDistribution;

	private double[] detectorEnergies;

	void heatedLeads( final double[] leadTemperature, final double[][] detectorDistribution, final double[] detectorEnergies )
	{
		this.leadTemperature = leadTemperature;
		this.detectorDistribution = detectorDistribution;
		this.detectorEnergies = detectorEnergies;
	}

	/** Electron temperature of the heated injector lead per bias (null without lead heating). */
	public double[] leadTemperature()
	{
		return leadTemperature == null ? null : leadTemperature.clone();
	}

	/** f_L(ε, x_det) − n0(ε; t_bath) at bias b on {@link #detectorEnergies()} (null without lead heating). */
	public double[] detectorDistribution( final int b )
	{
		return detectorDistribution == null ? null : detectorDistribution[ b ].clone();
	}

	public double[] detectorEnergies()
	{
		return detectorEnergies == null ? null : detectorEnergies.clone();
	}

	/** GMRES iterations per bias (zeros when not recorded). */
	private final int[] krylov;

	public EnergyModeResult( final double[] biases, final double[] energies, final double[] delta, final int[] newton, final int[] sc, final double[][] fL )
	{
		this( biases, energies, delta, newton, new int[ biases.length ], sc, fL );
	}

	public EnergyModeResult( final double[] biases, final double[] energies, final double[] delta, final int[] newton, final int[] krylov, final int[] sc, final double[][] fL )
	{
		this.krylov = krylov.clone();
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

	/** GMRES iterations (each one Jacobian-vector product on every node) at bias b, summed over its kinetic solves. */
	public int krylovIterations( final int b )
	{
		return krylov[ b ];
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

	/** dΔ/dV_inj at each bias, exact to the solver's tolerance (null when not computed). */
	public double[] deltaSlope()
	{
		return deltaSlope == null ? null : deltaSlope.clone();
	}

	/** This sweep as the start of the next one over the same biases (null when not made by a sweep). */
	public WarmStart warmStart() { return warmStart; }

	/** The first n bias points, with bias n kept as the margin for the derivative at bias n − 1. */
	EnergyModeResult headWithMargin( final int n )
	{
		final int[] k = java.util.Arrays.copyOf( krylov, n );
		final EnergyModeResult r = new EnergyModeResult( java.util.Arrays.copyOf( biases, n ), energies, java.util.Arrays.copyOf( delta, n ), java.util.Arrays.copyOf( newton, n ), k,
				java.util.Arrays.copyOf( sc, n ), java.util.Arrays.copyOf( fL, n ) );
		r.deltaSlope = deltaSlope == null ? null : java.util.Arrays.copyOf( deltaSlope, n );
		r.localGap = localGap == null ? null : java.util.Arrays.copyOf( localGap, n );
		r.detectorLeadTemperature = detectorLeadTemperature == null ? null : java.util.Arrays.copyOf( detectorLeadTemperature, n );
		if ( leadTemperature != null )
			r.heatedLeads( java.util.Arrays.copyOf( leadTemperature, n ), java.util.Arrays.copyOf( detectorDistribution, n ), detectorEnergies );
		r.marginBias = biases[ n ];
		r.marginDelta = delta[ n ];
		return r;
	}

	/** The biases with the margin bias appended (when there is one): the points g_sa is differenced over. */
	double[] biasesForDerivative()
	{
		return Double.isNaN( marginBias ) ? biases.clone() : append( biases, marginBias );
	}

	/** Δ at {@link #biasesForDerivative()}. */
	double[] deltaForDerivative()
	{
		return Double.isNaN( marginDelta ) ? delta.clone() : append( delta, marginDelta );
	}

	private static double[] append( final double[] a, final double v )
	{
		final double[] c = java.util.Arrays.copyOf( a, a.length + 1 );
		c[ a.length ] = v;
		return c;
	}
}
