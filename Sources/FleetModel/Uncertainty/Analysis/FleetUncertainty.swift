/// Settings of an uncertainty run, as the CLI's flags give them.
public struct UncertaintyOptions: Sendable {
    /// Monte Carlo samples (`--samples`); 0 evaluates the base values only.
    public var samples: Int
    public var seed: UInt64
    /// The seed when `--seed` is not given.
    public static let defaultSeed: UInt64 = 20_251_103
    public var sampler: SamplerKind
    public var threads: Int
    /// Every `--set` applied, as PATH=VALUE, for the result's `run.overrides`.
    public var overrides: [String]
    /// Where relative weather-file paths resolve; nil: the scenario file's folder
    /// (`ScenarioDocument.baseDirectory`).
    public var baseDirectory: String?

    public init(samples: Int = 1_000, seed: UInt64 = UncertaintyOptions.defaultSeed, sampler: SamplerKind = .random,
                threads: Int = MonteCarloRunner.defaultThreads, overrides: [String] = [], baseDirectory: String? = nil) {
        self.samples = samples
        self.seed = seed
        self.sampler = sampler
        self.threads = threads
        self.overrides = overrides
        self.baseDirectory = baseDirectory
    }

    var runner: MonteCarloRunner { MonteCarloRunner(samples: samples, seed: seed, sampler: sampler, threads: threads) }
    /// The `run` block of a result made with these options.
    public var runInfo: FleetResult.RunInfo {
        FleetResult.RunInfo(samples: samples, seed: seed, sampler: sampler.rawValue, threads: threads, overrides: overrides)
    }
}

/// Scenario → samples → physics → statistics: what `fleetwatt run`, `sweep`, `sensitivity`
/// and `bench` call.
public enum FleetUncertainty {
    /// The result of a scenario: the deterministic evaluation (with breakdown and the
    /// quadrature check) and, when `options.samples > 0`, the sampled statistics of every
    /// metric for the whole term, each year and each month, histograms and standard errors.
    ///
    /// - Parameter progress: (samples done, samples in the run), on the calling thread.
    public static func evaluate(document: ScenarioDocument, options: UncertaintyOptions,
                                progress: ((Int, Int) -> Void)? = nil) throws -> FleetResult {
        let space = try InputSpace.located(document)
        let spec = try document.decode(FleetSpec.self)
        var result = try FleetEvaluator(spec: spec, baseDirectory: options.baseDirectory ?? document.baseDirectory)
            .deterministicResult(scenario: document.info, inputs: document.inputs, run: options.runInfo)
        guard options.samples > 0 else { return result }
        let model = try FleetSampleModel(document: document, baseDirectory: options.baseDirectory ?? document.baseDirectory)
        let summary = try options.runner.run(model: model, inputs: space, progress: progress)
        summary.apply(to: &result)
        return result
    }

    /// One row per grid point of `spec`: the totals of `metrics` at the point, deterministic
    /// (`options.samples == 0`) or from a full Monte Carlo run. A varied path is fixed at the
    /// point's value, as `--set PATH=VALUE` would (an uncertain input stops being one).
    /// `points` limits the run to those grid points (a shard's share).
    public static func sweep(document: ScenarioDocument, spec: SweepSpec, metrics: [Metric],
                             options: UncertaintyOptions, points: Range<Int>? = nil,
                             progress: ((Int, Int) -> Void)? = nil) throws -> Sweep {
        try spec.check(against: document)
        try spec.checkWork(samples: options.samples)
        // Deterministic points run in parallel; Monte Carlo points each use every thread.
        let pointThreads = options.samples == 0 ? options.threads : 1
        let inner = options
        return try spec.run(metrics: metrics, threads: pointThreads, points: points) { point in
            var doc = document
            for path in spec.parameters { try doc.set(path, to: point[path]!.description) }
            if inner.samples == 0 {
                let model = try FleetSampleModel(document: doc, baseDirectory: inner.baseDirectory ?? doc.baseDirectory)
                let base = try MonteCarloRunner.evaluateBase(model: model, inputs: try InputSpace.located(doc))
                var totals: [Metric: Stats] = [:]
                for (m, metric) in model.layout.metrics.enumerated() { totals[metric] = Stats(base: base[m]) }
                return totals
            }
            let model = try FleetSampleModel(document: doc, baseDirectory: inner.baseDirectory ?? doc.baseDirectory)
            return try inner.runner.run(model: model, inputs: try InputSpace.located(doc)).totals
        }
    }

    /// Tornado sensitivity of the scenario's uncertain inputs (P10 and P90, the rest at base).
    public static func tornado(document: ScenarioDocument, metrics: [Metric]? = nil,
                               options: UncertaintyOptions) throws -> Sensitivity {
        let model = try FleetSampleModel(document: document, baseDirectory: options.baseDirectory ?? document.baseDirectory)
        return try SensitivityAnalysis.tornado(model: model, inputs: try InputSpace.located(document),
                                               metrics: metrics, threads: options.threads)
    }

    /// Sobol indices of the scenario's uncertain inputs (Saltelli design, N·(k + 2) runs).
    public static func sobol(document: ScenarioDocument, baseSamples: Int, bootstrap: Int,
                             metrics: [Metric]? = nil, options: UncertaintyOptions,
                             progress: ((Int, Int) -> Void)? = nil) throws -> SobolAnalysis {
        let model = try FleetSampleModel(document: document, baseDirectory: options.baseDirectory ?? document.baseDirectory)
        return try SensitivityAnalysis.sobol(model: model, inputs: try InputSpace.located(document),
                                             baseSamples: baseSamples, bootstrap: bootstrap, seed: options.seed,
                                             sampler: options.sampler, metrics: metrics, threads: options.threads,
                                             progress: progress)
    }

    /// `fleetwatt bench`: Monte Carlo runs of `document` for each sample count and thread
    /// count, then a Sobol analysis with `sobolBaseSamples` base samples (0: none).
    public static func bench(document: ScenarioDocument, samples: [Int], threads: [Int],
                             sampler: SamplerKind = .random, seed: UInt64 = 20_251_103, sobolBaseSamples: Int = 0,
                             baseDirectory: String? = nil,
                             report: (UncertaintyBenchmark.Row) -> Void = { _ in }) throws -> [UncertaintyBenchmark.Row] {
        let model = try FleetSampleModel(document: document, baseDirectory: baseDirectory ?? document.baseDirectory)
        return try UncertaintyBenchmark.run(model: model, inputs: try InputSpace.located(document),
                                            hoursPerEvaluation: model.siteHours, samples: samples, threads: threads,
                                            sampler: sampler, seed: seed, sobolBaseSamples: sobolBaseSamples,
                                            report: report)
    }
}
