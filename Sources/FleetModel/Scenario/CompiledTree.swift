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
    public var input: ScenarioInput {
        ScenarioInput(path: path, unit: unit, base: base, distribution: distribution?.syntax, source: source)
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
    let keys: [String]
    let keyLocations: [SourceLocation]
    let children: [DecodeNode]
    /// Key → position, for large mappings (small ones are scanned).
    let index: [String: Int]
    /// Scalar text and whether it was written plain (unquoted).
    let text: String
    let plain: Bool
    /// Parameter leaf: its index in the document's parameter list.
    let parameter: Int
    /// True for a series (a list whose children are parameters with consecutive indices).
    let isSeries: Bool
    /// Mapping: its number, and the number of its first entry, for key tracking.
    let mappingID: Int
    let entryBase: Int
    /// A stand-in for a missing or mistyped value: decoding inside it records no further errors.
    let isPlaceholder: Bool

    /// Mappings with more keys than this get a hash index.
    static let scanLimit = 16

    init(kind: Kind, path: String, location: SourceLocation, keys: [String] = [], keyLocations: [SourceLocation] = [],
         children: [DecodeNode] = [], text: String = "", plain: Bool = true, parameter: Int = -1,
         isSeries: Bool = false, mappingID: Int = -1, entryBase: Int = 0, isPlaceholder: Bool = false) {
        self.kind = kind; self.path = path; self.location = location
        self.keys = keys; self.keyLocations = keyLocations; self.children = children
        var index: [String: Int] = [:]
        if keys.count > DecodeNode.scanLimit { for (i, k) in keys.enumerated() { index[k] = i } }
        self.index = index
        self.text = text; self.plain = plain; self.parameter = parameter; self.isSeries = isSeries
        self.mappingID = mappingID; self.entryBase = entryBase; self.isPlaceholder = isPlaceholder
    }

    /// The position of `key` among the keys of a mapping.
    @inline(__always)
    func position(of key: String) -> Int? {
        if keys.count > DecodeNode.scanLimit { return index[key] }
        var i = 0
        while i < keys.count {
            if keys[i] == key { return i }
            i += 1
        }
        return nil
    }

    /// An empty mapping that stands for a value that could not be decoded.
    static func placeholder(path: String, location: SourceLocation) -> DecodeNode {
        DecodeNode(kind: .mapping, path: path, location: location, isPlaceholder: true)
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
            if node.kind == .mapping, let i = node.position(of: s) { node = node.children[i]; continue }
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
        var mappings: [DecodeNode] = [], entries = 0, mappingCount = 0
        func build(_ n: ScenarioNode, _ path: String) -> DecodeNode {
            switch n.kind {
            case let .mapping(es):
                let id = mappingCount
                mappingCount += 1
                let base = entries
                entries += es.count
                let children = es.map { build($0.value, YAMLReader.join(path, $0.key)) }
                let d = DecodeNode(kind: .mapping, path: path, location: n.location, keys: es.map(\.key),
                                   keyLocations: es.map(\.keyLocation), children: children, mappingID: id, entryBase: base)
                mappings.append(d)
                return d
            case let .list(items):
                return DecodeNode(kind: .list, path: path, location: n.location,
                                  children: items.enumerated().map { build($1, YAMLReader.join(path, String($0))) })
            case let .scalar(s, plain):
                return DecodeNode(kind: .scalar, path: path, location: n.location, text: s, plain: plain)
            case .null:
                return DecodeNode(kind: .null, path: path, location: n.location)
            case let .parameter(leaf):
                let d = DecodeNode(kind: .parameter, path: path, location: n.location, parameter: parameters.count)
                parameters.append(ScenarioParameter(index: parameters.count, path: path, unit: leaf.unit,
                                                    base: leaf.base, distribution: leaf.distribution,
                                                    source: leaf.source, location: n.location, seriesIndex: nil))
                return d
            case let .series(s):
                let children = s.values.indices.map { i in
                    let p = YAMLReader.join(path, String(i))
                    let loc = i < s.elementLocations.count ? s.elementLocations[i] : n.location
                    let e = DecodeNode(kind: .parameter, path: p, location: loc, parameter: parameters.count)
                    parameters.append(ScenarioParameter(index: parameters.count, path: p, unit: s.unit,
                                                        base: s.values[i], distribution: s.distributions[i],
                                                        source: s.source, location: loc, seriesIndex: i))
                    return e
                }
                return DecodeNode(kind: .list, path: path, location: n.location, children: children, isSeries: true)
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
