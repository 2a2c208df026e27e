package org.nisnonlocal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nisnonlocal.BadInputException;

/** All of a run's files or none: the {@link OutputSet} that {@link AtomicFiles} writes through. */
class OutputSetTest
{
	@TempDir
	Path dir;

	private static void write( final Path p, final String text ) throws IOException
	{
		AtomicFiles.write( p, out -> out.write( text.getBytes( StandardCharsets.UTF_8 ) ) );
	}

	private long entries() throws IOException
	{
		try (Stream< Path > s = Files.walk( dir ))
		{
			return s.count() - 1;
		}
	}

	@Test
	void nothingIsInPlaceBeforeTheCommitAndEverythingAfter() throws IOException
	{
		final Path a = dir.resolve( "a.csv" ), b = dir.resolve( "new/sub/b.csv" );
		Files.write( a, "old".getBytes( StandardCharsets.UTF_8 ) );
		try (OutputSet set = OutputSet.open())
		{
			write( a, "new a" );
			write( b, "new b" );
			assertArrayEquals( "old".getBytes( StandardCharsets.UTF_8 ), Files.readAllBytes( a ), "replaced before the commit" );
			assertFalse( Files.exists( b ) );
			set.commit();
		}
		assertEquals( "new a", new String( Files.readAllBytes( a ), StandardCharsets.UTF_8 ) );
		assertEquals( "new b", new String( Files.readAllBytes( b ), StandardCharsets.UTF_8 ) );
		assertEquals( 4, entries(), "a.csv, new, new/sub, new/sub/b.csv and no temporary" );
	}

	@Test
	void withoutACommitTheTemporariesAndTheFoldersMadeForThemGo() throws IOException
	{
		final Path kept = Files.createDirectories( dir.resolve( "kept" ) );
		try (OutputSet set = OutputSet.open())
		{
			write( kept.resolve( "x.csv" ), "x" );
			write( dir.resolve( "made/deeper/y.csv" ), "y" );
		}
		assertEquals( 1, entries(), "only the folder that was there before" );
		assertTrue( Files.isDirectory( kept ) );
	}

	@Test
	void aFolderSomeoneElseFilledMeanwhileStays() throws IOException
	{
		final Path made = dir.resolve( "made" );
		try (OutputSet set = OutputSet.open())
		{
			write( made.resolve( "y.csv" ), "y" );
			Files.write( made.resolve( "theirs.txt" ), new byte[] { 1 } );
		}
		assertTrue( Files.exists( made.resolve( "theirs.txt" ) ) );
		assertFalse( Files.exists( made.resolve( "y.csv" ) ) );
	}

	@Test
	void anOutputThatIsAnInputIsRefusedInEverySpelling() throws IOException
	{
		final Path in = Files.write( dir.resolve( "in.csv" ), new byte[] { 1, 2 } );
		Files.createDirectories( dir.resolve( "sub" ) );
		final Path link = Files.createSymbolicLink( dir.resolve( "link.csv" ), in ), hard = Files.createLink( dir.resolve( "hard.csv" ), in );
		for ( final Path out : new Path[] { in, dir.resolve( "sub/../in.csv" ), link, hard, dir.resolve( "." ).resolve( "in.csv" ) } )
			try (OutputSet set = OutputSet.open())
			{
				set.input( in, "--in" );
				final BadInputException e = assertThrows( BadInputException.class, () -> set.output( out, "--out" ), out.toString() );
				assertTrue( e.getMessage().startsWith( out + ": output would overwrite the input file" ), e.getMessage() );
				// and when written without being declared
				assertThrows( BadInputException.class, () -> write( out, "x" ) );
			}
		assertArrayEquals( new byte[] { 1, 2 }, Files.readAllBytes( in ) );
		assertEquals( 4, entries(), "in.csv, sub, link.csv, hard.csv" );
	}

	@Test
	void twoOptionsNamingOneFileAreRefused()
	{
		try (OutputSet set = OutputSet.open())
		{
			set.output( dir.resolve( "s.csv" ), "--spectrum-out" );
			final BadInputException e = assertThrows( BadInputException.class, () -> set.output( dir.resolve( "./s.csv" ), "--out" ) );
			assertEquals( dir.resolve( "./s.csv" ) + ": --spectrum-out and --out name the same file; choose different names", e.getMessage() );
		}
	}

	@Test
	void aFullDiskIsReportedAgainstTheUsersFile() throws IOException
	{
		final Path out = dir.resolve( "big.csv" );
		try (OutputSet.Simulation disk = OutputSet.simulateFullDisk( 10 ); OutputSet set = OutputSet.open())
		{
			final IOException e = assertThrows( IOException.class, () -> write( out, "more than ten bytes" ) );
			assertEquals( out + ": cannot write: no space left on device", e.getMessage() );
		}
		assertEquals( 0, entries() );
	}
}
