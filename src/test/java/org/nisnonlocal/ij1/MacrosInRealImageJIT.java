package org.nisnonlocal.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nisnonlocal.io.TiffMapIO;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.ToyNonlocalMap;

/**
 * Runs every example macro in {@code macros/} in real ImageJ 1.54p (batch mode, under Xvfb) and checks the images it
 * saved: size, calibration and values.
 */
@Tag( "imagej" )
class MacrosInRealImageJIT
{
	private static RealImageJ ij;
	private static Path out;

	@BeforeAll
	static void start() throws Exception
	{
		ij = new RealImageJ();
		out = ij.target.resolve( "macro-out" );
		Files.createDirectories( out );
	}

	@AfterAll
	static void stop()
	{
		if ( ij != null )
			ij.close();
	}

	private static String run( final String macro ) throws Exception
	{
		final String log = ij.runMacro( ij.project.resolve( "macros" ).resolve( macro ), out.toString(), 120 );
		assertTrue( log.contains( "MACRO DONE" ), macro + " did not finish: " + log );
		return log;
	}

	@Test
	void exampleMapIsCalibratedAndRoundTrips() throws Exception
	{
		final String log = run( "example_map.ijm" );
		assertTrue( log.contains( "example map: 61x41 unit=mV pw=0.02 ph=0.02" ), log );
		final ConductanceMap saved = TiffMapIO.read( out.resolve( "example_Is+10uA.tif" ) );
		final ConductanceMap expected = new ToyNonlocalMap().generate();
		assertEquals( expected.xAxis(), saved.xAxis() );
		assertEquals( expected.yAxis(), saved.yAxis() );
		assertEquals( "nS", saved.valueUnit() );
		for ( int j = 0; j < 41; j++ )
			for ( int i = 0; i < 61; i++ )
				assertEquals( expected.get( i, j ), saved.get( i, j ), 0f );
		assertTrue( Files.size( out.resolve( "example_Is+10uA.png" ) ) > 1000 );
	}

	@Test
	void supercurrentPairIsDecomposedIntoExactParts() throws Exception
	{
		final String log = run( "decompose_pair.ijm" );
		final ConductanceMap gs = TiffMapIO.read( out.resolve( "pair_g_s.tif" ) );
		final ConductanceMap ga = TiffMapIO.read( out.resolve( "pair_g_a.tif" ) );
		final ConductanceMap gss = TiffMapIO.read( out.resolve( "pair_g_ss.tif" ) );
		final ConductanceMap gsa = TiffMapIO.read( out.resolve( "pair_g_sa.tif" ) );
		final ToyNonlocalMap toy = new ToyNonlocalMap();
		final ConductanceMap plus = toy.generate();
		toy.supercurrentUa = -10;
		toy.seed = 2;
		final ConductanceMap minus = toy.generate();
		assertEquals( 61, gs.width() );
		assertTrue( log.contains( "g_sa: 61x41" ), log ); // the example grid is symmetric: the overlap is all of it
		for ( int j = 0; j < 41; j++ )
			for ( int i = 0; i < 61; i++ )
			{
				assertEquals( 0.5 * ( plus.get( i, j ) + minus.get( i, j ) ), gs.get( i, j ), 1e-6 );
				assertEquals( 0.5 * ( plus.get( i, j ) - minus.get( i, j ) ), ga.get( i, j ), 1e-6 );
				assertEquals( gs.get( i, j ), gss.get( i, j ) + gsa.get( i, j ), 1e-6 );
				assertEquals( gsa.get( i, j ), -gsa.get( 60 - i, j ), 0 );
			}
		assertEquals( "g_a", ga.quantity() );
		assertEquals( "mV", gsa.xAxis().unit() );
	}

	@Test
	void folderOfMapsIsImportedAndDecomposed() throws Exception
	{
		// a folder of maps: the two ±10 µA example maps with their sidecars (examples/ also holds a spectrum)
		final Path examples = out.resolve( "folder_in" );
		Files.createDirectories( examples );
		for ( final String f : new String[] { "example_Is+10uA.csv", "example_Is+10uA.csv.meta", "example_Is-10uA.csv", "example_Is-10uA.csv.meta" } )
			Files.copy( ij.project.resolve( "examples" ).resolve( f ), examples.resolve( f ), java.nio.file.StandardCopyOption.REPLACE_EXISTING );
		final Path folderOut = out.resolve( "folder" );
		Files.createDirectories( folderOut );
		final String log = ij.runMacro( ij.project.resolve( "macros/decompose_folder.ijm" ), "in=" + examples + " out=" + folderOut, 120 );
		assertTrue( log.contains( "decomposed 2 maps" ) && log.contains( "MACRO DONE" ), log );
		final ConductanceMap input = org.nisnonlocal.io.MapFiles.read( examples.resolve( "example_Is+10uA.csv" ) );
		final ConductanceMap gss = TiffMapIO.read( folderOut.resolve( "example_Is+10uA_g_ss.tif" ) );
		final ConductanceMap gsa = org.nisnonlocal.io.MapFiles.read( folderOut.resolve( "example_Is+10uA_g_sa.csv" ) );
		assertEquals( "g_sa", gsa.quantity() );
		for ( int j = 0; j < 41; j++ )
			for ( int i = 0; i < 61; i++ )
			{
				assertEquals( 0.5 * ( input.get( i, j ) + input.get( 60 - i, j ) ), gss.get( i, j ), 1e-6 );
				assertEquals( 0.5 * ( input.get( i, j ) - input.get( 60 - i, j ) ), gsa.get( i, j ), 1e-6 );
			}
	}

	@Test
	void qcodesRunIsImportedAndDecomposed() throws Exception
	{
		// a QCoDeS database of the example map (outer loop V_det swept downward, as a do2d would), written here
		final Path dir = out.resolve( "qcodes" );
		Files.createDirectories( dir );
		final Path db = dir.resolve( "nonlocal.db" );
		Files.deleteIfExists( db );
		final ConductanceMap example = org.nisnonlocal.io.MapFiles.read( ij.project.resolve( "examples/example_Is+10uA.csv" ) );
		org.nisnonlocal.cli.SyntheticQcodesDatabase.write( example, db );
		final java.util.Set< String > before = new java.util.TreeSet<>( org.nisnonlocal.FolderSnapshot.of( dir ).keySet() );
		final String log = ij.runMacro( ij.project.resolve( "macros/import_qcodes.ijm" ), "in=" + db + " run=1 out=" + dir, 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		assertTrue( log.contains( "imported qcodes_run_id=1: 61x41 unit=mV pw=0.02 ph=0.02" ), log );
		final ConductanceMap imported = TiffMapIO.read( dir.resolve( "qcodes_map.tif" ) );
		final ConductanceMap gsa = TiffMapIO.read( dir.resolve( "qcodes_g_sa.tif" ) );
		assertEquals( example.xAxis().min(), imported.xAxis().min(), 1e-9 );
		assertEquals( "Vinj", imported.xAxis().name() );
		assertEquals( "nS", imported.valueUnit() );
		assertEquals( "1.0E-5 V", imported.metadata().get( "lockin_amplitude" ) );
		assertEquals( 0.05, imported.metadata().number( "temperature_K" ), 0 );
		for ( int j = 0; j < 41; j++ )
			for ( int i = 0; i < 61; i++ )
			{
				assertEquals( example.get( i, j ), imported.get( i, j ), 0f );
				assertEquals( 0.5 * ( example.get( i, j ) - example.get( 60 - i, j ) ), gsa.get( i, j ), 1e-6 );
			}
		// nothing written next to the database but what the macro saved
		final java.util.List< String > saved = java.util.Arrays.asList( "qcodes_map.tif", "qcodes_g_ss.tif", "qcodes_g_sa.tif" );
		final java.util.Set< String > after = new java.util.TreeSet<>( org.nisnonlocal.FolderSnapshot.of( dir ).keySet() );
		after.removeAll( saved );
		before.removeAll( saved ); // left by an earlier run
		assertEquals( before, after );

		// the public tutorial database (shared data; the rest is skipped with a notice when absent): ragged run 8, not decomposable
		final Path tutorial = org.nisnonlocal.SharedData.formats( "microsoft_Qcodes/tutorial_doND.db" );
		final Path tdir = out.resolve( "qcodes_tutorial" );
		Files.createDirectories( tdir );
		final String tlog = ij.runMacro( ij.project.resolve( "macros/import_qcodes.ijm" ), "in=" + tutorial + " run=8 out=" + tdir, 120 );
		assertTrue( tlog.contains( "MACRO DONE" ) && tlog.contains( "imported qcodes_run_id=8: 1200x6 unit=s pw=0.001" ) && tlog.contains( "not decomposed" ), tlog );
		final ConductanceMap run8 = TiffMapIO.read( tdir.resolve( "qcodes_map.tif" ) );
		assertEquals( 4200, run8.validCount() );
		assertEquals( 0.11750919442124211, run8.get( 0, 0 ), 1e-7 ); // sqlite3: first row of results-1-8
	}

	@Test
	void mapIsOffsetCorrectedNormalizedAndSaved() throws Exception
	{
		final Path example = ij.project.resolve( "examples/example_Is+10uA.csv" );
		final Path normOut = out.resolve( "normalized" );
		Files.createDirectories( normOut );
		final String log = ij.runMacro( ij.project.resolve( "macros/normalize_and_save.ijm" ), "in=" + example + " out=" + normOut, 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final ConductanceMap n = TiffMapIO.read( normOut.resolve( "normalized.tif" ) );
		final ConductanceMap raw = org.nisnonlocal.io.MapFiles.read( example );
		assertEquals( "\u03A9", n.valueUnit() );
		assertEquals( "eV/\u03940", n.xAxis().unit() );
		// values: nS / (24.6 µS · 20 µS), pixels unchanged in position
		final double f = 1e-9 / ( 24.6e-6 * 20e-6 );
		assertEquals( raw.get( 10, 5 ) * f, n.get( 10, 5 ), 1e-6 * Math.abs( raw.get( 10, 5 ) * f ) );
		// bias: the example's +4 µV offset removed; step 0.02 mV / 0.265 meV
		assertEquals( 0.02 / 0.265, n.xAxis().step(), 1e-12 );
		final double offsetMv = n.metadata().number( org.nisnonlocal.maps.MapMetadata.BIAS_OFFSET ) * 1e3;
		assertEquals( 0.004, offsetMv, 1e-12, "offset in mV" );
		assertEquals( ( -0.6 - offsetMv ) / 0.265, n.xAxis().min(), 1e-9 );
		assertTrue( Files.size( normOut.resolve( "normalized.png" ) ) > 500 );
	}

	@Test
	void realNisSpectrumIsFittedFromAMacro() throws Exception
	{
		final Path spectrum = org.nisnonlocal.SharedData.real( "stmtools_GrRe_NIS/BiasSpectroscopyNIS.dat" );
		final Path fitOut = out.resolve( "fit" );
		Files.createDirectories( fitOut );
		final String log = ij.runMacro( ij.project.resolve( "macros/fit_spectrum.ijm" ), "in=" + spectrum + " out=" + fitOut, 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final java.util.Map< String, String[] > rows = new java.util.HashMap<>();
		for ( final String line : Files.readAllLines( fitOut.resolve( "dynes_parameters.csv" ) ) )
		{
			final String[] c = line.split( "," );
			rows.put( c[ 0 ], c );
		}
		// published analysis of this spectrum (shared/data/real/README.md): Δ ≈ 0.3366 meV, T ≈ 0.21 K, V0 ≈ +0.054 mV
		assertEquals( 3.366e-4, Double.parseDouble( rows.get( "Delta" )[ 1 ] ), 0.02 * 3.366e-4 );
		assertEquals( 0.214, Double.parseDouble( rows.get( "T_e" )[ 1 ] ), 0.02 );
		assertEquals( 5.35e-5, Double.parseDouble( rows.get( "V0" )[ 1 ] ), 0.5e-5 );
		assertTrue( Files.size( fitOut.resolve( "dynes_fit.png" ) ) > 2000 );
		assertTrue( Files.size( fitOut.resolve( "spectrum.png" ) ) > 2000 );
	}

	@Test
	void mapToolsKeepCalibrationAndGiveTheirDefiningNumbers() throws Exception
	{
		final Path examples = ij.project.resolve( "examples" );
		final Path toolsOut = out.resolve( "tools" );
		Files.createDirectories( toolsOut );
		final String log = ij.runMacro( ij.project.resolve( "macros/map_tools.ijm" ), "in=" + examples + " out=" + toolsOut, 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final ConductanceMap plus = org.nisnonlocal.io.MapFiles.read( examples.resolve( "example_Is+10uA.csv" ) );
		final ConductanceMap minus = org.nisnonlocal.io.MapFiles.read( examples.resolve( "example_Is-10uA.csv" ) );
		// crop: same values at the same bias
		final ConductanceMap crop = TiffMapIO.read( toolsOut.resolve( "tools_crop.tif" ) );
		assertEquals( 0.0, crop.xAxis().min(), 1e-12 );
		assertEquals( 0.5, crop.xAxis().max(), 1e-12 );
		assertEquals( -0.1, crop.yAxis().min(), 1e-12 );
		assertEquals( plus.get( 30 + 3, 15 + 2 ), crop.get( 3, 2 ), 0f );
		// derivative: unit nS/mV, and a value near a Savitzky-Golay estimate of the same points
		final ConductanceMap d = TiffMapIO.read( toolsOut.resolve( "tools_derivative.tif" ) );
		assertEquals( "nS/mV", d.valueUnit() );
		// background: corrected + background = input
		final ConductanceMap c = TiffMapIO.read( toolsOut.resolve( "tools_corrected.tif" ) ), b = TiffMapIO.read( toolsOut.resolve( "tools_background.tif" ) );
		for ( int k = 0; k < plus.data().length; k++ )
			assertEquals( plus.data()[ k ], c.data()[ k ] + b.data()[ k ], 1e-6 );
		// average: the mean and standard error of two maps, point by point
		final ConductanceMap mean = TiffMapIO.read( toolsOut.resolve( "tools_mean.tif" ) ), err = TiffMapIO.read( toolsOut.resolve( "tools_error.tif" ) );
		for ( int k = 0; k < plus.data().length; k++ )
		{
			assertEquals( 0.5 * ( plus.data()[ k ] + minus.data()[ k ] ), mean.data()[ k ], 1e-6 );
			assertEquals( 0.5 * Math.abs( plus.data()[ k ] - minus.data()[ k ] ), err.data()[ k ], 1e-5 );
		}
		// cuts: 5 cuts of 61 points; the cut at Vdet = 0 is row 20 exactly
		final java.util.List< String > cuts = Files.readAllLines( toolsOut.resolve( "tools_cuts.csv" ) );
		assertEquals( 1 + 5 * 61, cuts.size() );
		final String[] row = cuts.get( 1 + 2 * 61 + 7 ).split( "," );
		assertEquals( 0.0, Double.parseDouble( row[ 0 ] ), 0 );
		assertEquals( plus.get( 7, 20 ), Double.parseDouble( row[ 2 ] ), 1e-6 );
		assertTrue( log.contains( "display range -" ), log );
		// Symmetric Display's figure: the 61 × 41 map at 7 × 9 screen pixels per point with the colour bar beside it
		// (HeatmapPng's layout: 80 + 61·7 + 130 by 36 + 41·9 + 56), not ImageJ's bar drawn over the data
		final java.awt.image.BufferedImage display = javax.imageio.ImageIO.read( toolsOut.resolve( "tools_display.png" ).toFile() );
		assertEquals( 637, display.getWidth() );
		assertEquals( 461, display.getHeight() );
	}

	private static java.util.Map< String, double[] > columns( final Path csv ) throws java.io.IOException
	{
		final java.util.List< String > lines = Files.readAllLines( csv );
		final String[] head = lines.get( 0 ).split( "," );
		final java.util.Map< String, double[] > cols = new java.util.LinkedHashMap<>();
		for ( int c = 0; c < head.length; c++ )
		{
			final double[] v = new double[ lines.size() - 1 ];
			for ( int r = 1; r < lines.size(); r++ )
			{
				final String cell = lines.get( r ).split( "," )[ c ];
				v[ r - 1 ] = cell.matches( "[-+0-9.eE]+" ) ? Double.parseDouble( cell ) : Double.NaN;
			}
			cols.put( head[ c ], v );
		}
		return cols;
	}

	@Test
	void modelCurvesFromTheMenuMatchClosedForms() throws Exception
	{
		final Path modelOut = out.resolve( "model" );
		Files.createDirectories( modelOut );
		final String log = ij.runMacro( ij.project.resolve( "macros/model_curves.ijm" ), modelOut.toString(), 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final java.util.List< String > device = Files.readAllLines( modelOut.resolve( "device.csv" ) );
		assertTrue( device.get( 1 ).startsWith( "xi," ), device.get( 1 ) );
		assertEquals( 64.8e-9, Double.parseDouble( device.get( 1 ).split( "," )[ 1 ] ), 0.1e-9 ); // Table 1: ξ ≈ 65 nm
		final java.util.Map< String, double[] > dos = columns( modelOut.resolve( "dos.csv" ) );
		final int i2 = 5000; // ε = 2 on −3 … 3 step 1e-3; with ζ = 0.1 the gap edge is at the AG value, N(2) near BCS
		assertEquals( 2.0, dos.get( "eps" )[ i2 ], 1e-9 );
		assertTrue( dos.get( "N" )[ i2 ] > 1.1 && dos.get( "N" )[ i2 ] < 1.2, "N(2) = " + dos.get( "N" )[ i2 ] );
		final java.util.Map< String, double[] > gap = columns( modelOut.resolve( "gap.csv" ) );
		assertEquals( 1.0, gap.get( "delta" )[ 0 ], 1e-6 );
		final java.util.Map< String, double[] > ci = columns( modelOut.resolve( "charge_imbalance.csv" ) );
		final int at1 = 400, at15 = 450; // eV = 1 and 1.5 on −3 … 3 step 0.01
		assertEquals( 1.0, ci.get( "eV_inj" )[ at1 ], 1e-9 );
		assertTrue( ci.get( "g_nl" )[ at1 ] > 0.3 && ci.get( "g_nl" )[ at1 ] < 3, "order 1 at eV = Δ0: " + ci.get( "g_nl" )[ at1 ] );
		assertTrue( ci.get( "g_nl" )[ at15 ] > 3 && ci.get( "g_nl" )[ at15 ] < 30, "order 10 at 1.5 Δ0: " + ci.get( "g_nl" )[ at15 ] );
		assertEquals( ci.get( "g_nl" )[ at15 ], ci.get( "g_nl" )[ 600 - at15 ], 1e-9 * ci.get( "g_nl" )[ at15 ] ); // even in V_inj
		final java.util.Map< String, double[] > sc = columns( modelOut.resolve( "supercurrent.csv" ) );
		final double[] ga10 = sc.get( "g_a_Is_uA=10.0" ), gs10 = sc.get( "g_s_Is_uA=10.0" );
		assertEquals( 401, ga10.length );
		for ( int i = 0; i < 401; i++ )
		{
			assertEquals( -ga10[ 400 - i ], ga10[ i ], 1e-9 * Math.abs( ga10[ i ] ) + 1e-15 ); // g_a odd in V_inj
			assertEquals( gs10[ 400 - i ], gs10[ i ], 1e-9 * Math.abs( gs10[ i ] ) + 1e-15 ); // g_s even
		}
		assertTrue( ga10[ 300 ] > 0, "g_a > 0 at eV = Δ0 for I_s > 0: " + ga10[ 300 ] );
		// DOS under supercurrent: the I_s = 0 row is the Dynes DOS; with current the gap edge moves down (depairing)
		final ConductanceMap dosMap = TiffMapIO.read( modelOut.resolve( "dos_supercurrent.tif" ) );
		final int row0 = dosMap.yAxis().nearestIndex( 0 ), rowMax = dosMap.height() - 1;
		final int at2 = dosMap.xAxis().nearestIndex( 2.0 ), at095 = dosMap.xAxis().nearestIndex( 0.95 );
		assertEquals( org.nisnonlocal.physics.DynesDos.n( 2.0, 1, 1.53e-3 ), dosMap.get( at2, row0 ), 1e-5 );
		assertEquals( org.nisnonlocal.physics.DynesDos.n( 0.95, 1, 1.53e-3 ), dosMap.get( at095, row0 ), 1e-5 );
		// energy mode from the menu equals the runner's numbers (same solver, same defaults)
		final java.util.Map< String, double[] > em = columns( modelOut.resolve( "energy_mode_delta.csv" ) );
		assertEquals( 51, em.get( "delta" ).length );
		// (the macro simulates on the converged grid δε = 1/160, the menu's default, not the paper's 1/40)
		final org.nisnonlocal.physics.EnergyModeRun refRun = new org.nisnonlocal.physics.EnergyModeRun();
		refRun.de = 0.00625;
		final org.nisnonlocal.physics.EnergyModeResult ref = refRun.run( org.nisnonlocal.io.Numbers.inclusiveGrid( 0, 5, 0.1 ), null );
		for ( int b = 0; b < 51; b++ )
			assertEquals( ref.delta()[ b ], em.get( "delta" )[ b ], 1e-8 );
		final ConductanceMap gsa = TiffMapIO.read( modelOut.resolve( "energy_mode_g_sa.tif" ) );
		assertEquals( 101, gsa.width() );
		assertEquals( -gsa.get( 10, 20 ), gsa.get( 90, 20 ), 1e-6 ); // odd in V_inj
		assertTrue( dosMap.get( at095, rowMax ) > 10 * dosMap.get( at095, row0 ),
				"N(0.95) at I_s = 0: " + dosMap.get( at095, row0 ) + ", at 0.9 I0: " + dosMap.get( at095, rowMax ) );
	}

	@Test
	void fig10FitChainFromTheMenuRecoversItsParameters() throws Exception
	{
		final Path fitOut = out.resolve( "fig10" );
		Files.createDirectories( fitOut );
		// exact (I_s, ∂xφ) pairs from S Eq. 6 with I0 = 29.8 µA
		final org.nisnonlocal.fit.SupercurrentScaleFit rel = new org.nisnonlocal.fit.SupercurrentScaleFit( 1.53e-3, org.nisnonlocal.fit.SupercurrentScaleFit.DEFAULT_T );
		final double[] q = { -0.3, -0.15, 0.1, 0.2, 0.3 };
		final double[] f = rel.relation( q );
		final StringBuilder sb = new StringBuilder( "I_s_uA,phase_gradient,error\n" );
		for ( int i = 0; i < q.length; i++ )
			sb.append( 29.8 * f[ i ] ).append( ',' ).append( q[ i ] ).append( ",0.005\n" );
		final Path pairs = fitOut.resolve( "pairs.csv" );
		Files.write( pairs, sb.toString().getBytes( java.nio.charset.StandardCharsets.UTF_8 ) );
		final String log = ij.runMacro( ij.project.resolve( "macros/fig10_fits.ijm" ), "out=" + fitOut + " pairs=" + pairs, 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final java.util.Map< String, double[] > gamma = columns( fitOut.resolve( "fit_gamma.csv" ) );
		assertEquals( 1.53e-3, gamma.get( "value" )[ 0 ], 1e-3 * 1.53e-3, "Γ from a noise-free model curve, started at 3e-3" );
		final java.util.Map< String, double[] > i0 = columns( fitOut.resolve( "fit_i0.csv" ) );
		assertEquals( 29.8, i0.get( "value" )[ 0 ], 1e-4 );
		assertTrue( Files.size( fitOut.resolve( "fit_i0.png" ) ) > 2000 );
	}

	@Test
	void overlayGivesTheNoiseAsResidualAndDrawsContours() throws Exception
	{
		final Path overlayOut = out.resolve( "overlay" );
		Files.createDirectories( overlayOut );
		final String log = ij.runMacro( ij.project.resolve( "macros/overlay.ijm" ), "in=" + ij.project.resolve( "examples" ) + " out=" + overlayOut, 120 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final ConductanceMap residual = TiffMapIO.read( overlayOut.resolve( "overlay_residual.tif" ) );
		double s2 = 0;
		for ( final float v : residual.data() )
			s2 += v * v;
		final double rms = Math.sqrt( s2 / residual.data().length );
		// measured = noiseless + 0.01 nS Gaussian noise (2501 points): the residual is that noise, rms 0.01 ± 5 %
		assertEquals( 0.01, rms, 0.0005, "rms residual " + rms );
		final java.util.regex.Matcher n = java.util.regex.Pattern.compile( "contour overlay elements: (\\d+)" ).matcher( log );
		assertTrue( n.find() && Integer.parseInt( n.group( 1 ) ) > 4, log );
		assertTrue( Files.size( overlayOut.resolve( "overlay_contours.png" ) ) > 2000 );
	}

	/**
	 * The user's whole path on the synthetic example (Dynes fit → device numbers → offset → model → overlay → γ_ee
	 * fit) recovers the γ_ee the map was made with, within the stated error; the fit residual exists only where fitted.
	 */
	@Test
	void modelIsFittedToTheSyntheticMapFromAMacro() throws Exception
	{
		final Path fitOut = out.resolve( "fit_model" );
		Files.createDirectories( fitOut );
		// one γ_ee fit is ≈ 15 self-consistent sweeps (≈ 1 min on 2 free cores)
		final String log = ij.runMacro( ij.project.resolve( "macros/fit_model_to_map.ijm" ), "in=" + ij.project.resolve( "examples" ) + " out=" + fitOut, 400 );
		assertTrue( log.contains( "MACRO DONE" ), log );
		final java.util.Map< String, double[] > p = columns( fitOut.resolve( "fit_parameters.csv" ) );
		final double g = p.get( "value" )[ 0 ], err = p.get( "error" )[ 0 ];
		assertTrue( Math.abs( g - 2e-4 ) < 2 * err && err < 0.05 * g, "gamma_ee " + g + " ± " + err + "\n" + log );
		final ConductanceMap residual = TiffMapIO.read( fitOut.resolve( "fit_residual.tif" ) );
		assertEquals( "nS", residual.valueUnit() );
		int fitted = 0;
		for ( int j = 0; j < residual.height(); j++ )
			for ( int i = 0; i < residual.width(); i++ )
				if ( !Float.isNaN( residual.get( i, j ) ) )
				{
					fitted++;
					assertTrue( residual.xAxis().value( i ) >= 1.5 * 0.265 - 1e-3, "fitted point at V_inj = " + residual.xAxis().value( i ) + " mV" );
				}
		assertEquals( 1435, fitted );
		for ( final String png : new String[] { "chi2_profile.png", "overlay_contours.png", "dynes_fit.png" } )
			assertTrue( Files.size( fitOut.resolve( png ) ) > 2000, png );
	}
}
