/// A rank correlation between two uncertain inputs, from the scenario's
/// `correlations: [{paths: [A, B], rho: 0.6, source: "..."}]`. The uncertainty engine builds
/// the matrix and checks that it is positive definite.
public struct ScenarioCorrelation: Sendable, Hashable {
    /// The two input paths.
    public var paths: [String]
    /// Their indices in `ScenarioDocument.parameters`.
    public var parameterIndices: [Int]
    /// Spearman rank correlation, strictly between −1 and 1.
    public var rho: Double
    public var source: String
    /// The entry's place and path (`correlations.0`), for errors about the matrix.
    public var location: SourceLocation
    public var path: String

    /// Reads and checks the correlations of a resolved tree. An entry naming an input that a
    /// `--set` made fixed is dropped; any other input without a distribution is an error.
    static func read(_ root: ScenarioNode, _ tree: CompiledTree, fixedBySet: Set<String>, log: ErrorLog)
        -> [ScenarioCorrelation] {
        guard let node = root["correlations"] else { return [] }
        if case .null = node.kind { return [] }
        guard case let .list(items) = node.kind else {
            log.add(node.location, "correlations", "expected a list of {paths: [A, B], rho, source}")
            return []
        }
        var out: [ScenarioCorrelation] = []
        var pairs = Set<[Int]>()
        for (i, item) in items.enumerated() {
            let path = "correlations.\(i)"
            guard case let .mapping(entries) = item.kind else {
                log.add(item.location, path, "expected {paths: [A, B], rho, source}")
                continue
            }
            for e in entries where !["paths", "rho", "source"].contains(e.key) {
                log.add(e.keyLocation, "\(path).\(e.key)",
                        "unknown key '\(e.key)'\(ClosestMatch.hint(for: e.key, among: ["paths", "rho", "source"]))")
            }
            var ok = true
            var dropped = false
            var indices: [Int] = []
            var names: [String] = []
            if let p = item["paths"], case let .list(ps) = p.kind, ps.count == 2 {
                for (j, pn) in ps.enumerated() {
                    let ppath = "\(path).paths.\(j)"
                    guard let name = pn.scalarText else {
                        log.add(pn.location, ppath, "expected a dotted path"); ok = false; continue
                    }
                    guard let index = tree.indexByPath[name] else {
                        log.add(pn.location, ppath, "unknown input '\(name)'"
                                + ClosestMatch.hint(for: name, among: tree.indexByPath.keys.sorted()))
                        ok = false; continue
                    }
                    if tree.parameters[index].distribution == nil {
                        if fixedBySet.contains(name) { dropped = true } else {
                            log.add(pn.location, ppath, "'\(name)' has no distribution; only uncertain inputs can be correlated")
                            ok = false
                        }
                    }
                    indices.append(index); names.append(name)
                }
                if ok, indices.count == 2, indices[0] == indices[1] {
                    log.add(p.location, "\(path).paths", "an input cannot be correlated with itself"); ok = false
                }
            } else {
                log.add(item["paths"]?.location ?? item.location, "\(path).paths", "expected a list of two input paths")
                ok = false
            }
            var rho = 0.0
            switch item["rho"]?.kind {
            case let .scalar(s, true)? where Double(s)?.isFinite == true: rho = Double(s)!
            case let .parameter(leaf)?: rho = leaf.base
            default:
                log.add(item["rho"]?.location ?? item.location, "\(path).rho", "expected a number strictly between -1 and 1"); ok = false
            }
            if !(rho > -1 && rho < 1) {
                // ±1 makes the copula matrix singular: the two inputs would be one.
                log.add(item["rho"]!.location, "\(path).rho",
                        "expected a correlation strictly between -1 and 1, got \(Distribution.format(rho))")
                ok = false
            }
            let source = item["source"]?.scalarText ?? ""
            if source.isEmpty {
                log.add(item.location, path, "missing 'source' (cite a publication, a dataset or \"assumption: why\")")
            }
            guard ok, !dropped else { continue }
            if !pairs.insert(indices.sorted()).inserted {
                log.add(item.location, path, "the pair \(names[0]), \(names[1]) is correlated twice")
                continue
            }
            out.append(ScenarioCorrelation(paths: names, parameterIndices: indices, rho: rho, source: source,
                                           location: item.location, path: path))
        }
        return out
    }
}
