/// Runs a model over sampled inputs and reduces every output into statistics as the
/// samples are produced.
///
/// Sample i's inputs depend only on (seed, i); samples are evaluated in parallel in chunks
/// and reduced in sample order, so the summary is identical to the last bit for any
/// `threads` and `chunkSize`. Memory holds one wave of outputs, the whole-term totals of
/// every sample (for exact quantiles: 8 bytes × metrics × samples) and fixed-size
/// accumulators for each year and month; it does not grow with samples × hours.
public struct MonteCarloRunner: Sendable {
    /// Number of samples; 0 evaluates the base values only.
    public var samples: Int
    public var seed: UInt64
    public var sampler: SamplerKind
    /// Worker threads (`--threads`).
    public var threads: Int
    /// Consecutive samples evaluated by one worker at a time.
    public var chunkSize = 64
    /// Samples stored per year and month before their quantiles switch to histograms.
    public var pilotSize = 1_000
    /// Histogram bins per year and month after the pilot.
    public var quantileBins = 1_024

    /// The most samples a run accepts (the stored totals then take 120 MB).
    public static let maximumSamples = 1_000_000

    /// The most worker threads a run accepts (`--threads`).
    public static let maximumThreads = 1_024

    public init(samples: Int, seed: UInt64 = 1, sampler: SamplerKind = .random,
                threads: Int = MonteCarloRunner.defaultThreads) {
        self.samples = samples
        self.seed = seed
        self.sampler = sampler
        self.threads = threads
    }

    /// The machine's active processor count, the default for `threads`.
    public static var defaultThreads: Int { Parallel.defaultThreads }

    func validate() throws(UncertaintyError) {
        guard (0...Self.maximumSamples).contains(samples) else {
            throw UncertaintyError.invalidOption("--samples: expected 0 to \(Self.maximumSamples), got \(samples)")
        }
        guard (1...Self.maximumThreads).contains(threads) else {
            throw UncertaintyError.invalidOption("--threads: expected 1 to \(Self.maximumThreads), got \(threads)")
        }
        guard chunkSize >= 1 else { throw UncertaintyError.invalidOption("chunk size must be at least 1, got \(chunkSize)") }
    }

    /// Evaluates `model` at the base values (unless `base` gives its outputs there) and, when
    /// `samples > 0`, at `samples` sampled points of `inputs`.
    ///
    /// - Parameter progress: called on the calling thread after each wave with
    ///   (samples done, samples in the run).
    /// - Throws: `UncertaintyError.invalidOption` for bad settings, `EvaluationFailure`
    ///   when the base evaluation fails or every sample does.
    public func run<M: SampleModel>(model: M, inputs: InputSpace, base: [Double]? = nil,
                                    progress: ((Int, Int) -> Void)? = nil) throws -> UncertaintySummary {
        try validate()
        let base = try base ?? Self.evaluateBase(model: model, inputs: inputs)
        guard samples > 0 else {
            return UncertaintySummary(layout: model.layout, samples: 0, base: base)
        }
        let paths = inputs.inputs.map(\.path)
        switch sampler {
        case .random:
            let random = RandomSampler(dimension: inputs.dimension, seed: seed)
            return try reduce(model: model, base: base, paths: paths,
                              points: SampledPoints(sampler: random, space: inputs), progress: progress)
        case .lhs:
            let lhs = LatinHypercubeSampler(dimension: inputs.dimension, samples: samples, seed: seed)
            return try reduce(model: model, base: base, paths: paths,
                              points: SampledPoints(sampler: lhs, space: inputs), progress: progress)
        case .sobol:
            let sobol = SobolSampler(dimension: inputs.dimension, seed: seed)
            return try reduce(model: model, base: base, paths: paths,
                              points: SampledPoints(sampler: sobol, space: inputs), progress: progress,
                              notes: sobol.paddingNote.map { [$0] } ?? [])
        }
    }

    /// The model's outputs with every input at its base value.
    static func evaluateBase<M: SampleModel>(model: M, inputs: InputSpace) throws(EvaluationFailure) -> [Double] {
        var evaluator = model.makeEvaluator()
        var y = [Double](repeating: .nan, count: model.layout.count)
        do {
            try evaluator.evaluate(inputs.base, into: &y)
        } catch {
            throw EvaluationFailure("evaluation at base values failed: \(error)")
        }
        if let bad = y.firstIndex(where: { !$0.isFinite }) {
            throw EvaluationFailure("evaluation at base values gave a non-finite "
                                    + BatchEvaluator<M>.describe(slot: bad, in: model.layout))
        }
        return y
    }

    private func reduce<M: SampleModel, P: PointSource>(
        model: M, base: [Double], paths: [String], points: P, progress: ((Int, Int) -> Void)?,
        notes: [String] = []
    ) throws(EvaluationFailure) -> UncertaintySummary {
        let layout = model.layout
        let slots = layout.count
        let metricCount = layout.metrics.count
        let threads = threads, n = samples
        let moments = DisjointBuffer(repeating: MomentAccumulator(), count: slots)
        let totals = DisjointBuffer<[Double]>(
            (0..<metricCount).map { _ in var a = [Double](); a.reserveCapacity(n); return a })
        let streams = DisjointBuffer(repeating: StreamingQuantiles(pilotSize: pilotSize, bins: quantileBins),
                                     count: slots - metricCount)
        var failures: [SampleFailure] = []
        var failedCount = 0

        let evaluator = BatchEvaluator(model: model, threads: threads, chunkSize: chunkSize)
        evaluator.evaluate(points, count: n, progress: progress) { wave in
            failedCount += wave.failures.count
            if failures.count < UncertaintySummary.failuresKept {
                failures += wave.failures.prefix(UncertaintySummary.failuresKept - failures.count)
            }
            // Worker t reduces a fixed block of slots, every row of the wave in sample order.
            Parallel.forEachWorker(threads) { t in
                let lo = slots * t / threads, hi = slots * (t + 1) / threads
                guard lo < hi else { return }
                for r in 0..<wave.count where !wave.failed[r] {
                    let row = r * wave.stride
                    for s in lo..<hi {
                        let v = wave.values[row + s]
                        moments[s].add(v)
                        if s < metricCount { totals[s].append(v) } else { streams[s - metricCount].add(v) }
                    }
                }
            }
        }
        guard failedCount < n else {
            throw EvaluationFailure("all \(n) samples failed; first: \(UncertaintySummary.describe(failures[0], inputs: paths))")
        }
        return UncertaintySummary(layout: layout, samples: n, base: base, inputPaths: paths,
                                  moments: Array(moments.pointer), totals: Array(totals.pointer),
                                  streams: Array(streams.pointer), failedCount: failedCount, failures: failures,
                                  notes: notes)
    }
}
