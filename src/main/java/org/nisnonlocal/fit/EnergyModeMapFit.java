package org.nisnonlocal.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.physics.EnergyModeRun;

/**
 * Fits γ_ee of the energy-mode g_sa model ({@link EnergyModeMapModel}) to measured points, in u = log10 γ_ee
 * (γ_ee enters weakly and over decades, and stays positive). Only γ_ee is free; the model has no free amplitude.
 * <p>
 * Every χ² costs one self-consistent sweep (seconds), so the search is one-dimensional and frugal: a coarse profile
 * every {@link #COARSE_STEP} decades over ±span around the start, Brent's method inside the bracket of the coarse
 * minimum, two points for the covariance derivative, and regula falsi for each Δχ² = 1 crossing; all evaluations
 * are cached and all of them make up the reported χ² profile. With no σ, σ is estimated from the residuals so that
 * the reduced χ² is 1 at the optimum (then the interval is a Δχ² = 1 interval in those units).
 */
public final class EnergyModeMapFit
{
	/** Spacing of the coarse profile, decades of γ_ee. */
	static final double COARSE_STEP = 0.5;

	/**
	 * Brent's absolute tolerance, decades (0.7 % in γ_ee). A full 101 × 81 map at σ = 100 gives a 1σ error of ≈ 1 %:
	 * with 0.01 decades the optimum (and so the Δχ² = 1 reference) was off by up to 2 % and the interval lopsided.
	 */
	static final double TOLERANCE = 0.003;

	/** Half-width of the central difference for the covariance derivative, decades. */
	static final double DERIVATIVE_STEP = 0.05;

	private final EnergyModeRun setup;

	private final double modelStep;

	private double span = 1;

	public EnergyModeMapFit( final EnergyModeRun setup, final double modelStep )
	{
		this.setup = setup;
		this.modelStep = modelStep;
	}

	/** Half-width of the searched range in decades around the start value (default 1: two decades in all). */
	public EnergyModeMapFit span( final double decades )
	{
		if ( !( decades >= 0.5 ) || decades > 4 )
			throw new BadInputException( "search span must be in [0.5, 4] decades, got " + decades );
		this.span = decades;
		return this;
	}

	/**
	 * @param vInj V_inj of each point (eV/Δ0)
	 * @param vDet V_det of each point
	 * @param g measured g_sa in units of G_inj G_det R_ξ
	 * @param sigma per-point σ, or null to estimate one common σ from the residuals
	 * @param gammaEe0 start value (centre of the searched range)
	 */
	public EnergyModeMapFitResult fit( final double[] vInj, final double[] vDet, final double[] g, final double[] sigma, final double gammaEe0 )
	{
		final int n = g.length;
		if ( vInj.length != n || vDet.length != n || ( sigma != null && sigma.length != n ) )
			throw new BadInputException( "fit arrays differ in length" );
		if ( n < 2 )
			throw new BadInputException( "need at least 2 points to fit gamma_ee, got " + n );
		if ( !( gammaEe0 > 0 ) || !Double.isFinite( gammaEe0 ) )
			throw new BadInputException( "gamma_ee start value must be > 0, got " + gammaEe0 );
		if ( sigma != null )
			for ( final double s : sigma )
				if ( !( s > 0 ) || !Double.isFinite( s ) )
					throw new BadInputException( "per-point sigma must be finite and > 0, got " + s );
		final EnergyModeMapModel model = new EnergyModeMapModel( setup, modelStep, vInj, vDet );
		final Chi2 chi2 = new Chi2( model, g, sigma );
		final List< String > notes = new ArrayList<>();
		boolean converged = true;

		// coarse profile: brackets the minimum and is the base of the reported profile
		final double u0 = Math.log10( gammaEe0 );
		final int half = Math.max( 1, ( int ) Math.round( span / COARSE_STEP ) );
		// the searched range is the coarse grid's: ±span rounded to whole coarse steps
		final double reach = half * COARSE_STEP;
		int best = -half;
		double bestValue = Double.POSITIVE_INFINITY;
		for ( int k = -half; k <= half; k++ )
		{
			final double c = chi2.at( u0 + k * COARSE_STEP );
			if ( c < bestValue )
			{
				bestValue = c;
				best = k;
			}
		}
		double uOpt = u0 + best * COARSE_STEP;
		if ( best == -half || best == half )
		{
			converged = false;
			notes.add( "minimum at the " + ( best == -half ? "lower" : "upper" ) + " edge of the searched range (gamma_ee " + fmt( Math.pow( 10, u0 - reach ) ) + " .. "
					+ fmt( Math.pow( 10, u0 + reach ) ) + "): not converged" );
		}
		else
		{
			try
			{
				final UnivariatePointValuePair p = new BrentOptimizer( 1e-6, TOLERANCE ).optimize( new MaxEval( 30 ), GoalType.MINIMIZE,
						new UnivariateObjectiveFunction( chi2::at ), new SearchInterval( uOpt - COARSE_STEP, uOpt + COARSE_STEP, uOpt ) );
				// Brent returns its best point; the cache may hold a better coarse one only within tolerance
				uOpt = chi2.at( p.getPoint() ) <= bestValue ? p.getPoint() : uOpt;
			}
			catch ( final TooManyEvaluationsException e )
			{
				converged = false;
				notes.add( "Brent search did not converge in 30 evaluations" );
			}
		}
		final double raw = chi2.at( uOpt );
		final boolean estimated = sigma == null;
		// χ² units: given σ, or σ² = χ²_min(σ = 1)/(N − 1) so that the reduced χ² is 1 at the optimum
		final double scale = estimated ? raw / ( n - 1 ) : 1;
		if ( estimated )
			notes.add( "sigma estimated from the residuals (reduced chi2 = 1 by construction): " + fmt( Math.sqrt( scale ) ) );
		final double minimum = raw / scale;

		// covariance error in u by the Jacobian of the model (central difference), as the LM fits do
		final double[] mPlus = model.values( Math.pow( 10, uOpt + DERIVATIVE_STEP ) );
		final double[] mMinus = model.values( Math.pow( 10, uOpt - DERIVATIVE_STEP ) );
		chi2.record( uOpt + DERIVATIVE_STEP );
		chi2.record( uOpt - DERIVATIVE_STEP );
		final double[][] jac = new double[ n ][ 1 ];
		for ( int k = 0; k < n; k++ )
			jac[ k ][ 0 ] = ( mPlus[ k ] - mMinus[ k ] ) / ( 2 * DERIVATIVE_STEP ) / ( sigma == null ? 1 : sigma[ k ] );
		final double[] var = Covariance.variances( jac, estimated ? scale : 1, 1e-300 );
		final double gOpt = Math.pow( 10, uOpt );
		final double error = var == null ? Double.NaN : gOpt * Math.log( 10 ) * Math.sqrt( var[ 0 ] );
		if ( var == null )
			notes.add( "covariance degenerate: the model does not depend on gamma_ee at these points" );

		final double low = crossing( chi2, uOpt, -1, minimum, scale, u0 - reach );
		final double high = crossing( chi2, uOpt, +1, minimum, scale, u0 + reach );
		if ( Double.isNaN( low ) && Double.isNaN( high ) )
			notes.add( "interval unbounded on both sides: the data do not constrain gamma_ee within " + fmt( Math.pow( 10, u0 - reach ) ) + " .. " + fmt( Math.pow( 10, u0 + reach ) ) );
		else if ( Double.isNaN( low ) )
			notes.add( "one-sided interval: the data bound gamma_ee only from above (no lower bound down to " + fmt( Math.pow( 10, u0 - reach ) ) + ")" );
		else if ( Double.isNaN( high ) )
			notes.add( "one-sided interval: the data bound gamma_ee only from below (no upper bound up to " + fmt( Math.pow( 10, u0 + reach ) ) + ")" );

		final double[][] profile = chi2.profile( scale );
		return new EnergyModeMapFitResult( gOpt, error, low, high, minimum / ( n - 1 ), n, estimated ? Math.sqrt( scale ) : Double.NaN, estimated, converged,
				String.join( "; ", notes ), profile[ 0 ], profile[ 1 ], model.values( gOpt ).clone(), model.evaluations() );
	}

	/**
	 * The finite points of a map inside the bias windows (inclusive), as {V_inj[], V_det[], g[]}.
	 */
	public static double[][] select( final ConductanceMap map, final double vInjMin, final double vInjMax, final double vDetMin, final double vDetMax )
	{
		final List< double[] > rows = new ArrayList<>();
		for ( int j = 0; j < map.height(); j++ )
			for ( int i = 0; i < map.width(); i++ )
			{
				final double x = map.xAxis().value( i ), y = map.yAxis().value( j ), v = map.get( i, j );
				if ( x >= vInjMin - 1e-9 && x <= vInjMax + 1e-9 && y >= vDetMin - 1e-9 && y <= vDetMax + 1e-9 && Double.isFinite( v ) )
					rows.add( new double[] { x, y, v } );
			}
		if ( rows.isEmpty() )
			throw new BadInputException( "no finite measured points inside V_inj " + vInjMin + " .. " + vInjMax + ", V_det " + vDetMin + " .. " + vDetMax );
		final double[][] out = new double[ 3 ][ rows.size() ];
		for ( int k = 0; k < rows.size(); k++ )
			for ( int c = 0; c < 3; c++ )
				out[ c ][ k ] = rows.get( k )[ c ];
		return out;
	}

	/**
	 * The γ_ee where χ²/scale first reaches minimum + 1 going from uOpt in direction dir, or NaN when it does not
	 * within the searched range. Bracketed by the cached profile; refined by regula falsi (Illinois) in u on √Δχ² − 1.
	 */
	private static double crossing( final Chi2 chi2, final double uOpt, final int dir, final double minimum, final double scale, final double limit )
	{
		final double target = minimum + 1;
		double inner = uOpt, outer = Double.NaN;
		// nearest evaluated point beyond the crossing, scanning outward through the cache
		for ( final Map.Entry< Double, Double > e : chi2.sorted( dir ) )
		{
			final double u = e.getKey();
			if ( dir * ( u - uOpt ) <= 0 )
				continue;
			if ( e.getValue() / scale >= target )
			{
				outer = u;
				break;
			}
			inner = u;
		}
		if ( Double.isNaN( outer ) )
		{
			if ( dir * ( limit - inner ) > 1e-12 && chi2.at( limit ) / scale >= target )
				outer = limit;
			else
				return Double.NaN;
		}
		// root of √(Δχ²) − 1: √Δχ² is nearly linear in |u − u_opt| near the optimum, so regula falsi converges fast
		double fi = excess( chi2.at( inner ) / scale - minimum ), fo = excess( chi2.at( outer ) / scale - minimum );
		int side = 0;
		for ( int it = 0; it < 6 && Math.abs( outer - inner ) > TOLERANCE; it++ )
		{
			final double u = inner - fi * ( outer - inner ) / ( fo - fi );
			final double f = excess( chi2.at( u ) / scale - minimum );
			if ( Math.abs( f ) < 0.02 )
				return Math.pow( 10, u );
			if ( f < 0 )
			{
				inner = u;
				fi = f;
				if ( side == -1 )
					fo /= 2;
				side = -1;
			}
			else
			{
				outer = u;
				fo = f;
				if ( side == 1 )
					fi /= 2;
				side = 1;
			}
		}
		return Math.pow( 10, inner - fi * ( outer - inner ) / ( fo - fi ) );
	}

	private static double excess( final double dChi2 ) { return Math.sqrt( Math.max( dChi2, 0 ) ) - 1; }

	private static String fmt( final double v ) { return String.format( java.util.Locale.ROOT, "%.3g", v ); }

	/** χ²(u) with σ = 1 where none is given, cached by u; every evaluated u is part of the profile. */
	private static final class Chi2
	{
		private final EnergyModeMapModel model;

		private final double[] g;

		private final double[] sigma;

		private final TreeMap< Double, Double > values = new TreeMap<>();

		Chi2( final EnergyModeMapModel model, final double[] g, final double[] sigma )
		{
			this.model = model;
			this.g = g;
			this.sigma = sigma;
		}

		double at( final double u )
		{
			final Double hit = values.get( u );
			if ( hit != null )
				return hit;
			final double[] m;
			try
			{
				m = model.values( Math.pow( 10, u ) );
			}
			catch ( final BadInputException e )
			{
				throw new BadInputException( "energy-mode model at gamma_ee = " + fmt( Math.pow( 10, u ) ) + ": " + e.getMessage() );
			}
			double s = 0;
			for ( int k = 0; k < g.length; k++ )
			{
				final double r = ( g[ k ] - m[ k ] ) / ( sigma == null ? 1 : sigma[ k ] );
				s += r * r;
			}
			if ( !Double.isFinite( s ) )
				throw new BadInputException( "chi2 is not finite at gamma_ee = " + fmt( Math.pow( 10, u ) ) + " (NaN in the data or the model)" );
			values.put( u, s );
			return s;
		}

		void record( final double u ) { at( u ); }

		Iterable< Map.Entry< Double, Double > > sorted( final int dir ) { return dir > 0 ? values.entrySet() : values.descendingMap().entrySet(); }

		double[][] profile( final double scale )
		{
			final double[][] p = new double[ 2 ][ values.size() ];
			int k = 0;
			for ( final Map.Entry< Double, Double > e : values.entrySet() )
			{
				p[ 0 ][ k ] = Math.pow( 10, e.getKey() );
				p[ 1 ][ k++ ] = e.getValue() / scale;
			}
			return p;
		}
	}
}
