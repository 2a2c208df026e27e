package org.nisnonlocal.cli;

import java.nio.file.Path;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.physics.SupercurrentModel;

/**
 * {@code supercurrent}: the current-antisymmetric and -symmetric parts g_a, g_s of the nonlocal conductance with the
 * charge and energy modes coupled by a supercurrent (S Eqs. 9-10, 16-17, Fig. 13), in units of G_inj G_det R_ξ.
 * Writes DIR/g_a.csv and DIR/g_s.csv (eV_inj, then one column per supercurrent) and DIR/supercurrents.csv (the
 * phase gradient, I_s/I0 and Δ used for each column).
 */
final class SupercurrentVerb implements Subcommand
{
	/** S Fig. 10 fit: Dynes Γ. */
	static final double GAMMA = 1.53e-3;

	/** S Table 1 junction A, both branches: κ_I = G_inj R_ξ = 24.6 µS · 8.57 Ω. */
	static final double KAPPA = 2.1e-4;

	/** Detector B at 300 nm = 4.62 ξ. */
	static final double DISTANCE = 4.62;

	/** l = 11 µm = 169 ξ between the reservoirs. */
	static final double LENGTH = 169;

	/** Injector electrode temperature, junction A (61 mK). */
	static final double T_INJ = 0.0198;

	/** Bath, 24 mK: k_B · 24 mK / 265 µeV. */
	static final double T_BATH = 0.0078;

	/** I0 from the S Fig. 10 fit, µA. */
	static final double I0_UA = 29.8;

	@Override
	public String name()
	{
		return "supercurrent";
	}

	@Override
	public String summary()
	{
		return "g_a, g_s under supercurrent with coupled charge/energy modes (S Fig. 13), units G_inj G_det R_xi";
	}

	@Override
	public String usage()
	{
		return "(--phase-gradient P1,P2,... | --is-ua I1,I2,... [--i0-ua 29.8] | --is-over-i0 J1,J2,...) " + MODEL_USAGE
				+ " [--vinj-from -3] [--vinj-to 3] [--vinj-step 0.01] --out DIR"
				+ "   (energies in Delta0, lengths in xi, phase gradient in 1/xi; kappa = G_inj R_xi for the whole wire;"
				+ " detector at +distance, the sign of the gradient/current is its direction; Delta = 1 unless --self-consistent;"
				+ " writes DIR/g_a.csv, DIR/g_s.csv (columns eV_inj,g_a_phi=P... or g_a_Is_uA=I... or g_a_Is_over_I0=J...)"
				+ " and DIR/supercurrents.csv)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final SupercurrentModel model = model( a );
		final double[] v = PhysicsCsv.grid( a, "vinj-from", -3, "vinj-to", 3, "vinj-step", 0.01 );
		if ( Math.max( Math.abs( v[ 0 ] ), Math.abs( v[ v.length - 1 ] ) ) > 20 )
			throw new BadInputException( "injector biases beyond 20 Delta0 are outside the model (--vinj-from/--vinj-to)" );
		final double[] phases = a.numbers( "phase-gradient" );
		final double[] currentsUa = a.numbers( "is-ua" );
		final double[] currentsRel = a.numbers( "is-over-i0" );
		final double i0 = PhysicsCsv.positive( a, "i0-ua", I0_UA );
		final Path dir = a.outputFolder( "out" );
		a.alsoWrites( "out", dir.resolve( "g_a.csv" ), dir.resolve( "g_s.csv" ), dir.resolve( "supercurrents.csv" ) );
		a.rejectUnknown();
		final int given = ( phases != null ? 1 : 0 ) + ( currentsUa != null ? 1 : 0 ) + ( currentsRel != null ? 1 : 0 );
		if ( given != 1 )
			throw new BadInputException( "give exactly one of --phase-gradient, --is-ua, --is-over-i0" );

		final String label;
		final double[] values;
		final double[] gradient;
		if ( phases != null )
		{
			label = "phi";
			values = phases;
			gradient = phases.clone();
			for ( final double p : phases )
				if ( Math.abs( p ) > 1.5 )
					throw new BadInputException( "--phase-gradient " + p + " is beyond the depairing critical point (|grad phi| <= 1.5 / xi)" );
		}
		else
		{
			label = currentsUa != null ? "Is_uA" : "Is_over_I0";
			values = currentsUa != null ? currentsUa : currentsRel;
			gradient = new double[ values.length ];
			for ( int j = 0; j < values.length; j++ )
				gradient[ j ] = model.phaseGradient( currentsUa != null ? values[ j ] / i0 : values[ j ] );
		}
		final int n = values.length;
		final double[][] ga = new double[ n + 1 ][];
		final double[][] gs = new double[ n + 1 ][];
		ga[ 0 ] = v;
		gs[ 0 ] = v;
		final double[] isRel = new double[ n ];
		final double[] isUa = new double[ n ];
		final double[] delta = new double[ n ];
		final StringBuilder headA = new StringBuilder( "eV_inj" );
		final StringBuilder headS = new StringBuilder( "eV_inj" );
		for ( int j = 0; j < n; j++ )
		{
			final SupercurrentModel.Parts p = model.conductance( gradient[ j ], v );
			ga[ j + 1 ] = p.ga();
			gs[ j + 1 ] = p.gs();
			isRel[ j ] = model.relation().current( gradient[ j ] );
			isUa[ j ] = isRel[ j ] * i0;
			delta[ j ] = model.delta( gradient[ j ] );
			final String tag = "_" + label + "=" + Numbers.formatAxis( values[ j ] );
			headA.append( ",g_a" ).append( tag );
			headS.append( ",g_s" ).append( tag );
		}
		PhysicsCsv.write( dir.resolve( "g_a.csv" ), headA.toString(), ga );
		PhysicsCsv.write( dir.resolve( "g_s.csv" ), headS.toString(), gs );
		PhysicsCsv.write( dir.resolve( "supercurrents.csv" ), "phase_gradient,I_s_over_I0,I_s_uA,delta", gradient, isRel, isUa, delta );
	}

	/** The model options shared by the verbs that run {@link SupercurrentModel}, for their usage text. */
	static final String MODEL_USAGE = "[--gamma 1.53e-3] [--kappa 2.1e-4] [--distance 4.62] [--length 169] [--t T (all temperatures)] [--t-inj 0.0198]"
			+ " [--t-bath 0.0078] [--t-det (no effect at V_det = 0)] [--self-consistent]";

	/**
	 * The model of the {@link #MODEL_USAGE} options (defaults: S Fig. 10 Γ, Table 1 device, junction A); the
	 * options are read, so the caller's {@link Args#rejectUnknown()} accepts them.
	 */
	static SupercurrentModel model( final Args a )
	{
		final double gamma = PhysicsCsv.positive( a, "gamma", GAMMA );
		if ( gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + gamma );
		final double kappa = PhysicsCsv.positive( a, "kappa", KAPPA );
		final double distance = PhysicsCsv.positive( a, "distance", DISTANCE );
		final double length = PhysicsCsv.positive( a, "length", LENGTH );
		if ( !( length > 2 * distance ) )
			throw new BadInputException( "--length (" + length + ") must exceed twice --distance (" + distance + ")" );
		final double tAll = a.number( "t", Double.NaN );
		final double tInj = temperature( a, "t-inj", Double.isNaN( tAll ) ? T_INJ : tAll );
		final double tBath = temperature( a, "t-bath", Double.isNaN( tAll ) ? T_BATH : tAll );
		// the detector electrode's f_T^N(V_det) drops out of dI_det/dV_inj (Δ fixed): accepted for a uniform command line
		temperature( a, "t-det", Double.isNaN( tAll ) ? 0 : tAll );
		if ( !( tInj >= 1e-4 ) )
			throw new BadInputException( "the injector temperature (--t or --t-inj) must be >= 1e-4, got " + tInj );
		return new SupercurrentModel( gamma, kappa, distance, length, tInj, tBath, a.flag( "self-consistent" ) );
	}

	private static double temperature( final Args a, final String key, final double def )
	{
		final double t = a.number( key, def );
		if ( !( t >= 0 ) || t > 10 )
			throw new BadInputException( "--" + key + " must be in [0, 10], got " + t );
		return t;
	}
}
