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
///
/// The pilot's values stay stored beside the bins (they are binned when a quantile is
/// asked for), so two streams over consecutive stretches of samples with the same bins
/// `merge` into exactly the stream over both: the Monte Carlo runner fills the pilot with
/// the samples whose index is below `pilotSize` (`addPilot`) and bins the later ones
/// (`addBinned`), whichever shard evaluates them.
public struct StreamingQuantiles: Sendable, Hashable {
    public let pilotSize: Int
    public let bins: Int
    public private(set) var count = 0
    private(set) var pilot: [Double] = []
    /// Counts of the values added after the pilot (the pilot's own are added when asked).
    private(set) var counts: [UInt32] = []
    private(set) var lower = 0.0
    private(set) var width = 0.0
    private(set) var below = 0
    private(set) var above = 0
    private(set) var minimum = Double.infinity
    private(set) var maximum = -Double.infinity

    public init(pilotSize: Int = 1_000, bins: Int = 1_024) {
        precondition(pilotSize >= 2 && bins >= 1, "need a pilot of two values and one bin")
        self.pilotSize = pilotSize
        self.bins = bins
    }

    /// A state as stored in a partial result.
    init(pilotSize: Int, bins: Int, count: Int, pilot: [Double], counts: [UInt32], lower: Double, width: Double,
         below: Int, above: Int, minimum: Double, maximum: Double) {
        self.pilotSize = pilotSize; self.bins = bins; self.count = count; self.pilot = pilot; self.counts = counts
        self.lower = lower; self.width = width; self.below = below; self.above = above
        self.minimum = minimum; self.maximum = maximum
    }

    /// Adds the next value: to the pilot until it holds `pilotSize` values (then the bins
    /// are laid), to the bins after.
    public mutating func add(_ x: Double) {
        if hasBins {
            addBinned(x)
        } else {
            addPilot(x)
            if pilot.count == pilotSize { layBins() }
        }
    }

    /// Adds a value of the pilot, without laying bins.
    mutating func addPilot(_ x: Double) {
        count += 1
        minimum = min(minimum, x)
        maximum = max(maximum, x)
        pilot.append(x)
    }

    /// Adds a value after the pilot; the bins must be laid.
    mutating func addBinned(_ x: Double) {
        count += 1
        minimum = min(minimum, x)
        maximum = max(maximum, x)
        let b = ((x - lower) / width).rounded(.down)
        if b < 0 { below += 1 } else if b >= Double(bins) { above += 1 } else { counts[Int(saturating: b, in: 0...(bins - 1))] += 1 }
    }

    /// True once the bins are laid.
    var hasBins: Bool { !counts.isEmpty }

    /// Lays the bins over the stored pilot's range.
    mutating func layBins() {
        layBins(pilotMinimum: pilot.min() ?? 0, pilotMaximum: pilot.max() ?? 0)
    }

    /// Lays the bins over a pilot whose smallest and largest values are given: a shard that
    /// does not hold the pilot's samples lays the same bins as the run that does.
    mutating func layBins(pilotMinimum lo: Double, pilotMaximum hi: Double) {
        (lower, width) = Self.binLayout(pilotMinimum: lo, pilotMaximum: hi, bins: bins)
        counts = [UInt32](repeating: 0, count: bins)
    }

    /// The lower edge and width of `bins` bins laid over a pilot's range.
    static func binLayout(pilotMinimum lo: Double, pilotMaximum hi: Double, bins: Int) -> (lower: Double, width: Double) {
        // A constant pilot gets a span of ±1e-9 of its value (or ±1e-12 around zero).
        let r = hi > lo ? hi - lo : max(abs(lo) * 1e-9, 1e-12) * 4
        return ((hi > lo ? lo : lo - r / 2) - r / 4, r * 1.5 / Double(bins))
    }

    /// The bin a pilot value is counted in (the pilot's range lies inside the bins).
    @inline(__always)
    static func pilotBin(_ x: Double, lower: Double, width: Double, bins: Int) -> Int {
        Int(saturating: ((x - lower) / width).rounded(.down), in: 0...(bins - 1))
    }

    /// This stream followed by `later`, a stream over the samples after this one's with the
    /// same bins (or none yet): pilots joined in order, counts and extremes combined.
    mutating func merge(_ later: StreamingQuantiles) throws(UncertaintyError) {
        guard later.pilotSize == pilotSize, later.bins == bins else {
            throw .invalidOption("quantile streams with different pilots or bins")
        }
        if later.hasBins {
            if !hasBins {
                guard count == pilot.count else { throw .invalidOption("quantile streams without bins") }
                counts = [UInt32](repeating: 0, count: bins)
                lower = later.lower
                width = later.width
            }
            guard later.lower == lower, later.width == width else {
                throw .invalidOption("quantile streams laid over different pilots")
            }
            for b in 0..<bins { counts[b] += later.counts[b] }
        }
        count += later.count
        pilot += later.pilot
        below += later.below
        above += later.above
        minimum = min(minimum, later.minimum)
        maximum = max(maximum, later.maximum)
    }

    /// Width of one bin once the pilot is full (the bound on a quantile's error), or 0
    /// while quantiles are still exact.
    public var resolution: Double { hasBins ? width : 0 }

    /// The counts of every value, the pilot's included.
    private var allCounts: [UInt32] {
        var c = counts
        for x in pilot { c[Self.pilotBin(x, lower: lower, width: width, bins: bins)] += 1 }
        return c
    }

    /// The p-quantile (p in [0, 1]) of the values seen, never outside [minimum, maximum]:
    /// interpolating inside the bin that holds the smallest (or largest) values could
    /// otherwise reach below the smallest value seen (a negative P5 of a positive metric).
    public func quantile(_ p: Double) -> Double { quantiles([p])[0] }

    /// The quantiles at each of `ps`, as `quantile`, sorting a stored pilot once for all of them.
    public func quantiles(_ ps: [Double]) -> [Double] {
        precondition(count > 0, "quantile of an empty stream")
        if !hasBins {
            let sorted = pilot.sorted()
            return ps.map { Statistics.quantile(sorted: sorted, fraction: $0) }
        }
        let counts = allCounts
        return ps.map { min(max(binnedQuantile($0, counts: counts), minimum), maximum) }
    }

    private func binnedQuantile(_ p: Double, counts: [UInt32]) -> Double {
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
        guard hasBins else { return false }
        let target = p * Double(count)
        return target < Double(below) || target > Double(count - above)
    }
}
