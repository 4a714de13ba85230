internal import CGSL

/// Counts of values in equal-width bins over a range [lower, upper].
///
/// Bin i covers [edges[i], edges[i + 1]); the last bin also includes `upper`, so a range
/// taken from the data's minimum and maximum counts every value. Values outside the range
/// are not binned but tallied in `underflow` and `overflow`. Owns a `gsl_histogram`, freed
/// in `deinit`; mutable state, one per task.
///
/// The corresponding GSL functions are `gsl_histogram_alloc`, `gsl_histogram_set_ranges_uniform`
/// and `gsl_histogram_free`.
public final class Histogram {
    private let h: UnsafeMutablePointer<gsl_histogram>
    /// The number of bins.
    public let binCount: Int
    /// The range covered by the bins.
    public let range: ClosedRange<Double>
    /// The total weight of values below `range`.
    public private(set) var underflow = 0.0
    /// The total weight of values above `range`.
    public private(set) var overflow = 0.0

    /// - Throws: `GSLError` (invalid argument) when `bins` < 1 or the range is empty or not finite.
    public init(bins: Int, range: ClosedRange<Double>) throws(GSLError) {
        GSLRuntime.ensure()
        guard bins >= 1 else { throw GSLError.invalidArgument.with(context: "a histogram needs at least one bin, got \(bins)") }
        guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
            throw GSLError.invalidArgument.with(context: "a histogram needs a finite range with lower < upper, got \(range)")
        }
        guard let p = gsl_histogram_alloc(bins) else { preconditionFailure("Unable to allocate a GSL histogram of \(bins) bins") }
        do throws(GSLError) {
            try check(gsl_histogram_set_ranges_uniform(p, range.lowerBound, range.upperBound), "histogram over \(range)")
        } catch {
            gsl_histogram_free(p)
            throw error
        }
        self.h = p
        self.binCount = bins
        self.range = range
    }

    /// A histogram of `data` over [min(data), max(data)]. When every value is the same, the
    /// range is widened by 10⁻⁹ of the value (or 10⁻⁹ around 0) so the bins have a width.
    ///
    /// - Throws: `GSLError` (invalid argument) when `data` is empty or not finite, or `bins` < 1.
    public convenience init(bins: Int, data: [Double]) throws(GSLError) {
        guard let lo = data.min(), let hi = data.max(), lo.isFinite, hi.isFinite else {
            throw GSLError.invalidArgument.with(context: "a histogram of data needs finite values, got \(data.count) values")
        }
        let pad = lo == hi ? Swift.max(abs(lo) * 1e-9, 1e-9) : 0
        try self.init(bins: bins, range: (lo - pad)...(hi + pad))
        for x in data { increment(x) }
    }

    deinit { gsl_histogram_free(h) }

    /// Adds one to the bin containing `x` (which must not be NaN).
    ///
    /// The corresponding GSL function is `gsl_histogram_increment`.
    public func increment(_ x: Double) { accumulate(x, weight: 1) }

    /// Adds `weight` to the bin containing `x` (which must not be NaN).
    ///
    /// The corresponding GSL function is `gsl_histogram_accumulate`.
    public func accumulate(_ x: Double, weight: Double) {
        precondition(!x.isNaN, "cannot bin NaN")
        if x < range.lowerBound {
            underflow += weight
        } else if x > range.upperBound {
            overflow += weight
        } else if x == range.upperBound {
            h.pointee.bin[binCount - 1] += weight
        } else {
            _ = gsl_histogram_accumulate(h, x, weight)
        }
    }

    /// The (weighted) count in each bin, `binCount` values.
    public var counts: [Double] { Array(UnsafeBufferPointer(start: h.pointee.bin, count: binCount)) }

    /// The bin edges, `binCount + 1` values from `range.lowerBound` to `range.upperBound`.
    public var edges: [Double] { Array(UnsafeBufferPointer(start: h.pointee.range, count: binCount + 1)) }

    /// The total (weighted) count inside the range.
    ///
    /// The corresponding GSL function is `gsl_histogram_sum`.
    public var total: Double { gsl_histogram_sum(h) }

    /// Empties every bin and the underflow and overflow tallies.
    ///
    /// The corresponding GSL function is `gsl_histogram_reset`.
    public func reset() {
        gsl_histogram_reset(h)
        underflow = 0
        overflow = 0
    }
}

@available(*, unavailable, message: "a Histogram is mutable state: create one per task")
extension Histogram: Sendable {}
