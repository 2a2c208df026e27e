package org.nisnonlocal.fit;

import java.util.Random;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.SupercurrentModel;

/**
 * Synthetic "measured" maps with known truth, for testing the map fits. {@link #create}: a g_sa map for
 * {@link EnergyModeMapFit}:
 * <pre>
 *   g(V_inj, V_det) = g_sa^model((V_inj − ΔV)/s, V_det/s) + B·(eV_inj/5)·(eV_det/2) + σ·n,   n ~ N(0, 1) seeded,
 * </pre>
 * all biases in eV/Δ0 (the nominal Δ0; s = Δ0/Δ0_nominal, 1 by default), g in units of G_inj G_det R_ξ. Offset convention: ΔV is the injector bias at which the
 * measured map shows the model's V_inj = 0, i.e. the measured axis reads ΔV too high. The background is odd in both
 * biases like g_sa itself (so it survives the antisymmetrisation of real maps) and equals B at the corner (5, 2).
 */
public final class SyntheticMap
{
	private SyntheticMap() {}

	/**
	 * @param setup energy-mode model (γ_ee included)
	 * @param modelStep V_inj step of the model sweep before interpolation
	 */
	public static ConductanceMap create( final EnergyModeRun setup, final double modelStep, final Axis vInj, final Axis vDet, final double offset, final double background,
			final double sigma, final long seed )
	{
		return create( setup, modelStep, vInj, vDet, offset, background, sigma, seed, 1 );
	}

	/**
	 * @param delta0Scale s = Δ0/Δ0_nominal: the map's biases are in units of the nominal Δ0, so the model is evaluated
	 *        at (V_inj − ΔV)/s, V_det/s with the same amplitude (see {@link EnergyModeMapModel}); the offset ΔV is in
	 *        the map's (nominal) units
	 */
	public static ConductanceMap create( final EnergyModeRun setup, final double modelStep, final Axis vInj, final Axis vDet, final double offset, final double background,
			final double sigma, final long seed, final double delta0Scale )
	{
		return create( setup, modelStep, vInj, vDet, offset, background, sigma, seed, delta0Scale, null );
	}

	/** As above, with progress per bias point of the model sweep and cancellation (null = none). */
	public static ConductanceMap create( final EnergyModeRun setup, final double modelStep, final Axis vInj, final Axis vDet, final double offset, final double background,
			final double sigma, final long seed, final double delta0Scale, final SelfConsistentGap.Progress progress )
	{
		if ( !( delta0Scale > 0 ) || !Double.isFinite( delta0Scale ) )
			throw new BadInputException( "delta0 scale must be finite and > 0, got " + delta0Scale );
		if ( !( sigma >= 0 ) || !Double.isFinite( sigma ) )
			throw new BadInputException( "noise sigma must be finite and >= 0, got " + sigma );
		if ( !Double.isFinite( offset ) || !Double.isFinite( background ) )
			throw new BadInputException( "offset and background must be finite" );
		final int w = vInj.size(), h = vDet.size();
		final double[] x = new double[ w * h ];
		final double[] y = new double[ w * h ];
		for ( int j = 0; j < h; j++ )
			for ( int i = 0; i < w; i++ )
			{
				x[ j * w + i ] = vInj.value( i ) - offset;
				y[ j * w + i ] = vDet.value( j );
			}
		final EnergyModeMapModel m = new EnergyModeMapModel( setup, modelStep, x, y, delta0Scale );
		m.progress( progress );
		final double[] model = m.values( setup.gammaEe, setup.gamma, setup.kappa, delta0Scale );
		final Random random = new Random( seed );
		return ConductanceMap.fromFunction( vInj, vDet, "g_sa", Units.NORMALIZED, MapMetadata.empty(), ( i, j ) -> {
			final double bg = background * ( vInj.value( i ) / 5 ) * ( vDet.value( j ) / 2 );
			// noise drawn in storage order of (j, i) loops of fromFunction: j outer, i inner, so the seed fixes every value
			return model[ j * w + i ] + bg + sigma * random.nextGaussian();
		} );
	}

	/**
	 * A g_a map for {@link GaMapPhaseGradientFit}: A·g_a^model(V_inj; ∂xφ) in every V_det row (the model does not
	 * depend on V_det) plus σ·n, n ~ N(0, 1) seeded, drawn in the order of {@link ConductanceMap#fromFunction}.
	 * Biases in eV/Δ0, g in G_inj G_det R_ξ.
	 */
	public static ConductanceMap supercurrentGa( final SupercurrentModel model, final Axis vInj, final Axis vDet, final double phaseGradient, final double amplitude,
			final double sigma, final long seed )
	{
		if ( !( sigma >= 0 ) || !Double.isFinite( sigma ) )
			throw new BadInputException( "noise sigma must be finite and >= 0, got " + sigma );
		final double[] ga = model.conductance( phaseGradient, vInj.values() ).ga();
		final Random random = new Random( seed );
		return ConductanceMap.fromFunction( vInj, vDet, "g_a", Units.NORMALIZED, MapMetadata.empty(), ( i, j ) -> amplitude * ga[ i ] + sigma * random.nextGaussian() );
	}
}
