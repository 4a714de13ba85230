import Foundation

extension Distribution {
    /// The values the range checks try: the ends of the support, or for an unbounded end the
    /// quantile that leaves 0.1 % beyond it (the central 99.8 % of a normal, a lognormal's
    /// upper tail), and whether an end is such a quantile.
    public var checkedRange: (low: Double, high: Double, central: Bool) {
        let lowFinite = lowerBound.isFinite && !isLognormal, highFinite = upperBound.isFinite
        let low = lowFinite ? lowerBound : quantile(Distribution.checkedTail)
        let high = highFinite ? upperBound : quantile(1 - Distribution.checkedTail)
        return (low, high, !lowFinite || !highFinite)
    }

    /// The probability left out at each unbounded end by `checkedRange`.
    public static let checkedTail = 0.001

    private var isLognormal: Bool { if case .lognormal = self { true } else { false } }
}

extension ScenarioDocument {
    /// The physics' checks at the two ends of each uncertain input's `checkedRange` (every
    /// other input at its base value): an end the checks refuse is one error on the input,
    /// naming the distribution and the range it covers, instead of the silent wrong result of
    /// sampling there (`network_w: normal(100, 1e300)` gave negative energy) or a complaint
    /// about a base value the user never wrote (`uniform(-1000, 1000)` refused as "got 0.0").
    ///
    /// - Parameters:
    ///   - baseIssues: the errors at base values; those on an input reported here are dropped.
    ///   - base: the scenario decoded at base values.
    ///   - semanticIssues: the checks, as `check(_:semanticIssues:)` takes them.
    ///   - setting: `base` with one input at another value (nil when it cannot be made).
    /// - Returns: `baseIssues` with the range errors merged in (file order).
    func addingRangeIssues<T>(to baseIssues: [ScenarioError], base: T, semanticIssues: (T) -> [ValidationIssue],
                              setting: (ScenarioParameter, Double) -> T?) -> [ScenarioError] {
        guard !uncertainParameters.isEmpty else { return baseIssues }
        let atBase = Set(semanticIssues(base).map { "\($0.path)\u{0}\($0.message)" })
        // An input the file layer already rejected (a count's distribution below 0) keeps that
        // error; only the physics' complaints about its base value are replaced.
        let isSemantic = { (e: ScenarioError) in atBase.contains("\(e.path)\u{0}\(e.message)") }
        let rejected = Set(baseIssues.filter { !isSemantic($0) }.map(\.path))
        let uncertain = uncertainParameters.filter { !rejected.contains($0.path) }
        var found: [ScenarioError] = []
        for p in uncertain {
            guard let d = p.distribution else { continue }
            let range = d.checkedRange
            var firstIssue: ValidationIssue?
            for end in [range.low, range.high] where firstIssue == nil {
                guard let spec = setting(p, end) else { continue }
                firstIssue = semanticIssues(spec).first { !atBase.contains("\($0.path)\u{0}\($0.message)") }
            }
            guard let issue = firstIssue else { continue }
            let f = { (x: Double) in String(format: "%.4g", x) }
            let span = "\(d.syntax) ranges over [\(f(range.low)), \(f(range.high))]"
                + (range.central ? " (its central 99.8 %)" : "")
            let detail = issue.path == p.path ? issue.message : "then \(issue.path): \(issue.message)"
            found.append(ScenarioError(p.location, path: p.path, "\(span), beyond what the input allows: \(detail)"))
        }
        guard !found.isEmpty else { return baseIssues }
        let reported = Set(found.map(\.path))
        return ScenarioErrors(baseIssues.filter { !(reported.contains($0.path) && isSemantic($0)) } + found).errors
    }
}
