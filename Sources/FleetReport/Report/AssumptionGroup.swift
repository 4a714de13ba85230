import FleetModel

/// One assumption as the report's appendix lists it: the inputs that share a source, a unit
/// and a distribution family (or are all fixed). A fleet of 590 inputs collapses into a few
/// dozen rows; the complete per-input list is `assumptions.csv`.
struct AssumptionGroup {
    var source: String
    var unit: String
    /// "triangular", "normal", … or "fixed" for inputs without a distribution.
    var family: String
    var inputs: [FleetResult.Input]

    /// The lowest and highest base value of the inputs, in `unit`.
    var range: (low: Double, high: Double) {
        let b = inputs.map(\.base)
        return (b.min() ?? 0, b.max() ?? 0)
    }

    /// Groups inputs by source, unit and distribution family, in the order each group first appears.
    static func grouped(_ inputs: [FleetResult.Input]) -> [AssumptionGroup] {
        var groups: [AssumptionGroup] = []
        var index: [String: Int] = [:]
        for i in inputs {
            let family = family(of: i.distribution)
            let key = [i.source, i.unit, family].joined(separator: "\u{1F}")
            if let k = index[key] {
                groups[k].inputs.append(i)
            } else {
                index[key] = groups.count
                groups.append(AssumptionGroup(source: i.source, unit: i.unit, family: family, inputs: [i]))
            }
        }
        return groups
    }

    /// The family of a distribution in scenario syntax: "triangular(1, 2, 3)" → "triangular".
    static func family(of distribution: String?) -> String {
        guard let d = distribution else { return "fixed" }
        return String(d.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
    }

    /// The complete per-input list as CSV: path, unit, base, distribution, source.
    static func csv(_ inputs: [FleetResult.Input]) -> String {
        CSVRenderer.document([["path", "unit", "base", "distribution", "source"]]
            + inputs.map { [$0.path, $0.unit, NumberFormat.machine($0.base), $0.distribution ?? "", $0.source] })
    }
}
