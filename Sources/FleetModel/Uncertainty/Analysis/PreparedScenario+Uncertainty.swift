/// Settings of an uncertainty run, as the CLI's flags give them.
public struct UncertaintyOptions: Sendable {
    /// Monte Carlo samples (`--samples`); 0 evaluates the base values only.
    public var samples: Int
    public var seed: UInt64
    /// The seed when `--seed` is not given.
    public static let defaultSeed: UInt64 = 20_251_103
    public var sampler: SamplerKind
    public var threads: Int

    public init(samples: Int = 1_000, seed: UInt64 = UncertaintyOptions.defaultSeed, sampler: SamplerKind = .random,
                threads: Int = MonteCarloRunner.defaultThreads) {
        self.samples = samples
        self.seed = seed
        self.sampler = sampler
        self.threads = threads
    }

    var runner: MonteCarloRunner { MonteCarloRunner(samples: samples, seed: seed, sampler: sampler, threads: threads) }
}

/// Prepared scenario → samples → physics → statistics: what `fleetwatt run`, `report`,
/// `sweep`, `sensitivity` and `bench` call.
extension PreparedScenario {
    /// The `run` block of a result made with `options`.
    public func runInfo(_ options: UncertaintyOptions) -> FleetResult.RunInfo {
        FleetResult.RunInfo(samples: options.samples, seed: options.seed, sampler: options.sampler.rawValue,
                            threads: options.threads, overrides: sets)
    }

    /// The result of the scenario: the deterministic evaluation (with breakdown and the
    /// quadrature check) and, when `options.samples > 0`, the sampled statistics of every
    /// metric for the whole term, each year and each month, histograms and standard errors.
    ///
    /// - Parameter progress: (samples done, samples in the run), on the calling thread.
    public func evaluate(_ options: UncertaintyOptions, progress: ((Int, Int) -> Void)? = nil) throws -> FleetResult {
        var result = baseResult
        result.run = runInfo(options)
        guard options.samples > 0 else { return result }
        let model = FleetSampleModel(self)
        let summary = try options.runner.run(model: model, inputs: inputs, base: model.base, progress: progress)
        summary.apply(to: &result)
        return result
    }

    /// One row per grid point of `grid`: the totals of `metrics` at the point, deterministic
    /// (`options.samples == 0`) or from a full Monte Carlo run. A varied path is fixed at the
    /// point's value, as `--set PATH=VALUE` would (an uncertain input stops being one).
    /// Numeric values are written through typed places found once for the whole grid; a point
    /// with text values (a cooling type, an id) is the scenario with those set and prepared
    /// again, since they can change which defaults and inputs it has. `points` limits the run
    /// to those grid points (a shard's share).
    public func sweep(_ grid: SweepSpec, metrics: [Metric], options: UncertaintyOptions, points: Range<Int>? = nil,
                      progress: ((Int, Int) -> Void)? = nil) throws -> Sweep {
        try grid.check(against: self)
        try grid.checkWork(samples: options.samples)
        let document = document
        let textAxes = try grid.axes.indices.filter { try document.holdsText(at: grid.axes[$0].path) }
        let numericAxes = grid.axes.indices.filter { !textAxes.contains($0) }
        let numericPaths = numericAxes.map { grid.axes[$0].path }
        let shared = textAxes.isEmpty ? try sweepPoints(fixing: numericPaths, options: options) : nil
        // Deterministic points run in parallel; Monte Carlo points each use every thread.
        let pointThreads = options.samples == 0 ? options.threads : 1
        return try grid.run(metrics: metrics, threads: pointThreads, points: points) { values in
            let numbers = numericAxes.map { values[$0].number! }
            if let shared { return try shared(numbers) }
            var changed = document
            for a in textAxes { try changed.set(grid.axes[a].path, to: values[a].description) }
            return try PreparedScenario(document: changed).sweepPoints(fixing: numericPaths, options: options)(numbers)
        }
    }

    /// The totals at sweep points of this scenario with the numeric inputs at `paths` fixed at
    /// each point's values (in `paths` order): the remaining input space and where the values
    /// go are found once, here; each point writes its values and evaluates.
    private func sweepPoints(fixing paths: [String], options: UncertaintyOptions) throws
        -> @Sendable ([Double]) throws -> [Metric: Stats] {
        let (space, sampled, fixed) = try fixing(paths)
        let base = evaluator, directory = document.baseDirectory
        return { values in
            let spec = try fixed.spec(values)
            let pointEvaluator = try FleetEvaluator(spec: spec, baseDirectory: directory, previous: base)
            let model = try FleetSampleModel(places: sampled.rebased(on: spec, fixed: fixed, values: values),
                                             evaluator: pointEvaluator)
            // Reported as `run` reports them: counts (GPUs installed) as whole numbers.
            guard options.samples > 0 else {
                var totals: [Metric: Stats] = [:]
                for (m, metric) in model.layout.metrics.enumerated() { totals[metric] = Stats(base: model.base[m]) }
                return totals.reported()
            }
            return try options.runner.run(model: model, inputs: space, base: model.base).totals.reported()
        }
    }

    /// Tornado sensitivity of the uncertain inputs (P10 and P90, the rest at base).
    public func tornado(metrics: [Metric]? = nil, threads: Int = MonteCarloRunner.defaultThreads) throws -> Sensitivity {
        try SensitivityAnalysis.tornado(model: FleetSampleModel(self), inputs: inputs, metrics: metrics, threads: threads)
    }

    /// Sobol indices of the uncertain inputs (Saltelli design, N·(k + 2) runs).
    public func sobol(baseSamples: Int, bootstrap: Int, metrics: [Metric]? = nil, options: UncertaintyOptions,
                      progress: ((Int, Int) -> Void)? = nil) throws -> SobolAnalysis {
        try SensitivityAnalysis.sobol(model: FleetSampleModel(self), inputs: inputs, baseSamples: baseSamples,
                                      bootstrap: bootstrap, seed: options.seed, sampler: options.sampler,
                                      metrics: metrics, threads: options.threads, progress: progress)
    }

    /// `fleetwatt bench`: Monte Carlo runs for each sample count and thread count, then a
    /// Sobol analysis with `sobolBaseSamples` base samples (0: none).
    public func bench(samples: [Int], threads: [Int], sampler: SamplerKind = .random,
                      seed: UInt64 = UncertaintyOptions.defaultSeed, sobolBaseSamples: Int = 0,
                      report: (UncertaintyBenchmark.Row) -> Void = { _ in }) throws -> [UncertaintyBenchmark.Row] {
        let model = FleetSampleModel(self)
        return try UncertaintyBenchmark.run(model: model, inputs: inputs, hoursPerEvaluation: model.siteHours,
                                            samples: samples, threads: threads, sampler: sampler, seed: seed,
                                            sobolBaseSamples: sobolBaseSamples, report: report)
    }
}
