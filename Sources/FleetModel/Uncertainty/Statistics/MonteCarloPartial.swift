/// The statistics of a Monte Carlo run over a stretch of its samples, kept in a form that
/// joins exactly with the stretches after it: what `--shard I/N` writes and `merge` reads.
///
/// Exactness rests on three choices. Moments are accumulated per block of
/// `MonteCarloRunner.blockSize` samples (Welford inside a block, blocks joined in order by
/// `MomentAccumulator.combined(with:)`), and a shard holds whole blocks, so it keeps each of
/// its blocks' states and the merge joins them in the same order as an unsharded run.
/// Whole-term totals are kept per sample, in sample order, for exact quantiles. Yearly and
/// monthly quantile streams keep the pilot's samples (index < pilot size) as values and bin
/// the later ones over bins laid from the pilot, which every shard lays identically.
public struct MonteCarloPartial: Sendable, Hashable {
    public let layout: OutputLayout
    /// Samples of the whole run.
    public let samples: Int
    /// The samples this part holds.
    public let range: Range<Int>
    public let blockSize: Int
    /// Every output at base values.
    public let base: [Double]
    /// The run's input paths, to describe failed samples.
    public let inputPaths: [String]
    /// Moments of each block of `range`, block-major: block b's slot s at b · slots + s.
    var blockMoments: [MomentAccumulator]
    /// Per metric, the whole-term value of every valid sample of `range`, in sample order.
    var totals: [[Double]]
    /// Quantile streams of the year, month and extra slots.
    var streams: [StreamingQuantiles]
    var failedCount: Int
    /// The first `UncertaintySummary.failuresKept` failed samples of `range`.
    var failures: [SampleFailure]
    /// Notes for the result's warnings (the same in every part).
    var notes: [String]

    /// Number of blocks this part holds.
    var blockCount: Int { blockMoments.count / max(1, layout.count) }
}

/// Joins `MonteCarloPartial`s in sample order into the run's `UncertaintySummary`; memory
/// holds the joined moments, the stored totals and the quantile streams, one part at a time.
struct MonteCarloMerge {
    private(set) var covered: Range<Int>
    private let first: MonteCarloPartial
    private var moments: [MomentAccumulator]
    /// Per metric, the whole-term value of every valid sample joined so far, in sample order.
    private(set) var totals: [[Double]]
    private var streams: [StreamingQuantiles]
    private(set) var failedCount = 0
    /// The first `UncertaintySummary.failuresKept` failed samples joined so far.
    private(set) var failures: [SampleFailure] = []

    init(first: MonteCarloPartial) {
        self.first = first
        covered = 0..<0
        moments = [MomentAccumulator](repeating: .init(), count: first.layout.count)
        totals = first.layout.metrics.map { _ in [] }
        streams = first.streams.map { StreamingQuantiles(pilotSize: $0.pilotSize, bins: $0.bins) }
    }

    /// Adds the part that follows the samples covered so far.
    mutating func add(_ part: MonteCarloPartial) throws(UncertaintyError) {
        guard part.range.lowerBound == covered.upperBound, part.layout == first.layout, part.samples == first.samples,
              part.blockSize == first.blockSize, part.streams.count == streams.count else {
            throw .invalidOption("part holding samples \(part.range) does not follow samples \(covered)")
        }
        let slots = part.layout.count
        for b in 0..<part.blockCount {
            for s in 0..<slots { moments[s] = moments[s].combined(with: part.blockMoments[b * slots + s]) }
        }
        if part.range == 0..<first.samples {
            totals = part.totals   // a whole run in one part: shared, not copied
        } else {
            for m in totals.indices { totals[m].reserveCapacity(first.samples); totals[m] += part.totals[m] }
        }
        for i in streams.indices { try streams[i].merge(part.streams[i]) }
        failedCount += part.failedCount
        if failures.count < UncertaintySummary.failuresKept {
            failures += part.failures.prefix(UncertaintySummary.failuresKept - failures.count)
        }
        covered = 0..<part.range.upperBound
    }

    /// The summary of the whole run; every sample must be covered.
    func summary() throws(EvaluationFailure) -> UncertaintySummary {
        try UncertaintySummary.sampled(layout: first.layout, samples: first.samples, base: first.base,
                                       inputPaths: first.inputPaths, moments: moments, totals: StoredTotals(columns: totals),
                                       streams: streams, failedCount: failedCount, failures: failures,
                                       notes: first.notes)
    }
}
