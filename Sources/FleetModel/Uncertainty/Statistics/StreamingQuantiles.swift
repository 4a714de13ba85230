internal import GSL

/// Quantiles of a stream too long to store for every period: exact over a pilot of the
/// first values, then a fixed-bin histogram laid over the pilot's range.
///
/// The first `pilotSize` values are stored. When the pilot is full, `bins` equal bins span
/// [min − r/4, max + r/4] (r the pilot's range); later values add to their bin, or to an
/// underflow/overflow count beside the running minimum and maximum. While the stream is no
/// longer than the pilot, quantiles are exact (GSL's `gsl_stats_quantile_from_sorted_data`,
/// Hyndman & Fan's definition 7). After it,
/// a quantile is found by linear interpolation inside its bin, so its error is at most one
/// bin width, 1.5 r / bins (≈ 0.0015 r for 1,024 bins), whenever it falls inside the
/// histogram's span; `resolution` reports that width. Outside the span (a tail that the
/// pilot did not reach) the estimate interpolates between the span's edge and the running
/// extreme, and `isOutsideSpan` says so. Counts are integers, so the result does not depend
/// on the order in which the values after the pilot arrive.
public struct StreamingQuantiles: Sendable, Hashable {
    public let pilotSize: Int
    public let bins: Int
    public private(set) var count = 0
    private var pilot: [Double] = []
    private var counts: [UInt32] = []
    private var lower = 0.0
    private var width = 0.0
    private var below = 0
    private var above = 0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity

    public init(pilotSize: Int = 1_000, bins: Int = 1_024) {
        precondition(pilotSize >= 2 && bins >= 1, "need a pilot of two values and one bin")
        self.pilotSize = pilotSize
        self.bins = bins
    }

    public mutating func add(_ x: Double) {
        count += 1
        minimum = min(minimum, x)
        maximum = max(maximum, x)
        if counts.isEmpty {
            pilot.append(x)
            if pilot.count == pilotSize { layBins() }
            return
        }
        let b = ((x - lower) / width).rounded(.down)
        if b < 0 { below += 1 } else if b >= Double(bins) { above += 1 } else { counts[Int(saturating: b, in: 0...(bins - 1))] += 1 }
    }

    private mutating func layBins() {
        let lo = pilot.min()!, hi = pilot.max()!
        // A constant pilot gets a span of ±1e-9 of its value (or ±1e-12 around zero).
        let r = hi > lo ? hi - lo : max(abs(lo) * 1e-9, 1e-12) * 4
        lower = (hi > lo ? lo : lo - r / 2) - r / 4
        width = r * 1.5 / Double(bins)
        counts = [UInt32](repeating: 0, count: bins)
        for x in pilot {
            counts[Int(saturating: ((x - lower) / width).rounded(.down), in: 0...(bins - 1))] += 1
        }
        pilot = []
    }

    /// Width of one bin once the pilot is full (the bound on a quantile's error), or 0
    /// while quantiles are still exact.
    public var resolution: Double { counts.isEmpty ? 0 : width }

    /// The p-quantile (p in [0, 1]) of the values seen, never outside [minimum, maximum]:
    /// interpolating inside the bin that holds the smallest (or largest) values could
    /// otherwise reach below the smallest value seen (a negative P5 of a positive metric).
    public func quantile(_ p: Double) -> Double { quantiles([p])[0] }

    /// The quantiles at each of `ps`, as `quantile`, sorting a stored pilot once for all of them.
    public func quantiles(_ ps: [Double]) -> [Double] {
        precondition(count > 0, "quantile of an empty stream")
        if counts.isEmpty {
            let sorted = pilot.sorted()
            return ps.map { Statistics.quantile(sorted: sorted, fraction: $0) }
        }
        return ps.map { min(max(binnedQuantile($0), minimum), maximum) }
    }

    private func binnedQuantile(_ p: Double) -> Double {
        // Rank in [0, count]: the value below which a share p of the mass lies.
        let target = p * Double(count)
        var cum = Double(below)
        if target <= cum {
            return below == 0 ? lower : minimum + (lower - minimum) * target / Double(below)
        }
        for b in 0..<bins {
            let c = Double(counts[b])
            if c > 0, target <= cum + c {
                let lo = lower + Double(b) * width
                return lo + width * (target - cum) / c
            }
            cum += c
        }
        let upper = lower + Double(bins) * width
        return above == 0 ? upper : upper + (maximum - upper) * (target - cum) / Double(above)
    }

    /// True when the p-quantile lies beyond the histogram's span, where it is interpolated
    /// between the span's edge and the running extreme.
    public func isOutsideSpan(_ p: Double) -> Bool {
        guard !counts.isEmpty else { return false }
        let target = p * Double(count)
        return target < Double(below) || target > Double(count - above)
    }
}
