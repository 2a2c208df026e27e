package org.nisnonlocal.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a measurement file holds (runs, datasets, channels), one row per parameter: the runner's {@code inspect}
 * prints it as one table, and Import Map's dialog offers its runs and names as choices.
 */
public final class FileContents
{
	/** One parameter (QCoDeS), dataset (HDF5), column (GNUPlot) or channel (Nanonis, Labber). */
	public static final class Row
	{
		/** The run id in a QCoDeS database; empty in files with one measurement. */
		public final String run;
		/** What the run is: "results (tutorial_exp, 2019-12-31 10:14:14)"; empty when there are no runs. */
		public final String runInfo;
		public final String name;
		/** "setpoint", "dependent", "channel", "parameter", … */
		public final String role;
		/** The setpoints a dependent was measured against, outer first (comma-separated). */
		public final String dependsOn;
		/** "60 × 928", "4200 points", … */
		public final String shape;
		public final String unit;
		public final String label;

		public Row( final String run, final String runInfo, final String name, final String role, final String dependsOn, final String shape, final String unit, final String label )
		{
			this.run = run == null ? "" : run;
			this.runInfo = runInfo == null ? "" : runInfo;
			this.name = name;
			this.role = role == null ? "" : role;
			this.dependsOn = dependsOn == null ? "" : dependsOn;
			this.shape = shape == null ? "" : shape;
			this.unit = unit == null ? "" : unit;
			this.label = label == null ? "" : label;
		}
	}

	private final String format;
	private final List< Row > rows;
	private final List< String > notes;

	public FileContents( final String format, final List< Row > rows, final List< String > notes )
	{
		this.format = format;
		this.rows = Collections.unmodifiableList( new ArrayList<>( rows ) );
		this.notes = Collections.unmodifiableList( new ArrayList<>( notes ) );
	}

	/** "QCoDeS SQLite database (user_version 8)", "Nanonis grid spectroscopy (.3ds)", … */
	public String format() { return format; }

	public List< Row > rows() { return rows; }

	/** Lines about the file as a whole (what a default import picks, what cannot be a map). */
	public List< String > notes() { return notes; }

	/** The runs, as "id: info" in file order (empty for files without runs). */
	public List< String > runs()
	{
		final Set< String > out = new LinkedHashSet<>();
		for ( final Row r : rows )
			if ( !r.run.isEmpty() )
				out.add( r.runInfo.isEmpty() ? r.run : r.run + ": " + r.runInfo );
		return new ArrayList<>( out );
	}

	/** Distinct parameter names in file order. */
	public List< String > names()
	{
		final Set< String > out = new LinkedHashSet<>();
		for ( final Row r : rows )
			out.add( r.name );
		return new ArrayList<>( out );
	}

	/** The table {@code inspect} prints: a header line, then one aligned line per row; runs only when there are some. */
	public List< String > table()
	{
		final boolean runs = rows.stream().anyMatch( r -> !r.run.isEmpty() );
		final List< String[] > cells = new ArrayList<>();
		cells.add( runs ? new String[] { "run", "run_name", "parameter", "role", "depends_on", "shape", "unit", "label" }
				: new String[] { "name", "role", "depends_on", "shape", "unit", "label" } );
		for ( final Row r : rows )
			cells.add( runs ? new String[] { r.run, r.runInfo, r.name, r.role, r.dependsOn, r.shape, r.unit, r.label }
					: new String[] { r.name, r.role, r.dependsOn, r.shape, r.unit, r.label } );
		final int[] w = new int[ cells.get( 0 ).length ];
		for ( final String[] c : cells )
			for ( int k = 0; k < w.length; k++ )
				w[ k ] = Math.max( w[ k ], c[ k ].length() );
		final List< String > lines = new ArrayList<>();
		for ( final String[] c : cells )
		{
			final StringBuilder b = new StringBuilder();
			for ( int k = 0; k < w.length; k++ )
				b.append( k == w.length - 1 ? c[ k ] : String.format( Locale.ROOT, "%-" + w[ k ] + "s  ", c[ k ] ) );
			lines.add( b.toString().replaceAll( "\\s+$", "" ) );
		}
		return lines;
	}
}
