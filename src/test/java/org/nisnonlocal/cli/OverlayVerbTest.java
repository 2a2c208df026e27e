package org.nisnonlocal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.io.MapFiles;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;
import org.nisnonlocal.maps.ToyNonlocalMap;

/** The {@code overlay} verb through {@link Main#run}: files, headers, row counts, values and exit codes. */
class OverlayVerbTest
{
	@TempDir
	Path dir;

	/** exit code, stdout, stderr (System.err too: verbs report there). */
	private static String[] run( final String... argv )
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final PrintStream savedErr = System.err;
		final int code;
		try
		{
			System.setErr( new PrintStream( err, true ) );
			code = Main.run( argv, new PrintStream( out, true ), System.err );
		}
		finally
		{
			System.setErr( savedErr );
		}
		return new String[] { Integer.toString( code ), out.toString( StandardCharsets.UTF_8 ), err.toString( StandardCharsets.UTF_8 ) };
	}

	private Path write( final ConductanceMap m, final String name ) throws Exception
	{
		final Path p = dir.resolve( name );
		MapFiles.write( m, p );
		return p;
	}

	@Test
	void overlayOfAMapWithItselfWritesZeroResidualAndRowCuts() throws Exception
	{
		final ConductanceMap toy = new ToyNonlocalMap().generate(); // 61 × 41, mV and nS
		final Path m = write( toy, "measured.csv" ), s = write( toy, "simulated.csv" ), out = dir.resolve( "out" );
		final String[] r = run( "overlay", "--measured", m.toString(), "--simulated", s.toString(), "--out", out.toString(), "--cuts-vdet", "-0.4,0.1" );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		assertTrue( r[ 2 ].contains( "0 of 2501 measured points lie outside the simulated range (dropped); 2501 compared" ), r[ 2 ] );

		final List< String > res = Files.readAllLines( out.resolve( "residual.csv" ) );
		assertEquals( "Vinj,Vdet,g", res.get( 0 ) );
		assertEquals( 1 + 61 * 41, res.size() );
		for ( final String line : res.subList( 1, res.size() ) )
			assertEquals( "0", line.substring( line.lastIndexOf( ',' ) + 1 ), line );

		final List< String > cuts = Files.readAllLines( out.resolve( "cuts.csv" ) );
		assertEquals( "Vdet,Vinj,measured,simulated", cuts.get( 0 ) );
		assertEquals( 1 + 2 * 61, cuts.size() );
		final ConductanceMap back = MapFiles.read( m );
		for ( int i = 0; i < 61; i++ )
		{
			final String[] f = cuts.get( 1 + 61 + i ).split( "," ); // second cut: V_det = 0.1 mV = row 25
			assertEquals( 0.1, Double.parseDouble( f[ 0 ] ), 0 );
			assertEquals( back.xAxis().value( i ), Double.parseDouble( f[ 1 ] ), 1e-12 );
			assertEquals( back.get( i, 25 ), Float.parseFloat( f[ 2 ] ), 0f );
			assertEquals( back.get( i, 25 ), Float.parseFloat( f[ 3 ] ), 1e-6f );
		}

		final BufferedImage overlay = ImageIO.read( out.resolve( "overlay.png" ).toFile() );
		final BufferedImage sbs = ImageIO.read( out.resolve( "side_by_side.png" ).toFile() );
		assertEquals( 3 * overlay.getWidth(), sbs.getWidth() ); // measured, simulated, residual: same-size panels
		assertEquals( overlay.getHeight(), sbs.getHeight() );
		assertTrue( Files.size( out.resolve( "cuts.png" ) ) > 0 );
	}

	/** A model map (eV/Δ0, "1") against a measured one (mV, nS), half overlapping in V_inj. */
	@Test
	void modelUnitsAreConvertedAndDroppedPointsReported() throws Exception
	{
		final Axis mx = new Axis( "Vinj", "mV", -0.6, 0.02, 61 ), my = new Axis( "Vdet", "mV", -0.4, 0.02, 41 );
		final ConductanceMap meas = ConductanceMap.fromFunction( mx, my, "g_nl", "nS", MapMetadata.empty().with( MapMetadata.DELTA0_EV, 2e-4 ),
				( i, j ) -> 0.1 * i - 0.05 * j );
		// ε from 0 to 4 in eV/Δ0 = 0 … 0.8 mV with Δ0 = 0.2 meV: measured columns 0 … 0.6 mV (30 … 60) overlap
		final Axis sx = Axis.between( "eps_inj", "eV/Δ0", 0, 4, 41 ), sy = Axis.between( "eps_det", "eV/Δ0", -2.5, 2.5, 51 );
		final ConductanceMap sim = ConductanceMap.fromFunction( sx, sy, "g_model", "1", null, ( i, j ) -> sx.value( i ) );
		final Path out = dir.resolve( "o" );
		final String[] r = run( "overlay", "--measured", write( meas, "m.csv" ).toString(), "--simulated", write( sim, "s.csv" ).toString(),
				"--out", out.toString(), "--ginj", "2e-5", "--gdet", "5e-5", "--r-xi", "100" );
		assertEquals( "0", r[ 0 ], r[ 2 ] );
		assertTrue( r[ 2 ].contains( ( 30 * 41 ) + " of " + 61 * 41 + " measured points lie outside" ), r[ 2 ] );
		final ConductanceMap onGrid = MapFiles.read( out.resolve( "simulated_on_grid.csv" ) );
		assertEquals( "nS", onGrid.valueUnit() );
		// g = ε·G_inj·G_det·R_ξ = ε·1e-7 S = ε·100 nS, ε = V_inj/Δ0: at V_inj = 0.3 mV, ε = 1.5 → 150 nS
		assertEquals( 150f, onGrid.get( 45, 7 ), 1e-4f );
		assertTrue( Float.isNaN( onGrid.get( 29, 7 ) ) );
		final List< String > cuts = Files.readAllLines( out.resolve( "cuts.csv" ) );
		assertEquals( 1 + 5 * 61, cuts.size() ); // default: five grid rows
	}

	@Test
	void badInputExitsTwoNamingTheProblem() throws Exception
	{
		final ConductanceMap toy = new ToyNonlocalMap().generate();
		final Path m = write( toy, "m.csv" ), out = dir.resolve( "o" );
		final String[] missing = run( "overlay", "--measured", m.toString(), "--simulated", dir.resolve( "nope.csv" ).toString(), "--out", out.toString() );
		assertEquals( "2", missing[ 0 ] );
		assertTrue( missing[ 2 ].contains( "nope.csv: no such file" ), missing[ 2 ] );

		final Path normalized = write( toy.relabel( "g_model", "1", null ), "n.csv" );
		final String[] units = run( "overlay", "--measured", m.toString(), "--simulated", normalized.toString(), "--out", out.toString() );
		assertEquals( "2", units[ 0 ] );
		assertTrue( units[ 2 ].contains( "'1'" ) && units[ 2 ].contains( "'nS'" ) && units[ 2 ].contains( "--r-xi" ), units[ 2 ] );

		final Axis field = new Axis( "B", "mT", -10, 1, 21 );
		final Path fieldMap = write( ConductanceMap.fromFunction( toy.xAxis(), field, "g", "nS", null, ( i, j ) -> 1 ), "b.csv" );
		final String[] kinds = run( "overlay", "--measured", m.toString(), "--simulated", fieldMap.toString(), "--out", out.toString() );
		assertEquals( "2", kinds[ 0 ] );
		assertTrue( kinds[ 2 ].contains( "'mT' (field)" ) && kinds[ 2 ].contains( "'mV' (voltage)" ), kinds[ 2 ] );
		assertTrue( !Files.exists( out ), "nothing written on bad input" );
	}
}
