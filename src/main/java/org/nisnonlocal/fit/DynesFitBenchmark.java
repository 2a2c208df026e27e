package org.nisnonlocal.fit;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.nisnonlocal.io.NanonisSpectrumReader;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Spectrum;

/**
 * Wall-clock time of whole Dynes fits (start values, LM, lattice refinement, errors): median of several runs after
 * warm-up. Not a unit test, so timing noise never fails a build. Run:
 * {@code java -cp target/classes:<commons-math3.jar> org.nisnonlocal.fit.DynesFitBenchmark [BiasSpectroscopyNIS.dat]}.
 */
public final class DynesFitBenchmark
{
	private DynesFitBenchmark() {}

	public static void main( final String[] args ) throws Exception
	{
		Locale.setDefault( Locale.ROOT );
		final int runs = 9;
		report( "2000 points, T = 61 mK, Γ = 1 µeV", synthetic( 2000, 0 ), new DynesFitOptions(), runs );
		report( "2000 points, T = 61 mK, lock-in 15 µV rms", synthetic( 2000, 15e-6 ), new DynesFitOptions().vacRms( 15e-6 ), runs );
		report( "5000 points, T = 61 mK", synthetic( 5000, 0 ), new DynesFitOptions(), runs );
		if ( args.length > 0 )
		{
			final Path p = Paths.get( args[ 0 ] );
			report( "real " + p.getFileName() + " forward", NanonisSpectrumReader.readSpectrum( p, NanonisSpectrumReader.Sweep.FORWARD ), new DynesFitOptions(), runs );
		}
	}

	static Spectrum synthetic( final int n, final double vac )
	{
		final double[] v = new double[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = -1e-3 + 2e-3 * i / ( n - 1 );
		final double[] g = DynesConductance.conductance( v, 24.6e-6, 265e-6, 1e-6, 0.061, 10e-6, vac );
		final Random r = new Random( 1 );
		for ( int i = 0; i < n; i++ )
			g[ i ] += 0.1e-6 * r.nextGaussian();
		return new Spectrum( v, g, "V", "V", "G", "S", MapMetadata.empty() );
	}

	private static void report( final String name, final Spectrum s, final DynesFitOptions o, final int runs )
	{
		for ( int i = 0; i < 3; i++ )
			DynesFit.fit( s, o );
		final double[] ms = new double[ runs ];
		DynesFitResult r = null;
		for ( int i = 0; i < runs; i++ )
		{
			final long t0 = System.nanoTime();
			r = DynesFit.fit( s, o );
			ms[ i ] = ( System.nanoTime() - t0 ) * 1e-6;
		}
		Arrays.sort( ms );
		System.out.printf( "%-45s median %7.1f ms  (min %.1f, max %.1f, %d runs; %d iterations, %d evaluations)%n", name, ms[ runs / 2 ], ms[ 0 ], ms[ runs - 1 ], runs, r.iterations(), r.evaluations() );
	}
}
