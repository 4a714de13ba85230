import Foundation
internal import GSL

/// The spread of GPU utilization across units and time: a beta distribution on
/// [0, 1] written by its mean μ and concentration κ = α + β (α = μκ, β = (1 − μ)κ).
public struct UtilizationDistribution: Sendable, Hashable {
    /// Mean utilization μ, in (0, 1).
    public let mean: Double
    /// Concentration κ = α + β > 0; larger is narrower (variance μ(1 − μ)/(κ + 1)).
    public let concentration: Double
    public let alpha: Double
    public let beta: Double
    /// 1 / B(α, β).
    private let inverseBetaFunction: Double

    public init(mean: Double, concentration: Double) {
        self.mean = mean
        self.concentration = concentration
        alpha = mean * concentration
        beta = (1 - mean) * concentration
        inverseBetaFunction = exp(lgamma(alpha + beta) - lgamma(alpha) - lgamma(beta))
    }

    /// Probability density f(u) = u^(α−1) (1 − u)^(β−1) / B(α, β).
    @inline(__always)
    public func density(_ u: Double) -> Double {
        pow(u, alpha - 1) * pow(1 - u, beta - 1) * inverseBetaFunction
    }

    /// Quadrature settings for expectations: relative 1e-9 is far below the
    /// uncertainty of any power curve and keeps the evaluation count low.
    static let quadratureOptions = QuadratureOptions(absoluteTolerance: 1e-9, relativeTolerance: 1e-9)

    /// E[g(U)] = ∫₀¹ g(u) f(u) du by GSL's QAGS, which copes with the integrable
    /// end-point singularities of f when α < 1 or β < 1.
    public func expectation(of g: @escaping (Double) throws -> Double) throws -> Double {
        let f = self
        return try Quadrature.qags(0, 1, options: Self.quadratureOptions) { u in try g(u) * f.density(u) }.value
    }
}
