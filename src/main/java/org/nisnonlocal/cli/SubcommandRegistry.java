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
				new InspectCommand(),
				new DecomposeCommand(),
				new ExampleMapCommand(),
				new NormalizeCommand(),
				new OffsetCommand(),
				new CutsCommand(),
				new OverlayCommand(),
				new DerivativeCommand(),
				new BackgroundCommand(),
				new AverageCommand(),
				new CropCommand(),
				new FitDynesCommand(),
				new DosCommand(),
				new GapCommand(),
				new DeviceCommand(),
				new ChargeImbalanceCommand(),
				new SupercurrentRelationCommand(),
				new SupercurrentCommand(),
				new SupercurrentDosCommand(),
				new FitChargeImbalanceCommand(),
				new FitPhaseGradientCommand(),
				new FitI0Command(),
				new FitPhaseGradientMapCommand(),
				new Fig10ModelCommand(),
				new EnergyModeCommand(),
				new EnergyModeBenchCommand(),
				new SynthesizeCommand(),
				new FitMapCommand(),
				new BenchCommand(),
				new FitBenchCommand(),
				new ImportBenchCommand(),
		};
	}
}
