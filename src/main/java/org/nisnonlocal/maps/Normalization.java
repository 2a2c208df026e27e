package org.nisnonlocal.maps;

import org.nisnonlocal.BadInputException;

/**
 * Normalizations used to compare junction pairs and to compare with the model (S Sec. IV.1, docs/physics.md §3):
 * <ul>
 * <li>g / (G_inj·G_det): removes the junction areas; the value unit becomes {@link Units#OHM} (a resistance).</li>
 * <li>g / (G_inj·G_det·R_ξ): dimensionless, the model's unit ({@link Units#NORMALIZED}).</li>
 * <li>bias / Δ0: an axis in V (or mV, µV) becomes eV/Δ0 with Δ0 in eV ({@link Units#EV_PER_DELTA0}).</li>
 * </ul>
 * g must be in a conductance unit (S, mS, µS, nS, G0); it is converted to S first. Parameters come from the arguments
 * or from the map's metadata ({@link MapMetadata#G_INJ_S}, {@link MapMetadata#G_DET_S}, {@link MapMetadata#R_XI_OHM},
 * {@link MapMetadata#DELTA0_EV}, SI units); the ones used are written into the result's metadata and history.
 * Sanity ranges catch values given in the wrong unit: 0 &lt; G ≤ 1 S, 0 &lt; R_ξ ≤ 1 MΩ, 1 µeV ≤ Δ0 ≤ 0.1 eV.
 */
public final class Normalization
{
	private Normalization() {}

	/** g / (G_inj·G_det) in Ω, junction conductances in S. */
	public static ConductanceMap byJunctions( final ConductanceMap g, final double gInjS, final double gDetS )
	{
		checkConductance( gInjS, MapMetadata.G_INJ_S );
		checkConductance( gDetS, MapMetadata.G_DET_S );
		final double f = inSiemens( g ) / ( gInjS * gDetS );
		final MapMetadata md = g.metadata().with( MapMetadata.G_INJ_S, gInjS ).with( MapMetadata.G_DET_S, gDetS )
				.withHistory( "normalize by=G_inj*G_det g_inj_S=" + Format.num( gInjS ) + " g_det_S=" + Format.num( gDetS ) );
		return scaled( g, f, Units.OHM, md );
	}

	/** g / (G_inj·G_det) in Ω, with G_inj and G_det from the map's metadata. */
	public static ConductanceMap byJunctions( final ConductanceMap g )
	{
		return byJunctions( g, fromMetadata( g.metadata(), MapMetadata.G_INJ_S, "injector junction conductance in S" ),
				fromMetadata( g.metadata(), MapMetadata.G_DET_S, "detector junction conductance in S" ) );
	}

	/** g / (G_inj·G_det·R_ξ), dimensionless; conductances in S, R_ξ in Ω. */
	public static ConductanceMap byJunctionsAndRxi( final ConductanceMap g, final double gInjS, final double gDetS, final double rXiOhm )
	{
		checkConductance( gInjS, MapMetadata.G_INJ_S );
		checkConductance( gDetS, MapMetadata.G_DET_S );
		if ( !( Double.isFinite( rXiOhm ) && rXiOhm > 0 && rXiOhm <= 1e6 ) )
			throw new BadInputException( MapMetadata.R_XI_OHM + " = " + rXiOhm + " is not a resistance of one coherence length: expected 0 < R_xi <= 1e6 Ohm" );
		final double f = inSiemens( g ) / ( gInjS * gDetS * rXiOhm );
		final MapMetadata md = g.metadata().with( MapMetadata.G_INJ_S, gInjS ).with( MapMetadata.G_DET_S, gDetS ).with( MapMetadata.R_XI_OHM, rXiOhm )
				.withHistory( "normalize by=G_inj*G_det*R_xi g_inj_S=" + Format.num( gInjS ) + " g_det_S=" + Format.num( gDetS ) + " r_xi_Ohm=" + Format.num( rXiOhm ) );
		return scaled( g, f, Units.NORMALIZED, md );
	}

	/** g / (G_inj·G_det·R_ξ) with all three from the map's metadata. */
	public static ConductanceMap byJunctionsAndRxi( final ConductanceMap g )
	{
		final MapMetadata m = g.metadata();
		return byJunctionsAndRxi( g, fromMetadata( m, MapMetadata.G_INJ_S, "injector junction conductance in S" ),
				fromMetadata( m, MapMetadata.G_DET_S, "detector junction conductance in S" ),
				fromMetadata( m, MapMetadata.R_XI_OHM, "normal-state resistance of one coherence length in Ohm" ) );
	}

	/** The map with {@code axis} in eV/Δ0 (the axis must be a voltage; Δ0 in eV). Pixels are copied unchanged. */
	public static ConductanceMap biasInDelta0( final ConductanceMap g, final MapAxis axis, final double delta0eV )
	{
		checkDelta0( delta0eV );
		final Axis a = toDelta0( axis.of( g ), delta0eV );
		final MapMetadata md = g.metadata().with( MapMetadata.DELTA0_EV, delta0eV )
				.withHistory( "bias-in-delta0 axis=" + axis.spelling() + " delta0_eV=" + Format.num( delta0eV ) );
		final ConductanceMap copy = g.copy();
		return ( axis == MapAxis.X ? copy.withAxes( a, g.yAxis() ) : copy.withAxes( g.xAxis(), a ) ).withMetadata( md );
	}

	/** The map with {@code axis} in eV/Δ0, Δ0 from the map's metadata. */
	public static ConductanceMap biasInDelta0( final ConductanceMap g, final MapAxis axis )
	{
		return biasInDelta0( g, axis, fromMetadata( g.metadata(), MapMetadata.DELTA0_EV, "zero-temperature gap in eV" ) );
	}

	/** Every voltage axis of the map (V_inj, and V_det when y is a bias) in eV/Δ0. */
	public static ConductanceMap biasAxesInDelta0( final ConductanceMap g, final double delta0eV )
	{
		ConductanceMap r = null;
		for ( final MapAxis axis : MapAxis.values() )
			if ( isVoltage( axis.of( g ) ) )
				r = biasInDelta0( r == null ? g : r, axis, delta0eV );
		if ( r == null )
			throw new BadInputException( "map " + g + " has no axis in V, mV or µV to express in eV/Δ0" );
		return r;
	}

	/** A spectrum with its bias in eV/Δ0 (bias a voltage, Δ0 in eV). */
	public static Spectrum biasInDelta0( final Spectrum s, final double delta0eV )
	{
		checkDelta0( delta0eV );
		if ( !"voltage".equals( Units.kind( s.biasUnit() ) ) )
			throw new BadInputException( notVoltage( s.biasName(), s.biasUnit() ) );
		final double f = Units.conversionFactor( s.biasUnit(), "V" ) / delta0eV;
		final double[] b = s.bias();
		for ( int i = 0; i < b.length; i++ )
			b[ i ] *= f;
		final MapMetadata md = s.metadata().with( MapMetadata.DELTA0_EV, delta0eV ).withHistory( "bias-in-delta0 delta0_eV=" + Format.num( delta0eV ) );
		return new Spectrum( b, s.values(), s.biasName(), Units.EV_PER_DELTA0, s.quantity(), s.valueUnit(), md );
	}

	private static Axis toDelta0( final Axis a, final double delta0eV )
	{
		if ( !isVoltage( a ) )
			throw new BadInputException( notVoltage( a.name(), a.unit() ) );
		// value' = value·(V per unit)/Δ0 = (value − 0)/scale
		return a.transformed( 0, delta0eV / Units.conversionFactor( a.unit(), "V" ), Units.EV_PER_DELTA0 );
	}

	private static boolean isVoltage( final Axis a ) { return "voltage".equals( Units.kind( a.unit() ) ); }

	private static String notVoltage( final String name, final String unit )
	{
		return Units.EV_PER_DELTA0.equals( unit ) ? "axis " + name + " is already in eV/Δ0"
				: "axis " + name + " is in '" + unit + "', not a voltage (V, mV, µV): cannot express it in eV/Δ0";
	}

	/** Multiply to convert the map's values to S; fails for anything that is not a conductance. */
	private static double inSiemens( final ConductanceMap g )
	{
		final String u = g.valueUnit();
		if ( !"conductance".equals( Units.kind( u ) ) )
			throw new BadInputException( g.quantity() + " is in '" + u + "', not a conductance (S, mS, µS, nS, G0)"
					+ ( Units.OHM.equals( u ) || Units.NORMALIZED.equals( u ) ? ": it looks normalized already" : "" ) );
		return Units.conversionFactor( u, "S" );
	}

	private static ConductanceMap scaled( final ConductanceMap g, final double f, final String unit, final MapMetadata md )
	{
		final float[] d = g.data().clone();
		for ( int k = 0; k < d.length; k++ )
			d[ k ] = ( float ) ( d[ k ] * f );
		return new ConductanceMap( d, g.xAxis(), g.yAxis(), g.quantity(), unit, md );
	}

	private static void checkConductance( final double gS, final String key )
	{
		if ( !( Double.isFinite( gS ) && gS > 0 && gS <= 1 ) )
			throw new BadInputException( key + " = " + gS + " is not a junction conductance: expected 0 < G <= 1 S (give it in S, e.g. 2.46e-5 for 24.6 µS)" );
	}

	private static void checkDelta0( final double delta0eV )
	{
		if ( !( Double.isFinite( delta0eV ) && delta0eV >= 1e-6 && delta0eV <= 0.1 ) )
			throw new BadInputException( MapMetadata.DELTA0_EV + " = " + delta0eV + " is not a superconducting gap: expected 1e-6 <= delta0 <= 0.1 eV (give it in eV, e.g. 2.65e-4 for 265 µeV)" );
	}

	private static double fromMetadata( final MapMetadata md, final String key, final String what )
	{
		if ( !md.has( key ) )
			throw new BadInputException( "the map's metadata has no " + key + " (" + what + "): give it as a parameter" );
		final double v = md.number( key );
		if ( Double.isNaN( v ) )
			throw new BadInputException( "the map's metadata has " + key + " = '" + md.get( key ) + "', not a number" );
		return v;
	}
}
