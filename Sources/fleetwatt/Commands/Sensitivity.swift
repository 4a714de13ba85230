import ArgumentParser
import FleetModel
import FleetReport

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Rank the uncertain inputs by their effect on each metric (tornado or Sobol indices).",
        discussion: """
        tornado: each uncertain input at its P10 and P90, the others at base (2k + 1 runs).

        sobol: first-order and total indices (Saltelli sampling, Jansen estimators) with \
        bootstrap 95 % intervals; costs N·(k + 2) runs for N = --base-samples.

        --shard I/N (either method) evaluates one share of the tornado's points or of Sobol's \
        base samples and writes a partial result to --out; fleetwatt merge joins the N parts \
        into exactly the unsharded result.

        Examples:
          fleetwatt sensitivity --method tornado
          fleetwatt sensitivity --method sobol --metric facility_energy_mwh,pue
          fleetwatt sensitivity --method sobol --shard 0/16 --out parts/0.fwpart
          fleetwatt sensitivity --method tornado --shard 1/4 --out parts/1.fwpart
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "tornado or sobol.")
    var method: SensitivityMethod = .tornado

    @OptionGroup var metrics: MetricOptions

    @Option(parsing: .unconditional, help: "Sobol: base sample size N.")
    var baseSamples: Int = 256

    @Option(parsing: .unconditional, help: "Sobol: bootstrap resamples for the confidence intervals.")
    var bootstrap: Int = 200

    @OptionGroup var runner: RunnerOptions

    /// Not `SamplingOptions`: there is no --samples here, and the default sampler is sobol.
    @Option(help: "Sobol: sampler of the base matrices (random, sobol or lhs).")
    var sampler: SamplerKind = .sobol

    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        try SobolBaseSamples.check(baseSamples, flag: "--base-samples")
        guard bootstrap >= 0, bootstrap <= 100_000 else { throw ValidationError("--bootstrap must be 0 to 100000, got \(bootstrap)") }
    }

    func run() throws {
        let document = try scenario.opened()
        let destination = try output.destination(reading: document.filesRead)
        let chosen = try metrics.chosen()
        let prepared = try PreparedScenario(document: document)
        let options = UncertaintyOptions(samples: 0, seed: runner.seed, sampler: sampler, threads: runner.threads)
        if try sharding.writePartial(out: output.out, reading: document.filesRead, feedback: output.feedback, { shard, tick in
            let head = prepared.head(of: shard, options)
            switch method {
            case .tornado:
                return try prepared.tornadoPartial(metrics: chosen, options: options, shard: shard, head: head, progress: tick)
            case .sobol:
                return try prepared.sobolPartial(baseSamples: baseSamples, bootstrap: bootstrap, metrics: chosen,
                                                 options: options, shard: shard, head: head, progress: tick)
            }
        }) { return }
        var result = try prepared.evaluate(options)
        try ProgressBar.run(output.feedback.progress, quiet: output.feedback.quiet, label: method.rawValue) { progress in
            try prepared.rank(method, into: &result, metrics: chosen, baseSamples: baseSamples, bootstrap: bootstrap,
                              options: options, progress: progress)
        }
        try output.emit(RenderedOutput.result(result, as: output.format), to: destination,
                        warnings: result.diagnostics.warnings)
    }
}

extension SensitivityMethod: ExpressibleByArgument {}
