package org.nisnonlocal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.ChargeImbalanceFitOptions;
import org.nisnonlocal.io.SpectrumTextReader;
import org.nisnonlocal.maps.Spectrum;
import org.nisnonlocal.maps.Units;

/**
 * Options shared by the S Fig. 10 fit verbs: the device, the bias range, σ and the conversion of a measured curve to
 * reduced units (eV_inj/Δ0, g/(G_inj G_det R_ξ)).
 * <p>
 * Curves are text tables {@code eV_inj,g} (any separator, optional header with units, see {@link SpectrumTextReader}).
 * Without {@code --delta0} they are in reduced units already; since the reader cannot tell a header unit "V" from no
 * unit, only a bias unit mV, µV or nV is recognised as physical and then asks for {@code --delta0}. With
 * {@code --delta0 EV --g-inj S --g-det S --r-xi OHM} the bias is taken in its header unit (V if none) and divided by
 * Δ0/e, and g in its header conductance unit (S if none) is divided by G_inj G_det R_ξ.
 * </p>
 */
final class Fig10Curves
{
	static final String DEVICE_USAGE = "[--kappa 1.054e-4] [--distance 4.62] [--t 0.0198 | --t-inj T] [--length 169.2 | --semi-infinite]"
			+ " [--vinj-min 0] [--vinj-max 1.5] [--amplitude-free] [--sigma S] [--delta0 EV --g-inj S --g-det S --r-xi OHM]";

	static final String DEVICE_NOTE = "(defaults: S Table 1 device, injector A, detector B; kappa = G_inj R_xi / 2 of the half wire, lengths in xi,"
			+ " --length the full wire length; eV_inj in Delta0 and g in G_inj G_det R_xi unless --delta0 ... convert physical units;"
			+ " --sigma: one standard error of g for every point (then chi2_reduced tests the model and errors are not rescaled))";

	private final double delta0, gInj, gDet, rXi;
	private final double sigma;

	private Fig10Curves( final double delta0, final double gInj, final double gDet, final double rXi, final double sigma )
	{
		this.delta0 = delta0;
		this.gInj = gInj;
		this.gDet = gDet;
		this.rXi = rXi;
		this.sigma = sigma;
	}

	/** Reads the device, range, amplitude and σ options into {@code o}; returns the curve conversion. */
	static Fig10Curves parse( final Args a, final ChargeImbalanceFitOptions o )
	{
		final double kappa = a.number( "kappa", ChargeImbalanceFitOptions.TABLE1_KAPPA );
		final double distance = a.number( "distance", ChargeImbalanceFitOptions.TABLE1_DISTANCE );
		a.has( "t" );
		final String tKey = a.has( "t-inj" ) ? "t-inj" : "t";
		final double t = a.number( tKey, ChargeImbalanceFitOptions.TABLE1_T );
		final boolean semiInfinite = a.flag( "semi-infinite" );
		if ( semiInfinite && a.has( "length" ) )
			throw new BadInputException( "--semi-infinite and --length exclude each other" );
		final double length = semiInfinite ? Double.POSITIVE_INFINITY : a.number( "length", ChargeImbalanceFitOptions.TABLE1_LENGTH );
		try
		{
			o.device( kappa, distance, t, length );
		}
		catch ( final BadInputException e )
		{
			throw new BadInputException( "device options: " + e.getMessage() );
		}
		o.range( a.number( "vinj-min", 0 ), a.number( "vinj-max", 1.5 ) );
		if ( a.flag( "amplitude-free" ) )
			o.freeAmplitude();
		final double sigma = a.number( "sigma", Double.NaN );
		if ( a.has( "sigma" ) && !( sigma > 0 ) )
			throw new BadInputException( "--sigma must be > 0, got " + sigma );
		final boolean physical = a.has( "delta0" ) || a.has( "g-inj" ) || a.has( "g-det" ) || a.has( "r-xi" );
		if ( !physical )
			return new Fig10Curves( Double.NaN, Double.NaN, Double.NaN, Double.NaN, sigma );
		return new Fig10Curves( PhysicsCsv.requiredPositive( a, "delta0" ), PhysicsCsv.requiredPositive( a, "g-inj" ), PhysicsCsv.requiredPositive( a, "g-det" ), PhysicsCsv.requiredPositive( a, "r-xi" ), sigma );
	}

	boolean physical() { return !Double.isNaN( delta0 ); }

	/** The factor from reduced g to siemens, G_inj G_det R_ξ (NaN for reduced curves). */
	double conductanceScale() { return gInj * gDet * rXi; }

	/** A curve in reduced units: eV_inj/Δ0, g/(G_inj G_det R_ξ), and σ of each point in the same g units (or null). */
	static final class Curve
	{
		final double[] v, g, sigma;

		Curve( final double[] v, final double[] g, final double[] sigma )
		{
			this.v = v;
			this.g = g;
			this.sigma = sigma;
		}
	}

	/** The curve file in reduced units, with --sigma (given in the file's g unit) converted alike. */
	Curve read( final Path file ) throws IOException
	{
		final Spectrum s = SpectrumTextReader.read( file );
		final double[] v = s.bias(), g = s.values();
		final String bu = s.biasUnit();
		if ( !physical() )
		{
			if ( !"V".equals( bu ) && !Units.EV_PER_DELTA0.equals( bu ) )
				throw new BadInputException( file + ": bias is in " + bu + "; give --delta0 EV --g-inj S --g-det S --r-xi OHM to convert to eV_inj/Delta0 and G_inj G_det R_xi" );
			return new Curve( v, g, sigma( g.length, 1 ) );
		}
		if ( !"voltage".equals( Units.kind( bu ) ) )
			throw new BadInputException( file + ": bias unit '" + bu + "' is not a voltage; with --delta0 the curve must be in physical units" );
		final String gu = s.valueUnit();
		final double toS;
		if ( Units.NORMALIZED.equals( gu ) )
			toS = 1;
		else if ( "conductance".equals( Units.kind( gu ) ) )
			toS = Units.conversionFactor( gu, "S" );
		else
			throw new BadInputException( file + ": value unit '" + gu + "' is not a conductance; with --delta0 g must be in S (or mS, µS, ...)" );
		final double toV = Units.conversionFactor( bu, "V" );
		final double[] rv = new double[ v.length ], rg = new double[ g.length ];
		for ( int i = 0; i < v.length; i++ )
		{
			rv[ i ] = v[ i ] * toV / delta0;
			rg[ i ] = g[ i ] * toS / conductanceScale();
		}
		return new Curve( rv, rg, sigma( g.length, toS / conductanceScale() ) );
	}

	private double[] sigma( final int n, final double factor )
	{
		if ( Double.isNaN( sigma ) )
			return null;
		final double[] s = new double[ n ];
		Arrays.fill( s, sigma * factor );
		return s;
	}
}
