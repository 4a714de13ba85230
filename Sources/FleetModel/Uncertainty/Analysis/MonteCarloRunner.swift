/// Runs a model over sampled inputs and reduces every output into statistics as the
/// samples are produced.
///
/// Sample i's inputs depend only on (seed, i); samples are evaluated in parallel in chunks
/// and reduced in sample order, so the summary is identical to the last bit for any
/// `threads` and `chunkSize`. Moments are kept per block of `blockSize` samples and the
/// blocks joined in order, so `partial(…shard:)` over each shard's whole blocks, joined by
/// `merge`, is identical to the last bit too (docs/SCALE-OUT.md). Memory holds one wave of outputs, the whole-term totals of
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
        let whole = try accumulate(model: model, inputs: inputs, base: base, range: 0..<samples,
                                   keepBlocks: false, progress: progress)
        return try UncertaintySummary.sampled(layout: whole.layout, samples: samples, base: base,
                                              inputPaths: whole.inputPaths, moments: whole.blockMoments,
                                              totals: whole.totals, streams: whole.streams,
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
        return try accumulate(model: model, inputs: inputs, base: base, range: sampleRange(of: shard),
                              keepBlocks: true, progress: progress)
    }

    private func accumulate<M: SampleModel>(model: M, inputs: InputSpace, base: [Double], range: Range<Int>,
                                            keepBlocks: Bool, progress: ((Int, Int) -> Void)?) throws -> MonteCarloPartial {
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
    /// holds every block's moments; without, their join (one state per slot).
    private func reduce<M: SampleModel, P: PointSource>(
        model: M, base: [Double], paths: [String], points: P, range: Range<Int>, keepBlocks: Bool,
        progress: ((Int, Int) -> Void)?, notes: [String] = []
    ) throws -> MonteCarloPartial {
        let layout = model.layout
        let slots = layout.count
        let metricCount = layout.metrics.count
        let threads = threads, blockSize = Self.blockSize, pilot = pilotSize
        precondition(range.lowerBound % blockSize == 0, "a shard starts at a block")
        let firstBlock = range.lowerBound / blockSize
        let blocksHeld = (range.count + blockSize - 1) / blockSize
        let block = DisjointBuffer(repeating: MomentAccumulator(), count: slots)
        let joined = DisjointBuffer(repeating: MomentAccumulator(), count: keepBlocks ? blocksHeld * slots : slots)
        let totals = DisjointBuffer<[Double]>(
            (0..<metricCount).map { _ in var a = [Double](); a.reserveCapacity(range.count); return a })
        var template = [StreamingQuantiles](repeating: StreamingQuantiles(pilotSize: pilot, bins: quantileBins),
                                            count: slots - metricCount)
        if !range.isEmpty, range.lowerBound > 0, range.upperBound > pilot {
            try layBins(&template, model: model, points: points)
        }
        let streams = DisjointBuffer(template)
        var failures: [SampleFailure] = []
        var failedCount = 0

        /// Block `b`'s moments of slot s are finished: keep them or join them.
        @Sendable func finish(_ b: Int, slot s: Int) {
            if keepBlocks { joined[(b - firstBlock) * slots + s] = block[s] } else { joined[s] = joined[s].combined(with: block[s]) }
            block[s] = MomentAccumulator()
        }

        let evaluator = BatchEvaluator(model: model, threads: threads, chunkSize: chunkSize)
        evaluator.evaluate(points, range: range, progress: progress) { wave in
            failedCount += wave.failures.count
            if failures.count < UncertaintySummary.failuresKept {
                failures += wave.failures.prefix(UncertaintySummary.failuresKept - failures.count)
            }
            // Worker t reduces a fixed block of slots, every row of the wave in sample order.
            Parallel.forEachWorker(threads) { t in
                let lo = slots * t / threads, hi = slots * (t + 1) / threads
                guard lo < hi else { return }
                for r in 0..<wave.count {
                    let j = wave.first + r
                    if j > range.lowerBound, j % blockSize == 0 { for s in lo..<hi { finish(j / blockSize - 1, slot: s) } }
                    if j == pilot, range.lowerBound == 0 {
                        for s in max(lo, metricCount)..<max(hi, metricCount) { streams[s - metricCount].layBins() }
                    }
                    guard !wave.failed[r] else { continue }
                    let row = r * wave.stride
                    for s in lo..<hi {
                        let v = wave.values[row + s]
                        block[s].add(v)
                        if s < metricCount {
                            totals[s].append(v)
                        } else if j < pilot {
                            streams[s - metricCount].addPilot(v)
                        } else {
                            streams[s - metricCount].addBinned(v)
                        }
                    }
                }
            }
        }
        if !range.isEmpty { for s in 0..<slots { finish((range.upperBound - 1) / blockSize, slot: s) } }
        return MonteCarloPartial(layout: layout, samples: samples, range: range, blockSize: blockSize, base: base,
                                 inputPaths: paths, blockMoments: Array(joined.pointer), totals: Array(totals.pointer),
                                 streams: Array(streams.pointer), failedCount: failedCount, failures: failures,
                                 notes: notes)
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
