package org.nisnonlocal.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.nisnonlocal.physics.ChargeImbalanceModel;

/**
 * Fits a measured charge-imbalance curve g_ss(eV_inj) (S Fig. 10a) to the analytic charge-mode model
 * {@link ChargeImbalanceModel} (S Eqs. 20-21) by Levenberg-Marquardt, device fixed. Reduced units: eV_inj in Δ0, g in
 * G_inj G_det R_ξ.
 * <p>
 * Parameters: Γ (S: the only parameter at I_s = 0), the phase gradient ∂xφ entering as ζ = (∂xφ)²/2 (S: the only
 * parameter at I_s ≠ 0, Γ fixed), an amplitude A (g = A·g_model), each free or fixed (see
 * {@link ChargeImbalanceFitOptions}). All three are fitted as logarithms, so they stay positive; the start of each free
 * nonlinear one is the best point of a coarse logarithmic scan, with A, when free, set by linear least squares at each
 * scan point (the χ² surface in Γ has a narrow valley; LM from a fixed guess can stall on its flank).
 * </p>
 * <p>
 * Failures (BadInputException, naming the curve): fewer points in range than free parameters + 2; Γ running to its
 * bounds [10⁻⁶, 0.3]; ∂xφ running beyond 3/ξ; no convergence; a singular covariance; and a curve without a
 * charge-imbalance signal: the fitted model must lower χ² below that of g ≡ 0 by at least 25 (5σ) in units of the
 * noise variance (σ given, else χ²_red).
 * </p>
 */
public final class ChargeImbalanceFit
{
	static final int GAMMA = 0, PHASE = 1, AMPLITUDE = 2;

	private static final double GAMMA_MIN = 1e-6, GAMMA_MAX = 0.3;
	private static final double PHASE_MAX = 3;
	private static final double LOG_AMPLITUDE_BOUND = 30;
	/** Step of the central differences in the log parameters. */
	private static final double DIFF = 1e-4;
	/** Minimum Δχ² (in noise variances) between g ≡ 0 and the fit for a curve to count as showing the signal. */
	private static final double SIGNIFICANCE = 25;

	private static final double[] GAMMA_SCAN = { 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 2e-3, 4e-3, 1e-2, 3e-2, 0.1 };
	private static final double[] PHASE_SCAN = { 0.01, 0.03, 0.06, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1 };

	private ChargeImbalanceFit() {}

	/**
	 * @param vInj injector biases eV_inj (Δ0)
	 * @param g measured g_ss at each bias (G_inj G_det R_ξ)
	 * @param options device, range, free parameters; σ, if set, per point of the whole curve
	 * @param what the curve's name for messages (e.g. its file)
	 */
	public static ChargeImbalanceFitResult fit( final double[] vInj, final double[] g, final ChargeImbalanceFitOptions options, final String what )
	{
		if ( vInj.length != g.length )
			throw new BadInputException( what + ": " + vInj.length + " biases but " + g.length + " values" );
		if ( options.sigma != null && options.sigma.length != g.length )
			throw new BadInputException( what + ": sigma has " + options.sigma.length + " values but the curve " + g.length + " points" );
		final List< Integer > use = new ArrayList<>();
		for ( int i = 0; i < vInj.length; i++ )
		{
			if ( !Double.isFinite( vInj[ i ] ) || !Double.isFinite( g[ i ] ) )
				throw new BadInputException( what + ": point " + ( i + 1 ) + " is not finite (" + vInj[ i ] + ", " + g[ i ] + ")" );
			if ( vInj[ i ] >= options.vmin && vInj[ i ] <= options.vmax )
				use.add( i );
		}
		final boolean[] free = { options.gammaFree, options.phaseGradientFree, options.amplitudeFree };
		int nFree = 0;
		for ( final boolean f : free )
			if ( f )
				nFree++;
		if ( nFree == 0 )
			throw new BadInputException( what + ": nothing to fit (Γ, phase gradient and amplitude all fixed)" );
		final int n = use.size();
		if ( n < nFree + 2 )
			throw new BadInputException( String.format( Locale.ROOT, "%s: only %d points in the fit range %s ≤ eV_inj ≤ %s; need at least %d", what, n, fmt( options.vmin ), fmt( options.vmax ), nFree + 2 ) );
		final double[] v = new double[ n ], y = new double[ n ], w = new double[ n ];
		for ( int k = 0; k < n; k++ )
		{
			final int i = use.get( k );
			v[ k ] = vInj[ i ];
			y[ k ] = g[ i ];
			w[ k ] = options.sigma == null ? 1 : 1 / options.sigma[ i ];
		}

		final Problem p = new Problem( v, y, w, options, free );
		p.startByScan( what );
		final Optimum opt;
		try
		{
			opt = new LevenbergMarquardtOptimizer().optimize( new LeastSquaresBuilder()
					.model( p )
					.target( p.target() )
					.start( p.start() )
					.maxIterations( options.maxIterations )
					.maxEvaluations( 20 * options.maxIterations )
					.lazyEvaluation( true )
					.build() );
		}
		catch ( final MathIllegalStateException e )
		{
			throw new BadInputException( what + ": charge-imbalance fit did not converge in " + options.maxIterations + " iterations (at " + p.describe( p.lastPoint == null ? p.q0 : p.physical( p.lastPoint ) ) + ")" );
		}
		final double[] q = p.physical( opt.getPoint().toArray() );
		// at the lower bound g no longer depends on ∂xφ (ζ ≲ 10⁻⁶ ≪ Γ): report the gradient as 0
		if ( free[ PHASE ] && q[ PHASE ] <= 1.001 * ChargeImbalanceFitOptions.MIN_PHASE_GRADIENT )
			q[ PHASE ] = 0;

		final double[] model = p.model( q );
		final double[] residuals = new double[ n ];
		double chi2 = 0, chi2Zero = 0;
		for ( int k = 0; k < n; k++ )
		{
			residuals[ k ] = y[ k ] - model[ k ];
			chi2 += Math.pow( residuals[ k ] * w[ k ], 2 );
			chi2Zero += Math.pow( y[ k ] * w[ k ], 2 );
		}
		final double chi2Red = chi2 / ( n - nFree );
		final double noise = options.sigma == null ? chi2Red : 1;
		if ( !( ( chi2Zero - chi2 ) / noise >= SIGNIFICANCE ) )
		{
			double sum = 0;
			for ( final double x : y )
				sum += x;
			throw new BadInputException( String.format( Locale.ROOT, "%s: no charge-imbalance signal in %s ≤ eV_inj ≤ %s: the best model (%s) is not %.0fσ better than g = 0 (Δχ² = %.3g noise variances)%s",
					what, fmt( options.vmin ), fmt( options.vmax ), p.describe( q ), Math.sqrt( SIGNIFICANCE ), ( chi2Zero - chi2 ) / noise,
					sum < 0 ? "; the curve is mostly negative, but charge imbalance is positive in S's convention (sign flipped?)" : "" ) );
		}
		if ( free[ GAMMA ] && ( q[ GAMMA ] <= 1.001 * GAMMA_MIN || q[ GAMMA ] >= 0.999 * GAMMA_MAX ) )
			throw new BadInputException( what + ": Γ ran to its bound (" + fmt( q[ GAMMA ] ) + ", allowed " + fmt( GAMMA_MIN ) + " … " + fmt( GAMMA_MAX ) + "): the curve does not look like a charge-imbalance signal of this device" );
		if ( free[ PHASE ] && q[ PHASE ] >= 0.999 * PHASE_MAX )
			throw new BadInputException( what + ": the phase gradient ran to its bound " + PHASE_MAX + "/xi: the signal is suppressed beyond what depairing explains" );
		final double[] err = p.errors( q, noise );
		if ( err == null )
			throw new BadInputException( what + ": the data do not determine the free parameters (singular covariance at " + p.describe( q ) + "); fix one of them" );
		return new ChargeImbalanceFitResult( q, err, free, chi2Red, v, residuals, opt.getIterations(), options );
	}

	static String fmt( final double v ) { return String.format( Locale.ROOT, "%.4g", v ); }

	/** The least-squares problem in the log parameters of the free ones among Γ, ∂xφ, A. */
	private static final class Problem implements ValueAndJacobianFunction
	{
		final double[] v, y, w;
		final ChargeImbalanceFitOptions o;
		final int[] free;
		final double[] q0;
		double[] lastPoint;

		Problem( final double[] v, final double[] y, final double[] w, final ChargeImbalanceFitOptions o, final boolean[] isFree )
		{
			this.v = v;
			this.y = y;
			this.w = w;
			this.o = o;
			int m = 0;
			for ( final boolean f : isFree )
				if ( f )
					m++;
			free = new int[ m ];
			m = 0;
			for ( int j = 0; j < 3; j++ )
				if ( isFree[ j ] )
					free[ m++ ] = j;
			q0 = new double[] { Double.isNaN( o.gamma ) ? 1.5e-3 : o.gamma, o.phaseGradientFree ? 0.1 : o.phaseGradient, o.amplitude };
		}

		/** g_model (without A) at physical Γ, ∂xφ. */
		double[] bare( final double gamma, final double phase )
		{
			return new ChargeImbalanceModel( 1, gamma, 0.5 * phase * phase, o.kappa, o.distance, o.t, o.length ).conductance( v );
		}

		double[] model( final double[] q )
		{
			final double[] m = bare( q[ GAMMA ], q[ PHASE ] );
			for ( int k = 0; k < m.length; k++ )
				m[ k ] *= q[ AMPLITUDE ];
			return m;
		}

		/** χ² of the bare model m, with A set by weighted linear least squares when free (then returned in q). */
		double chi2( final double[] m, final double[] q )
		{
			if ( o.amplitudeFree )
			{
				double my = 0, mm = 0;
				for ( int k = 0; k < m.length; k++ )
				{
					my += m[ k ] * y[ k ] * w[ k ] * w[ k ];
					mm += m[ k ] * m[ k ] * w[ k ] * w[ k ];
				}
				q[ AMPLITUDE ] = mm > 0 && my > 0 ? my / mm : 1;
			}
			double s = 0;
			for ( int k = 0; k < m.length; k++ )
				s += Math.pow( ( y[ k ] - q[ AMPLITUDE ] * m[ k ] ) * w[ k ], 2 );
			return s;
		}

		/** Starts: Γ scanned at the start ∂xφ, then ∂xφ scanned at the best Γ (each only when free). */
		void startByScan( final String what )
		{
			if ( o.gammaFree && Double.isNaN( o.gamma ) )
				q0[ GAMMA ] = scan( GAMMA, GAMMA_SCAN );
			if ( o.phaseGradientFree )
				q0[ PHASE ] = scan( PHASE, PHASE_SCAN );
			if ( o.amplitudeFree )
				chi2( bare( q0[ GAMMA ], q0[ PHASE ] ), q0 );
		}

		private double scan( final int par, final double[] values )
		{
			double best = Double.POSITIVE_INFINITY;
			double at = values[ 0 ];
			final double[] q = q0.clone();
			for ( final double x : values )
			{
				q[ par ] = x;
				final double c = chi2( bare( q[ GAMMA ], q[ PHASE ] ), q );
				if ( c < best )
				{
					best = c;
					at = x;
				}
			}
			return at;
		}

		RealVector target()
		{
			final double[] t = new double[ y.length ];
			for ( int k = 0; k < t.length; k++ )
				t[ k ] = y[ k ] * w[ k ];
			return new ArrayRealVector( t, false );
		}

		RealVector start()
		{
			final double[] p = new double[ free.length ];
			for ( int j = 0; j < free.length; j++ )
				p[ j ] = Math.log( free[ j ] == PHASE ? Math.max( q0[ PHASE ], ChargeImbalanceFitOptions.MIN_PHASE_GRADIENT ) : q0[ free[ j ] ] );
			return new ArrayRealVector( p, false );
		}

		/** Physical Γ, ∂xφ, A of the log parameters, clamped to their bounds (a runaway step meets a flat model). */
		double[] physical( final double[] p )
		{
			final double[] q = q0.clone();
			for ( int j = 0; j < free.length; j++ )
			{
				final int par = free[ j ];
				if ( par == GAMMA )
					q[ par ] = Math.exp( Math.max( Math.log( GAMMA_MIN ), Math.min( Math.log( GAMMA_MAX ), p[ j ] ) ) );
				else if ( par == PHASE )
					q[ par ] = Math.exp( Math.max( Math.log( ChargeImbalanceFitOptions.MIN_PHASE_GRADIENT ), Math.min( Math.log( PHASE_MAX ), p[ j ] ) ) );
				else
					q[ par ] = Math.exp( Math.max( -LOG_AMPLITUDE_BOUND, Math.min( LOG_AMPLITUDE_BOUND, p[ j ] ) ) );
			}
			return q;
		}

		private RealVector weighted( final double[] m )
		{
			final double[] f = new double[ m.length ];
			for ( int k = 0; k < f.length; k++ )
				f[ k ] = m[ k ] * w[ k ];
			return new ArrayRealVector( f, false );
		}

		@Override
		public Pair< RealVector, RealMatrix > value( final RealVector point )
		{
			return new Pair<>( computeValue( point.toArray() ), computeJacobian( point.toArray() ) );
		}

		@Override
		public RealVector computeValue( final double[] p )
		{
			lastPoint = p.clone();
			return weighted( model( physical( p ) ) );
		}

		/** Central differences in log Γ and log ∂xφ; analytic in log A (∂g/∂ln A = g). */
		@Override
		public RealMatrix computeJacobian( final double[] p )
		{
			final double[] q = physical( p );
			final double[][] jac = new double[ v.length ][ free.length ];
			for ( int j = 0; j < free.length; j++ )
			{
				final double[] col;
				if ( free[ j ] == AMPLITUDE )
					col = model( q );
				else
				{
					final double[] pu = p.clone(), pd = p.clone();
					pu[ j ] += DIFF;
					pd[ j ] -= DIFF;
					final double[] up = model( physical( pu ) ), down = model( physical( pd ) );
					col = new double[ v.length ];
					for ( int k = 0; k < col.length; k++ )
						col[ k ] = ( up[ k ] - down[ k ] ) / ( 2 * DIFF );
				}
				for ( int k = 0; k < v.length; k++ )
					jac[ k ][ j ] = col[ k ] * w[ k ];
			}
			return new Array2DRowRealMatrix( jac, false );
		}

		/**
		 * One-σ errors of Γ, ∂xφ, A at q from (JᵀJ)⁻¹·scale with J in the linear parameters Γ, ζ, A (why ζ: g is
		 * smooth in ζ = (∂xφ)²/2 down to 0, where ∂g/∂(∂xφ) vanishes). The ∂xφ error is √(∂xφ² + 2σ_ζ) − ∂xφ.
		 * Null when JᵀJ is singular.
		 */
		double[] errors( final double[] q, final double scale )
		{
			final double zeta = 0.5 * q[ PHASE ] * q[ PHASE ];
			final double[][] jac = new double[ v.length ][ free.length ];
			for ( int j = 0; j < free.length; j++ )
			{
				final double[] col = new double[ v.length ];
				if ( free[ j ] == AMPLITUDE )
				{
					final double[] m = bare( q[ GAMMA ], q[ PHASE ] );
					System.arraycopy( m, 0, col, 0, col.length );
				}
				else if ( free[ j ] == GAMMA )
				{
					final double h = 1e-3 * q[ GAMMA ];
					final double[] up = bare( q[ GAMMA ] + h, q[ PHASE ] ), down = bare( q[ GAMMA ] - h, q[ PHASE ] );
					for ( int k = 0; k < col.length; k++ )
						col[ k ] = q[ AMPLITUDE ] * ( up[ k ] - down[ k ] ) / ( 2 * h );
				}
				else
				{
					// step in ζ on the scale of the gap-edge broadening; one-sided at ζ ≈ 0 (ζ < 0 is not a model)
					final double h = 1e-3 * Math.max( zeta, q[ GAMMA ] );
					final double lo = Math.max( 0, zeta - h ), hi = lo + 2 * h;
					final double[] up = bare( q[ GAMMA ], Math.sqrt( 2 * hi ) ), down = bare( q[ GAMMA ], Math.sqrt( 2 * lo ) );
					for ( int k = 0; k < col.length; k++ )
						col[ k ] = q[ AMPLITUDE ] * ( up[ k ] - down[ k ] ) / ( 2 * h );
				}
				for ( int k = 0; k < v.length; k++ )
					jac[ k ][ j ] = col[ k ] * w[ k ];
			}
			final double[] var = Covariance.variances( jac, scale, 1e-300 );
			if ( var == null )
				return null;
			final double[] err = new double[ 3 ];
			for ( int j = 0; j < free.length; j++ )
			{
				final double s = Math.sqrt( var[ j ] );
				err[ free[ j ] ] = free[ j ] == PHASE ? Math.sqrt( q[ PHASE ] * q[ PHASE ] + 2 * s ) - q[ PHASE ] : s;
			}
			return err;
		}

		/** The physical parameters q for messages. */
		String describe( final double[] q )
		{
			return String.format( Locale.ROOT, "Γ = %.4g, phase gradient = %.4g/xi, A = %.4g", q[ GAMMA ], q[ PHASE ], q[ AMPLITUDE ] );
		}
	}
}
