/// A `--set PATH=VALUE`: what it changes, decided from the node the path names.
struct ScenarioAssignment: Sendable, Hashable {
    enum Change: Sendable, Hashable {
        /// A fixed number for a numeric input, in its canonical unit.
        case value(Double)
        /// A distribution for a numeric input; the base becomes the distribution's default base.
        case distribution(Distribution)
        /// New text for a string, integer, date or id (re-resolves references).
        case scalar(String)
    }

    var path: String
    var change: Change

    /// Where errors about the assignment are placed.
    static let location = SourceLocation(file: "--set", line: 0, column: 0)

    var segments: [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
}

extension RawNode {
    /// This tree with the scalar at `segments` replaced (mappings created along the way), so that
    /// a `--set` of an id or a name is resolved like a value written in the scenario.
    func setting(_ segments: ArraySlice<String>, to value: RawNode) -> RawNode {
        guard let first = segments.first else { return value }
        let rest = segments.dropFirst()
        switch kind {
        case var .mapping(entries):
            if let i = entries.firstIndex(where: { $0.key == first }) {
                entries[i].value = entries[i].value.setting(rest, to: value)
            } else {
                let empty = RawNode(kind: .mapping([]), location: value.location)
                entries.append(.init(key: first, keyLocation: value.location, value: empty.setting(rest, to: value)))
            }
            return RawNode(kind: .mapping(entries), location: location)
        case var .list(items):
            if let i = Int(first), items.indices.contains(i) {
                items[i] = items[i].setting(rest, to: value)
                return RawNode(kind: .list(items), location: location)
            }
            return self
        case .scalar:
            let empty = RawNode(kind: .mapping([]), location: value.location)
            return empty.setting(segments, to: value)
        }
    }
}

extension ScenarioNode {
    /// Applies a numeric change to the parameter leaf or series element at `segments`.
    /// Returns false when the path does not name one.
    mutating func assign(_ segments: ArraySlice<String>, _ change: ScenarioAssignment.Change) -> Bool {
        guard let first = segments.first else {
            guard case var .parameter(leaf) = kind else { return false }
            switch change {
            case let .value(x): leaf.base = x; leaf.distribution = nil
            case let .distribution(d): leaf.base = d.base; leaf.distribution = d
            case .scalar: return false
            }
            leaf.source = "set on the command line (--set)"
            kind = .parameter(leaf)
            // Checks of the new value then name the flag, not the file line it replaced.
            location = ScenarioAssignment.location
            return true
        }
        switch kind {
        case var .mapping(entries):
            guard let i = entries.firstIndex(where: { $0.key == first }) else { return false }
            let done = entries[i].value.assign(segments.dropFirst(), change)
            kind = .mapping(entries)
            return done
        case var .list(items):
            guard let i = Int(first), items.indices.contains(i) else { return false }
            let done = items[i].assign(segments.dropFirst(), change)
            kind = .list(items)
            return done
        case var .series(s):
            guard segments.count == 1, let i = Int(first), s.values.indices.contains(i) else { return false }
            switch change {
            case let .value(x): s.values[i] = x; s.distributions[i] = nil
            case let .distribution(d): s.values[i] = d.base; s.distributions[i] = d
            case .scalar: return false
            }
            s.elementLocations[i] = ScenarioAssignment.location
            kind = .series(s)
            return true
        default:
            return false
        }
    }
}
