package org.nisnonlocal.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.AtomicFiles;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.Numbers;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.Contours;
import org.nisnonlocal.maps.DisplayRange;
import org.nisnonlocal.maps.LineCuts;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.MapOverlay;
import org.nisnonlocal.maps.ModelUnits;
import org.nisnonlocal.render.CurvesPng;
import org.nisnonlocal.render.HeatmapPng;
import org.nisnonlocal.render.PanelsPng;

/**
 * {@code overlay --measured MAP --simulated MAP --out DIR [--cuts-vdet a,b,c] [--levels N] [--delta0 EV --ginj S --gdet S --r-xi OHM]}:
 * the simulation brought onto the measured grid and units ({@link MapOverlay}), then
 * <ul>
 * <li>{@code residual.csv}: measured − simulated, long format, NaN where either is missing;</li>
 * <li>{@code simulated_on_grid.csv}: the converted, resampled simulation;</li>
 * <li>{@code cuts.csv} ({@code Vdet,Vinj,measured,simulated}) and {@code cuts.png}: rows of the measured map at the
 * given V_det (interpolated between rows) beside the simulation at the same points; default five grid rows evenly
 * spread;</li>
 * <li>{@code overlay.png}: the measured heatmap with the simulation's iso-lines (N levels, default 8, symmetric about
 * zero on the shared range; dashed below zero);</li>
 * <li>{@code side_by_side.png}: measured, simulated and residual with one zero-centred diverging range.</li>
 * </ul>
 * A map without units is taken as in model units ({@link ModelUnits#unitlessAsModelUnits}). What was taken so, the
 * conversions and the number of measured points outside the simulated range (dropped) go to stderr.
 */
final class OverlayVerb implements Subcommand
{
	@Override
	public String name() { return "overlay"; }

	@Override
	public String summary() { return "compare a simulated map with a measured one: resample onto its grid and units, residual, cuts, contour overlay and side-by-side PNGs"; }

	@Override
	public String usage() { return "--measured MAP --simulated MAP --out DIR [--cuts-vdet a,b,c] [--levels N] [--delta0 EV] [--ginj S] [--gdet S] [--r-xi OHM] " + ImportArgs.USAGE + " (import options apply to both maps; a map without units is taken as in model units, eV/Delta0 and G_inj*G_det*R_xi)"; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path measuredFile = a.input( "measured" ), simulatedFile = a.input( "simulated" ), dir = a.outputFolder( "out" );
		for ( final String name : new String[] { "residual.csv", "simulated_on_grid.csv" } )
			a.alsoWritesMap( "out", dir.resolve( name ) );
		a.alsoWrites( "out", dir.resolve( "cuts.csv" ), dir.resolve( "cuts.png" ), dir.resolve( "overlay.png" ), dir.resolve( "side_by_side.png" ) );
		final double[] cutsAt = a.numbers( "cuts-vdet" );
		final int levels = a.integer( "levels", 8 );
		final MapOverlay.Parameters p = new MapOverlay.Parameters();
		p.delta0eV = a.number( "delta0", Double.NaN );
		p.gInjS = a.number( "ginj", Double.NaN );
		p.gDetS = a.number( "gdet", Double.NaN );
		p.rXiOhm = a.number( "r-xi", Double.NaN );
		final MapImportOptions importOptions = ImportArgs.parse( a );
		a.rejectUnknown();
		if ( levels < 0 || levels > 100 )
			throw new BadInputException( "--levels: expected 0 … 100 iso-lines, got " + levels );
		// a map without units is in model units (eV/Δ0, G_inj·G_det·R_ξ), as for every command that compares with the model
		final List< String > unitless = new ArrayList<>(), notes = new ArrayList<>();
		final ConductanceMap measured = ModelUnits.unitlessAsModelUnits( MapFiles.read( measuredFile, importOptions ).map(), notes );
		for ( final String n : notes )
			unitless.add( "overlay: " + measuredFile + " " + n );
		notes.clear();
		final ConductanceMap simulated = ModelUnits.unitlessAsModelUnits( MapFiles.read( simulatedFile, importOptions ).map(), notes );
		for ( final String n : notes )
			unitless.add( "overlay: " + simulatedFile + " " + n );

		final MapOverlay o = MapOverlay.of( measured, simulated, p );
		final ConductanceMap sim = o.simulated(), residual = o.residual();
		final List< LineCuts.Cut > cuts = LineCuts.at( measured, MapAxis.Y, cutsAt != null ? cutsAt : defaultCuts( measured.yAxis() ) );
		MapFiles.write( residual, dir.resolve( "residual.csv" ) );
		MapFiles.write( sim, dir.resolve( "simulated_on_grid.csv" ) );
		writeCuts( o, cuts, dir.resolve( "cuts.csv" ) );
		cutsPng( o, cuts, dir.resolve( "cuts.png" ) );

		final DisplayRange range = o.sharedRange();
		// Levels from the shared range, so an iso-line's level is a colour on the colour bar. The lines are computed on
		// the simulation's own grid (as fine as it was simulated), then placed on the measured pixels.
		final List< Contours.Line > lines = new ArrayList<>();
		for ( final Contours.Line l : Contours.of( o.simulatedConverted(), Contours.symmetricLevels( range.max(), levels ) ) )
			lines.add( l.onGrid( measured.xAxis(), measured.yAxis() ) );
		AtomicFiles.writePng( dir.resolve( "overlay.png" ), HeatmapPng.render( measured, range, "measured " + measured.quantity() + ", simulation iso-lines", lines ) );
		AtomicFiles.writePng( dir.resolve( "side_by_side.png" ), PanelsPng.sideBySide( Arrays.asList(
				HeatmapPng.render( measured, range, "measured " + measured.quantity() ),
				HeatmapPng.render( sim, range, "simulated " + sim.quantity() ),
				HeatmapPng.render( residual, range, "residual (measured − simulated), same range" ) ) ) );
		for ( final String line : unitless ) // after the writes: a failed run prints only its error
			System.err.println( line );
		for ( final String line : o.report() )
			System.err.println( "  " + line );
		System.out.println( "wrote residual.csv, simulated_on_grid.csv, cuts.csv, cuts.png, overlay.png, side_by_side.png to " + dir + " ("
				+ o.comparedCount() + " points compared, " + o.droppedCount() + " dropped)" );
	}

	/** Five grid rows from the bottom to the top (exact, not interpolated); all rows when fewer. */
	private static double[] defaultCuts( final Axis y )
	{
		final int n = Math.min( 5, y.size() );
		final double[] v = new double[ n ];
		for ( int k = 0; k < n; k++ )
			v[ k ] = y.value( n == 1 ? 0 : Math.round( ( double ) k * ( y.size() - 1 ) / ( n - 1 ) ) );
		return v;
	}

	private static void writeCuts( final MapOverlay o, final List< LineCuts.Cut > cuts, final Path file ) throws java.io.IOException
	{
		final Axis x = o.measured().xAxis(), y = o.measured().yAxis();
		AtomicFiles.write( file, os -> {
			final Writer w = new BufferedWriter( new OutputStreamWriter( os, StandardCharsets.UTF_8 ) );
			w.write( y.name() + "," + x.name() + ",measured,simulated\n" );
			for ( final LineCuts.Cut c : cuts )
			{
				final double[] xs = c.positions();
				for ( int i = 0; i < xs.length; i++ )
					w.write( Numbers.formatAxis( c.value() ) + "," + Numbers.formatAxis( xs[ i ] ) + "," + Numbers.format( ( float ) c.value( i ) ) + ","
							+ Numbers.format( ( float ) o.simulatedAt( xs[ i ], c.value() ) ) + "\n" );
			}
			w.flush();
		} );
	}

	private static void cutsPng( final MapOverlay o, final List< LineCuts.Cut > cuts, final Path file ) throws java.io.IOException
	{
		final ConductanceMap m = o.measured();
		final CurvesPng png = new CurvesPng( "cuts: measured and simulated " + m.quantity(), m.xAxis().name() + " (" + m.xAxis().unit() + ")",
				m.quantity() + " (" + m.valueUnit() + ")" );
		for ( final LineCuts.Cut c : cuts )
		{
			final double[] xs = c.positions(), s = new double[ xs.length ];
			for ( int i = 0; i < xs.length; i++ )
				s[ i ] = o.simulatedAt( xs[ i ], c.value() );
			final String at = m.yAxis().name() + " = " + Numbers.formatAxis( c.value() );
			png.add( at + " measured", xs, c.values() );
			png.add( at + " simulated", xs, s );
		}
		AtomicFiles.writePng( file, png.render() );
	}
}
