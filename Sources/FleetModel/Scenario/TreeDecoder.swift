/// A `Decoder` over a compiled scenario tree: decodes any `Decodable` (the resolved `FleetSpec`,
/// a catalog entry, test types), reading numeric leaves from a value array indexed by parameter,
/// so that a Monte Carlo sample is decoded by swapping the array.
///
/// Rules: `Double` from a parameter leaf, `[Double]` from a series, `Int`/`String`/`Bool` from
/// scalars, keyed containers with keys in file order. Errors are recorded and decoding continues
/// with a placeholder, so one pass reports every error. With `track`, every key a type asks for
/// is recorded, and keys present but never asked for are reported as unknown, with the closest
/// known key suggested.
enum TreeDecoder {
    /// Decodes `T` from `tree` with numeric inputs `values`. Returns the value (nil when decoding
    /// had to stop) and every error found.
    static func decode<T: Decodable>(_ type: T.Type, tree: CompiledTree, values: [Double], track: Bool,
                                     documentKeys: [String] = []) -> (T?, [ScenarioError]) {
        let (result, errors, _) = decodeCounting(type, tree: tree, values: values, track: track, documentKeys: documentKeys)
        return (result, errors)
    }

    /// `decode`, also saying how many of the errors come before the unknown keys (what an
    /// untracked decode would have found).
    static func decodeCounting<T: Decodable>(_ type: T.Type, tree: CompiledTree, values: [Double], track: Bool,
                                             documentKeys: [String] = []) -> (T?, [ScenarioError], decodeErrors: Int) {
        let state = DecodeState(tree: tree, values: values, track: track)
        // Keys the document layer reads count as asked for (only tracked decodes keep the
        // `asked` table) and as known, so that a misspelt `corelations:` is told the closest key.
        for key in documentKeys where track {
            if let i = tree.root.position(of: key) { state.asked[tree.root.entryBase + i] = true }
            if tree.root.mappingID >= 0 { state.askedNames[tree.root.mappingID, default: []].insert(key) }
        }
        var result: T?
        do {
            result = try state.decode(T.self, tree.root)
        } catch is Abandoned {
        } catch let error as DecodingError {
            state.log.add(located(error, tree: tree))
        } catch {
            state.log.add(tree.root.location, tree.root.path, "\(error)")
        }
        let decodeErrors = state.log.errors.count
        if track, result != nil { state.reportUnknownKeys() }
        return (result, state.log.errors, decodeErrors)
    }

    /// A `DecodingError` thrown by a decoded type, placed at the deepest node on its coding path.
    static func located(_ error: DecodingError, tree: CompiledTree) -> ScenarioError {
        let (context, message): (DecodingError.Context?, String) = switch error {
        case let .dataCorrupted(c): (c, c.debugDescription)
        case let .typeMismatch(t, c): (c, "expected \(t): \(c.debugDescription)")
        case let .valueNotFound(t, c): (c, "missing \(t): \(c.debugDescription)")
        case let .keyNotFound(k, c): (c, "missing required value '\(k.stringValue)'")
        @unknown default: (nil, "\(error)")
        }
        let path = (context?.codingPath ?? []).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        let node = tree.root.deepest(path)
        return ScenarioError(node.location, path: path.isEmpty ? node.path : path, message)
    }
}

/// Thrown to stop decoding after an error that has already been recorded.
struct Abandoned: Error {}

/// Per-decode state: the values, the error log and, when tracking, which keys were asked for.
final class DecodeState {
    let tree: CompiledTree
    let values: [Double]
    let log = ErrorLog()
    let track: Bool
    var asked: [Bool]
    var opened: [Bool]
    var askedNames: [Int: Set<String>] = [:]

    init(tree: CompiledTree, values: [Double], track: Bool) {
        self.tree = tree; self.values = values; self.track = track
        asked = track ? Array(repeating: false, count: tree.entryCount) : []
        opened = track ? Array(repeating: false, count: tree.mappings.count) : []
    }

    func fail(_ node: DecodeNode, _ message: String) {
        if !node.isPlaceholder { log.add(node.location, node.path, message) }
    }

    /// The child of a mapping under `key`, recording the question when tracking.
    func child(_ node: DecodeNode, _ key: String) -> DecodeNode? {
        guard let i = node.position(of: key) else {
            if track, node.mappingID >= 0 { askedNames[node.mappingID, default: []].insert(key) }
            return nil
        }
        if track {
            asked[node.entryBase + i] = true
            askedNames[node.mappingID, default: []].insert(key)
        }
        return node.children[i]
    }

    /// The child under `key`, or a placeholder after recording "missing required value".
    func required(_ node: DecodeNode, _ key: String) -> DecodeNode {
        if let c = child(node, key) { return c }
        let path = YAMLReader.join(node.path, key)
        if !node.isPlaceholder { log.add(node.location, path, "missing required value '\(key)'") }
        return DecodeNode.placeholder(path: path, location: node.location)
    }

    func double(_ n: DecodeNode) -> Double {
        if n.kind == .parameter { return values[n.parameter] }
        if n.kind == .scalar, n.plain, let x = Double(n.text.replacingOccurrences(of: "_", with: "")), x.isFinite {
            fail(n, "expected a parameter {value: …, unit: …, source: …}, got the plain number \(n.text)")
            return x
        }
        fail(n, "expected a number written as {value: …, unit: …, source: …}, got \(n.what)")
        return 0
    }

    func series(_ n: DecodeNode) -> [Double] {
        if n.isSeries {
            // Elements of a series have consecutive parameter indices.
            guard let first = n.children.first?.parameter else { return [] }
            return Array(values[first..<first + n.children.count])
        }
        fail(n, "expected a series {values: […], unit: …, source: …}, got \(n.what)")
        return []
    }

    func integer<I: FixedWidthInteger>(_ n: DecodeNode) -> I {
        if n.kind == .scalar, n.plain, let x = I(n.text.replacingOccurrences(of: "_", with: "")) { return x }
        if n.kind == .parameter {
            fail(n, "expected a plain integer, got a parameter (integers are written without value/unit/source)")
        } else {
            fail(n, "expected an integer, got \(n.what)")
        }
        return 0
    }

    func string(_ n: DecodeNode) -> String {
        if n.kind == .scalar { return n.text }
        fail(n, "expected text, got \(n.what)")
        return ""
    }

    func bool(_ n: DecodeNode) -> Bool {
        if n.kind == .scalar, n.plain {
            if ["true", "True", "TRUE", "yes", "Yes", "on"].contains(n.text) { return true }
            if ["false", "False", "FALSE", "no", "No", "off"].contains(n.text) { return false }
        }
        fail(n, "expected true or false, got \(n.what)")
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, _ n: DecodeNode) throws -> T {
        if T.self == Double.self { return double(n) as! T }
        if T.self == [Double].self { return series(n) as! T }
        if T.self == String.self { return string(n) as! T }
        if T.self == Int.self { return integer(n) as Int as! T }
        if T.self == Bool.self { return bool(n) as! T }
        var node = n
        if n.kind == .scalar, let cases = stringCases(T.self), !cases.contains(n.text) {
            fail(n, "expected one of \(cases.joined(separator: ", ")); got '\(n.text)'"
                 + ClosestMatch.hint(for: n.text, among: cases))
            node = DecodeNode(kind: .scalar, path: n.path, location: n.location, text: cases.first ?? "", isPlaceholder: true)
        }
        do {
            return try T(from: NodeDecoder(node: node, state: self))
        } catch let error as DecodingError where !node.isPlaceholder {
            log.add(TreeDecoder.located(error, tree: tree))
            throw Abandoned()
        } catch is Abandoned {
            throw Abandoned()
        } catch {
            if !node.isPlaceholder { log.add(node.location, node.path, "\(error)") }
            throw Abandoned()
        }
    }

    /// Keys present in an opened mapping that the decoded type never asked for.
    func reportUnknownKeys() {
        for m in tree.mappings where opened[m.mappingID] {
            let known = askedNames[m.mappingID] ?? []
            for (i, key) in m.keys.enumerated() where !asked[m.entryBase + i] {
                var hint = ClosestMatch.hint(for: key, among: known.sorted())
                if hint.isEmpty, !known.isEmpty, known.count <= 12 {
                    hint = "; known keys: " + known.sorted().joined(separator: ", ")
                }
                log.add(m.keyLocations[i], YAMLReader.join(m.path, key), "unknown key '\(key)'\(hint)")
            }
        }
    }
}

/// The raw values of a `CaseIterable` string enum, nil for any other type.
func stringCases<T>(_ type: T.Type) -> [String]? {
    guard let c = type as? any CaseIterable.Type else { return nil }
    return rawStrings(of: c)
}

private func rawStrings<C: CaseIterable>(of type: C.Type) -> [String]? {
    var out: [String] = []
    for value in C.allCases {
        guard let raw = (value as? any RawRepresentable)?.rawValue as? String else { return nil }
        out.append(raw)
    }
    return out
}

struct NodeDecoder: Decoder {
    let node: DecodeNode
    let state: DecodeState

    var codingPath: [any CodingKey] { node.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        var n = node
        if n.kind != .mapping {
            state.fail(n, "expected a mapping, got \(n.what)")
            n = DecodeNode.placeholder(path: n.path, location: n.location)
        } else if state.track, n.mappingID >= 0 {
            state.opened[n.mappingID] = true
        }
        return KeyedDecodingContainer(MappingContainer<Key>(node: n, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        var n = node
        if n.kind != .list {
            state.fail(n, "expected a list, got \(n.what)")
            n = DecodeNode(kind: .list, path: n.path, location: n.location, isPlaceholder: true)
        }
        return ListContainer(node: n, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ValueContainer(node: node, state: state)
    }
}

struct MappingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: DecodeNode
    let state: DecodeState

    var codingPath: [any CodingKey] { node.codingPath }
    var allKeys: [Key] { node.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { state.child(node, key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let c = state.child(node, key.stringValue) else { return true }
        return c.kind == .null
    }

    private func value(_ key: Key) -> DecodeNode { state.required(node, key.stringValue) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { state.bool(value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { state.string(value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { state.double(value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(state.double(value(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { state.integer(value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { state.integer(value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { state.integer(value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { state.integer(value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { state.integer(value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { state.integer(value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { state.integer(value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { state.integer(value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { state.integer(value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { state.integer(value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try state.decode(T.self, value(key)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: value(key), state: state).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(node: value(key), state: state).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, state: state) }
    func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder(node: value(key), state: state) }
}

struct ListContainer: UnkeyedDecodingContainer {
    let node: DecodeNode
    let state: DecodeState
    var currentIndex = 0

    init(node: DecodeNode, state: DecodeState) { self.node = node; self.state = state }

    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int? { node.children.count }
    var isAtEnd: Bool { currentIndex >= node.children.count }

    private mutating func next() throws -> DecodeNode {
        guard !isAtEnd else {
            state.fail(node, "expected more than \(node.children.count) elements")
            throw Abandoned()
        }
        currentIndex += 1
        return node.children[currentIndex - 1]
    }

    mutating func decodeNil() throws -> Bool {
        if !isAtEnd, node.children[currentIndex].kind == .null { currentIndex += 1; return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { state.bool(try next()) }
    mutating func decode(_ type: String.Type) throws -> String { state.string(try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { state.double(try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(state.double(try next())) }
    mutating func decode(_ type: Int.Type) throws -> Int { state.integer(try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { state.integer(try next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { state.integer(try next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { state.integer(try next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { state.integer(try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { state.integer(try next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { state.integer(try next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { state.integer(try next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { state.integer(try next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { state.integer(try next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try state.decode(T.self, try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: try next(), state: state).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(node: try next(), state: state).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { NodeDecoder(node: try next(), state: state) }
}

struct ValueContainer: SingleValueDecodingContainer {
    let node: DecodeNode
    let state: DecodeState

    var codingPath: [any CodingKey] { node.codingPath }

    func decodeNil() -> Bool { node.kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { state.bool(node) }
    func decode(_ type: String.Type) throws -> String { state.string(node) }
    func decode(_ type: Double.Type) throws -> Double { state.double(node) }
    func decode(_ type: Float.Type) throws -> Float { Float(state.double(node)) }
    func decode(_ type: Int.Type) throws -> Int { state.integer(node) }
    func decode(_ type: Int8.Type) throws -> Int8 { state.integer(node) }
    func decode(_ type: Int16.Type) throws -> Int16 { state.integer(node) }
    func decode(_ type: Int32.Type) throws -> Int32 { state.integer(node) }
    func decode(_ type: Int64.Type) throws -> Int64 { state.integer(node) }
    func decode(_ type: UInt.Type) throws -> UInt { state.integer(node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { state.integer(node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { state.integer(node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { state.integer(node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { state.integer(node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try state.decode(T.self, node) }
}
