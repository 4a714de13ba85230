import Testing
@testable import FleetModel

@Suite("Accumulators")
struct AccumulatorTests {
    @Test func welfordMatchesTwoPassFormulas() {
        // Values far from zero, where the naive Σx² − n·mean² formula loses every digit.
        let xs = (0..<1_000).map { 1e9 + Double(($0 * 7919) % 1_000) / 10 }
        var a = MomentAccumulator()
        xs.forEach { a.add($0) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)
        #expect(abs(a.mean - mean) <= 1e-6)
        #expect(abs(a.variance - variance) <= 1e-9 * variance)
        #expect(abs(a.standardError - (variance / 1000).squareRoot()) <= 1e-9)
    }

    @Test func histogramCountsEveryValueOnce() {
        let xs = (0..<1_000).map { Double($0 * $0 % 997) / 3 }.sorted()
        let h = SampleHistogram.histogram(sorted: xs)
        #expect(h.edges.count == h.counts.count + 1)
        #expect(h.counts.reduce(0, +) == xs.count)
        #expect(h.edges.first == xs.first && h.edges.last == xs.last)
        #expect(h.counts.count == 20)  // ⌈2 · 1000^(1/3)⌉
        // A value sits in the bin whose edges bracket it.
        let constant = SampleHistogram.histogram(sorted: [2, 2, 2])
        #expect(constant.counts == [3] && constant.edges == [2, 2])
    }

    /// Within the pilot, quantiles are exact; beyond it, within one bin width of the
    /// exact quantile of all values.
    @Test func streamingQuantilesWithinOneBin() {
        var q = StreamingQuantiles(pilotSize: 200, bins: 256)
        var all: [Double] = []
        for i in 0..<200 {
            let x = Double((i * 7_919) % 200) / 200
            q.add(x); all.append(x)
        }
        #expect(q.resolution > 0)   // bins laid at the 200th value
        for i in 0..<20_000 {
            // A fixed, scrambled sequence on [0, 1.2): part of it beyond the pilot's range.
            let x = Double((i &* 2_654_435_761) % 1_000_003) / 1_000_003 * 1.2
            q.add(x); all.append(x)
        }
        // Reference: a pilot longer than the stream keeps every value and is exact.
        var exactStream = StreamingQuantiles(pilotSize: all.count + 1)
        all.forEach { exactStream.add($0) }
        for p in [0.05, 0.5, 0.95] {
            let exact = exactStream.quantile(p)
            #expect(abs(q.quantile(p) - exact) <= q.resolution + 2 / Double(all.count),
                    "p = \(p): \(q.quantile(p)) vs \(exact)")
        }
        #expect(!q.isOutsideSpan(0.05) && !q.isOutsideSpan(0.95))

        // Within the pilot: linear interpolation between order statistics at rank p·(n − 1).
        var small = StreamingQuantiles(pilotSize: 100)
        [5.0, 1, 4, 2, 3].forEach { small.add($0) }
        #expect(small.quantile(0.5) == 3 && small.resolution == 0)
        #expect(abs(small.quantile(0.05) - 1.2) < 1e-12 && abs(small.quantile(0.95) - 4.8) < 1e-12)
    }

    /// A tail beyond the histogram's span is flagged and interpolated towards the extreme.
    @Test func tailBeyondSpanIsFlagged() {
        var q = StreamingQuantiles(pilotSize: 10, bins: 64)
        for i in 0..<10 { q.add(Double(i)) }      // span [-2.25, 11.25]
        for _ in 0..<90 { q.add(100) }
        #expect(q.isOutsideSpan(0.95))
        #expect(q.quantile(0.95) > 11.25 && q.quantile(0.95) <= 100)
        #expect(!q.isOutsideSpan(0.05))
    }

    @Test func constantStreamGivesItsValue() {
        var q = StreamingQuantiles(pilotSize: 10, bins: 64)
        for _ in 0..<50 { q.add(3.25) }
        #expect(abs(q.quantile(0.05) - 3.25) <= q.resolution)
        #expect(abs(q.quantile(0.95) - 3.25) <= q.resolution)
    }
}
