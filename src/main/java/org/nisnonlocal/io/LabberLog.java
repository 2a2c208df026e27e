package org.nisnonlocal.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.MapMetadata;

/**
 * A Labber log (HDF5): {@code Data/Data} is (points of the inner step, channel, entries of the outer steps), channel
 * order from {@code Data/Channel names}; {@code Data}'s attribute {@code Step index} says which channels are the
 * stepped ones (inner first); units from the {@code Channels} table ({@code unitPhys}). Every point carries the value of
 * each step channel, so the grid comes from the data, not from the step lists.
 */
final class LabberLog
{
	private LabberLog() {}

	private static final class Log
	{
		final Dataset data;
		final int[] dims;
		final List< String > channels = new ArrayList<>();
		final Map< String, String > units = new HashMap<>();
		final List< Integer > steps = new ArrayList<>();

		Log( final Path file, final HdfFile h )
		{
			final Node g = Hdf5Import.child( h, "Data" );
			if ( !( g instanceof Group ) || !( Hdf5Import.child( ( Group ) g, "Data" ) instanceof Dataset ) )
				throw new BadInputException( file + ": a Labber log without Data/Data (no points were logged)" );
			data = ( Dataset ) Hdf5Import.child( ( Group ) g, "Data" );
			dims = data.getDimensions();
			final Node names = Hdf5Import.child( ( Group ) g, "Channel names" );
			if ( names instanceof Dataset )
			{
				final Object d = ( ( Dataset ) names ).getData();
				if ( d instanceof Map )
				{
					final Object n = ( ( Map< ?, ? > ) d ).get( "name" );
					if ( n instanceof String[] )
						for ( final String s : ( String[] ) n )
							channels.add( s );
				}
				else if ( d instanceof String[] )
					for ( final String s : ( String[] ) d )
						channels.add( s );
			}
			final Node table = Hdf5Import.child( h, "Channels" );
			if ( table instanceof Dataset && ( ( Dataset ) table ).getData() instanceof Map )
			{
				final Map< ?, ? > t = ( Map< ?, ? > ) ( ( Dataset ) table ).getData();
				if ( t.get( "name" ) instanceof String[] && t.get( "unitPhys" ) instanceof String[] )
				{
					final String[] n = ( String[] ) t.get( "name" ), u = ( String[] ) t.get( "unitPhys" );
					for ( int k = 0; k < Math.min( n.length, u.length ); k++ )
						units.put( n[ k ], u[ k ] );
				}
			}
			final double[] si = Hdf5Import.numbers( g, "Step index" );
			if ( si != null )
				for ( final double s : si )
					steps.add( ( int ) s );
			if ( dims.length != 3 || channels.size() != dims[ 1 ] )
				throw new BadInputException( file + ": Labber Data/Data has shape " + Hdf5Import.shapeText( dims ) + " but " + channels.size() + " channel names" );
		}

		String unit( final int c ) { return units.get( channels.get( c ) ); }

		int channel( final Path file, final String name )
		{
			for ( int c = 0; c < channels.size(); c++ )
				if ( channels.get( c ).equalsIgnoreCase( name.trim() ) )
					return c;
			throw new BadInputException( file + ": no channel '" + name + "' in the log (the channels are " + String.join( ", ", channels ) + ")" );
		}
	}

	static FileContents contents( final Path file, final HdfFile h )
	{
		final Log log = new Log( file, h );
		final List< FileContents.Row > rows = new ArrayList<>();
		final List< String > stepNames = new ArrayList<>();
		for ( final int s : log.steps )
			stepNames.add( log.channels.get( s ) );
		for ( int c = 0; c < log.channels.size(); c++ )
		{
			final int si = log.steps.indexOf( c );
			final String role = si == 0 ? "step (inner)" : si == 1 ? "step (outer)" : si > 1 ? "step" : "log";
			rows.add( new FileContents.Row( "", "", log.channels.get( c ), role, si >= 0 ? "" : String.join( ",", stepNames ), log.dims[ 0 ] + " × " + log.dims[ 2 ], log.unit( c ), "" ) );
		}
		final List< String > notes = new ArrayList<>();
		notes.add( "Labber log '" + Hdf5Import.text( h, "log_name" ) + "', Data/Data " + Hdf5Import.shapeText( log.dims ) + " (points, channels, entries)" );
		return new FileContents( "Labber log (HDF5, version " + Hdf5Import.text( h, "version" ) + ")", rows, notes );
	}

	static ImportedMap map( final Path file, final HdfFile h, final MapImportOptions o )
	{
		final Log log = new Log( file, h );
		final List< String > report = new ArrayList<>();
		report.add( "read " + file + ": Labber log '" + Hdf5Import.text( h, "log_name" ) + "', Data/Data " + Hdf5Import.shapeText( log.dims ) + ", channels " + String.join( ", ", log.channels ) );
		final int np = log.dims[ 0 ], nc = log.dims[ 1 ], ne = log.dims[ 2 ];
		if ( ( np < 2 || ne < 2 ) && ( o.xColumn() == null || o.yColumn() == null ) )
			throw new BadInputException( file + ": a 1D Labber log (" + np + " points × " + ne + " entries): a trace, not a map" );
		final int xi = o.xColumn() != null ? log.channel( file, o.xColumn() ) : log.steps.size() >= 2 ? log.steps.get( 0 ) : 0;
		final int yi = o.yColumn() != null ? log.channel( file, o.yColumn() ) : log.steps.size() >= 2 ? log.steps.get( 1 ) : 1;
		int vi = -1;
		if ( o.valueColumn() != null )
			vi = log.channel( file, o.valueColumn() );
		else
			for ( int c = 0; c < nc && vi < 0; c++ )
				if ( !log.steps.contains( c ) && c != xi && c != yi )
					vi = c;
		if ( vi < 0 )
			throw new BadInputException( file + ": the log has no logged channel besides the step channels" );
		final double[] d = Hdf5Import.values( file, log.data );
		final int n = np * ne;
		final double[] xs = new double[ n ], ys = new double[ n ], vs = new double[ n ];
		for ( int i = 0; i < np; i++ )
			for ( int e = 0; e < ne; e++ )
			{
				final int k = e * np + i;
				xs[ k ] = d[ ( i * nc + xi ) * ne + e ];
				ys[ k ] = d[ ( i * nc + yi ) * ne + e ];
				vs[ k ] = d[ ( i * nc + vi ) * ne + e ];
			}
		MapMetadata meta = MapMetadata.empty().with( "file_format", "Labber log" );
		final String name = Hdf5Import.text( h, "log_name" );
		if ( name != null )
			meta = meta.with( "labber_log_name", name );
		final double[] created = Hdf5Import.numbers( h, "creation_time" );
		if ( created != null && created.length == 1 )
			meta = meta.with( "labber_creation_time", QcodesDatabase.isoTime( created[ 0 ] ) );
		meta = instrumentSettings( h, meta );
		return PointsToMap.build( file, "labber", param( log, xi ), param( log, yi ), param( log, vi ), xs, ys, vs, meta, o, report );
	}

	private static PointsToMap.Param param( final Log log, final int c )
	{
		return new PointsToMap.Param( log.channels.get( c ), log.unit( c ), "Labber channel unit" );
	}

	/** Lock-in amplitude and temperature from {@code Instrument config/<instrument>} attributes. */
	private static MapMetadata instrumentSettings( final HdfFile h, MapMetadata m )
	{
		final Node cfg = Hdf5Import.child( h, "Instrument config" );
		if ( !( cfg instanceof Group ) )
			return m;
		for ( final Map.Entry< String, Node > ins : ( ( Group ) cfg ).getChildren().entrySet() )
		{
			final boolean lockin = ins.getKey().toLowerCase( java.util.Locale.ROOT ).matches( ".*(lock.?in|sr8\\d\\d|mfli|uhfli|hf2li).*" );
			for ( final String a : ins.getValue().getAttributes().keySet() )
			{
				final double[] v = Hdf5Import.numbers( ins.getValue(), a );
				if ( v == null || v.length != 1 )
					continue;
				final String k = a.toLowerCase( java.util.Locale.ROOT );
				if ( lockin && k.contains( "amplitude" ) && !m.has( "lockin_amplitude" ) )
					m = m.with( "lockin_amplitude", Numbers.format( v[ 0 ] ) ).with( "lockin_instrument", ins.getKey() );
				else if ( k.contains( "temperature" ) && !m.has( MapMetadata.TEMPERATURE_K ) && v[ 0 ] > 0 && v[ 0 ] < 1000 )
					m = m.with( MapMetadata.TEMPERATURE_K, v[ 0 ] ).with( "temperature_source", ins.getKey() + "." + a );
			}
		}
		return m;
	}
}
