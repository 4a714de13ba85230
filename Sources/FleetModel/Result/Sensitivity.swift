/// Which inputs move each metric, and by how much.
public struct Sensitivity: Codable, Sendable, Hashable {
    /// "tornado" or "sobol".
    public var method: String
    /// Sobol: base sample size N (the run costs N·(k+2) evaluations); tornado: nil.
    public var baseSamples: Int?
    /// Sobol: bootstrap resamples used for the confidence intervals.
    public var bootstrap: Int?
    /// For each metric, the inputs ranked from most to least influential.
    public var rankings: [Metric: [SensitivityEntry]]

    public init(method: String, baseSamples: Int? = nil, bootstrap: Int? = nil,
                rankings: [Metric: [SensitivityEntry]]) {
        self.method = method; self.baseSamples = baseSamples
        self.bootstrap = bootstrap; self.rankings = rankings
    }

    enum CodingKeys: String, CodingKey {
        case method, rankings
        case baseSamples = "base_samples"
        case bootstrap
    }
}

/// One input's effect on one metric. Tornado fills the `low…`/`high…`/`swing`
/// fields; Sobol fills the indices and their 95 % bootstrap intervals.
public struct SensitivityEntry: Codable, Sendable, Hashable {
    public var path: String
    public var rank: Int
    /// Tornado: the input's P10 and P90, in its own unit.
    public var lowInput: Double?
    public var highInput: Double?
    /// Tornado: the metric with the input at its P10 and at its P90, the rest at base.
    public var lowValue: Double?
    public var highValue: Double?
    /// Tornado: |highValue − lowValue|, in the metric's unit.
    public var swing: Double?
    /// Sobol first-order index S₁ and its 95 % bootstrap interval.
    public var firstOrder: Double?
    public var firstOrderCI: [Double]?
    /// Sobol total-order index S_T and its 95 % bootstrap interval.
    public var totalOrder: Double?
    public var totalOrderCI: [Double]?

    public init(path: String, rank: Int, lowInput: Double? = nil, highInput: Double? = nil,
                lowValue: Double? = nil, highValue: Double? = nil, swing: Double? = nil,
                firstOrder: Double? = nil, firstOrderCI: [Double]? = nil,
                totalOrder: Double? = nil, totalOrderCI: [Double]? = nil) {
        self.path = path; self.rank = rank; self.lowInput = lowInput; self.highInput = highInput
        self.lowValue = lowValue; self.highValue = highValue; self.swing = swing
        self.firstOrder = firstOrder; self.firstOrderCI = firstOrderCI
        self.totalOrder = totalOrder; self.totalOrderCI = totalOrderCI
    }

    enum CodingKeys: String, CodingKey {
        case path, rank, swing
        case lowInput = "low_input", highInput = "high_input"
        case lowValue = "low_value", highValue = "high_value"
        case firstOrder = "first_order", firstOrderCI = "first_order_ci"
        case totalOrder = "total_order", totalOrderCI = "total_order_ci"
    }
}
