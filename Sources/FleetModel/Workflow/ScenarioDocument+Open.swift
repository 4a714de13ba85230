extension ScenarioDocument {
    /// The scenario a command names: a file, or the embedded default when `path` is nil,
    /// with each `--set PATH=VALUE` applied in order.
    ///
    /// - Throws: `ScenarioErrors` with every error of the scenario at once (file layer, decoding,
    ///   semantic checks), each naming the file, line, column and path (or `--set` and the path);
    ///   so a `--set` of an unknown cooling type fails here, in every command, not only in `run`.
    public static func open(path: String?, sets: [String] = []) throws -> ScenarioDocument {
        let document = try forValidation(path: path, sets: sets)
        let issues = document.fleetIssues()
        if !issues.isEmpty { throw ScenarioErrors(issues) }
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
/// `estimate` and `power` inputs out of range are bad input (exit 2), not a failed run.
extension EstimateError: InputError {}

extension FleetSpec {
    /// Every semantic problem of a decoded scenario, fleet side and facility side,
    /// as (path, message) pairs that `ScenarioDocument.locate` places in the file.
    public func validationIssues() -> [ValidationIssue] {
        termIssues() + fleetValidationIssues() + facilityIssues()
    }

    /// The term must make a calendar (the cohort checks skip their dates without one, so
    /// `months: 0` or `start: "next spring"` passed validation).
    func termIssues() -> [ValidationIssue] {
        do {
            _ = try TermCalendar(start: term.start, months: term.months)
            return []
        } catch {
            switch error {
            case .badDate: return [("term.start", error.description)]
            case .badLength: return [("term.months", error.description)]
            }
        }
    }
}
