package org.nisnonlocal.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.nisnonlocal.fit.ChargeImbalanceFit;
import org.nisnonlocal.fit.ChargeImbalanceFitOptions;
import org.nisnonlocal.fit.ChargeImbalanceFitResult;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.Numbers;

/**
 * {@code fit-charge-imbalance}: S Fig. 10 step 1, Γ from g_ss(eV_inj) at I_s = 0 (optionally also the phase gradient
 * and an amplitude). Writes {@code name,value,error} rows Gamma (Δ0), [phase_gradient (1/ξ)], [amplitude],
 * chi2_reduced, points (error column empty for the last two).
 */
final class FitChargeImbalanceVerb implements Subcommand
{
	@Override
	public String name() { return "fit-charge-imbalance"; }

	@Override
	public String summary() { return "fit Gamma of the analytic charge-imbalance model to g_ss(eV_inj) at I_s = 0 (S Fig. 10a)"; }

	@Override
	public String usage()
	{
		return "--in CURVE --out FILE.csv [--gamma-start G] [--zeta-free] " + Fig10Curves.DEVICE_USAGE + " [--curve-out FILE.csv]   "
				+ Fig10Curves.DEVICE_NOTE + "; --zeta-free also fits the phase gradient (zeta = grad(phi)^2/2); --curve-out writes eV_inj,g,model over the whole curve (reduced units)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		final Path out = a.output( "out" );
		final ChargeImbalanceFitOptions o = new ChargeImbalanceFitOptions();
		if ( a.has( "gamma-start" ) )
			o.gammaStart( a.requiredNumber( "gamma-start" ) );
		if ( a.flag( "zeta-free" ) )
			o.freePhaseGradient();
		final Fig10Curves curves = Fig10Curves.parse( a, o );
		final Path curveOut = a.optionalOutput( "curve-out" );
		a.rejectUnknown();
		final Fig10Curves.Curve c = curves.read( in );
		if ( c.sigma != null )
			o.sigma( c.sigma );
		final ChargeImbalanceFitResult r = ChargeImbalanceFit.fit( c.v, c.g, o, in.toString() );
		AtomicFiles.write( out, os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "name,value,error\n" );
			w.print( "Gamma," + Numbers.format( r.gamma() ) + "," + Numbers.format( r.gammaError() ) + "\n" );
			if ( r.phaseGradientFree() )
				w.print( "phase_gradient," + Numbers.format( r.phaseGradient() ) + "," + Numbers.format( r.phaseGradientError() ) + "\n" );
			if ( r.amplitudeFree() )
				w.print( "amplitude," + Numbers.format( r.amplitude() ) + "," + Numbers.format( r.amplitudeError() ) + "\n" );
			w.print( "chi2_reduced," + Numbers.format( r.chi2Reduced() ) + ",\n" );
			w.print( "points," + r.points() + ",\n" );
			w.flush();
		} );
		if ( curveOut != null )
			writeCurve( curveOut, c, r );
	}

	/** eV_inj, data and fitted model over the whole curve (reduced units), for plots like S Fig. 10a. */
	static void writeCurve( final Path file, final Fig10Curves.Curve c, final ChargeImbalanceFitResult r ) throws IOException
	{
		PhysicsCsv.write( file, "eV_inj,g,model", c.v, c.g, r.model( c.v ) );
	}
}
