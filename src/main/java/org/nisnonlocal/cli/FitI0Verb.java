package org.nisnonlocal.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.SupercurrentScaleFit;
import org.nisnonlocal.fit.SupercurrentScaleFitResult;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.CurrentPhasePairs;
import org.nisnonlocal.io.Numbers;

/**
 * {@code fit-i0}: S Fig. 10 step 3, I0 of S Eq. 6 from (I_s, ∂xφ ± σ) pairs by effective variance
 * ({@link SupercurrentScaleFit}). Input: a comma-separated table with a header naming the columns I_s_uA,
 * phase_gradient and error (others, e.g. those of {@code fit-phase-gradient}, are ignored). Writes
 * {@code name,value,error} rows I0_uA, chi2_reduced, points.
 */
final class FitI0Verb implements Subcommand
{
	@Override
	public String name() { return "fit-i0"; }

	@Override
	public String summary() { return "fit I0 of the supercurrent relation (S Eq. 6) to (I_s, phase gradient) pairs (S Fig. 10b)"; }

	@Override
	public String usage()
	{
		return "--in PAIRS.csv --out FILE.csv [--gamma 1.53e-3] [--t 0.0078] [--current-error-ua 0] [--self-consistent] [--curve-out FILE.csv]"
				+ "   (PAIRS: header with columns I_s_uA,phase_gradient,error, e.g. the output of fit-phase-gradient; gradient in 1/xi with the sign of I_s;"
				+ " Gamma and t (wire temperature, Delta0) of the relation; Delta = 1 unless --self-consistent (gap equation at each gradient); errors: effective variance, not rescaled by chi2_reduced;"
				+ " --curve-out writes phase_gradient,I_s_uA of the fitted relation)";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path in = a.input( "in" );
		final Path out = a.output( "out" );
		final double gamma = PhysicsCsv.positive( a, "gamma", SupercurrentScaleFit.DEFAULT_GAMMA );
		if ( gamma >= 0.5 )
			throw new BadInputException( "--gamma must be < 0.5, got " + gamma );
		final double t = PhysicsCsv.nonNegative( a, "t", SupercurrentScaleFit.DEFAULT_T );
		if ( t > 10 )
			throw new BadInputException( "--t must be <= 10, got " + t );
		final double currentError = PhysicsCsv.nonNegative( a, "current-error-ua", 0 );
		final boolean selfConsistent = a.flag( "self-consistent" );
		final Path curveOut = a.optionalOutput( "curve-out" );
		a.rejectUnknown();
		final double[][] pairs = CurrentPhasePairs.read( in );
		final double[] sI = new double[ pairs[ 0 ].length ];
		Arrays.fill( sI, currentError );
		final SupercurrentScaleFit fit = new SupercurrentScaleFit( gamma, t, selfConsistent );
		final SupercurrentScaleFitResult r;
		try
		{
			r = fit.fit( pairs[ 0 ], pairs[ 1 ], pairs[ 2 ], currentError > 0 ? sI : null );
		}
		catch ( final BadInputException e )
		{
			throw new BadInputException( in + ": " + e.getMessage() );
		}
		AtomicFiles.write( out, os -> {
			final PrintWriter w = new PrintWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.print( "name,value,error\n" );
			w.print( "I0_uA," + Numbers.format( r.i0() ) + "," + Numbers.format( r.i0Error() ) + "\n" );
			w.print( "chi2_reduced," + Numbers.format( r.chi2Reduced() ) + ",\n" );
			w.print( "points," + r.points() + ",\n" );
			w.flush();
		} );
		if ( curveOut != null )
		{
			double max = 0;
			for ( final double q : pairs[ 1 ] )
				max = Math.max( max, Math.abs( q ) );
			final double[] q = new double[ 101 ];
			for ( int i = 0; i < q.length; i++ )
				q[ i ] = -1.2 * max + 2.4 * max * i / ( q.length - 1 );
			final double[] is = fit.relation( q );
			for ( int i = 0; i < is.length; i++ )
				is[ i ] *= r.i0();
			PhysicsCsv.write( curveOut, "phase_gradient,I_s_uA", q, is );
		}
	}

	/** {I_s, ∂xφ, σ} from the named columns; '#' comments and blank lines skipped. */
}
