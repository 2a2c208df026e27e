package org.nisnonlocal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.math.BigDecimal;
import java.math.MathContext;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.OffsetCorrection;
import org.nisnonlocal.maps.SupercurrentDecomposition;

/**
 * {@code reproduce --out DIR [--examples DIR]}: the main job. It imports the shipped example maps (±I_s), removes the
 * bias offset recorded in their history, decomposes them into g_s, g_a, g_ss, g_sa and writes each as TIFF, CSV and
 * PNG heatmap; then the model sets: DOS and gap, Fig. 10, Fig. 13 and Figs. 11-12. A summary line per part on stdout;
 * the report (with a heading per part) and progress on stderr.
 */
final class ReproduceVerb implements Subcommand
{
	/** The token of the example maps' history that records their bias offset along V_inj. */
	static final String RECORDED_OFFSET = "offset_mV=";

	@Override
	public String name() { return "reproduce"; }

	@Override
	public String summary() { return "the main job: decompose the example maps; DOS/gap, Fig. 10, Figs. 11-12 and Fig. 13 model sets; TIFF + CSV + PNG under --out"; }

	@Override
	public String usage()
	{
		return "--out DIR [--examples DIR (default ./examples)]\n"
				+ "writes, under DIR:\n"
				+ "  g_plus, g_minus            the example maps at ±I_s (example_Is+10uA.csv, example_Is-10uA.csv), recorded bias offset removed\n"
				+ "  g_s, g_a, g_ss, g_sa       their decomposition (paper Eqs. 16-19); each map as .tif, .csv and .png\n"
				+ "  dos_gap/                   dos.csv/.png (N(eps), zeta = 0, 0.1, 0.2), gap.csv/.png (Delta(T))\n"
				+ "  fig10/                     g_ss_model.csv/.png (charge imbalance, Gamma = 1.53e-3, four phase gradients)\n"
				+ "  fig11_12/                  Figs. 11-12 (energy mode, paper parameters; the longest part):\n"
				+ "                               fig11a_delta.csv/.png  self-consistent Delta(V_inj), elastic and gamma_ee = 2e-4\n"
				+ "                               fig11b_fL.csv/.png     f_L(eps, x = 0) at eV_inj = 1 ... 5 (plot: 2 ... 5, arrows at 3 Delta)\n"
				+ "                               fig11b_occupation.png  the same as the occupation (1 - f_L)/2 (not a figure of the paper)\n"
				+ "                               fig12b_g_sa.tif/.csv/.png  the g_sa map\n"
				+ "  fig13/                     g_a.csv/.png and g_a_from_maps.csv (I_s = 5, 10, 15 uA), g_a_map_Is=15.0uA.tif/.png";
	}

	@Override
	public void run( final Args a ) throws Exception
	{
		final Path out = a.outputFolder( "out" );
		final Path examples = Paths.get( a.string( "examples", "examples" ) );
		a.rejectUnknown();
		final Path plusFile = examples.resolve( "example_Is+10uA.csv" ), minusFile = examples.resolve( "example_Is-10uA.csv" );
		if ( !Files.isRegularFile( plusFile ) || !Files.isRegularFile( minusFile ) )
			throw new BadInputException( examples.toAbsolutePath() + ": the example maps are not there (run from the project folder or give --examples)" );
		a.inputAt( plusFile, "examples" );
		a.inputAt( minusFile, "examples" );
		final ConductanceMap plusRaw = MapFiles.read( plusFile ), minusRaw = MapFiles.read( minusFile );
		final double offsetMv = recordedOffsetMv( plusRaw, plusFile );
		if ( recordedOffsetMv( minusRaw, minusFile ) != offsetMv )
			throw new BadInputException( minusFile + ": its recorded bias offset differs from " + plusFile + "'s" );
		System.err.println( "reproduce 1/5: the example ±I_s pair (" + plusFile + ", " + minusFile + ")" );
		final String offset = ( offsetMv >= 0 ? "+" : "" ) + plain( offsetMv * 1e3 ) + " µV (" + plain( offsetMv ) + " mV)";
		System.err.println( "  bias offset removed from V_inj: " + offset + ", as recorded in the maps' history (" + RECORDED_OFFSET + ")" );
		final ConductanceMap plus = OffsetCorrection.apply( plusRaw, MapAxis.X, "given", offsetMv ).map();
		final ConductanceMap minus = OffsetCorrection.apply( minusRaw, MapAxis.X, "given", offsetMv ).map();
		write( plus, out, "g_plus" );
		write( minus, out, "g_minus" );
		final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( plus, minus, MapAxis.X, false, false );
		write( r.gs(), out, "g_s" );
		write( r.ga(), out, "g_a" );
		write( r.gss(), out, "g_ss" );
		write( r.gsa(), out, "g_sa" );
		for ( final String line : r.report() )
			System.err.println( "  " + line );
		System.out.println( "reproduce: bias offset removed from V_inj: " + offset );
		System.out.println( "reproduce: wrote g_plus, g_minus, g_s, g_a, g_ss, g_sa (.tif, .csv, .png) to " + out );
		System.err.println( "reproduce 2/5: DOS and equilibrium gap (dos_gap/)" );
		ModelFigures.dosAndGap( out.resolve( "dos_gap" ) );
		System.err.println( "reproduce 3/5: Fig. 10 model curves (fig10/)" );
		ModelFigures.fig10( out.resolve( "fig10" ) );
		System.err.println( "reproduce 4/5: Fig. 13, g_a under supercurrent (fig13/)" );
		ModelFigures.fig13( out.resolve( "fig13" ) );
		System.err.println( "reproduce 5/5: Figs. 11-12, energy mode with the paper's parameters (fig11_12/; the longest part)" );
		ModelFigures.fig11and12( out.resolve( "fig11_12" ), System.err );
		System.out.println( "reproduce: wrote the DOS/gap set, the Fig. 10 model curves, Figs. 11-12 and Fig. 13 to " + out + "/{dos_gap,fig10,fig11_12,fig13}" );
	}

	/** The offset (mV) recorded as {@value #RECORDED_OFFSET} in the map's history (the example maps' generator writes it). */
	static double recordedOffsetMv( final ConductanceMap m, final Path file )
	{
		for ( final String h : m.metadata().history() )
			for ( final String token : h.split( "\\s+" ) )
				if ( token.startsWith( RECORDED_OFFSET ) )
				{
					try
					{
						final double v = Double.parseDouble( token.substring( RECORDED_OFFSET.length() ) );
						if ( Double.isFinite( v ) )
							return v;
					}
					catch ( final NumberFormatException e )
					{
						// reported below, with the token
					}
					throw new BadInputException( file + ": recorded bias offset '" + token + "' is not a number" );
				}
		throw new BadInputException( file + ": no recorded bias offset (" + RECORDED_OFFSET + " in its history); reproduce runs on the shipped example maps" );
	}

	/** Six significant digits without trailing zeros: 4 → "4", 0.004 → "0.004". */
	private static String plain( final double v )
	{
		return new BigDecimal( v ).round( new MathContext( 6 ) ).stripTrailingZeros().toPlainString();
	}

	private static void write( final ConductanceMap m, final Path dir, final String name ) throws Exception
	{
		MapFiles.write( m, dir.resolve( name + ".tif" ) );
		MapFiles.write( m, dir.resolve( name + ".csv" ) );
		MapFiles.write( m, dir.resolve( name + ".png" ) );
	}
}
