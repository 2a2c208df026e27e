package org.nisnonlocal.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nisnonlocal.BadInputException;
import org.nisnonlocal.maps.Axis;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.MapMetadata;

/**
 * The text that travels with a map in a TIFF's "Info" (and in a CSV's {@code .meta} sidecar): what the values are,
 * both axes and the metadata, as "key=value" lines after a marker line. Axes are written at full precision so a TIFF
 * round trip restores them exactly (ImageJ's own calibration keeps them too, but not the axis names).
 * <pre>
 * NIS-Nonlocal map 1
 * quantity=g_nl
 * value.unit=µS
 * x.name=Vinj  x.unit=mV  x.origin=-1.5  x.step=0.01  x.size=301
 * y.name=Vdet  …
 * &lt;metadata lines of MapMetadata.toLines()&gt;
 * </pre>
 */
public final class MapInfo
{
	public static final String MARKER = "NIS-Nonlocal map 1";

	private MapInfo() {}

	public static String toText( final ConductanceMap map )
	{
		return String.join( "\n", lines( map ) ) + "\n";
	}

	/** The description as lines (marker first); also the content of a CSV's {@code .meta} sidecar. */
	public static List< String > lines( final ConductanceMap map )
	{
		final List< String > lines = new ArrayList<>();
		lines.add( MARKER );
		lines.add( "quantity=" + map.quantity() );
		lines.add( "value.unit=" + map.valueUnit() );
		axis( lines, "x", map.xAxis() );
		axis( lines, "y", map.yAxis() );
		lines.addAll( map.metadata().toLines() );
		return lines;
	}

	private static void axis( final List< String > lines, final String p, final Axis a )
	{
		lines.add( p + ".name=" + a.name() );
		lines.add( p + ".unit=" + a.unit() );
		lines.add( p + ".origin=" + Double.toString( a.origin() ) );
		lines.add( p + ".step=" + Double.toString( a.step() ) );
		lines.add( p + ".size=" + a.size() );
	}

	public static boolean isMapInfo( final String text ) { return text != null && text.startsWith( MARKER ); }

	/** The parsed description: axes, quantity, unit, metadata. */
	public static final class Description
	{
		public final String quantity;
		public final String valueUnit;
		public final Axis x;
		public final Axis y;
		public final MapMetadata metadata;

		Description( final String quantity, final String valueUnit, final Axis x, final Axis y, final MapMetadata metadata )
		{
			this.quantity = quantity;
			this.valueUnit = valueUnit;
			this.x = x;
			this.y = y;
			this.metadata = metadata;
		}
	}

	/** Parses what {@link #toText} wrote; {@code where} names the source in errors. */
	public static Description parse( final String text, final String where )
	{
		if ( !isMapInfo( text ) )
			throw new BadInputException( where + ": no NIS-Nonlocal map description" );
		final Map< String, String > kv = new LinkedHashMap<>();
		final List< String > meta = new ArrayList<>();
		for ( final String line : text.split( "\n" ) )
		{
			final int eq = line.indexOf( '=' );
			if ( eq <= 0 )
				continue;
			final String k = line.substring( 0, eq );
			if ( k.equals( "quantity" ) || k.startsWith( "value." ) || k.startsWith( "x." ) || k.startsWith( "y." ) )
				kv.put( k, line.substring( eq + 1 ) );
			else
				meta.add( line );
		}
		return new Description( kv.getOrDefault( "quantity", "g" ), kv.getOrDefault( "value.unit", "1" ),
				axis( kv, "x", where ), axis( kv, "y", where ), MapMetadata.parse( meta ) );
	}

	private static Axis axis( final Map< String, String > kv, final String p, final String where )
	{
		try
		{
			return new Axis( kv.getOrDefault( p + ".name", p ), kv.getOrDefault( p + ".unit", "1" ),
					Double.parseDouble( kv.get( p + ".origin" ) ), Double.parseDouble( kv.get( p + ".step" ) ),
					Integer.parseInt( kv.get( p + ".size" ) ) );
		}
		catch ( final NullPointerException | NumberFormatException e )
		{
			throw new BadInputException( where + ": map description has no valid " + p + " axis" );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new BadInputException( where + ": " + e.getMessage() );
		}
	}
}
