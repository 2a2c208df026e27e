package org.nisnonlocal.fit;

import java.util.Locale;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.physics.GapEquation;
import org.nisnonlocal.physics.SupercurrentRelation;

/**
 * Step 3 of S Fig. 10: fits the current scale I0 = Δ0/(e R_ξ) of S Eq. 6, I_s = I0·f(∂xφ) with f = I_s/I0 of
 * {@link SupercurrentRelation} (equilibrium, Δ = 1, ζ = (∂xφ)²/2), to pairs (I_s, ∂xφ ± σ_φ) from
 * {@link PhaseGradientFit}. I0 is the only parameter; it comes out in the unit of the currents given.
 * <p>
 * <b>Method: effective variance</b> (Orear, Am. J. Phys. 50, 912 (1982)). The phase gradients carry the errors, the
 * currents are the applied ones (σ_I = 0 unless given). Each point's error is propagated into the current direction
 * through the slope of the model, and χ² is minimised in I0 with this I0-dependent variance:
 * <pre>
 *   χ²(I0) = Σ (I_i − I0 f(φ_i))² / (σ_I,i² + I0² f'(φ_i)² σ_φ,i²).
 * </pre>
 * For σ_I = 0 this is Σ (I_i/I0 − f(φ_i))²/(f'σ_φ)², the linearised distance in ∂xφ between each measured gradient and
 * the gradient the model needs for I_i: the orthogonal-distance fit to first order in σ_φ. The error of I0 is from
 * the curvature, σ² = 2/χ²''(I0) (Δχ² = 1), not rescaled by χ²_red (the σ_φ are covariance errors already);
 * χ²_red is reported to judge them. Only when no point has an error at all is the fit unweighted and its error scaled
 * by χ²_red. A point at the depairing maximum (f' = 0) with σ_I = 0 has zero variance: it is rejected.
 * </p>
 */
public final class SupercurrentScaleFit
{
	/** S Fig. 10a's Γ, the default of the relation. */
	public static final double DEFAULT_GAMMA = 1.53e-3;

	/** Wire (bath) temperature 24 mK of S Table 1 with Δ0 = 265 µeV: k_B·24 mK/Δ0. */
	public static final double DEFAULT_T = 8.617333262e-5 * 0.024 / 265e-6;

	/** Step in ∂xφ (1/ξ) of the central difference for f'. */
	private static final double DIFF = 1e-4;

	private final SupercurrentRelation relation;

	/**
	 * Δ = 1 at every gradient (S does not say Δ is recomputed with depairing).
	 *
	 * @param gamma Dynes Γ (Δ0) of the relation
	 * @param t wire temperature k_B T/Δ0
	 */
	public SupercurrentScaleFit( final double gamma, final double t )
	{
		this( gamma, t, false );
	}

	/** @param selfConsistent Δ(t, ζ) from the gap equation (S Eq. 8) at each gradient instead of Δ = 1 */
	public SupercurrentScaleFit( final double gamma, final double t, final boolean selfConsistent )
	{
		this( new SupercurrentRelation( gamma, t, selfConsistent ? new GapEquation( gamma ) : null ) );
	}

	/** With a given relation, e.g. {@link org.nisnonlocal.physics.SupercurrentModel#relation()} of the model that gave the gradients. */
	public SupercurrentScaleFit( final SupercurrentRelation relation )
	{
		this.relation = relation;
	}

	/**
	 * @param current I_s of each point (any unit; I0 comes out in it)
	 * @param phaseGradient ∂xφ (1/ξ), with the sign of I_s
	 * @param phaseGradientError σ_φ (≥ 0) of each gradient
	 * @param currentError σ_I (≥ 0) of each current, or null for exact currents
	 */
	public SupercurrentScaleFitResult fit( final double[] current, final double[] phaseGradient, final double[] phaseGradientError, final double[] currentError )
	{
		final int n = current.length;
		if ( phaseGradient.length != n || phaseGradientError.length != n || currentError != null && currentError.length != n )
			throw new BadInputException( "I0 fit: the currents, gradients and errors differ in length (" + n + ", " + phaseGradient.length + ", " + phaseGradientError.length + ( currentError == null ? "" : ", " + currentError.length ) + ")" );
		if ( n < 2 )
			throw new BadInputException( "I0 fit: needs at least 2 points (I_s, phase gradient), got " + n );
		final double[] f = new double[ n ], df = new double[ n ];
		final double[] sI2 = new double[ n ], sP2 = new double[ n ];
		boolean anyError = false;
		for ( int i = 0; i < n; i++ )
		{
			final String at = "I0 fit: point " + ( i + 1 );
			if ( !Double.isFinite( current[ i ] ) || !Double.isFinite( phaseGradient[ i ] ) )
				throw new BadInputException( at + " is not finite (" + current[ i ] + ", " + phaseGradient[ i ] + ")" );
			if ( Math.abs( phaseGradient[ i ] ) > 3 )
				throw new BadInputException( at + ": phase gradient " + phaseGradient[ i ] + "/xi is beyond the depairing range of S Eq. 6" );
			if ( !( phaseGradientError[ i ] >= 0 ) || !Double.isFinite( phaseGradientError[ i ] ) )
				throw new BadInputException( at + ": phase-gradient error must be >= 0, got " + phaseGradientError[ i ] );
			if ( currentError != null && ( !( currentError[ i ] >= 0 ) || !Double.isFinite( currentError[ i ] ) ) )
				throw new BadInputException( at + ": current error must be >= 0, got " + currentError[ i ] );
			if ( current[ i ] != 0 && phaseGradient[ i ] != 0 && Math.signum( current[ i ] ) != Math.signum( phaseGradient[ i ] ) )
				throw new BadInputException( at + ": I_s = " + current[ i ] + " and phase gradient " + phaseGradient[ i ] + " differ in sign (the gradient carries the current's sign)" );
			f[ i ] = relation.current( phaseGradient[ i ] );
			df[ i ] = ( relation.current( phaseGradient[ i ] + DIFF ) - relation.current( phaseGradient[ i ] - DIFF ) ) / ( 2 * DIFF );
			sP2[ i ] = Math.pow( df[ i ] * phaseGradientError[ i ], 2 );
			sI2[ i ] = currentError == null ? 0 : currentError[ i ] * currentError[ i ];
			anyError |= sP2[ i ] > 0 || sI2[ i ] > 0;
		}
		if ( anyError )
			for ( int i = 0; i < n; i++ )
				if ( sP2[ i ] == 0 && sI2[ i ] == 0 )
					throw new BadInputException( "I0 fit: point " + ( i + 1 ) + " has zero variance (no errors given, or its gradient sits at the depairing maximum); give it an error" );

		// unweighted least squares as the start and the bracket of the 1D search
		double sf = 0, ff = 0;
		for ( int i = 0; i < n; i++ )
		{
			sf += current[ i ] * f[ i ];
			ff += f[ i ] * f[ i ];
		}
		if ( !( ff > 0 ) || !( sf > 0 ) )
			throw new BadInputException( "I0 fit: the currents do not grow with the phase gradients (Σ I_s f(phase gradient) ≤ 0); nothing to fit" );
		final double guess = sf / ff;
		final boolean weighted = anyError;
		final Chi2 chi2 = new Chi2( current, f, sI2, sP2, weighted );
		final double lo = guess / 8, hi = guess * 8;
		final UnivariatePointValuePair p = new BrentOptimizer( 1e-12, 1e-14 * guess ).optimize( new MaxEval( 500 ), GoalType.MINIMIZE,
				new SearchInterval( lo, hi, guess ), new UnivariateObjectiveFunction( chi2::at ) );
		final double i0 = p.getPoint();
		if ( i0 < 1.01 * lo || i0 > 0.99 * hi )
			throw new BadInputException( String.format( Locale.ROOT, "I0 fit: the minimum of χ² is not inside %.4g … %.4g (the errors make the points inconsistent with S Eq. 6)", lo, hi ) );
		final double h = 1e-3 * i0;
		final double curvature = ( chi2.at( i0 + h ) - 2 * chi2.at( i0 ) + chi2.at( i0 - h ) ) / ( h * h );
		if ( !( curvature > 0 ) )
			throw new BadInputException( "I0 fit: χ² has no curvature at its minimum; the points do not determine I0" );
		final double chi2Red = chi2.at( i0 ) / ( n - 1 );
		final double error = Math.sqrt( 2 / curvature * ( weighted ? 1 : chi2Red ) );
		final double[] residuals = new double[ n ];
		for ( int i = 0; i < n; i++ )
			residuals[ i ] = current[ i ] - i0 * f[ i ];
		return new SupercurrentScaleFitResult( i0, error, chi2Red, residuals, weighted );
	}

	/** I_s/I0 of the relation at each phase gradient, e.g. to plot the fitted curve I0·f. */
	public double[] relation( final double[] phaseGradients )
	{
		return relation.curve( phaseGradients );
	}

	/** χ²(I0) with the effective variances; unit weights when no errors were given. */
	private static final class Chi2
	{
		final double[] current, f, sI2, sP2;
		final boolean weighted;

		Chi2( final double[] current, final double[] f, final double[] sI2, final double[] sP2, final boolean weighted )
		{
			this.current = current;
			this.f = f;
			this.sI2 = sI2;
			this.sP2 = sP2;
			this.weighted = weighted;
		}

		double at( final double i0 )
		{
			double s = 0;
			for ( int i = 0; i < current.length; i++ )
			{
				final double r = current[ i ] - i0 * f[ i ];
				s += r * r / ( weighted ? sI2[ i ] + i0 * i0 * sP2[ i ] : 1 );
			}
			return s;
		}
	}
}
