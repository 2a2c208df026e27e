package org.nisnonlocal.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.fit.ConvergedMapFit;
import org.nisnonlocal.fit.EnergyModeMapFit;
import org.nisnonlocal.fit.EnergyModeMapFitResult;
import org.nisnonlocal.fit.PointErrors;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapOverlay;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.physics.EnergyModeRun;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Fits γ_ee of the energy-mode model to a measured g_sa map ({@link EnergyModeMapFit}) over the points inside the bias
 * windows (eV/Δ0) and, when asked, inside the image's area selection. A map in mV and S is first expressed in eV/Δ0
 * and G_inj·G_det·R_ξ ({@link ModelUnits}; 0 = parameter from the metadata). Shows the parameters with covariance
 * error and profile-likelihood interval, the χ² profile, and the fit and residual on the measured grid in the
 * measured units (NaN outside the fitted points).
 */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Fit Model to Map...", visible = false )
public class FitModelToMapCommand extends ContextCommand
{
	@Parameter( required = false )
	private StatusService status;

	@Parameter( label = "map", description = "measured g_sa map" )
	private ImagePlus map;

	@Parameter( label = "gamma_ee_start", description = "start value and centre of the searched range" )
	private double gamma_ee_start = 2e-4;

	@Parameter( label = "span", description = "decades searched on each side of the start (coarse profile every 0.5)" )
	private double span = 1;

	@Parameter( label = "gamma_free", description = "Dynes Γ free too (start: gamma below; a sweep per trial)" )
	private boolean gamma_free = false;

	@Parameter( label = "delta0_scale_free", description = "Δ0 scale s free too (biases read in a nominal Δ0; cheap)" )
	private boolean delta0_scale_free = false;

	@Parameter( label = "kappa_free", description = "κ_I free too (start: kappa below; a sweep per trial)" )
	private boolean kappa_free = false;

	@Parameter( label = "delta0_scale", description = "s = Δ0/Δ0_nominal: start when free, else fixed" )
	private double delta0_scale = 1;

	@Parameter( label = "gamma", description = "Dynes Γ/Δ0 of the model" )
	private double gamma = 0.005;

	@Parameter( label = "de", description = "energy step δε/Δ0 (0 = automatic: refined from 1/40 until the model error is ≤ σ/3)" )
	private double de = 0;

	@Parameter( label = "kappa", description = "half-wire κ_I" )
	private double kappa = 1.054e-4;

	@Parameter( label = "length", description = "full wire length / ξ" )
	private double length = 169.2;

	@Parameter( label = "t_inj", description = "k_B T/Δ0" )
	private double t_inj = 0.0198;

	@Parameter( label = "t_det" )
	private double t_det = 0.0120;

	@Parameter( label = "t_bath" )
	private double t_bath = 0.0078;

	@Parameter( label = "model_step", description = "V_inj step of the model sweep, eV/Δ0" )
	private double model_step = 0.1;

	@Parameter( label = "vinj_min", description = "fitted window, eV/Δ0" )
	private double vinj_min = 1.5;

	@Parameter( label = "vinj_max" )
	private double vinj_max = 100;

	@Parameter( label = "vdet_min" )
	private double vdet_min = -100;

	@Parameter( label = "vdet_max" )
	private double vdet_max = 100;

	@Parameter( label = "use_selection", description = "fit only points inside the image's area selection as well" )
	private boolean use_selection = false;

	@Parameter( label = "sigma", description = "noise per point in G_inj G_det R_ξ (0 = estimate from the residuals)" )
	private double sigma = 0;

	@Parameter( label = "error_image", required = false, description = "title of an open σ map on the same grid (e.g. from Average Sweeps; empty = none)" )
	private String error_image = "";

	@Parameter( label = "delta0_ev", description = "eV (0 = from metadata; only for a map in volts)" )
	private double delta0_ev = 0;

	@Parameter( label = "g_inj", description = "S (0 = from metadata; only for a map in siemens)" )
	private double g_inj = 0;

	@Parameter( label = "g_det", description = "S (0 = from metadata)" )
	private double g_det = 0;

	@Parameter( label = "r_xi", description = "Ohm (0 = from metadata)" )
	private double r_xi = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ResultsTable fit_parameters;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus chi2_profile;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus fitted;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus residual;

	@Parameter( type = ItemIO.OUTPUT )
	private String report;

	@Override
	public void run()
	{
		final ConductanceMap measured = Images.map( map, "map" );
		final ModelUnits normalized = ModelUnits.of( measured, MapOverlay.Parameters.orMetadata( delta0_ev, g_inj, g_det, r_xi ) );
		final ConductanceMap m = normalized.map();
		if ( !( vinj_max >= vinj_min ) || !( vdet_max >= vdet_min ) )
			throw new BadInputException( "bias windows must have max >= min" );
		final double[][] p = EnergyModeMapFit.select( m, selectionMask( m ), vinj_min, vinj_max, vdet_min, vdet_max );
		if ( sigma < 0 )
			throw new BadInputException( "sigma must be >= 0 (0 = estimate from the residuals), got " + sigma );
		final boolean errorMap = error_image != null && !error_image.trim().isEmpty();
		if ( errorMap && sigma > 0 )
			throw new BadInputException( "give sigma or error_image, not both" );
		final double[] s;
		if ( errorMap )
		{
			final ImagePlus e = WindowManager.getImage( error_image.trim() );
			if ( e == null )
				throw new BadInputException( "error_image: no open image titled '" + error_image.trim() + "'" );
			s = PointErrors.at( measured, normalized, Images.map( e, "error_image" ), p );
		}
		else
			s = sigma > 0 ? filled( p[ 0 ].length, sigma ) : null;

		final EnergyModeRun setup = new EnergyModeRun();
		setup.gamma = gamma;
		if ( !( de >= 0 ) || Double.isInfinite( de ) )
			throw new BadInputException( "de must be >= 0 (0 = automatic), got " + de );
		setup.kappa = kappa;
		setup.length = length;
		setup.tInj = t_inj;
		setup.tDet = t_det;
		setup.tBath = t_bath;
		final List< EnergyModeMapFit.Parameter > free = new ArrayList<>();
		if ( gamma_free )
			free.add( EnergyModeMapFit.Parameter.GAMMA );
		if ( delta0_scale_free )
			free.add( EnergyModeMapFit.Parameter.DELTA0_SCALE );
		if ( kappa_free )
			free.add( EnergyModeMapFit.Parameter.KAPPA );
		final long t0 = System.nanoTime();
		final ConvergedMapFit.Result outcome;
		try
		{
			outcome = new ConvergedMapFit( setup, model_step ).energyStep( de ).span( span ).free( free ).delta0Scale( delta0_scale ).fit( p[ 0 ], p[ 1 ], p[ 2 ], s,
					gamma_ee_start, new StatusListener( p[ 0 ].length ) );
		}
		catch ( final BadInputException e )
		{
			if ( status != null )
				status.clearStatus();
			if ( isCanceled() )
				return; // stopped by the user: no outputs, no error
			throw e;
		}
		final double seconds = ( System.nanoTime() - t0 ) * 1e-9;
		if ( status != null )
			status.clearStatus();

		final EnergyModeMapFitResult r = outcome.fit;
		fit_parameters = table( r );
		// the model's own error (rms over the fitted points; and over σ) and the energy step the fitted model stands for
		row( fit_parameters, "model_error", outcome.modelError, Double.NaN, Double.NaN, Double.NaN );
		row( fit_parameters, "model_error_per_sigma", outcome.modelErrorPerSigma, Double.NaN, Double.NaN, Double.NaN );
		row( fit_parameters, "energy_step", outcome.energyStep, Double.NaN, Double.NaN, Double.NaN );
		row( fit_parameters, "model_bias_gamma_ee", outcome.modelBias, Double.NaN, Double.NaN, Double.NaN );
		chi2_profile = profilePlot( r );
		final ConductanceMap fit = r.onMeasuredGrid( measured, normalized, p, false );
		final ConductanceMap res = r.onMeasuredGrid( measured, normalized, p, true );
		// not "_residual": Overlay Simulated on Measured names its residual so, and macros select images by title
		fitted = Images.image( fit, map, "model_fit" );
		residual = Images.image( res, map, "fit_residual" );
		report = "Fit Model to Map (" + map.getTitle() + "): gamma_ee = " + Numbers.format( r.gammaEe ) + " ± " + cell( r.error ) + " (68% profile " + cell( r.low ) + " .. "
				+ cell( r.high ) + "), chi2_reduced = " + Numbers.format( r.chi2Reduced ) + ", " + r.points + " points, " + r.evaluations + " model evaluations in "
				+ String.format( java.util.Locale.ROOT, "%.1f s", seconds ) + ( r.converged ? "" : ", NOT CONVERGED" )
				+ ( Double.isFinite( outcome.modelError ) ? String.format( java.util.Locale.ROOT, "\n  model error %s (%.2f sigma) at delta_epsilon = %s", Numbers.format( outcome.modelError ),
						outcome.modelErrorPerSigma, Numbers.format( outcome.energyStep ) ) : "" )
				+ ( outcome.notes().isEmpty() ? "" : "\n  " + outcome.notes() )
				+ others( r ) + ( normalized.report().isEmpty() ? "" : "\n  units: " + String.join( "; ", normalized.report() ) );
	}

	/** The image's area selection as a mask in pixel order (null = all pixels, when not asked for); the image is not changed. */
	private boolean[] selectionMask( final ConductanceMap m )
	{
		if ( !use_selection )
			return null;
		final Roi roi = map.getRoi();
		if ( roi == null || !roi.isArea() )
			throw new BadInputException( "use_selection is on but " + map.getTitle() + " has no area selection (draw a rectangle, polygon, … first)" );
		final int w = m.width();
		final boolean[] mask = new boolean[ w * m.height() ];
		for ( int k = 0; k < mask.length; k++ )
			mask[ k ] = roi.contains( k % w, k / w );
		return mask;
	}

	/** Progress in the status bar (sweep and bias point) and the command's cancel flag (Esc). */
	private final class StatusListener implements EnergyModeMapFit.Listener
	{
		private final int points;

		private volatile int sweeps;

		StatusListener( final int points ) { this.points = points; }

		@Override
		public void evaluated( final int sweepsSoFar, final java.util.Map< String, Double > parameters, final double chi2 )
		{
			sweeps = sweepsSoFar;
		}

		@Override
		public synchronized void biasPoint( final int k, final int n )
		{
			if ( status != null )
				status.showStatus( k, n, "Fit Model to Map (" + points + " points): model sweep " + ( sweeps + 1 ) + ", bias point " + k + " of " + n + " (Esc cancels)" );
		}

		@Override
		public boolean cancelled() { return isCanceled(); }
	}

	/** The other free parameters and their correlations with γ_ee, for the report. */
	private static String others( final EnergyModeMapFitResult r )
	{
		final StringBuilder sb = new StringBuilder();
		for ( int k = 1; k < r.parameters.size(); k++ )
			sb.append( "\n  " ).append( r.parameters.get( k ).csvName ).append( " = " ).append( Numbers.format( r.values[ k ] ) ).append( " ± " ).append( cell( r.errors[ k ] ) )
					.append( r.correlation == null ? "" : ", correlation with gamma_ee " + String.format( java.util.Locale.ROOT, "%.3f", r.correlation[ 0 ][ k ] ) );
		return sb.toString();
	}

	private static ResultsTable table( final EnergyModeMapFitResult r )
	{
		final ResultsTable t = new ResultsTable();
		for ( int k = 0; k < r.parameters.size(); k++ )
			row( t, r.parameters.get( k ).csvName, r.values[ k ], r.errors[ k ], r.lows[ k ], r.highs[ k ] );
		if ( r.correlation != null )
			for ( int a = 0; a < r.parameters.size(); a++ )
				for ( int b = a + 1; b < r.parameters.size(); b++ )
					row( t, "correlation_" + r.parameters.get( a ).csvName + "_" + r.parameters.get( b ).csvName, r.correlation[ a ][ b ], Double.NaN, Double.NaN, Double.NaN );
		row( t, "chi2_reduced", r.chi2Reduced, Double.NaN, Double.NaN, Double.NaN );
		row( t, "points", r.points, Double.NaN, Double.NaN, Double.NaN );
		row( t, "model_evaluations", r.evaluations, Double.NaN, Double.NaN, Double.NaN );
		row( t, "sigma", r.sigmaEstimated ? r.sigma : Double.NaN, Double.NaN, Double.NaN, Double.NaN );
		row( t, "converged", r.converged ? 1 : 0, Double.NaN, Double.NaN, Double.NaN );
		return Tables.fullPrecision( t );
	}

	private static void row( final ResultsTable t, final String name, final double value, final double error, final double low, final double high )
	{
		t.incrementCounter();
		t.addValue( "name", name );
		t.addValue( "value", value );
		t.addValue( "error", error );
		t.addValue( "low", low );
		t.addValue( "high", high );
	}

	/** χ²(γ_ee) on a log axis with the Δχ² = 1 level and the interval ends marked. */
	private static ImagePlus profilePlot( final EnergyModeMapFitResult r )
	{
		final double[] x = r.profileGammaEe, y = r.profileChi2;
		double min = Double.POSITIVE_INFINITY;
		for ( final double v : y )
			min = Math.min( min, v );
		final Plot plot = new Plot( "chi2 profile of gamma_ee", "gamma_ee", "chi2" );
		plot.setLogScaleX();
		plot.setColor( "blue" );
		plot.addPoints( x, y, Plot.CONNECTED_CIRCLES );
		plot.setColor( "red" );
		plot.addPoints( new double[] { x[ 0 ], x[ x.length - 1 ] }, new double[] { min + 1, min + 1 }, Plot.LINE );
		for ( final double v : new double[] { r.low, r.high } )
			if ( Double.isFinite( v ) )
				plot.addPoints( new double[] { v, v }, new double[] { min, min + 1 }, Plot.LINE );
		plot.setColor( "black" );
		plot.addLabel( 0.02, 0.08, "gamma_ee = " + short4( r.gammaEe ) + " ± " + short4( r.error ) + ", 68% profile " + short4( r.low ) + " .. " + short4( r.high )
				+ ( r.oneSided() ? " (one-sided)" : "" ) );
		// a full map's profile is deep (Δχ² in the thousands two decades away): zoom to Δχ² ≤ 25 so the minimum and
		// the Δχ² = 1 crossings are visible, the far coarse points still in the saved table
		final double span = Arrays.stream( y ).max().orElse( min + 1 ) - min;
		if ( span > 50 )
		{
			double lo = Double.POSITIVE_INFINITY, hi = 0;
			for ( int k = 0; k < x.length; k++ )
				if ( y[ k ] <= min + 25 )
				{
					lo = Math.min( lo, x[ k ] );
					hi = Math.max( hi, x[ k ] );
				}
			final double pad = Math.max( Math.log10( hi / lo ) * 0.15, 0.005 );
			plot.setLimits( lo / Math.pow( 10, pad ), hi * Math.pow( 10, pad ), min - 1, min + 25 );
		}
		return plot.getImagePlus();
	}

	private static double[] filled( final int n, final double v )
	{
		final double[] a = new double[ n ];
		Arrays.fill( a, v );
		return a;
	}

	private static String short4( final double v ) { return Double.isFinite( v ) ? String.format( java.util.Locale.ROOT, "%.4g", v ) : "unbounded"; }

	private static String cell( final double v ) { return Double.isFinite( v ) ? Numbers.format( v ) : "unbounded"; }
}
