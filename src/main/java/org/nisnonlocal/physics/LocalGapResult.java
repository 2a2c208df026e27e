package org.nisnonlocal.physics;

import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;

/**
 * The self-consistent pair-potential profile over a bias sweep (issue 17): Δ(x_k, V_inj) at the kinetic nodes, Δ at
 * the injector (x = 0) and at the detector, f_L(ε, 0), and the solver's work per bias. Plain arrays; biases, energies
 * and Δ in Δ0, positions in ξ from the injector (the last node is the reservoir).
 */
public final class LocalGapResult
{
	private final double[] biases, energies, positions;

	private final double[][] delta;

	private final double[][] fL;

	private final int[] newton, krylov, sc;

	private final ProfileDetector detector;

	/** One bias beyond the last, solved as the g_sa derivative's margin (see {@link EnergyModeRun#runWithMargin}). */
	private double marginBias = Double.NaN;

	private double[] marginDelta;

	LocalGapResult( final double[] biases, final double[] energies, final double[] positions, final double[][] delta, final double[][] fL, final int[] newton, final int[] krylov, final int[] sc,
			final ProfileDetector detector )
	{
		this.biases = biases.clone();
		this.energies = energies.clone();
		this.positions = positions.clone();
		this.delta = delta;
		this.fL = fL;
		this.newton = newton;
		this.krylov = krylov;
		this.sc = sc;
		this.detector = detector;
	}

	public int size()
	{
		return biases.length;
	}

	public double[] biases()
	{
		return biases.clone();
	}

	/** The kinetic energy grid. */
	public double[] energies()
	{
		return energies.clone();
	}

	/** x nodes (ξ from the injector; the last is the reservoir). */
	public double[] positions()
	{
		return positions.clone();
	}

	/** Δ(x_k) at bias b. */
	public double[] profile( final int b )
	{
		return delta[ b ].clone();
	}

	/** Δ(x = 0) per bias: the injector's gap (the uniform model's single Δ is this one). */
	public double[] deltaInjector()
	{
		final double[] d = new double[ biases.length ];
		for ( int b = 0; b < d.length; b++ )
			d[ b ] = delta[ b ][ 0 ];
		return d;
	}

	/** Δ at the detector position per bias (monotone interpolation between nodes). */
	public double[] deltaDetector()
	{
		final double[] d = new double[ biases.length ];
		for ( int b = 0; b < d.length; b++ )
			d[ b ] = detector.deltaAt( delta[ b ] );
		return d;
	}

	public double detectorPosition()
	{
		return detector.position();
	}

	/** f_L(ε_i, x = 0) at bias b. */
	public double[] fL( final int b )
	{
		return fL[ b ].clone();
	}

	public int newtonIterations( final int b )
	{
		return newton[ b ];
	}

	public int krylovIterations( final int b )
	{
		return krylov[ b ];
	}

	/** Kinetic solves (evaluations of the gap equations) at bias b, Jacobian columns included. */
	public int scIterations( final int b )
	{
		return sc[ b ];
	}

	/**
	 * I_det[b][d] (units of G_det Δ0/e) with the detector's own DOS, at every bias (and the margin bias, last, when
	 * there is one) and detector bias.
	 */
	public double[][] detectorCurrents( final double[] vDet )
	{
		final boolean margin = !Double.isNaN( marginBias );
		final double[][] c = new double[ biases.length + ( margin ? 1 : 0 ) ][];
		for ( int b = 0; b < biases.length; b++ )
			c[ b ] = detector.currents( delta[ b ], vDet );
		if ( margin )
			c[ biases.length ] = detector.currents( marginDelta, vDet );
		return c;
	}

	/**
	 * g_sa[b][d] = ∂I_det/∂V_inj (units of G_det; divide by 2κ_I for G_inj G_det R_ξ) by the differences of
	 * {@link DetectorSignal#derivative}, over the margin bias when there is one.
	 */
	public double[][] gsa( final double[] vDet )
	{
		final double[][] c = detectorCurrents( vDet );
		final double[] x = Double.isNaN( marginBias ) ? biases : append( biases, marginBias );
		final double[][] g = DetectorSignal.derivative( x, c );
		return java.util.Arrays.copyOf( g, biases.length );
	}

	/**
	 * g_sa over (V_inj, V_det) in units of G_inj·G_det·R_ξ, laid out as {@link DetectorSignal#gsaMap} (mirrored to
	 * negative V_inj by oddness when the sweep starts at 0); {@code vStep} is the biases' step.
	 */
	public ConductanceMap gsaMap( final double[] vDet, final double vStep, final double kappa )
	{
		return DetectorSignal.gsaMap( biases, gsa( vDet ), vDet, vStep, kappa );
	}

	/**
	 * Δ(x, V_inj) as an image: x (ξ from the injector) across, V_inj (eV/Δ0, step {@code vStep}) up. The nodes are
	 * quadratic in x, an image needs a uniform axis: the profile is resampled with {@link ProfileInterpolation} (monotone,
	 * so the dip is not overshot) at the finest node spacing, so the injector's cells stay resolved.
	 */
	public ConductanceMap profileMap( final double vStep )
	{
		final double length = positions[ positions.length - 1 ];
		final int size = ( int ) Math.min( 4001, Math.ceil( length / ( positions[ 1 ] - positions[ 0 ] ) - 1e-9 ) + 1 );
		final Axis x = Axis.between( "x", "ξ", 0, length, size );
		final Axis y = new Axis( "Vinj", Units.EV_PER_DELTA0, biases[ 0 ], vStep, biases.length );
		final double[][] rows = new double[ biases.length ][ size ];
		for ( int b = 0; b < biases.length; b++ )
		{
			final ProfileInterpolation p = new ProfileInterpolation( positions, delta[ b ] );
			for ( int i = 0; i < size; i++ )
				rows[ b ][ i ] = p.at( x.value( i ) );
		}
		return ConductanceMap.fromFunction( x, y, "Delta", Units.NORMALIZED, MapMetadata.empty(), ( i, j ) -> rows[ j ][ i ] );
	}

	/** The first n bias points, bias n kept as the derivative's margin. */
	LocalGapResult headWithMargin( final int n )
	{
		final LocalGapResult r = new LocalGapResult( java.util.Arrays.copyOf( biases, n ), energies, positions, java.util.Arrays.copyOf( delta, n ), java.util.Arrays.copyOf( fL, n ),
				java.util.Arrays.copyOf( newton, n ), java.util.Arrays.copyOf( krylov, n ), java.util.Arrays.copyOf( sc, n ), detector );
		r.marginBias = biases[ n ];
		r.marginDelta = delta[ n ].clone();
		return r;
	}

	private static double[] append( final double[] a, final double v )
	{
		final double[] c = java.util.Arrays.copyOf( a, a.length + 1 );
		c[ a.length ] = v;
		return c;
	}
}
