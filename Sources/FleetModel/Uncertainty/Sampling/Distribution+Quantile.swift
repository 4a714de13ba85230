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

extension UncertainInput {
    /// The uncertain input of a scenario parameter (nil when it has no distribution).
    public init?(_ parameter: ScenarioParameter) {
        guard let d = parameter.distribution else { return nil }
        self.init(path: parameter.path, base: parameter.base, distribution: d.syntax) { d.quantile($0) }
    }
}

extension InputSpace {
    /// The uncertain inputs of a scenario, in parameter order, with its rank correlations.
    ///
    /// - Throws: `UncertaintyError.invalidCorrelation` when the correlations do not form a
    ///   positive-definite matrix (the message names them; `issues(in:)` places them).
    public init(document: ScenarioDocument) throws(UncertaintyError) {
        try self.init(inputs: document.uncertainParameters.compactMap(UncertainInput.init),
                      correlations: document.correlations.map { RankCorrelation($0.paths[0], $0.paths[1], rho: $0.rho) })
    }

    /// Why a scenario's uncertain inputs cannot be sampled, one error per `correlations.<i>`
    /// entry at fault, placed at its file, line and column; empty when they can.
    public static func issues(in document: ScenarioDocument) -> [ScenarioError] {
        do {
            _ = try InputSpace(document: document)
            return []
        } catch {
            guard case let .invalidCorrelation(message, entries) = error, !entries.isEmpty else {
                let place = document.correlations.first?.location
                    ?? SourceLocation(file: document.info.source, line: 0, column: 0)
                return [ScenarioError(place, path: "correlations", error.description)]
            }
            let located = document.correlations
            return entries.map { ScenarioError(located[$0].location, path: located[$0].path, message) }
        }
    }

    /// The input space of a scenario, or `ScenarioErrors` placed in its file.
    static func located(_ document: ScenarioDocument) throws -> InputSpace {
        let issues = issues(in: document)
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        return try InputSpace(document: document)
    }
}
