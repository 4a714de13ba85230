import ArgumentParser

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Evaluate a grid of scenario variants, one row per grid point.",
        discussion: """
        Each --vary is PATH=START:STOP:COUNT (COUNT evenly spaced values) or PATH=V1,V2,…;
        repeat --vary for a grid. Each point is deterministic (--samples 0, the default here)
        or a full Monte Carlo run.

        Examples:
          fleetwatt sweep --vary fleet.cohorts.gb200-use1.count=100000:500000:5
          fleetwatt sweep --vary sites.us-east-1.cooling.approach_c=3,5,7 --vary grids.srvc.carbon_intensity.annual_change=-0.08:0:3 --format csv
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "PATH=START:STOP:COUNT or PATH=V1,V2,…; repeatable for a grid.", valueName: "path=range"))
    var vary: [String] = []

    @Option(help: "Metrics to report (comma-separated contract names); default: the headline metrics.")
    var metrics: String?

    @Option(help: "Monte Carlo samples per grid point; 0 evaluates each point at base values.")
    var samples: Int = 0

    @Option(help: "Seed of the samplers.")
    var seed: UInt64 = 20251103

    @Option(help: "Worker threads (default: the machine's cores).")
    var threads: Int?

    @Option(help: "Sampler: random, sobol or lhs.")
    var sampler: SamplerName = .random

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary PATH=START:STOP:COUNT or PATH=V1,V2,…") }
        guard samples >= 0 else { throw ValidationError("--samples must be 0 or more, got \(samples)") }
    }

    func run() throws { throw CommandFailure.notBuiltYet("sweep") }
}
