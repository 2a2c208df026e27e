package org.nisnonlocal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.nisnonlocal.maps.ConductanceMap;

/**
 * Writes a map as a QCoDeS database (the schema of QCoDeS 0.x, user_version 8: experiments, runs with a version-0 run
 * description, one results table), as a do2d would: the outer loop over y (downward, as many setups sweep), the inner
 * over x, one row per point. For the import benchmark and tests; the plugin itself never writes databases.
 */
public final class SyntheticQcodesDatabase
{
	private SyntheticQcodesDatabase() {}

	/** Writes {@code file} (must not exist) with one run: v_det (outer), v_inj (inner), g_nl, plus an instrument snapshot. */
	public static void write( final ConductanceMap map, final Path file ) throws SQLException
	{
		if ( Files.exists( file ) )
			throw new IllegalArgumentException( file + " exists" );
		final String xu = map.xAxis().unit(), yu = map.yAxis().unit(), vu = map.valueUnit();
		final String description = "{\"version\": 0, \"interdependencies\": {\"paramspecs\": ["
				+ "{\"name\": \"v_det\", \"paramtype\": \"numeric\", \"label\": \"V_det\", \"unit\": \"" + yu + "\", \"inferred_from\": [], \"depends_on\": []}, "
				+ "{\"name\": \"v_inj\", \"paramtype\": \"numeric\", \"label\": \"V_inj\", \"unit\": \"" + xu + "\", \"inferred_from\": [], \"depends_on\": []}, "
				+ "{\"name\": \"g_nl\", \"paramtype\": \"numeric\", \"label\": \"nonlocal conductance\", \"unit\": \"" + vu + "\", \"inferred_from\": [], \"depends_on\": [\"v_det\", \"v_inj\"]}]}}";
		final String snapshot = "{\"station\": {\"instruments\": {\"lockin_det\": {\"__class__\": \"qcodes.instrument_drivers.stanford_research.SR830.SR830\", "
				+ "\"parameters\": {\"amplitude\": {\"value\": 1e-05, \"unit\": \"V\"}, \"frequency\": {\"value\": 17.77, \"unit\": \"Hz\"}}}, "
				+ "\"fridge\": {\"parameters\": {\"T_mc\": {\"value\": 0.05, \"unit\": \"K\"}}}}}}";
		try (Connection c = new org.sqlite.JDBC().connect( "jdbc:sqlite:" + file, new java.util.Properties() ))
		{
			c.setAutoCommit( false );
			try (Statement s = c.createStatement())
			{
				s.execute( "PRAGMA user_version = 8" );
				s.execute( "CREATE TABLE experiments (exp_id INTEGER PRIMARY KEY, name TEXT, sample_name TEXT, start_time INTEGER, end_time INTEGER, run_counter INTEGER, format_string TEXT)" );
				s.execute( "CREATE TABLE runs (run_id INTEGER PRIMARY KEY, exp_id INTEGER, name TEXT, result_table_name TEXT, result_counter INTEGER, run_timestamp INTEGER, completed_timestamp INTEGER, "
						+ "is_completed BOOL, parameters TEXT, guid TEXT, run_description TEXT, snapshot TEXT)" );
				s.execute( "INSERT INTO experiments VALUES (1, 'nonlocal', 'synthetic wire', 1700000000, 1700000100, 1, '{}-{}-{}')" );
				s.execute( "CREATE TABLE \"results-1-1\" (id INTEGER PRIMARY KEY, v_det numeric, v_inj numeric, g_nl numeric)" );
			}
			try (PreparedStatement p = c.prepareStatement( "INSERT INTO runs VALUES (1, 1, 'nonlocal map', 'results-1-1', 1, 1700000000.5, 1700000100.25, 1, 'v_det,v_inj,g_nl', "
					+ "'aaaaaaaa-0000-0000-0000-000000000001', ?, ?)" ))
			{
				p.setString( 1, description );
				p.setString( 2, snapshot );
				p.executeUpdate();
			}
			try (PreparedStatement p = c.prepareStatement( "INSERT INTO \"results-1-1\" (v_det, v_inj, g_nl) VALUES (?, ?, ?)" ))
			{
				for ( int j = map.height() - 1; j >= 0; j-- )
					for ( int i = 0; i < map.width(); i++ )
					{
						p.setDouble( 1, map.yAxis().value( j ) );
						p.setDouble( 2, map.xAxis().value( i ) );
						p.setDouble( 3, map.get( i, j ) );
						p.addBatch();
					}
				p.executeBatch();
			}
			c.commit();
		}
	}
}
