import Foundation

/// A `--variant` flag: a name and the changes it makes to the compared scenario.
///
/// Syntax: `[NAME:]CHANGE[,CHANGE…]`, each CHANGE either `PATH=VALUE` (as `--set` takes it:
/// a number, a string or id, or a distribution; commas inside parentheses belong to the
/// value) or a switch `options.ID`, which turns the scenario's option ID off when it is on
/// and on when it is off. Without NAME the variant is named by its text, or for a single
/// switch `ID-off` / `ID-on`.
public struct VariantSpec: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case set(path: String, value: String)
        case toggle(option: String)
    }

    /// The name given, nil when the flag has none.
    public var name: String?
    public var changes: [Change]
    /// The flag as given.
    public var text: String

    /// Parses one `--variant` flag.
    public static func parse(_ text: String) throws(UncertaintyError) -> VariantSpec {
        let usage = "expected NAME:PATH=VALUE[,PATH=VALUE…] or NAME:options.ID"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        var name: String?
        let colon = trimmed.firstIndex(of: ":")
        let firstEq = trimmed.firstIndex(of: "=") ?? trimmed.endIndex
        let firstParen = trimmed.firstIndex(of: "(") ?? trimmed.endIndex
        if let colon, colon < firstEq, colon < firstParen {
            let given = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            guard !given.isEmpty, !given.contains(where: { $0.isWhitespace || $0 == "," }) else {
                throw .invalidOption("--variant \(text): the name before ':' must be a word without spaces or commas; \(usage)")
            }
            name = given
            body = trimmed[trimmed.index(after: colon)...]
        }
        var changes: [Change] = []
        for piece in body.commaItemsOutsideParentheses() {
            let item = piece.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { throw .invalidOption("--variant \(text): an empty change; \(usage)") }
            if let eq = item.firstIndex(of: "=") {
                let path = item[..<eq].trimmingCharacters(in: .whitespaces)
                let value = item[item.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty, !value.isEmpty else {
                    throw .invalidOption("--variant \(text): '\(item)' needs a path and a value; \(usage)")
                }
                changes.append(.set(path: path, value: value))
            } else {
                let parts = item.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0] == "options", !parts[1].isEmpty else {
                    throw .invalidOption("--variant \(text): '\(item)' is neither PATH=VALUE nor a switch options.ID; \(usage)")
                }
                changes.append(.toggle(option: String(parts[1])))
            }
        }
        guard !changes.isEmpty else { throw .invalidOption("--variant \(text): no change given; \(usage)") }
        return VariantSpec(name: name, changes: changes, text: trimmed)
    }

    /// Where errors about the flag are placed: `--variant NAME`.
    func location(named name: String) -> SourceLocation { SourceLocation(file: "--variant \(name)", line: 0, column: 0) }

    /// The scenario with this variant's changes applied, checked as `run` checks a scenario.
    ///
    /// - Throws: `ScenarioErrors` naming `--variant NAME` and the path: an unknown path or
    ///   option, a value the path does not take (with the valid choices when the value is an id),
    ///   or a scenario the changes make invalid.
    public func apply(to base: ScenarioDocument) throws -> ScenarioVariant {
        var document = base
        var applied: [String] = []
        var toggled: [(String, Bool)] = []
        let label = name ?? text
        let here = location(named: label)
        for change in changes {
            switch change {
            case let .set(path, value):
                try relocating(to: here) { try document.set(path, to: value) }
                applied.append("\(path)=\(value)")
            case let .toggle(option):
                let known = document.root["options"]?.entries.map(\.key) ?? []
                guard known.contains(option),
                      let enabled = document.root.node(at: "options.\(option).enabled")?.scalarText else {
                    let choices = known.isEmpty ? "the scenario has no options" : "options: " + known.joined(separator: ", ")
                    throw ScenarioErrors([ScenarioError(here, path: "options.\(option)", "unknown option '\(option)'; \(choices)")])
                }
                let next = enabled == "true" ? "false" : "true"
                try relocating(to: here) { try document.set("options.\(option).enabled", to: next) }
                applied.append("options.\(option).enabled=\(next)")
                toggled.append((option, next == "true"))
            }
        }
        let issues = document.fleetIssues().map { e in
            e.file == ScenarioAssignment.location.file ? ScenarioError(here, path: e.path, e.message) : e
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        let defaultName = toggled.count == 1 && changes.count == 1
            ? "\(toggled[0].0)-\(toggled[0].1 ? "on" : "off")" : text
        return ScenarioVariant(name: name ?? defaultName, document: document, changes: applied)
    }

    /// Runs `body`, placing its `--set` errors at `location` instead.
    private func relocating(to location: SourceLocation, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let errors as ScenarioErrors {
            throw ScenarioErrors(errors.errors.map { e in
                e.file == ScenarioAssignment.location.file ? ScenarioError(location, path: e.path, e.message) : e
            })
        }
    }
}

/// One side of a comparison: a scenario, with the changes a `--variant` made to it, named.
public struct ScenarioVariant: Sendable {
    public var name: String
    public var document: ScenarioDocument
    /// The changes relative to the scenario it came from, as PATH=VALUE (empty for a scenario as given).
    public var changes: [String]

    public init(name: String, document: ScenarioDocument, changes: [String] = []) {
        self.name = name; self.document = document; self.changes = changes
    }

    /// The variants of a comparison: each scenario as given (named by its id), then each
    /// `--variant` applied to the first scenario. Every variant is checked here, before
    /// anything is evaluated; repeated names get `#2`, `#3`.
    ///
    /// - Throws: `UncertaintyError.invalidOption` for fewer than two variants; the
    ///   `ScenarioErrors` of a variant that does not apply.
    public static func variants(scenarios: [ScenarioDocument], specs: [VariantSpec]) throws -> [ScenarioVariant] {
        guard let first = scenarios.first else {
            throw UncertaintyError.invalidOption("compare: no scenario to compare")
        }
        var out = scenarios.map { ScenarioVariant(name: $0.info.id.isEmpty ? "scenario" : $0.info.id, document: $0) }
        for spec in specs { out.append(try spec.apply(to: first)) }
        guard out.count >= 2 else {
            throw UncertaintyError.invalidOption(
                "compare: give two or more scenarios, or a scenario and at least one --variant NAME:PATH=VALUE")
        }
        var seen: [String: Int] = [:]
        for i in out.indices {
            let n = seen[out[i].name, default: 0] + 1
            seen[out[i].name] = n
            if n > 1 { out[i].name += "#\(n)" }
        }
        return out
    }
}
