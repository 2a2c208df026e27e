package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapCsvWriter;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.io.TiffMapIO;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.physics.DetectorSignal;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.EnergyModeRun;
import org.nisnonlocal.physics.HeatedLeadMap;
import org.nisnonlocal.physics.TwoJunctionMap;
import org.nisnonlocal.physics.SelfConsistentGap;

/**
 * {@code energy-mode}: self-consistent Δ(V_inj) with the energy-mode kinetics (elastic or with e-e scattering),
 * f_L(ε, 0) and the g_sa map of S Figs. 11-12 (docs/physics.md §11-13). Defaults are the paper's (S App. B, Table 1).
 */
final class EnergyModeCommand implements Subcommand
{
	static final double T_INJ = 0.0198; // 61 mK / (265 µeV / k_B)

	static final double T_DET = 0.0120; // 37 mK

	static final double T_BATH = 0.00781; // 24 mK

	@Override
	public String name()
	{
		return "energy-mode";
	}

	@Override
	public String summary()
	{
		return "self-consistent gap under injection with e-e scattering: Delta(V_inj), f_L(eps, 0), g_sa map (S Figs. 11-12)";
	}

	@Override
	public String usage()
	{
		return "[--gamma-ee 2e-4] [--elastic] [--gamma 0.005] [--de 0.025] [--omega-d 10] [--kappa 1.054e-4] [--length 169.2 (full wire, xi)] [--distance 4.62 (detector, xi; enters with --lead-heating, --detector-injects)]"
				+ " [--t T (all three)] [--t-inj 0.0198] [--t-det 0.0120] [--t-bath 0.00781] [--vinj-from 0] [--vinj-to 5] [--vinj-step 0.1]"
				+ " [--vdet-from -2] [--vdet-to 2] [--vdet-step 0.05] [--points 21 (x grid)] [--refine 1] [--threads 2] --out DIR"
				+ " [--lead-heating [--lead-sigma 2e9 (W/K^5/m^3)] [--lead-volume 8e-19 (m^3)] [--lead-resistance 0 (ohm)]] [--detector-injects] [--kappa-det 1.345e-4]"
				+ "   (writes delta.csv, fL.csv, g_sa.csv, g_sa.tif; g in units of G_inj*G_det*R_xi; with --lead-heating also lead_temperature.csv,"
				+ " with --detector-injects also delta_vdet.csv; both together: the detector lead heated by its own bias and the wire)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final boolean elastic = a.flag( "elastic" );
		final double gammaEe = elastic ? 0 : PhysicsCsv.nonNegative( a, "gamma-ee", 2e-4 );
		if ( elastic )
			a.has( "gamma-ee" ); // accepted and ignored with --elastic
		final double gamma = PhysicsCsv.positive( a, "gamma", 0.005 );
		if ( gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + gamma );
		final double de = PhysicsCsv.positive( a, "de", 0.025 );
		final double omegaD = a.number( "omega-d", 10 );
		if ( !( omegaD > 2 ) || omegaD > 100 )
			throw new BadInputException( "--omega-d must be in (2, 100], got " + omegaD );
		final double kappa = PhysicsCsv.positive( a, "kappa", 1.054e-4 );
		final double length = PhysicsCsv.positive( a, "length", 169.2 );
		// enters only with --lead-heating (f_L read there for the detector lead) or --detector-injects (its junction's place)
		final double distance = PhysicsCsv.nonNegative( a, "distance", 4.62 );
		if ( !( distance < length / 2 ) )
			throw new BadInputException( "--distance (" + distance + ") must be < half of --length (" + length + ")" );
		final double t = a.has( "t" ) ? PhysicsCsv.nonNegative( a, "t", 0 ) : Double.NaN;
		final double tInj = temperature( a, "t-inj", t, T_INJ );
		final double tDet = temperature( a, "t-det", t, T_DET );
		final double tBath = temperature( a, "t-bath", t, T_BATH );
		final double[] vInj = PhysicsCsv.grid( a, "vinj-from", 0, "vinj-to", 5, "vinj-step", 0.1 );
		final double vStep = a.number( "vinj-step", 0.1 );
		if ( vInj[ 0 ] < 0 )
			throw new BadInputException( "--vinj-from must be >= 0 (negative biases follow from the symmetry), got " + vInj[ 0 ] );
		if ( vInj.length < 3 )
			throw new BadInputException( "need at least 3 injector biases for the derivative, got " + vInj.length );
		final double[] vDet = PhysicsCsv.grid( a, "vdet-from", -2, "vdet-to", 2, "vdet-step", 0.05 );
		final int points = a.integer( "points", EnergyModeRun.DEFAULT_POINTS );
		final int refine = a.integer( "refine", 1 );
		final int threads = a.integer( "threads", 2 );
		if ( threads < 1 || threads > 64 )
			throw new BadInputException( "--threads must be in 1..64, got " + threads );
		final boolean heating = a.flag( "lead-heating" );
		final double leadSigma = PhysicsCsv.positive( a, "lead-sigma", org.nisnonlocal.physics.LeadHeating.SIGMA_CU );
		final double leadVolume = PhysicsCsv.positive( a, "lead-volume", org.nisnonlocal.physics.LeadHeating.DEFAULT_VOLUME );
		final double leadResistance = PhysicsCsv.nonNegative( a, "lead-resistance", 0 );
		final double kappaDet = PhysicsCsv.positive( a, "kappa-det", 1.345e-4 );
		final boolean twoJunctions = a.flag( "detector-injects" );
		final Path dir = a.outputFolder( "out" );
		if ( heating )
			a.alsoWrites( "out", dir.resolve( "lead_temperature.csv" ) );
		if ( twoJunctions )
			a.alsoWrites( "out", dir.resolve( "delta_vdet.csv" ) );
		a.alsoWrites( "out", dir.resolve( "delta.csv" ), dir.resolve( "fL.csv" ) );
		a.alsoWritesMap( "out", dir.resolve( "g_sa.csv" ) );
		a.alsoWrites( "out", dir.resolve( "g_sa.tif" ) );
		a.rejectUnknown();

		final EnergyModeRun setup = new EnergyModeRun();
		setup.gammaEe = gammaEe;
		setup.gamma = gamma;
		setup.de = de;
		setup.omegaD = omegaD;
		setup.kappa = kappa;
		setup.length = length;
		setup.tInj = tInj;
		setup.tDet = tDet;
		setup.tBath = tBath;
		setup.points = points;
		setup.refine = refine;
		setup.threads = threads;
		setup.leadHeating = heating;
		setup.leadSigma = leadSigma;
		setup.leadVolume = leadVolume;
		setup.leadResistance = leadResistance;
		setup.kappaDet = kappaDet;
		setup.distance = distance;
		if ( twoJunctions && !( distance > 0 ) )
			throw new BadInputException( "--detector-injects needs --distance > 0, got " + distance );
		final PrintStream err = System.err;
		final long t0 = System.nanoTime();
		final SelfConsistentGap.Progress progress = new SelfConsistentGap.Progress()
		{
			@Override
			public synchronized void done( final int k, final int n )
			{
				err.println( "bias point " + k + " of " + n );
			}

			@Override
			public boolean cancelled()
			{
				return false;
			}
		};
		final EnergyModeResult r;
		if ( heating && !twoJunctions )
		{
			final HeatedLeadMap heated = setup.heatedMap( vInj, vDet, progress );
			r = heated.result;
			write( dir, r, vInj, vDet, DetectorSignal.map( vInj, heated.gsa, vDet, vStep, kappa ), gammaEe, gamma, tInj, tDet, tBath, kappa,
					" lead_sigma=" + Numbers.format( leadSigma ) + " lead_volume=" + Numbers.format( leadVolume ) + " lead_resistance=" + Numbers.format( leadResistance ) );
			writeLeadTemperatures( dir.resolve( "lead_temperature.csv" ), vInj, vDet, heated.tInj, heated.tDet );
		}
		else if ( twoJunctions )
		{
			final TwoJunctionMap two = setup.twoJunctionMap( vInj, vDet, progress );
			r = two.smallestBias;
			write( dir, r, vInj, vDet, DetectorSignal.map( vInj, two.g, vDet, vStep, kappa ), gammaEe, gamma, tInj, tDet, tBath, kappa,
					" detector_injects kappa_det=" + Numbers.format( kappaDet ) + " distance=" + Numbers.format( distance )
							+ ( heating ? " lead_sigma=" + Numbers.format( leadSigma ) + " lead_volume=" + Numbers.format( leadVolume ) + " lead_resistance=" + Numbers.format( leadResistance ) : "" ) );
			writeDeltaMap( dir.resolve( "delta_vdet.csv" ), vInj, vDet, two.deltaInjector, two.deltaDetector );
			if ( heating )
				writeDeltaMap( dir.resolve( "lead_temperature.csv" ), "eV_inj,eV_det,T_inj,T_det", vInj, vDet, two.tInjector, two.tDetector );
			err.println( "two-junction map: " + two.sweeps + " sweeps (one per |V_det|), " + two.solves + " kinetic solves" );
		}
		else
		{
			r = setup.runWithMargin( vInj, progress );
			write( dir, r, vInj, vDet, vStep, setup.detector(), kappa, gammaEe, gamma, tInj, tDet, tBath );
		}
		final double seconds = ( System.nanoTime() - t0 ) * 1e-9;
		System.out.printf( "energy-mode: %d bias points in %.2f s (gamma_ee = %s, lambda = %s); Delta(eV_inj = %s) = %s%n", r.size(), seconds,
				Numbers.format( gammaEe ), Numbers.format( setup.lambda() ), Numbers.formatAxis( vInj[ vInj.length - 1 ] ), Numbers.format( r.delta()[ r.size() - 1 ] ) );
	}

	static double temperature( final Args a, final String key, final double all, final double def )
	{
		final double v = a.has( key ) ? a.number( key, def ) : Double.isNaN( all ) ? def : all;
		if ( !( v >= 0 ) || v > 10 )
			throw new BadInputException( "--" + key + " must be in [0, 10], got " + v );
		return v;
	}

	static void write( final Path dir, final EnergyModeResult r, final double[] vInj, final double[] vDet, final double vStep, final DetectorSignal detector, final double kappa,
			final double gammaEe, final double gamma, final double tInj, final double tDet, final double tBath ) throws Exception
	{
		write( dir, r, vInj, vDet, detector.gsaMap( r, vDet, vStep, kappa ), gammaEe, gamma, tInj, tDet, tBath, kappa, "" );
	}

	/** delta_vdet.csv: one row per (V_inj, V_det), the injector's (uniform) Δ and the local gap equation's at the detector. */
	static void writeDeltaMap( final Path file, final double[] vInj, final double[] vDet, final double[][] injector, final double[][] detector ) throws Exception
	{
		writeDeltaMap( file, "eV_inj,eV_det,delta_injector,delta_detector", vInj, vDet, injector, detector );
	}

	/** One row per (V_inj, V_det) with two [V_inj][V_det] columns. */
	static void writeDeltaMap( final Path file, final String header, final double[] vInj, final double[] vDet, final double[][] injector, final double[][] detector ) throws Exception
	{
		final int rows = vInj.length * vDet.length;
		final double[] ei = new double[ rows ], ed = new double[ rows ], di = new double[ rows ], dd = new double[ rows ];
		for ( int b = 0; b < vInj.length; b++ )
			for ( int d = 0; d < vDet.length; d++ )
			{
				final int k = b * vDet.length + d;
				ei[ k ] = vInj[ b ];
				ed[ k ] = vDet[ d ];
				di[ k ] = injector[ b ][ d ];
				dd[ k ] = detector[ b ][ d ];
			}
		PhysicsCsv.write( file, header, ei, ed, di, dd );
	}

	/** lead_temperature.csv: one row per (V_inj, V_det), temperatures in Δ0/k_B as the --t-* options. */
	static void writeLeadTemperatures( final Path file, final double[] vInj, final double[] vDet, final double[] tInj, final double[][] tDet ) throws Exception
	{
		final int rows = vInj.length * vDet.length;
		final double[] ei = new double[ rows ], ed = new double[ rows ], ti = new double[ rows ], td = new double[ rows ];
		for ( int b = 0; b < vInj.length; b++ )
			for ( int d = 0; d < vDet.length; d++ )
			{
				final int k = b * vDet.length + d;
				ei[ k ] = vInj[ b ];
				ed[ k ] = vDet[ d ];
				ti[ k ] = tInj[ b ];
				td[ k ] = tDet[ b ][ d ];
			}
		PhysicsCsv.write( file, "eV_inj,eV_det,T_inj,T_det", ei, ed, ti, td );
	}

	static void write( final Path dir, final EnergyModeResult r, final double[] vInj, final double[] vDet, final ConductanceMap gsa, final double gammaEe, final double gamma, final double tInj,
			final double tDet, final double tBath, final double kappa, final String extra ) throws Exception
	{
		final int n = r.size();
		final double[] newton = new double[ n ];
		final double[] sc = new double[ n ];
		for ( int b = 0; b < n; b++ )
		{
			newton[ b ] = r.newtonIterations( b );
			sc[ b ] = r.scIterations( b );
		}
		PhysicsCsv.write( dir.resolve( "delta.csv" ), "eV_inj,delta,newton_iterations,sc_iterations", vInj, r.delta(), newton, sc );
		final StringBuilder header = new StringBuilder( "eps" );
		final double[][] columns = new double[ n + 1 ][];
		columns[ 0 ] = r.energies();
		for ( int b = 0; b < n; b++ )
		{
			header.append( ",fL_" ).append( Numbers.formatAxis( vInj[ b ] ) );
			columns[ b + 1 ] = r.fL( b );
		}
		PhysicsCsv.write( dir.resolve( "fL.csv" ), header.toString(), columns );
		final ConductanceMap map = gsa
				.withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, "energy-mode gamma_ee=" + Numbers.format( gammaEe ) + " gamma=" + Numbers.format( gamma )
						+ " t_inj=" + Numbers.format( tInj ) + " t_det=" + Numbers.format( tDet ) + " t_bath=" + Numbers.format( tBath ) + " kappa=" + Numbers.format( kappa )
						+ extra + "; g in units of G_inj*G_det*R_xi" ) );
		MapCsvWriter.writeLong( map, dir.resolve( "g_sa.csv" ) );
		TiffMapIO.write( map, dir.resolve( "g_sa.tif" ) );
	}

	/**
	 * g_sa over (V_inj, V_det) in units of G_inj G_det R_ξ (= units of G_det divided by 2κ_I). With the bias grid
	 * starting at 0 the map covers −V_max … V_max by the oddness in V_inj (Δ is even in V_inj).
	 */
}
