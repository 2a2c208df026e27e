package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.ModelUnits;

/**
 * {@code synthesize} in physical units with the injector's local spectrum: the map normalizes back to the model-unit
 * map of the same seed, and a Dynes fit of the spectrum returns the Δ0, temperature and bias offset used.
 */
class SynthesizePhysicalTest
{
	@TempDir
	Path dir;

	private final Runner runner = new Runner();

	private int run( final String... argv ) { return runner.run( argv ); }

	private static final double D0 = 2.65e-4, GI = 24.6e-6, GD = 20e-6, RXI = 8.54, OFFSET = 0.02;

	@Test
	void physicalMapNormalizesBackAndSpectrumFitReturnsTheTruth() throws Exception
	{
		final String[] common = { "synthesize", "--gamma-ee", "2e-4", "--sigma", "30", "--offset-vinj", Double.toString( OFFSET ), "--background", "3", "--seed", "9", "--vinj-from",
				"-3", "--vinj-to", "3", "--vinj-step", "0.5", "--vdet-from", "-1.5", "--vdet-to", "1.5", "--vdet-step", "0.5", "--model-step", "0.5", "--de", "0.05", "--points", "21" };
		final Path model = dir.resolve( "model.csv" ), phys = dir.resolve( "phys.csv" ), spectrum = dir.resolve( "inj.csv" );
		assertEquals( 0, run( Runner.concat( common, "--out", model.toString() ) ), runner.err() );
		assertEquals( 0, run( Runner.concat( common, "--delta0", Double.toString( D0 ), "--ginj", Double.toString( GI ), "--gdet", Double.toString( GD ), "--r-xi",
				Double.toString( RXI ), "--spectrum-out", spectrum.toString(), "--out", phys.toString() ) ), runner.err() );

		final ConductanceMap m = MapFiles.read( model ), p = MapFiles.read( phys );
		assertEquals( "mV", p.xAxis().unit() );
		assertEquals( "nS", p.valueUnit() );
		assertEquals( D0, p.metadata().number( MapMetadata.DELTA0_EV ), 0 );
		assertEquals( RXI, p.metadata().number( MapMetadata.R_XI_OHM ), 0 );
		final ConductanceMap back = ModelUnits.of( p, null ).map();
		for ( int j = 0; j < m.height(); j++ )
			for ( int i = 0; i < m.width(); i++ )
			{
				assertEquals( m.xAxis().value( i ), back.xAxis().value( i ), 1e-9 );
				assertEquals( m.get( i, j ), back.get( i, j ), 1e-5 * ( 1 + Math.abs( m.get( i, j ) ) ) ); // float storage, CSV digits
			}
		final List< String > params = Files.readAllLines( phys.resolveSibling( "phys.csv.params.txt" ) );
		assertTrue( params.contains( "units=nS; biases mV" ), params.toString() );

		final Path dynes = dir.resolve( "dynes.csv" );
		assertEquals( 0, run( "fit-dynes", "--in", spectrum.toString(), "--out", dynes.toString() ), runner.err() );
		final Map< String, double[] > fit = new HashMap<>();
		for ( final String line : Files.readAllLines( dynes ).subList( 1, Files.readAllLines( dynes ).size() ) )
		{
			final String[] c = line.split( ",", -1 );
			fit.put( c[ 0 ], new double[] { Double.parseDouble( c[ 1 ] ), c[ 2 ].isEmpty() ? Double.NaN : Double.parseDouble( c[ 2 ] ) } );
		}
		// the errors are in the fit's own (unit-σ) scale, so compare with the truth at a few 1e-3 relative
		assertEquals( D0, fit.get( "Delta" )[ 0 ], 1e-3 * D0 );
		assertEquals( GI, fit.get( "G_N" )[ 0 ], 1e-3 * GI );
		assertEquals( 0.0198 * D0 / 8.617333262e-5, fit.get( "T_e" )[ 0 ], 5e-3 * 0.061 );
		assertEquals( OFFSET * D0, fit.get( "V0" )[ 0 ], 0.02 * OFFSET * D0 );
	}
}
