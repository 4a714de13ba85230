import FleetModel

/// Inputs as a reader wants them listed: a numeric series (`….dry_bulb_mean_c.0` … `.11`)
/// becomes one group under its own path when its elements share a unit and a source.
struct InputGroup {
    var path: String
    var unit: String
    var source: String
    var values: [FleetResult.Input]

    /// Groups consecutive elements of one series; every other input stands alone.
    static func grouped(_ inputs: [FleetResult.Input]) -> [InputGroup] {
        var groups: [InputGroup] = []
        for input in inputs {
            let (parent, isElement) = seriesParent(input.path)
            if isElement, var last = groups.last, last.path == parent, last.unit == input.unit, last.source == input.source,
               seriesParent(last.values[0].path).isElement {
                last.values.append(input)
                groups[groups.count - 1] = last
            } else {
                groups.append(InputGroup(path: isElement ? parent : input.path, unit: input.unit,
                                         source: input.source, values: [input]))
            }
        }
        return groups
    }

    /// The path without its last segment when that segment is an element index.
    private static func seriesParent(_ path: String) -> (parent: String, isElement: Bool) {
        guard let dot = path.lastIndex(of: "."), Int(path[path.index(after: dot)...]) != nil else { return (path, false) }
        return (String(path[..<dot]), true)
    }
}
