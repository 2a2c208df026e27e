package org.nisnonlocal.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.nisnonlocal.maps.ConductanceMap;

/** A map read from a file, with what the importer detected, averaged, dropped or resampled, one line each. */
public final class ImportedMap
{
	private final ConductanceMap map;
	private final List< String > report;

	public ImportedMap( final ConductanceMap map, final List< String > report )
	{
		this.map = Objects.requireNonNull( map );
		this.report = Collections.unmodifiableList( new ArrayList<>( report ) );
	}

	public ConductanceMap map() { return map; }

	/** Human-readable lines, in the order the importer made its decisions. */
	public List< String > report() { return report; }

	@Override
	public String toString() { return map + "\n" + String.join( "\n", report ); }
}
