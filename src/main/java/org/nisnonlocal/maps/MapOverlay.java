package org.nisnonlocal.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.nisnonlocal.BadInputException;

/**
 * A simulated map brought onto a measured map's grid and units, for comparing model and measurement.
 * <p>
 * <b>Direction.</b> The simulation is converted, the measurement never: the measured grid and units stay what the user
 * recorded, and the simulation is smooth and noiseless, so resampling it costs nothing. The parameters needed are the
 * same in either direction; only those between the two units are asked for:
 * <ul>
 * <li>bias axes (x with x, y with y): same kind → a unit factor (mV ↔ V); eV/Δ0 ↔ a voltage → Δ0 (eV). Any other
 * kind (field, current) must match the measured axis' kind.</li>
 * <li>values: the ladder "1" —×R_ξ→ Ω —×G_inj·G_det→ S (g = n·G_inj·G_det·R_ξ): "1" ↔ Ω needs R_ξ only, Ω ↔ S
 * needs G_inj and G_det only, "1" ↔ S all three; units of one kind (nS ↔ S, kΩ ↔ Ω) need nothing.</li>
 * </ul>
 * Each parameter comes from the {@link Parameters} (NaN = not given), else the measured map's metadata, else the
 * simulated map's; a missing one fails naming it and the option that gives it.
 * <p>
 * <b>Resampling</b> is {@link MapInterpolation#bilinear} of the converted simulation at each measured grid point: NaN
 * where the point lies outside the simulated range (never extrapolated); those points are counted as dropped.
 */
public final class MapOverlay
{
	/** Conversion parameters; NaN = take from the metadata (measured first, then simulated). */
	public static final class Parameters
	{
		public double delta0eV = Double.NaN;
		public double gInjS = Double.NaN;
		public double gDetS = Double.NaN;
		public double rXiOhm = Double.NaN;

		/** From dialog or option values where 0 (or any value ≤ 0, NaN) means "take it from the metadata". */
		public static Parameters orMetadata( final double delta0eV, final double gInjS, final double gDetS, final double rXiOhm )
		{
			final Parameters p = new Parameters();
			p.delta0eV = delta0eV > 0 ? delta0eV : Double.NaN;
			p.gInjS = gInjS > 0 ? gInjS : Double.NaN;
			p.gDetS = gDetS > 0 ? gDetS : Double.NaN;
			p.rXiOhm = rXiOhm > 0 ? rXiOhm : Double.NaN;
			return p;
		}
	}

	private final ConductanceMap measured;
	private final ConductanceMap simulatedConverted;
	private final ConductanceMap simulatedOnGrid;
	private final int outside;
	private final int compared;
	private final List< String > report;

	private MapOverlay( final ConductanceMap measured, final ConductanceMap simulatedConverted, final ConductanceMap simulatedOnGrid,
			final int outside, final int compared, final List< String > report )
	{
		this.measured = measured;
		this.simulatedConverted = simulatedConverted;
		this.simulatedOnGrid = simulatedOnGrid;
		this.outside = outside;
		this.compared = compared;
		this.report = Collections.unmodifiableList( report );
	}

	/** Converts {@code simulated} to the measured units and resamples it onto the measured grid. Inputs are not written. */
	public static MapOverlay of( final ConductanceMap measured, final ConductanceMap simulated, final Parameters p )
	{
		checkSimulatedUnit( simulated );
		final Parameters given = p == null ? new Parameters() : p;
		final List< String > report = new ArrayList<>();
		final Lookup look = new Lookup( given, measured.metadata(), simulated.metadata(), report );
		final Axis sx = convertAxis( simulated.xAxis(), measured.xAxis(), look, report );
		final Axis sy = convertAxis( simulated.yAxis(), measured.yAxis(), look, report );
		final double f = valueFactor( simulated, measured, look, report );
		final float[] d = simulated.data().clone();
		for ( int k = 0; k < d.length; k++ )
			d[ k ] = ( float ) ( d[ k ] * f );
		final MapMetadata md = simulated.metadata().withHistory( "overlay onto measured grid " + measured.xAxis() + "; " + measured.yAxis()
				+ " unit=" + measured.valueUnit() + " factor=" + Format.num( f ) );
		final ConductanceMap converted = new ConductanceMap( d, sx, sy, simulated.quantity(), measured.valueUnit(), md );
		final ConductanceMap onGrid = MapInterpolation.resample( converted, measured.xAxis(), measured.yAxis() );

		int out = 0, both = 0;
		for ( int j = 0; j < measured.height(); j++ )
		{
			final boolean yIn = sy.contains( measured.yAxis().value( j ) );
			for ( int i = 0; i < measured.width(); i++ )
			{
				if ( !( yIn && sx.contains( measured.xAxis().value( i ) ) ) )
					out++;
				else if ( !Float.isNaN( measured.get( i, j ) ) && !Float.isNaN( onGrid.get( i, j ) ) )
					both++;
			}
		}
		if ( out == measured.width() * measured.height() )
			throw new BadInputException( "the simulated map (" + Format.range( sx ) + " × " + Format.range( sy ) + " after conversion) does not overlap the measured map ("
					+ Format.range( measured.xAxis() ) + " × " + Format.range( measured.yAxis() ) + ")" );
		report.add( out + " of " + measured.width() * measured.height() + " measured points lie outside the simulated range (dropped); "
				+ both + " compared" );
		return new MapOverlay( measured, converted, onGrid, out, both, report );
	}

	public ConductanceMap measured() { return measured; }

	/** The simulation in the measured units on its own grid (axes converted, values scaled). */
	public ConductanceMap simulatedConverted() { return simulatedConverted; }

	/** The simulation on the measured grid and in the measured units; NaN outside the simulated range. */
	public ConductanceMap simulated() { return simulatedOnGrid; }

	/** The converted simulation at measured-unit coordinates (x, y), bilinear; NaN outside its range. */
	public double simulatedAt( final double x, final double y ) { return MapInterpolation.bilinear( simulatedConverted, x, y ); }

	/** Measured grid points outside the simulated range (NaN in {@link #simulated()} and in the residual). */
	public int droppedCount() { return outside; }

	/** Points where both maps have a value. */
	public int comparedCount() { return compared; }

	/** Lines saying which conversions were made, with which parameters from where, and how many points were dropped. */
	public List< String > report() { return report; }

	/** measured − simulated on the measured grid, NaN where either is NaN; quantity "residual", the measured unit. */
	public ConductanceMap residual()
	{
		final float[] m = measured.data(), s = simulatedOnGrid.data();
		final float[] r = new float[ m.length ];
		for ( int k = 0; k < r.length; k++ )
			r[ k ] = m[ k ] - s[ k ]; // NaN propagates from either side
		return new ConductanceMap( r, measured.xAxis(), measured.yAxis(), "residual", measured.valueUnit(),
				measured.metadata().withHistory( "residual measured-simulated (" + simulatedConverted.quantity() + ")" ) );
	}

	/** One zero-centred range for measured and simulated, so equal colours mean equal values. */
	public DisplayRange sharedRange() { return DisplayRange.sharedSymmetric( measured, simulatedOnGrid ); }

	// --- conversions -------------------------------------------------------------------------------------------

	/** The simulated axis expressed in the measured axis' unit. */
	private static Axis convertAxis( final Axis sim, final Axis meas, final Lookup look, final List< String > report )
	{
		final String su = sim.unit(), mu = meas.unit();
		if ( su.equals( mu ) )
			return sim.withName( meas.name() );
		final String sk = Units.kind( su ), mk = Units.kind( mu );
		final double f;
		if ( sk != null && sk.equals( mk ) )
			f = Units.conversionFactor( su, mu );
		else if ( Units.EV_PER_DELTA0.equals( su ) && "voltage".equals( mk ) )
		{
			// e·V = (V/Δ0)·Δ0, Δ0 in eV: the value in volts is the value in eV/Δ0 times Δ0
			final double d0 = look.delta0( "the simulated " + sim.name() + " is in eV/Δ0 and the measured " + meas.name() + " in " + mu );
			f = d0 * Units.conversionFactor( "V", mu );
		}
		else if ( Units.EV_PER_DELTA0.equals( mu ) && "voltage".equals( sk ) )
		{
			final double d0 = look.delta0( "the simulated " + sim.name() + " is in " + su + " and the measured " + meas.name() + " in eV/Δ0" );
			f = Units.conversionFactor( su, "V" ) / d0;
		}
		else
			throw new BadInputException( "cannot compare axes: the simulated " + sim.name() + " is in '" + su + "' (" + kindName( su )
					+ "), the measured " + meas.name() + " in '" + mu + "' (" + kindName( mu ) + ")" );
		report.add( "simulated " + sim.name() + ": " + su + " → " + mu + " (×" + Format.num( f ) + ")" );
		return new Axis( meas.name(), mu, sim.origin() * f, sim.step() * f, sim.size() );
	}

	/** Multiply a simulated value by this to get it in the measured value unit. */
	private static double valueFactor( final ConductanceMap sim, final ConductanceMap meas, final Lookup look, final List< String > report )
	{
		final String su = sim.valueUnit(), mu = meas.valueUnit();
		if ( su.equals( mu ) )
		{
			report.add( "values in " + mu + " in both maps: not scaled" );
			return 1;
		}
		final int ls = level( su ), lm = level( mu );
		if ( ls < 0 || lm < 0 )
			throw new BadInputException( "cannot compare values: the simulated " + sim.quantity() + " is in '" + su + "' (" + kindName( su )
					+ "), the measured " + meas.quantity() + " in '" + mu + "' (" + kindName( mu ) + "); expected a conductance (S…), Ω (g/(G_inj·G_det)) or 1 (g/(G_inj·G_det·R_ξ))" );
		// in base units of each level: 1, Ω, S
		double f = Units.conversionFactor( su, base( ls ) );
		final String why = "the simulated values are in '" + su + "' and the measured in '" + mu + "'";
		final int lo = Math.min( ls, lm ), hi = Math.max( ls, lm );
		double step = 1;
		if ( lo == 0 && hi >= 1 )
			step *= look.rXi( why );
		if ( lo <= 1 && hi == 2 )
			step *= look.gInj( why ) * look.gDet( why );
		f = ls < lm ? f * step : f / step;
		f *= Units.conversionFactor( base( lm ), mu );
		report.add( "simulated " + sim.quantity() + ": " + su + " → " + mu + " (×" + Format.num( f ) + ")" );
		return f;
	}

	/**
	 * A simulation comes in the model's units, "1" = G_inj·G_det·R_ξ, or converted to a conductance. Its unit decides a
	 * factor of R_ξ or G_inj·G_det, so it must be stated, not assumed; and Ω (g/(G_inj·G_det)) is what normalizing a
	 * measurement gives, which no model command writes: most likely the two maps were swapped or mislabelled.
	 */
	static void checkSimulatedUnit( final ConductanceMap simulated )
	{
		final String what = simulated.metadata().has( MapMetadata.SOURCE ) ? simulated.metadata().get( MapMetadata.SOURCE ) : "the simulated map";
		if ( "true".equals( simulated.metadata().get( MapMetadata.VALUE_UNIT_ASSUMED ) ) )
			throw new BadInputException( what + ": the simulated values have no unit (\"1\" was assumed at import); state it in the header, e.g. 'g (1)' for G_inj·G_det·R_ξ or 'g (nS)', or in the .meta sidecar" );
		if ( "resistance".equals( Units.kind( simulated.valueUnit() ) ) )
			throw new BadInputException( what + ": the simulated values are in " + simulated.valueUnit() + " (g/(G_inj·G_det), a normalized measurement); a simulation is in 1 (G_inj·G_det·R_ξ) or a conductance: were the maps swapped?" );
	}

	/** 0 for "1", 1 for a resistance (Ω), 2 for a conductance; −1 otherwise. */
	private static int level( final String unit )
	{
		final String k = Units.kind( unit );
		if ( "dimensionless".equals( k ) )
			return 0;
		if ( "resistance".equals( k ) )
			return 1;
		if ( "conductance".equals( k ) )
			return 2;
		return -1;
	}

	private static String base( final int level ) { return level == 0 ? Units.NORMALIZED : level == 1 ? Units.OHM : "S"; }

	private static String kindName( final String unit )
	{
		final String k = Units.kind( unit );
		return k == null ? "unknown unit" : k;
	}

	/** Parameters from the arguments, else the measured metadata, else the simulated metadata; reports the source once. */
	static final class Lookup
	{
		private final Parameters given;
		private final MapMetadata measured, simulated;
		private final List< String > report;
		private final Set< String > reported = new HashSet<>();

		Lookup( final Parameters given, final MapMetadata measured, final MapMetadata simulated, final List< String > report )
		{
			this.given = given;
			this.measured = measured;
			this.simulated = simulated;
			this.report = report;
		}

		private double used( final String key, final double v, final String from )
		{
			if ( reported.add( key ) )
				report.add( key + " = " + Format.num( v ) + " (" + from + ")" );
			return v;
		}

		double delta0( final String why )
		{
			final double v = find( given.delta0eV, MapMetadata.DELTA0_EV, "--delta0 EV (zero-temperature gap in eV)", why );
			if ( !( v >= 1e-6 && v <= 0.1 ) )
				throw new BadInputException( MapMetadata.DELTA0_EV + " = " + v + " is not a superconducting gap: expected 1e-6 <= delta0 <= 0.1 eV (e.g. 2.65e-4 for 265 µeV)" );
			return v;
		}

		double rXi( final String why )
		{
			final double v = find( given.rXiOhm, MapMetadata.R_XI_OHM, "--r-xi OHM (resistance of one coherence length)", why );
			if ( !( v > 0 && v <= 1e6 ) )
				throw new BadInputException( MapMetadata.R_XI_OHM + " = " + v + " is not a resistance of one coherence length: expected 0 < R_xi <= 1e6 Ohm" );
			return v;
		}

		double gInj( final String why ) { return conductance( given.gInjS, MapMetadata.G_INJ_S, "--ginj S (injector junction conductance)", why ); }

		double gDet( final String why ) { return conductance( given.gDetS, MapMetadata.G_DET_S, "--gdet S (detector junction conductance)", why ); }

		private double conductance( final double g, final String key, final String option, final String why )
		{
			final double v = find( g, key, option, why );
			if ( !( v > 0 && v <= 1 ) )
				throw new BadInputException( key + " = " + v + " is not a junction conductance: expected 0 < G <= 1 S (e.g. 2.46e-5 for 24.6 µS)" );
			return v;
		}

		private double find( final double g, final String key, final String option, final String why )
		{
			if ( !Double.isNaN( g ) )
			{
				if ( !Double.isFinite( g ) )
					throw new BadInputException( key + " = " + g + " is not a number" );
				return used( key, g, "given" );
			}
			for ( final MapMetadata md : new MapMetadata[] { measured, simulated } )
				if ( md.has( key ) )
				{
					final double v = md.number( key );
					if ( Double.isNaN( v ) )
						throw new BadInputException( "the " + ( md == measured ? "measured" : "simulated" ) + " map's metadata has " + key + " = '" + md.get( key ) + "', not a number" );
					return used( key, v, ( md == measured ? "measured" : "simulated" ) + " map's metadata" );
				}
			throw new BadInputException( why + ": need " + option + ", or " + key + " in the measured map's metadata" );
		}
	}
}
