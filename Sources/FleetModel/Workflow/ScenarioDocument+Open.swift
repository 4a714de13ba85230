extension ScenarioDocument {
    /// The scenario a command names: a file, or the embedded default when `path` is nil,
    /// with each `--set PATH=VALUE` applied in order.
    ///
    /// - Throws: `ScenarioErrors` naming the file, line, column and path (or `--set` and the path).
    public static func open(path: String?, sets: [String] = []) throws -> ScenarioDocument {
        var document = try path.map { try load(path: $0) } ?? embeddedDefault()
        try document.apply(sets: sets)
        return document
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

    /// Every error of the scenario at once: file-level ones, decoding, the physics' checks,
    /// and whether the uncertain inputs and their correlations form a valid copula.
    public func fleetIssues() -> [ScenarioError] {
        let issues = check(FleetSpec.self) { $0.validationIssues() }
        guard issues.isEmpty else { return issues }
        return InputSpace.issues(in: self)
    }

    /// The scenario decoded at its base values, after every check.
    ///
    /// - Throws: `ScenarioErrors` with all the problems found.
    public func fleetSpec() throws -> FleetSpec {
        let issues = fleetIssues()
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        return try decode(FleetSpec.self)
    }
}

extension ScenarioErrors: InputError {}
extension ScenarioError: InputError {}

extension FleetSpec {
    /// Every semantic problem of a decoded scenario, fleet side and facility side,
    /// as (path, message) pairs that `ScenarioDocument.locate` places in the file.
    public func validationIssues() -> [ValidationIssue] {
        fleetValidationIssues() + facilityIssues()
    }
}
