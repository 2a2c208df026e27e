package org.nisnonlocal.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ValueAndJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.physics.SupercurrentModel;

/**
 * Issue #8 / S Fig. 13: fits the phase gradient ∂xφ to a measured current-antisymmetric map g_a(V_inj, V_det) =
 * ½[g(+I_s) − g(−I_s)] (S Eq. 16) with the coupled-modes {@link SupercurrentModel}, device fixed. Units: biases
 * eV/Δ0, g in G_inj G_det R_ξ (the model's; convert a measured map with
 * {@link org.nisnonlocal.maps.ModelUnits}).
 * <p>
 * <b>What the model fixes.</b> g_a depends on V_inj only: with Δ independent of the biases the detector's
 * f_T^N(V_det) term of S Eq. 14 drops out of ∂I_det/∂V_inj, so the model is the same in every V_det row (docs/physics.md §14.3),
 * and the fit over a map is a fit of every row to one curve; restrict V_det to where that holds (small |eV_det|).
 * g_a is odd in ∂xφ and in V_inj, so the map gives ∂xφ with its sign (the direction of I_s for a detector on the +x
 * side of the injector). It is not linear in ∂xφ: depairing (ζ = (∂xφ)²/2) moves the gap edge and the coupling, so
 * a free amplitude A (g = A·g_a,model, A &gt; 0) is separable from ∂xφ, but strongly correlated with it at small
 * gradients (the correlation is reported).
 * </p>
 * <p>
 * <b>Method.</b> Least squares over the map points by Levenberg-Marquardt in (∂xφ, ln A), started at the best point
 * of a scan of |∂xφ| (both signs from one model evaluation each: g_a(−∂xφ) = −g_a(∂xφ)), with A, when free, set by
 * linear least squares at each scan point. The model is evaluated once per ∂xφ on the distinct V_inj of the points.
 * Errors: (JᵀJ)⁻¹ at the optimum in (∂xφ, A) ({@link Covariance}), with the given σ, or, without σ, with σ estimated
 * from the residuals (σ² = χ²(σ = 1)/(N − free), so χ²_red = 1; noted in the result). ∂xφ is bounded by
 * ±{@value #PHASE_MAX}/ξ (beyond the depairing critical point); running to the bound, or LM failing, gives a result
 * flagged not converged with a note. A g_a signal less than 5σ above g ≡ 0 (Δχ² &lt; 25) is noted, not an error: the
 * gradient is then consistent with 0.
 * </p>
 */
public final class GaMapPhaseGradientFit
{
	/** Bound of |∂xφ| (1/ξ), the limit the supercurrent verb accepts. */
	public static final double PHASE_MAX = 1.5;

	/** Scan of |∂xφ| for the start (1/ξ). */
	private static final double[] PHASE_SCAN = { 0.01, 0.03, 0.06, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.65, 0.8, 1.0, 1.25 };

	private static final double LOG_AMPLITUDE_BOUND = 30;

	/** Minimum Δχ² (in σ²) between g ≡ 0 and the fit for the signal to count as significant. */
	static final double SIGNIFICANCE = 25;

	private final SupercurrentModel model;

	private boolean amplitudeFree;

	private int maxIterations = 100;

	public GaMapPhaseGradientFit( final SupercurrentModel model )
	{
		this.model = model;
	}

	/** Also fit A in g = A·g_a,model (default: A = 1, the model's absolute scale). */
	public GaMapPhaseGradientFit amplitudeFree( final boolean free )
	{
		this.amplitudeFree = free;
		return this;
	}

	public GaMapPhaseGradientFit maxIterations( final int n )
	{
		if ( n < 1 )
			throw new BadInputException( "max iterations must be >= 1, got " + n );
		this.maxIterations = n;
		return this;
	}

	/**
	 * Fits the finite points of a map (model units) inside the bias windows (inclusive; ±infinity for none).
	 *
	 * @param sigma σ of every point, or NaN to estimate it from the residuals
	 * @param what the map's name for messages
	 */
	public GaMapPhaseGradientFitResult fit( final ConductanceMap map, final double vInjMin, final double vInjMax, final double vDetMin, final double vDetMax, final double sigma,
			final String what )
	{
		if ( !( vInjMax >= vInjMin ) || !( vDetMax >= vDetMin ) )
			throw new BadInputException( what + ": bias windows must have max >= min (V_inj " + vInjMin + " .. " + vInjMax + ", V_det " + vDetMin + " .. " + vDetMax + ")" );
		final double[][] p;
		try
		{
			p = EnergyModeMapFit.select( map, vInjMin, vInjMax, vDetMin, vDetMax );
		}
		catch ( final BadInputException e )
		{
			throw new BadInputException( what + ": " + e.getMessage() );
		}
		return fit( p[ 0 ], p[ 1 ], p[ 2 ], sigma, what );
	}

	/**
	 * @param vInj V_inj of each point (eV/Δ0)
	 * @param vDet V_det of each point (carried into the result; the model does not depend on it)
	 * @param g measured g_a (G_inj G_det R_ξ)
	 * @param sigma σ of every point, or NaN to estimate it from the residuals
	 */
	public GaMapPhaseGradientFitResult fit( final double[] vInj, final double[] vDet, final double[] g, final double sigma, final String what )
	{
		final int n = g.length;
		if ( vInj.length != n || vDet.length != n )
			throw new BadInputException( what + ": " + vInj.length + " V_inj, " + vDet.length + " V_det and " + n + " values" );
		if ( !Double.isNaN( sigma ) && ( !( sigma > 0 ) || !Double.isFinite( sigma ) ) )
			throw new BadInputException( what + ": sigma must be finite and > 0 (or left out to estimate it from the residuals), got " + sigma );
		final int nFree = amplitudeFree ? 2 : 1;
		if ( n < nFree + 2 )
			throw new BadInputException( what + ": only " + n + " finite points in the bias windows; need at least " + ( nFree + 2 ) );
		for ( int k = 0; k < n; k++ )
			if ( !Double.isFinite( vInj[ k ] ) || !Double.isFinite( g[ k ] ) )
				throw new BadInputException( what + ": point " + ( k + 1 ) + " is not finite (V_inj " + vInj[ k ] + ", g " + g[ k ] + ")" );
		final boolean estimated = Double.isNaN( sigma );
		final double w = estimated ? 1 : 1 / sigma;
		final Problem pr = new Problem( vInj, g, w, what );
		final List< String > notes = new ArrayList<>();
		boolean converged = true;

		final double[] start = pr.scan();
		int iterations = 0;
		double[] q = start;
		try
		{
			final Optimum opt = new LevenbergMarquardtOptimizer().optimize( new LeastSquaresBuilder()
					.model( pr )
					.target( pr.target() )
					.start( pr.internal( start ) )
					.maxIterations( maxIterations )
					.maxEvaluations( 20 * maxIterations )
					.lazyEvaluation( true )
					.build() );
			q = pr.physical( opt.getPoint().toArray() );
			iterations = opt.getIterations();
		}
		catch ( final MathIllegalStateException e )
		{
			converged = false;
			q = pr.last != null ? pr.physical( pr.last ) : start;
			notes.add( "Levenberg-Marquardt did not converge in " + maxIterations + " iterations (result at the last point tried)" );
		}
		if ( Math.abs( q[ 0 ] ) >= 0.999 * PHASE_MAX )
		{
			converged = false;
			notes.add( "the phase gradient ran to its bound " + PHASE_MAX + "/xi: the map is larger or differently shaped than the model allows" );
		}

		final double[] m = pr.model( q );
		double chi2 = 0, chi2Zero = 0;
		for ( int k = 0; k < n; k++ )
		{
			chi2 += Math.pow( ( g[ k ] - m[ k ] ) * w, 2 );
			chi2Zero += Math.pow( g[ k ] * w, 2 );
		}
		final double scale = estimated ? chi2 / ( n - nFree ) : 1;
		final double sigmaUsed = estimated ? Math.sqrt( scale ) : sigma;
		if ( estimated )
			notes.add( "sigma estimated from the residuals (reduced chi2 = 1 by construction): " + fmt( sigmaUsed ) );
		final double chi2Red = scale > 0 ? chi2 / ( n - nFree ) / scale : 0;
		final double signal = scale > 0 ? ( chi2Zero - chi2 ) / scale : Double.POSITIVE_INFINITY;
		if ( !( signal >= SIGNIFICANCE ) )
			notes.add( String.format( Locale.ROOT, "weak g_a signal: the fit is only Δχ² = %.3g better than g = 0 (5σ is 25); the phase gradient is consistent with 0", signal ) );

		final double[][] cov = pr.covariance( q, scale );
		double err = Double.NaN, aErr = 0, corr = 0;
		if ( cov == null )
			notes.add( "singular covariance: the map does not determine " + ( amplitudeFree ? "the phase gradient and the amplitude separately (fix the amplitude)" : "the phase gradient" ) );
		else
		{
			err = Math.sqrt( cov[ 0 ][ 0 ] );
			if ( amplitudeFree )
			{
				aErr = Math.sqrt( cov[ 1 ][ 1 ] );
				corr = cov[ 0 ][ 1 ] / Math.sqrt( cov[ 0 ][ 0 ] * cov[ 1 ][ 1 ] );
				if ( Math.abs( corr ) > 0.99 )
					notes.add( String.format( Locale.ROOT, "phase gradient and amplitude correlated by %.3f: the map fixes mainly their product", corr ) );
			}
		}
		return new GaMapPhaseGradientFitResult( q[ 0 ], err, q[ 1 ], aErr, amplitudeFree, corr, chi2Red, sigmaUsed, estimated, signal, converged, iterations,
				String.join( "; ", notes ), vInj.clone(), vDet.clone(), g.clone(), m );
	}

	/** The result of {@link #fitI0}: I0 (unit of the currents) and whether the gradients' sign was reversed to match them. */
	public static final class I0Result
	{
		public final SupercurrentScaleFitResult fit;

		public final boolean signReversed;

		/** Empty, or why the gradients were reversed. */
		public final String note;

		I0Result( final SupercurrentScaleFitResult fit, final boolean signReversed, final String note )
		{
			this.fit = fit;
			this.signReversed = signReversed;
			this.note = note;
		}
	}

	/**
	 * Step 3 of S Fig. 10 from g_a maps: I0 from the (I_s, ∂xφ ± error) pairs by {@link SupercurrentScaleFit} with this
	 * model's relation (Γ, t_bath, Δ choice). When every nonzero gradient has the sign opposite to its current
	 * (detector on the −x side, or the current's sign convention reversed) the gradients are reversed, and the note
	 * says so; mixed signs are an error of {@link SupercurrentScaleFit}.
	 *
	 * @param currents I_s of each map (I0 comes out in their unit)
	 */
	public I0Result fitI0( final double[] currents, final GaMapPhaseGradientFitResult[] fits )
	{
		if ( currents.length != fits.length )
			throw new BadInputException( "I0 fit: " + currents.length + " supercurrents for " + fits.length + " maps" );
		final double[] phase = new double[ fits.length ], err = new double[ fits.length ];
		int same = 0, opposite = 0;
		for ( int k = 0; k < fits.length; k++ )
		{
			phase[ k ] = fits[ k ].phaseGradient;
			err[ k ] = fits[ k ].error;
			if ( !Double.isFinite( err[ k ] ) )
				throw new BadInputException( "I0 fit: map " + ( k + 1 ) + " has no phase-gradient error (singular covariance); leave it out" );
			final double s = Math.signum( currents[ k ] ) * Math.signum( phase[ k ] );
			if ( s > 0 )
				same++;
			else if ( s < 0 )
				opposite++;
		}
		final boolean reverse = opposite > 0 && same == 0;
		if ( reverse )
			for ( int k = 0; k < phase.length; k++ )
				phase[ k ] = -phase[ k ];
		final SupercurrentScaleFitResult r = new SupercurrentScaleFit( model.relation() ).fit( currents, phase, err, null );
		return new I0Result( r, reverse, reverse ? "every fitted phase gradient has the sign opposite to its I_s: reversed for the I0 fit (detector on the -x side of the injector, or I_s sign convention reversed)" : "" );
	}

	static String fmt( final double v ) { return String.format( Locale.ROOT, "%.4g", v ); }

	/** The least-squares problem in (∂xφ, ln A) (ln A only when free) over the points, one model run per ∂xφ. */
	private final class Problem implements ValueAndJacobianFunction
	{
		final double[] y;
		final double w;
		final String what;
		/** distinct V_inj and the index into them of each point */
		final double[] v;
		final int[] at;
		final Map< Double, double[] > cache = new HashMap<>();
		double[] last;

		Problem( final double[] vInj, final double[] y, final double w, final String what )
		{
			this.y = y;
			this.w = w;
			this.what = what;
			final TreeMap< Double, Integer > distinct = new TreeMap<>();
			for ( final double x : vInj )
				distinct.put( x, 0 );
			v = new double[ distinct.size() ];
			int i = 0;
			for ( final Map.Entry< Double, Integer > e : distinct.entrySet() )
			{
				v[ i ] = e.getKey();
				e.setValue( i++ );
			}
			at = new int[ vInj.length ];
			for ( int k = 0; k < vInj.length; k++ )
				at[ k ] = distinct.get( vInj[ k ] );
		}

		/** g_a,model (A = 1) at the points; cached per ∂xφ. */
		double[] bare( final double phase )
		{
			double[] m = cache.get( phase );
			if ( m == null )
			{
				final double[] ga;
				try
				{
					ga = model.conductance( phase, v ).ga();
				}
				catch ( final BadInputException e )
				{
					throw new BadInputException( what + ": supercurrent model at phase gradient " + fmt( phase ) + ": " + e.getMessage() );
				}
				m = new double[ at.length ];
				for ( int k = 0; k < m.length; k++ )
					m[ k ] = ga[ at[ k ] ];
				if ( cache.size() > 64 )
					cache.clear();
				cache.put( phase, m );
			}
			return m;
		}

		double[] model( final double[] q )
		{
			final double[] m = bare( q[ 0 ] ).clone();
			for ( int k = 0; k < m.length; k++ )
				m[ k ] *= q[ 1 ];
			return m;
		}

		/** {∂xφ, A} of the best scan point: one model run per |∂xφ|, both signs, A by linear least squares when free. */
		double[] scan()
		{
			double best = Double.POSITIVE_INFINITY;
			final double[] q = { PHASE_SCAN[ 0 ], 1 };
			for ( final double p : PHASE_SCAN )
			{
				final double[] m = bare( p );
				double my = 0, mm = 0, yy = 0;
				for ( int k = 0; k < m.length; k++ )
				{
					my += m[ k ] * y[ k ];
					mm += m[ k ] * m[ k ];
					yy += y[ k ] * y[ k ];
				}
				final double sign = my >= 0 ? 1 : -1;
				// χ²/w² = Σ(y − s·A·m)² = yy − 2·s·A·my + A²·mm, minimised over A > 0 when free
				final double a = amplitudeFree && mm > 0 && my != 0 ? Math.abs( my ) / mm : 1;
				final double c = yy - 2 * a * Math.abs( my ) + a * a * mm;
				if ( c < best )
				{
					best = c;
					q[ 0 ] = sign * p;
					q[ 1 ] = a;
				}
			}
			return q;
		}

		RealVector target()
		{
			final double[] t = new double[ y.length ];
			for ( int k = 0; k < t.length; k++ )
				t[ k ] = y[ k ] * w;
			return new ArrayRealVector( t, false );
		}

		RealVector internal( final double[] q )
		{
			return new ArrayRealVector( amplitudeFree ? new double[] { q[ 0 ], Math.log( q[ 1 ] ) } : new double[] { q[ 0 ] }, false );
		}

		/** {∂xφ, A} of the LM parameters, clamped to the bounds (a runaway step meets a flat model). */
		double[] physical( final double[] p )
		{
			final double phase = Math.max( -PHASE_MAX, Math.min( PHASE_MAX, p[ 0 ] ) );
			return new double[] { phase, amplitudeFree ? Math.exp( Math.max( -LOG_AMPLITUDE_BOUND, Math.min( LOG_AMPLITUDE_BOUND, p[ 1 ] ) ) ) : 1 };
		}

		/** Central-difference step in ∂xφ: small against the gradient, not so small that the quadrature's ζ-dependence shows. */
		double step( final double phase ) { return 1e-4 * Math.max( Math.abs( phase ), 0.05 ); }

		/** ∂(A·g_a)/∂(∂xφ) at q, clamped steps kept inside the bounds. */
		double[] phaseDerivative( final double[] q )
		{
			final double h = step( q[ 0 ] );
			final double up = Math.min( PHASE_MAX, q[ 0 ] + h ), down = Math.max( -PHASE_MAX, q[ 0 ] - h );
			final double[] mu = bare( up ), md = bare( down );
			final double[] d = new double[ mu.length ];
			for ( int k = 0; k < d.length; k++ )
				d[ k ] = q[ 1 ] * ( mu[ k ] - md[ k ] ) / ( up - down );
			return d;
		}

		@Override
		public Pair< RealVector, RealMatrix > value( final RealVector point )
		{
			return new Pair<>( computeValue( point.toArray() ), computeJacobian( point.toArray() ) );
		}

		@Override
		public RealVector computeValue( final double[] p )
		{
			last = p.clone();
			final double[] m = model( physical( p ) );
			for ( int k = 0; k < m.length; k++ )
				m[ k ] *= w;
			return new ArrayRealVector( m, false );
		}

		/** d/d∂xφ by central difference, d/d ln A = A·g_a,model analytically. */
		@Override
		public RealMatrix computeJacobian( final double[] p )
		{
			final double[] q = physical( p );
			final double[] d = phaseDerivative( q );
			final double[] m = amplitudeFree ? model( q ) : null;
			final double[][] jac = new double[ y.length ][ p.length ];
			for ( int k = 0; k < y.length; k++ )
			{
				jac[ k ][ 0 ] = d[ k ] * w;
				if ( amplitudeFree )
					jac[ k ][ 1 ] = m[ k ] * w;
			}
			return new Array2DRowRealMatrix( jac, false );
		}

		/** Covariance of (∂xφ, A) at q (A only when free), χ² units scaled by scale; null when singular. */
		double[][] covariance( final double[] q, final double scale )
		{
			final double[] d = phaseDerivative( q );
			final double[] b = bare( q[ 0 ] );
			final double[][] jac = new double[ y.length ][ amplitudeFree ? 2 : 1 ];
			for ( int k = 0; k < y.length; k++ )
			{
				jac[ k ][ 0 ] = d[ k ] * w;
				if ( amplitudeFree )
					jac[ k ][ 1 ] = b[ k ] * w;
			}
			return Covariance.matrix( jac, scale, 1e-300 );
		}
	}
}
