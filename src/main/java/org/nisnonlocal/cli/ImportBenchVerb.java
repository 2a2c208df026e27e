package org.nisnonlocal.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.io.MapImportOptions;
import org.nisnonlocal.io.NanonisGrid;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * {@code bench-import}: wall-clock medians of Import Map on measurement files, each read from scratch (open, parse,
 * grid, map): QCoDeS databases of a 4,000-point 2D run and a 201 × 201 run, a 201 × 201 GNUPlot .dat (all written
 * to a temporary folder first), and with {@code --formats DIR} the public files of shared/data/formats.
 */
final class ImportBenchVerb implements Subcommand
{
	@Override
	public String name() { return "bench-import"; }

	@Override
	public String summary() { return "measure Import Map on QCoDeS databases (4,000 points; 201 × 201), GNUPlot .dat and the shared format files"; }

	@Override
	public String usage() { return "[--runs 7] [--warmup 3] [--formats DIR (default ../shared/data/formats when present)]"; }

	@Override
	public void run( final Args a ) throws Exception
	{
		final int runs = a.integer( "runs", 7 );
		final int warmup = a.integer( "warmup", 3 );
		final String formats = a.string( "formats", null );
		a.rejectUnknown();
		if ( runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000 )
			throw new BadInputException( "--runs must be in 1..1000 and --warmup in 0..1000" );
		final PrintStream out = System.out;
		final Path tmp = Files.createTempDirectory( "nis-bench-import" );
		try
		{
			final Path db4000 = tmp.resolve( "run_80x50.db" ), db201 = tmp.resolve( "run_201x201.db" ), dat201 = tmp.resolve( "loop_201x201.dat" );
			SyntheticQcodesDatabase.write( map( 80, 50 ), db4000 );
			SyntheticQcodesDatabase.write( map( 201, 201 ), db201 );
			gnuplot( map( 201, 201 ), dat201 );
			out.printf( "%-62s %12s %12s%n", "case", "median_ms", "min_ms" );
			time( out, runs, warmup, "QCoDeS .db, 2D run of 80 x 50 = 4000 points", db4000 );
			time( out, runs, warmup, "QCoDeS .db, 2D run of 201 x 201 = 40401 points", db201 );
			time( out, runs, warmup, "legacy QCoDeS GNUPlot .dat, 201 x 201", dat201 );
			final Path dir = formats != null ? Paths.get( formats ) : Paths.get( "../shared/data/formats" );
			if ( Files.isDirectory( dir ) )
			{
				timeIf( out, runs, warmup, "legacy QCoDeS HDF5 (shared), 928 x 60", dir.resolve( "QuTech-Delft_qtt/charge_stability_diagram_anti_crossing.hdf5" ) );
				timeIf( out, runs, warmup, "Labber log HDF5 (shared), 101 x 50", dir.resolve( "qipe-nlab_Labber-PSICT/Spectrum.hdf5" ) );
				timeIf( out, runs, warmup, "QCoDeS .db (shared), ragged run 8, 4200 points", dir.resolve( "microsoft_Qcodes/tutorial_doND.db" ) );
				final Path grid = dir.resolve( "alexriss_SpmGrids.jl/Grid Spectroscopy002.3ds" );
				if ( Files.isRegularFile( grid ) )
					report( out, "Nanonis grid .3ds (shared), 20 x 20 x 128 x 10 channels", Timing.medianAndMin( runs, warmup, () -> new double[] { NanonisGrid.read( grid ).value( 0, 0, 0, 0 ) } ) );
			}
			else
				out.println( "(no " + dir + ": shared format files not timed)" );
			out.printf( "(%d runs after %d warm-up runs; %d processors visible)%n", runs, warmup, Runtime.getRuntime().availableProcessors() );
		}
		finally
		{
			try (Stream< Path > s = Files.walk( tmp ))
			{
				final List< Path > all = new ArrayList<>();
				s.forEach( all::add );
				all.sort( Comparator.reverseOrder() );
				for ( final Path p : all )
					Files.deleteIfExists( p );
			}
		}
	}

	private static ConductanceMap map( final int nx, final int ny )
	{
		final Axis x = Axis.between( "Vinj", "mV", -1, 1, nx ), y = Axis.between( "Vdet", "mV", -0.5, 0.5, ny );
		return ConductanceMap.fromFunction( x, y, "g_nl", "nS", MapMetadata.empty(), ( i, j ) -> Math.exp( -x.value( i ) * x.value( i ) ) * Math.cos( 3 * y.value( j ) ) + 1e-3 * i );
	}

	private static void gnuplot( final ConductanceMap m, final Path file ) throws java.io.IOException
	{
		final StringBuilder b = new StringBuilder( "# v_det\tv_inj\tg_nl\n# \"V_det (mV)\"\t\"V_inj (mV)\"\t\"g_nl (nS)\"\n# " + m.height() + "\t" + m.width() + "\n" );
		for ( int j = m.height() - 1; j >= 0; j-- )
		{
			for ( int i = 0; i < m.width(); i++ )
				b.append( m.yAxis().value( j ) ).append( '\t' ).append( m.xAxis().value( i ) ).append( '\t' ).append( m.get( i, j ) ).append( '\n' );
			b.append( '\n' );
		}
		Files.write( file, b.toString().getBytes( StandardCharsets.UTF_8 ) );
	}

	private static void timeIf( final PrintStream out, final int runs, final int warmup, final String label, final Path file )
	{
		if ( Files.isRegularFile( file ) )
			time( out, runs, warmup, label, file );
	}

	private static void time( final PrintStream out, final int runs, final int warmup, final String label, final Path file )
	{
		report( out, label, Timing.medianAndMin( runs, warmup, () -> new double[] { MapFiles.read( file, new MapImportOptions() ).map().validCount() } ) );
	}

	private static void report( final PrintStream out, final String label, final double[] t )
	{
		out.printf( "%-62s %12.2f %12.2f%n", label, t[ 0 ], t[ 1 ] );
		out.flush();
	}
}
