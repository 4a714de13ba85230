import Foundation
@testable import FleetModel

/// Distributions with closed-form inverse CDFs and moments, for testing the engine on
/// models whose answers are known.
enum TestDistribution: Sendable {
    case uniform(Double, Double)
    /// Exponential with the given rate λ (mean 1/λ, variance 1/λ²).
    case exponential(Double)
    /// Triangular on [a, c] with mode b.
    case triangular(Double, Double, Double)

    func quantile(_ u: Double) -> Double {
        switch self {
        case .uniform(let a, let b): a + (b - a) * u
        case .exponential(let rate): -log1p(-u) / rate
        case .triangular(let a, let b, let c):
            u < (b - a) / (c - a) ? a + ((c - a) * (b - a) * u).squareRoot()
                                  : c - ((c - a) * (c - b) * (1 - u)).squareRoot()
        }
    }

    var mean: Double {
        switch self {
        case .uniform(let a, let b): (a + b) / 2
        case .exponential(let rate): 1 / rate
        case .triangular(let a, let b, let c): (a + b + c) / 3
        }
    }

    var variance: Double {
        switch self {
        case .uniform(let a, let b): (b - a) * (b - a) / 12
        case .exponential(let rate): 1 / (rate * rate)
        case .triangular(let a, let b, let c): (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        }
    }

    func input(_ path: String) -> UncertainInput {
        let d = self
        return UncertainInput(path: path, base: d.quantile(0.5), distribution: "\(d)") { d.quantile($0) }
    }
}

/// A model with one metric (`it_energy_mwh`) over two years of three months each:
/// month k of the sample is (k + 1) · f(x), a year is the sum of its months, the total the sum
/// of all months.
func periodModel(_ f: @escaping @Sendable ([Double]) -> Double) -> FunctionModel {
    let layout = OutputLayout(metrics: [.itEnergy, .pue], years: ["2026", "2027"],
                              months: ["2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"])
    return FunctionModel(layout: layout) { x, y in
        let v = f(x)
        var years = [0.0, 0.0], total = 0.0
        for k in 0..<6 {
            let e = Double(k + 1) * v
            y[layout.monthly(0, k)] = e
            y[layout.monthly(1, k)] = 1.1 + 0.01 * Double(k) * v
            years[k / 3] += e
            total += e
        }
        for yr in 0..<2 {
            y[layout.annual(0, yr)] = years[yr]
            y[layout.annual(1, yr)] = 1.1 + 0.01 * v
        }
        y[layout.total(0)] = total
        y[layout.total(1)] = 1.1 + 0.02 * v
    }
}
