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

    /// Every problem of a scenario and its `--set` flags at once, as `validate` prints them: each
    /// bad `--set` (the good ones still applied, in order), then the scenario's own problems
    /// (`fleetIssues`). `validate FILE --set A --set B` used to stop at the first bad flag.
    ///
    /// - Throws: `ScenarioErrors` only when the file cannot be read or parsed.
    public static func validation(path: String?, sets: [String]) throws -> (document: ScenarioDocument, issues: [ScenarioError]) {
        var document = try forValidation(path: path)
        var flagErrors: [ScenarioError] = []
        for assignment in sets {
            do {
                try document.apply(sets: [assignment])
            } catch let errors as ScenarioErrors {
                flagErrors += errors.errors
            }
        }
        return (document, flagErrors + document.fleetIssues())
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

    /// Every error of the scenario at once: file-level ones, decoding, the physics' checks (at
    /// the base values and at the ends of each distribution's range, `addingRangeIssues`),
    /// the weather files (`weatherFileIssues`), and whether the uncertain inputs and their correlations form a valid copula.
    public func fleetIssues() -> [ScenarioError] {
        let checks: (FleetSpec) -> [ValidationIssue] = { $0.validationIssues() }
        var issues = addingRangeIssues(to: check(FleetSpec.self, semanticIssues: checks), as: FleetSpec.self,
                                       semanticIssues: checks)
        if let spec = try? decode(FleetSpec.self, values: baseValues) {
            issues = ScenarioErrors(issues + weatherFileIssues(spec)).errors
        }
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
        termIssues() + contractIssues() + fleetValidationIssues() + facilityIssues()
    }

    /// Years a term may start in (and a grid's `base_year` may name): the data behind every
    /// default describe the 2020s; a term starting in year 1 or 99999 extrapolated grid trends
    /// over millennia (carbon and prices of 0 or infinity).
    public static let termYears = 1990...2100

    /// Accepted contract values, USD: the cost share divides by it, so 0 gave 0 % and a
    /// denormal infinity; 10⁴ to 10¹³ USD spans a small pilot to far beyond any deal announced.
    public static let contractValueRange: ClosedRange<Double> = 1e4...1e13

    func contractIssues() -> [ValidationIssue] {
        guard !Self.contractValueRange.contains(contract.valueUSD) else { return [] }
        return [("contract.value_usd", "expected a contract value from 10000 to 1e13 USD, got \(contract.valueUSD)")]
    }

    /// The term must make a calendar (the cohort checks skip their dates without one, so
    /// `months: 0` or `start: "next spring"` passed validation).
    func termIssues() -> [ValidationIssue] {
        do {
            let calendar = try TermCalendar(start: term.start, months: term.months)
            guard Self.termYears.contains(calendar.startYear) else {
                return [("term.start", "expected a term starting in the years \(Self.termYears.lowerBound) to "
                         + "\(Self.termYears.upperBound), got \(term.start)")]
            }
            return []
        } catch {
            switch error {
            case .badDate: return [("term.start", error.description)]
            case .badLength: return [("term.months", error.description)]
            }
        }
    }
}
