import Foundation

/// The sharded forms of `run`/`report`, `sweep` and `sensitivity --method sobol`: each
/// evaluates only its shard's share and returns a partial result for `PartialMerge`.
extension FleetUncertainty {
    /// The result with every input at base and the run block of `options`: what shard 0
    /// carries, and what an unsharded run starts from.
    public static func baseResult(document: ScenarioDocument, options: UncertaintyOptions) throws -> FleetResult {
        var deterministic = options
        deterministic.samples = 0
        var result = try evaluate(document: document, options: deterministic)
        result.run = options.runInfo
        return result
    }

    /// Shard `shard` of a Monte Carlo run (`options.samples > 0`): its blocks of samples.
    /// `head` (shard 0 only) is the base result, with whatever the command adds to it.
    public static func runPartial(document: ScenarioDocument, options: UncertaintyOptions, shard: Shard,
                                  command: String, head: FleetResult?,
                                  progress: ((Int, Int) -> Void)? = nil) throws -> PartialResult {
        let space = try InputSpace.located(document)
        let model = try FleetSampleModel(document: document, baseDirectory: options.baseDirectory ?? document.baseDirectory)
        let runner = options.runner
        let part = try runner.partial(model: model, inputs: space, shard: shard, progress: progress)
        let settings = ["block_size": "\(MonteCarloRunner.blockSize)", "pilot_size": "\(runner.pilotSize)",
                        "quantile_bins": "\(runner.quantileBins)"]
        return PartialResult(header: header(.run, command: command, document: document, options: options,
                                            settings: settings, shard: shard, range: part.range),
                             head: head, content: .run(part))
    }

    /// Shard `shard` of a sweep: its share of the grid's points, in grid order.
    public static func sweepPartial(document: ScenarioDocument, spec: SweepSpec, metrics: [Metric],
                                    options: UncertaintyOptions, shard: Shard, head: FleetResult?) throws -> PartialResult {
        let points = shard.share(of: spec.count)
        let sweep = try self.sweep(document: document, spec: spec, metrics: metrics, options: options, points: points)
        let grid = spec.axes.map { "\($0.path)=" + $0.values.map { "\($0)" }.joined(separator: ",") }
        let settings = ["grid": grid.joined(separator: " "), "metrics": metrics.map(\.rawValue).joined(separator: ",")]
        return PartialResult(header: header(.sweep, command: "sweep", document: document, options: options,
                                            settings: settings, shard: shard, range: points),
                             head: head, content: .sweep(range: points, sweep))
    }

    /// Shard `shard` of a Sobol analysis: its share of the N base samples (each with its
    /// k + 2 evaluations).
    public static func sobolPartial(document: ScenarioDocument, baseSamples: Int, bootstrap: Int, metrics: [Metric]?,
                                    options: UncertaintyOptions, shard: Shard, head: FleetResult?,
                                    progress: ((Int, Int) -> Void)? = nil) throws -> PartialResult {
        let model = try FleetSampleModel(document: document, baseDirectory: options.baseDirectory ?? document.baseDirectory)
        let space = try InputSpace.located(document)
        let range = shard.share(of: baseSamples)
        let part = try SensitivityAnalysis.sobolPartial(model: model, inputs: space, baseSamples: baseSamples,
                                                        bootstrap: bootstrap, seed: options.seed, sampler: options.sampler,
                                                        range: range, threads: options.threads, progress: progress)
        let settings = ["base_samples": "\(baseSamples)", "bootstrap": "\(bootstrap)",
                        "metrics": metrics?.map(\.rawValue).joined(separator: ",") ?? "all"]
        return PartialResult(header: header(.sobol, command: "sensitivity", document: document, options: options,
                                            settings: settings, shard: shard, range: range),
                             head: head, content: .sobol(part, metrics: model.layout.metrics, chosen: metrics,
                                                         paths: space.inputs.map(\.path)))
    }

    static func header(_ kind: PartialHeader.Kind, command: String, document: ScenarioDocument,
                               options: UncertaintyOptions, settings: [String: String], shard: Shard,
                               range: Range<Int>) -> PartialHeader {
        PartialHeader(kind: kind, command: command, scenarioID: document.info.id, scenarioSHA256: document.info.sha256,
                      resolvedSHA256: resolvedHash(document), seed: options.seed, sampler: options.sampler.rawValue,
                      samples: options.samples, settings: settings, shard: shard,
                      range: [range.lowerBound, range.upperBound], threads: options.threads)
    }

    /// SHA-256 of every input as resolved (models/ and --set applied) and the correlations.
    static func resolvedHash(_ document: ScenarioDocument) -> String {
        var text = (try? FleetResult.encoder().encode(document.inputs)) ?? Data()
        text.append(Data(document.correlations.map { "\($0.paths) \($0.rho)" }.joined(separator: "\n").utf8))
        return ScenarioHash.sha256Hex(text)
    }
}
