package org.nisnonlocal.fit;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.maps.Units;

/**
 * Per-point σ for a map fit from an error map on the same grid (e.g. the standard-error map of Average Sweeps), so
 * that a map which carries its own errors is fitted with them instead of one σ estimated from the residuals.
 */
public final class PointErrors
{
	private PointErrors() {}

	/**
	 * @param measured the measured map in its own units (the grid and unit the error map must share)
	 * @param units its conversion to the fit's units (the error map is scaled alike; its axes locate the points)
	 * @param errors σ of each measured point, same grid and value unit
	 * @param points the fitted points as from {@link EnergyModeMapFit#select}, in the fit's (normalized) bias units
	 * @return σ per fitted point in the fit's units
	 */
	public static double[] at( final ConductanceMap measured, final ModelUnits units, final ConductanceMap errors, final double[][] points )
	{
		final ConductanceMap normalized = units.map();
		final double toModel = units.valueFactor();
		if ( !measured.xAxis().sameGrid( errors.xAxis(), 1e-6 ) || !measured.yAxis().sameGrid( errors.yAxis(), 1e-6 ) )
			throw new BadInputException( "the error map's grid (" + errors.xAxis() + "; " + errors.yAxis() + ") is not the map's (" + measured.xAxis() + "; " + measured.yAxis() + ")" );
		if ( !Units.canonical( errors.valueUnit() ).equals( Units.canonical( measured.valueUnit() ) ) )
			throw new BadInputException( "the error map is in '" + errors.valueUnit() + "', the map in '" + measured.valueUnit() + "': they must share the unit" );
		final double[] s = new double[ points[ 0 ].length ];
		for ( int k = 0; k < s.length; k++ )
		{
			final int i = normalized.xAxis().nearestIndex( points[ 0 ][ k ] ), j = normalized.yAxis().nearestIndex( points[ 1 ][ k ] );
			final double e = errors.get( i, j ) * Math.abs( toModel );
			if ( !( e > 0 ) || !Double.isFinite( e ) )
				throw new BadInputException( "the error map has no usable sigma (" + errors.get( i, j ) + ") at " + measured.xAxis().name() + " = " + measured.xAxis().value( i ) + ", "
						+ measured.yAxis().name() + " = " + measured.yAxis().value( j ) + ": every fitted point needs sigma > 0 (narrow the windows or fix the map)" );
			s[ k ] = e;
		}
		return s;
	}
}
