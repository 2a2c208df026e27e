package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/**
 * The detector current of S Eq. 14 (f_T^S = 0, docs/physics.md §13) with the density of states at the detector's own position
 * x_det on a wire with a pair-potential profile:
 * <pre>
 *   I_det(V_det) = (G_det Δ0/e) ∫_0^{ω_D} N(ε, x_det) f_T^N(ε; V_det) dε,   f_T^N = ½[n0(ε + eV_det) − n0(ε − eV_det)],
 * </pre>
 * N(ε, x_det) from the profile's spectral model ({@link UsadelWire} at the point x_det, or the bulk DOS at the
 * interpolated Δ(x_det) for {@link LocalSpectra}). One composite Gauss rule serves all detector biases of a map:
 * clustered at Δ(x_det) on the scale Γ and at 0, with panels no longer than max(t_det, Γ)/2 up to max|eV_det| + 40 t_det
 * (the Fermi edges at every ±eV_det are resolved) — so the DOS is evaluated once per injector bias, not per pixel.
 * For a uniform profile this is {@link DetectorSignal#current} with another rule (the tests compare them).
 */
public final class ProfileDetector
{
	private final ProfileSpectra spectra;

	private final double[] nodes;

	private final double xDetector;

	private final double gamma;

	private final double tDet;

	private final double omegaD;

	/**
	 * @param nodes x nodes of the profile (kinetic grid, reservoir last)
	 * @param xDetector detector position (ξ from the injector), inside the half wire
	 */
	public ProfileDetector( final ProfileSpectra spectra, final double[] nodes, final double xDetector, final double tDet, final double omegaD )
	{
		if ( !( xDetector >= 0 ) || !( xDetector <= nodes[ nodes.length - 1 ] ) )
			throw new BadInputException( "detector position must lie on the half wire [0, " + nodes[ nodes.length - 1 ] + "], got " + xDetector );
		if ( !( tDet >= 0 ) || !Double.isFinite( tDet ) )
			throw new BadInputException( "detector temperature must be finite and >= 0, got " + tDet );
		this.spectra = spectra;
		this.nodes = nodes.clone();
		this.xDetector = xDetector;
		this.gamma = spectra.gamma();
		this.tDet = tDet;
		this.omegaD = omegaD;
	}

	public double position()
	{
		return xDetector;
	}

	/** Δ at the detector: the monotone interpolant of the node values ({@link ProfileInterpolation}). */
	public double deltaAt( final double[] delta )
	{
		return new ProfileInterpolation( nodes, delta ).at( xDetector );
	}

	/** N(ε, x_det) for the profile at the given energies. */
	public double[] dos( final double[] delta, final double[] energies )
	{
		final SpectralGrid g;
		if ( spectra instanceof UsadelWire )
			g = ( ( UsadelWire ) spectra ).at( delta, energies, new double[] { xDetector } )[ 0 ];
		else
			g = new SpectralFunctions( deltaAt( delta ), gamma, 0 ).onGrid( energies );
		final double[] n = new double[ energies.length ];
		for ( int i = 0; i < n.length; i++ )
			n[ i ] = g.n( i );
		return n;
	}

	/** The rule for detector biases up to |eV_det| = vMax at pair potential Δ(x_det) = delta. */
	Quadrature rule( final double delta, final double vMax )
	{
		final double t = Math.max( tDet, gamma );
		final Quadrature.Builder b = Quadrature.on( 0, omegaD ).cluster( delta, gamma ).cluster( 0, t );
		if ( vMax > 0 )
			b.maxPanel( 0.5 * t, 0, Math.min( omegaD, vMax + 40 * tDet + t ) );
		return b.build();
	}

	/** I_det in units of G_det Δ0/e at every detector bias, for the profile {@code delta} at the nodes. */
	public double[] currents( final double[] delta, final double[] vDet )
	{
		double vMax = 0;
		for ( final double v : vDet )
		{
			if ( !Double.isFinite( v ) )
				throw new BadInputException( "detector bias must be finite, got " + v );
			vMax = Math.max( vMax, Math.abs( v ) );
		}
		final Quadrature q = rule( deltaAt( delta ), vMax );
		final double[] e = q.nodes();
		final double[] n = dos( delta, e );
		final double[] out = new double[ vDet.length ];
		for ( int d = 0; d < vDet.length; d++ )
		{
			if ( vDet[ d ] == 0 )
				continue;
			final double a = Math.abs( vDet[ d ] );
			double s = 0;
			for ( int j = 0; j < e.length; j++ )
				s += q.weight( j ) * n[ j ] * 0.5 * ( EnergyModeSolver.n0( e[ j ] + a, tDet ) - EnergyModeSolver.n0( e[ j ] - a, tDet ) );
			out[ d ] = Math.copySign( s, vDet[ d ] );
		}
		return out;
	}
}
