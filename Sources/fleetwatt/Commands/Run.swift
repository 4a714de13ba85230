import ArgumentParser

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a scenario: energy, power, PUE, water, carbon and cost with their uncertainty.",
        discussion: """
        Examples:
          fleetwatt run
          fleetwatt run --samples 0 --format json
          fleetwatt run models/scenarios/h100-training-100k.yaml --samples 5000 --sampler sobol
          fleetwatt run --set sites.us-east-1.cooling.approach_c=5 --out result.json --format json
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var output: OutputOptions

    func run() throws { throw CommandFailure.notBuiltYet("run") }
}
