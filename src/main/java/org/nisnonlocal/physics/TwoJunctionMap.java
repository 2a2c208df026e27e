package org.nisnonlocal.physics;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * The model with the detector injecting too (docs/physics.md §21): Δ(V_inj, V_det) and g = ∂I_det/∂V_inj at fixed
 * V_det. One V_inj sweep per |V_det| (Δ is even in V_det: f_L^N of the detector is), each warm-started from the
 * sweep at the previous |V_det|; g from the exact ∂I_det/∂Δ · ∂Δ/∂V_inj, the partial at fixed V_det being the
 * sweep's own {@link SelfConsistentGap#biasDerivative}. With heated leads as well (docs/electrodes.md §21.4) both lead
 * temperatures are solved per bias pair, T_det enters the detector current, and g is differenced over the V_inj grid.
 */
public final class TwoJunctionMap
{
	/** [V_inj][V_det]: the uniform (injector) Δ, the local gap equation's Δ at the detector, g in units of G_det. */
	public final double[][] deltaInjector, deltaDetector, g;

	/** [V_inj][V_det]: electron temperatures of the injector and detector leads (null without lead heating). */
	public double[][] tInjector, tDetector;

	/** The sweep at the smallest |V_det| of the grid (for delta.csv and fL.csv). */
	public final EnergyModeResult smallestBias;

	/** Kinetic solves summed over the map, and the number of sweeps (distinct |V_det|). */
	public final long solves;

	public final int sweeps;

	private TwoJunctionMap( final double[][] deltaInjector, final double[][] deltaDetector, final double[][] g, final long solves, final int sweeps, final EnergyModeResult smallestBias )
	{
		this.smallestBias = smallestBias;
		this.deltaInjector = deltaInjector;
		this.deltaDetector = deltaDetector;
		this.g = g;
		this.solves = solves;
		this.sweeps = sweeps;
	}

	static TwoJunctionMap compute( final EnergyModeRun setup, final double[] vInj, final double[] vDet, final SelfConsistentGap.Progress progress )
	{
		final int n = vInj.length, m = vDet.length;
		if ( n < 2 )
			throw new org.nisnonlocal.BadInputException( "two-junction map needs at least 2 injector biases" );
		final double[] ext = Arrays.copyOf( vInj, n + 1 );
		ext[ n ] = vInj[ n - 1 ] + ( vInj[ n - 1 ] - vInj[ n - 2 ] );
		// distinct |V_det| (to 1e-12), ascending: neighbouring sweeps warm-start each other
		final TreeMap< Double, EnergyModeResult > sweeps = new TreeMap<>();
		for ( final double v : vDet )
			sweeps.put( Math.rint( Math.abs( v ) * 1e12 ) / 1e12, null );
		WarmStart warm = null;
		long solves = 0;
		for ( final double a : sweeps.keySet() )
		{
			final EnergyModeRun s = setup.copy();
			s.detectorBias = a;
			final EnergyModeResult r = s.run( ext, progress, warm );
			warm = r.warmStart();
			for ( int b = 0; b <= n; b++ )
				solves += r.scIterations( b );
			sweeps.put( a, r );
		}
		final DetectorSignal detector = setup.detector();
		final boolean heated = setup.leadHeating;
		final double[][] di = new double[ n ][ m ], dd = new double[ n ][ m ], g = new double[ n ][ m ];
		final double[][] ti = new double[ n ][ m ], td = new double[ n ][ m ];
		for ( int d = 0; d < m; d++ )
		{
			final EnergyModeResult r = sweeps.get( Math.rint( Math.abs( vDet[ d ] ) * 1e12 ) / 1e12 );
			final double[] delta = r.delta(), slope = r.deltaSlope(), local = r.localGap();
			final double[] leadInj = r.leadTemperature(), leadDet = r.detectorLeadTemperature();
			// heated leads: T_det moves with V_inj too, so I_det is differenced over the biases (margin included)
			final double[][] current = new double[ n + 1 ][ 1 ];
			if ( heated )
				for ( int b = 0; b <= n; b++ )
					current[ b ][ 0 ] = new DetectorSignal( setup.gamma, leadDet[ b ], setup.omegaD ).current( delta[ b ], vDet[ d ] );
			final double[][] fd = heated ? DetectorSignal.derivative( ext, current ) : null;
			for ( int b = 0; b < n; b++ )
			{
				di[ b ][ d ] = delta[ b ];
				dd[ b ][ d ] = local[ b ];
				g[ b ][ d ] = heated ? fd[ b ][ 0 ] : slope[ b ] == 0 ? 0 : detector.currentSlope( delta[ b ], vDet[ d ] ) * slope[ b ];
				if ( heated )
				{
					ti[ b ][ d ] = leadInj[ b ];
					td[ b ][ d ] = leadDet[ b ];
				}
			}
		}
		final TwoJunctionMap map = new TwoJunctionMap( di, dd, g, solves, sweeps.size(), sweeps.firstEntry().getValue().headWithMargin( n ) );
		if ( heated )
		{
			map.tInjector = ti;
			map.tDetector = td;
		}
		return map;
	}
}
