/// A scenario or data file as a tree whose every node knows where it was written.
///
/// Mappings keep their keys in file order (entities keyed by id rely on it). Numeric inputs are
/// parameter leaves (`{value, unit, source}` or `{base, dist, unit, source}`) and numeric series
/// (`{values: [...], unit, source}`), already converted to the canonical unit of their field.
public struct ScenarioNode: Sendable {
    public enum Kind: Sendable {
        case mapping([Entry])
        case list([ScenarioNode])
        /// A string, integer, boolean, date or enum name, as written. `plain` is false for quoted text.
        case scalar(String, plain: Bool)
        /// An empty value (`~`, `null`, or nothing).
        case null
        case parameter(ParameterLeaf)
        case series(Series)
    }

    /// One key of a mapping.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: ScenarioNode
    }

    /// A numeric input: its base value and, when uncertain, its distribution, in the canonical unit.
    public struct ParameterLeaf: Sendable, Hashable {
        public var base: Double
        public var distribution: Distribution?
        /// The canonical unit of the field (from its name's suffix), or the unit as written for a free field.
        public var unit: String
        /// The unit as written in the file.
        public var declaredUnit: String
        public var source: String
    }

    /// A numeric series (monthly normals, points of a curve) in the canonical unit. Elements are
    /// addressed by 0-based index; `distributions` holds an element's distribution once set by `--set`.
    public struct Series: Sendable, Hashable {
        public var values: [Double]
        public var distributions: [Distribution?]
        public var unit: String
        public var declaredUnit: String
        public var source: String
        public var elementLocations: [SourceLocation]
    }

    public var kind: Kind
    public var location: SourceLocation

    /// The entries of a mapping (empty for other nodes).
    public var entries: [Entry] {
        if case let .mapping(e) = kind { return e }
        return []
    }

    /// The child under `key` of a mapping.
    public subscript(key: String) -> ScenarioNode? {
        entries.first { $0.key == key }?.value
    }

    /// The node at a dotted path relative to this one (list elements by index; an element of a
    /// series is not a node: find it in `ScenarioDocument.parameters`).
    public func node(at path: String) -> ScenarioNode? {
        guard !path.isEmpty else { return self }
        var node = self
        for segment in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            switch node.kind {
            case let .mapping(entries):
                guard let next = entries.first(where: { $0.key == segment })?.value else { return nil }
                node = next
            case let .list(items):
                guard let i = Int(segment), items.indices.contains(i) else { return nil }
                node = items[i]
            default: return nil
            }
        }
        return node
    }

    /// The text of a scalar, nil otherwise.
    public var scalarText: String? {
        if case let .scalar(s, _) = kind { return s }
        return nil
    }
}

/// The file tree as read, before parameter leaves are recognised: what resolution merges.
struct RawNode: Sendable {
    enum Kind: Sendable {
        case mapping([RawEntry])
        case list([RawNode])
        case scalar(String, plain: Bool)
    }

    struct RawEntry: Sendable {
        var key: String
        var keyLocation: SourceLocation
        var value: RawNode
    }

    var kind: Kind
    var location: SourceLocation

    var entries: [RawEntry] {
        if case let .mapping(e) = kind { return e }
        return []
    }

    subscript(key: String) -> RawNode? {
        entries.first { $0.key == key }?.value
    }

    var scalarText: String? {
        if case let .scalar(s, _) = kind { return s }
        return nil
    }

    var isMapping: Bool {
        if case .mapping = kind { return true }
        return false
    }

    var isNull: Bool {
        if case let .scalar(s, plain) = kind { return plain && ["", "~", "null", "Null", "NULL"].contains(s) }
        return false
    }

    /// A short description of what the node is, for "expected …, got …" messages.
    var what: String {
        switch kind {
        case .mapping: return "a mapping"
        case .list: return "a list"
        case let .scalar(s, plain): return isNull ? "nothing" : plain ? "'\(s)'" : "the string \"\(s)\""
        }
    }
}
