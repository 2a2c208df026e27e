package org.nisnonlocal.commands;

import ij.ImagePlus;

import org.nisnonlocal.io.ImagePlusBridge;
import org.nisnonlocal.maps.ConductanceMap;
import org.nisnonlocal.maps.ToyNonlocalMap;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A synthetic nonlocal map (see {@link ToyNonlocalMap}) to try every command on a fresh install. */
@Plugin( type = Command.class, menuPath = "Plugins>NIS Nonlocal>Example Map...", visible = false )
public class ExampleMapCommand extends ContextCommand
{
	@Parameter( label = "supercurrent_ua", description = "µA (sign = current direction)" )
	private double supercurrent_ua = 10;

	@Parameter( label = "noise_ns", description = "nS rms" )
	private double noise_ns = 0.01;

	@Parameter( label = "seed" )
	private int seed = 1;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus map;

	@Override
	public void run()
	{
		final ToyNonlocalMap toy = new ToyNonlocalMap();
		toy.supercurrentUa = supercurrent_ua;
		toy.noiseNs = noise_ns;
		toy.seed = seed;
		final ConductanceMap m = toy.generate();
		map = ImagePlusBridge.toImagePlus( m, String.format( java.util.Locale.ROOT, "example_Is%+.0fuA", supercurrent_ua ) );
	}
}
