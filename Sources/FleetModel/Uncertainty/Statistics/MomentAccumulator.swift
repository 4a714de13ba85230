/// Count, mean and variance of a stream of values by Welford's update (Welford 1962;
/// Knuth, TAOCP vol. 2, 4.2.2), stable for values far from zero. Values must be added in
/// a fixed order for bit-identical results; the runner adds them in sample order, within
/// blocks of `MonteCarloRunner.blockSize` samples, and joins the blocks in order with
/// `combined(with:)`, so a sharded run can keep each block's state and join them the same way.
public struct MomentAccumulator: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    /// Sum of squared deviations from the mean, Σ (x − mean)².
    private(set) var m2 = 0.0

    public init() {}

    /// A state as stored in a partial result.
    init(count: Int, mean: Double, m2: Double) {
        self.count = count
        self.mean = mean
        self.m2 = m2
    }

    @inline(__always)
    public mutating func add(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        m2 += d * (x - mean)
    }

    /// The state of this stream followed by `later`, by Chan, Golub & LeVeque's pairwise
    /// update (1979): δ = mean_b − mean_a, mean = mean_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n.
    /// An empty side gives the other unchanged, so joining blocks in order from an empty
    /// state reproduces a single block bit for bit.
    public func combined(with later: MomentAccumulator) -> MomentAccumulator {
        if later.count == 0 { return self }
        if count == 0 { return later }
        let n = count + later.count
        let delta = later.mean - mean
        return MomentAccumulator(count: n, mean: mean + delta * (Double(later.count) / Double(n)),
                                 m2: m2 + later.m2 + delta * delta * (Double(count) * Double(later.count) / Double(n)))
    }

    /// Sample variance (divisor n − 1); 0 for fewer than two values.
    public var variance: Double { count > 1 ? max(0, m2 / Double(count - 1)) : 0 }

    /// Sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Monte Carlo standard error of the mean, sd / √n (for independent samples; an upper
    /// bound in practice for Latin hypercube and Sobol points, whose error is smaller).
    public var standardError: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : 0 }
}
