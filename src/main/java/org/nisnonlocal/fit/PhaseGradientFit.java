package org.nisnonlocal.fit;

import org.nisnonlocal.BadInputException;

/**
 * Step 2 of S Fig. 10: with Γ fixed (from the I_s = 0 fit), fits the phase gradient ∂xφ to the charge-imbalance curve
 * g_ss(eV_inj) measured at a supercurrent I_s ≠ 0. The supercurrent depairs the wire, ζ = (∂xφ)²/2 (S Eq. 7), which
 * fills the gap edge, speeds up charge relaxation and so lowers and reshapes the signal. The model is even in ∂xφ, so
 * the fit gives |∂xφ|; its sign is that of I_s. Reduced units as in {@link ChargeImbalanceFit}.
 */
public final class PhaseGradientFit
{
	private PhaseGradientFit() {}

	/**
	 * @param gamma Γ (Δ0) from the I_s = 0 fit, held fixed
	 * @param options device, range, σ and amplitude setting; Γ and ∂xφ are set here (the options are not changed)
	 */
	public static ChargeImbalanceFitResult fit( final double[] vInj, final double[] g, final double gamma, final ChargeImbalanceFitOptions options, final String what )
	{
		final ChargeImbalanceFitOptions o = options.copy().fixGamma( gamma ).freePhaseGradient();
		return ChargeImbalanceFit.fit( vInj, g, o, what );
	}

	/** One fit per curve, all with the same Γ and options (σ, if set, must suit every curve). */
	public static ChargeImbalanceFitResult[] fitAll( final double[][] vInj, final double[][] g, final double gamma, final ChargeImbalanceFitOptions options, final String[] names )
	{
		if ( vInj.length != g.length || names.length != g.length )
			throw new BadInputException( "phase-gradient fits: " + vInj.length + " bias arrays, " + g.length + " curves and " + names.length + " names" );
		final ChargeImbalanceFitResult[] out = new ChargeImbalanceFitResult[ g.length ];
		for ( int c = 0; c < g.length; c++ )
			out[ c ] = fit( vInj[ c ], g[ c ], gamma, options, names[ c ] );
		return out;
	}
}
