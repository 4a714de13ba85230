import ArgumentParser
import FleetModel
import FleetReport

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Evaluate a grid of scenario variants, one row per grid point.",
        discussion: """
        Each --vary is PATH=START:STOP:COUNT (COUNT evenly spaced values from START to STOP) or \
        PATH=V1,V2,… (numbers, or text for a path that holds text: a cooling type, a hardware, \
        site or grid id, every value checked before anything runs); repeat --vary for a grid (every combination, the last --vary varying \
        fastest). A varied path is fixed at each value, as --set would. Each point is \
        deterministic (the default) or, with --samples N, a full Monte Carlo run of N samples. \
        A sweep may ask for at most 1,000,000 evaluations (points × samples, as many as the \
        largest single run); split a larger study into several sweeps.

        Examples:
          fleetwatt sweep --vary fleet.cohorts.gb200-use1.count=50000:150000:5
          fleetwatt sweep --vary sites.us-east-1.cooling.supply_air_c=24,29 --out s.csv
          fleetwatt sweep h100-training-100k --vary sites.us-tx.grid=erct,aznm
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "PATH=START:STOP:COUNT or PATH=V1,V2,…; repeatable for a grid.", valueName: "path=range"))
    var vary: [String] = []

    @OptionGroup var metrics: MetricOptions

    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary PATH=START:STOP:COUNT or PATH=V1,V2,…") }
    }

    func run() throws {
        let document = try scenario.opened()
        let spec = try SweepSpec.parse(vary)
        let reads = spec.filesRead(by: document)
        let destination = try output.destination(reading: reads)
        let options = sampling.options(defaultSamples: 0)
        try spec.checkWork(samples: options.samples)
        let chosen = try metrics.chosen() ?? Metric.allCases
        let prepared = try PreparedScenario(document: document)
        try spec.check(against: prepared)
        if try sharding.writePartial(out: output.out, reading: reads, feedback: output.feedback, { shard, _ in
            try prepared.sweepPartial(spec, metrics: chosen, options: options, shard: shard,
                                      head: prepared.head(of: shard, options))
        }) { return }
        var result = try prepared.evaluate(sampling.options(samples: 0))
        result.run = prepared.runInfo(options)
        result.sweep = try ProgressBar.run(output.feedback.progress, quiet: output.feedback.quiet, label: "sweep") { progress in
            try prepared.sweep(spec, metrics: chosen, options: options, progress: progress)
        }
        try output.emit(RenderedOutput.result(result, as: output.format), to: destination,
                        warnings: result.diagnostics.warnings)
    }
}
