internal import CGSL

/// A finite set of categories 0..<count with relative weights, for discrete choice
/// (the scenario syntax `choice(v1: w1, v2: w2, …)`).
///
/// Owns GSL's alias table (`gsl_ran_discrete_t`) and frees it in `deinit`. The table is
/// read-only once built, so one instance can be shared by all tasks; each task draws with
/// its own `RandomGenerator` (`choice(from:)`), or maps a uniform u ∈ (0, 1) from any
/// sampler with `index(forUniform:)`.
///
/// The corresponding GSL functions are `gsl_ran_discrete_preproc` and `gsl_ran_discrete_free`.
public final class DiscreteDistribution: @unchecked Sendable {
    /// The weights as given (not normalised).
    public let weights: [Double]
    /// The probability of each category (the weights divided by their sum).
    public let probabilities: [Double]
    /// cumulative[i] = P(index ≤ i); the last element is exactly 1.
    private let cumulative: [Double]
    let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// - Throws: `GSLError` (invalid argument) when there are no weights, a weight is
    ///   negative or not finite, or all weights are zero.
    public init(weights: [Double]) throws(GSLError) {
        GSLRuntime.ensure()
        guard !weights.isEmpty else { throw GSLError.invalidArgument.with(context: "discrete distribution needs at least one weight") }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw GSLError.invalidArgument.with(context: "discrete distribution weights must be finite and >= 0: \(weights)")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw GSLError.invalidArgument.with(context: "discrete distribution weights are all zero") }
        guard let t = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            throw GSLError.invalidArgument.with(context: "discrete distribution set-up failed for weights \(weights)")
        }
        self.table = t
        self.weights = weights
        self.probabilities = weights.map { $0 / total }
        var running = 0.0
        var cumulative = weights.map { w -> Double in running += w; return running / total }
        cumulative[cumulative.count - 1] = 1
        self.cumulative = cumulative
    }

    deinit { gsl_ran_discrete_free(table) }

    /// The number of categories.
    public var count: Int { weights.count }

    /// The category whose cumulative-probability interval contains `u` ∈ [0, 1]:
    /// the smallest i with P(index ≤ i) > u, skipping zero-weight categories.
    /// This is the inverse CDF of the choice, for quasi-random and Latin hypercube samplers.
    /// Allocation-free, O(log count).
    public func index(forUniform u: Double) -> Int {
        precondition(u >= 0 && u <= 1, "index(forUniform:) needs u in [0, 1], got \(u)")
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        while weights[lo] == 0 { lo -= 1 }  // only at u = 1 with trailing zero weights
        return lo
    }
}
