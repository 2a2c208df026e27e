package org.nisnonlocal.physics;

import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.GridValues;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Units;

import org.nisnonlocal.BadInputException;

/**
 * Detector current through Δ(V_inj) alone (docs/physics.md §13, S Fig. 12; f_T^S = 0, Δ independent of V_det):
 * <pre>
 *   I_det = (G_det/2e) ∫_{−ω_D}^{ω_D} N(ε; Δ) f_T^N(ε; V_det) dε = (G_det Δ0/e) ∫_0^{ω_D} N f_T^N dε,
 *   f_T^N = ½[n0(ε + eV_det) − n0(ε − eV_det)]   (detector electrode at t_det),
 * </pre>
 * and g_sa = ∂I_det/∂V_inj = ∂I_det/∂Δ · dΔ/dV_inj (exact, {@link #gsaExact}; finite differences over the bias grid only
 * for results without dΔ/dV_inj), in units of G_det (divide by 2κ_I for
 * G_inj G_det R_ξ). Integration: composite Gauss clustered at ε = Δ (scale Γ) and at ε = |eV_det| (scale t_det);
 * the rule depends on |V_det| only, so I_det is exactly odd in V_det.
 */
public final class DetectorSignal
{
	private final double gamma;

	private final double tDet;

	private final double omegaD;

	public DetectorSignal( final double gamma, final double tDet, final double omegaD )
	{
		if ( !( tDet >= 0 ) || !Double.isFinite( tDet ) )
			throw new BadInputException( "detector temperature must be finite and >= 0, got " + tDet );
		this.gamma = gamma;
		this.tDet = tDet;
		this.omegaD = omegaD;
	}

	/** I_det in units of G_det Δ0/e at pair potential Δ and detector bias eV_det (Δ0). */
	public double current( final double delta, final double vDet )
	{
		if ( vDet == 0 )
			return 0;
		final double a = Math.abs( vDet );
		final Quadrature q = rule( delta, a );
		final SpectralGrid g = new SpectralFunctions( delta, gamma, 0 ).onGrid( q.nodes() );
		return Math.copySign( withDetectorOccupation( q, a, g::n ), vDet );
	}

	/**
	 * ∂I_det/∂Δ at fixed V_det (units G_det/e): {@link #current}'s integral with N replaced by its exact derivative
	 * {@link SpectralFunctions#dosSlope}, on the same rule. With dΔ/dV_inj from {@link SelfConsistentGap#biasDerivative}
	 * it gives g_sa = ∂I_det/∂Δ · dΔ/dV_inj without a finite difference over the bias grid.
	 */
	public double currentSlope( final double delta, final double vDet )
	{
		if ( vDet == 0 )
			return 0;
		final double a = Math.abs( vDet );
		final Quadrature q = rule( delta, a );
		final double[] nodes = q.nodes();
		final double s = withDetectorOccupation( q, a, j -> SpectralFunctions.dosSlope( nodes[ j ], delta, gamma ) );
		// odd in V_det (s itself may have either sign: not copySign)
		return vDet < 0 ? -s : s;
	}

	/** Σ_j w_j·dos(j)·f_T^N(ε_j; |V_det| = a) over the rule's nodes: the detector integral of {@link #current} and {@link #currentSlope}. */
	private double withDetectorOccupation( final Quadrature q, final double a, final java.util.function.IntToDoubleFunction dos )
	{
		final double[] nodes = q.nodes();
		double s = 0;
		for ( int j = 0; j < nodes.length; j++ )
		{
			final double e = nodes[ j ];
			final double ft = 0.5 * ( EnergyModeSolver.n0( e + a, tDet ) - EnergyModeSolver.n0( e - a, tDet ) );
			s += q.weight( j ) * dos.applyAsDouble( j ) * ft;
		}
		return s;
	}

	/** Composite Gauss clustered at ε = Δ (scale Γ) and ε = |eV_det| (scale t_det); depends on |V_det| only. */
	private Quadrature rule( final double delta, final double a )
	{
		return Quadrature.on( 0, omegaD ).cluster( delta, gamma ).cluster( a, Math.max( tDet, gamma ) ).maxPanel( Math.max( tDet, gamma ), Math.max( 0, a - 40 * tDet ), Math.min( omegaD, a + 40 * tDet ) ).build();
	}

	/**
	 * g_sa[b][d] = ∂I_det/∂V_inj (units of G_det) from Δ and its exact bias derivative dΔ/dV_inj at each bias:
	 * ∂I_det/∂Δ · dΔ/dV_inj, no difference between bias points (docs/physics.md, exact bias derivative).
	 */
	public double[][] gsaExact( final double[] delta, final double[] deltaSlope, final double[] vDet )
	{
		if ( delta.length != deltaSlope.length )
			throw new IllegalArgumentException( "delta and its slope differ in length" );
		final double[][] g = new double[ delta.length ][ vDet.length ];
		for ( int b = 0; b < delta.length; b++ )
			for ( int d = 0; d < vDet.length; d++ )
				g[ b ][ d ] = deltaSlope[ b ] == 0 ? 0 : currentSlope( delta[ b ], vDet[ d ] ) * deltaSlope[ b ];
		return g;
	}

	/**
	 * g_sa[b][d] = ∂I_det/∂V_inj (units of G_det) at biases[b] (ascending, uniform or not) and vDet[d], from Δ(V_inj).
	 * Central differences inside; at V_inj = 0 the evenness of Δ(V_inj) gives 0; at the other ends one-sided
	 * second-order differences.
	 */
	public double[][] gsa( final double[] biases, final double[] delta, final double[] vDet )
	{
		final int n = biases.length;
		if ( n < 3 )
			throw new BadInputException( "g_sa needs at least 3 bias points" );
		final double[][] current = new double[ n ][ vDet.length ];
		for ( int b = 0; b < n; b++ )
			for ( int d = 0; d < vDet.length; d++ )
				current[ b ][ d ] = current( delta[ b ], vDet[ d ] );
		return derivative( biases, current );
	}

	/**
	 * ∂I_det/∂V_inj from I_det[b][d] ({@link #current}) at biases[b], the differences of {@link #gsa}: for callers
	 * that compute the currents themselves (e.g. to check for cancellation between bias points).
	 */
	public static double[][] derivative( final double[] biases, final double[][] current )
	{
		final int n = biases.length;
		if ( n < 3 || current.length != n )
			throw new BadInputException( "g_sa needs at least 3 bias points and one current row per bias" );
		final int m = current[ 0 ].length;
		final double[][] g = new double[ n ][ m ];
		for ( int d = 0; d < m; d++ )
			for ( int b = 0; b < n; b++ )
			{
				if ( b == 0 && biases[ 0 ] == 0 )
					g[ b ][ d ] = 0;
				else if ( b == 0 )
					g[ b ][ d ] = oneSided( biases[ 0 ], biases[ 1 ], biases[ 2 ], current[ 0 ][ d ], current[ 1 ][ d ], current[ 2 ][ d ] );
				else if ( b == n - 1 )
					g[ b ][ d ] = oneSided( biases[ n - 1 ], biases[ n - 2 ], biases[ n - 3 ], current[ n - 1 ][ d ], current[ n - 2 ][ d ], current[ n - 3 ][ d ] );
				else
					g[ b ][ d ] = ( current[ b + 1 ][ d ] - current[ b - 1 ][ d ] ) / ( biases[ b + 1 ] - biases[ b - 1 ] );
			}
		return g;
	}

	/** Derivative at x0 of the parabola through (x0, y0), (x1, y1), (x2, y2). */
	private static double oneSided( final double x0, final double x1, final double x2, final double y0, final double y1, final double y2 )
	{
		final double d1 = x1 - x0, d2 = x2 - x0;
		return ( y1 * d2 * d2 - y2 * d1 * d1 - y0 * ( d2 * d2 - d1 * d1 ) ) / ( d1 * d2 * ( d2 - d1 ) );
	}

	/**
	 * g_sa over (V_inj, V_det) as a map in units of G_inj·G_det·R_ξ (the signal divided by 2κ_I, κ_I the half-wire
	 * value), axes in eV/Δ0. A sweep that starts at V_inj = 0 is mirrored to negative V_inj by the oddness of g_sa.
	 * Use a run made by {@link EnergyModeRun#runWithMargin} so that the last column is a central difference too.
	 */
	public ConductanceMap gsaMap( final EnergyModeResult r, final double[] vDet, final double vStep, final double kappa )
	{
		final double[] vInj = r.biases();
		// exact when the sweep carries dΔ/dV_inj; else over the margin bias too (central differences up to the last bias)
		final double[] slope = r.deltaSlope();
		final double[][] g = slope != null ? gsaExact( r.delta(), slope, vDet ) : gsa( r.biasesForDerivative(), r.deltaForDerivative(), vDet );
		return gsaMap( vInj, g, vDet, vStep, kappa );
	}

	/** g[b][d] (units of G_det) as the map of {@link #gsaMap}: for g computed outside (heated leads, two junctions). */
	public static ConductanceMap map( final double[] vInj, final double[][] g, final double[] vDet, final double vStep, final double kappa )
	{
		return gsaMap( vInj, g, vDet, vStep, kappa );
	}

	/**
	 * g_sa[b][d] (units of G_det) over the ascending, evenly stepped biases {@code vInj} as a map in units of
	 * G_inj·G_det·R_ξ, mirrored to negative V_inj by oddness when the sweep starts at 0. Shared with the local-gap
	 * model ({@link LocalGapResult#gsaMap}) so both write the same map layout.
	 */
	static ConductanceMap gsaMap( final double[] vInj, final double[][] g, final double[] vDet, final double vStep, final double kappa )
	{
		final int n = vInj.length;
		final boolean mirror = vInj[ 0 ] == 0;
		final int width = mirror ? 2 * n - 1 : n;
		final Axis x = new Axis( "Vinj", Units.EV_PER_DELTA0, mirror ? -vInj[ n - 1 ] : vInj[ 0 ], vStep, width );
		// step from the grid's end points (grid values are rounded to 12 digits, their differences are not)
		final double yStep = vDet.length > 1 ? GridValues.round( ( vDet[ vDet.length - 1 ] - vDet[ 0 ] ) / ( vDet.length - 1 ) ) : 1;
		final Axis y = new Axis( "Vdet", Units.EV_PER_DELTA0, vDet[ 0 ], yStep, vDet.length );
		final double scale = 1 / ( 2 * kappa );
		return ConductanceMap.fromFunction( x, y, "g_sa", Units.NORMALIZED, MapMetadata.empty(), ( i, j ) -> {
			if ( !mirror )
				return ( float ) ( scale * g[ i ][ j ] );
			final int b = i - ( n - 1 );
			return ( float ) ( b >= 0 ? scale * g[ b ][ j ] : -scale * g[ -b ][ j ] );
		} );
	}
}
