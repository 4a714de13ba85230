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
enum ComparisonEngine {
    /// Statistics of each variant and difference from the variants' paired totals at samples
    /// 0 ..< options.samples; `sets` (the `--set` shared by every variant) is the run's overrides.
    static func run(variants: [ScenarioVariant], metrics: [Metric], options: UncertaintyOptions, sets: [String],
                    progress: ((Int, Int) -> Void)?) throws -> Comparison {
        let prepared = try variants.map { try PreparedScenario(document: $0.document) }
        let paired = try evaluate(prepared, metrics: metrics, options: options,
                                  indices: 0..<options.samples, progress: progress)
        guard paired.failed < options.samples || options.samples == 0 else {
            throw EvaluationFailure("compare: all \(options.samples) samples failed in some variant; first: "
                                    + (paired.firstFailure ?? "unknown"))
        }
        return summarize(paired, variants: variants, prepared: prepared, options: options, sets: sets)
    }

    /// The variants' whole-term totals of `metrics` at the sample indices `indices` (all of a
    /// run, or one shard of it: sample i's inputs depend only on the seed and i, so shards
    /// concatenated in index order give the whole run's pairs).
    static func evaluate(_ variants: [PreparedScenario], metrics: [Metric], options: UncertaintyOptions,
                         indices: Range<Int>, progress: ((Int, Int) -> Void)?) throws -> PairedTotals {
        let runner = options.runner
        try runner.validate()
        let work = Double(variants.count) * Double(max(options.samples, 1))
        guard work <= Double(MonteCarloRunner.maximumSamples) else {
            throw UncertaintyError.invalidOption("compare: \(variants.count) variants × \(options.samples) samples is more than "
                + "the \(MonteCarloRunner.maximumSamples) evaluations a run may take; use fewer samples")
        }
        let models = variants.map(FleetSampleModel.init), spaces = variants.map(\.inputs)
        let bases = models.map(\.base)
        let union = Array(Set(spaces.flatMap { $0.inputs.map(\.path) })).sorted()
        let model = PairedModel(models: models, spaces: spaces, union: union, metrics: metrics)
        var paired = PairedTotals(
            metrics: metrics, indices: indices,
            base: bases.indices.map { k in metrics.indices.map { bases[k][model.slots[k][$0]] } },
            values: variants.map { _ in metrics.map { _ in [] } },
            shared: union.filter { p in spaces.allSatisfy { $0.inputs.contains { $0.path == p } } },
            uncertainInputs: spaces.map(\.dimension))
        guard !indices.isEmpty else { return paired }
        let evaluator = BatchEvaluator(model: model, threads: options.threads, chunkSize: runner.chunkSize)
        let consume: (WaveResults) -> Void = { wave in
            paired.failed += wave.failures.count
            if paired.firstFailure == nil, let f = wave.failures.first {
                paired.firstFailure = "sample \(indices.lowerBound + f.index): \(f.reason)"
            }
            for r in 0..<wave.count where !wave.failed[r] {
                for k in variants.indices {
                    for mi in metrics.indices { paired.values[k][mi].append(wave.value(row: r, slot: k * metrics.count + mi)) }
                }
            }
        }
        // A Sobol sequence needs at least one dimension; with no uncertain input every sampler gives the base.
        switch union.isEmpty ? .random : options.sampler {
        case .random:
            let points = UnitPoints(sampler: CommonRandomSampler(paths: union, seed: options.seed), first: indices.lowerBound)
            evaluator.evaluate(points, count: indices.count, progress: progress, consume: consume)
        case .sobol:
            let sobol = SobolSampler(dimension: union.count, seed: options.seed)
            if let note = sobol.paddingNote { paired.notes.append(note) }
            evaluator.evaluate(UnitPoints(sampler: sobol, first: indices.lowerBound), count: indices.count,
                               progress: progress, consume: consume)
        case .lhs:
            let lhs = LatinHypercubeSampler(dimension: union.count, samples: options.samples, seed: options.seed)
            evaluator.evaluate(UnitPoints(sampler: lhs, first: indices.lowerBound), count: indices.count,
                               progress: progress, consume: consume)
        }
        return paired
    }

    /// The statistics of paired totals (one run's, or its shards' appended in index order).
    static func summarize(_ paired: PairedTotals, variants: [ScenarioVariant], prepared: [PreparedScenario],
                          options: UncertaintyOptions, sets: [String]) -> Comparison {
        let metrics = paired.metrics
        let sampled = options.samples > 0
        var warnings = paired.notes
        let requested = paired.indices.count
        if paired.failed > 0 {
            warnings.append("\(paired.failed) of \(requested) samples failed in some variant and are left out of every "
                            + "variant, keeping the differences paired; first: \(paired.firstFailure ?? "unknown")")
        }
        if sampled && paired.shared.isEmpty && paired.uncertainInputs.contains(where: { $0 > 0 }) {
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
        var out: [Comparison.Variant] = []
        for (k, v) in variants.enumerated() {
            var totals: [Metric: Stats] = [:]
            for (mi, m) in metrics.enumerated() { totals[m] = stats(base: paired.base[k][mi], paired.values[k][mi]) }
            // The deterministic result's scenario block: the document's, with its options.
            out.append(.init(name: v.name, scenario: prepared[k].baseResult.scenario, changes: v.changes,
                             uncertainInputs: paired.uncertainInputs[k],
                             totals: totals))
        }
        var differences: [Comparison.Difference] = []
        for k in variants.indices.dropFirst() {
            var totals: [Metric: Stats] = [:], independent: [Metric: Double] = [:]
            for (mi, m) in metrics.enumerated() {
                let d = zip(paired.values[k][mi], paired.values[0][mi]).map { $0 - $1 }
                totals[m] = stats(base: paired.base[k][mi] - paired.base[0][mi], d)
                if let a = out[0].totals[m]?.sd, let b = out[k].totals[m]?.sd {
                    independent[m] = (a * a + b * b).squareRoot()
                }
            }
            differences.append(.init(variant: variants[k].name, baseline: variants[0].name, totals: totals,
                                     sdIfIndependent: independent))
        }
        let run = FleetResult.RunInfo(samples: options.samples, seed: options.seed, sampler: options.sampler.rawValue,
                                      threads: options.threads, overrides: sets)
        return Comparison(run: run, metrics: metrics, variants: out, differences: differences,
                          sharedInputs: paired.shared,
                          diagnostics: .init(failedSamples: paired.failed, warnings: warnings))
    }
}

/// The whole-term totals of every variant at a range of sample indices, paired by index
/// (samples that failed in any variant left out of all): what one shard of a comparison
/// computes; shards appended in index order make the whole run's.
struct PairedTotals: Sendable {
    var metrics: [Metric]
    var indices: Range<Int>
    /// [variant][metric] at base values.
    var base: [[Double]]
    /// [variant][metric][sample], the samples that succeeded in every variant, in index order.
    var values: [[[Double]]]
    var shared: [String]
    var uncertainInputs: [Int]
    var failed = 0
    var firstFailure: String?
    var notes: [String] = []

    /// This shard followed by `next`, the shard of the indices that come right after.
    mutating func append(_ next: PairedTotals) {
        precondition(next.indices.lowerBound == indices.upperBound && next.metrics == metrics, "shards out of order")
        indices = indices.lowerBound..<next.indices.upperBound
        for k in values.indices { for m in values[k].indices { values[k][m] += next.values[k][m] } }
        failed += next.failed
        firstFailure = firstFailure ?? next.firstFailure
    }
}

/// Every variant's model behind one evaluator: the input vector is a unit point over the
/// union of the variants' uncertain inputs; each variant takes its own coordinates, maps
/// them through its input space and writes the whole-term totals of the compared metrics,
/// variant k's metric j at slot k · metrics + j.
struct PairedModel: SampleModel {
    let models: [FleetSampleModel]
    let spaces: [InputSpace]
    /// For each variant, the union coordinate of each of its inputs.
    let coordinates: [[Int]]
    /// For each variant, the slot in its model's layout of each compared metric's total.
    let slots: [[Int]]
    let metricCount: Int
    let layout: OutputLayout

    init(models: [FleetSampleModel], spaces: [InputSpace], union: [String], metrics: [Metric]) {
        self.models = models
        self.spaces = spaces
        let position = Dictionary(uniqueKeysWithValues: union.enumerated().map { ($1, $0) })
        coordinates = spaces.map { $0.inputs.map { position[$0.path]! } }
        slots = models.map { model in metrics.map { m in model.layout.total(model.layout.metrics.firstIndex(of: m)!) } }
        metricCount = metrics.count
        layout = OutputLayout(metrics: [], years: [], months: [],
                              extras: models.indices.flatMap { k in metrics.map { "variant \(k) \($0.rawValue)" } })
    }

    struct Evaluator: SampleEvaluator {
        let model: PairedModel
        var evaluators: [FleetSampleModel.Evaluator]
        var u: [[Double]]
        var x: [[Double]]
        var y: [[Double]]

        mutating func evaluate(_ inputs: [Double], into outputs: inout [Double]) throws {
            for k in evaluators.indices {
                for (j, c) in model.coordinates[k].enumerated() { u[k][j] = inputs[c] }
                model.spaces[k].map(u[k], into: &x[k])
                try evaluators[k].evaluate(x[k], into: &y[k])
                for (mi, s) in model.slots[k].enumerated() { outputs[k * model.metricCount + mi] = y[k][s] }
            }
        }
    }

    func makeEvaluator() -> Evaluator {
        Evaluator(model: self, evaluators: models.map { $0.makeEvaluator() },
                  u: spaces.map { [Double](repeating: 0.5, count: $0.dimension) },
                  x: spaces.map { $0.base },
                  y: models.map { [Double](repeating: 0, count: $0.layout.count) })
    }
}

/// A sampler's unit points from index `first` on, as they are: a `PairedModel` maps them itself.
private struct UnitPoints<Sampler: UnitSampler>: PointSource {
    let sampler: Sampler
    var first = 0
    var inputCount: Int { sampler.dimension }
    func makeCursor() -> Sampler.Cursor { sampler.makeCursor() }
    func inputs(_ j: Int, cursor: inout Sampler.Cursor, into x: inout [Double]) {
        sampler.point(first + j, cursor: &cursor, into: &x)
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
