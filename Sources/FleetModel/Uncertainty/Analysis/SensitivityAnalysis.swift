/// Which uncertain inputs move each metric: `tornado` (one at a time, P10 to P90) and
/// `sobol` (variance-based first-order and total indices).
public enum SensitivityAnalysis {
    /// Whole-term totals of every metric at `count` points, point-major (point p's metric m
    /// at p · metrics + m), with the points whose evaluation failed.
    struct Totals: Sendable, Hashable {
        var values: [Double]
        var failed: [Bool]
        var failures: [SampleFailure]
        var failedCount: Int

        /// These totals followed by `later`'s, the points right after them.
        mutating func append(_ later: Totals) {
            values += later.values
            failed += later.failed
            failedCount += later.failedCount
            if failures.count < UncertaintySummary.failuresKept {
                failures += later.failures.prefix(UncertaintySummary.failuresKept - failures.count)
            }
        }
    }

    static func evaluateTotals<M: SampleModel, P: PointSource>(
        model: M, points: P, count: Int, threads: Int,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(UncertaintyError) -> Totals {
        try evaluateTotals(model: model, points: points, range: 0..<count, threads: threads, progress: progress)
    }

    /// The totals at points `range` only (a shard's share), indexed from the range's start.
    static func evaluateTotals<M: SampleModel, P: PointSource>(
        model: M, points: P, range: Range<Int>, threads: Int,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(UncertaintyError) -> Totals {
        let count = range.count
        guard (1...MonteCarloRunner.maximumThreads).contains(threads) else {
            throw .invalidOption("--threads: expected 1 to \(MonteCarloRunner.maximumThreads), got \(threads)")
        }
        let metricCount = model.layout.metrics.count
        var out = Totals(values: [Double](repeating: 0, count: count * metricCount),
                         failed: [Bool](repeating: false, count: count), failures: [], failedCount: 0)
        BatchEvaluator(model: model, threads: threads, chunkSize: 16).evaluate(points, range: range,
                                                                              progress: progress) { wave in
            out.failedCount += wave.failures.count
            if out.failures.count < UncertaintySummary.failuresKept {
                out.failures += wave.failures.prefix(UncertaintySummary.failuresKept - out.failures.count)
            }
            for r in 0..<wave.count {
                let p = wave.first - range.lowerBound + r
                out.failed[p] = wave.failed[r]
                for m in 0..<metricCount { out.values[p * metricCount + m] = wave.value(row: r, slot: m) }
            }
        }
        return out
    }

    /// Sorts entries by decreasing key (primary, secondary), ties by path, and numbers them from 1.
    static func rank(_ entries: [SensitivityEntry],
                     by key: (SensitivityEntry) -> (Double, Double)) -> [SensitivityEntry] {
        entries.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka.0 != kb.0 { return ka.0 > kb.0 }
            if ka.1 != kb.1 { return ka.1 > kb.1 }
            return a.path < b.path
        }.enumerated().map { i, e in var e = e; e.rank = i + 1; return e }
    }
}
