package org.nisnonlocal.ij1;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * A command whose choices depend on the file it reads (the runs and parameters of a measurement file). The ImageJ 1
 * dialog asks for the file first, then shows these choices; a macro gives the same keys as text.
 */
public interface FileChoices
{
	/** The item a choice list starts with: leave the choice to the importer. */
	String DEFAULT = "(default)";

	/** Input name → items (the first is preselected); inputs not in the map stay text fields. */
	Map< String, List< String > > choicesFor( File file );
}
