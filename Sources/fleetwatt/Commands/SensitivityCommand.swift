import ArgumentParser

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Rank the uncertain inputs by their effect on each metric (tornado or Sobol indices).",
        discussion: """
        tornado: each uncertain input at its P10 and P90, the others at base (2k + 1 runs).
        sobol: first-order and total indices (Saltelli sampling, Jansen estimators) with
        bootstrap 95 % intervals; costs N·(k + 2) runs for N = --base-samples.

        Examples:
          fleetwatt sensitivity --method tornado
          fleetwatt sensitivity --method sobol --base-samples 512 --metric facility_energy_mwh --metric carbon_location_tco2e
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "tornado or sobol.")
    var method: SensitivityMethod = .tornado

    @Option(name: .customLong("metric"), help: "Metric to rank the inputs for (repeatable); default: all.")
    var metrics: [String] = []

    @Option(help: "Sobol: base sample size N.")
    var baseSamples: Int = 512

    @Option(help: "Sobol: bootstrap resamples for the confidence intervals.")
    var bootstrap: Int = 200

    @Option(help: "Seed of the samplers.")
    var seed: UInt64 = 20251103

    @Option(help: "Worker threads (default: the machine's cores).")
    var threads: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard baseSamples >= 8 else { throw ValidationError("--base-samples must be at least 8, got \(baseSamples)") }
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more, got \(bootstrap)") }
    }

    func run() throws { throw CommandFailure.notBuiltYet("sensitivity") }
}

enum SensitivityMethod: String, ExpressibleByArgument, CaseIterable {
    case tornado, sobol
}
