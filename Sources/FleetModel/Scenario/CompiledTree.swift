/// A numeric input of a resolved scenario: a parameter leaf or one element of a numeric series.
public struct ScenarioParameter: Sendable, Hashable {
    /// Position in `ScenarioDocument.parameters`, and in the value arrays given to `decode(_:values:)`.
    public var index: Int
    /// Dotted path, e.g. `fleet.cohorts.gb200.count` or `sites.us-east-1.climate.dry_bulb_mean_c.6`.
    public var path: String
    /// The canonical unit of the field, or the unit as written for a field without a unit suffix.
    public var unit: String
    /// The deterministic value, in `unit`.
    public var base: Double
    /// The distribution when the input is uncertain, in `unit`.
    public var distribution: Distribution?
    public var source: String
    public var location: SourceLocation
    /// For an element of a series, its 0-based index in the series.
    public var seriesIndex: Int?

    /// The record of this input in a result's `inputs`.
    public var input: FleetResult.Input {
        FleetResult.Input(path: path, unit: unit, base: base, distribution: distribution?.syntax, source: source)
    }
}

/// A node of the tree the decoder walks: a class tree built once per document, with the key
/// index of each mapping and the parameter index of each numeric leaf, so that decoding a
/// sample is a walk with array reads and no string building.
final class DecodeNode: @unchecked Sendable {
    enum Kind { case mapping, list, scalar, null, parameter }

    let kind: Kind
    let path: String
    let location: SourceLocation
    /// Mapping: keys in file order, their places, children; lists and series: children.
    var keys: [String] = []
    var keyLocations: [SourceLocation] = []
    var children: [DecodeNode] = []
    var index: [String: Int] = [:]
    /// Scalar text and whether it was written plain (unquoted).
    var text = ""
    var plain = true
    /// Parameter leaf: its index in the document's parameter list.
    var parameter = -1
    /// True for a series (a list whose children are parameters).
    var isSeries = false
    /// Mapping: its number, and the number of its first entry, for key tracking.
    var mappingID = -1
    var entryBase = 0
    /// A stand-in for a missing or mistyped value: decoding inside it records no further errors.
    var isPlaceholder = false

    init(kind: Kind, path: String, location: SourceLocation) {
        self.kind = kind; self.path = path; self.location = location
    }

    /// An empty mapping that stands for a value that could not be decoded.
    static func placeholder(path: String, location: SourceLocation) -> DecodeNode {
        let n = DecodeNode(kind: .mapping, path: path, location: location)
        n.isPlaceholder = true
        return n
    }

    /// What the node is, for "expected …, got …".
    var what: String {
        switch kind {
        case .mapping: return isPlaceholder ? "nothing" : "a mapping"
        case .list: return isSeries ? "a series" : "a list"
        case .scalar: return plain ? "'\(text)'" : "the string \"\(text)\""
        case .null: return "nothing"
        case .parameter: return "a parameter"
        }
    }

    /// The deepest node on a dotted path (the root when nothing matches).
    func deepest(_ path: String) -> DecodeNode {
        var node = self
        let own = self.path.isEmpty ? [] : self.path.split(separator: ".").map(String.init)
        var segments = path.split(separator: ".").map(String.init)
        if segments.starts(with: own) { segments.removeFirst(own.count) }
        for s in segments {
            if node.kind == .mapping, let i = node.index[s] { node = node.children[i]; continue }
            if node.kind == .list, let i = Int(s), node.children.indices.contains(i) { node = node.children[i]; continue }
            break
        }
        return node
    }

    /// The coding path of the node, from its dotted path.
    var codingPath: [any CodingKey] {
        path.isEmpty ? [] : path.split(separator: ".").map { AnyKey(String($0)) }
    }
}

/// The compiled form of a resolved tree: decode nodes, the parameters and their base values.
final class CompiledTree: @unchecked Sendable {
    let root: DecodeNode
    let parameters: [ScenarioParameter]
    let baseValues: [Double]
    let indexByPath: [String: Int]
    /// Every mapping node, by `mappingID`.
    let mappings: [DecodeNode]
    let entryCount: Int

    init(_ node: ScenarioNode, path: String) {
        var parameters: [ScenarioParameter] = []
        var mappings: [DecodeNode] = [], entries = 0
        func build(_ n: ScenarioNode, _ path: String) -> DecodeNode {
            switch n.kind {
            case let .mapping(es):
                let d = DecodeNode(kind: .mapping, path: path, location: n.location)
                d.mappingID = mappings.count; mappings.append(d)
                d.entryBase = entries; entries += es.count
                d.keys = es.map(\.key)
                d.keyLocations = es.map(\.keyLocation)
                d.children = es.map { build($0.value, YAMLReader.join(path, $0.key)) }
                for (i, k) in d.keys.enumerated() { d.index[k] = i }
                return d
            case let .list(items):
                let d = DecodeNode(kind: .list, path: path, location: n.location)
                d.children = items.enumerated().map { build($1, YAMLReader.join(path, String($0))) }
                return d
            case let .scalar(s, plain):
                let d = DecodeNode(kind: .scalar, path: path, location: n.location)
                d.text = s; d.plain = plain
                return d
            case .null:
                return DecodeNode(kind: .null, path: path, location: n.location)
            case let .parameter(leaf):
                let d = DecodeNode(kind: .parameter, path: path, location: n.location)
                d.parameter = parameters.count
                parameters.append(ScenarioParameter(index: parameters.count, path: path, unit: leaf.unit,
                                                    base: leaf.base, distribution: leaf.distribution,
                                                    source: leaf.source, location: n.location, seriesIndex: nil))
                return d
            case let .series(s):
                let d = DecodeNode(kind: .list, path: path, location: n.location)
                d.isSeries = true
                d.children = s.values.indices.map { i in
                    let p = YAMLReader.join(path, String(i))
                    let loc = i < s.elementLocations.count ? s.elementLocations[i] : n.location
                    let e = DecodeNode(kind: .parameter, path: p, location: loc)
                    e.parameter = parameters.count
                    parameters.append(ScenarioParameter(index: parameters.count, path: p, unit: s.unit,
                                                        base: s.values[i], distribution: s.distributions[i],
                                                        source: s.source, location: loc, seriesIndex: i))
                    return e
                }
                return d
            }
        }
        root = build(node, path)
        self.parameters = parameters
        baseValues = parameters.map(\.base)
        var byPath: [String: Int] = [:]
        for p in parameters { byPath[p.path] = p.index }
        indexByPath = byPath
        self.mappings = mappings
        entryCount = entries
    }
}
