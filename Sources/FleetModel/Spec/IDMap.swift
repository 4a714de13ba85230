/// An ordered collection of entities written in a scenario as a mapping keyed
/// by id (`cohorts: {gb200: {…}, gb300: {…}}`), so that paths name them by id,
/// never by position. Decoding sets each element's `id` from its key; the order
/// is the decoder's key order (file order for scenario files).
public struct IDMap<Element: Identified & Codable & Sendable>: Codable, Sendable, RandomAccessCollection {
    public var elements: [Element]

    public init(_ elements: [Element]) { self.elements = elements }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(i: Int) -> Element {
        get { elements[i] }
        set { elements[i] = newValue }
    }

    /// The element with this id, if any.
    public subscript(id id: String) -> Element? { elements.first { $0.id == id } }

    public var ids: [String] { elements.map(\.id) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        elements = try c.allKeys.map { key in
            var e = try c.decode(Element.self, forKey: key)
            e.id = key.stringValue
            return e
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for e in elements { try c.encode(e, forKey: AnyKey(e.id)) }
    }
}
