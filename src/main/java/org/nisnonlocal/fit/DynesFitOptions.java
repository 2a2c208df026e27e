package org.nisnonlocal.fit;

import org.nisnonlocal.BadInputException;

/**
 * Settings of a {@link DynesFit}. Mutable, fluent; every value in SI units: bias in V, energies in eV, T in K.
 * Defaults: all of G_N, Γ, Δ, T_e and V0 free, no lock-in broadening, the whole spectrum, errors scaled by reduced χ².
 */
public final class DynesFitOptions
{
	double vacRms = 0;
	double fixedGamma = Double.NaN;
	double fixedOffset = Double.NaN;
	double fixedGN = Double.NaN;
	double fixedDelta = Double.NaN;
	double vmin = Double.NEGATIVE_INFINITY;
	double vmax = Double.POSITIVE_INFINITY;
	double[] sigma = null;
	int maxIterations = 200;
	boolean failIfNotConverged = true;

	/** Lock-in excitation, rms at the junction (V); 0 for none. Fixed, not fitted. */
	public DynesFitOptions vacRms( final double v )
	{
		if ( !( v >= 0 ) || !Double.isFinite( v ) )
			throw new BadInputException( "lock-in excitation V_ac (rms) must be ≥ 0 V, got " + v );
		vacRms = v;
		return this;
	}

	/** Fixes Γ (eV, ≥ 0). */
	public DynesFitOptions fixGamma( final double gamma )
	{
		if ( !( gamma >= 0 ) || !Double.isFinite( gamma ) )
			throw new BadInputException( "fixed Γ must be ≥ 0 eV, got " + gamma );
		fixedGamma = gamma;
		return this;
	}

	/** Fixes the bias offset V0 (V), e.g. 0 for a junction known to have none. */
	public DynesFitOptions fixOffset( final double v0 )
	{
		if ( !Double.isFinite( v0 ) )
			throw new BadInputException( "fixed bias offset must be a finite number, got " + v0 );
		fixedOffset = v0;
		return this;
	}

	/** Fixes G_N (in the spectrum's value unit), as S Fig. 5 does. */
	public DynesFitOptions fixGN( final double gN )
	{
		if ( !( gN > 0 ) || !Double.isFinite( gN ) )
			throw new BadInputException( "fixed G_N must be > 0, got " + gN );
		fixedGN = gN;
		return this;
	}

	/** Fixes Δ (eV, > 0), e.g. to reproduce a fit that took Δ from the coherence peaks. */
	public DynesFitOptions fixDelta( final double delta )
	{
		if ( !( delta > 0 ) || !Double.isFinite( delta ) )
			throw new BadInputException( "fixed Δ must be > 0 eV, got " + delta );
		fixedDelta = delta;
		return this;
	}

	/** Fits only points with vmin ≤ V ≤ vmax, in the spectrum's bias unit. */
	public DynesFitOptions range( final double min, final double max )
	{
		if ( !( min < max ) )
			throw new BadInputException( "fit range: need vmin < vmax, got " + min + " … " + max );
		vmin = min;
		vmax = max;
		return this;
	}

	/**
	 * One standard error per spectrum point (value unit). With them χ²_red tests the model and the errors are not
	 * rescaled; without them the errors are scaled by χ²_red (the noise is estimated from the residuals).
	 */
	public DynesFitOptions sigma( final double[] s )
	{
		for ( int i = 0; i < s.length; i++ )
			if ( !( s[ i ] > 0 ) || !Double.isFinite( s[ i ] ) )
				throw new BadInputException( "σ of point " + ( i + 1 ) + " must be > 0, got " + s[ i ] );
		sigma = s.clone();
		return this;
	}

	public DynesFitOptions maxIterations( final int n )
	{
		if ( n < 1 )
			throw new BadInputException( "max iterations must be ≥ 1, got " + n );
		maxIterations = n;
		return this;
	}

	/** False: a fit that did not converge returns its last point with {@code converged() == false} instead of failing. */
	public DynesFitOptions failIfNotConverged( final boolean fail )
	{
		failIfNotConverged = fail;
		return this;
	}
}
