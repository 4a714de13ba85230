import Foundation

/// One uncertain scenario value: its path, its base value (used when `--samples 0`
/// and by the tornado for the inputs not being varied) and its inverse CDF.
public struct UncertainInput: Sendable {
    /// Dotted path, by id: `fleet.cohorts.gb200.count`.
    public var path: String
    /// The deterministic value, in the input's unit.
    public var base: Double
    /// The distribution in scenario syntax, for reports ("triangular(250000, 400000, 600000)").
    public var distribution: String
    /// Inverse CDF: the value with probability `u` of not being exceeded, `u` in (0, 1).
    public var quantile: @Sendable (Double) -> Double

    public init(path: String, base: Double, distribution: String,
                quantile: @escaping @Sendable (Double) -> Double) {
        self.path = path
        self.base = base
        self.distribution = distribution
        self.quantile = quantile
    }
}

/// A rank (Spearman) correlation between two uncertain inputs, from a scenario's
/// `correlations: [{paths: [A, B], rho: 0.6, source: "..."}]`.
public struct RankCorrelation: Sendable, Hashable {
    public var first: String
    public var second: String
    /// Spearman's ρ_s, in (−1, 1).
    public var rho: Double

    public init(_ first: String, _ second: String, rho: Double) {
        self.first = first
        self.second = second
        self.rho = rho
    }

    /// Pearson correlation of the Gaussian copula whose rank correlation is ρ_s:
    /// ρ = 2 sin(π ρ_s / 6) (Pearson 1907; Kruskal 1958, for bivariate normals).
    public var copulaPearson: Double { 2 * sin(Double.pi * rho / 6) }
}
