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
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.Noise;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;

/**
 * Fits the NIS conductance G(V) = G_N ∫ N_Dynes(ε; Δ, Γ)·[−∂f(ε − e(V − V0))/∂ε] dε, optionally broadened by the lock-in
 * kernel (see {@link DynesConductance}), to one spectrum by Levenberg-Marquardt (commons-math3).
 * <p>
 * Free parameters: G_N, Γ, Δ, T_e, V0 (each but T_e can be fixed). G_N, Γ, Δ and T_e are fitted as logarithms, so
 * they stay positive (a G_N that ran negative used to end as "diverged … G_N = −24.83"); V0 is fitted scaled by the
 * starting Δ so all internal parameters are of order 1. The caps on Γ, Δ and T_e refer to the first starting Δ, so a
 * fit that runs away does not raise them pass after pass.
 * The reported errors are from the covariance in the linear parameters at the optimum (see {@code Problem.errors}).
 * The energy lattice step is set from the current temperature; when the fitted T_e ends far below the start, the fit
 * is repeated on a finer lattice from the result (at most {@value #MAX_PASSES} passes).
 * <p>
 * Bias is converted from the spectrum's unit to V; Δ and Γ come out in eV, T_e in K, V0 in V, G_N in the spectrum's
 * value unit.
 */
public final class DynesFit
{
	private static final int GN = 0, GAMMA = 1, DELTA = 2, TEMP = 3, V0 = 4;
	private static final int MAX_PASSES = 4;
	/** Step of the central differences in the internal (log or scaled) parameters. */
	private static final double DIFF = 1e-5;
	/** Bounds of the log-parameters (e^±30) and caps, in units of the starting Δ, of Γ, Δ and k_BT_e. */
	private static final double LOG_BOUND = 30, CAP = 10, TEMP_CAP = 2;

	private DynesFit() {}

	public static DynesFitResult fit( final Spectrum spectrum, final DynesFitOptions options )
	{
		final String what = spectrum.metadata().has( MapMetadata.SOURCE ) ? spectrum.metadata().get( MapMetadata.SOURCE ) : spectrum.quantity();
		if ( !"voltage".equals( Units.kind( spectrum.biasUnit() ) ) )
			throw new BadInputException( what + ": bias unit '" + spectrum.biasUnit() + "' is not a voltage; a Dynes fit needs V, mV or µV" );
		final double toV = Units.conversionFactor( spectrum.biasUnit(), "V" );
		if ( options.sigma != null && options.sigma.length != spectrum.size() )
			throw new BadInputException( "σ has " + options.sigma.length + " values but the spectrum " + spectrum.size() + " points" );

		final List< Integer > use = new ArrayList<>();
		for ( int i = 0; i < spectrum.size(); i++ )
			if ( spectrum.bias( i ) >= options.vmin && spectrum.bias( i ) <= options.vmax )
				use.add( i );
		final int n = use.size();
		final double[] v = new double[ n ], g = new double[ n ], w = new double[ n ];
		for ( int k = 0; k < n; k++ )
		{
			final int i = use.get( k );
			v[ k ] = spectrum.bias( i ) * toV;
			g[ k ] = spectrum.value( i );
			w[ k ] = options.sigma == null ? 1 : 1 / options.sigma[ i ];
			if ( !Double.isFinite( g[ k ] ) )
				throw new BadInputException( what + ": value at bias " + spectrum.bias( i ) + " " + spectrum.biasUnit() + " is " + g[ k ] );
		}

		final GapEstimate start = GapEstimate.of( v, g, what );
		final double[] q = new double[ 5 ];
		q[ GN ] = Double.isNaN( options.fixedGN ) ? start.gN : options.fixedGN;
		q[ GAMMA ] = Double.isNaN( options.fixedGamma ) ? 0.01 * start.delta : options.fixedGamma;
		q[ DELTA ] = Double.isNaN( options.fixedDelta ) ? start.delta : options.fixedDelta;
		q[ TEMP ] = start.temperature;
		q[ V0 ] = Double.isNaN( options.fixedOffset ) ? start.offset : options.fixedOffset;
		final boolean[] fixed = { !Double.isNaN( options.fixedGN ), !Double.isNaN( options.fixedGamma ), !Double.isNaN( options.fixedDelta ), false, !Double.isNaN( options.fixedOffset ) };

		Problem p = null;
		Optimum opt = null;
		int iterations = 0, evaluations = 0;
		boolean converged = true;
		final double span = v[ n - 1 ] - v[ 0 ];
		double step = DynesConductance.stepFor( q[ TEMP ], options.vacRms, span );
		for ( int pass = 0; pass < MAX_PASSES; pass++ )
		{
			p = new Problem( v, g, w, q, fixed, options.vacRms, step, start.delta );
			try
			{
				opt = new LevenbergMarquardtOptimizer().optimize( new LeastSquaresBuilder()
						.model( p )
						.target( p.target() )
						.start( p.start() )
						.maxIterations( options.maxIterations )
						.maxEvaluations( 10 * options.maxIterations )
						.lazyEvaluation( true )
						.build() );
			}
			catch ( final MathIllegalStateException e )
			{
				converged = false;
			}
			catch ( final IllegalArgumentException e )
			{
				throw new BadInputException( what + ": Dynes fit diverged (" + e.getMessage() + ") at " + p.describeLast() );
			}
			if ( !converged )
			{
				if ( options.failIfNotConverged )
					throw new BadInputException( what + ": Dynes fit did not converge in " + options.maxIterations + " iterations (rms residual " + fmt( p.lastRms() ) + " at " + p.describeLast() + "); try a narrower bias range or fixing Γ or the offset" );
				System.arraycopy( p.physical( p.lastPoint ), 0, q, 0, 5 );
				break;
			}
			iterations += opt.getIterations();
			evaluations += opt.getEvaluations();
			System.arraycopy( p.physical( opt.getPoint().toArray() ), 0, q, 0, 5 );
			final double finer = DynesConductance.stepFor( q[ TEMP ], options.vacRms, span );
			if ( finer >= 0.7 * step )
				break;
			step = finer;
		}

		if ( !converged )
			return new DynesFitResult( q, new double[ 5 ], fixed, options.vacRms, Double.NaN, p.lastRms(), n, options.maxIterations, 0, false, spectrum.valueUnit() );

		final int free = p.free.length;
		if ( n <= free )
			throw new BadInputException( what + ": " + n + " points cannot determine " + free + " parameters" );
		final double[] r = opt.getResiduals().toArray();
		double chi2 = 0, ss = 0;
		for ( int k = 0; k < n; k++ )
		{
			chi2 += r[ k ] * r[ k ];
			ss += Math.pow( r[ k ] / w[ k ], 2 );
		}
		final double chi2Red = chi2 / ( n - free );
		// χ²/ν proper: with the σ given, or with the noise estimated from the data without the model
		final boolean sigmaEstimated = options.sigma == null;
		final double noise = sigmaEstimated ? Noise.fromSecondDifferences( g ) : Double.NaN;
		final double chi2PerDof = sigmaEstimated ? ( noise > 0 ? ss / ( n - free ) / ( noise * noise ) : Double.NaN ) : chi2Red;
		final double scale = options.sigma == null ? chi2Red : 1;
		final double[] err = p.errors( q, scale );
		if ( err == null )
			throw new BadInputException( what + ": the data do not determine all parameters of the Dynes fit (singular covariance); fix Γ or the offset" );

		if ( !( q[ GN ] > 0 ) )
			throw new BadInputException( what + ": the fitted G_N = " + fmt( q[ GN ] ) + " is not positive; wrong column, or inverted lock-in phase?" );
		if ( q[ TEMP ] >= 0.999 * p.tempCap() )
			throw new BadInputException( String.format( Locale.ROOT, "%s: Dynes fit diverged: T_e ran to its bound (k_BT_e = %.0f %% of the starting Δ); these data show no thermally broadened gap", what, 100 * TEMP_CAP ) );
		if ( q[ GAMMA ] >= q[ DELTA ] )
			throw new BadInputException( String.format( Locale.ROOT, "%s: no superconducting gap found: the fitted Γ = %.4g µeV is not below Δ = %.4g µeV", what, q[ GAMMA ] * 1e6, q[ DELTA ] * 1e6 ) );
		final double reach = Math.max( Math.abs( v[ 0 ] - q[ V0 ] ), Math.abs( v[ n - 1 ] - q[ V0 ] ) );
		if ( q[ DELTA ] > 0.9 * reach )
			throw new BadInputException( String.format( Locale.ROOT, "%s: no superconducting gap found: the fitted gap Δ = %.4g µeV lies at the edge of the data (|eV − eV0| ≤ %.4g µeV)", what, q[ DELTA ] * 1e6, reach * 1e6 ) );
		final DynesFitResult result = new DynesFitResult( q, err, fixed, options.vacRms, chi2Red, Math.sqrt( ss / n ), n, iterations, evaluations, true, spectrum.valueUnit() );
		return result.withNoise( ss / ( n - free ), sigmaEstimated ? noise : Double.NaN, chi2PerDof, warnings( q, fixed, err, chi2PerDof, sigmaEstimated, start.delta ) );
	}

	private static String fmt( final double v ) { return String.format( Locale.ROOT, "%.4g", v ); }

	/**
	 * The warnings for a fit that converged but whose numbers a physicist should not take at face value: parameters at
	 * a bound, a temperature so high that a BCS gap of the fitted size would itself have shrunk (T_e &gt; 0.4 T_c with
	 * T_c = Δ/1.764 k_B; above that Δ(T) falls by more than 1 %), a Γ comparable with Δ, a χ²/ν far from 1.
	 */
	static List< String > warnings( final double[] q, final boolean[] fixed, final double[] err, final double chi2PerDof, final boolean sigmaEstimated, final double d0 )
	{
		final List< String > w = new ArrayList<>();
		final double tc = q[ DELTA ] / ( 1.764 * DynesConductance.K_B );
		if ( q[ TEMP ] > 0.4 * tc )
			w.add( String.format( Locale.ROOT, "T_e = %.4g K is %.2g T_c of a BCS gap of this size (T_c = Δ/1.764k_B = %.3g K), where the gap itself would have shrunk: the broadening is unlikely to be thermal "
					+ "(lock-in excitation, Γ, pair breaking, a spin-split or second gap?)", q[ TEMP ], q[ TEMP ] / tc, tc ) );
		if ( !fixed[ GAMMA ] && q[ GAMMA ] < 1e-6 * d0 )
			w.add( String.format( Locale.ROOT, "Γ ran to its lower bound 0 (%.2g µeV): the data show no Dynes broadening beyond T_e; read Γ as < %.2g µeV (1σ)", q[ GAMMA ] * 1e6, ( q[ GAMMA ] + err[ GAMMA ] ) * 1e6 ) );
		else if ( !fixed[ GAMMA ] && q[ GAMMA ] > 0.1 * q[ DELTA ] )
			w.add( String.format( Locale.ROOT, "Γ = %.2g Δ: a strongly broadened gap (Dynes Γ is meant as a small pair-breaking rate)", q[ GAMMA ] / q[ DELTA ] ) );
		if ( q[ TEMP ] < 1e-6 * d0 / DynesConductance.K_B )
			w.add( String.format( Locale.ROOT, "T_e ran to its lower bound 0 (%.2g mK): the edges are broadened by Γ or the lock-in only", q[ TEMP ] * 1e3 ) );
		if ( chi2PerDof > 4 )
			w.add( String.format( Locale.ROOT, "χ²/ν = %.3g with σ %s: the Dynes model does not describe these data to their noise%s", chi2PerDof,
					sigmaEstimated ? "estimated from the point-to-point scatter" : "as given", sigmaEstimated ? " (or the noise is correlated from point to point, which makes that σ too small)" : "" ) );
		return w;
	}

	/** The least-squares problem in internal parameters on one lattice. */
	private static final class Problem implements ValueAndJacobianFunction
	{
		final double[] v, g, w;
		final double[] q0;
		final int[] free;
		final double gN0, d0, t0;
		final double vacRms;
		final DynesConductance model;
		double[] lastPoint;
		double[] lastModel;

		/** The first starting Δ, to which the caps refer. */
		final double capDelta;

		Problem( final double[] v, final double[] g, final double[] w, final double[] q, final boolean[] fixed, final double vacRms, final double step, final double capDelta )
		{
			this.capDelta = capDelta;
			this.v = v;
			this.g = g;
			this.w = w;
			this.q0 = q.clone();
			this.vacRms = vacRms;
			this.model = new DynesConductance( step );
			gN0 = q[ GN ];
			d0 = q[ DELTA ];
			t0 = q[ TEMP ];
			int m = 0;
			for ( final boolean f : fixed )
				if ( !f )
					m++;
			free = new int[ m ];
			m = 0;
			for ( int i = 0; i < 5; i++ )
				if ( !fixed[ i ] )
					free[ m++ ] = i;
		}

		RealVector target()
		{
			final double[] t = new double[ g.length ];
			for ( int k = 0; k < t.length; k++ )
				t[ k ] = g[ k ] * w[ k ];
			return new ArrayRealVector( t, false );
		}

		RealVector start()
		{
			final double[] p = new double[ free.length ];
			for ( int j = 0; j < free.length; j++ )
				p[ j ] = free[ j ] == GAMMA ? Math.log( Math.max( q0[ GAMMA ], 1e-9 * d0 ) / d0 ) : 0;
			return new ArrayRealVector( p, false );
		}

		/**
		 * Physical G_N, Γ, Δ, T_e, V0 of internal parameters p. Γ and Δ are capped at {@value #CAP}·Δ_start and k_BT_e
		 * at {@link #TEMP_CAP}·Δ_start (the first pass's start): a runaway step then meets a flat model (and the checks
		 * after the fit) instead of overflowing or a thermal kernel of millions of lattice points.
		 */
		double[] physical( final double[] p )
		{
			final double[] q = q0.clone();
			for ( int j = 0; j < free.length; j++ )
			{
				final int par = free[ j ];
				final double e = Math.exp( Math.max( -LOG_BOUND, Math.min( LOG_BOUND, p[ j ] ) ) );
				q[ par ] = par == GN ? gN0 * e : par == GAMMA || par == DELTA ? Math.min( CAP * capDelta, d0 * e ) : par == TEMP ? Math.min( t0 * e, tempCap() ) : q0[ V0 ] + d0 * p[ j ];
			}
			return q;
		}

		/** The largest T_e (K) the fit may reach. */
		double tempCap() { return TEMP_CAP * capDelta / DynesConductance.K_B; }

		private DynesConductance.Curve curve( final double[] q, final double[] x, final double[] kernel )
		{
			return model.new Curve( DynesConductance.lo( x ), DynesConductance.hi( x ), q[ DELTA ], q[ GAMMA ], kernel );
		}

		private double[] energies( final double offset )
		{
			final double[] x = new double[ v.length ];
			for ( int k = 0; k < x.length; k++ )
				x[ k ] = v[ k ] - offset;
			return x;
		}

		@Override
		public Pair< RealVector, RealMatrix > value( final RealVector point )
		{
			return new Pair<>( computeValue( point.toArray() ), computeJacobian( point.toArray() ) );
		}

		/** Model values (weighted); LM's trial steps need only these. */
		@Override
		public RealVector computeValue( final double[] p )
		{
			lastPoint = p.clone();
			final double[] q = physical( p );
			final double[] x = energies( q[ V0 ] );
			final double[] base = curve( q, x, model.kernel( q[ TEMP ], vacRms ) ).at( x, 0 );
			final double[] f = new double[ v.length ];
			for ( int k = 0; k < f.length; k++ )
			{
				f[ k ] = q[ GN ] * base[ k ] * w[ k ];
				if ( !Double.isFinite( f[ k ] ) )
					throw new IllegalArgumentException( "model is " + f[ k ] + " at bias " + v[ k ] + " V" );
			}
			lastModel = f;
			return new ArrayRealVector( f, false );
		}

		/** Jacobian: analytic in G_N, central differences in the others (V0 by shifting the interpolation). */
		@Override
		public RealMatrix computeJacobian( final double[] p )
		{
			final double[] q = physical( p );
			final double[] x = energies( q[ V0 ] );
			final double[] kernel = model.kernel( q[ TEMP ], vacRms );
			final DynesConductance.Curve c = curve( q, x, kernel );
			final double[][] jac = new double[ v.length ][ free.length ];
			for ( int j = 0; j < free.length; j++ )
			{
				final int par = free[ j ];
				final double[] up, down;
				if ( par == GN )
				{
					// G_N = G_N0·e^p: ∂G/∂p = G
					final double[] base = c.at( x, 0 );
					for ( int k = 0; k < v.length; k++ )
						jac[ k ][ j ] = q[ GN ] * base[ k ] * w[ k ];
					continue;
				}
				if ( par == V0 )
				{
					// G depends on V − V0: shift the interpolation point instead of recomputing the curve
					up = c.at( x, -d0 * DIFF );
					down = c.at( x, d0 * DIFF );
				}
				else
				{
					final double[] pu = p.clone(), pd = p.clone();
					pu[ j ] += DIFF;
					pd[ j ] -= DIFF;
					final double[] qu = physical( pu ), qd = physical( pd );
					final boolean t = par == TEMP;
					up = curve( qu, x, t ? model.kernel( qu[ TEMP ], vacRms ) : kernel ).at( x, 0 );
					down = curve( qd, x, t ? model.kernel( qd[ TEMP ], vacRms ) : kernel ).at( x, 0 );
				}
				for ( int k = 0; k < v.length; k++ )
					jac[ k ][ j ] = q[ GN ] * w[ k ] * ( up[ k ] - down[ k ] ) / ( 2 * DIFF );
			}
			return new Array2DRowRealMatrix( jac, false );
		}

		/**
		 * One-σ errors of the free parameters at q, in physical units, from the covariance (JᵀJ)⁻¹·scale with J taken
		 * in the physical (linear) parameters. Why not LM's own covariance: that is in log Γ, which is singular when Γ
		 * runs to 0, whereas G depends on Γ ≥ 0 with a finite one-sided slope there. Null when JᵀJ is singular.
		 */
		double[] errors( final double[] q, final double scale )
		{
			final double[] x = energies( q[ V0 ] );
			final double[] kernel = model.kernel( q[ TEMP ], vacRms );
			final DynesConductance.Curve c = curve( q, x, kernel );
			final double[] base = c.at( x, 0 );
			// columns are derivatives per unit of the scaled parameter (G_N/G_N0, Γ/Δ0, Δ/Δ0, T/T0, V0/Δ0)
			final double[] unit = { gN0, d0, d0, t0, d0 };
			final double[][] jac = new double[ v.length ][ free.length ];
			for ( int j = 0; j < free.length; j++ )
			{
				final int par = free[ j ];
				final double[] up, down;
				double h = DIFF;
				if ( par == GN )
				{
					up = base.clone();
					down = new double[ base.length ];
					h = 0.5 * q[ GN ] / gN0;
				}
				else if ( par == V0 )
				{
					up = c.at( x, -d0 * DIFF );
					down = c.at( x, d0 * DIFF );
				}
				else
				{
					final double[] qu = q.clone(), qd = q.clone();
					qu[ par ] += DIFF * unit[ par ];
					// Γ near 0: one-sided, since G is even in Γ but has a finite slope for Γ → 0⁺
					final boolean oneSided = par == GAMMA && q[ GAMMA ] < DIFF * unit[ par ];
					if ( !oneSided )
						qd[ par ] -= DIFF * unit[ par ];
					else
						h = 0.5 * DIFF;
					final boolean t = par == TEMP;
					up = curve( qu, x, t ? model.kernel( qu[ TEMP ], vacRms ) : kernel ).at( x, 0 );
					down = curve( qd, x, t ? model.kernel( qd[ TEMP ], vacRms ) : kernel ).at( x, 0 );
				}
				final double gn = par == GN ? gN0 : q[ GN ];
				for ( int k = 0; k < v.length; k++ )
					jac[ k ][ j ] = gn * w[ k ] * ( up[ k ] - down[ k ] ) / ( 2 * h );
			}
			final double[] var = Covariance.variances( jac, scale, 1e-14 );
			if ( var == null )
				return null;
			final double[] err = new double[ 5 ];
			for ( int j = 0; j < free.length; j++ )
				err[ free[ j ] ] = unit[ free[ j ] ] * Math.sqrt( var[ j ] );
			return err;
		}

		double lastRms()
		{
			if ( lastModel == null )
				return Double.NaN;
			double s = 0;
			for ( int k = 0; k < g.length; k++ )
				s += Math.pow( ( g[ k ] * w[ k ] - lastModel[ k ] ) / w[ k ], 2 );
			return Math.sqrt( s / g.length );
		}

		String describeLast()
		{
			final double[] q = physical( lastPoint == null ? start().toArray() : lastPoint );
			return String.format( Locale.ROOT, "G_N = %.4g, Γ = %.3g µeV, Δ = %.4g µeV, T_e = %.4g mK, V0 = %.4g µV", q[ GN ], q[ GAMMA ] * 1e6, q[ DELTA ] * 1e6, q[ TEMP ] * 1e3, q[ V0 ] * 1e6 );
		}
	}
}
