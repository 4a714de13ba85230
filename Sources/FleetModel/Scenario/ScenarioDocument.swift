import Foundation

/// A loaded, resolved scenario: the tree with its places, every numeric input, the correlations,
/// and decoding into any `Decodable` (the `FleetSpec` the physics evaluates). Commands open one
/// with `open(path:sets:)` and hand it to `PreparedScenario`, which validates it and decodes it
/// once; samples and sweep points then write typed values instead of decoding again.
///
/// ```swift
/// var doc = try ScenarioDocument.open(path: "models/scenarios/openai-aws-2025.yaml")
/// try doc.set("fleet.cohorts.gb200.count", to: "triangular(250000, 400000, 600000)")
/// let spec = try doc.decode(FleetSpec.self)
/// let other = try doc.decode(FleetSpec.self, values: values)   // indexed like `parameters`
/// ```
public struct ScenarioDocument: Sendable {
    /// The default scenario, relative to models/.
    public static let defaultScenario = "scenarios/openai-aws-2025.yaml"

    /// Id, title, source ("embedded:scenarios/…" for the built-in copy) and SHA-256 of the file's bytes.
    public internal(set) var info: ScenarioInfo
    /// The resolved tree (data pulled, scenario merged over it, units converted, sets applied).
    public private(set) var root: ScenarioNode
    /// Rank correlations between uncertain inputs, with their paths checked.
    public private(set) var correlations: [ScenarioCorrelation]
    /// Where the data files come from.
    public let models: ModelsSource
    /// Every value set (`set(_:to:)`, `--set`), in order, as PATH=VALUE (a result's `run.overrides`).
    public private(set) var sets: [String] = []

    private let raw: RawNode
    private var assignments: [ScenarioAssignment] = []
    private var compiled: CompiledTree
    /// Errors found while loading that did not stop it (only `check` reports them).
    private var problems: [ScenarioError]

    /// Keys of the scenario that the document layer reads itself (not the decoded type).
    static let documentKeys = ["schema", "correlations"]

    // MARK: Loading

    /// Loads a scenario file. Its data come from `<root>` when the file sits in
    /// `<root>/scenarios/` beside `<root>/hardware.yaml`, from the embedded models otherwise.
    /// Throws `ScenarioErrors` with every error of the file layer.
    public static func load(path: String) throws -> ScenarioDocument {
        try load(path: path, models: ModelsSource.forScenario(at: path))
    }

    /// Loads a scenario file with its data from `models`.
    public static func load(path: String, models: ModelsSource) throws -> ScenarioDocument {
        let doc = try read(path: path, models: models)
        if !doc.problems.isEmpty { throw ScenarioErrors(doc.problems) }
        return doc
    }

    /// An embedded scenario by name: "openai-aws-2025" or "scenarios/openai-aws-2025.yaml".
    public static func embedded(name: String) throws -> ScenarioDocument {
        try fromModels(.embedded, name: name)
    }

    /// The embedded default scenario (the OpenAI–AWS 2025–2032 fleet).
    public static func embeddedDefault() throws -> ScenarioDocument {
        try embedded(name: defaultScenario)
    }

    /// A scenario of a models source by name ("id" or "scenarios/id.yaml").
    public static func fromModels(_ models: ModelsSource, name: String) throws -> ScenarioDocument {
        let doc = try open(models, name: name)
        if !doc.problems.isEmpty { throw ScenarioErrors(doc.problems) }
        return doc
    }

    /// A scenario of a models source, with any errors kept for `check`.
    static func open(_ models: ModelsSource, name: String) throws -> ScenarioDocument {
        let rel = name.hasSuffix(".yaml") ? name : "scenarios/\(name).yaml"
        guard let text = models.text(rel) else {
            let known = models.ids(in: "scenarios")
            throw ScenarioErrors([ScenarioError(file: models.fileName(rel), line: 0, column: 0, path: "",
                                                message: "no such scenario" + ClosestMatch.hint(
                                                    for: String(rel.dropFirst(10).dropLast(5)), among: known)
                                                    + (known.isEmpty ? "" : "; known: " + known.joined(separator: ", ")))])
        }
        return try ScenarioDocument(text: text, file: models.fileName(rel), models: models)
    }

    /// A scenario from text (YAML or JSON), named `file` in messages (the fuzzing entry point).
    /// Throws only when the text cannot be read as YAML; other errors are kept for `check`
    /// (`load` throws them).
    public init(text: String, file: String, models: ModelsSource) throws {
        self.models = models
        raw = try YAMLReader.read(text, file: file)
        let built = ScenarioDocument.build(raw: raw, models: models, assignments: [])
        root = built.root
        compiled = built.compiled
        correlations = built.correlations
        problems = built.errors
        info = ScenarioInfo(id: root["id"]?.scalarText ?? "", title: root["title"]?.scalarText ?? "",
                            source: file, sha256: ScenarioHash.sha256Hex(Array(text.utf8)),
                            models: built.files.isEmpty ? nil : built.files)
    }

    /// Largest scenario file read, bytes: the shipped ones are 10–40 KB; a 1 GB file took 15 s
    /// and 3 GB of memory to be refused, now it is refused from its size.
    public static let maximumFileBytes = 16 << 20

    private static func read(path: String, models: ModelsSource) throws -> ScenarioDocument {
        if let incomplete = models.incompleteness() { throw ScenarioErrors([incomplete]) }
        // Only a regular file is opened (a FIFO would block); a refusal says why.
        if let problem = InputFile.problem(path) {
            let shipped = shippedIDs
            let message = problem != .missing ? problem.text(expecting: "scenario file")
                : "no such file" + ClosestMatch.hint(for: ((path as NSString).lastPathComponent as NSString)
                    .deletingPathExtension, among: shipped) + "; shipped scenarios, by id: " + shipped.joined(separator: ", ")
            throw ScenarioErrors([ScenarioError(file: path, line: 0, column: 0, path: "", message: message)])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue > maximumFileBytes {
            throw ScenarioErrors([ScenarioError(file: path, line: 0, column: 0, path: "",
                                                message: "the file is \(size.intValue) bytes; a scenario is at most "
                                                    + "\(maximumFileBytes) bytes (the shipped ones are under 50 KB)")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioErrors([ScenarioError(file: path, line: 0, column: 0, path: "", message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column, byte) = firstInvalidUTF8(data)
            throw ScenarioErrors([ScenarioError(file: path, line: line, column: column, path: "",
                                                message: "the file is not UTF-8 text (byte 0x\(String(byte, radix: 16)))")])
        }
        var doc = try ScenarioDocument(text: text, file: path, models: models)
        doc.info.sha256 = ScenarioHash.sha256Hex(data)
        return doc
    }

    /// Line and column (in Unicode scalars, as libYAML counts) of the first byte that is not
    /// valid UTF-8, and that byte.
    static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int, byte: UInt8) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  String(bytes: bytes[i..<i + length], encoding: .utf8) != nil else { return (line, column, b) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column, 0)
    }

    /// Resolve, read the leaves, apply the assignments, compile, read the correlations.
    private static func build(raw: RawNode, models: ModelsSource, assignments: [ScenarioAssignment])
        -> (root: ScenarioNode, compiled: CompiledTree, correlations: [ScenarioCorrelation], errors: [ScenarioError],
            files: [FleetResult.DataFile]) {
        let log = ErrorLog()
        var scenario = raw
        for a in assignments {
            if case let .scalar(text) = a.change {
                let node = RawNode(kind: .scalar(text, plain: true), location: ScenarioAssignment.location)
                scenario = scenario.setting(a.segments[...], to: node)
            }
        }
        let resolver = ScenarioResolver(models: models, log: log)
        let resolved = resolver.resolve(scenario)
        var root = LeafReader(log: log).read(resolved, path: "", field: "")
        var setNumeric = Set<String>()
        for a in assignments {
            if case .scalar = a.change { continue }
            if root.assign(a.segments[...], a.change) {
                setNumeric.insert(a.path)
            } else {
                log.add(ScenarioAssignment.location, a.path, "no numeric input at this path any more")
            }
        }
        let compiled = CompiledTree(root, path: "")
        let correlations = ScenarioCorrelation.read(root, compiled, fixedBySet: setNumeric, log: log)
        return (root, compiled, correlations, log.errors, resolver.filesRead.sorted { $0.path < $1.path })
    }

    // MARK: Inputs

    /// Every numeric input (parameter leaves and series elements), in file order.
    public var parameters: [ScenarioParameter] { compiled.parameters }

    /// The inputs that have a distribution.
    public var uncertainParameters: [ScenarioParameter] { compiled.parameters.filter { $0.distribution != nil } }

    /// The inputs as recorded in a result (`FleetResult.inputs`).
    public var inputs: [ScenarioInput] { compiled.parameters.map(\.input) }

    /// Base values of every input, indexed like `parameters`.
    public var baseValues: [Double] { compiled.baseValues }

    /// The index in `parameters` of the input at `path`.
    public func parameterIndex(_ path: String) -> Int? { compiled.indexByPath[path] }

    // MARK: Setting values

    /// Sets the value at a dotted path, as `--set PATH=VALUE` does: a number fixes a numeric
    /// input (in its canonical unit), a distribution in the scenario syntax makes it uncertain,
    /// and text replaces a string, integer, date or id (ids are resolved again, so
    /// `fleet.cohorts.gb200.site=us-tx` pulls the Texas site). Errors name the path and print
    /// as `--set: PATH: message`.
    public mutating func set(_ path: String, to text: String) throws {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch try target(path) {
        case let .numeric(unit, field):
            try assignNumber(path, value, unit: unit, field: field)
        case .scalar:
            try apply(ScenarioAssignment(path: path, change: .scalar(value)))
        case .series:
            throw Self.flagError(path, "'\(path)' is a series; set one element, such as '\(path).0'")
        case .group:
            throw Self.flagError(path, "'\(path)' holds several values; set one of its leaves")
        }
        sets.append("\(path)=\(text)")
    }

    /// Applies `--set PATH=VALUE` assignments in order (the text after the first `=` is the value).
    public mutating func apply(sets: [String]) throws {
        for assignment in sets {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                throw ScenarioErrors([ScenarioError(ScenarioAssignment.location, path: assignment,
                                                    "expected PATH=VALUE, got '\(assignment)'")])
            }
            try set(String(assignment[..<eq]), to: String(assignment[assignment.index(after: eq)...]))
        }
    }

    /// The numeric input at `path`, checked as `--set` checks it (for `--vary` and sweeps).
    /// Errors name `--vary`.
    public func parameter(at path: String) throws -> ScenarioParameter {
        let vary = Self.varyLocation
        switch try target(path, flag: vary) {
        case .numeric: return compiled.parameters[compiled.indexByPath[path]!]
        case .scalar: throw Self.flagError(path, at: vary, "'\(path)' is not a numeric input")
        case .series: throw Self.flagError(path, at: vary, "'\(path)' is a series; vary one element, such as '\(path).0'")
        case .group: throw Self.flagError(path, at: vary, "'\(path)' holds several values; name one numeric input in it")
        }
    }

    /// Where errors about a `--vary` flag are placed.
    static let varyLocation = SourceLocation(file: "--vary", line: 0, column: 0)

    /// Checks a value a sweep will give the numeric input at `path` (in its canonical unit)
    /// exactly as `--set` checks it (`numberProblem`: finite; fractions in [0, 1]; counts
    /// positive and whole), so that a sweep can refuse a bad grid before evaluating anything.
    /// Errors name `--vary` and the path.
    public func checkSweepValue(_ x: Double, at path: String) throws {
        guard case let .numeric(unit, field) = try target(path, flag: Self.varyLocation) else {
            _ = try parameter(at: path)  // throws the --vary error for a path that is not numeric
            return
        }
        if let problem = Self.numberProblem(x, written: "\(x)", unit: unit, field: field) {
            throw Self.flagError(path, at: Self.varyLocation, problem)
        }
    }

    /// What `--set` and `--vary` refuse in a number for an input of `unit` under key `field`
    /// (`written` is how a non-finite value is shown): the checks a value in the file gets.
    private static func numberProblem(_ x: Double, written: String, unit: String, field: String) -> String? {
        guard x.isFinite else { return "expected a finite number, got \(written)" }
        return valueChecks(unit: unit, field: field).writtenProblem(x)
    }

    /// The range rules of an input of `unit` under key `field`.
    private static func valueChecks(unit: String, field: String) -> ValueChecks {
        ValueChecks(unit: unit, isFraction: Units.canonical(forField: field)?.dimension == .fraction)
    }

    /// True when `path` holds text (a string, id, date or integer setting), false when it is a
    /// numeric input; errors name `--vary` (unknown path, a series, a group).
    public func holdsText(at path: String) throws -> Bool {
        switch try target(path, flag: Self.varyLocation) {
        case .numeric: return false
        case .scalar: return true
        case .series: throw Self.flagError(path, at: Self.varyLocation, "'\(path)' is a series; vary one element, such as '\(path).0'")
        case .group: throw Self.flagError(path, at: Self.varyLocation, "'\(path)' holds several values; name one value in it")
        }
    }

    /// Checks a text value a sweep will give `path` by applying it as `--set` does and checking
    /// the scenario as `run` does, so an unknown type or id is refused before anything is
    /// evaluated. Errors name `--vary` and the path, with the valid choices of an id path.
    public func checkSweepText(_ text: String, at path: String) throws {
        var changed = self
        var errors: [ScenarioError] = []
        do {
            try changed.set(path, to: text)
            errors = changed.fleetIssues()
        } catch let e as ScenarioErrors {
            errors = e.errors
        }
        guard !errors.isEmpty else { return }
        let choices = idChoices(at: path).map { "; choices: " + $0.joined(separator: ", ") } ?? ""
        throw ScenarioErrors(errors.map { e in
            let flagged = e.file == ScenarioAssignment.location.file
            return ScenarioError(flagged ? Self.varyLocation : e.location, path: e.path,
                                 e.message + (e.path == path ? choices : ""))
        })
    }

    /// The ids a reference at `path` may name (hardware, site, grid: the models' and the
    /// scenario's own; a cooling design or workload profile), nil when the path is not a reference.
    func idChoices(at path: String) -> [String]? {
        let field = path.split(separator: ".").last.map(String.init) ?? path
        let section: String
        switch field {
        case "hardware", "refresh_to": section = "hardware"
        case "site": section = "sites"
        case "grid": section = "grids"
        case "design": return namedIDs(.coolingDesigns)
        case "profile": return namedIDs(.workloadProfiles)
        default: return nil
        }
        let catalog = try? Catalog(models: models)
        let known: [Catalog.Entry] = switch section {
        case "hardware": catalog?.hardware ?? []
        case "sites": catalog?.sites ?? []
        default: catalog?.grids ?? []
        }
        let own = root[section]?.entries.map(\.key) ?? []
        return Array(Set(known.map(\.id) + own)).sorted()
    }

    /// The ids of the named blocks (cooling designs, workload profiles) in the models.
    private func namedIDs(_ named: NamedDefaults) -> [String]? {
        guard let text = models.text(named.file), let file = try? YAMLReader.read(text, file: named.file) else { return nil }
        return file[named.section]?.entries.map(\.key).sorted()
    }

    /// What a dotted path names.
    private enum Target {
        /// A parameter leaf or a series element: its unit and the field (key) it belongs to.
        case numeric(unit: String, field: String)
        case scalar, series, group
    }

    private static func flagError(_ path: String, at flag: SourceLocation = ScenarioAssignment.location,
                                  _ message: String) -> ScenarioErrors {
        ScenarioErrors([ScenarioError(flag, path: path, message)])
    }

    /// Walks `path` in the resolved tree; an unknown segment is an error naming the closest key.
    private func target(_ path: String, flag: SourceLocation = ScenarioAssignment.location) throws -> Target {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var node = root
        var field = ""
        for (depth, segment) in segments.enumerated() {
            let prefix = segments[..<depth].joined(separator: ".")
            switch node.kind {
            case let .mapping(entries):
                guard let next = entries.first(where: { $0.key == segment }) else {
                    let suggestion = ClosestMatch.suggestion(for: segment, among: entries.map(\.key))
                        .map { " (did you mean '\(YAMLReader.join(prefix, $0))'?)" } ?? ""
                    throw Self.flagError(path, at: flag, "unknown path: \(prefix.isEmpty ? "the scenario" : "'\(prefix)'") has no '\(segment)'\(suggestion)")
                }
                field = segment
                node = next.value
            case let .list(items):
                guard let i = Int(segment), items.indices.contains(i) else {
                    throw Self.flagError(path, at: flag, "unknown path: '\(prefix)' is a list of \(items.count); '\(segment)' is not an index in it")
                }
                node = items[i]
            case let .series(s):
                guard let i = Int(segment), s.values.indices.contains(i), depth == segments.count - 1 else {
                    throw Self.flagError(path, at: flag, "unknown path: '\(prefix)' is a series of \(s.values.count) values, indexed 0 to \(s.values.count - 1)")
                }
                return .numeric(unit: s.unit, field: field)
            case .parameter:
                throw Self.flagError(path, at: flag, "unknown path: '\(prefix)' is a numeric input; it has no '\(segment)'")
            case .scalar, .null:
                throw Self.flagError(path, at: flag, "unknown path: '\(prefix)' is a single value; it has no '\(segment)'")
            }
        }
        switch node.kind {
        case let .parameter(leaf): return .numeric(unit: leaf.unit, field: field)
        case .scalar, .null: return .scalar
        case .series: return .series
        case .mapping, .list: return .group
        }
    }

    private mutating func assignNumber(_ path: String, _ text: String, unit: String, field: String) throws {
        let fail = { (message: String) in Self.flagError(path, message) }
        let checks = Self.valueChecks(unit: unit, field: field)
        if let x = Double(text) {
            if let problem = Self.numberProblem(x, written: text, unit: unit, field: field) { throw fail(problem) }
            try apply(ScenarioAssignment(path: path, change: .value(x)))
            return
        }
        guard text.contains("(") else {
            throw fail("expected a number (in \(unit)) or a distribution such as 'triangular(min, mode, max)', got '\(text)'")
        }
        let d: Distribution
        do { d = try Distribution.parse(text) } catch { throw fail(error.message) }
        if let problem = checks.problem(d) ?? checks.problem(d.base) { throw fail(problem) }
        try apply(ScenarioAssignment(path: path, change: .distribution(d)))
    }

    private mutating func apply(_ assignment: ScenarioAssignment) throws {
        let next = assignments + [assignment]
        let built = ScenarioDocument.build(raw: raw, models: models, assignments: next)
        let fresh = built.errors.filter { !problems.contains($0) }
        if !fresh.isEmpty { throw ScenarioErrors(fresh) }
        assignments = next
        root = built.root
        compiled = built.compiled
        correlations = built.correlations
        info.id = root["id"]?.scalarText ?? ""
        info.title = root["title"]?.scalarText ?? ""
        info.models = built.files.isEmpty ? nil : built.files
    }

    // MARK: Decoding

    /// Decodes the resolved scenario, with some inputs replaced by path (values in canonical units).
    /// Unknown keys are errors when `checkUnknownKeys` (the default). Throws `ScenarioErrors`.
    public func decode<T: Decodable>(_ type: T.Type, overrides: [String: Double] = [:],
                                     checkUnknownKeys: Bool = true) throws -> T {
        var values = compiled.baseValues
        for (path, x) in overrides {
            guard let i = compiled.indexByPath[path] else {
                let hint = ClosestMatch.hint(for: path, among: compiled.indexByPath.keys.sorted())
                throw ScenarioErrors([ScenarioError(ScenarioAssignment.location, path: path, "no numeric input at this path\(hint)")])
            }
            values[i] = x
        }
        let (result, errors) = TreeDecoder.decode(type, tree: compiled, values: values, track: checkUnknownKeys,
                                                   documentKeys: ScenarioDocument.documentKeys)
        guard let result, errors.isEmpty else { throw ScenarioErrors(errors) }
        return result
    }

    /// Decodes with every input's value given, indexed like `parameters` (the fast path for
    /// Monte Carlo samples: no path look-up, no key tracking).
    public func decode<T: Decodable>(_ type: T.Type, values: [Double]) throws -> T {
        precondition(values.count == compiled.parameters.count, "one value per parameter")
        let (result, errors) = TreeDecoder.decode(type, tree: compiled, values: values, track: false)
        guard let result, errors.isEmpty else { throw ScenarioErrors(errors) }
        return result
    }

    // MARK: Validation

    /// Every error of the scenario at once: the file layer (leaves, units, references,
    /// correlations), decoding as `T` (types, missing and unknown keys) and the semantic
    /// checks `semanticIssues` returns for the decoded value (paths placed in the file).
    public func check<T: Decodable>(_ type: T.Type,
                                    semanticIssues: (T) -> [(path: String, message: String)] = { _ in [] })
        -> [ScenarioError] {
        checked(type, semanticIssues: semanticIssues).errors
    }

    /// `check`, also giving the decoded value when decoding found no error of its own
    /// (unknown keys aside), as `decode(_:values:)` at base values would return it.
    func checked<T: Decodable>(_ type: T.Type, semanticIssues: (T) -> [(path: String, message: String)])
        -> (value: T?, errors: [ScenarioError]) {
        let (result, errors, decodeErrors) = TreeDecoder.decodeCounting(type, tree: compiled, values: compiled.baseValues,
                                                                         track: true, documentKeys: ScenarioDocument.documentKeys)
        // A value the file layer already rejected is not reported again by decoding (same path),
        // and the semantic checks of the mapping that holds it are left out: they would judge the
        // placeholder that stands in for it (a rejected `.inf` read as 0 made the dew point exceed
        // the dry bulb).
        let rejected = Set(problems.map(\.path))
        let rejectedParents = Set(problems.map { Self.parentMapping($0.path) })
        var all = problems + errors.filter { !rejected.contains($0.path) }
        if let result, errors.isEmpty {
            all += locate(semanticIssues(result)).filter { !rejectedParents.contains(Self.parentMapping($0.path)) }
        }
        return (decodeErrors == 0 ? result : nil, ScenarioErrors(all).errors)
    }

    /// The path of the mapping that holds the value at `path` (series indices stripped):
    /// `sites.a.climate.dry_bulb_mean_c.6` → `sites.a.climate`.
    static func parentMapping(_ path: String) -> String {
        var parts = path.split(separator: ".", omittingEmptySubsequences: false)
        while let last = parts.last, Int(last) != nil { parts.removeLast() }
        if !parts.isEmpty { parts.removeLast() }
        return parts.joined(separator: ".")
    }

    /// Checks a scenario file (see `check`); a file that cannot be read or parsed gives its one error.
    public static func validate<T: Decodable>(path: String, as type: T.Type,
                                              semanticIssues: (T) -> [(path: String, message: String)] = { _ in [] })
        -> [ScenarioError] {
        validate(path: path, models: ModelsSource.forScenario(at: path), as: type, semanticIssues: semanticIssues)
    }

    /// Checks a scenario file with its data from `models`.
    public static func validate<T: Decodable>(path: String, models: ModelsSource, as type: T.Type,
                                              semanticIssues: (T) -> [(path: String, message: String)] = { _ in [] })
        -> [ScenarioError] {
        do {
            return try read(path: path, models: models).check(type, semanticIssues: semanticIssues)
        } catch let e as ScenarioErrors {
            return e.errors
        } catch {
            return [ScenarioError(file: path, line: 0, column: 0, path: "", message: "\(error)")]
        }
    }

    /// The scenario a command names: a file, a shipped scenario's id, or the embedded default
    /// when `path` is nil, with each `--set PATH=VALUE` applied in order. The errors of its file
    /// layer are kept for `check` instead of thrown, so that validation lists them together with
    /// the decoding and semantic errors (stopping at the file layer hid a misspelt key or a
    /// negative count behind an unknown site id); `PreparedScenario` validates what it opens.
    ///
    /// - Throws: `ScenarioErrors` only when the file cannot be read or parsed, or a `--set` fails.
    public static func open(path: String?, sets: [String] = []) throws -> ScenarioDocument {
        var document = try path.map { try shippedID($0).map { try open(.embedded, name: $0) }
            ?? read(path: $0, models: ModelsSource.forScenario(at: $0)) }
            ?? open(.embedded, name: defaultScenario)
        try document.apply(sets: sets)
        return document
    }

    /// `name` when it is the id of a shipped (embedded) scenario and no file of that name exists,
    /// so that `fleetwatt run h100-training-100k` works from any folder; a file always wins.
    static func shippedID(_ name: String) -> String? {
        guard !FileManager.default.fileExists(atPath: name), shippedIDs.contains(name) else { return nil }
        return name
    }

    /// Ids of the scenarios shipped in the binary, sorted.
    public static var shippedIDs: [String] { ModelsSource.embedded.ids(in: "scenarios") }

    /// Issues found by the physics (path, message) placed at the file, line and column of the
    /// value they name (or of its deepest existing parent).
    public func locate(_ issues: [(path: String, message: String)]) -> [ScenarioError] {
        issues.map { issue in
            ScenarioError(compiled.root.deepest(issue.path).location, path: issue.path, issue.message)
        }
    }
}
