package org.nisnonlocal.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * The energy-mode model options shared by {@code synthesize} and {@code fit-map}, with the names and defaults of
 * {@code energy-mode} (paper's values), read into an {@link EnergyModeRun}.
 */
final class EnergyModeOptions
{
	static final String USAGE = "[--gamma 0.005] [--de 0.025] [--omega-d 10] [--kappa 1.054e-4] [--length 169.2] [--t T (all three)] [--t-inj 0.0198] [--t-det 0.0120] [--t-bath 0.00781]"
			+ " [--points 21] [--threads 2]";

	private EnergyModeOptions() {}

	/** Reads the options (γ_ee is left at the paper's value; the caller sets it). */
	static EnergyModeRun read( final Args a )
	{
		return read( a, false );
	}

	/**
	 * As {@link #read(Args)}; with {@code autoStep} {@code --de} may be {@code auto} (the default), returned as NaN in
	 * {@link EnergyModeRun#de}: the caller chooses the grid (fit-map).
	 */
	static EnergyModeRun read( final Args a, final boolean autoStep )
	{
		final EnergyModeRun s = new EnergyModeRun();
		if ( autoStep && "auto".equals( a.string( "de", "auto" ) ) )
			s.de = Double.NaN;
		else
			s.de = PhysicsCsv.positive( a, "de", 0.025 );
		s.gamma = PhysicsCsv.positive( a, "gamma", 0.005 );
		if ( s.gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + s.gamma );
		s.omegaD = a.number( "omega-d", 10 );
		if ( !( s.omegaD > 2 ) || s.omegaD > 100 )
			throw new BadInputException( "--omega-d must be in (2, 100], got " + s.omegaD );
		s.kappa = PhysicsCsv.positive( a, "kappa", 1.054e-4 );
		s.length = PhysicsCsv.positive( a, "length", 169.2 );
		final double t = a.has( "t" ) ? PhysicsCsv.nonNegative( a, "t", 0 ) : Double.NaN;
		s.tInj = EnergyModeVerb.temperature( a, "t-inj", t, EnergyModeVerb.T_INJ );
		s.tDet = EnergyModeVerb.temperature( a, "t-det", t, EnergyModeVerb.T_DET );
		s.tBath = EnergyModeVerb.temperature( a, "t-bath", t, EnergyModeVerb.T_BATH );
		s.points = a.integer( "points", EnergyModeRun.DEFAULT_POINTS );
		s.threads = a.integer( "threads", 2 );
		if ( s.threads < 1 || s.threads > 64 )
			throw new BadInputException( "--threads must be in 1..64, got " + s.threads );
		return s;
	}

	/** key=value pairs of the model parameters, for parameter files. */
	static Map< String, String > describe( final EnergyModeRun s )
	{
		final Map< String, String > m = new LinkedHashMap<>();
		m.put( "gamma_ee", Numbers.format( s.gammaEe ) );
		m.put( "gamma", Numbers.format( s.gamma ) );
		m.put( "de", Numbers.format( s.de ) );
		m.put( "omega_d", Numbers.format( s.omegaD ) );
		m.put( "kappa", Numbers.format( s.kappa ) );
		m.put( "length", Numbers.format( s.length ) );
		m.put( "t_inj", Numbers.format( s.tInj ) );
		m.put( "t_det", Numbers.format( s.tDet ) );
		m.put( "t_bath", Numbers.format( s.tBath ) );
		m.put( "points", Integer.toString( s.points ) );
		return m;
	}
}
