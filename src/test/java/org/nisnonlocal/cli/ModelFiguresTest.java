package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.physics.EnergyModeResult;
import org.nisnonlocal.render.CurvesPng;

/** What the Fig. 11b plots show, on sweeps with known f_L (no solver needed). */
class ModelFiguresTest
{
	private static final double[] BIASES = Numbers.inclusiveGrid( 0, 5, 0.1 ), EPS = Numbers.inclusiveGrid( -10, 10, 0.025 );

	/** f_L = tanh(ε/0.04) lowered by a bump that tells the bias and the model apart. */
	private static EnergyModeResult sweep( final double mark )
	{
		final double[][] fL = new double[ BIASES.length ][ EPS.length ];
		final double[] delta = new double[ BIASES.length ];
		for ( int b = 0; b < BIASES.length; b++ )
		{
			delta[ b ] = 1 - 0.025 * BIASES[ b ];
			for ( int i = 0; i < EPS.length; i++ )
				fL[ b ][ i ] = Math.tanh( EPS[ i ] / 0.04 ) - mark * 1e-3 * b * Math.exp( -Math.abs( EPS[ i ] ) );
		}
		return new EnergyModeResult( BIASES, EPS, delta, new int[ BIASES.length ], new int[ BIASES.length ], fL );
	}

	/** The paper's Fig. 11b plots f_L itself (its caption): every plotted value is f_L(ε, 0) of its bias and model. */
	@Test
	void fig11bPlotsFLOfEachBiasAndModel()
	{
		final EnergyModeResult elastic = sweep( 1 ), inelastic = sweep( 2 );
		final CurvesPng f = ModelFigures.fig11b( elastic, inelastic ), occ = ModelFigures.occupation( elastic, inelastic );
		assertEquals( 2 * ModelFigures.FIG11B_PLOTTED.length, f.curves() );
		for ( int k = 0; k < ModelFigures.FIG11B_PLOTTED.length; k++ )
		{
			final double eV = ModelFigures.FIG11B_PLOTTED[ k ];
			final int b = ( int ) Math.round( eV / 0.1 );
			assertTrue( f.name( 2 * k ).startsWith( "eV = " + ( int ) eV + ", γ_ee" ), f.name( 2 * k ) );
			assertTrue( f.name( 2 * k + 1 ).startsWith( "eV = " + ( int ) eV + ", elastic" ), f.name( 2 * k + 1 ) );
			assertTrue( f.name( 2 * k ).contains( String.format( java.util.Locale.ROOT, "3Δ=%.2f", 3 * ( 1 - 0.025 * eV ) ) ), f.name( 2 * k ) );
			for ( int model = 0; model < 2; model++ )
			{
				final double[] fL = ( model == 0 ? inelastic : elastic ).fL( b ), x = f.x( 2 * k + model ), y = f.y( 2 * k + model );
				assertEquals( ModelFigures.FIG11B_EPS_MIN, x[ 0 ], 0.025 );
				assertEquals( ModelFigures.FIG11B_EPS_MAX, x[ x.length - 1 ], 0.025 );
				for ( int i = 0; i < x.length; i++ )
				{
					final int e = ( int ) Math.round( ( x[ i ] + 10 ) / 0.025 );
					assertEquals( EPS[ e ], x[ i ], 0 );
					assertEquals( fL[ e ], y[ i ], 0, "f_L at ε = " + x[ i ] );
					assertEquals( ( 1 - fL[ e ] ) / 2, occ.y( 2 * k + model )[ i ], 1e-15, "occupation at ε = " + x[ i ] );
				}
			}
		}
		assertArrayEquals( f.x( 0 ), occ.x( 0 ) );
	}
}
