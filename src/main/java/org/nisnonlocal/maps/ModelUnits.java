package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nisnonlocal.BadInputException;

/**
 * A measured bias–bias map expressed in the model's units: both biases in eV/Δ0 and g in units of G_inj·G_det·R_ξ
 * (the units of the energy-mode g_sa). The inverse of what {@link MapOverlay} does to a simulation; the parameters
 * come from the given {@link MapOverlay.Parameters} (NaN = not given), else the map's metadata, and a missing one
 * fails naming the option that gives it. The input map is not written.
 * <p>
 * A map that carries no units (a plain text {@code Vinj,Vdet,g} of numbers: the importer gives its axes and values
 * "1") is in model units, as the runner's contract says: see {@link #unitlessAsModelUnits}. Units that are known but
 * cannot be model units (a field, a current, pixels) are refused.
 */
public final class ModelUnits
{
	private final ConductanceMap map;

	private final List< String > report;

	private final double valueFactor;

	private final String unitless;

	private ModelUnits( final ConductanceMap map, final double valueFactor, final List< String > report, final String unitless )
	{
		this.map = map;
		this.valueFactor = valueFactor;
		this.report = Collections.unmodifiableList( report );
		this.unitless = unitless;
	}

	public static ModelUnits of( final ConductanceMap measured, final MapOverlay.Parameters p ) { return of( measured, p, null ); }

	/**
	 * As {@link #of(ConductanceMap, MapOverlay.Parameters)}; {@code source} (the file or image the map came from, null
	 * for none) starts the message when a unit cannot be model units.
	 */
	public static ModelUnits of( final ConductanceMap input, final MapOverlay.Parameters p, final String source )
	{
		final List< String > notes = new ArrayList<>();
		final ConductanceMap measured = unitlessAsModelUnits( input, notes );
		final String from = source == null ? "" : source + ": ";
		final List< String > report = new ArrayList<>();
		final MapOverlay.Lookup look = new MapOverlay.Lookup( p == null ? new MapOverlay.Parameters() : p, measured.metadata(), MapMetadata.empty(), report );
		final Axis x = bias( measured.xAxis(), look, report, from );
		final Axis y = bias( measured.yAxis(), look, report, from );
		final double f = valueFactor( measured, look, report, from );
		final float[] d = measured.data().clone();
		if ( f != 1 )
			for ( int k = 0; k < d.length; k++ )
				d[ k ] = ( float ) ( d[ k ] * f );
		final ConductanceMap out = f == 1 && x == measured.xAxis() && y == measured.yAxis() ? measured
				: new ConductanceMap( d, x, y, measured.quantity(), Units.NORMALIZED, measured.metadata().withHistory( "in model units: " + String.join( "; ", report ) ) );
		return new ModelUnits( out, f, report, notes.isEmpty() ? "" : notes.get( 0 ) );
	}

	/**
	 * The runner's contract for a map that carries no units (a plain text {@code Vinj,Vdet,g} of numbers): it is in
	 * model units. A bias axis in "1" (what the importer gives an axis without a unit; no bias is dimensionless) is
	 * taken as eV/Δ0; values without a unit came in as "1" ({@link MapMetadata#VALUE_UNIT_ASSUMED}), which is
	 * G_inj·G_det·R_ξ already. Returns the map with such axes relabelled, values untouched (the input itself when no
	 * axis was), and adds one line to {@code notes} saying what was taken, e.g. "has no units (Vinj, Vdet, g): taken as
	 * model units, eV/Δ0 and G_inj·G_det·R_ξ"; nothing when every unit was given. Units that are given are left as
	 * they are, for the caller to convert or refuse.
	 */
	public static ConductanceMap unitlessAsModelUnits( final ConductanceMap m, final List< String > notes )
	{
		final List< String > names = new ArrayList<>();
		final Axis x = unitlessBias( m.xAxis(), names ), y = unitlessBias( m.yAxis(), names );
		final boolean axes = !names.isEmpty();
		final boolean values = Units.NORMALIZED.equals( m.valueUnit() ) && "true".equals( m.metadata().get( MapMetadata.VALUE_UNIT_ASSUMED ) );
		if ( values )
			names.add( m.quantity() );
		if ( names.isEmpty() )
			return m;
		final String note = "has no unit" + ( names.size() > 1 ? "s" : "" ) + " (" + String.join( ", ", names ) + "): taken as model units, "
				+ ( axes ? Units.EV_PER_DELTA0 : "" ) + ( axes && values ? " and " : "" ) + ( values ? "G_inj·G_det·R_ξ" : "" );
		notes.add( note );
		return axes ? m.withAxes( x, y ).withMetadata( m.metadata().withHistory( note ) ) : m;
	}

	private static Axis unitlessBias( final Axis a, final List< String > names )
	{
		if ( !Units.NORMALIZED.equals( a.unit() ) )
			return a;
		names.add( a.name() );
		return new Axis( a.name(), Units.EV_PER_DELTA0, a.origin(), a.step(), a.size() );
	}

	/**
	 * The other direction for a map in model units (eV/Δ0, G_inj·G_det·R_ξ): biases in mV and g in nS, the four
	 * parameters written into the metadata so that every command can normalize the map back.
	 */
	public static ConductanceMap physical( final ConductanceMap model, final double delta0eV, final double gInjS, final double gDetS, final double rXiOhm )
	{
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.delta0eV = delta0eV;
		p.gInjS = gInjS;
		p.gDetS = gDetS;
		p.rXiOhm = rXiOhm;
		final MapOverlay.Lookup look = new MapOverlay.Lookup( p, MapMetadata.empty(), MapMetadata.empty(), new ArrayList<>() );
		for ( final Axis a : new Axis[] { model.xAxis(), model.yAxis() } )
			if ( !Units.EV_PER_DELTA0.equals( a.unit() ) )
				throw new BadInputException( a.name() + " is in '" + a.unit() + "', not in eV/Δ0" );
		if ( !Units.NORMALIZED.equals( model.valueUnit() ) )
			throw new BadInputException( model.quantity() + " is in '" + model.valueUnit() + "', not in units of G_inj·G_det·R_ξ" );
		final double mV = look.delta0( "" ) * 1e3;
		final double nS = look.gInj( "" ) * look.gDet( "" ) * look.rXi( "" ) * 1e9;
		final float[] d = model.data().clone();
		for ( int k = 0; k < d.length; k++ )
			d[ k ] = ( float ) ( d[ k ] * nS );
		final MapMetadata md = model.metadata().with( MapMetadata.DELTA0_EV, delta0eV ).with( MapMetadata.G_INJ_S, gInjS ).with( MapMetadata.G_DET_S, gDetS )
				.with( MapMetadata.R_XI_OHM, rXiOhm ).withHistory( "physical units: biases ×" + Format.num( mV ) + " mV, g ×" + Format.num( nS ) + " nS" );
		return new ConductanceMap( d, model.xAxis().transformed( 0, 1 / mV, "mV" ), model.yAxis().transformed( 0, 1 / mV, "mV" ), model.quantity(), "nS", md );
	}

	/** The map in eV/Δ0 and G_inj·G_det·R_ξ (the input itself when it already was). */
	public ConductanceMap map() { return map; }

	/** g in model units = this × g in the map's own unit (1 when no conversion was needed). */
	public double valueFactor() { return valueFactor; }

	/** Which conversions were made with which parameters from where; empty when none was needed. */
	public List< String > report() { return report; }

	/**
	 * What was taken as model units because the map carried no unit for it ({@link #unitlessAsModelUnits}), one line
	 * to print after the file's name; empty when every unit was given.
	 */
	public String unitless() { return unitless; }

	private static Axis bias( final Axis a, final MapOverlay.Lookup look, final List< String > report, final String from )
	{
		final String u = a.unit();
		if ( Units.EV_PER_DELTA0.equals( u ) )
			return a;
		if ( !"voltage".equals( Units.kind( u ) ) )
			throw new BadInputException( from + a.name() + " is in '" + u + "'; the model needs a bias in eV/Δ0 or a voltage (V, mV, µV) with Δ0" );
		// eV/Δ0 = (V in volts)/(Δ0 in eV)
		final double f = Units.conversionFactor( u, "V" ) / look.delta0( a.name() + " is in " + u );
		report.add( a.name() + ": " + u + " → eV/Δ0 (×" + Format.num( f ) + ")" );
		return new Axis( a.name(), Units.EV_PER_DELTA0, a.origin() * f, a.step() * f, a.size() );
	}

	private static double valueFactor( final ConductanceMap m, final MapOverlay.Lookup look, final List< String > report, final String from )
	{
		final String u = m.valueUnit();
		final String kind = Units.kind( u );
		final String why = m.quantity() + " is in " + u;
		final double f;
		if ( "dimensionless".equals( kind ) )
			f = Units.conversionFactor( u, Units.NORMALIZED );
		else if ( "resistance".equals( kind ) )
			f = Units.conversionFactor( u, Units.OHM ) / look.rXi( why );
		else if ( "conductance".equals( kind ) )
			f = Units.conversionFactor( u, "S" ) / ( look.gInj( why ) * look.gDet( why ) * look.rXi( why ) );
		else
			throw new BadInputException( from + m.quantity() + " is in '" + u + "'; expected a conductance (S…), Ω (g/(G_inj·G_det)) or 1 (g/(G_inj·G_det·R_ξ))" );
		if ( f != 1 )
			report.add( m.quantity() + ": " + u + " → G_inj·G_det·R_ξ (×" + Format.num( f ) + ")" );
		return f;
	}
}
