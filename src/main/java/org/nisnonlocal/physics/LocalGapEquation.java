package org.nisnonlocal.physics;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.nisnonlocal.BadInputException;

/**
 * S Eq. 8 at every node of the half wire, each with its own f_L(ε, x_k) and spectral functions:
 * <pre>
 *   Δ_k = λ ∫_0^{ω_D} Im F(ε, x_k) f_L(ε, x_k) dε,   k = 0 … M−1,
 * </pre>
 * with f_L = n0(ε; t_bath) at the reservoir node (its Δ is the bath's equilibrium gap) and λ calibrated as in
 * {@link GapEquation}. The integral is done as in {@link SelfConsistentGap}: a composite Gauss rule on the grid
 * cells, here split around every node's Δ_k (scale Γ, rings out to {@value #RING_REACH} grid spacings; the 1/√(ε − Δ)
 * tail beyond that is smooth on a grid cell), around 0 (scale max(t_bath, Γ)) and |eV| (scale t_inj). At each Gauss energy f_L is
 * rebuilt at all nodes from that energy's finite-volume equation in x (one Thomas sweep): the exact N, M, D_L of
 * every node at that ε, the collision in/out rates interpolated in ε from the converged grid solution so that
 * detailed balance survives (see {@link Rates}; coherence factors exact). At grid energies this is the grid solution; without scattering it is the exact
 * elastic f_L. One rule for all nodes: a node's integral is at least as well resolved as with its own rule.
 */
public final class LocalGapEquation
{
	/**
	 * Rings around each Δ_k reach this many grid spacings: beyond, an 8-point panel of one cell lies at least two of its
	 * lengths from the coherence peak (error ~ 4^-16 relative), so finer rings would only cost.
	 */
	static final double RING_REACH = 3;

	private final LocalGapKinetics kinetics;

	private final ProfileSpectra spectra;

	private final double gamma;

	private final double omegaD;

	private final double tInj;

	private final double tBath;

	private final int refine;

	private final double lambda;

	private final double[] eps;

	private final double de;

	/**
	 * @param refine resolution of the quadrature (1 default, 2 halves panels and ring scales, for checks)
	 */
	public LocalGapEquation( final LocalGapKinetics kinetics, final ProfileSpectra spectra, final double omegaD, final double tInj, final double tBath, final int refine )
	{
		if ( !( tInj >= 0 ) || !( tBath >= 0 ) || !Double.isFinite( tInj ) || !Double.isFinite( tBath ) )
			throw new BadInputException( "temperatures must be finite and >= 0, got " + tInj + ", " + tBath );
		if ( refine < 1 || refine > 4 )
			throw new BadInputException( "refine must be in 1..4, got " + refine );
		this.kinetics = kinetics;
		this.spectra = spectra;
		this.gamma = spectra.gamma();
		this.omegaD = omegaD;
		this.tInj = tInj;
		this.tBath = tBath;
		this.refine = refine;
		this.lambda = new GapEquation( gamma, omegaD ).lambda();
		this.eps = kinetics.energies();
		this.de = eps[ 1 ] - eps[ 0 ];
		if ( Math.abs( eps[ eps.length - 1 ] - omegaD ) > 1e-9 )
			throw new BadInputException( "energy grid must end at omega_D = " + omegaD );
	}

	/** The same equation with another spectral model instance. */
	public LocalGapEquation withSpectra( final ProfileSpectra other )
	{
		return new LocalGapEquation( kinetics, other, omegaD, tInj, tBath, refine );
	}

	public double lambda()
	{
		return lambda;
	}

	public ProfileSpectra spectra()
	{
		return spectra;
	}

	public LocalGapKinetics kinetics()
	{
		return kinetics;
	}

	/** RHS of Eq. 8 at every node (λ ∫ Im F f_L at node k) for the kinetic solution obtained with the profile at bias v. */
	public double[] rhs( final double[] delta, final double v, final EnergyModeSolver.Solution solution )
	{
		final int m = delta.length;
		final double[][] q = rule( delta, v );
		final SpectralGrid[] g = spectra.at( delta, q[ 0 ] );
		final double[][] f = distribution( g, v, solution );
		final double[] bath = new double[ q[ 0 ].length ];
		for ( int j = 0; j < bath.length; j++ )
			bath[ j ] = EnergyModeSolver.n0( q[ 0 ][ j ], tBath );
		final double[] value = new double[ m ];
		for ( int k = 0; k < m; k++ )
		{
			final double[] fl = k < m - 1 ? f[ k ] : bath;
			double s = 0;
			for ( int j = 0; j < fl.length; j++ )
				s += q[ 1 ][ j ] * g[ k ].m( j ) * fl[ j ];
			value[ k ] = lambda * s;
		}
		return value;
	}

	/**
	 * f_L(ε_j, x_k) at arbitrary energies (grids {@code g} per node at those energies) for all M−1 unknown nodes, from
	 * each energy's finite-volume equation in x with the solution's interpolated collision rates.
	 */
	double[][] distribution( final SpectralGrid[] g, final double v, final EnergyModeSolver.Solution solution )
	{
		final int count = g[ 0 ].size();
		final double[] h = kinetics.cellSteps();
		final double[] vol = kinetics.cellVolumes();
		final int p = h.length;
		final CollisionIntegral.Linearization[] lin = solution.collisions();
		final double kappa = kinetics.kappa();
		final double c = EnergyModeSolver.COLLISION_FACTOR;
		final int n = eps.length;
		final double[][] out = new double[ p ][ count ];
		final double[] cc = new double[ p ], dd = new double[ p ], dl = new double[ p + 1 ];
		final Rates[] rates = new Rates[ p ];
		for ( int k = 0; k < p; k++ )
			rates[ k ] = lin != null && lin[ k ] != null ? new Rates( lin[ k ], n ) : null;
		final double[] ab = new double[ 2 ];
		for ( int j = 0; j < count; j++ )
		{
			final double e = g[ 0 ].eps( j );
			for ( int k = 0; k <= p; k++ )
				dl[ k ] = g[ k ].dL( j );
			final double tunnel = kappa * g[ 0 ].n( j );
			final double position = ( e - eps[ 0 ] ) / de;
			final int cell = Math.max( 0, Math.min( n - 2, ( int ) Math.floor( position ) ) );
			final double w = Math.max( 0, Math.min( 1, position - cell ) );
			double prevC = 0, prevD = 0;
			for ( int k = 0; k < p; k++ )
			{
				final double lower = k > 0 ? 0.5 * ( dl[ k - 1 ] + dl[ k ] ) / h[ k - 1 ] : 0;
				final double upper = 0.5 * ( dl[ k ] + dl[ k + 1 ] ) / h[ k ];
				double diag = -upper - ( k > 0 ? lower : tunnel );
				double rhs = k == 0 ? -tunnel * EnergyModeSolver.injector( e, v, tInj ) : 0;
				if ( k == p - 1 )
					rhs -= upper * EnergyModeSolver.n0( e, tBath );
				if ( rates[ k ] != null )
				{
					// c V [ (A − B)/2 + f_L (A + B)/2 ] is the collision term c V I in terms of f_L
					rates[ k ].halfRates( cell, w, g[ k ].n( j ), g[ k ].m( j ), ab );
					diag -= c * vol[ k ] * ab[ 0 ];
					rhs += c * vol[ k ] * ab[ 1 ];
				}
				final double inv = 1 / ( diag - lower * prevC );
				cc[ k ] = ( k + 1 < p ? upper : 0 ) * inv;
				dd[ k ] = ( rhs - lower * prevD ) * inv;
				prevC = cc[ k ];
				prevD = dd[ k ];
			}
			double next = 0;
			for ( int k = p - 1; k >= 0; k-- )
			{
				next = dd[ k ] - cc[ k ] * next;
				out[ k ][ j ] = next;
			}
		}
		return out;
	}

	/**
	 * The collision rates of one node between grid energies. The four convolutions (in and out, N and M parts) are
	 * interpolated with the exponential tilt of the N parts across the cell: in(w) = [(1−w) in_i + w in_{i+1} e^{−τ}]
	 * e^{wτ}, τ = ln(inN_{i+1}/inN_i) (out alike), i.e. the N parts geometrically. Why: in equilibrium every in/out
	 * ratio is e^{−ε/t}, which plain linear interpolation breaks between grid energies (at t = 0.35 the rebuilt f_L then
	 * moved the gap of interior nodes, where scattering dominates, by 1.5e-5 from the equilibrium gap at δε = 1/40);
	 * with the common tilt the ratio, hence detailed balance, holds at every energy. Where an N part is not positive
	 * at both ends the cell falls back to linear interpolation.
	 */
	private static final class Rates
	{
		private final double[] table;

		private final double[] ratioIn, ratioOut, tiltIn, tiltOut;

		Rates( final CollisionIntegral.Linearization lin, final int n )
		{
			table = new double[ 4 * n ];
			final double[] c = new double[ 4 ];
			for ( int i = 0; i < n; i++ )
			{
				lin.convolutionsAt( i, c );
				System.arraycopy( c, 0, table, 4 * i, 4 );
			}
			ratioIn = new double[ n ];
			ratioOut = new double[ n ];
			tiltIn = new double[ n ];
			tiltOut = new double[ n ];
			for ( int i = 0; i + 1 < n; i++ )
			{
				final double a0 = table[ 4 * i ], a1 = table[ 4 * i + 4 ], b0 = table[ 4 * i + 2 ], b1 = table[ 4 * i + 6 ];
				final boolean in = a0 > 0 && a1 > 0, out = b0 > 0 && b1 > 0;
				ratioIn[ i ] = in ? a0 / a1 : 1;
				tiltIn[ i ] = in ? Math.log( a1 / a0 ) : 0;
				ratioOut[ i ] = out ? b0 / b1 : 1;
				tiltOut[ i ] = out ? Math.log( b1 / b0 ) : 0;
			}
		}

		/** (A + B)/2 and (A − B)/2 at weight w ∈ [0, 1] of cell i, with the coherence factors N, M of that energy. */
		void halfRates( final int i, final double w, final double dos, final double anomalous, final double[] ab )
		{
			final double[] y = table;
			final int j = 4 * i;
			final double gi = w == 0 ? 1 : Math.exp( w * tiltIn[ i ] ), go = w == 0 ? 1 : Math.exp( w * tiltOut[ i ] );
			final double inN = ( ( 1 - w ) * y[ j ] + w * y[ j + 4 ] * ratioIn[ i ] ) * gi;
			final double inM = ( ( 1 - w ) * y[ j + 1 ] + w * y[ j + 5 ] * ratioIn[ i ] ) * gi;
			final double outN = ( ( 1 - w ) * y[ j + 2 ] + w * y[ j + 6 ] * ratioOut[ i ] ) * go;
			final double outM = ( ( 1 - w ) * y[ j + 3 ] + w * y[ j + 7 ] * ratioOut[ i ] ) * go;
			final double a = dos * inN - anomalous * inM, b = dos * outN - anomalous * outM;
			ab[ 0 ] = 0.5 * ( a + b );
			ab[ 1 ] = 0.5 * ( a - b );
		}
	}

	/** f_L(ε, x_k) at the given energies for a converged solution with profile delta (tests, plots). */
	public double[][] distribution( final double[] delta, final double v, final EnergyModeSolver.Solution solution, final double[] energies )
	{
		return distribution( spectra.at( delta, energies ), v, solution );
	}

	/**
	 * Nodes and weights on [0, ω_D] (see the class comment): panel edges at the grid energies (refine subdivisions
	 * each), rings c ± s·2^j/4 around each distinct Δ_k (s = Γ, out to {@value #RING_REACH} δε + 4Γ), 0 (s = max(t_bath, Γ))
	 * and |eV| (s = t_inj) out to ω_D; 8 Gauss points within 0.25 of a Δ_k or 12 s + 2δε of the other features, 4
	 * elsewhere (refine 2: 12 and 6).
	 */
	double[][] rule( final double[] delta, final double v )
	{
		final List< Double > breaks = new ArrayList<>();
		for ( int i = 0; i < eps.length; i++ )
			if ( eps[ i ] >= 0 && eps[ i ] <= omegaD )
				for ( int r = 0; r < refine; r++ )
					if ( eps[ i ] + r * de / refine <= omegaD )
						breaks.add( eps[ i ] + r * de / refine );
		final double[] distinct = java.util.Arrays.stream( delta ).sorted().distinct().toArray();
		final List< double[] > features = new ArrayList<>();
		for ( final double d : distinct )
			features.add( new double[] { d, gamma, 0.25, RING_REACH * de + 4 * gamma } );
		features.add( new double[] { 0, Math.max( tBath, gamma ), 0, omegaD } );
		features.add( new double[] { Math.abs( v ), tInj, 0, omegaD } );
		for ( final double[] f : features )
		{
			if ( !( f[ 1 ] > 0 ) || f[ 0 ] < 0 || f[ 0 ] > omegaD )
				continue;
			breaks.add( f[ 0 ] );
			for ( double d = f[ 1 ] / refine / 4; d < f[ 3 ]; d *= 2 )
			{
				if ( f[ 0 ] - d > 0 )
					breaks.add( f[ 0 ] - d );
				if ( f[ 0 ] + d < omegaD )
					breaks.add( f[ 0 ] + d );
			}
			f[ 2 ] = Math.max( f[ 2 ], 12 * f[ 1 ] + 2 * de );
		}
		final double[] edges = breaks.stream().mapToDouble( Double::doubleValue ).sorted().distinct().toArray();
		final GaussIntegrator fine = GAUSS.legendre( refine == 1 ? 8 : 12 );
		final GaussIntegrator coarse = GAUSS.legendre( refine == 1 ? 4 : 6 );
		// the Δ_k span one window [min, max]: "near" is a test against it and the two other features
		final double dMin = distinct[ 0 ], dMax = distinct[ distinct.length - 1 ];
		final List< double[] > nodes = new ArrayList<>();
		for ( int k = 1; k < edges.length; k++ )
		{
			final double lo = edges[ k - 1 ], hi = edges[ k ];
			if ( hi - lo < 1e-14 )
				continue;
			final double mid = 0.5 * ( lo + hi ), half = 0.5 * ( hi - lo );
			boolean near = mid > dMin - 0.25 && mid < dMax + 0.25;
			for ( int i = distinct.length; i < features.size(); i++ )
			{
				final double[] f = features.get( i );
				near |= f[ 1 ] > 0 && Math.abs( mid - f[ 0 ] ) < f[ 2 ];
			}
			final GaussIntegrator gi = near ? fine : coarse;
			for ( int qi = 0; qi < gi.getNumberOfPoints(); qi++ )
				nodes.add( new double[] { mid + half * gi.getPoint( qi ), half * gi.getWeight( qi ) } );
		}
		final double[][] r = new double[ 2 ][ nodes.size() ];
		for ( int j = 0; j < nodes.size(); j++ )
		{
			r[ 0 ][ j ] = nodes.get( j )[ 0 ];
			r[ 1 ][ j ] = nodes.get( j )[ 1 ];
		}
		return r;
	}

	private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();
}
