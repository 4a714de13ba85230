internal import GSL

/// Scenario variants evaluated with common random numbers (CRN): at sample i every variant
/// sees the same unit value for each uncertain input it shares with the others (matched by
/// path), so the difference B − A taken sample by sample carries only the effect of what
/// differs, not the noise of two independent draws. Var(B − A) = Var A + Var B − 2 Cov(A, B),
/// and CRN makes Cov(A, B) large and positive (Glasserman & Yao 1992, "Some guidelines and
/// guarantees for common random numbers", Management Science 38(6)).
///
/// Unit points: `--sampler random` draws each input's unit value from (seed, sample, path)
/// (`CommonRandomSampler`), so a variant's own statistics do not depend on what it is
/// compared with; `sobol` and `lhs` use their sequence over the union of the variants' inputs
/// sorted by path. Each variant maps its inputs' unit values through its own marginals and
/// copula (`InputSpace.map`). A sample that fails in any variant is left out of all of them,
/// so the differences stay paired.
///
/// Each variant's totals are kept as a `MonteCarloPartial` over the samples evaluated (one
/// per `--shard`, or the whole run), joined in sample order by `MonteCarloMerge`, so a
/// sharded comparison merges to exactly the unsharded one. The statistics are then taken
/// from the joined totals: mean and sd by one Welford pass over every sample in order,
/// quantiles from the sorted totals, each difference from the totals sample by sample.
enum ComparisonEngine {
    /// Statistics of each variant and difference from the variants' paired totals at samples
    /// 0 ..< options.samples; `sets` (the `--set` shared by every variant) is the run's overrides.
    static func run(variants: [ScenarioVariant], metrics: [Metric], options: UncertaintyOptions, sets: [String],
                    progress: ((Int, Int) -> Void)?) throws -> Comparison {
        let prepared = try variants.map { try PreparedScenario(document: $0.document) }
        let frame = frame(variants, prepared: prepared, metrics: metrics, options: options, sets: sets)
        let parts = try evaluate(prepared, metrics: metrics, options: options, range: 0..<options.samples,
                                 progress: progress)
        var merge = CompareMerge(first: parts)
        try merge.add(parts)
        return try summarize(try merge.paired(), frame: frame)
    }

    /// The comparison without its statistics: the variants' names, scenarios, changes and
    /// uncertain inputs, the shared inputs and the run block. What shard 0 carries.
    static func frame(_ variants: [ScenarioVariant], prepared: [PreparedScenario], metrics: [Metric],
                      options: UncertaintyOptions, sets: [String]) -> Comparison {
        let spaces = prepared.map(\.inputs)
        let run = FleetResult.RunInfo(samples: options.samples, seed: options.seed, sampler: options.sampler.rawValue,
                                      threads: options.threads, overrides: sets)
        // The deterministic result's scenario block: the document's, with its options.
        let out = variants.indices.map { k in
            Comparison.Variant(name: variants[k].name, scenario: prepared[k].baseResult.scenario,
                               changes: variants[k].changes, uncertainInputs: spaces[k].dimension, totals: [:])
        }
        return Comparison(run: run, metrics: metrics, variants: out, differences: [], sharedInputs: sharedInputs(spaces),
                          diagnostics: .init())
    }

    /// The uncertain inputs, by path, that every space has.
    static func sharedInputs(_ spaces: [InputSpace]) -> [String] {
        unionPaths(spaces).filter { p in spaces.allSatisfy { $0.inputs.contains { $0.path == p } } }
    }

    /// Every space's uncertain inputs, by path, sorted: the coordinates of a comparison's unit points.
    static func unionPaths(_ spaces: [InputSpace]) -> [String] {
        Array(Set(spaces.flatMap { $0.inputs.map(\.path) })).sorted()
    }

    /// The prepared variants' whole-term totals of `metrics` at samples `range`.
    static func evaluate(_ variants: [PreparedScenario], metrics: [Metric], options: UncertaintyOptions,
                         range: Range<Int>, progress: ((Int, Int) -> Void)?) throws -> [MonteCarloPartial] {
        let models = variants.map(FleetSampleModel.init)
        return try evaluate(models: models, spaces: variants.map(\.inputs), bases: models.map(\.base), metrics: metrics,
                            options: options, range: range, progress: progress)
    }

    /// Per variant, the whole-term totals of `metrics` at the samples `range` (all of a run,
    /// or one shard's whole blocks of `MonteCarloRunner.blockSize`), as a `MonteCarloPartial`
    /// with no yearly or monthly streams: sample i's inputs depend only on the seed and i,
    /// so shards joined in index order give the whole run's pairs. `bases` are each model's
    /// outputs at base values. Every variant's part records the same failed samples.
    static func evaluate<M: SampleModel>(models: [M], spaces: [InputSpace], bases: [[Double]], metrics: [Metric],
                                         options: UncertaintyOptions, range: Range<Int>,
                                         progress: ((Int, Int) -> Void)?) throws -> [MonteCarloPartial] {
        let runner = options.runner
        try runner.validate()
        let work = Double(models.count) * Double(max(options.samples, 1))
        guard work <= Double(MonteCarloRunner.maximumSamples) else {
            throw UncertaintyError.invalidOption("compare: \(models.count) variants × \(options.samples) samples is more than "
                + "the \(MonteCarloRunner.maximumSamples) evaluations a run may take; use fewer samples")
        }
        let blockSize = MonteCarloRunner.blockSize
        precondition(range.lowerBound % blockSize == 0 && range.upperBound <= options.samples, "whole blocks of the run")
        let union = unionPaths(spaces)
        let model = PairedModel(models: models, spaces: spaces, union: union, metrics: metrics)
        // A Sobol sequence needs at least one dimension; with no uncertain input every sampler gives the base.
        let sampler = union.isEmpty ? .random : options.sampler
        var notes: [String] = []
        if sampler == .sobol, options.samples > 0, let note = SobolSampler(dimension: union.count, seed: options.seed).paddingNote {
            notes.append(note)
        }
        let metricCount = metrics.count, firstBlock = range.lowerBound / blockSize
        let blocks = (range.count + blockSize - 1) / blockSize
        var moments = models.map { _ in [MomentAccumulator](repeating: .init(), count: blocks * metricCount) }
        var totals = models.map { _ in metrics.map { _ in [Double]() } }
        var failedCount = 0
        var failures: [SampleFailure] = []
        let consume: (WaveResults) -> Void = { wave in
            failedCount += wave.failures.count
            if failures.count < UncertaintySummary.failuresKept {
                failures += wave.failures.prefix(UncertaintySummary.failuresKept - failures.count)
            }
            for r in 0..<wave.count where !wave.failed[r] {
                let b = (wave.first + r) / blockSize - firstBlock
                for k in models.indices {
                    for mi in 0..<metricCount {
                        let v = wave.value(row: r, slot: k * metricCount + mi)
                        totals[k][mi].append(v)
                        moments[k][b * metricCount + mi].add(v)
                    }
                }
            }
        }
        if !range.isEmpty {
            let evaluator = BatchEvaluator(model: model, threads: options.threads, chunkSize: runner.chunkSize)
            switch sampler {
            case .random:
                evaluator.evaluate(UnitPoints(sampler: CommonRandomSampler(paths: union, seed: options.seed)), range: range,
                                   progress: progress, consume: consume)
            case .sobol:
                evaluator.evaluate(UnitPoints(sampler: SobolSampler(dimension: union.count, seed: options.seed)),
                                   range: range, progress: progress, consume: consume)
            case .lhs:
                let lhs = LatinHypercubeSampler(dimension: union.count, samples: options.samples, seed: options.seed)
                evaluator.evaluate(UnitPoints(sampler: lhs), range: range, progress: progress, consume: consume)
            }
        }
        let layout = OutputLayout(metrics: metrics, years: [], months: [])
        return models.indices.map { k in
            MonteCarloPartial(layout: layout, samples: options.samples, range: range, blockSize: blockSize,
                              base: metrics.indices.map { bases[k][model.slots[k][$0]] }, inputPaths: union,
                              blockMoments: moments[k], totals: totals[k], streams: [], failedCount: failedCount,
                              failures: failures, notes: notes)
        }
    }

    /// The statistics of a comparison's paired totals, filled into its `frame`.
    static func summarize(_ paired: PairedTotals, frame: Comparison) throws -> Comparison {
        let metrics = frame.metrics, requested = frame.run.samples
        guard paired.failed < requested || requested == 0 else {
            throw EvaluationFailure("compare: all \(requested) samples failed in some variant; first: "
                                    + (paired.firstFailure ?? "unknown"))
        }
        let sampled = requested > 0
        var warnings = paired.notes
        if paired.failed > 0 {
            warnings.append("\(paired.failed) of \(requested) samples failed in some variant and are left out of every "
                            + "variant, keeping the differences paired; first: \(paired.firstFailure ?? "unknown")")
        }
        if sampled && frame.sharedInputs.isEmpty && frame.variants.contains(where: { $0.uncertainInputs > 0 }) {
            warnings.append("the variants share no uncertain input, so common random numbers cannot narrow their differences")
        }
        func stats(base: Double, _ xs: [Double]) -> Stats {
            guard sampled, !xs.isEmpty else { return Stats(base: base) }
            var moments = MomentAccumulator()
            for x in xs { moments.add(x) }
            let sorted = xs.sorted()
            return Stats(base: base, mean: moments.mean, sd: moments.standardDeviation,
                         p05: Statistics.quantile(sorted: sorted, fraction: 0.05),
                         p50: Statistics.quantile(sorted: sorted, fraction: 0.50),
                         p95: Statistics.quantile(sorted: sorted, fraction: 0.95))
        }
        var out = frame.variants
        for k in out.indices {
            var totals: [Metric: Stats] = [:]
            for (mi, m) in metrics.enumerated() { totals[m] = stats(base: paired.base[k][mi], paired.values[k][mi]) }
            out[k].totals = totals.reported()
        }
        var differences: [Comparison.Difference] = []
        for k in out.indices.dropFirst() {
            var totals: [Metric: Stats] = [:], independent: [Metric: Double] = [:]
            for (mi, m) in metrics.enumerated() {
                let d = zip(paired.values[k][mi], paired.values[0][mi]).map { $0 - $1 }
                totals[m] = stats(base: paired.base[k][mi] - paired.base[0][mi], d)
                if let a = out[0].totals[m]?.sd, let b = out[k].totals[m]?.sd {
                    independent[m] = (a * a + b * b).squareRoot()
                }
            }
            differences.append(.init(variant: out[k].name, baseline: out[0].name, totals: totals.reported(),
                                     sdIfIndependent: independent))
        }
        return Comparison(run: frame.run, metrics: metrics, variants: out, differences: differences,
                          sharedInputs: frame.sharedInputs,
                          diagnostics: .init(failedSamples: paired.failed, warnings: warnings))
    }
}

/// A sampler's unit points as they are: a `PairedModel` maps them itself.
private struct UnitPoints<Sampler: UnitSampler>: PointSource {
    let sampler: Sampler
    var inputCount: Int { sampler.dimension }
    func makeCursor() -> Sampler.Cursor { sampler.makeCursor() }
    func inputs(_ j: Int, cursor: inout Sampler.Cursor, into x: inout [Double]) {
        sampler.point(j, cursor: &cursor, into: &x)
    }
}

extension ScenarioVariant {
    /// `fleetwatt compare`: the variants (from `variants(scenarios:specs:)`), each prepared as
    /// `PreparedScenario` prepares a scenario, evaluated with common random numbers; statistics
    /// of each variant's totals of `metrics` and of each variant − the first, sample by sample
    /// (see `ComparisonEngine`). `sets` are the `--set` values every variant shares, recorded as
    /// the comparison's `run.overrides`.
    ///
    /// - Parameter progress: (samples done, samples in the run), on the calling thread.
    public static func compare(_ variants: [ScenarioVariant], metrics: [Metric] = Metric.allCases,
                               options: UncertaintyOptions, sets: [String] = [],
                               progress: ((Int, Int) -> Void)? = nil) throws -> Comparison {
        try ComparisonEngine.run(variants: variants, metrics: metrics, options: options, sets: sets, progress: progress)
    }
}
