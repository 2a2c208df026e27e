package org.nisnonlocal.maps;

import java.util.Locale;

import org.nisnonlocal.BadInputException;

/**
 * The user-level bias-offset step: a given offset, or one estimated from the map's symmetry ({@link BiasOffset}),
 * applied to one axis and recorded in the metadata (an estimate with its error), with a line saying what was done. An
 * estimate is refused when the map's symmetry does not determine it.
 */
public final class OffsetCorrection
{
	private final ConductanceMap map;
	private final double offset;
	private final String report;

	private final double error;

	private OffsetCorrection( final ConductanceMap map, final double offset, final double error, final String report )
	{
		this.map = map;
		this.offset = offset;
		this.error = error;
		this.report = report;
	}

	/**
	 * @param method
	 *            "given", "estimate-even" (signal dominantly even: local spectra, charge imbalance) or "estimate-odd"
	 * @param given
	 *            the offset in the axis unit, used when method is "given"
	 */
	public static OffsetCorrection apply( final ConductanceMap map, final MapAxis axis, final String method, final double given )
	{
		final String m = method == null ? "" : method.trim().toLowerCase( Locale.ROOT );
		final String source = map.metadata().has( MapMetadata.SOURCE ) ? map.metadata().get( MapMetadata.SOURCE ) : map.quantity();
		if ( m.equals( "given" ) )
		{
			final ConductanceMap shifted;
			try
			{
				shifted = BiasOffset.apply( map, axis, given );
			}
			catch ( final BadInputException e )
			{
				throw new BadInputException( source + ": " + e.getMessage() ); // the offset is refused for this map's range: name it
			}
			return new OffsetCorrection( shifted, given, Double.NaN, "bias offset " + given + " " + axis.of( map ).unit() + " (given) removed from " + axis.of( map ).name() );
		}
		final BiasOffset.Parity parity;
		if ( m.equals( "estimate-even" ) || m.equals( "even" ) )
			parity = BiasOffset.Parity.EVEN;
		else if ( m.equals( "estimate-odd" ) || m.equals( "odd" ) )
			parity = BiasOffset.Parity.ODD;
		else
			throw new BadInputException( "offset method '" + method + "' is not one of given, estimate-even, estimate-odd" );
		final BiasOffset.Estimate e = BiasOffset.estimate( map, axis, parity ).requireDetermined( source );
		return new OffsetCorrection( BiasOffset.withError( BiasOffset.apply( map, axis, e.offset() ), axis, e.error() ), e.offset(), e.error(), e.report() );
	}

	public ConductanceMap map() { return map; }

	public String report() { return report; }

	/** The offset removed, in the axis unit. */
	public double offset() { return offset; }

	/** Its 1σ error in the axis unit when estimated; NaN for a given offset. */
	public double error() { return error; }
}
