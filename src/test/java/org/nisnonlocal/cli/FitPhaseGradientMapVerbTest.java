package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.fit.SyntheticMap;
import org.nisnonlocal.io.MapCsvWriter;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;
import org.nisnonlocal.physics.SupercurrentModel;

/** fit-phase-gradient-map end to end on two small synthetic g_a maps (I_s = 10, 20 µA at I0 = 29.8 µA): the file contract. */
public class FitPhaseGradientMapVerbTest
{
	@TempDir
	Path dir;

	private final Runner runner = new Runner();

	private int run( final String... argv ) { return runner.run( argv ); }

	private String err() { return runner.err(); }

	private static final Axis X = new Axis( "Vinj", Units.EV_PER_DELTA0, -2, 0.1, 41 );

	private static final Axis Y = new Axis( "Vdet", Units.EV_PER_DELTA0, -0.2, 0.04, 11 );

	private Path[] maps() throws Exception
	{
		final SupercurrentModel model = new SupercurrentModel( SupercurrentVerb.GAMMA, SupercurrentVerb.KAPPA, SupercurrentVerb.DISTANCE, SupercurrentVerb.LENGTH,
				SupercurrentVerb.T_INJ, SupercurrentVerb.T_BATH, false );
		final double[] is = { 10, 20 };
		final Path[] out = new Path[ 2 ];
		for ( int k = 0; k < 2; k++ )
		{
			final ConductanceMap m = SyntheticMap.supercurrentGa( model, X, Y, model.phaseGradient( is[ k ] / SupercurrentVerb.I0_UA ), 1, 0.01, 20 + k );
			out[ k ] = dir.resolve( "ga_" + ( int ) is[ k ] + ".csv" );
			MapCsvWriter.writeLong( m, out[ k ] );
		}
		return out;
	}

	@Test
	public void twoMapsGiveGradientsFitsResidualsAndI0() throws Exception
	{
		final Path[] m = maps();
		final Path out = dir.resolve( "fit" );
		assertEquals( 0, run( "fit-phase-gradient-map", "--in", m[ 0 ] + "," + m[ 1 ], "--is-ua", "10,20", "--vinj-min", "0.5", "--out", out.toString() ), err() );
		final List< String > pg = Files.readAllLines( out.resolve( "phase_gradients.csv" ) );
		assertTrue( pg.get( 0 ).startsWith( "map,I_s_uA,phase_gradient,error,chi2_reduced,points" ), pg.get( 0 ) );
		assertEquals( 3, pg.size() );
		final String[] row = pg.get( 1 ).split( "," );
		assertEquals( "ga_10.csv", row[ 0 ] );
		assertEquals( 10, Double.parseDouble( row[ 1 ] ), 0 );
		// V_inj 0.5 … 2 (16 columns) × 11 rows
		assertEquals( "176", row[ 5 ] );
		final double p = Double.parseDouble( row[ 2 ] ), e = Double.parseDouble( row[ 3 ] );
		final double truth = new SupercurrentModel( SupercurrentVerb.GAMMA, SupercurrentVerb.KAPPA, SupercurrentVerb.DISTANCE, SupercurrentVerb.LENGTH,
				SupercurrentVerb.T_INJ, SupercurrentVerb.T_BATH, false ).phaseGradient( 10 / SupercurrentVerb.I0_UA );
		assertTrue( Math.abs( p - truth ) < 3 * e, p + " ± " + e + " vs " + truth );
		for ( final String name : new String[] { "fit_1.csv", "fit_2.csv", "residual_1.csv", "residual_2.csv" } )
		{
			final List< String > f = Files.readAllLines( out.resolve( name ) );
			assertEquals( "Vinj,Vdet,g", f.get( 0 ) );
			assertEquals( 1 + 41 * 11, f.size() );
			// V_inj = −2 is outside the window
			assertTrue( f.get( 1 ).endsWith( ",NaN" ), f.get( 1 ) );
			assertFalse( f.get( 41 ).endsWith( ",NaN" ), f.get( 41 ) );
		}
		final List< String > i0 = Files.readAllLines( out.resolve( "i0.csv" ) );
		assertEquals( "name,value,error", i0.get( 0 ) );
		final String[] i0Row = i0.get( 1 ).split( "," );
		assertEquals( "I0_uA", i0Row[ 0 ] );
		assertEquals( SupercurrentVerb.I0_UA, Double.parseDouble( i0Row[ 1 ] ), 3 * Double.parseDouble( i0Row[ 2 ] ) );
		// the pairs file is what fit-i0 reads
		assertEquals( 0, run( "fit-i0", "--in", out.resolve( "phase_gradients.csv" ).toString(), "--out", dir.resolve( "i0_again.csv" ).toString() ), err() );
		// (fit-i0's default t_bath is 24 mK/Δ0 unrounded, 0.007805 against the model's 0.0078)
		final String[] again = Files.readAllLines( dir.resolve( "i0_again.csv" ) ).get( 1 ).split( "," );
		assertEquals( Double.parseDouble( i0Row[ 1 ] ), Double.parseDouble( again[ 1 ] ), 1e-6 );
		assertEquals( Double.parseDouble( i0Row[ 2 ] ), Double.parseDouble( again[ 2 ] ), 1e-6 );
	}

	@Test
	public void oneMapWithoutCurrentWritesNoI0() throws Exception
	{
		final Path[] m = maps();
		final Path out = dir.resolve( "one" );
		assertEquals( 0, run( "fit-phase-gradient-map", "--in", m[ 1 ].toString(), "--sigma", "0.01", "--free-amplitude", "--out", out.toString() ), err() );
		final List< String > pg = Files.readAllLines( out.resolve( "phase_gradients.csv" ) );
		assertTrue( pg.get( 1 ).startsWith( "ga_20.csv,," ), pg.get( 1 ) );
		assertFalse( Files.exists( out.resolve( "i0.csv" ) ) );
		// amplitude fitted: near 1 (the synthetic map has A = 1) with a nonzero error
		final String[] row = pg.get( 1 ).split( "," );
		assertEquals( 1, Double.parseDouble( row[ 6 ] ), 5 * Double.parseDouble( row[ 7 ] ) );
		assertTrue( Double.parseDouble( row[ 7 ] ) > 0 );
		assertEquals( "0.01", row[ 8 ] );
	}

	@Test
	public void badInputIsOneClearLine() throws Exception
	{
		final Path[] m = maps();
		final Path out = dir.resolve( "bad" );
		assertEquals( 2, run( "fit-phase-gradient-map", "--in", m[ 0 ] + "," + m[ 1 ], "--is-ua", "10", "--out", out.toString() ) );
		assertTrue( err().contains( "--is-ua has 1 values but --in names 2 maps" ), err() );
		assertEquals( 2, run( "fit-phase-gradient-map", "--in", m[ 0 ].toString(), "--sigma", "0", "--out", out.toString() ) );
		assertTrue( err().contains( "--sigma must be > 0" ), err() );
		assertEquals( 2, run( "fit-phase-gradient-map", "--in", m[ 0 ].toString(), "--vinj-min", "3", "--out", out.toString() ) );
		assertTrue( err().contains( "no finite measured points inside" ), err() );
		final Path nan = dir.resolve( "nan.csv" );
		MapCsvWriter.writeLong( ConductanceMap.empty( X, Y, "g_a", Units.NORMALIZED, MapMetadata.empty() ), nan );
		assertEquals( 2, run( "fit-phase-gradient-map", "--in", nan.toString(), "--out", out.toString() ) );
		assertTrue( err().contains( nan + ": all 451 points are NaN: nothing was measured" ), err() );
		assertEquals( 2, run( "fit-phase-gradient-map", "--in", m[ 0 ].toString(), "--out", out.toString(), "--bogus", "1" ) );
		assertEquals( 1, err().trim().split( "\n" ).length, err() );
	}
}
