package org.nisnonlocal.physics;

import java.util.Arrays;

/**
 * The detector side with heated leads (docs/physics.md §20): per (V_inj, V_det) the detector lead's electron
 * temperature from its heat balance with the wire's f_L at the detector position and Δ(V_inj), the detector current
 * at that temperature, and g_sa = ∂I_det/∂V_inj by central differences over the bias grid (the lead temperatures
 * move with V_inj, so the exact ∂I/∂Δ · dΔ/dV_inj of {@link DetectorSignal#gsaExact} does not apply).
 */
public final class HeatedLeadMap
{
	/** The sweep over the requested biases (the margin bias dropped). */
	public final EnergyModeResult result;

	/** Injector lead temperature per V_inj; detector lead temperature [V_inj][V_det] (Δ0/k_B). */
	public final double[] tInj;

	public final double[][] tDet;

	/** g_sa [V_inj][V_det] in units of G_det (as {@link DetectorSignal#gsa}). */
	public final double[][] gsa;

	private HeatedLeadMap( final EnergyModeResult result, final double[] tInj, final double[][] tDet, final double[][] gsa )
	{
		this.result = result;
		this.tInj = tInj;
		this.tDet = tDet;
		this.gsa = gsa;
	}

	static HeatedLeadMap compute( final EnergyModeRun setup, final double[] vInj, final double[] vDet, final SelfConsistentGap.Progress progress )
	{
		final int n = vInj.length;
		if ( n < 2 )
			throw new org.nisnonlocal.BadInputException( "heated-lead map needs at least 2 injector biases" );
		// one bias beyond the last, so that the last column is a central difference too
		final double[] ext = Arrays.copyOf( vInj, n + 1 );
		ext[ n ] = vInj[ n - 1 ] + ( vInj[ n - 1 ] - vInj[ n - 2 ] );
		final EnergyModeResult full = setup.run( ext, progress );
		final LeadHeating lead = setup.detectorLead();
		final double[] delta = full.delta();
		final double[] energies = full.detectorEnergies();
		final double[][] tDet = new double[ n + 1 ][ vDet.length ];
		final double[][] current = new double[ n + 1 ][ vDet.length ];
		for ( int b = 0; b <= n; b++ )
		{
			final double[] f = full.detectorDistribution( b );
			for ( int d = 0; d < vDet.length; d++ )
			{
				tDet[ b ][ d ] = detectorTemperature( lead, delta[ b ], setup.gamma, setup.omegaD, vDet[ d ], energies, f );
				current[ b ][ d ] = new DetectorSignal( setup.gamma, tDet[ b ][ d ], setup.omegaD ).current( delta[ b ], vDet[ d ] );
			}
		}
		final double[][] g = DetectorSignal.derivative( ext, current );
		return new HeatedLeadMap( full.headWithMargin( n ), Arrays.copyOf( full.leadTemperature(), n ), Arrays.copyOf( tDet, n ), Arrays.copyOf( g, n ) );
	}

	/** The detector lead's temperature at Δ and bias v for the wire's f_L − n0(t_bath) tabulated on uniform energies ≥ 0. */
	static double detectorTemperature( final LeadHeating lead, final double delta, final double gamma, final double omegaD, final double v, final double[] energies, final double[] fL )
	{
		final Quadrature q = LeadHeating.rule( delta, gamma, v, omegaD, lead.phononTemperature() );
		final double[] nodes = q.nodes();
		final SpectralGrid sg = new SpectralFunctions( delta, gamma, 0 ).onGrid( nodes );
		final double[] dos = new double[ nodes.length ];
		final double[] f = new double[ nodes.length ];
		final double step = energies[ 1 ] - energies[ 0 ];
		for ( int j = 0; j < nodes.length; j++ )
		{
			dos[ j ] = sg.n( j );
			final double pos = ( nodes[ j ] - energies[ 0 ] ) / step;
			final int k = Math.max( 0, Math.min( energies.length - 2, ( int ) Math.floor( pos ) ) );
			final double w = Math.max( 0, Math.min( 1, pos - k ) );
			f[ j ] = ( 1 - w ) * fL[ k ] + w * fL[ k + 1 ] + EnergyModeSolver.n0( nodes[ j ], lead.phononTemperature() );
		}
		return lead.temperature( q, dos, f, v );
	}
}
