import Foundation

/// The fraction of a cohort in service at a time of the term: a ramp from 0 at
/// the start date to 1 at the end date, less the units that reached the end of
/// their useful life (unless they are refreshed).
///
/// Logistic ramp (normalised so that it is exactly 0 and 1 at the dates):
/// ```
/// R(t) = (σ(k(x − ½)) − σ(−k/2)) / (σ(k/2) − σ(−k/2)),  x = (t − t₀)/(t₁ − t₀),  σ(z) = 1/(1 + e^(−z))
/// ```
/// Linear ramp: R(t) = x. In service: D(t) = R(t) − R(t − L) without refresh, R(t) with.
public struct DeploymentRamp: Sendable, Hashable {
    /// Start and end of the ramp, hours from the start of the term.
    public let startHour: Double
    public let endHour: Double
    public let shape: RampShape
    /// Logistic steepness k (1: per ramp span, since x runs 0 to 1 over the ramp); unused by linear ramps.
    public let steepness: Double
    /// Useful life, h; units retire this long after they were deployed.
    public let lifeHours: Double
    /// Whether retiring units are replaced.
    public let refresh: Bool
    private let sigmaLow: Double
    private let inverseSpan: Double

    public init(startHour: Double, endHour: Double, shape: RampShape, steepness: Double,
                lifeHours: Double, refresh: Bool) {
        self.startHour = startHour; self.endHour = endHour; self.shape = shape
        self.steepness = steepness; self.lifeHours = lifeHours; self.refresh = refresh
        sigmaLow = 1 / (1 + exp(steepness / 2))
        inverseSpan = 1 / (1 / (1 + exp(-steepness / 2)) - sigmaLow)
    }

    /// Fraction of the cohort deployed by hour `t`, R(t), in [0, 1].
    @inline(__always)
    public func deployed(atHour t: Double) -> Double {
        if t <= startHour { return 0 }
        if t >= endHour { return 1 }
        let x = (t - startHour) / (endHour - startHour)
        switch shape {
        case .linear: return x
        case .logistic:
            let s = 1 / (1 + exp(-steepness * (x - 0.5)))
            return (s - sigmaLow) * inverseSpan
        }
    }

    /// Fraction of the cohort in service at hour `t`, D(t), in [0, 1].
    @inline(__always)
    public func inService(atHour t: Double) -> Double {
        refresh ? deployed(atHour: t) : deployed(atHour: t) - deployed(atHour: t - lifeHours)
    }
}
