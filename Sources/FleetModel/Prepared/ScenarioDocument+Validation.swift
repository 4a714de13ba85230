extension ScenarioDocument {
    /// Every problem of a scenario and its `--set` flags at once, as `validate` prints them: each
    /// bad `--set` (the good ones still applied, in order), then the scenario's own problems
    /// (`fleetIssues`). `validate FILE --set A --set B` used to stop at the first bad flag.
    ///
    /// - Throws: `ScenarioErrors` only when the file cannot be read or parsed.
    public static func validation(path: String?, sets: [String]) throws -> (document: ScenarioDocument, issues: [ScenarioError]) {
        var document = try open(path: path)
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

    /// Every error of the scenario at once: file-level ones, decoding, the physics' checks (at
    /// the base values and at the ends of each distribution's range, `addingRangeIssues`),
    /// the weather files (`weatherFileIssues`), and whether the uncertain inputs and their
    /// correlations form a valid copula.
    public func fleetIssues() -> [ScenarioError] { validated().issues }

    /// `fleetIssues`, with what the checks built on the way: the spec at base values (decoded
    /// once; the range checks write their values into it) and the input space.
    func validated() -> (spec: FleetSpec?, inputs: InputSpace?, issues: [ScenarioError]) {
        // The range checks try each input at two values; the term stays, so its calendar
        // (tens of thousands of hours) is made once, not once per check.
        var last: (term: TermSpec, calendar: Result<TermCalendar, CalendarError>)?
        let checks: (FleetSpec) -> [ValidationIssue] = { spec in
            let calendar = last.flatMap { $0.term == spec.term ? $0.calendar : nil } ?? spec.termCalendar()
            last = (spec.term, calendar)
            return spec.validationIssues(calendar: calendar)
        }
        let (spec, baseIssues) = checked(FleetSpec.self, semanticIssues: checks)
        var issues = baseIssues
        if let spec {
            issues = addingRangeIssues(to: issues, base: spec, semanticIssues: checks) { parameter, value in
                try? SpecPlaces([parameter.path], in: spec, document: self).spec([value])
            }
            issues = ScenarioErrors(issues + weatherFileIssues(spec)).errors
        }
        guard issues.isEmpty else { return (spec, nil, issues) }
        let space = InputSpace.placed(self)
        return (spec, space.space, space.issues)
    }
}
