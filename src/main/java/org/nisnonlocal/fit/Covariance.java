package org.nisnonlocal.fit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/** Parameter variances from a weighted Jacobian at the optimum: diag((JᵀJ)⁻¹)·scale, the fits' error estimate. */
final class Covariance
{
	private Covariance() {}

	/**
	 * @param weightedJacobian rows = points (each already multiplied by its weight 1/σ), columns = free parameters
	 * @param scale reduced χ² when the data carry no σ, else 1
	 * @param singularity LU pivot threshold below which JᵀJ counts as singular
	 * @return the variances of the free parameters, or null when JᵀJ is singular or a variance is negative or
	 *         not finite (degenerate parameters: the caller says so instead of returning meaningless errors)
	 */
	static double[] variances( final double[][] weightedJacobian, final double scale, final double singularity )
	{
		final RealMatrix jm = new Array2DRowRealMatrix( weightedJacobian, false );
		final RealMatrix cov;
		try
		{
			cov = new LUDecomposition( jm.transpose().multiply( jm ), singularity ).getSolver().getInverse();
		}
		catch ( final SingularMatrixException e )
		{
			return null;
		}
		final double[] var = new double[ cov.getRowDimension() ];
		for ( int j = 0; j < var.length; j++ )
		{
			var[ j ] = cov.getEntry( j, j ) * scale;
			if ( !( var[ j ] >= 0 ) || !Double.isFinite( var[ j ] ) )
				return null;
		}
		return var;
	}

	/**
	 * The full covariance (JᵀJ)⁻¹·scale, or null under the same conditions as {@link #variances} (singular JᵀJ, a
	 * negative or non-finite variance).
	 */
	static double[][] matrix( final double[][] weightedJacobian, final double scale, final double singularity )
	{
		final RealMatrix jm = new Array2DRowRealMatrix( weightedJacobian, false );
		final RealMatrix cov;
		try
		{
			cov = new LUDecomposition( jm.transpose().multiply( jm ), singularity ).getSolver().getInverse().scalarMultiply( scale );
		}
		catch ( final SingularMatrixException e )
		{
			return null;
		}
		for ( int j = 0; j < cov.getRowDimension(); j++ )
			if ( !( cov.getEntry( j, j ) >= 0 ) || !Double.isFinite( cov.getEntry( j, j ) ) )
				return null;
		return cov.getData();
	}
}
