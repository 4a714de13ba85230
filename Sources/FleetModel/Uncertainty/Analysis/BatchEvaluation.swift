/// One wave of evaluated points: rows `first ..< first + count` in index order, each
/// `stride` output values; `failed[r]` marks rows left out.
struct WaveResults {
    let first: Int
    let count: Int
    let stride: Int
    let values: DisjointBuffer<Double>
    let failed: DisjointBuffer<Bool>
    /// The failed rows of this wave, ascending by index.
    let failures: [SampleFailure]

    @inline(__always) func value(row r: Int, slot s: Int) -> Double { values[r * stride + s] }
}

/// Evaluates a model at points 0..<count on `threads` workers.
///
/// Points are cut into chunks of `chunkSize` consecutive indices; a wave is
/// `threads × chunksPerWorker` chunks; worker t evaluates chunks t, t + threads, … of each
/// wave. The caller consumes each wave's outputs in index order, so whatever it reduces
/// is identical for any `threads` and `chunkSize`. Memory: one wave of outputs.
struct BatchEvaluator<Model: SampleModel>: Sendable {
    let model: Model
    let threads: Int
    let chunkSize: Int
    var chunksPerWorker = 4

    private final class Worker<Cursor> {
        var cursor: Cursor
        var evaluator: Model.Evaluator
        var x: [Double]
        var y: [Double]
        var failures: [SampleFailure] = []
        init(cursor: Cursor, evaluator: Model.Evaluator, inputs: Int, outputs: Int) {
            self.cursor = cursor; self.evaluator = evaluator
            x = [Double](repeating: 0, count: inputs)
            y = [Double](repeating: 0, count: outputs)
        }
    }

    func evaluate<Points: PointSource>(
        _ points: Points, count: Int,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        consume: (WaveResults) -> Void
    ) {
        evaluate(points, range: 0..<count, progress: progress, consume: consume)
    }

    /// Evaluates points `range` only (a shard's share); waves carry the points' own indices
    /// and progress counts from the range's start.
    func evaluate<Points: PointSource>(
        _ points: Points, range: Range<Int>,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        consume: (WaveResults) -> Void
    ) {
        let count = range.upperBound
        let stride = model.layout.count
        let threads = max(1, threads)
        let waveRows = threads * chunksPerWorker * chunkSize
        let capacity = max(1, min(waveRows, range.count))
        let values = DisjointBuffer<Double>(repeating: 0, count: capacity * stride)
        let failed = DisjointBuffer<Bool>(repeating: false, count: capacity)
        let workers = DisjointBuffer<Worker<Points.Cursor>>(
            (0..<threads).map { _ in
                Worker(cursor: points.makeCursor(), evaluator: model.makeEvaluator(),
                       inputs: points.inputCount, outputs: stride)
            })
        var first = range.lowerBound
        while first < count {
            let rows = min(waveRows, count - first)
            evaluateWave(points, first: first, rows: rows, threads: threads,
                         workers: workers, values: values, failed: failed)
            var failures: [SampleFailure] = []
            for t in 0..<threads where !workers[t].failures.isEmpty {
                failures += workers[t].failures
                workers[t].failures.removeAll()
            }
            failures.sort { $0.index < $1.index }
            consume(WaveResults(first: first, count: rows, stride: stride,
                                values: values, failed: failed, failures: failures))
            first += rows
            progress?(first - range.lowerBound, range.count)
        }
    }

    /// Evaluates rows 0..<rows of a wave (points first..<first + rows): worker t takes
    /// chunks t, t + threads, ….
    private func evaluateWave<Points: PointSource>(
        _ points: Points, first: Int, rows: Int, threads: Int,
        workers: DisjointBuffer<Worker<Points.Cursor>>,
        values: DisjointBuffer<Double>, failed: DisjointBuffer<Bool>
    ) {
        let layout = model.layout, stride = layout.count, chunkSize = chunkSize
        let chunks = (rows + chunkSize - 1) / chunkSize
        Parallel.forEachWorker(threads) { t in
            let w = workers[t]
            var c = t
            while c < chunks {
                for r in (c * chunkSize)..<min((c + 1) * chunkSize, rows) {
                    let j = first + r
                    points.inputs(j, cursor: &w.cursor, into: &w.x)
                    var reason: String?
                    do {
                        try w.evaluator.evaluate(w.x, into: &w.y)
                    } catch {
                        reason = "\(error)"
                    }
                    // One access to the worker's buffer: copy the row, then look for a non-finite value.
                    let bad = w.y.withUnsafeBufferPointer { y in
                        (values.pointer.baseAddress! + r * stride).update(from: y.baseAddress!, count: stride)
                        return y.firstIndex { !$0.isFinite }
                    }
                    if reason == nil, let bad {
                        reason = "non-finite \(Self.describe(slot: bad, in: layout)): \(w.y[bad])"
                    }
                    failed[r] = reason != nil
                    if let reason { w.failures.append(SampleFailure(index: j, inputs: w.x, reason: reason)) }
                }
                c += threads
            }
        }
    }

    /// "total of pue", "2027 of it_energy_mwh", "2027-03 of pue" for an output slot.
    static func describe(slot s: Int, in layout: OutputLayout) -> String {
        let m = layout.metrics.count, y = layout.years.count, k = layout.months.count
        if s < m { return "total of \(layout.metrics[s].rawValue)" }
        if s < m * (1 + y) {
            let i = s - m
            return "\(layout.years[i % y]) of \(layout.metrics[i / y].rawValue)"
        }
        if s >= layout.extra(0) { return layout.extras[s - layout.extra(0)] }
        let i = s - m * (1 + y)
        return "\(layout.months[i % k]) of \(layout.metrics[i / k].rawValue)"
    }
}
