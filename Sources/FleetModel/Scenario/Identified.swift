/// A value that is known by an id, the key under which it appears in a scenario.
public protocol Identified {
    var id: String { get set }
}
