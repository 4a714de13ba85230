internal import CGSL

/// Summary statistics of samples (for example the Monte Carlo draws of one metric).
///
/// The data must be finite; results have the unit of the data (variance: its square).
public enum Statistics {
    /// The arithmetic mean.
    ///
    /// The corresponding GSL function is `gsl_stats_mean`.
    public static func mean(_ data: [Double]) -> Double {
        precondition(!data.isEmpty, "the mean needs at least one value")
        return data.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample variance, with the unbiased 1/(n − 1) normalisation.
    ///
    /// The corresponding GSL function is `gsl_stats_variance`.
    public static func variance(_ data: [Double]) -> Double {
        precondition(data.count >= 2, "the sample variance needs at least two values, got \(data.count)")
        return data.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
    }

    /// The sample standard deviation, √variance.
    ///
    /// The corresponding GSL function is `gsl_stats_sd`.
    public static func standardDeviation(_ data: [Double]) -> Double {
        precondition(data.count >= 2, "the sample standard deviation needs at least two values, got \(data.count)")
        return data.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The quantile at `fraction` ∈ [0, 1] of data sorted in increasing order, interpolated
    /// linearly between order statistics: with δ = fraction·(n − 1) and i = ⌊δ⌋,
    /// (1 − (δ − i))·x[i] + (δ − i)·x[i + 1]. Fraction 0.5 is the median; 0.05 and 0.95
    /// bound a 90 % interval.
    ///
    /// The corresponding GSL function is `gsl_stats_quantile_from_sorted_data`.
    public static func quantile(sorted data: [Double], fraction: Double) -> Double {
        precondition(!data.isEmpty, "a quantile needs at least one value")
        precondition(fraction >= 0 && fraction <= 1, "a quantile needs a fraction in [0, 1], got \(fraction)")
        precondition(zip(data, data.dropFirst()).allSatisfy { $0 <= $1 }, "quantile(sorted:) needs data in increasing order")
        return data.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, fraction) }
    }

    /// Sorts `data` in place, in increasing order (heapsort: O(n log n), no allocation).
    ///
    /// The corresponding GSL function is `gsl_sort`.
    public static func sort(_ data: inout [Double]) {
        precondition(!data.contains(where: \.isNaN), "cannot sort data containing NaN")
        data.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
    }

    /// A sorted copy of `data`, in increasing order.
    ///
    /// The corresponding GSL function is `gsl_sort`.
    public static func sorted(_ data: [Double]) -> [Double] {
        var copy = data
        sort(&copy)
        return copy
    }
}
