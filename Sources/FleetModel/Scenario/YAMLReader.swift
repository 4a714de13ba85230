internal import Yams

/// Reads YAML (or JSON, which is YAML) into a located `RawNode` tree.
enum YAMLReader {
    /// Parses `text`, naming `file` in every location. A syntax error is one located error;
    /// duplicate keys and non-string keys are reported all at once.
    static func read(_ text: String, file: String) throws(ScenarioErrors) -> RawNode {
        if let place = tooDeep(text) {
            throw ScenarioErrors([ScenarioError(SourceLocation(file: file, line: place.line, column: place.column), path: "",
                                                "nested or indented more than \(maxDepth) levels deep")])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioErrors([syntaxError(error, file: file)])
        } catch {
            throw ScenarioErrors([ScenarioError(SourceLocation(file: file, line: 1, column: 1), path: "",
                                                "cannot read YAML: \(error)")])
        }
        guard let node else {
            throw ScenarioErrors([ScenarioError(SourceLocation(file: file, line: 1, column: 1), path: "",
                                                "the file is empty")])
        }
        let log = ErrorLog()
        let raw = convert(node, file: file, path: "", log: log)
        if !log.isEmpty { throw ScenarioErrors(log.errors) }
        return raw
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, file: String, path: String, log: ErrorLog) -> RawNode {
        let loc = location(node.mark, file)
        switch node {
        case let .scalar(s):
            return RawNode(kind: .scalar(s.string, plain: s.style == .plain || s.style == .any), location: loc)
        case let .sequence(seq):
            let items = seq.enumerated().map { i, n in
                convert(n, file: file, path: join(path, String(i)), log: log)
            }
            return RawNode(kind: .list(items), location: loc)
        case let .mapping(map):
            var entries: [RawNode.RawEntry] = []
            var seen: [String: SourceLocation] = [:]
            for (k, v) in map {
                let keyLoc = location(k.mark, file)
                guard case let .scalar(ks) = k else {
                    log.add(keyLoc, path, "keys must be plain names, got a \(k.mapping != nil ? "mapping" : "list")")
                    continue
                }
                let key = ks.string
                if let first = seen[key] {
                    log.add(keyLoc, join(path, key), "duplicate key '\(key)' (first at line \(first.line))")
                    continue
                }
                seen[key] = keyLoc
                entries.append(.init(key: key, keyLocation: keyLoc,
                                     value: convert(v, file: file, path: join(path, key), log: log)))
            }
            return RawNode(kind: .mapping(entries), location: loc)
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ScenarioError(location(mark, file), path: "", "YAML syntax error: \(ctx)\(problem)")
        case let .reader(problem, offset, _, yaml):
            var line = 1, column = 1
            if let offset {
                for ch in yaml.unicodeScalars.prefix(offset) {
                    if ch == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return ScenarioError(SourceLocation(file: file, line: line, column: column), path: "",
                                 "YAML syntax error: \(problem)")
        default:
            return ScenarioError(SourceLocation(file: file, line: 1, column: 1), path: "", "YAML syntax error: \(error)")
        }
    }

    /// Nesting limit: parsing and every later pass recurse once per level, so a pathological file
    /// (thousands of `[`) must be refused before it exhausts the stack. Scenario files nest < 10 deep.
    static let maxDepth = 200

    /// The place where an upper bound of the nesting depth first exceeds `maxDepth`, if it does.
    /// The bound adds the open flow brackets (outside quotes and comments), the indentation
    /// column and the leading `- ` markers of each line.
    static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        var flow = 0, line = 1, column = 0
        var quote: Unicode.Scalar?
        var atLineStart = true, indent = 0, dashes = 0, inComment = false
        var previous: Unicode.Scalar = "\n"
        for c in text.unicodeScalars {
            column += 1
            if c == "\n" {
                line += 1; column = 0; atLineStart = true; indent = 0; dashes = 0; inComment = false
                previous = c
                continue
            }
            if inComment { continue }
            if let q = quote {
                if c == q && !(q == "\"" && previous == "\\") { quote = nil }
                previous = c == "\\" && previous == "\\" ? " " : c
                continue
            }
            if atLineStart {
                if c == " " { indent += 1 } else if c == "-" { dashes += 1 } else { atLineStart = false }
            }
            switch c {
            case "\"", "'": quote = c
            case "#" where previous == " " || previous == "\t" || previous == "\n": inComment = true
            case "[", "{": flow += 1
            case "]", "}": flow = max(0, flow - 1)
            default: break
            }
            if flow + indent + 2 * dashes > maxDepth { return (line, column) }
            previous = c
        }
        return nil
    }

    /// `a.b` from `a` and `b`, or `b` alone at the root.
    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
}
