package org.nisnonlocal.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.SyntheticMap;
import org.nisnonlocal.fit.SyntheticSpectrum;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * {@code synthesize}: a g_sa map with known truth ({@link SyntheticMap}: energy-mode model shifted by the offset, its
 * biases scaled by 1/delta0-scale, plus background and seeded noise), and {@code MAP.params.txt} (the output path with ".params.txt" appended) with
 * every parameter as key=value lines.
 */
final class SynthesizeVerb implements Subcommand
{
	@Override
	public String name() { return "synthesize"; }

	@Override
	public String summary() { return "synthetic g_sa map with known gamma_ee, bias offset, background and seeded noise (tests fit-map)"; }

	@Override
	public String usage()
	{
		return "[--gamma-ee 2e-4] [--sigma 0] [--offset-vinj 0] [--background 0] [--delta0-scale 1] [--seed 1] " + EnergyModeOptions.USAGE
				+ " [--vinj-from -5] [--vinj-to 5] [--vinj-step 0.1] [--vdet-from -2] [--vdet-to 2] [--vdet-step 0.05] [--model-step (default --vinj-step)]"
				+ " [--delta0 EV --ginj S --gdet S --r-xi OHM (write the map in mV and nS, parameters in its metadata; EV is the nominal Delta0)]"
				+ " [--spectrum-out FILE [--spectrum-noise 0.002] (the injector's local dI/dV: Dynes with the true gap s*Delta0, t_inj, same offset, G_N = ginj; needs the four values)] --out MAP"
				+ "   (g(V_inj, V_det) = g_sa_model((V_inj - offset)/s, V_det/s) + B*(eV_inj/5)*(eV_det/2) + sigma*N(0,1), s = delta0-scale = Delta0/Delta0_nominal (the map's biases in units of the nominal Delta0);"
				+ " units G_inj*G_det*R_xi (or nS); writes MAP and MAP.params.txt)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final double gammaEe = PhysicsCsv.nonNegative( a, "gamma-ee", 2e-4 );
		final double sigma = PhysicsCsv.nonNegative( a, "sigma", 0 );
		final double offset = a.number( "offset-vinj", 0 );
		final double background = a.number( "background", 0 );
		final double delta0Scale = PhysicsCsv.positive( a, "delta0-scale", 1 );
		final long seed = a.integer( "seed", 1 );
		final EnergyModeRun setup = EnergyModeOptions.read( a );
		setup.gammaEe = gammaEe;
		final double[] vInj = PhysicsCsv.grid( a, "vinj-from", -5, "vinj-to", 5, "vinj-step", 0.1 );
		final double[] vDet = PhysicsCsv.grid( a, "vdet-from", -2, "vdet-to", 2, "vdet-step", 0.05 );
		final double vInjStep = a.number( "vinj-step", 0.1 );
		final double vDetStep = a.number( "vdet-step", 0.05 );
		final double modelStep = PhysicsCsv.positive( a, "model-step", vInjStep );
		final double delta0 = a.number( "delta0", Double.NaN ), gInj = a.number( "ginj", Double.NaN ), gDet = a.number( "gdet", Double.NaN ), rXi = a.number( "r-xi", Double.NaN );
		final boolean physical = !Double.isNaN( delta0 ) || !Double.isNaN( gInj ) || !Double.isNaN( gDet ) || !Double.isNaN( rXi );
		if ( physical && ( Double.isNaN( delta0 ) || Double.isNaN( gInj ) || Double.isNaN( gDet ) || Double.isNaN( rXi ) ) )
			throw new BadInputException( "a map in physical units needs all of --delta0, --ginj, --gdet and --r-xi" );
		final Path spectrumOut = a.optionalOutput( "spectrum-out" );
		final double spectrumNoise = PhysicsCsv.nonNegative( a, "spectrum-noise", 0.002 );
		if ( spectrumOut != null && !physical )
			throw new BadInputException( "--spectrum-out needs the physical units (--delta0 --ginj --gdet --r-xi)" );
		final Path out = a.outputMap( "out" );
		final Path params = Paths.get( out.toString() + ".params.txt" );
		a.alsoWrites( "out", params );
		a.rejectUnknown();
		if ( vInj.length < 2 )
			throw new BadInputException( "need at least 2 injector biases, got " + vInj.length );
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, vInj[ 0 ], vInjStep, vInj.length );
		final Axis y = new Axis( "Vdet", Units.EV_PER_DELTA0, vDet[ 0 ], vDetStep, vDet.length );
		final long t0 = System.nanoTime();
		final ConductanceMap modelMap = SyntheticMap.create( setup, modelStep, x, y, offset, background, sigma, seed, delta0Scale ).withMetadata( MapMetadata.empty().with( MapMetadata.SOURCE,
				"synthetic: energy-mode gamma_ee=" + Numbers.format( gammaEe ) + " offset_vinj=" + Numbers.format( offset ) + " background=" + Numbers.format( background ) + " delta0_scale=" + Numbers.format( delta0Scale ) + " sigma="
						+ Numbers.format( sigma ) + " seed=" + seed + "; g in units of G_inj*G_det*R_xi" ) );
		final ConductanceMap map = physical ? ModelUnits.physical( modelMap, delta0, gInj, gDet, rXi ) : modelMap;
		MapFiles.write( map, out );
		if ( spectrumOut != null )
		{
			// the junction sees the true gap s·Δ0; the offset is in nominal units, as the map's biases
			final SyntheticSpectrum sp = SyntheticSpectrum.create( delta0Scale * delta0, setup.gamma, setup.tInj, gInj, offset * delta0, spectrumNoise, seed, 601 );
			final double[] mV = sp.biasV.clone(), uS = sp.conductanceS.clone();
			for ( int k = 0; k < mV.length; k++ )
			{
				mV[ k ] *= 1e3;
				uS[ k ] *= 1e6;
			}
			PhysicsCsv.write( spectrumOut, "V (mV),dI/dV (uS)", mV, uS );
		}
		final Map< String, String > p = EnergyModeOptions.describe( setup );
		p.put( "sigma", Numbers.format( sigma ) );
		p.put( "offset_vinj", Numbers.format( offset ) );
		p.put( "offset_convention", "g(V_inj) = model(V_inj - offset_vinj)" );
		p.put( "background", Numbers.format( background ) );
		p.put( "background_form", "background*(eV_inj/5)*(eV_det/2)" );
		p.put( "delta0_scale", Numbers.format( delta0Scale ) );
		p.put( "delta0_scale_convention", "g(V_inj, V_det) = model((V_inj - offset_vinj)/delta0_scale, V_det/delta0_scale); biases in units of the nominal Delta0" );
		p.put( "seed", Long.toString( seed ) );
		p.put( "vinj_from", Numbers.formatAxis( vInj[ 0 ] ) );
		p.put( "vinj_to", Numbers.formatAxis( vInj[ vInj.length - 1 ] ) );
		p.put( "vinj_step", Numbers.format( vInjStep ) );
		p.put( "vdet_from", Numbers.formatAxis( vDet[ 0 ] ) );
		p.put( "vdet_to", Numbers.formatAxis( vDet[ vDet.length - 1 ] ) );
		p.put( "vdet_step", Numbers.format( vDetStep ) );
		p.put( "model_vinj_step", Numbers.format( modelStep ) );
		p.put( "units", physical ? "nS; biases mV" : "G_inj*G_det*R_xi; biases eV/Delta0" );
		if ( physical )
		{
			p.put( "delta0_eV", Numbers.format( delta0 ) );
			p.put( "g_inj_S", Numbers.format( gInj ) );
			p.put( "g_det_S", Numbers.format( gDet ) );
			p.put( "r_xi_Ohm", Numbers.format( rXi ) );
		}
		if ( spectrumOut != null )
		{
			p.put( "spectrum", spectrumOut.getFileName().toString() + " (injector dI/dV: Dynes G_N=g_inj_S, gamma, t_inj, offset offset_vinj*delta0, 601 points over +-3 delta0)" );
			p.put( "spectrum_noise_relative", Numbers.format( spectrumNoise ) );
		}
		AtomicFiles.write( params, os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			for ( final Map.Entry< String, String > e : p.entrySet() )
				w.print( e.getKey() + "=" + e.getValue() + "\n" );
			w.flush();
		} );
		System.out.printf( "synthesize: %d x %d map (gamma_ee = %s, sigma = %s) in %.1f s -> %s%n", x.size(), y.size(), Numbers.format( gammaEe ), Numbers.format( sigma ),
				( System.nanoTime() - t0 ) * 1e-9, out );
	}
}
