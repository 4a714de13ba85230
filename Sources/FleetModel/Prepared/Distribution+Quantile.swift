internal import GSL

/// Inverse CDFs of the scenario's distributions, so that any sampler's unit points become
/// input values (GSL's quantile functions; `choice` inverts its step CDF).
extension Distribution {
    /// The value with probability `u` (in (0, 1)) of not being exceeded, in the input's unit.
    ///
    /// A `choice` orders its values ascending and returns the first whose cumulative weight
    /// reaches u · Σw, so the quantile is monotone (needed by the copula's rank correlation
    /// and by the tornado's P10/P90).
    ///
    /// The result is always finite: the parameter domains `check` enforces keep it so, and a
    /// value that still overflowed (a normal at u = 0) is clamped to the largest double of its
    /// sign (NaN, which no family gives in its domain, becomes the base value).
    public func quantile(_ u: Double) -> Double {
        let x = rawQuantile(u)
        if x.isFinite { return x }
        return x.isNaN ? base : (x > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude)
    }

    private func rawQuantile(_ u: Double) -> Double {
        switch self {
        case let .uniform(a, b): Distributions.uniformQuantile(u, min: a, max: b)
        case let .triangular(a, m, b): Distributions.triangularQuantile(u, min: a, mode: m, max: b)
        case let .pert(a, m, b): Distributions.pertQuantile(u, min: a, mode: m, max: b)
        case let .normal(mu, sd): Distributions.normalQuantile(u, mean: mu, sd: sd)
        case let .truncnormal(mu, sd, a, b):
            Distributions.truncatedNormalQuantile(u, mean: mu, sd: sd, lower: a, upper: b)
        case let .lognormal(median, sigma): Distributions.lognormalQuantile(u, median: median, sigma: sigma)
        case let .beta(alpha, beta, a, b): Distributions.betaQuantile(u, a: alpha, b: beta, min: a, max: b)
        case let .choice(values, weights): Self.choiceQuantile(u, values: values, weights: weights)
        }
    }

    static func choiceQuantile(_ u: Double, values: [Double], weights: [Double]) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] }
        let total = weights.reduce(0, +)
        var cumulative = 0.0
        for i in order {
            cumulative += weights[i]
            if u * total <= cumulative { return values[i] }
        }
        return values[order.last!]
    }
}
