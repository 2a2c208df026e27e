package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;

/**
 * The second shipped example (examples/synthetic_gsa.csv and its injector spectrum) is what its documented command
 * makes, and the user's path through it — Dynes fit of the spectrum, offset correction by the fitted V0, γ_ee fit
 * with Γ and T from the Dynes fit and the device numbers — recovers the γ_ee it was made with within the stated error.
 */
class SyntheticExampleTest
{
	private static final Path EXAMPLES = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "examples" );

	/** The command in examples/README.md. */
	static final String[] GENERATOR = { "synthesize", "--gamma-ee", "2e-4", "--sigma", "50", "--offset-vinj", "0.01", "--background", "10", "--seed", "7", "--kappa",
			"1.0504701773805045e-4", "--length", "169.78111691351472", "--vinj-from", "-5", "--vinj-to", "5", "--vinj-step", "0.1", "--vdet-from", "-2", "--vdet-to", "2",
			"--vdet-step", "0.1", "--delta0", "2.65e-4", "--ginj", "24.6e-6", "--gdet", "20e-6", "--r-xi", "8.540407946182963" };

	@TempDir
	Path dir;

	private final Runner runner = new Runner();

	private void run( final String... argv )
	{
		assertEquals( 0, runner.run( argv ), () -> String.join( " ", argv ) + ": " + runner.err() );
	}

	@Test
	void shippedFilesAreWhatTheGeneratorMakes() throws IOException
	{
		final Path map = dir.resolve( "gsa.csv" ), spectrum = dir.resolve( "inj.csv" );
		final String[] argv = java.util.Arrays.copyOf( GENERATOR, GENERATOR.length + 4 );
		argv[ GENERATOR.length ] = "--spectrum-out";
		argv[ GENERATOR.length + 1 ] = spectrum.toString();
		argv[ GENERATOR.length + 2 ] = "--out";
		argv[ GENERATOR.length + 3 ] = map.toString();
		run( argv );
		final ConductanceMap made = MapFiles.read( map ), shipped = MapFiles.read( EXAMPLES.resolve( "synthetic_gsa.csv" ) );
		assertEquals( made.xAxis().size(), shipped.xAxis().size() );
		assertEquals( made.yAxis().size(), shipped.yAxis().size() );
		assertEquals( made.xAxis().min(), shipped.xAxis().min(), 1e-12 );
		assertEquals( made.valueUnit(), shipped.valueUnit() );
		// same noise (seeded); the model part may move at the solver's tolerance when the solver changes
		for ( int j = 0; j < made.height(); j++ )
			for ( int i = 0; i < made.width(); i++ )
				assertEquals( made.get( i, j ), shipped.get( i, j ), 1e-5 * ( 1 + Math.abs( made.get( i, j ) ) ), "point " + i + "," + j );
		assertEquals( Files.readAllLines( spectrum ), Files.readAllLines( EXAMPLES.resolve( "synthetic_injector_spectrum.csv" ) ) );
	}

	@Test
	void dynesOffsetAndGammaEeFitRecoverTheTruth() throws IOException
	{
		final Path dynes = dir.resolve( "dynes.csv" );
		run( "fit-dynes", "--in", EXAMPLES.resolve( "synthetic_injector_spectrum.csv" ).toString(), "--out", dynes.toString() );
		final Map< String, double[] > d = table( dynes );
		final double delta = d.get( "Delta" )[ 0 ];
		final double gamma = d.get( "Gamma" )[ 0 ] / delta;
		final double tInj = 8.617333262e-5 * d.get( "T_e" )[ 0 ] / delta;
		final double v0mV = d.get( "V0" )[ 0 ] * 1e3;
		final Path corrected = dir.resolve( "corrected.csv" );
		run( "offset", "--in", EXAMPLES.resolve( "synthetic_gsa.csv" ).toString(), "--value", Double.toString( v0mV ), "--out", corrected.toString() );
		final Path fit = dir.resolve( "fit" );
		// device numbers of S Table 1 (`device`): κ_I = 1.0505e-4, L = 169.78 ξ, t_bath = 0.0078; Δ0 from the Dynes fit
		run( "fit-map", "--in", corrected.toString(), "--free", "gamma-ee", "--gamma-ee", "1e-4", "--gamma", Double.toString( gamma ), "--t-inj", Double.toString( tInj ),
				"--kappa", "1.0504701773805045e-4", "--length", "169.78111691351472", "--t-bath", "0.0078", "--delta0", Double.toString( delta ), "--vinj-min", "1.5", "--out",
				fit.toString() );
		final double[] g = table( fit.resolve( "params.csv" ) ).get( "gamma_ee" );
		final String summary = runner.out();
		assertTrue( Math.abs( g[ 0 ] - 2e-4 ) < 2 * g[ 1 ], "gamma_ee " + g[ 0 ] + " ± " + g[ 1 ] + " vs truth 2e-4: " + summary );
		// the 68 % profile interval, widened by its own half-width once (a 2σ interval), holds the truth
		final double half = ( g[ 3 ] - g[ 2 ] ) / 2;
		assertTrue( g[ 2 ] - half < 2e-4 && 2e-4 < g[ 3 ] + half, "profile " + g[ 2 ] + " .. " + g[ 3 ] + ": " + summary );
		assertTrue( g[ 1 ] < 0.05 * g[ 0 ], "a full map determines gamma_ee to a few %: " + summary );
	}

	private static Map< String, double[] > table( final Path csv ) throws IOException
	{
		final List< String > lines = Files.readAllLines( csv );
		final Map< String, double[] > m = new HashMap<>();
		for ( final String line : lines.subList( 1, lines.size() ) )
		{
			final String[] c = line.split( ",", -1 );
			final double[] v = new double[ c.length - 1 ];
			for ( int k = 1; k < c.length; k++ )
				v[ k - 1 ] = c[ k ].isEmpty() ? Double.NaN : Double.parseDouble( c[ k ] );
			m.put( c[ 0 ], v );
		}
		return m;
	}
}
