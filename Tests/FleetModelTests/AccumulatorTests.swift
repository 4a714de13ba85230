import Foundation
import Testing
import FleetTestSupport
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
        expectClose(a.mean, mean, absolute: 1e-6)
        expectClose(a.variance, variance, relative: 1e-9)
        expectClose(a.standardError, (variance / 1000).squareRoot(), absolute: 1e-9)
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
        // Bins laid at the 200th value over the pilot's range: 7,919 is prime to 200, so the pilot
        // is every k/200 for k in 0…199, range r = 0.995, and 256 bins of 1.5 r/256 each.
        let width = 1.5 * 0.995 / 256
        expectClose(q.resolution, width)
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
            expectClose(q.quantile(p), exact, absolute: width + 2 / Double(all.count), "p = \(p)")
        }
        #expect(!q.isOutsideSpan(0.05) && !q.isOutsideSpan(0.95))

        // Within the pilot: linear interpolation between order statistics at rank p·(n − 1).
        var small = StreamingQuantiles(pilotSize: 100)
        [5.0, 1, 4, 2, 3].forEach { small.add($0) }
        #expect(small.quantile(0.5) == 3 && small.resolution == 0)
        expectClose(small.quantile(0.05), 1.2, absolute: 1e-12)   // rank 0.2: 1 + 0.2 · (2 − 1)
        expectClose(small.quantile(0.95), 4.8, absolute: 1e-12)   // rank 3.8: 4 + 0.8 · (5 − 4)
        // Several quantiles at once (one sort of the pilot) are the single ones, in the pilot and the bins.
        for stream in [small, q] {
            #expect(stream.quantiles([0.05, 0.5, 0.95]) == [0.05, 0.5, 0.95].map { stream.quantile($0) })
        }
    }

    /// A tail beyond the histogram's span is flagged and interpolated towards the extreme.
    /// Pilot 0…9: range 9, span [0 − 9/4, 9 + 9/4] = [−2.25, 11.25], 64 bins of 13.5/64.
    /// Then 90 values of 100, all above the span. P95 sits at rank 0.95 · 100 = 95: 10 values
    /// are in the bins, so it is 85 of the 90 overflow values along [11.25, max = 100]:
    /// 11.25 + (100 − 11.25) · 85/90 = 95.0694…; the exact P95 is 100, so a tail the pilot
    /// did not reach is under-estimated by up to the gap to the maximum, which is why it is flagged.
    @Test func tailBeyondSpanIsFlagged() {
        var q = StreamingQuantiles(pilotSize: 10, bins: 64)
        for i in 0..<10 { q.add(Double(i)) }
        for _ in 0..<90 { q.add(100) }
        #expect(q.isOutsideSpan(0.95))
        expectClose(q.quantile(0.95), 11.25 + (100 - 11.25) * 85 / 90)
        expectClose(q.resolution, 13.5 / 64)
        // P5 at rank 5 is inside the span: value i sits alone in bin ⌊(i + 2.25) · 64/13.5⌋, so
        // 0…3 fill rank 4 and rank 5 is the top of 4's bin ⌊29.63⌋ = 29: −2.25 + 30 · 13.5/64 = 4.078125.
        #expect(!q.isOutsideSpan(0.05))
        expectClose(q.quantile(0.05), 4.078125)
    }

    @Test func constantStreamGivesItsValue() {
        var q = StreamingQuantiles(pilotSize: 10, bins: 64)
        for _ in 0..<50 { q.add(3.25) }
        // Every value is 3.25, and a streamed quantile stays within the values seen.
        #expect(q.quantile(0.05) == 3.25 && q.quantile(0.5) == 3.25 && q.quantile(0.95) == 3.25)
    }

    /// Exact p-quantile of sorted values (Hyndman & Fan definition 7), written here so the
    /// reference does not share code with the estimator.
    static func exactQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = p * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Share of the sorted values below x: the rank, in probability, the estimate stands at.
    static func rank(of x: Double, in sorted: [Double]) -> Double {
        var lo = 0, hi = sorted.count
        while lo < hi { let m = (lo + hi) / 2; if sorted[m] < x { lo = m + 1 } else { hi = m } }
        return Double(lo) / Double(sorted.count)
    }

    /// Skewed and heavy-tailed streams of 20,000 values after the default 1,000-value pilot,
    /// against the exact quantiles of all values. The tolerance is the sampling error the
    /// quantile already has, not the histogram's bin: the streamed P5/P50/P95 must stand at a
    /// rank within half a standard error of a sample quantile, √(p(1 − p)/n), of p (0.08
    /// percentage points at P5), so that streaming adds at most ≈ 12 % to the Monte Carlo
    /// error in quadrature (√(1 + 0.5²) = 1.118).
    static let skewedStreams: [(name: String, quantile: @Sendable (Double) -> Double)] = [
        // Inverse CDFs of u uniform on [0, 1); lognormal streams are drawn by Box–Muller below.
        ("exponential(1)", { -log1p(-$0) }),
        ("pareto(α = 3)", { pow(1 - $0, -1 / 3.0) }),
    ]

    static func draws(_ n: Int, seed: UInt64, _ f: (inout SeededGenerator) -> Double) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in f(&rng) }
    }

    /// Lognormal(0, σ) by Box–Muller: exp(σ · √(−2 ln u₁) cos 2πu₂).
    static func lognormal(_ sigma: Double, _ rng: inout SeededGenerator) -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &rng), u2 = Double.random(in: 0..<1, using: &rng)
        return exp(sigma * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
    }

    /// Pareto(α) with minimum 1 by its inverse CDF, (1 − u)^(−1/α).
    static func pareto(_ alpha: Double, _ rng: inout SeededGenerator) -> Double {
        pow(1 - Double.random(in: 0..<1, using: &rng), -1 / alpha)
    }

    /// Records an issue for each of P5/P50/P95 whose streamed estimate is off by more than
    /// half a standard error in rank, or lies outside the values seen.
    static func checkStream(_ xs: [Double], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var q = StreamingQuantiles()
        xs.forEach { q.add($0) }
        let sorted = xs.sorted()
        let n = Double(xs.count)
        for p in [0.05, 0.5, 0.95] {
            let estimate = q.quantile(p), exact = exactQuantile(sorted, p)
            let allowed = 0.5 * (p * (1 - p) / n).squareRoot()
            let r = rank(of: estimate, in: sorted)
            #expect(abs(r - p) <= allowed + 1 / n,
                    "\(name) P\(Int(p * 100)): streamed \(estimate) at rank \(r), exact \(exact); rank error \(abs(r - p)) > \(allowed)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func streamingQuantilesOfSkewedStreams() {
        for sigma in [0.5, 1.0] {
            Self.checkStream(Self.draws(20_000, seed: 41) { Self.lognormal(sigma, &$0) }, "lognormal(0, \(sigma))")
        }
        for (i, s) in Self.skewedStreams.enumerated() {
            Self.checkStream(Self.draws(20_000, seed: 50 + UInt64(i)) { s.quantile(Double.random(in: 0..<1, using: &$0)) }, s.name)
        }
    }

    /// Heavy tails defeat fixed bins laid over the pilot's range: lognormal(0, 2) and
    /// Pareto(1.5) put most values in the first few of 1,024 bins (the pilot's maximum is
    /// ≈ 100 times the median), and interpolating inside such a bin puts P5 several
    /// percentage points off in rank. Recorded as a known issue so that the test reports
    /// when a better estimator (bins on a log scale, per-bin extremes, a t-digest) fixes it.
    @Test func streamingQuantilesOfHeavyTailedStreams() {
        withKnownIssue("fixed-width bins cannot resolve the body of a heavy-tailed stream") {
            Self.checkStream(Self.draws(20_000, seed: 43) { Self.lognormal(2, &$0) }, "lognormal(0, 2)")
            Self.checkStream(Self.draws(20_000, seed: 44) { Self.pareto(1.5, &$0) }, "pareto(α = 1.5)")
        }
    }

    /// Whatever the stream, a streamed quantile lies within the values seen and rises with p.
    @Test func streamedQuantilesStayWithinTheValuesSeen() {
        let streams: [(String, [Double])] = [
            ("lognormal(0, 2)", Self.draws(20_000, seed: 43) { Self.lognormal(2, &$0) }),
            ("pareto(α = 1.5)", Self.draws(20_000, seed: 44) { Self.pareto(1.5, &$0) }),
            ("pareto(α = 3)", Self.draws(5_000, seed: 45) { Self.pareto(3, &$0) }),
        ]
        for (name, xs) in streams {
            var q = StreamingQuantiles()
            xs.forEach { q.add($0) }
            let lo = xs.min()!, hi = xs.max()!
            var previous = -Double.infinity
            for p in stride(from: 0.0, through: 1.0, by: 0.01) {
                let v = q.quantile(p)
                #expect(v >= lo && v <= hi, "\(name) P\(p): \(v) outside [\(lo), \(hi)]")
                #expect(v >= previous, "\(name): P\(p) = \(v) below the quantile before it, \(previous)")
                previous = v
            }
        }
    }
}
