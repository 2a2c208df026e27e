package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;

/**
 * fit-map with per-point σ from an error map: same numbers as the equal constant --sigma, and clear errors; a σ three
 * times too small is flagged and widens the interval (issue 14).
 */
class FitMapSigmaMapTest
{
	@TempDir
	Path dir;

	private final Runner runner = new Runner();

	private int run( final String... argv ) { return runner.run( argv ); }

	private static final String[] MODEL = { "--de", "0.05", "--points", "21", "--threads", "1", "--model-step", "0.2", "--span", "0.5", "--vinj-min", "2.2" };

	@Test
	void errorMapGivesTheSameFitAsTheEqualConstantSigma() throws Exception
	{
		final Path map = dir.resolve( "syn.csv" );
		assertEquals( 0, run( "synthesize", "--gamma-ee", "2e-4", "--sigma", "30", "--seed", "4", "--vinj-from", "2", "--vinj-to", "3.6", "--vinj-step", "0.2", "--vdet-from", "-1",
				"--vdet-to", "1", "--vdet-step", "0.25", "--de", "0.05", "--points", "21", "--out", map.toString() ), runner.err() );
		final ConductanceMap m = MapFiles.read( map );
		final Path errors = dir.resolve( "err.csv" );
		MapFiles.write( ConductanceMap.fromFunction( m.xAxis(), m.yAxis(), "g_sa_error", m.valueUnit(), m.metadata(), ( i, j ) -> 30 ), errors );

		assertEquals( 0, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma", "30", "--out", dir.resolve( "a" ).toString() }, MODEL ) ),
				runner.err() );
		assertEquals( 0, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma-map", errors.toString(), "--out", dir.resolve( "b" ).toString() }, MODEL ) ),
				runner.err() );
		final List< String > a = Files.readAllLines( dir.resolve( "a/params.csv" ) ), b = Files.readAllLines( dir.resolve( "b/params.csv" ) );
		assertEquals( a, b );
		// σ given, not estimated: the reduced χ² is a test of the noise level (true σ 30), not 1 by construction
		final double chi2 = Double.parseDouble( b.stream().filter( l -> l.startsWith( "chi2_reduced," ) ).findFirst().get().split( "," )[ 1 ] );
		assertTrue( chi2 > 0.6 && chi2 < 1.5, "chi2_reduced " + chi2 );
		// added rows: within the band, consistent, and the statistical-only interval is the reported one
		final double expectedHigh = cell( b, "chi2_expected_high", 1 );
		assertEquals( 1 + 4 * Math.sqrt( 2.0 / ( 72 - 1 ) ), expectedHigh, 1e-9 );
		assertEquals( "model_consistent,1,,,", row( b, "model_consistent" ) );
		assertEquals( row( b, "gamma_ee" ).substring( "gamma_ee".length() ), row( b, "gamma_ee_unscaled" ).substring( "gamma_ee_unscaled".length() ) );

		// σ three times too small (true 30): reduced χ² ≈ 9 (less with the model error added to σ), flagged, said plainly, error and interval widened by √χ²_red
		final java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
		final java.io.PrintStream saved = System.out;
		System.setOut( new java.io.PrintStream( stdout, true, "UTF-8" ) );
		try
		{
			assertEquals( 0, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma", "10", "--out", dir.resolve( "small" ).toString() }, MODEL ) ),
					runner.err() );
		}
		finally
		{
			System.setOut( saved );
		}
		final String summary = new String( stdout.toByteArray(), java.nio.charset.StandardCharsets.UTF_8 );
		saved.print( summary );
		final List< String > s = Files.readAllLines( dir.resolve( "small/params.csv" ) );
		// the existing rows keep their places; the added ones follow
		assertEquals( "name,value,error,low,high", s.get( 0 ) );
		assertTrue( s.get( 1 ).startsWith( "gamma_ee," ) && s.get( 2 ).startsWith( "chi2_reduced," ) && s.get( 3 ).startsWith( "points," ), s.toString() );
		assertEquals( "chi2_expected_high", s.get( 4 ).split( "," )[ 0 ] );
		assertEquals( "model_consistent,0,,,", s.get( 5 ) );
		assertEquals( "gamma_ee_unscaled", s.get( 6 ).split( "," )[ 0 ] );
		assertEquals( "model_error", s.get( 7 ).split( "," )[ 0 ] );
		assertEquals( "model_bias_gamma_ee", s.get( 10 ).split( "," )[ 0 ] );
		assertEquals( 11, s.size(), s.toString() );
		final double chi2Small = cell( s, "chi2_reduced", 1 );
		// the fit's σ is the given one with the model error (--de 0.05: ≈ σ here, stated) added in quadrature
		final double e = cell( s, "model_error", 1 );
		assertEquals( e, cell( b, "model_error", 1 ), 1e-6 * e );
		assertEquals( ( 900 + e * e ) / ( 100 + e * e ) * chi2, chi2Small, 1e-3 * chi2Small );
		assertTrue( summary.contains( "model error" ) && summary.contains( "above sigma/3 on the given grid" ), summary );
		assertTrue( chi2Small > expectedHigh );
		final double widening = Math.sqrt( chi2Small );
		assertEquals( widening, cell( s, "gamma_ee", 2 ) / cell( s, "gamma_ee_unscaled", 2 ), 0.02 * widening );
		assertTrue( cell( s, "gamma_ee", 3 ) < cell( s, "gamma_ee_unscaled", 3 ) && cell( s, "gamma_ee_unscaled", 4 ) < cell( s, "gamma_ee", 4 ), s.toString() );
		// the widened error is the right-σ error to the extent the right σ fits (√χ²_red of that fit ≈ 1)
		assertEquals( cell( b, "gamma_ee", 2 ) * Math.sqrt( chi2 ), cell( s, "gamma_ee", 2 ), 0.02 * cell( s, "gamma_ee", 2 ) );
		assertTrue( summary.contains( "the model does not describe these data within their errors (reduced chi2 = " ) && summary.contains( "for 72 points)" )
				&& summary.contains( "widened by sqrt(reduced chi2) = " + String.format( java.util.Locale.ROOT, "%.3g", widening ) )
				&& summary.contains( "statistical only: +- " ), summary );

		final Path wrong = dir.resolve( "wrong.csv" );
		MapFiles.write( ConductanceMap.fromFunction( m.xAxis().range( 1, m.width() - 1 ), m.yAxis(), "g_sa_error", m.valueUnit(), m.metadata(), ( i, j ) -> 30 ), wrong );
		assertEquals( 2, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma-map", wrong.toString(), "--out", dir.resolve( "c" ).toString() }, MODEL ) ) );
		assertTrue( runner.err().contains( "grid" ), runner.err() );
		final Path zero = dir.resolve( "zero.csv" );
		MapFiles.write( ConductanceMap.fromFunction( m.xAxis(), m.yAxis(), "g_sa_error", m.valueUnit(), m.metadata(), ( i, j ) -> i == 3 ? 0 : 30 ), zero );
		assertEquals( 2, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma-map", zero.toString(), "--out", dir.resolve( "d" ).toString() }, MODEL ) ) );
		assertTrue( runner.err().contains( "no usable sigma" ), runner.err() );
	}

	private static String row( final List< String > params, final String name )
	{
		return params.stream().filter( l -> l.startsWith( name + "," ) ).findFirst().orElseThrow( () -> new AssertionError( "no row " + name + " in " + params ) );
	}

	private static double cell( final List< String > params, final String name, final int column )
	{
		return Double.parseDouble( row( params, name ).split( ",", -1 )[ column ] );
	}
}
