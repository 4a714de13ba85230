/// Runs a model over sampled inputs and reduces every output into statistics as the
/// samples are produced.
///
/// Sample i's inputs depend only on (seed, i); samples are evaluated in parallel in chunks
/// and reduced in sample order, so the summary is identical to the last bit for any
/// `threads` and `chunkSize`. Moments are kept per block of `blockSize` samples and the
/// blocks joined in order, so `partial(…shard:)` over each shard's whole blocks, joined by
/// `merge`, is identical to the last bit too (docs/SCALE-OUT.md). Memory holds one wave of outputs, the whole-term totals of
/// every sample (for exact quantiles: 8 bytes × metrics × samples, less the totals
/// `StoredTotals` predicts) and fixed-size accumulators for each year and month
/// (`RunningStatistics`); it does not grow with samples × hours.
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

    /// The most samples a run accepts (the stored totals then take up to 232 MB).
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
        let (whole, totals) = try accumulate(model: model, inputs: inputs, base: base, range: 0..<samples,
                                             keepBlocks: false, progress: progress)
        return try UncertaintySummary.sampled(layout: whole.layout, samples: samples, base: base,
                                              inputPaths: whole.inputPaths, moments: whole.blockMoments,
                                              totals: totals, streams: whole.streams,
                                              failedCount: whole.failedCount, failures: whole.failures,
                                              notes: whole.notes)
    }

    /// Samples in one block of moments: the unit a shard takes whole.
    public static let blockSize = 1_024

    /// Number of blocks of `blockSize` samples in the run.
    public var blockCount: Int { (samples + Self.blockSize - 1) / Self.blockSize }

    /// The samples of `shard`: its whole blocks (shard I of N takes blocks
    /// ⌊I·B/N⌋ ..< ⌊(I+1)·B/N⌋ of the B blocks; with more shards than blocks some are empty).
    public func sampleRange(of shard: Shard) -> Range<Int> {
        let blocks = shard.share(of: blockCount)
        return min(samples, blocks.lowerBound * Self.blockSize)..<min(samples, blocks.upperBound * Self.blockSize)
    }

    /// The mergeable statistics of the samples of `shard` (`samples > 0`): what a
    /// `--shard I/N` run writes. A shard that does not hold the pilot's samples evaluates them
    /// first (up to `pilotSize` extra evaluations) to lay the same quantile bins as an
    /// unsharded run. `base`, when given, is the model's outputs at base values (else evaluated here).
    public func partial<M: SampleModel>(model: M, inputs: InputSpace, shard: Shard, base: [Double]? = nil,
                                        progress: ((Int, Int) -> Void)? = nil) throws -> MonteCarloPartial {
        try validate()
        guard samples > 0 else { throw UncertaintyError.invalidOption("--shard: needs --samples of 1 or more") }
        let base = try base ?? Self.evaluateBase(model: model, inputs: inputs)
        var (part, totals) = try accumulate(model: model, inputs: inputs, base: base, range: sampleRange(of: shard),
                                            keepBlocks: true, progress: progress)
        part.totals = totals.columnsInFull
        return part
    }

    /// The statistics of samples `range`; the partial's `totals` are left empty and given
    /// beside it (a run's summary reads them without storing the predicted ones).
    private func accumulate<M: SampleModel>(model: M, inputs: InputSpace, base: [Double], range: Range<Int>,
                                            keepBlocks: Bool, progress: ((Int, Int) -> Void)?)
        throws -> (MonteCarloPartial, StoredTotals) {
        let paths = inputs.inputs.map(\.path)
        switch sampler {
        case .random:
            let random = RandomSampler(dimension: inputs.dimension, seed: seed)
            return try reduce(model: model, base: base, paths: paths, points: SampledPoints(sampler: random, space: inputs),
                              range: range, keepBlocks: keepBlocks, progress: progress)
        case .lhs:
            let lhs = LatinHypercubeSampler(dimension: inputs.dimension, samples: samples, seed: seed)
            return try reduce(model: model, base: base, paths: paths, points: SampledPoints(sampler: lhs, space: inputs),
                              range: range, keepBlocks: keepBlocks, progress: progress)
        case .sobol:
            let sobol = SobolSampler(dimension: inputs.dimension, seed: seed)
            return try reduce(model: model, base: base, paths: paths, points: SampledPoints(sampler: sobol, space: inputs),
                              range: range, keepBlocks: keepBlocks, progress: progress,
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

    /// Reduces samples `range` (block-aligned) in sample order. With `keepBlocks` the result
    /// holds every block's moments; without, their join (one state per slot). The partial's
    /// `totals` are empty: the stored totals come beside it.
    private func reduce<M: SampleModel, P: PointSource>(
        model: M, base: [Double], paths: [String], points: P, range: Range<Int>, keepBlocks: Bool,
        progress: ((Int, Int) -> Void)?, notes: [String] = []
    ) throws -> (MonteCarloPartial, StoredTotals) {
        let layout = model.layout
        let slots = layout.count
        let metricCount = layout.metrics.count
        let threads = threads, blockSize = Self.blockSize
        precondition(range.lowerBound % blockSize == 0, "a shard starts at a block")
        var laid: [StreamingQuantiles]?
        if !range.isEmpty, range.lowerBound > 0, range.upperBound > pilotSize {
            var template = [StreamingQuantiles](repeating: StreamingQuantiles(pilotSize: pilotSize, bins: quantileBins),
                                                count: slots - metricCount)
            try layBins(&template, model: model, points: points)
            laid = template
        }
        let statistics = RunningStatistics(slots: slots, metricCount: metricCount, range: range, blockSize: blockSize,
                                           pilotSize: pilotSize, bins: quantileBins, keepBlocks: keepBlocks, laid: laid)
        var totals = StoredTotals(metrics: layout.metrics, capacity: range.count)
        var failures: [SampleFailure] = []
        var failedCount = 0

        let evaluator = BatchEvaluator(model: model, threads: threads, chunkSize: chunkSize)
        evaluator.evaluate(points, range: range, progress: progress) { wave in
            failedCount += wave.failures.count
            if failures.count < UncertaintySummary.failuresKept {
                failures += wave.failures.prefix(UncertaintySummary.failuresKept - failures.count)
            }
            statistics.prepare(wave)
            // Worker t reduces a fixed block of slots, every row of the wave in sample order.
            Parallel.forEachWorker(threads) { t in
                statistics.reduce(wave, slots: slots * t / threads, slots * (t + 1) / threads)
            }
            statistics.finish(wave)
            let values = wave.values.pointer.baseAddress!
            for r in 0..<wave.count where !wave.failed[r] { totals.append(values + r * wave.stride) }
        }
        let (moments, streams) = statistics.results()
        let part = MonteCarloPartial(layout: layout, samples: samples, range: range, blockSize: blockSize, base: base,
                                     inputPaths: paths, blockMoments: moments, totals: [], streams: streams,
                                     failedCount: failedCount, failures: failures, notes: notes)
        return (part, totals)
    }

    /// Lays every stream's bins over the pilot (samples 0 ..< `pilotSize`), evaluated here for
    /// a shard that does not hold them: the same bins as the run that does.
    private func layBins<M: SampleModel, P: PointSource>(_ streams: inout [StreamingQuantiles], model: M,
                                                          points: P) throws {
        let metricCount = model.layout.metrics.count
        var lo = [Double](repeating: .infinity, count: streams.count)
        var hi = [Double](repeating: -.infinity, count: streams.count)
        BatchEvaluator(model: model, threads: threads, chunkSize: chunkSize)
            .evaluate(points, range: 0..<min(pilotSize, samples)) { wave in
                for r in 0..<wave.count where !wave.failed[r] {
                    for i in streams.indices {
                        let v = wave.value(row: r, slot: metricCount + i)
                        lo[i] = min(lo[i], v)
                        hi[i] = max(hi[i], v)
                    }
                }
            }
        for i in streams.indices {
            if lo[i] <= hi[i] { streams[i].layBins(pilotMinimum: lo[i], pilotMaximum: hi[i]) } else { streams[i].layBins() }
        }
    }
}
