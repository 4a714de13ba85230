/// Count, mean and variance of a stream of values by Welford's update (Welford 1962;
/// Knuth, TAOCP vol. 2, 4.2.2), stable for values far from zero. Values must be added in
/// a fixed order for bit-identical results; the runner adds them in sample order.
public struct MomentAccumulator: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var m2 = 0.0

    public init() {}

    @inline(__always)
    public mutating func add(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        m2 += d * (x - mean)
    }

    /// Sample variance (divisor n − 1); 0 for fewer than two values.
    public var variance: Double { count > 1 ? max(0, m2 / Double(count - 1)) : 0 }

    /// Sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Monte Carlo standard error of the mean, sd / √n (for independent samples; an upper
    /// bound in practice for Latin hypercube and Sobol points, whose error is smaller).
    public var standardError: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : 0 }
}
