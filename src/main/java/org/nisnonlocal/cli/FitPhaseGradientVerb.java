package org.nisnonlocal.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.ChargeImbalanceFitOptions;
import org.nisnonlocal.fit.ChargeImbalanceFitResult;
import org.nisnonlocal.fit.PhaseGradientFit;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.Numbers;

/**
 * {@code fit-phase-gradient}: S Fig. 10 step 2, with Γ fixed the phase gradient of each g_ss(eV_inj) curve measured at a
 * supercurrent. Writes one row per curve, {@code I_s_uA,phase_gradient,error,chi2_reduced,points,curve}: the table
 * {@code fit-i0} reads. The gradient gets the sign of I_s (the model is even in it); I_s_uA is empty without
 * {@code --currents-ua}.
 */
final class FitPhaseGradientVerb implements Subcommand
{
	@Override
	public String name() { return "fit-phase-gradient"; }

	@Override
	public String summary() { return "fit the phase gradient of g_ss(eV_inj) curves at supercurrents, Gamma fixed (S Fig. 10a)"; }

	@Override
	public String usage()
	{
		return "--in CURVE1,CURVE2,... --gamma G --out FILE.csv [--currents-ua I1,I2,...] " + Fig10Curves.DEVICE_USAGE + " [--curve-out-prefix PREFIX]   "
				+ Fig10Curves.DEVICE_NOTE + "; --currents-ua: the supercurrent of each curve (µA), written beside the gradient and giving its sign;"
				+ " --curve-out-prefix writes PREFIX<k>.csv (eV_inj,g,model) per curve";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final List< Path > files = a.inputs( "in" );
		if ( files.isEmpty() )
			throw new BadInputException( "missing required option --in (comma-separated curve files)" );
		final double gamma = PhysicsCsv.requiredPositive( a, "gamma" );
		if ( gamma >= 1 )
			throw new BadInputException( "--gamma must be < 1, got " + gamma );
		final double[] currents = a.numbers( "currents-ua" );
		if ( currents != null && currents.length != files.size() )
			throw new BadInputException( "--currents-ua has " + currents.length + " values but --in names " + files.size() + " curves" );
		final Path out = a.output( "out" );
		final ChargeImbalanceFitOptions o = new ChargeImbalanceFitOptions();
		final Fig10Curves curves = Fig10Curves.parse( a, o );
		final String prefix = a.string( "curve-out-prefix", null );
		if ( prefix != null )
			for ( int k = 0; k < files.size(); k++ )
				a.alsoWrites( "curve-out-prefix", curveFile( prefix, k ) );
		a.rejectUnknown();
		final ChargeImbalanceFitResult[] r = new ChargeImbalanceFitResult[ files.size() ];
		for ( int k = 0; k < r.length; k++ )
		{
			final Path in = files.get( k );
			final Fig10Curves.Curve c = curves.read( in );
			final ChargeImbalanceFitOptions ok = o.copy();
			if ( c.sigma != null )
				ok.sigma( c.sigma );
			r[ k ] = PhaseGradientFit.fit( c.v, c.g, gamma, ok, in.toString() );
			if ( prefix != null )
				FitChargeImbalanceVerb.writeCurve( curveFile( prefix, k ), c, r[ k ] );
		}
		AtomicFiles.write( out, os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "I_s_uA,phase_gradient,error,chi2_reduced,points,curve\n" );
			for ( int k = 0; k < r.length; k++ )
			{
				final double sign = currents != null && currents[ k ] < 0 ? -1 : 1;
				w.print( ( currents == null ? "" : Numbers.format( currents[ k ] ) ) + "," + Numbers.format( sign * r[ k ].phaseGradient() ) + "," + Numbers.format( r[ k ].phaseGradientError() ) + ","
						+ Numbers.format( r[ k ].chi2Reduced() ) + "," + r[ k ].points() + "," + files.get( k ).getFileName().toString().replace( ',', '_' ) + "\n" );
			}
			w.flush();
		} );
	}

	/** The fitted curve of the k-th input (from 0): {@code PREFIX<k+1>.csv}. */
	private static Path curveFile( final String prefix, final int k )
	{
		return Paths.get( prefix + ( k + 1 ) + ".csv" );
	}
}
