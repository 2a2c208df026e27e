package org.nisnonlocal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapAxis;
import org.nisnonlocal.maps.OffsetCorrection;
import org.nisnonlocal.maps.SupercurrentDecomposition;

/**
 * {@code reproduce --out DIR [--examples DIR]}: the main job. For now it imports the shipped example maps (±I_s),
 * removes their recorded bias offset, decomposes them into g_s, g_a, g_ss, g_sa and writes each as TIFF, CSV and PNG
 * heatmap. The physics issues add the paper's figures here.
 */
final class ReproduceCommand implements Subcommand
{
	@Override
	public String name() { return "reproduce"; }

	@Override
	public String summary() { return "the main job: decompose the example maps; DOS/gap, Fig. 10 and Fig. 13 model sets; TIFF + CSV + PNG under --out"; }

	@Override
	public String usage() { return "--out DIR [--examples DIR (default ./examples)]"; }

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
		final double offsetMv = 0.004; // recorded in the examples' metadata (ToyNonlocalMap offset_mV)
		final ConductanceMap plus = OffsetCorrection.apply( MapFiles.read( plusFile ), MapAxis.X, "given", offsetMv ).map();
		final ConductanceMap minus = OffsetCorrection.apply( MapFiles.read( minusFile ), MapAxis.X, "given", offsetMv ).map();
		write( plus, out, "g_plus" );
		write( minus, out, "g_minus" );
		final SupercurrentDecomposition.Result r = SupercurrentDecomposition.decompose( plus, minus, MapAxis.X, false, false );
		write( r.gs(), out, "g_s" );
		write( r.ga(), out, "g_a" );
		write( r.gss(), out, "g_ss" );
		write( r.gsa(), out, "g_sa" );
		for ( final String line : r.report() )
			System.err.println( "  " + line );
		System.out.println( "reproduce: wrote g_plus, g_minus, g_s, g_a, g_ss, g_sa (.tif, .csv, .png) to " + out );
		ModelFigures.dosAndGap( out.resolve( "dos_gap" ) );
		ModelFigures.fig10( out.resolve( "fig10" ) );
		ModelFigures.fig13( out.resolve( "fig13" ) );
		ModelFigures.fig11and12( out.resolve( "fig11_12" ), System.err );
		System.out.println( "reproduce: wrote the DOS/gap set, the Fig. 10 model curves, Figs. 11-12 and Fig. 13 to " + out + "/{dos_gap,fig10,fig11_12,fig13}" );
	}

	private static void write( final ConductanceMap m, final Path dir, final String name ) throws Exception
	{
		MapFiles.write( m, dir.resolve( name + ".tif" ) );
		MapFiles.write( m, dir.resolve( name + ".csv" ) );
		MapFiles.write( m, dir.resolve( name + ".png" ) );
	}
}
