import Foundation

/// The probability distribution of an uncertain input, in the syntax shared by
/// scenario files (`dist:`) and `--set PATH=VALUE`:
///
/// ```
/// uniform(min, max)                  triangular(min, mode, max)      pert(min, mode, max)  (λ = 4)
/// normal(mean, sd)                   truncnormal(mean, sd, min, max) lognormal(median, sigma)
/// beta(alpha, beta, min, max)        choice(v1, v2, …)               choice(v1: w1, v2: w2, …)
/// ```
///
/// `sigma` of a lognormal is the standard deviation of ln X. Parameters are in the field's
/// canonical unit once loaded (the loader converts them with the value). Sampling and
/// quantiles are added by the uncertainty engine as extensions.
public enum Distribution: Sendable, Hashable {
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta-PERT with λ = 4.
    case pert(min: Double, mode: Double, max: Double)
    case normal(mean: Double, sd: Double)
    /// A normal(mean, sd) restricted to [min, max].
    case truncnormal(mean: Double, sd: Double, min: Double, max: Double)
    /// ln X ~ normal(ln median, sigma).
    case lognormal(median: Double, sigma: Double)
    /// min + (max − min) · Beta(alpha, beta).
    case beta(alpha: Double, beta: Double, min: Double, max: Double)
    /// One of `values`, with probabilities proportional to `weights` (all 1 when not written).
    case choice(values: [Double], weights: [Double])

    /// Every family name, as written in the syntax.
    public static let families = ["uniform", "triangular", "pert", "normal", "truncnormal",
                                  "lognormal", "beta", "choice"]

    /// The family name: "uniform", "triangular", ….
    public var family: String {
        switch self {
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .pert: "pert"
        case .normal: "normal"
        case .truncnormal: "truncnormal"
        case .lognormal: "lognormal"
        case .beta: "beta"
        case .choice: "choice"
        }
    }

    /// The distribution written back in the scenario syntax, e.g. "triangular(250000, 400000, 600000)".
    public var syntax: String {
        let f = Distribution.format
        switch self {
        case let .uniform(a, b): return "uniform(\(f(a)), \(f(b)))"
        case let .triangular(a, m, b): return "triangular(\(f(a)), \(f(m)), \(f(b)))"
        case let .pert(a, m, b): return "pert(\(f(a)), \(f(m)), \(f(b)))"
        case let .normal(mu, sd): return "normal(\(f(mu)), \(f(sd)))"
        case let .truncnormal(mu, sd, a, b): return "truncnormal(\(f(mu)), \(f(sd)), \(f(a)), \(f(b)))"
        case let .lognormal(m, s): return "lognormal(\(f(m)), \(f(s)))"
        case let .beta(al, be, a, b): return "beta(\(f(al)), \(f(be)), \(f(a)), \(f(b)))"
        case let .choice(values, weights):
            if Set(weights).count <= 1 { return "choice(\(values.map(f).joined(separator: ", ")))" }
            return "choice(" + zip(values, weights).map { "\(f($0)): \(f($1))" }.joined(separator: ", ") + ")"
        }
    }

    /// The default base (deterministic) value: the mode (triangular, pert), the mean (uniform,
    /// normal, truncnormal — of the truncated distribution —, beta), the median (lognormal),
    /// the highest-weight value (choice; the first of equals).
    public var base: Double {
        switch self {
        case let .uniform(a, b): return (a + b) / 2
        case let .triangular(_, m, _), let .pert(_, m, _): return m
        case let .normal(mu, _): return mu
        case let .truncnormal(mu, sd, a, b): return Distribution.truncatedNormalMean(mu, sd, a, b)
        case let .lognormal(m, _): return m
        case let .beta(al, be, a, b): return a + (b - a) * al / (al + be)
        case let .choice(values, weights):
            var best = 0
            for i in weights.indices where weights[i] > weights[best] { best = i }
            return values[best]
        }
    }

    /// Smallest value the distribution can take (−∞ when unbounded below).
    public var lowerBound: Double {
        switch self {
        case let .uniform(a, _), let .triangular(a, _, _), let .pert(a, _, _),
             let .truncnormal(_, _, a, _), let .beta(_, _, a, _): return a
        case .normal: return -.infinity
        case .lognormal: return 0
        case let .choice(values, _): return values.min()!
        }
    }

    /// Largest value the distribution can take (+∞ when unbounded above).
    public var upperBound: Double {
        switch self {
        case let .uniform(_, b), let .triangular(_, _, b), let .pert(_, _, b),
             let .truncnormal(_, _, _, b), let .beta(_, _, _, b): return b
        case .normal, .lognormal: return .infinity
        case let .choice(values, _): return values.max()!
        }
    }

    /// `lowerBound...upperBound`.
    public var support: ClosedRange<Double> { lowerBound...upperBound }

    /// The parameters in the order they are written (choice: values, then weights).
    public var parameters: [Double] {
        switch self {
        case let .uniform(a, b): [a, b]
        case let .triangular(a, m, b), let .pert(a, m, b): [a, m, b]
        case let .normal(mu, sd): [mu, sd]
        case let .truncnormal(mu, sd, a, b): [mu, sd, a, b]
        case let .lognormal(m, s): [m, s]
        case let .beta(al, be, a, b): [al, be, a, b]
        case let .choice(v, w): v + w
        }
    }

    /// Mean of normal(mu, sd) truncated to [a, b]: mu + sd (φ(α) − φ(β)) / (Φ(β) − Φ(α)).
    static func truncatedNormalMean(_ mu: Double, _ sd: Double, _ a: Double, _ b: Double) -> Double {
        let alpha = (a - mu) / sd, beta = (b - mu) / sd
        let phi = { (x: Double) in exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
        let cdf = { (x: Double) in 0.5 * erfc(-x / 2.0.squareRoot()) }
        let z = cdf(beta) - cdf(alpha)
        guard z > 0 else { return min(max(mu, a), b) }
        return min(max(mu + sd * (phi(alpha) - phi(beta)) / z, a), b)
    }

    /// A number as written in the syntax: integers without ".0", others in shortest round-trip form.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

/// What is wrong with a distribution as written (the caller adds the place).
public struct DistributionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Distribution {
    /// Parses and checks the scenario syntax, e.g. "pert(0.6, 0.75, 0.9)".
    /// Errors: unknown family (closest suggested), wrong number of parameters, a parameter that is
    /// not a finite number or beyond ±`maximumMagnitude`, min ≥ max, mode outside [min, max],
    /// sd/sigma/alpha/beta ≤ 0, median ≤ 0, weights ≤ 0, alpha/beta outside `betaShapeDomain`,
    /// sigma above `lognormalSigmaMaximum`.
    public static func parse(_ text: String) throws(DistributionError) -> Distribution {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard let open = s.firstIndex(of: "("), s.hasSuffix(")") else {
            throw DistributionError("expected a number or a distribution such as 'triangular(min, mode, max)', got '\(text)'")
        }
        let family = s[..<open].trimmingCharacters(in: .whitespaces).lowercased()
        let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
        guard families.contains(family) else {
            throw DistributionError("unknown distribution '\(family)'"
                + (ClosestMatch.nearest(to: family, among: families).map { " (did you mean '\($0)'?)" } ?? "")
                + "; known: " + families.joined(separator: ", "))
        }
        let items = inner.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if items.count == 1 && items[0].isEmpty { throw DistributionError("\(family)() has no parameters") }
        func number(_ t: String) throws(DistributionError) -> Double {
            guard let x = Double(t) else {
                throw DistributionError("\(family): '\(t)' is not a number")
            }
            guard x.isFinite else { throw DistributionError("\(family): parameters must be finite, got \(t)") }
            return x
        }
        if family == "choice" {
            var values: [Double] = [], weights: [Double] = []
            let weighted = items.contains { $0.contains(":") }
            for item in items {
                let parts = item.split(separator: ":", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if weighted != (parts.count == 2) || parts.count > 2 {
                    throw DistributionError("choice: write every option as 'value: weight' or none, got '\(item)'")
                }
                values.append(try number(parts[0]))
                weights.append(weighted ? try number(parts[1]) : 1)
            }
            if let w = weights.first(where: { $0 <= 0 }) {
                throw DistributionError("choice: weights must be positive, got \(format(w))")
            }
            return .choice(values: values, weights: weights)
        }
        var p: [Double] = []
        for item in items { p.append(try number(item)) }
        let names: [String: [String]] = [
            "uniform": ["min", "max"], "triangular": ["min", "mode", "max"], "pert": ["min", "mode", "max"],
            "normal": ["mean", "sd"], "truncnormal": ["mean", "sd", "min", "max"],
            "lognormal": ["median", "sigma"], "beta": ["alpha", "beta", "min", "max"],
        ]
        let expected = names[family]!
        guard p.count == expected.count else {
            throw DistributionError("\(family) takes \(expected.count) parameters (\(expected.joined(separator: ", "))), got \(p.count)")
        }
        let d: Distribution
        switch family {
        case "uniform": d = .uniform(min: p[0], max: p[1])
        case "triangular": d = .triangular(min: p[0], mode: p[1], max: p[2])
        case "pert": d = .pert(min: p[0], mode: p[1], max: p[2])
        case "normal": d = .normal(mean: p[0], sd: p[1])
        case "truncnormal": d = .truncnormal(mean: p[0], sd: p[1], min: p[2], max: p[3])
        case "lognormal": d = .lognormal(median: p[0], sigma: p[1])
        default: d = .beta(alpha: p[0], beta: p[1], min: p[2], max: p[3])
        }
        try d.check()
        return d
    }

    /// Checks the consistency of the parameters (see `parse`).
    public func check() throws(DistributionError) {
        let f = Distribution.format
        func range(_ a: Double, _ b: Double) throws(DistributionError) {
            guard a < b else { throw DistributionError("\(family): min (\(f(a))) must be less than max (\(f(b)))") }
        }
        func positive(_ name: String, _ x: Double) throws(DistributionError) {
            guard x > 0 else { throw DistributionError("\(family): \(name) must be positive, got \(f(x))") }
        }
        func within(_ name: String, _ x: Double, _ domain: ClosedRange<Double>) throws(DistributionError) {
            guard domain.contains(x) else {
                throw DistributionError("\(family): \(name) must lie in [\(f(domain.lowerBound)), \(f(domain.upperBound))], got \(f(x))")
            }
        }
        guard parameters.allSatisfy(\.isFinite) else {
            throw DistributionError("\(family): parameters must be finite numbers")
        }
        let big = Distribution.maximumMagnitude
        if let x = parameters.first(where: { abs($0) > big }) {
            throw DistributionError("\(family): parameters must lie within ±1e15, got \(f(x))")
        }
        switch self {
        case let .uniform(a, b): try range(a, b)
        case let .triangular(a, m, b), let .pert(a, m, b):
            try range(a, b)
            guard a <= m, m <= b else {
                throw DistributionError("\(family): mode (\(f(m))) must lie in [min, max] = [\(f(a)), \(f(b))]")
            }
        case let .normal(_, sd): try positive("sd", sd)
        case let .truncnormal(_, sd, a, b): try positive("sd", sd); try range(a, b)
        case let .lognormal(m, s):
            try positive("median", m); try positive("sigma", s)
            guard s <= Distribution.lognormalSigmaMaximum else {
                throw DistributionError("lognormal: sigma must be at most \(f(Distribution.lognormalSigmaMaximum)), got \(f(s))")
            }
        case let .beta(al, be, a, b):
            try positive("alpha", al); try positive("beta", be)
            try within("alpha", al, Distribution.betaShapeDomain)
            try within("beta", be, Distribution.betaShapeDomain)
            try range(a, b)
        case let .choice(values, weights):
            guard !values.isEmpty, values.count == weights.count else {
                throw DistributionError("choice needs at least one value")
            }
            if let w = weights.first(where: { $0 <= 0 }) {
                throw DistributionError("choice: weights must be positive, got \(f(w))")
            }
        }
    }

    /// Largest magnitude of any parameter (after conversion to the field's unit): no input of a
    /// fleet comes near it (the largest, a contract value, is ~10¹¹ USD), and it keeps max − min,
    /// means and every quantile finite.
    public static let maximumMagnitude = 1e15

    /// The shapes α, β a beta accepts. Below 0.01 nearly all of its mass lies closer to an end
    /// than a double can tell apart from it (the median of beta(0.01, 1) is 0.5¹⁰⁰ ≈ 8e-31);
    /// above 10⁴ it is a spike narrower than 0.5 % of its range: write a fixed value or a normal.
    public static let betaShapeDomain: ClosedRange<Double> = 0.01...10_000

    /// The largest sigma (sd of ln X) a lognormal accepts: at 10 its central 99.8 % already spans
    /// 27 orders of magnitude, and its quantiles stay finite for every u a sampler gives.
    public static let lognormalSigmaMaximum = 10.0
}

extension Distribution: Codable {
    /// Decodes from the syntax string.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        do { self = try Distribution.parse(text) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    /// Encodes as the syntax string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(syntax)
    }
}
