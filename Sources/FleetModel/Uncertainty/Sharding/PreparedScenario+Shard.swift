import Foundation

/// The sharded forms of `run`/`report`, `sweep` and `sensitivity` (sobol and tornado): each
/// evaluates only its shard's share of a prepared scenario and returns a partial result for
/// `PartialMerge`.
extension PreparedScenario {
    /// The deterministic result (every input at base) with the run block of `options`: what
    /// shard 0 carries, and what an unsharded run starts from.
    public func baseResult(_ options: UncertaintyOptions) -> FleetResult {
        var result = baseResult
        result.run = runInfo(options)
        return result
    }

    /// What the part of `shard` carries as its head: the base result for shard 0 (the merge
    /// takes it from there), nothing for the others.
    public func head(of shard: Shard, _ options: UncertaintyOptions) -> FleetResult? {
        shard.index == 0 ? baseResult(options) : nil
    }

    /// Shard `shard` of a Monte Carlo run (`options.samples > 0`): its blocks of samples.
    /// `head` (shard 0 only) is the base result, with whatever the command adds to it.
    public func runPartial(options: UncertaintyOptions, shard: Shard, command: String, head: FleetResult?,
                           progress: ((Int, Int) -> Void)? = nil) throws -> PartialResult {
        let model = FleetSampleModel(self)
        let runner = options.runner
        let part = try runner.partial(model: model, inputs: inputs, shard: shard, base: model.base, progress: progress)
        let settings = ["block_size": "\(MonteCarloRunner.blockSize)", "pilot_size": "\(runner.pilotSize)",
                        "quantile_bins": "\(runner.quantileBins)"]
        return PartialResult(header: partialHeader(.run, command: command, options: options, settings: settings,
                                                   shard: shard, range: part.range),
                             head: head, content: .run(part))
    }

    /// Shard `shard` of a sweep: its share of the grid's points, in grid order.
    public func sweepPartial(_ grid: SweepSpec, metrics: [Metric], options: UncertaintyOptions, shard: Shard,
                             head: FleetResult?) throws -> PartialResult {
        let points = shard.share(of: grid.count)
        let sweep = try self.sweep(grid, metrics: metrics, options: options, points: points)
        let axes = grid.axes.map { "\($0.path)=" + $0.values.map { "\($0)" }.joined(separator: ",") }
        let settings = ["grid": axes.joined(separator: " "), "metrics": metrics.map(\.rawValue).joined(separator: ",")]
        return PartialResult(header: partialHeader(.sweep, command: "sweep", options: options, settings: settings,
                                                   shard: shard, range: points),
                             head: head, content: .sweep(range: points, sweep))
    }

    /// Shard `shard` of a Sobol analysis: its share of the N base samples (each with its
    /// k + 2 evaluations).
    public func sobolPartial(baseSamples: Int, bootstrap: Int, metrics: [Metric]?, options: UncertaintyOptions,
                             shard: Shard, head: FleetResult?,
                             progress: ((Int, Int) -> Void)? = nil) throws -> PartialResult {
        let model = FleetSampleModel(self)
        let range = shard.share(of: baseSamples)
        let part = try SensitivityAnalysis.sobolPartial(model: model, inputs: inputs, baseSamples: baseSamples,
                                                        bootstrap: bootstrap, seed: options.seed, sampler: options.sampler,
                                                        range: range, threads: options.threads, progress: progress)
        let settings = ["base_samples": "\(baseSamples)", "bootstrap": "\(bootstrap)",
                        "metrics": metrics?.map(\.rawValue).joined(separator: ",") ?? "all"]
        return PartialResult(header: partialHeader(.sobol, command: "sensitivity", options: options, settings: settings,
                                                   shard: shard, range: range),
                             head: head, content: .sobol(part, metrics: model.layout.metrics, chosen: metrics,
                                                         paths: inputs.inputs.map(\.path)))
    }

    /// Shard `shard` of a tornado (`tornado(metrics:threads:)`): its share of the 2k + 1 points.
    public func tornadoPartial(metrics: [Metric]?, options: UncertaintyOptions, shard: Shard, head: FleetResult?,
                               progress: ((Int, Int) -> Void)? = nil) throws -> PartialResult {
        let range = shard.share(of: 2 * inputs.dimension + 1)
        let part = try SensitivityAnalysis.tornadoPartial(model: FleetSampleModel(self), inputs: inputs, metrics: metrics,
                                                          range: range, threads: options.threads, progress: progress)
        let settings = ["metrics": metrics?.map(\.rawValue).joined(separator: ",") ?? "all"]
        return PartialResult(header: partialHeader(.tornado, command: "sensitivity", options: options, settings: settings,
                                                   shard: shard, range: range),
                             head: head, content: .tornado(part))
    }

    func partialHeader(_ kind: PartialHeader.Kind, command: String, options: UncertaintyOptions,
                       settings: [String: String], shard: Shard, range: Range<Int>) -> PartialHeader {
        PartialHeader(kind: kind, command: command, scenarioID: info.id, scenarioSHA256: info.sha256,
                      resolvedSHA256: resolvedHash, seed: options.seed, sampler: options.sampler.rawValue,
                      samples: options.samples, settings: settings, shard: shard,
                      range: [range.lowerBound, range.upperBound], threads: options.threads)
    }

    /// SHA-256 of every input as resolved (models/ and --set applied) and the correlations.
    var resolvedHash: String {
        var text = (try? FleetResult.encoder().encode(document.inputs)) ?? Data()
        text.append(Data(document.correlations.map { "\($0.paths) \($0.rho)" }.joined(separator: "\n").utf8))
        return ScenarioHash.sha256Hex(text)
    }
}
