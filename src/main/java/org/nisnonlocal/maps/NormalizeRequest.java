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

	/**
	 * The map in the units of the models: biases in eV/Δ0 and g in G_inj G_det R_ξ ({@link Units#NORMALIZED}).
	 * Voltage axes are divided by Δ0; g in a conductance unit by G_inj G_det R_ξ, g in Ω (already divided by
	 * G_inj G_det) by R_ξ; a map already in model units comes back unchanged. Parameters given as NaN or ≤ 0 are taken
	 * from the map's metadata, and only the ones a conversion needs must exist.
	 *
	 * @param what the map's name for messages
	 */
	public static ConductanceMap toModelUnits( final ConductanceMap map, final double delta0eV, final double gInjS, final double gDetS, final double rXiOhm, final String what )
	{
		final NormalizeRequest r = new NormalizeRequest();
		r.delta0eV = delta0eV;
		r.gInjS = gInjS;
		r.gDetS = gDetS;
		r.rXiOhm = rXiOhm;
		r.biasInDelta0 = false;
		for ( final Axis a : new Axis[] { map.xAxis(), map.yAxis() } )
		{
			final String kind = Units.kind( a.unit() );
			if ( "voltage".equals( kind ) )
				r.biasInDelta0 = true;
			else if ( !"bias/Δ0".equals( kind ) )
				throw new BadInputException( what + ": axis " + a.name() + " is in '" + a.unit() + "', not a bias (V, mV, µV or eV/Δ0)" );
		}
		final String kind = Units.kind( map.valueUnit() );
		ConductanceMap m = map;
		if ( "conductance".equals( kind ) )
			r.conductance = Conductance.JUNCTIONS_RXI;
		else if ( "resistance".equals( kind ) )
		{
			// g/(G_inj G_det) in Ω: only R_ξ is missing
			final double rx = given( rXiOhm ) ? rXiOhm : map.metadata().number( MapMetadata.R_XI_OHM );
			require( rx, "r_xi (resistance of one coherence length, Ohm) to divide g/(G_inj*G_det) in " + map.valueUnit() + " by" );
			if ( !( rx <= 1e6 ) )
				throw new BadInputException( "r_xi = " + rx + " is not a resistance of one coherence length: expected 0 < R_xi <= 1e6 Ohm" );
			final float f = ( float ) ( Units.conversionFactor( map.valueUnit(), Units.OHM ) / rx );
			final float[] d = map.data().clone();
			for ( int k = 0; k < d.length; k++ )
				d[ k ] *= f;
			m = new ConductanceMap( d, map.xAxis(), map.yAxis(), map.quantity(), Units.NORMALIZED,
					map.metadata().with( MapMetadata.R_XI_OHM, rx ).withHistory( "normalize by=R_xi r_xi_Ohm=" + Format.num( rx ) ) );
			r.conductance = Conductance.NONE;
		}
		else if ( "dimensionless".equals( kind ) )
			r.conductance = Conductance.NONE;
		else
			throw new BadInputException( what + ": g is in '" + map.valueUnit() + "'; expected a conductance (S, nS, ...), Ω (g/(G_inj*G_det)) or G_inj*G_det*R_xi units" );
		return r.conductance == Conductance.NONE && !r.biasInDelta0 ? m : r.apply( m );
	}

	private static boolean given( final double v ) { return Double.isFinite( v ) && v > 0; }

	private static double require( final double v, final String what )
	{
		if ( !given( v ) )
			throw new BadInputException( "no " + what + ": give it, or record it in the map's metadata" );
		return v;
	}
}
