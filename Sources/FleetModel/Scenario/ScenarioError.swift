/// A place in a scenario or data file: 1-based line and column (columns count
/// Unicode scalars, as libYAML does). Line 0 means "no place in a file" (a flag).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// File path as given, or "embedded:<relative path>" for the built-in copy of models/.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }

    public var description: String {
        let shown = PathText.shown(file)
        return line > 0 ? "\(shown):\(line):\(column)" : shown
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One error in a scenario, located at its file, line and column and named by its dotted path.
///
/// `description` is `file:line:col: path: message`, for example
/// `models/x.yaml:14:7: fleet.cohorts.gb200.count: expected a positive number, got -5`.
/// Errors about a command-line flag have line 0 and print as `--set: path: message`.
public struct ScenarioError: InputError, Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted path of the value, by id (empty for the document itself).
    public var path: String
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.path = path; self.message = message
    }

    public init(_ location: SourceLocation, path: String, _ message: String) {
        self.init(file: location.file, line: location.line, column: location.column, path: path, message: message)
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    public var description: String {
        let place = location.description
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }
}

/// Every error found in one pass over a scenario, in file order.
public struct ScenarioErrors: InputError, Sendable, Hashable {
    public var errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) {
        var seen = Set<ScenarioError>()
        self.errors = errors.filter { seen.insert($0).inserted }
            .enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects errors during loading and decoding so that all of them are reported at once.
final class ErrorLog: @unchecked Sendable {
    private(set) var errors: [ScenarioError] = []
    var isEmpty: Bool { errors.isEmpty }

    func add(_ location: SourceLocation, _ path: String, _ message: String) {
        errors.append(ScenarioError(location, path: path, message))
    }

    func add(_ error: ScenarioError) { errors.append(error) }
    func add(contentsOf more: [ScenarioError]) { errors.append(contentsOf: more) }

    func throwIfAny() throws {
        if !errors.isEmpty { throw ScenarioErrors(errors) }
    }
}
