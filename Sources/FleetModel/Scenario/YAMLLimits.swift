internal import CYaml

/// Limits on what a YAML text may ask of the reader, checked on libYAML's event stream before
/// any tree is built. libYAML's parser keeps its own stacks, so this pass cannot overflow; the
/// tree builders after it (Yams' composer, `YAMLReader.convert`, every later pass) recurse once
/// per nesting level and copy every alias, so without it 6,000 `[` overflowed the stack and a
/// 549-byte "billion laughs" file grew to 2.8 GB.
enum YAMLLimits {
    /// Deepest nesting of mappings and lists; scenario files nest fewer than 10 deep.
    static let maxDepth = 200

    /// Most values (scalars, lists, mappings) the document may hold once every alias is
    /// expanded. The default scenario and its data hold about 3,000; a million is a file of
    /// tens of megabytes, far beyond any scenario, and is counted here in well under a second.
    static let maxNodes = 1_000_000

    /// The first limit the text breaks, with the place (1-based line and column) of the value
    /// that breaks it; nil when it breaks none, or when libYAML finds a syntax error first
    /// (the reader reports that one).
    static func violation(in text: String) -> (line: Int, column: Int, message: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    private static func scan(_ parser: inout yaml_parser_t) -> (line: Int, column: Int, message: String)? {
        /// Expanded size of each anchored value, by anchor name (capped at maxNodes + 1).
        var sizes: [String: Int] = [:]
        /// Open mappings and lists: their anchor and expanded size so far.
        var open: [(anchor: String?, size: Int)] = [(nil, 0)]
        var total = 0
        var event = yaml_event_t()
        func add(_ a: Int, _ b: Int) -> Int { min(a + b, maxNodes + 1) }
        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let place = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var added = 0
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if open.count > maxDepth {
                    return (place.line, place.column, "nested more than \(maxDepth) levels deep")
                }
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
                open.append((anchor, 1))
                added = 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let closed = open.removeLast()
                if let anchor = closed.anchor { sizes[anchor] = closed.size }
                open[open.count - 1].size = add(open[open.count - 1].size, closed.size)
            case YAML_SCALAR_EVENT:
                if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                open[open.count - 1].size = add(open[open.count - 1].size, 1)
                added = 1
            case YAML_ALIAS_EVENT:
                let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                open[open.count - 1].size = add(open[open.count - 1].size, size)
                added = size
            default:
                break
            }
            total = add(total, added)
            if total > maxNodes {
                return (place.line, place.column,
                        "the document holds more than \(maxNodes) values once its aliases are expanded")
            }
        }
    }
}
