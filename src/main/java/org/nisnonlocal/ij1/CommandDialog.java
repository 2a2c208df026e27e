package org.nisnonlocal.ij1;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.nisnonlocal.BadInputException;
import org.scijava.ItemVisibility;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * An ImageJ 1 GenericDialog for a SciJava command's inputs, so the command is macro-recordable in plain ImageJ: each
 * label is the parameter's name, which is therefore its macro key ({@code run("Decompose by Symmetry...",
 * "map=g.tif axis=vinj")}). Inside a macro the dialog is not shown and values come from the macro options.
 * Supported inputs: ImagePlus (image choice), File, double, float, int, long, boolean, String (with or without choices).
 */
final class CommandDialog
{
	private CommandDialog() {}

	/** Shows the dialog (or reads macro options); returns the inputs, or null when the user cancelled. */
	static Map< String, Object > ask( final String title, final Module module )
	{
		if ( module.getDelegateObject() instanceof FileChoices )
			return askFileFirst( title, module, ( FileChoices ) module.getDelegateObject() );
		final GenericDialog gd = new GenericDialog( title );
		final List< ModuleItem< ? > > items = new ArrayList<>();
		for ( final ModuleItem< ? > item : module.getInfo().inputs() )
		{
			if ( !isUserInput( item ) )
				continue;
			add( gd, item, module.getInput( item.getName() ) );
			items.add( item );
		}
		gd.showDialog();
		if ( gd.wasCanceled() )
			return null;
		final Map< String, Object > values = new LinkedHashMap<>();
		for ( final ModuleItem< ? > item : items )
			values.put( item.getName(), read( gd, item ) );
		return values;
	}

	/**
	 * Two dialogs: the file, then the other inputs with choices read from that file (the runs and parameters of a
	 * measurement file). ImageJ records both into one macro line; in a macro the choices are read as text, so a
	 * recorded choice replays and a typed name or run id works too.
	 */
	private static Map< String, Object > askFileFirst( final String title, final Module module, final FileChoices chooser )
	{
		final List< ModuleItem< ? > > fileItems = new ArrayList<>(), rest = new ArrayList<>();
		for ( final ModuleItem< ? > item : module.getInfo().inputs() )
			if ( isUserInput( item ) )
				( item.getType() == File.class ? fileItems : rest ).add( item );
		final GenericDialog first = new GenericDialog( title );
		for ( final ModuleItem< ? > item : fileItems )
			add( first, item, module.getInput( item.getName() ) );
		first.showDialog();
		if ( first.wasCanceled() )
			return null;
		final Map< String, Object > values = new LinkedHashMap<>();
		File file = null;
		for ( final ModuleItem< ? > item : fileItems )
		{
			final Object v = read( first, item );
			values.put( item.getName(), v );
			if ( file == null && v instanceof File )
				file = ( File ) v;
		}
		final boolean macro = Macro.getOptions() != null;
		final Map< String, List< String > > choices = macro ? java.util.Collections.emptyMap() : chooser.choicesFor( file );
		final GenericDialog second = new GenericDialog( title + ( file == null ? "" : ": " + file.getName() ) );
		for ( final ModuleItem< ? > item : rest )
		{
			final List< String > c = choices.get( item.getName() );
			if ( c != null && !c.isEmpty() && item.getType() == String.class )
				second.addChoice( item.getName(), c.toArray( new String[ 0 ] ), c.get( 0 ) );
			else
				add( second, item, module.getInput( item.getName() ) );
		}
		second.showDialog();
		if ( second.wasCanceled() )
			return null;
		for ( final ModuleItem< ? > item : rest )
		{
			final List< String > c = choices.get( item.getName() );
			values.put( item.getName(), c != null && !c.isEmpty() && item.getType() == String.class ? second.getNextChoice() : read( second, item ) );
		}
		return values;
	}

	static boolean isUserInput( final ModuleItem< ? > item )
	{
		if ( item.getVisibility() == ItemVisibility.INVISIBLE || item.getVisibility() == ItemVisibility.MESSAGE )
			return false;
		final Class< ? > t = item.getType();
		return t == ImagePlus.class || t == File.class || t == String.class || t == boolean.class || t == Boolean.class
				|| t == double.class || t == Double.class || t == float.class || t == Float.class || t == int.class
				|| t == Integer.class || t == long.class || t == Long.class;
	}

	private static void add( final GenericDialog gd, final ModuleItem< ? > item, final Object value )
	{
		final String key = item.getName();
		final Class< ? > t = item.getType();
		if ( t == ImagePlus.class )
		{
			if ( WindowManager.getImageCount() == 0 )
				throw new BadInputException( "no image is open for '" + key + "'" );
			final ImagePlus current = WindowManager.getCurrentImage();
			gd.addImageChoice( key, current == null ? null : current.getTitle() );
		}
		else if ( t == File.class )
			gd.addFileField( key, value == null ? "" : value.toString() );
		else if ( t == boolean.class || t == Boolean.class )
			gd.addCheckbox( key, value != null && ( Boolean ) value );
		else if ( t == String.class )
		{
			final List< String > choices = choices( item );
			if ( choices != null && !choices.isEmpty() )
				gd.addChoice( key, choices.toArray( new String[ 0 ] ), value == null ? choices.get( 0 ) : value.toString() );
			else
				gd.addStringField( key, value == null ? "" : value.toString(), 24 );
		}
		else
		{
			final double v = value == null ? 0 : ( ( Number ) value ).doubleValue();
			final boolean integer = t == int.class || t == Integer.class || t == long.class || t == Long.class;
			gd.addNumericField( key, v, integer ? 0 : digits( v ), 12, item.getDescription() == null ? "" : item.getDescription() );
		}
	}

	/**
	 * Decimals that show the default exactly (169.2 → 1, 1.054e-4 → 7), at most 9; ImageJ records the shown text in
	 * macros, so a default shown rounded ("0.0001" for κ_I = 1.054e-4) would be recorded 5 % off. Values below
	 * 1e-9 or from 1e6 on go scientific (negative digits).
	 */
	static int digits( final double v )
	{
		if ( v == 0 || !Double.isFinite( v ) )
			return 3;
		final double a = Math.abs( v );
		if ( a >= 1e6 || a < 1e-9 )
			return -6;
		for ( int d = 0; d <= 9; d++ )
		{
			final double scale = Math.pow( 10, d );
			if ( Math.abs( Math.round( v * scale ) / scale - v ) <= 1e-12 * a )
				return d;
		}
		return 9;
	}

	private static List< String > choices( final ModuleItem< ? > item )
	{
		final List< String > out = new ArrayList<>();
		if ( item.getChoices() != null )
			for ( final Object c : item.getChoices() )
				out.add( String.valueOf( c ) );
		return out;
	}

	private static Object read( final GenericDialog gd, final ModuleItem< ? > item )
	{
		final Class< ? > t = item.getType();
		final String key = item.getName();
		if ( t == ImagePlus.class )
			return gd.getNextImage();
		if ( t == File.class )
		{
			final String s = gd.getNextString().trim();
			return s.isEmpty() ? null : new File( s );
		}
		if ( t == boolean.class || t == Boolean.class )
			return gd.getNextBoolean();
		if ( t == String.class )
		{
			final List< String > choices = choices( item );
			return choices != null && !choices.isEmpty() ? gd.getNextChoice() : gd.getNextString();
		}
		final double v = gd.getNextNumber();
		if ( gd.invalidNumber() )
			throw new BadInputException( "'" + key + "' is not a number" );
		if ( t == int.class || t == Integer.class )
			return ( int ) Math.round( v );
		if ( t == long.class || t == Long.class )
			return Math.round( v );
		if ( t == float.class || t == Float.class )
			return ( float ) v;
		return v;
	}
}
