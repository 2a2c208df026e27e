package org.nisnonlocal.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.LeadHeating;
import org.nisnonlocal.physics.Quadrature;
import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SpectralGrid;

/**
 * The heated injector's own local conductance (docs/electrodes.md §20.4): dI/dV of I = G ∫ N(Δ(V)) f_T^N(V, T_N(V)),
 * with Δ and T_N from the heated sweep, fitted with the Dynes model as S fits its junctions (Table 1), returns an
 * electron temperature and a gap inside the ranges T_N and Δ take over the conductance onset, where the fit reads
 * them. (T_N doubles across the gap edge, so one Dynes temperature can only be such an effective value.)
 */
public class HeatedLeadDynesTest
{
	@Test
	public void dynesFitOfTheHeatedJunctionReturnsItsLeadTemperature()
	{
		final EnergyModeRun s = new EnergyModeRun();
		s.de = 0.05;
		s.points = 11;
		s.threads = 2;
		s.leadHeating = true;
		s.leadVolume = 4e-18;
		final int n = 76;
		final double[] v = new double[ n ];
		for ( int b = 0; b < n; b++ )
			v[ b ] = 0.02 * b;
		final EnergyModeResult r = s.run( v, null );
		final double[] delta = r.delta(), tN = r.leadTemperature();
		final double[] current = new double[ n ];
		for ( int b = 0; b < n; b++ )
		{
			final Quadrature q = LeadHeating.rule( delta[ b ], s.gamma, v[ b ], s.omegaD, Math.min( s.tBath, tN[ b ] ) );
			final SpectralGrid g = new SpectralFunctions( delta[ b ], s.gamma, 0 ).onGrid( q.nodes() );
			final double[] dos = new double[ q.size() ];
			for ( int j = 0; j < dos.length; j++ )
				dos[ j ] = g.n( j );
			current[ b ] = LeadHeating.current( q, dos, v[ b ], tN[ b ] );
		}
		// conductance at the inner biases, mirrored (even in V), in mV and units of G_N
		final int m = n - 2;
		final double[] bias = new double[ 2 * m - 1 ], cond = new double[ 2 * m - 1 ];
		for ( int b = 1; b <= m; b++ )
		{
			final double gv = ( current[ b + 1 ] - current[ b - 1 ] ) / ( v[ b + 1 ] - v[ b - 1 ] );
			bias[ m - 1 + b - 1 ] = v[ b ] * LeadHeating.DELTA0_EV * 1e3;
			cond[ m - 1 + b - 1 ] = gv;
			bias[ m - 1 - ( b - 1 ) ] = -v[ b ] * LeadHeating.DELTA0_EV * 1e3;
			cond[ m - 1 - ( b - 1 ) ] = gv;
		}
		final DynesFitResult fit = DynesFit.fit( new Spectrum( bias, cond, "V", "mV", "G", "1", MapMetadata.empty() ), new DynesFitOptions().fixGamma( s.gamma * LeadHeating.DELTA0_EV ) );
		final double kelvin = LeadHeating.DELTA0_EV * org.nisnonlocal.physics.DeviceNumbers.E / org.nisnonlocal.physics.DeviceNumbers.K_B;
		// the onset: from where the thermal tail first doubles the Dynes floor G(0) ≈ Γ up to the peak, the part of the
		// spectrum that carries the temperature (tail) and the gap (peak)
		int peak = 1;
		for ( int b = 1; b <= m; b++ )
			if ( cond[ m - 1 + b - 1 ] > cond[ m - 1 + peak - 1 ] )
				peak = b;
		int first = 1;
		while ( cond[ m - 1 + first - 1 ] < 2 * cond[ m - 1 ] )
			first++;
		double lo = Double.POSITIVE_INFINITY, hi = 0, dLo = Double.POSITIVE_INFINITY, dHi = 0;
		for ( int b = first; b <= peak; b++ )
		{
			lo = Math.min( lo, tN[ b ] * kelvin );
			hi = Math.max( hi, tN[ b ] * kelvin );
		}
		// the gap falls across the edge (injection at the gap edge): the fit's one Δ lies in the spectrum's range of Δ(V)
		for ( int b = 1; b <= m; b++ )
		{
			dLo = Math.min( dLo, delta[ b ] * LeadHeating.DELTA0_EV );
			dHi = Math.max( dHi, delta[ b ] * LeadHeating.DELTA0_EV );
		}
		System.out.println( "Dynes fit of the heated junction: T_e = " + fit.temperature() + " K, Delta = " + fit.delta() + " eV; onset eV = " + v[ first ] + " .. " + v[ peak ] + ": T_N "
				+ lo + " .. " + hi + " K; spectrum's Delta " + dLo + " .. " + dHi + " eV" );
		assertTrue( fit.temperature() >= lo && fit.temperature() <= hi, fit.temperature() + " K not in " + lo + " .. " + hi );
		assertTrue( fit.delta() >= dLo - 1e-7 && fit.delta() <= dHi + 1e-7, fit.delta() + " eV not in " + dLo + " .. " + dHi );
	}
}
