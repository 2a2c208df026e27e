package org.nisnonlocal.maps;

import java.util.Locale;
import java.util.Random;

/**
 * A synthetic nonlocal conductance map with the three symmetry classes of S Sec. II, for trying the plugin on a fresh
 * install and for testing the decomposition. It is <b>phenomenological</b>, not the quasiclassical model (which the
 * physics commands compute): each part has the right symmetry and roughly the right place in the (V_inj, V_det) plane.
 * <pre>
 *   g(V_inj, V_det; I_s) = A_ci · c(V_inj)                       charge imbalance: even in V_inj, V_det, I_s
 *                        + A_e  · e(V_inj) · d(V_det)             energy mode: odd in V_inj and V_det, even in I_s
 *                        + A_m  · sgn(I_s) · m(V_inj)             mode mixing: odd in V_inj and I_s
 *                        + noise σ (seeded)
 *   c(v) = sqrt(max(0, 1 − (Δ/v)²)),  e(v) = tanh(v/w) · exp(−(|v| − Δ)²/w²),  d(u) = tanh(u/w)·exp(−(|u|−Δ)²/(4w²)),
 *   m(v) = (v/Δ) · exp(−(|v| − Δ)²/w²),  with v, u measured from the bias offset.
 * </pre>
 * Bias axes in mV, values in nS. Every parameter is recorded in the map's metadata.
 */
public final class ToyNonlocalMap
{
	public double delta0MeV = 0.265;
	public double widthMeV = 0.03;
	public double chargeNs = 0.8;
	public double energyNs = 0.5;
	public double mixingNs = 0.25;
	public double noiseNs = 0.01;
	public double offsetMv = 0.004;
	public double supercurrentUa = 10;
	public long seed = 1;
	public double vinjMaxMv = 0.6;
	public int vinjPoints = 61;
	public double vdetMaxMv = 0.4;
	public int vdetPoints = 41;

	public ConductanceMap generate()
	{
		final Axis x = Axis.between( "Vinj", "mV", -vinjMaxMv, vinjMaxMv, vinjPoints );
		final Axis y = Axis.between( "Vdet", "mV", -vdetMaxMv, vdetMaxMv, vdetPoints );
		final Random rnd = new Random( seed );
		final double s = Math.signum( supercurrentUa );
		final ConductanceMap m = ConductanceMap.empty( x, y, "g_nl", "nS", metadata() );
		for ( int j = 0; j < y.size(); j++ )
			for ( int i = 0; i < x.size(); i++ )
			{
				final double v = x.value( i ) - offsetMv, u = y.value( j ) - offsetMv;
				final double g = chargeNs * charge( v ) + energyNs * energy( v ) * detector( u ) + mixingNs * s * mixing( v )
						+ noiseNs * rnd.nextGaussian();
				m.set( i, j, ( float ) g );
			}
		return m;
	}

	private double charge( final double v )
	{
		final double r = delta0MeV / Math.abs( v );
		return r >= 1 ? 0 : Math.sqrt( 1 - r * r );
	}

	private double energy( final double v )
	{
		final double a = ( Math.abs( v ) - delta0MeV ) / widthMeV;
		return Math.tanh( v / widthMeV ) * Math.exp( -a * a );
	}

	private double detector( final double u )
	{
		final double a = ( Math.abs( u ) - delta0MeV ) / ( 2 * widthMeV );
		return Math.tanh( u / widthMeV ) * Math.exp( -a * a );
	}

	private double mixing( final double v )
	{
		final double a = ( Math.abs( v ) - delta0MeV ) / widthMeV;
		return v / delta0MeV * Math.exp( -a * a );
	}

	private MapMetadata metadata()
	{
		return MapMetadata.empty()
				.with( MapMetadata.JUNCTIONS, "A-B (synthetic)" )
				.with( MapMetadata.SUPERCURRENT_A, supercurrentUa / 1e6 )
				.with( MapMetadata.DELTA0_EV, delta0MeV / 1e3 )
				.with( MapMetadata.TEMPERATURE_K, 0.024 )
				.with( MapMetadata.G_INJ_S, 24.6e-6 )
				.with( MapMetadata.G_DET_S, 20.0e-6 )
				.with( MapMetadata.SOURCE, "synthetic: ToyNonlocalMap" )
				.withHistory( String.format( Locale.ROOT,
						"example-map delta0_meV=%s width_meV=%s charge_nS=%s energy_nS=%s mixing_nS=%s noise_nS=%s offset_mV=%s is_uA=%s seed=%d vinj_max_mV=%s vinj_points=%d vdet_max_mV=%s vdet_points=%d",
						delta0MeV, widthMeV, chargeNs, energyNs, mixingNs, noiseNs, offsetMv, supercurrentUa, seed, vinjMaxMv, vinjPoints, vdetMaxMv, vdetPoints ) );
	}
}
