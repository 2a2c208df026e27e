package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nisnonlocal.SharedData;
import org.nisnonlocal.maps.ConductanceMap;

/**
 * HDF5 files nobody here wrote (shared/data/formats: QuTech-Delft_qtt, qipe-nlab_Labber-PSICT) and a netCDF4 file
 * written by xarray (src/test/resources/…/make_netcdf.py). Reference values were read with h5dump (Debian's
 * hdf5-tools), e.g. {@code h5dump -d "/Data Arrays/measured" -s "0,0" -c "3,1" charge_stability_diagram_anti_crossing.hdf5}.
 */
class Hdf5ImportTest
{
	@Test
	void legacyQcodesMapIs928By60WithDescendingP4Ascending()
	{
		final ImportedMap im = MapFiles.read( SharedData.formats( "QuTech-Delft_qtt/charge_stability_diagram_anti_crossing.hdf5" ), new MapImportOptions() );
		final ConductanceMap m = im.map();
		assertEquals( 928, m.width() );
		assertEquals( 60, m.height() );
		assertEquals( "P3", m.xAxis().name() );
		assertEquals( "P4", m.yAxis().name() );
		// h5dump: P4[0] = 2.02983 … P4[59] = -27.4702 (descending in the file); P3[0] = -24.9794, P3[1] = -24.947, P3[927] = 5.0206
		assertEquals( -27.4702, m.yAxis().min(), 1e-4 );
		assertEquals( 2.02983, m.yAxis().max(), 1e-5 );
		assertEquals( 0.5, m.yAxis().step(), 1e-5 );
		assertEquals( -24.9794, m.xAxis().min(), 1e-4 );
		assertEquals( 5.0206, m.xAxis().max(), 1e-4 );
		// the unit is only in the labels "P3 (mV)", "P4 (mV)": taken from there, and the report says it was guessed
		assertEquals( "mV", m.xAxis().unit() );
		assertEquals( "mV", m.yAxis().unit() );
		assertTrue( im.report().stream().anyMatch( l -> l.contains( "guessed from the label \"P4 (mV)\"" ) ), im.report().toString() );
		// h5dump: measured[0] = 3477.44, [1] = 3470.98, [2] = 3478.46 (first P4 row = largest P4 = top of the image), [55679] = 3503.26
		assertEquals( 3477.44, m.get( 0, 59 ), 0.01 );
		assertEquals( 3470.98, m.get( 1, 59 ), 0.01 );
		assertEquals( 3478.46, m.get( 2, 59 ), 0.01 );
		assertEquals( 3503.26, m.get( 927, 0 ), 0.01 );
		assertEquals( 928 * 60, m.validCount() );
	}

	@Test
	void labberLogMapsZPolarizationOverFrequencyAndAmplitude()
	{
		final ConductanceMap m = MapFiles.read( SharedData.formats( "qipe-nlab_Labber-PSICT/Spectrum.hdf5" ), new MapImportOptions() ).map();
		assertEquals( 101, m.width() );
		assertEquals( 50, m.height() );
		assertEquals( "Simulator - Drive frequency", m.xAxis().name() );
		assertEquals( "Hz", m.xAxis().unit() );
		assertEquals( "Hz", m.yAxis().unit() );
		// h5dump -d /Data/Data: [0,0,0] = 4.95e9, [100,0,49] = 5.05e9, [0,1,0] = 1e6, [0,1,1] = 2e6, [100,1,49] = 5e7;
		// channel 2 (Polarization - Z): [0,2,0] = 0.999586, [0,2,1] = 0.998333, [100,2,49] = 0.167585
		assertEquals( 4.95e9, m.xAxis().min(), 1e3 );
		assertEquals( 5.05e9, m.xAxis().max(), 1e3 );
		assertEquals( 1e6, m.yAxis().min(), 1 );
		assertEquals( 5e7, m.yAxis().max(), 1 );
		assertEquals( 0.999586, m.get( 0, 0 ), 1e-6 );
		assertEquals( 0.998333, m.get( 0, 1 ), 1e-6 );
		assertEquals( 0.167585, m.get( 100, 49 ), 1e-6 );
		assertEquals( "Spectrum", m.metadata().get( "labber_log_name" ) );
		assertTrue( m.metadata().get( "labber_creation_time" ).startsWith( "2017-08-01" ), m.metadata().toString() );
	}

	@Test
	void netcdfFromXarrayHasCoordinatesUnitsAndGlobalAttributes()
	{
		final Path nc = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "src/test/resources/org/nisnonlocal/io/xarray_map.nc" );
		final ConductanceMap m = MapFiles.read( nc, new MapImportOptions() ).map();
		// make_netcdf.py: vdet 0.3 → -0.3 (7, outer), vinj -0.5 … 0.5 (11), g = 1e-6 (1 + 10 vdet + vinj²) S
		assertEquals( 11, m.width() );
		assertEquals( 7, m.height() );
		assertEquals( "mV", m.xAxis().unit() );
		assertEquals( "S", m.valueUnit() );
		assertEquals( -0.3, m.yAxis().min(), 1e-12 );
		for ( int j = 0; j < 7; j++ )
			for ( int i = 0; i < 11; i++ )
			{
				final double vinj = -0.5 + 0.1 * i, vdet = -0.3 + 0.1 * j;
				assertEquals( 1e-6 * ( 1 + 10 * vdet + vinj * vinj ), m.get( i, j ), 1e-12 );
			}
		assertEquals( "42", m.metadata().get( "nc_run_id" ) );
	}
}
