package org.nisnonlocal.maps;

import org.nisnonlocal.BadInputException;

/**
 * What "Normalize" does in one step, shared by the menu command and the runner: conductance divided by
 * G_inj·G_det (Ω, the paper's Fig. 3 convention) or by G_inj·G_det·R_ξ (dimensionless), and/or the voltage axes in
 * units of Δ0. A parameter given as NaN (or ≤ 0 from a dialog) is taken from the map's metadata.
 */
public final class NormalizeRequest
{
	public enum Conductance
	{
		NONE, JUNCTIONS, JUNCTIONS_RXI;

		public static Conductance parse( final String s )
		{
			switch ( s == null ? "" : s.trim().toLowerCase( java.util.Locale.ROOT ) )
			{
			case "none":
				return NONE;
			case "junctions":
			case "ginj*gdet":
				return JUNCTIONS;
			case "rxi":
			case "junctions-rxi":
			case "ginj*gdet*rxi":
				return JUNCTIONS_RXI;
			default:
				throw new BadInputException( "conductance normalization '" + s + "' is not one of none, junctions, rxi" );
			}
		}
	}

	public Conductance conductance = Conductance.JUNCTIONS;
	public boolean biasInDelta0 = true;
	public double gInjS = Double.NaN;
	public double gDetS = Double.NaN;
	public double rXiOhm = Double.NaN;
	public double delta0eV = Double.NaN;

	public ConductanceMap apply( final ConductanceMap map )
	{
		if ( conductance == Conductance.NONE && !biasInDelta0 )
			throw new BadInputException( "nothing to normalize: choose a conductance normalization or bias in units of Δ0" );
		final MapMetadata m = map.metadata();
		final double gi = given( gInjS ) ? gInjS : m.number( MapMetadata.G_INJ_S );
		final double gd = given( gDetS ) ? gDetS : m.number( MapMetadata.G_DET_S );
		ConductanceMap r = map;
		if ( conductance == Conductance.JUNCTIONS )
			r = Normalization.byJunctions( r, require( gi, "g_inj (injector junction conductance, S)" ), require( gd, "g_det (detector junction conductance, S)" ) );
		else if ( conductance == Conductance.JUNCTIONS_RXI )
		{
			final double rx = given( rXiOhm ) ? rXiOhm : m.number( MapMetadata.R_XI_OHM );
			r = Normalization.byJunctionsAndRxi( r, require( gi, "g_inj (injector junction conductance, S)" ), require( gd, "g_det (detector junction conductance, S)" ),
					require( rx, "r_xi (resistance of one coherence length, Ohm)" ) );
		}
		if ( biasInDelta0 )
		{
			final double d0 = given( delta0eV ) ? delta0eV : m.number( MapMetadata.DELTA0_EV );
			r = Normalization.biasAxesInDelta0( r, require( d0, "delta0 (zero-temperature gap, eV)" ) );
		}
		return r;
	}

	private static boolean given( final double v ) { return Double.isFinite( v ) && v > 0; }

	private static double require( final double v, final String what )
	{
		if ( !given( v ) )
			throw new BadInputException( "no " + what + ": give it, or record it in the map's metadata" );
		return v;
	}
}
