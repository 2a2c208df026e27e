package org.nisnonlocal.cli;

/** The list of runner verbs. Adding a verb: write a {@link Subcommand} and add it here. */
final class SubcommandRegistry
{
	private SubcommandRegistry() {}

	static Subcommand[] all()
	{
		return new Subcommand[] {
				new ReproduceCommand(),
				new ConvertCommand(),
				new DecomposeCommand(),
				new ExampleMapCommand(),
				new NormalizeCommand(),
				new OffsetCommand(),
				new FitDynesCommand(),
				new DosCommand(),
				new GapCommand(),
				new DeviceCommand(),
				new ChargeImbalanceCommand(),
				new SupercurrentRelationCommand(),
				new EnergyModeCommand(),
				new EnergyModeBenchCommand(),
				new BenchCommand(),
		};
	}
}
