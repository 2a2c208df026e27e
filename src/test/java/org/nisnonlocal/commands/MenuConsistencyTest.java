package org.nisnonlocal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nisnonlocal.ij1.NisPlugIn;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * plugins.config and the SciJava commands describe the same menu: every entry runs an existing command whose menu
 * label matches, every command has an entry, and each command's macro keys are unique with no key a suffix of
 * another (ImageJ 1 finds "key=" anywhere in the options string, so "offset" would match "estimate_offset=").
 */
class MenuConsistencyTest
{
	private static Context ctx;
	private static CommandService commands;

	@BeforeAll
	static void context()
	{
		ctx = new Context( CommandService.class );
		commands = ctx.service( CommandService.class );
	}

	@AfterAll
	static void dispose() { ctx.dispose(); }

	private static List< String[] > entries() throws IOException
	{
		final Path config = Paths.get( System.getProperty( "nis.project.dir", "." ) ).resolve( "plugins.config" );
		final Pattern p = Pattern.compile( "^(Plugins>NIS Nonlocal[^,]*),\\s*\"([^\"]+)\",\\s*([\\w.]+)\\(\"([\\w.]+)\"\\)\\s*$" );
		final List< String[] > out = new ArrayList<>();
		for ( final String line : Files.readAllLines( config, StandardCharsets.UTF_8 ) )
		{
			if ( line.trim().isEmpty() || line.startsWith( "#" ) )
				continue;
			final Matcher m = p.matcher( line );
			assertTrue( m.matches(), "malformed plugins.config line: " + line );
			out.add( new String[] { m.group( 1 ), m.group( 2 ), m.group( 3 ), m.group( 4 ) } );
		}
		return out;
	}

	@Test
	void everyMenuEntryRunsAMatchingCommand() throws IOException
	{
		final Set< String > labels = new HashSet<>();
		for ( final String[] e : entries() )
		{
			assertTrue( labels.add( e[ 1 ] ), "duplicate label " + e[ 1 ] );
			assertEquals( NisPlugIn.class.getName(), e[ 2 ] );
			final CommandInfo info = commands.getCommand( e[ 3 ] );
			assertNotNull( info, "no SciJava command " + e[ 3 ] );
			final String menu = info.getMenuPath().getMenuString().replace( " > ", ">" );
			assertEquals( e[ 0 ] + ">" + e[ 1 ], menu, "menu path of " + e[ 3 ] );
			assertFalse( info.isVisible(), e[ 3 ] + " must be visible=false: plugins.config already puts it in the menu" );
		}
	}

	@Test
	void everyCommandHasAMenuEntry() throws IOException
	{
		final Set< String > listed = new HashSet<>();
		for ( final String[] e : entries() )
			listed.add( e[ 3 ] );
		int n = 0;
		for ( final CommandInfo info : commands.getCommands() )
			if ( info.getClassName().startsWith( "org.nisnonlocal.commands." ) )
			{
				n++;
				assertTrue( listed.contains( info.getClassName() ), info.getClassName() + " is not in plugins.config" );
			}
		assertEquals( listed.size(), n );
	}

	@Test
	void macroKeysAreUniqueAndNoneIsASuffixOfAnother() throws IOException
	{
		for ( final String[] e : entries() )
		{
			final List< String > keys = new ArrayList<>();
			for ( final ModuleItem< ? > item : commands.getCommand( e[ 3 ] ).inputs() )
				if ( !org.scijava.service.Service.class.isAssignableFrom( item.getType() ) && !Context.class.isAssignableFrom( item.getType() ) )
					keys.add( item.getName().toLowerCase() );
			for ( final String a : keys )
				for ( final String b : keys )
					if ( a != b )
						assertFalse( b.endsWith( a ), e[ 1 ] + ": macro key '" + a + "' is a suffix of '" + b + "'" );
		}
	}
}
