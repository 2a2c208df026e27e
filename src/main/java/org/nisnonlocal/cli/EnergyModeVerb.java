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
import org.nisnonlocal.physics.GapEquation;
import org.nisnonlocal.physics.HeatedLeadMap;
import org.nisnonlocal.physics.LeadHeating;
import org.nisnonlocal.physics.LocalGapResult;
import org.nisnonlocal.physics.LocalGapRun;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.TwoJunctionMap;

/**
 * {@code energy-mode}: self-consistent Δ(V_inj) with the energy-mode kinetics (elastic or with e-e scattering),
 * f_L(ε, 0) and the g_sa map of S Figs. 11-12 (docs/physics.md §11-13). Defaults are the paper's (S App. B, Table 1).
 */
final class EnergyModeVerb implements Subcommand
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
		return "[--gamma-ee 2e-4] [--elastic] [--gamma 0.005] [--de 0.025] [--omega-d 10] [--kappa 1.054e-4] [--length 169.2 (full wire, xi)] [--distance 4.62 (detector, xi; enters with --gap-profile local, --lead-heating, --detector-injects)]"
				+ " [--t T (all three)] [--t-inj 0.0198] [--t-det 0.0120] [--t-bath 0.00781] [--vinj-from 0] [--vinj-to 5] [--vinj-step 0.1]"
				+ " [--vdet-from -2] [--vdet-to 2] [--vdet-step 0.05] [--points 21 (x grid)] [--refine 1] [--threads 2]"
				+ " [--gap-profile uniform|local (Delta(x) self-consistent at every x node, issue 17)] [--usadel-refine 1 (local only)]"
				+ " [--lead-heating [--lead-sigma 2e9 (W/K^5/m^3)] [--lead-volume 8e-19 (m^3)] [--lead-resistance 0 (ohm)]] [--detector-injects] [--kappa-det 1.345e-4] (uniform only) --out DIR"
				+ "   (writes delta.csv (delta = at the injector, delta_detector), fL.csv, g_sa.csv, g_sa.tif, and with local delta_x.csv (eV_inj,x,delta);"
				+ " g in units of G_inj*G_det*R_xi; with --lead-heating also lead_temperature.csv, with --detector-injects also delta_vdet.csv;"
				+ " both together: the detector lead heated by its own bias and the wire)";
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
		// the paper's uniform model does not use it (f_T^S = 0 and Δ is uniform, S App. B); the local profile reads Δ and the
		// DOS there, --lead-heating the wire's f_L for the detector lead, --detector-injects its junction's place
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
		final boolean local = gapProfile( a );
		final int usadelRefine = local ? a.integer( "usadel-refine", 1 ) : 1;
		if ( usadelRefine < 1 || usadelRefine > 16 )
			throw new BadInputException( "--usadel-refine must be in 1..16, got " + usadelRefine );
		final boolean heating = a.flag( "lead-heating" );
		final double leadSigma = PhysicsCsv.positive( a, "lead-sigma", LeadHeating.SIGMA_CU );
		final double leadVolume = PhysicsCsv.positive( a, "lead-volume", LeadHeating.DEFAULT_VOLUME );
		final double leadResistance = PhysicsCsv.nonNegative( a, "lead-resistance", 0 );
		final double kappaDet = PhysicsCsv.positive( a, "kappa-det", 1.345e-4 );
		final boolean twoJunctions = a.flag( "detector-injects" );
		if ( local && ( heating || twoJunctions ) )
			throw new BadInputException( "--lead-heating and --detector-injects work with the uniform gap profile only, not with --gap-profile local" );
		if ( twoJunctions && !( distance > 0 ) )
			throw new BadInputException( "--detector-injects needs --distance > 0, got " + distance );
		final Path dir = a.outputFolder( "out" );
		a.alsoWrites( "out", dir.resolve( "delta.csv" ), dir.resolve( "fL.csv" ) );
		if ( local )
			a.alsoWrites( "out", dir.resolve( "delta_x.csv" ) );
		a.alsoWritesMap( "out", dir.resolve( "g_sa.csv" ) );
		a.alsoWrites( "out", dir.resolve( "g_sa.tif" ) );
		if ( heating )
			a.alsoWrites( "out", dir.resolve( "lead_temperature.csv" ) );
		if ( twoJunctions )
			a.alsoWrites( "out", dir.resolve( "delta_vdet.csv" ) );
		a.rejectUnknown();

		final SelfConsistentGap.Progress progress = progress( System.err );
		final String source = "energy-mode gamma_ee=" + Numbers.format( gammaEe ) + " gamma=" + Numbers.format( gamma ) + " t_inj=" + Numbers.format( tInj ) + " t_det="
				+ Numbers.format( tDet ) + " t_bath=" + Numbers.format( tBath ) + " kappa=" + Numbers.format( kappa );
		if ( local )
		{
			final LocalGapRun setup = new LocalGapRun();
			setup.gammaEe = gammaEe;
			setup.gamma = gamma;
			setup.de = de;
			setup.omegaD = omegaD;
			setup.kappa = kappa;
			setup.length = length;
			setup.tInj = tInj;
			setup.tDet = tDet;
			setup.tBath = tBath;
			setup.xDetector = distance;
			setup.points = points;
			setup.refine = refine;
			setup.usadelRefine = usadelRefine;
			setup.threads = threads;
			final long t0 = System.nanoTime();
			final LocalGapResult r = setup.runWithMargin( vInj, progress );
			final double seconds = ( System.nanoTime() - t0 ) * 1e-9;
			writeLocal( dir, r, vInj, vDet, vStep, kappa, source + " gap_profile=local x_det=" + Numbers.format( distance ) );
			final int last = r.size() - 1;
			System.out.printf( "energy-mode (local gap): %d bias points in %.2f s (gamma_ee = %s, lambda = %s); at eV_inj = %s Delta(x = 0) = %s, Delta(x_det = %s) = %s%n", r.size(), seconds,
					Numbers.format( gammaEe ), Numbers.format( new GapEquation( gamma, omegaD ).lambda() ), Numbers.formatAxis( vInj[ last ] ), Numbers.format( r.deltaInjector()[ last ] ),
					Numbers.format( distance ), Numbers.format( r.deltaDetector()[ last ] ) );
			return;
		}
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
		final String leads = heating ? " lead_sigma=" + Numbers.format( leadSigma ) + " lead_volume=" + Numbers.format( leadVolume ) + " lead_resistance=" + Numbers.format( leadResistance ) : "";
		final long t0 = System.nanoTime();
		final EnergyModeResult r;
		if ( twoJunctions )
		{
			final TwoJunctionMap two = setup.twoJunctionMap( vInj, vDet, progress );
			r = two.smallestBias;
			// delta_detector of delta.csv: the local gap equation at the detector, for the sweep at the smallest |V_det|
			write( dir, r, vInj, r.localGap(), DetectorSignal.map( vInj, two.g, vDet, vStep, kappa ),
					source + " detector_injects kappa_det=" + Numbers.format( kappaDet ) + " distance=" + Numbers.format( distance ) + leads );
			writePairs( dir.resolve( "delta_vdet.csv" ), "eV_inj,eV_det,delta_injector,delta_detector", vInj, vDet, two.deltaInjector, two.deltaDetector );
			if ( heating )
				writePairs( dir.resolve( "lead_temperature.csv" ), "eV_inj,eV_det,T_inj,T_det", vInj, vDet, two.tInjector, two.tDetector );
			System.err.println( "two-junction map: " + two.sweeps + " sweeps (one per |V_det|), " + two.solves + " kinetic solves" );
		}
		else if ( heating )
		{
			final HeatedLeadMap heated = setup.heatedMap( vInj, vDet, progress );
			r = heated.result;
			write( dir, r, vInj, r.delta(), DetectorSignal.map( vInj, heated.gsa, vDet, vStep, kappa ), source + leads );
			final double[][] tInjPairs = new double[ vInj.length ][ vDet.length ];
			for ( int b = 0; b < vInj.length; b++ )
				java.util.Arrays.fill( tInjPairs[ b ], heated.tInj[ b ] );
			writePairs( dir.resolve( "lead_temperature.csv" ), "eV_inj,eV_det,T_inj,T_det", vInj, vDet, tInjPairs, heated.tDet );
		}
		else
		{
			r = setup.runWithMargin( vInj, progress );
			write( dir, r, vInj, vDet, vStep, setup.detector(), kappa, source );
		}
		final double seconds = ( System.nanoTime() - t0 ) * 1e-9;
		System.out.printf( "energy-mode: %d bias points in %.2f s (gamma_ee = %s, lambda = %s); Delta(eV_inj = %s) = %s%n", r.size(), seconds,
				Numbers.format( gammaEe ), Numbers.format( setup.lambda() ), Numbers.formatAxis( vInj[ vInj.length - 1 ] ), Numbers.format( r.delta()[ r.size() - 1 ] ) );
	}

	/** {@code --gap-profile}: false for uniform (the paper's model, default), true for local. */
	static boolean gapProfile( final Args a )
	{
		final String p = a.string( "gap-profile", "uniform" );
		if ( "uniform".equals( p ) )
			return false;
		if ( "local".equals( p ) )
			return true;
		throw new BadInputException( "--gap-profile must be uniform or local, got '" + p + "'" );
	}

	/** Bias points to stderr; the runner cannot be cancelled (Ctrl-C ends the process, the output set stays unwritten). */
	private static SelfConsistentGap.Progress progress( final PrintStream err )
	{
		return new SelfConsistentGap.Progress()
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
	}

	static double temperature( final Args a, final String key, final double all, final double def )
	{
		final double v = a.has( key ) ? a.number( key, def ) : Double.isNaN( all ) ? def : all;
		if ( !( v >= 0 ) || v > 10 )
			throw new BadInputException( "--" + key + " must be in [0, 10], got " + v );
		return v;
	}

	static void write( final Path dir, final EnergyModeResult r, final double[] vInj, final double[] vDet, final double vStep, final DetectorSignal detector, final double kappa,
			final String source ) throws Exception
	{
		// uniform Δ: the detector sees the injector's gap; the column is there so both profiles share one file contract
		write( dir, r, vInj, r.delta(), detector.gsaMap( r, vDet, vStep, kappa ), source );
	}

	/** delta.csv, fL.csv and a given g map (heated leads, two junctions), delta_detector as given. */
	static void write( final Path dir, final EnergyModeResult r, final double[] vInj, final double[] deltaDetector, final ConductanceMap gsa, final String source ) throws Exception
	{
		final int n = r.size();
		final double[] newton = new double[ n ];
		final double[] sc = new double[ n ];
		final double[][] fL = new double[ n ][];
		for ( int b = 0; b < n; b++ )
		{
			newton[ b ] = r.newtonIterations( b );
			sc[ b ] = r.scIterations( b );
			fL[ b ] = r.fL( b );
		}
		writeDeltaAndFL( dir, vInj, r.delta(), deltaDetector, newton, sc, r.energies(), fL );
		final ConductanceMap map = gsa.withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source + "; g in units of G_inj*G_det*R_xi" ) );
		MapCsvWriter.writeLong( map, dir.resolve( "g_sa.csv" ) );
		TiffMapIO.write( map, dir.resolve( "g_sa.tif" ) );
	}

	/** One row per (V_inj, V_det) with two [V_inj][V_det] columns (delta_vdet.csv, lead_temperature.csv; temperatures in Δ0/k_B). */
	static void writePairs( final Path file, final String header, final double[] vInj, final double[] vDet, final double[][] first, final double[][] second ) throws Exception
	{
		final int rows = vInj.length * vDet.length;
		final double[] ei = new double[ rows ], ed = new double[ rows ], c1 = new double[ rows ], c2 = new double[ rows ];
		for ( int b = 0; b < vInj.length; b++ )
			for ( int d = 0; d < vDet.length; d++ )
			{
				final int k = b * vDet.length + d;
				ei[ k ] = vInj[ b ];
				ed[ k ] = vDet[ d ];
				c1[ k ] = first[ b ][ d ];
				c2[ k ] = second[ b ][ d ];
			}
		PhysicsCsv.write( file, header, ei, ed, c1, c2 );
	}

	/** The local-gap outputs: today's files (Δ at the injector as {@code delta}) plus delta_x.csv (eV_inj, x, Δ). */
	static void writeLocal( final Path dir, final LocalGapResult r, final double[] vInj, final double[] vDet, final double vStep, final double kappa, final String source ) throws Exception
	{
		final int n = r.size();
		final double[] newton = new double[ n ];
		final double[] sc = new double[ n ];
		final double[][] fL = new double[ n ][];
		for ( int b = 0; b < n; b++ )
		{
			newton[ b ] = r.newtonIterations( b );
			sc[ b ] = r.scIterations( b );
			fL[ b ] = r.fL( b );
		}
		writeDeltaAndFL( dir, vInj, r.deltaInjector(), r.deltaDetector(), newton, sc, r.energies(), fL );
		final double[] x = r.positions();
		final double[] colV = new double[ n * x.length ], colX = new double[ colV.length ], colD = new double[ colV.length ];
		for ( int b = 0; b < n; b++ )
		{
			final double[] d = r.profile( b );
			for ( int k = 0; k < x.length; k++ )
			{
				colV[ b * x.length + k ] = vInj[ b ];
				colX[ b * x.length + k ] = x[ k ];
				colD[ b * x.length + k ] = d[ k ];
			}
		}
		PhysicsCsv.write( dir.resolve( "delta_x.csv" ), "eV_inj,x,delta", colV, colX, colD );
		final ConductanceMap map = r.gsaMap( vDet, vStep, kappa ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, source + "; g in units of G_inj*G_det*R_xi" ) );
		MapCsvWriter.writeLong( map, dir.resolve( "g_sa.csv" ) );
		TiffMapIO.write( map, dir.resolve( "g_sa.tif" ) );
	}

	/**
	 * delta.csv and fL.csv. delta_detector is appended after today's columns (not put beside delta) so every column a
	 * script reads by position keeps its index.
	 */
	private static void writeDeltaAndFL( final Path dir, final double[] vInj, final double[] delta, final double[] deltaDetector, final double[] newton, final double[] sc,
			final double[] energies, final double[][] fL ) throws Exception
	{
		PhysicsCsv.write( dir.resolve( "delta.csv" ), "eV_inj,delta,newton_iterations,sc_iterations,delta_detector", vInj, delta, newton, sc, deltaDetector );
		final StringBuilder header = new StringBuilder( "eps" );
		final double[][] columns = new double[ fL.length + 1 ][];
		columns[ 0 ] = energies;
		for ( int b = 0; b < fL.length; b++ )
		{
			header.append( ",fL_" ).append( Numbers.formatAxis( vInj[ b ] ) );
			columns[ b + 1 ] = fL[ b ];
		}
		PhysicsCsv.write( dir.resolve( "fL.csv" ), header.toString(), columns );
	}

	/**
	 * g_sa over (V_inj, V_det) in units of G_inj G_det R_ξ (= units of G_det divided by 2κ_I). With the bias grid
	 * starting at 0 the map covers −V_max … V_max by the oddness in V_inj (Δ is even in V_inj).
	 */
}
