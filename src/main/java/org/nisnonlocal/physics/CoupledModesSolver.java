package org.nisnonlocal.physics;

import org.nisnonlocal.BadInputException;

/**
 * Exact solution, at one energy, of the coupled kinetic equations with a supercurrent (S Eqs. 9-10 without
 * inelastic scattering, docs/physics.md §14) on the whole wire x ∈ [−ℓ, ℓ], ℓ = L/2, injector at x = 0. Lengths in ξ, R_T
 * in Δ0, the other coefficients dimensionless.
 * <pre>
 *   D_L f_L'' + c f_T' = 0,   D_T f_T'' + c f_L' = R_T f_T,   c = j_ε ∂xφ,
 *   J_L = D_L f_L' + c f_T (constant on each branch),   J_T = D_T f_T' + c f_L (J_T' = R_T f_T).
 * </pre>
 * Boundary conditions: reservoirs at x = ±ℓ, where the deviations u = f_L − n0(t_bath) and v = f_T vanish;
 * continuity of u, v at x = 0; the tunnel source (S Eq. 11, full κ_I = G_inj R_ξ since both branches are modelled)
 * as the jump of the spectral currents, J(0⁺) − J(0⁻) = κ_I N [f(0) − f^N] for both modes (with one branch and
 * mirror symmetry this is the half-wire condition of docs/physics.md §6.2, D ∂x f(0⁺) = (κ_I/2) N [f(0) − f^N]).
 * <p>
 * <b>Modes.</b> The coefficients are constant along the wire, so on each branch the solution is a combination of
 * (1, 0), the "linear" mode (R_T x, c) (k = 0 double: f_L = x drags f_T = c/R_T along), and e^{σkx} (−σc, D_L k),
 * σ = ±1, with k² = (R_T D_L + c²)/(D_L D_T). The exponentials are written as e^{−k|x|} and e^{−k(ℓ−|x|)} (never
 * larger than 1), every mode vector is normalized, and D_L k = √(D_L (R_T D_L + c²)/D_T) is computed without
 * dividing by D_L, so sub-gap energies (D_L ~ Γ², k large) stay well-conditioned. The 8 mode amplitudes (4 per
 * branch) follow from 8 equations (2 reservoir conditions per end, 2 continuity, 2 jump conditions), equilibrated
 * row by row and solved by Gaussian elimination with complete pivoting.
 * </p>
 * Requires R_T &gt; 0 (Δ &gt; 0): without charge relaxation the linear and exponential modes degenerate.
 */
public final class CoupledModesSolver
{
	/** Below this (after equilibration) the matching matrix counts as singular. */
	private static final double SINGULAR = 1e-14;

	private final double n;

	private final double dL;

	private final double dT;

	private final double rT;

	private final double c;

	private final double kappa;

	private final double halfLength;

	/** Decay constant k₁ of the exponential modes. */
	private final double k;

	/** Normalized mode vector (a, b) ∝ (−σc, D_L k) for σ = +1 (growing in x) and σ = −1 (decaying in x). */
	private final double aPlus, bPlus, aMinus, bMinus;

	/** 1/|(c, D_L k)|, the normalization of the exponential modes' vectors. */
	private final double invNorm;

	/** 1/max(R_T ℓ, |c|): keeps the linear mode of order 1 on the wire. */
	private final double linearScale;

	/**
	 * @param n density of states N(ε) (≥ 0)
	 * @param dL energy-mode diffusion D_L (&gt; 0)
	 * @param dT charge-mode diffusion D_T (&gt; 0)
	 * @param rT charge relaxation R_T (&gt; 0, Δ0)
	 * @param coupling c = j_ε ∂xφ (1/ξ; odd in ∂xφ, and in ε)
	 * @param kappa full injector coupling κ_I = G_inj R_ξ (&gt; 0)
	 * @param fullLength wire length L between the reservoirs (ξ)
	 */
	public CoupledModesSolver( final double n, final double dL, final double dT, final double rT, final double coupling, final double kappa, final double fullLength )
	{
		if ( !( n >= 0 ) || !( dL > 0 ) || !( dT > 0 ) || !( rT > 0 ) || !Double.isFinite( coupling ) || !Double.isFinite( n + dL + dT + rT ) )
			throw new BadInputException( "coupled modes need N >= 0 and D_L, D_T, R_T > 0 (finite), got N = " + n + ", D_L = " + dL + ", D_T = " + dT + ", R_T = " + rT + ", c = " + coupling );
		if ( !( kappa > 0 ) || !Double.isFinite( kappa ) )
			throw new BadInputException( "kappa must be finite and > 0, got " + kappa );
		if ( !( fullLength > 0 ) || !Double.isFinite( fullLength ) )
			throw new BadInputException( "wire length must be finite and > 0, got " + fullLength );
		this.n = n;
		this.dL = dL;
		this.dT = dT;
		this.rT = rT;
		this.c = coupling;
		this.kappa = kappa;
		this.halfLength = fullLength / 2;
		final double source = rT * dL + coupling * coupling;
		this.k = Math.sqrt( rT / dT + coupling * coupling / ( dL * dT ) );
		final double dLk = Math.sqrt( dL * source / dT );
		final double norm = Math.hypot( coupling, dLk );
		invNorm = 1 / norm;
		aPlus = -coupling / norm;
		bPlus = dLk / norm;
		aMinus = coupling / norm;
		bMinus = dLk / norm;
		linearScale = 1 / Math.max( rT * halfLength, Math.abs( coupling ) );
		if ( !Double.isFinite( k ) || !Double.isFinite( linearScale ) )
			throw new BadInputException( "coupled modes: decay constant not finite (D_L = " + dL + ", c = " + coupling + ")" );
	}

	/** The decay constant k₁ (1/ξ) of the exponential modes. */
	public double decayConstant()
	{
		return k;
	}

	/**
	 * Solves for the injector's normal-metal distributions (as deviations from the reservoirs' f_L = n0(t_bath),
	 * f_T = 0): f_L^N − n0 = {@code sourceL}, f_T^N = {@code sourceT}. The equations are linear, so responses to a
	 * unit source are also the derivatives with respect to the source.
	 */
	public Profile solve( final double sourceL, final double sourceT )
	{
		final double[][] a = new double[ 8 ][ 9 ];
		final double[] m = new double[ 4 ];
		// unknowns 0..3: right branch (0 < x ≤ ℓ), 4..7: left branch (−ℓ ≤ x < 0); modes ordered as in mode()
		for ( int j = 0; j < 4; j++ )
		{
			mode( j, halfLength, m );
			a[ 0 ][ j ] = m[ 0 ];
			a[ 1 ][ j ] = m[ 1 ];
			mode( j, -halfLength, m );
			a[ 2 ][ 4 + j ] = m[ 0 ];
			a[ 3 ][ 4 + j ] = m[ 1 ];
			mode( j, 0, m );
			a[ 4 ][ j ] = m[ 0 ];
			a[ 5 ][ j ] = m[ 1 ];
			a[ 6 ][ j ] = m[ 2 ] - kappa * n * m[ 0 ];
			a[ 7 ][ j ] = m[ 3 ] - kappa * n * m[ 1 ];
			mode( j, -0.0, m );
			a[ 4 ][ 4 + j ] = -m[ 0 ];
			a[ 5 ][ 4 + j ] = -m[ 1 ];
			a[ 6 ][ 4 + j ] = -m[ 2 ];
			a[ 7 ][ 4 + j ] = -m[ 3 ];
		}
		a[ 6 ][ 8 ] = -kappa * n * sourceL;
		a[ 7 ][ 8 ] = -kappa * n * sourceT;
		return new Profile( solveCompletePivoting( a ) );
	}

	/**
	 * Mode j at x: {u, v, J_L, J_T}. The branch is the sign of x (−0.0 counts as the left branch). Modes: 0 = (1, 0);
	 * 1 = linear (R_T x, c); 2 = exponential decaying away from the injector, e^{−k|x|}; 3 = exponential decaying
	 * away from the reservoir, e^{−k(ℓ − |x|)}.
	 */
	void mode( final int j, final double x, final double[] out )
	{
		final boolean right = x > 0 || ( x == 0 && Double.doubleToRawLongBits( x ) == 0 );
		switch ( j )
		{
		case 0:
			out[ 0 ] = 1;
			out[ 1 ] = 0;
			out[ 2 ] = 0;
			out[ 3 ] = c;
			break;
		case 1:
			out[ 0 ] = linearScale * rT * x;
			out[ 1 ] = linearScale * c;
			out[ 2 ] = linearScale * ( dL * rT + c * c );
			out[ 3 ] = linearScale * c * rT * x;
			break;
		default:
			// e^{σkx}: σ = −1 on the right branch for the injector mode, +1 on the left; the reservoir mode the opposite
			final double sigma = ( j == 2 ) == right ? -1 : 1;
			final double e = j == 2 ? Math.exp( -k * Math.abs( x ) ) : Math.exp( -k * ( halfLength - Math.abs( x ) ) );
			out[ 0 ] = e * ( sigma > 0 ? aPlus : aMinus );
			out[ 1 ] = e * ( sigma > 0 ? bPlus : bMinus );
			out[ 2 ] = 0; // D_L (σk)(−σc) + c D_L k = 0
			// D_T (σk) D_L k − c σ c = σ (D_T D_L k² − c²) = σ R_T D_L, per unit vector norm
			out[ 3 ] = e * sigma * rT * dL * invNorm;
			break;
		}
	}

	/**
	 * Solves the 8×9 augmented system in place: rows scaled to unit maximum, then complete pivoting (deterministic,
	 * stable whatever the scale of D_L).
	 */
	private static double[] solveCompletePivoting( final double[][] a )
	{
		final int size = a.length;
		for ( final double[] row : a )
		{
			double max = 0;
			for ( int j = 0; j < size; j++ )
				max = Math.max( max, Math.abs( row[ j ] ) );
			if ( !( max > 0 ) )
				throw new BadInputException( "coupled modes: matching matrix has a zero row" );
			for ( int j = 0; j <= size; j++ )
				row[ j ] /= max;
		}
		final int[] col = new int[ size ];
		for ( int j = 0; j < size; j++ )
			col[ j ] = j;
		for ( int p = 0; p < size; p++ )
		{
			int pr = p;
			int pc = p;
			double best = -1;
			for ( int r = p; r < size; r++ )
				for ( int q = p; q < size; q++ )
					if ( Math.abs( a[ r ][ col[ q ] ] ) > best )
					{
						best = Math.abs( a[ r ][ col[ q ] ] );
						pr = r;
						pc = q;
					}
			if ( !( best > SINGULAR ) )
				throw new BadInputException( "coupled modes: matching matrix is singular (pivot " + best + ")" );
			final double[] tmp = a[ p ];
			a[ p ] = a[ pr ];
			a[ pr ] = tmp;
			final int tc = col[ p ];
			col[ p ] = col[ pc ];
			col[ pc ] = tc;
			final double piv = a[ p ][ col[ p ] ];
			for ( int r = p + 1; r < size; r++ )
			{
				final double f = a[ r ][ col[ p ] ] / piv;
				if ( f == 0 )
					continue;
				for ( int q = p; q < size; q++ )
					a[ r ][ col[ q ] ] -= f * a[ p ][ col[ q ] ];
				a[ r ][ size ] -= f * a[ p ][ size ];
			}
		}
		final double[] x = new double[ size ];
		for ( int p = size - 1; p >= 0; p-- )
		{
			double s = a[ p ][ size ];
			for ( int q = p + 1; q < size; q++ )
				s -= a[ p ][ col[ q ] ] * x[ col[ q ] ];
			x[ col[ p ] ] = s / a[ p ][ col[ p ] ];
		}
		return x;
	}

	/** The solution along the wire: deviations u = f_L − n0(t_bath), v = f_T, their derivatives and the currents. */
	public final class Profile
	{
		private final double[] amp;

		private Profile( final double[] amplitudes )
		{
			this.amp = amplitudes;
		}

		/** {u, v, J_L, J_T} at x ∈ [−ℓ, ℓ] (at x = 0: the right branch's side; −0.0: the left's). */
		public double[] at( final double x )
		{
			if ( !( Math.abs( x ) <= halfLength ) )
				throw new IllegalArgumentException( "x outside the wire: " + x );
			final boolean right = x > 0 || ( x == 0 && Double.doubleToRawLongBits( x ) == 0 );
			final int off = right ? 0 : 4;
			final double[] m = new double[ 4 ];
			final double[] s = new double[ 4 ];
			for ( int j = 0; j < 4; j++ )
			{
				mode( j, x, m );
				for ( int q = 0; q < 4; q++ )
					s[ q ] += amp[ off + j ] * m[ q ];
			}
			return s;
		}

		/** f_L − n0(t_bath) at x. */
		public double fL( final double x )
		{
			return at( x )[ 0 ];
		}

		/** f_T at x. */
		public double fT( final double x )
		{
			return at( x )[ 1 ];
		}

		/**
		 * {u', v'} at x from the mode derivatives (independent of the current formulas in {@link #at}, for the
		 * conservation tests).
		 */
		public double[] derivative( final double x )
		{
			final boolean right = x > 0 || ( x == 0 && Double.doubleToRawLongBits( x ) == 0 );
			final int off = right ? 0 : 4;
			final double[] m = new double[ 4 ];
			double du = amp[ off + 1 ] * linearScale * rT;
			double dv = 0;
			for ( int j = 2; j < 4; j++ )
			{
				mode( j, x, m );
				// d/dx e^{−k|x|} = −k sign(x) e, d/dx e^{−k(ℓ−|x|)} = +k sign(x) e
				final double rate = ( j == 2 ? -k : k ) * ( right ? 1 : -1 );
				du += amp[ off + j ] * rate * m[ 0 ];
				dv += amp[ off + j ] * rate * m[ 1 ];
			}
			return new double[] { du, dv };
		}
	}
}
