package org.nisnonlocal.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.SupercurrentDecomposition;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.ChargeImbalanceModel;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.physics.SelfConsistentGap;
import org.nisnonlocal.physics.GapEquation;
import org.nisnonlocal.physics.SpectralFunctions;
import org.nisnonlocal.physics.SupercurrentModel;
import org.nisnonlocal.render.CurvesPng;

/**
 * The model figure sets {@code reproduce} writes: the DOS and equilibrium gap, the Fig. 10 charge-imbalance model
 * curves (Γ = 1.53·10⁻³), Figs. 11-12 (energy mode) and Fig. 13 (g_a at three supercurrents, no free parameter),
 * each as CSV and PNG.
 * Parameters are the paper's Table 1 device and Fig. 10 fit; the three supercurrents of Fig. 13 are not stated in
 * the paper's text, so 5, 10 and 15 µA (I0 = 29.8 µA) stand in for them.
 */
final class ModelFigures
{
	static final double GAMMA_FIG10 = 1.53e-3;
	static final double KAPPA_HALF = 1.054e-4;
	static final double DISTANCE = 4.62;
	static final double LENGTH = 169.2;
	static final double T_INJ = 0.0198;
	static final double T_BATH = 0.0078;
	static final double I0_UA = 29.8;
	static final double[] FIG13_IS_UA = { 5, 10, 15 };

	private ModelFigures() {}

	static void dosAndGap( final Path dir ) throws IOException
	{
		final double[] eps = Numbers.inclusiveGrid( -3, 3, 0.002 );
		final double[] zetas = { 0, 0.1, 0.2 };
		final double[][] cols = new double[ zetas.length + 1 ][];
		cols[ 0 ] = eps;
		final CurvesPng png = new CurvesPng( "Density of states, Γ = 1e-3", "ε/Δ0", "N(ε)" );
		final StringBuilder head = new StringBuilder( "eps" );
		for ( int k = 0; k < zetas.length; k++ )
		{
			cols[ k + 1 ] = new SpectralFunctions( 1, 1e-3, zetas[ k ] ).onGrid( eps ).dosColumns()[ 0 ];
			head.append( ",N_zeta=" ).append( zetas[ k ] );
			png.add( "ζ = " + zetas[ k ], eps, cols[ k + 1 ] );
		}
		PhysicsCsv.write( dir.resolve( "dos.csv" ), head.toString(), cols );
		AtomicFiles.writePng( dir.resolve( "dos.png" ), png.render() );
		final double[] t = Numbers.inclusiveGrid( 0, 0.6, 0.01 );
		final GapEquation gap = new GapEquation( 1e-3 );
		final double[] d0 = gap.curve( t, 0 ), d1 = gap.curve( t, 0.05 );
		PhysicsCsv.write( dir.resolve( "gap.csv" ), "t,delta_zeta=0,delta_zeta=0.05", t, d0, d1 );
		AtomicFiles.writePng( dir.resolve( "gap.png" ), new CurvesPng( "Equilibrium gap (ω_D = 10)", "k_B T/Δ0", "Δ/Δ0" ).add( "ζ = 0", t, d0 ).add( "ζ = 0.05", t, d1 ).render() );
	}

	static void fig10( final Path dir ) throws IOException
	{
		final double[] v = Numbers.inclusiveGrid( 0, 2, 0.005 );
		final double[] gradients = { 0, 0.1, 0.2, 0.3 };
		final double[][] cols = new double[ gradients.length + 1 ][];
		cols[ 0 ] = v;
		final StringBuilder head = new StringBuilder( "eV_inj" );
		final CurvesPng png = new CurvesPng( "Fig. 10 model: g_ss, Γ = 1.53e-3", "eV_inj/Δ0", "g_nl/(G_inj G_det R_ξ)" );
		for ( int k = 0; k < gradients.length; k++ )
		{
			final double zeta = gradients[ k ] * gradients[ k ] / 2;
			cols[ k + 1 ] = new ChargeImbalanceModel( 1, GAMMA_FIG10, zeta, KAPPA_HALF, DISTANCE, T_INJ, LENGTH ).conductance( v );
			head.append( ",g_nl_phi=" ).append( gradients[ k ] );
			png.add( "∂xφ = " + gradients[ k ], v, cols[ k + 1 ] );
		}
		PhysicsCsv.write( dir.resolve( "g_ss_model.csv" ), head.toString(), cols );
		AtomicFiles.writePng( dir.resolve( "g_ss_model.png" ), png.render() );
	}

	/**
	 * Fig. 13: g_a from the coupled-mode solver, directly and through the map decomposition of g(±I_s) — the two
	 * must agree (written side by side so a reader can check).
	 */
	static void fig13( final Path dir ) throws IOException
	{
		final SupercurrentModel model = new SupercurrentModel( GAMMA_FIG10, 2 * KAPPA_HALF, DISTANCE, LENGTH, T_INJ, T_BATH, false );
		final double[] v = Numbers.inclusiveGrid( -2, 2, 0.04 );
		final double[] vDet = Numbers.inclusiveGrid( -0.2, 0.2, 0.1 );
		final int n = FIG13_IS_UA.length;
		final double[][] ga = new double[ n + 1 ][], gaMaps = new double[ n + 1 ][];
		ga[ 0 ] = v;
		gaMaps[ 0 ] = v;
		final StringBuilder head = new StringBuilder( "eV_inj" );
		final CurvesPng png = new CurvesPng( "Fig. 13 model: g_a, offset successively by 1", "eV_inj/Δ0", "g_a/(G_inj G_det R_ξ)" );
		for ( int k = 0; k < n; k++ )
		{
			final double phase = model.phaseGradient( FIG13_IS_UA[ k ] / I0_UA );
			ga[ k + 1 ] = model.conductance( phase, v ).ga();
			final ConductanceMap plus = map( model.conductance( phase, v ).total(), v, vDet, FIG13_IS_UA[ k ] );
			final ConductanceMap minus = map( model.conductance( -phase, v ).total(), v, vDet, -FIG13_IS_UA[ k ] );
			final ConductanceMap gaMap = SupercurrentDecomposition.decompose( plus, minus, MapAxis.X, false, false ).ga();
			gaMaps[ k + 1 ] = gaMap.row( vDet.length / 2 );
			if ( k == n - 1 )
			{
				MapFiles.write( gaMap, dir.resolve( "g_a_map_Is=" + FIG13_IS_UA[ k ] + "uA.tif" ) );
				MapFiles.write( gaMap, dir.resolve( "g_a_map_Is=" + FIG13_IS_UA[ k ] + "uA.png" ) );
			}
			head.append( ",g_a_Is_uA=" ).append( FIG13_IS_UA[ k ] );
			final double[] shifted = ga[ k + 1 ].clone();
			for ( int i = 0; i < shifted.length; i++ )
				shifted[ i ] += k;
			png.add( "I_s = " + FIG13_IS_UA[ k ] + " µA (∂xφ = " + String.format( java.util.Locale.ROOT, "%.3f", phase ) + ")", v, shifted );
		}
		PhysicsCsv.write( dir.resolve( "g_a.csv" ), head.toString(), ga );
		PhysicsCsv.write( dir.resolve( "g_a_from_maps.csv" ), head.toString(), gaMaps );
		AtomicFiles.writePng( dir.resolve( "g_a.png" ), png.render() );
	}

	private static ConductanceMap map( final double[] g, final double[] v, final double[] vDet, final double isUa )
	{
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, v[ 0 ], v[ 1 ] - v[ 0 ], v.length );
		final Axis y = new Axis( "Vdet", Units.EV_PER_DELTA0, vDet[ 0 ], vDet[ 1 ] - vDet[ 0 ], vDet.length );
		final MapMetadata md = MapMetadata.empty().with( MapMetadata.SUPERCURRENT_A, isUa / 1e6 ).with( MapMetadata.SOURCE, "model: coupled modes" );
		// With Δ fixed the detector bias drops out of dI_det/dV_inj: every V_det row is the same curve.
		return ConductanceMap.fromFunction( x, y, "g_nl", Units.NORMALIZED, md, ( i, j ) -> g[ i ] );
	}

	/** The biases (eV_inj/Δ0) whose f_L the Fig. 11b plots show, and those the CSV keeps. */
	static final double[] FIG11B_PLOTTED = { 2, 3, 4, 5 }, FIG11B_CSV = { 1, 2, 3, 4, 5 };

	/** Lowest energy shown: sub-gap energies (N ≈ 0 below the suppressed gap, Δ ≥ 0.85) carry no quasiparticles. */
	static final double FIG11B_EPS_MIN = 0.8, FIG11B_EPS_MAX = 6;

	/** The f_L plot's y window: the steep rise at the gap edge enters from below the frame. */
	static final double FIG11B_FL_MIN = 0.9, FIG11B_FL_MAX = 1.005;

	private static String fig11bHeader()
	{
		final StringBuilder head = new StringBuilder( "eps" );
		for ( final double b : FIG11B_CSV )
			head.append( ",fL_inelastic_" ).append( b ).append( ",fL_elastic_" ).append( b );
		return head.toString();
	}

	private static double[][] fig11bColumns( final EnergyModeResult elastic, final EnergyModeResult inelastic )
	{
		final double[][] cols = new double[ 1 + 2 * FIG11B_CSV.length ][];
		cols[ 0 ] = inelastic.energies();
		for ( int k = 0; k < FIG11B_CSV.length; k++ )
		{
			cols[ 1 + 2 * k ] = inelastic.fL( biasIndex( inelastic, FIG11B_CSV[ k ] ) );
			cols[ 2 + 2 * k ] = elastic.fL( biasIndex( elastic, FIG11B_CSV[ k ] ) );
		}
		return cols;
	}

	/** The index of bias eV (a grid point of the result's biases). */
	static int biasIndex( final EnergyModeResult r, final double eV )
	{
		final double[] b = r.biases();
		for ( int k = 0; k < b.length; k++ )
			if ( Math.abs( b[ k ] - eV ) < 1e-9 )
				return k;
		throw new IllegalArgumentException( "bias " + eV + " not among the solved biases" );
	}

	/**
	 * S Fig. 11b as the paper labels it: the distribution function f_L(ε, x = 0) at several injector biases, with e-e
	 * scattering solid and without it dashed (one colour per bias), arrows at ε = 3Δ for the self-consistent Δ of each
	 * bias point (where 3Δ lies below eV_inj). Curves k = 2b (inelastic) and 2b + 1 (elastic) belong to
	 * {@link #FIG11B_PLOTTED}[b].
	 */
	static CurvesPng fig11b( final EnergyModeResult elastic, final EnergyModeResult inelastic )
	{
		// f_L ≈ 1 above the gap: its structure (the plateau up to eV_inj, the drop near 3Δ) lies within 1-2 % of 1
		return distributionPlot( elastic, inelastic, "Fig. 11b: f_L(ε, x = 0); solid γ_ee = 2e-4, dashed elastic; arrows: 3Δ", "f_L", false )
				.yLimits( FIG11B_FL_MIN, FIG11B_FL_MAX );
	}

	/**
	 * The same runs as the quasiparticle occupation f = (1 − f_L)/2 (not a figure of the paper): the paper's text
	 * describes Fig. 11b by this shape ("largest just above Δ", "drops quickly to zero at ε = eV_inj"), which f_L itself,
	 * ≈ 1 above the gap, shows only as a dip of about 1 %.
	 */
	static CurvesPng occupation( final EnergyModeResult elastic, final EnergyModeResult inelastic )
	{
		return distributionPlot( elastic, inelastic, "Occupation (1 − f_L)/2 at x = 0 (not in the paper); dashed elastic", "(1 − f_L)/2", true )
				.yLimits( ( 1 - FIG11B_FL_MAX ) / 2, ( 1 - FIG11B_FL_MIN ) / 2 ); // the window of the f_L plot, mirrored
	}

	private static CurvesPng distributionPlot( final EnergyModeResult elastic, final EnergyModeResult inelastic, final String title, final String yLabel, final boolean asOccupation )
	{
		final double[] eps = inelastic.energies();
		int first = 0;
		while ( eps[ first ] < FIG11B_EPS_MIN )
			first++;
		int last = first;
		while ( last < eps.length - 1 && eps[ last + 1 ] <= FIG11B_EPS_MAX )
			last++;
		final double[] shown = java.util.Arrays.copyOfRange( eps, first, last + 1 );
		final CurvesPng png = new CurvesPng( title, "ε/Δ0", yLabel );
		for ( int k = 0; k < FIG11B_PLOTTED.length; k++ )
		{
			final double eV = FIG11B_PLOTTED[ k ];
			final int bi = biasIndex( inelastic, eV ), be = biasIndex( elastic, eV );
			final double threeDelta = 3 * inelastic.delta()[ bi ];
			png.add( String.format( java.util.Locale.ROOT, "eV = %.0f, γ_ee (3Δ=%.2f)", eV, threeDelta ), shown,
					distribution( inelastic.fL( bi ), first, last, asOccupation ), k, false );
			png.add( String.format( java.util.Locale.ROOT, "eV = %.0f, elastic", eV ), shown, distribution( elastic.fL( be ), first, last, asOccupation ), k, true );
			if ( threeDelta < eV )
				png.arrow( 2 * k, threeDelta );
		}
		return png;
	}

	private static double[] distribution( final double[] fL, final int first, final int last, final boolean asOccupation )
	{
		final double[] f = java.util.Arrays.copyOfRange( fL, first, last + 1 );
		if ( asOccupation )
			for ( int i = 0; i < f.length; i++ )
				f[ i ] = 0.5 * ( 1 - f[ i ] );
		return f;
	}

	/**
	 * Progress lines every 10 bias points and at the last: "Figs. 11-12, elastic (γ_ee = 0): bias point 20/51".
	 */
	static SelfConsistentGap.Progress progress( final java.io.PrintStream out, final String run )
	{
		return new SelfConsistentGap.Progress()
		{
			@Override
			public synchronized void done( final int k, final int n )
			{
				if ( k == n || k % 10 == 0 )
					out.println( "  Figs. 11-12, " + run + ": bias point " + k + "/" + n );
			}

			@Override
			public boolean cancelled() { return false; }
		};
	}

	/**
	 * Figs. 11-12 with the paper's parameters (S App. B): Δ(V_inj) elastic and inelastic (γ_ee = 2·10⁻⁴); f_L(ε, 0)
	 * at eV_inj = 1 … 5 in both cases (CSV), plotted as the paper's Fig. 11b and, separately, as the occupation
	 * (1 − f_L)/2; the inelastic g_sa map (Fig. 12b) as TIFF, CSV and PNG. Progress goes to {@code progress}.
	 */
	/** Energy step of the Figs. 11-12 set (converged; the paper's is 1/40). */
	static final double FIG11_STEP = 1.0 / 160;

	static void fig11and12( final Path dir, final java.io.PrintStream progress ) throws IOException
	{
		final double[] v = Numbers.inclusiveGrid( 0, 5, 0.1 );
		final org.nisnonlocal.physics.EnergyModeRun inelastic = new org.nisnonlocal.physics.EnergyModeRun();
		final org.nisnonlocal.physics.EnergyModeRun elastic = new org.nisnonlocal.physics.EnergyModeRun();
		elastic.gammaEe = 0;
		// a converged grid, not the paper's 1/40: there Δ(V_inj) is up to 5e-4 off above 3Δ0 and kinks where the
		// distribution's features cross cells; 1/160 is within ~3e-5 for 1.7× the time (docs/physics.md §11.5)
		inelastic.de = elastic.de = FIG11_STEP;
		final EnergyModeResult re = elastic.run( v, progress( progress, "elastic (γ_ee = 0)" ) );
		final EnergyModeResult ri = inelastic.runWithMargin( v, progress( progress, "γ_ee = 2e-4 (51 biases + 1 as the g_sa derivative's margin)" ) );
		PhysicsCsv.write( dir.resolve( "fig11a_delta.csv" ), "eV_inj,delta_elastic,delta_inelastic", v, re.delta(), ri.delta() );
		AtomicFiles.writePng( dir.resolve( "fig11a_delta.png" ), new CurvesPng( "Fig. 11a: self-consistent Δ(V_inj)", "eV_inj/Δ0", "Δ/Δ0" )
				.add( "elastic", v, re.delta(), 0, true ).add( "γ_ee = 2e-4", v, ri.delta(), 1, false ).render() );
		PhysicsCsv.write( dir.resolve( "fig11b_fL.csv" ), fig11bHeader(), fig11bColumns( re, ri ) );
		AtomicFiles.writePng( dir.resolve( "fig11b_fL.png" ), fig11b( re, ri ).render() );
		AtomicFiles.writePng( dir.resolve( "fig11b_occupation.png" ), occupation( re, ri ).render() );
		final ConductanceMap gsa = inelastic.detector().gsaMap( ri, Numbers.inclusiveGrid( -2, 2, 0.05 ), 0.1, inelastic.kappa )
				.withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE, "model: energy mode, paper parameters, gamma_ee = 2e-4, delta_epsilon = 1/160" ) );
		MapFiles.write( gsa, dir.resolve( "fig12b_g_sa.tif" ) );
		MapFiles.write( gsa, dir.resolve( "fig12b_g_sa.csv" ) );
		MapFiles.write( gsa, dir.resolve( "fig12b_g_sa.png" ) );
	}
}
