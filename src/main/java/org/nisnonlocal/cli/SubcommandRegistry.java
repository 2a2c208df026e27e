package org.nisnonlocal.cli;

/** The list of runner verbs. Adding a verb: write a {@link Subcommand} and add it here. */
final class SubcommandRegistry
{
	private SubcommandRegistry() {}

	static Subcommand[] all()
	{
		return new Subcommand[] {
				new ReproduceVerb(),
				new ConvertVerb(),
				new InspectVerb(),
				new DecomposeVerb(),
				new ExampleMapVerb(),
				new NormalizeVerb(),
				new OffsetVerb(),
				new CutsVerb(),
				new OverlayVerb(),
				new DerivativeVerb(),
				new BackgroundVerb(),
				new AverageVerb(),
				new CropVerb(),
				new FitDynesVerb(),
				new DosVerb(),
				new GapVerb(),
				new DeviceVerb(),
				new ChargeImbalanceVerb(),
				new SupercurrentRelationVerb(),
				new SupercurrentVerb(),
				new SupercurrentDosVerb(),
				new FitChargeImbalanceVerb(),
				new FitPhaseGradientVerb(),
				new FitI0Verb(),
				new FitPhaseGradientMapVerb(),
				new Fig10ModelVerb(),
				new EnergyModeVerb(),
				new EnergyModeBenchVerb(),
				new SynthesizeVerb(),
				new FitMapVerb(),
				new BenchVerb(),
				new FitBenchVerb(),
				new ImportBenchVerb(),
		};
	}
}
