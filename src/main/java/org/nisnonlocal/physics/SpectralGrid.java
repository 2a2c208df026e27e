package org.nisnonlocal.physics;

/**
 * Retarded G and F of the Usadel equation on a set of energies, with the spectral kinetic coefficients derived from
 * them (docs/physics.md §5, S App. B). Energies in Δ0; all coefficients dimensionless except R_T (units of Δ0).
 */
public final class SpectralGrid
{
	private final double delta;

	private final double[] eps;

	private final double[] reG;

	private final double[] imG;

	private final double[] reF;

	private final double[] imF;

	SpectralGrid( final double delta, final double[] eps, final double[] reG, final double[] imG, final double[] reF, final double[] imF )
	{
		this.delta = delta;
		this.eps = eps;
		this.reG = reG;
		this.imG = imG;
		this.reF = reF;
		this.imF = imF;
	}

	public int size()
	{
		return eps.length;
	}

	public double delta()
	{
		return delta;
	}

	public double eps( final int i )
	{
		return eps[ i ];
	}

	public double reG( final int i )
	{
		return reG[ i ];
	}

	public double imG( final int i )
	{
		return imG[ i ];
	}

	public double reF( final int i )
	{
		return reF[ i ];
	}

	public double imF( final int i )
	{
		return imF[ i ];
	}

	/** Density of states N = Re G. */
	public double n( final int i )
	{
		return reG[ i ];
	}

	/** Charge-mode diffusion D_T = (Re G)² + (Re F)². */
	public double dT( final int i )
	{
		return reG[ i ] * reG[ i ] + reF[ i ] * reF[ i ];
	}

	/** Energy-mode diffusion D_L = (Re G)² − (Im F)² (≈ 0 inside the gap: never divide by it). */
	public double dL( final int i )
	{
		return dL != null ? dL[ i ] : reG[ i ] * reG[ i ] - imF[ i ] * imF[ i ];
	}

	/** Cell averages of D_L where the functions are cell averages ({@link SpectralFunctions#cellAveraged}); else null. */
	private double[] dL;

	SpectralGrid withDL( final double[] cellDL )
	{
		final SpectralGrid g = new SpectralGrid( delta, eps, reG, imG, reF, imF );
		g.dL = cellDL.clone();
		return g;
	}

	/** Charge relaxation R_T, see {@link ChargeRelaxation}. */
	public double rT( final int i )
	{
		return ChargeRelaxation.rate( delta, reF[ i ] );
	}

	/** Spectral supercurrent j_ε = Im(F²) = 2 Re F Im F. */
	public double jEps( final int i )
	{
		return 2 * reF[ i ] * imF[ i ];
	}

	/** Anomalous DOS M = Im F (odd in ε). */
	public double m( final int i )
	{
		return imF[ i ];
	}

	/** Names of the {@link #dosColumns()}, as in the {@code dos} CSV. */
	public static final String[] DOS_COLUMNS = { "N", "ReG", "ImG", "ReF", "ImF" };

	/** N, Re G, Im G, Re F, Im F over the grid: what the DOS table and plot show. */
	public double[][] dosColumns()
	{
		final int n = size();
		final double[][] c = new double[ 5 ][ n ];
		for ( int i = 0; i < n; i++ )
		{
			c[ 0 ][ i ] = n( i );
			c[ 1 ][ i ] = reG( i );
			c[ 2 ][ i ] = imG( i );
			c[ 3 ][ i ] = reF( i );
			c[ 4 ][ i ] = imF( i );
		}
		return c;
	}
}
