import ArgumentParser
import FleetModel
import FleetReport

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a scenario: energy, power, PUE, water, carbon and cost with their uncertainty.",
        discussion: """
        With --samples N > 0 every uncertain input is sampled and each metric gets its mean, \
        standard deviation and P5/P50/P95 besides the base value (all inputs at base). \
        --shard I/N evaluates one share and writes a partial result for fleetwatt merge.

        Examples:
          fleetwatt run
          fleetwatt run --samples 0 --format json
          fleetwatt run h100-training-100k --samples 5000 --sampler sobol
          fleetwatt run --set sites.us-east-1.cooling.supply_air_c=24 --out result.json
          fleetwatt run --samples 100000 --shard 3/8 --out parts/3.fwpart
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func run() throws {
        let document = try scenario.opened()
        if try sharding.writePartial(out: output.out, reading: document.filesRead, feedback: output.feedback, { shard, tick in
            try sampling.partial(PreparedScenario(document: document), shard: shard, command: "run", progress: tick)
        }) { return }
        let destination = try output.destination(reading: document.filesRead)
        let result = try sampling.evaluate(PreparedScenario(document: document), progress: output.feedback.progress,
                                           quiet: output.feedback.quiet)
        try output.emit(RenderedOutput.result(result, as: output.format), to: destination,
                        warnings: result.diagnostics.warnings)
    }
}
