package org.nisnonlocal.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.BadInputException;

public class EnergyModeSweepTest
{
	private static SelfConsistentGap gap()
	{
		final double[] eps = EnergyModeSolver.energyGrid( 10, 0.05 );
		return new SelfConsistentGap( new EnergyModeSolver( eps, 1.054e-4, 84.6, 11, 2e-4 ), 0.005, 10, 0.0198, 0.00781, 1 );
	}

	private static final double[] BIASES = { 0, 1, 2, 3, 4, 5 };

	@Test
	public void resultsAreBitIdenticalForAnyThreadCount()
	{
		final EnergyModeResult one = EnergyModeSweep.run( gap(), BIASES, 1, null );
		final EnergyModeResult two = EnergyModeSweep.run( gap(), BIASES, 2, null );
		final EnergyModeResult four = EnergyModeSweep.run( gap(), BIASES, 4, null );
		assertArrayEquals( one.delta(), two.delta(), 0 );
		assertArrayEquals( one.delta(), four.delta(), 0 );
		for ( int b = 0; b < BIASES.length; b++ )
			assertArrayEquals( one.fL( b ), two.fL( b ), 0 );
		// and Δ falls with bias (scattering above 3Δ0 included)
		for ( int b = 1; b < BIASES.length; b++ )
			assertEquals( true, one.delta()[ b ] < one.delta()[ b - 1 ], "eV " + BIASES[ b ] );
	}

	@Test
	public void progressCountsEveryPointAndCancelStops()
	{
		final AtomicInteger last = new AtomicInteger();
		EnergyModeSweep.run( gap(), BIASES, 2, new SelfConsistentGap.Progress()
		{
			@Override
			public void done( final int k, final int n )
			{
				assertEquals( BIASES.length, n );
				last.accumulateAndGet( k, Math::max );
			}

			@Override
			public boolean cancelled()
			{
				return false;
			}
		} );
		assertEquals( BIASES.length, last.get() );
		assertThrows( BadInputException.class, () -> EnergyModeSweep.run( gap(), BIASES, 2, new SelfConsistentGap.Progress()
		{
			@Override
			public void done( final int k, final int n )
			{}

			@Override
			public boolean cancelled()
			{
				return true;
			}
		} ) );
	}
}
