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

/** fit-map with per-point σ from an error map: same numbers as the equal constant --sigma, and clear errors. */
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

		final Path wrong = dir.resolve( "wrong.csv" );
		MapFiles.write( ConductanceMap.fromFunction( m.xAxis().range( 1, m.width() - 1 ), m.yAxis(), "g_sa_error", m.valueUnit(), m.metadata(), ( i, j ) -> 30 ), wrong );
		assertEquals( 2, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma-map", wrong.toString(), "--out", dir.resolve( "c" ).toString() }, MODEL ) ) );
		assertTrue( runner.err().contains( "grid" ), runner.err() );
		final Path zero = dir.resolve( "zero.csv" );
		MapFiles.write( ConductanceMap.fromFunction( m.xAxis(), m.yAxis(), "g_sa_error", m.valueUnit(), m.metadata(), ( i, j ) -> i == 3 ? 0 : 30 ), zero );
		assertEquals( 2, run( Runner.concat( new String[] { "fit-map", "--in", map.toString(), "--sigma-map", zero.toString(), "--out", dir.resolve( "d" ).toString() }, MODEL ) ) );
		assertTrue( runner.err().contains( "no usable sigma" ), runner.err() );
	}
}
