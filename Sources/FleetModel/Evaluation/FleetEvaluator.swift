/// A resolved spec ready to evaluate: the fleet side's cohort power models and the
/// facility side's site models, built once; `evaluate()` is one Monte Carlo sample's
/// worth of work, `deterministicResult` the `--samples 0` run.
public struct FleetEvaluator: Sendable {
    public let spec: FleetSpec
    public let calendar: TermCalendar
    public let facility: FacilityModel
    /// One per cohort, in `spec.fleet.cohorts` order.
    public let powerModels: [CohortPowerModel]

    /// - Throws: `CalendarError` for a bad term, `FacilityError` for unknown hardware or
    ///   grids, the fleet side's errors for its inputs, `WeatherFileError` for weather files.
    /// - Parameter previous: an evaluator of an earlier spec (the base run of a Monte Carlo);
    ///   sites whose cooling and climate inputs did not change reuse its plant tables, and
    ///   cohorts whose deployment ramp did not change reuse its ramp profile.
    public init(spec: FleetSpec, baseDirectory: String = ".", weatherCache: WeatherCache = .shared,
                previous: FleetEvaluator? = nil) throws {
        try self.init(spec: spec, baseDirectory: baseDirectory, weatherCache: weatherCache, previous: previous, workspace: nil)
    }

    /// - Parameter workspace: a worker's buffers, refilled in place (`EvaluationWorkspace`).
    init(spec: FleetSpec, baseDirectory: String = ".", weatherCache: WeatherCache = .shared,
         previous: FleetEvaluator?, workspace: EvaluationWorkspace?) throws {
        self.spec = spec
        let cal = if let p = previous, p.spec.term == spec.term { p.calendar }
            else { try TermCalendar(start: spec.term.start, months: spec.term.months) }
        calendar = cal
        facility = try FacilityModel(spec: spec, calendar: cal, weatherCache: weatherCache, baseDirectory: baseDirectory,
                                     previous: previous?.facility, workspace: workspace)
        powerModels = try spec.fleet.cohorts.map { c in
            guard let hw = spec.hardware[id: c.hardware] else {
                throw FacilityError.unknownHardware(cohort: c.id, hardware: c.hardware)
            }
            let before = previous?.powerModels.first { $0.cohortID == c.id }
            return try CohortPowerModel(cohort: c, hardware: hw, calendar: cal, previous: before)
        }
    }

    /// Every cohort's hourly load over the term.
    public func loads() -> [CohortLoad] { powerModels.map { $0.load(calendar: calendar) } }

    /// Every metric per month of the term (the cohorts' power summed per site month by
    /// month, without materialising `loads()`; identical to `facility.evaluate(loads())`).
    public func evaluate() throws -> Evaluation { try facility.evaluate(models: powerModels) }

    /// `evaluate()` with each site's months beside the fleet's (in `facility.sites` order).
    public func evaluateBySite() throws -> FacilityModel.Detail { try facility.run(.models(powerModels), perSite: true) }

    /// `evaluateBySite()` with a worker's buffers.
    func evaluateBySite(workspace: EvaluationWorkspace) throws -> FacilityModel.Detail {
        try facility.run(.models(powerModels), perSite: true, workspace: workspace)
    }

    /// Each cohort's continuous IT power, for the quadrature cross-check.
    public func continuousPower() -> [String: @Sendable (Double) -> Double] {
        var out: [String: @Sendable (Double) -> Double] = [:]
        for m in powerModels {
            out[m.cohortID] = { t in (try? m.itPowerW(atHour: t)) ?? .nan }
        }
        return out
    }

    /// The deterministic result (every input at its base value): totals, years, months,
    /// breakdown and the hourly-vs-quadrature diagnostic.
    public func deterministicResult(scenario: FleetResult.ScenarioInfo, inputs: [FleetResult.Input],
                                    run: FleetResult.RunInfo, warnings: [String] = []) throws -> FleetResult {
        try deterministic(scenario: scenario, inputs: inputs, run: run, warnings: warnings).result
    }

    /// `deterministicResult` with the evaluation it was made from (fleet and sites, unrounded):
    /// a prepared scenario's base outputs, so the base is evaluated once.
    func deterministic(scenario: FleetResult.ScenarioInfo, inputs: [FleetResult.Input], run: FleetResult.RunInfo,
                       warnings: [String] = []) throws -> (result: FleetResult, detail: FacilityModel.Detail) {
        let made = try facility.deterministic(loads: loads(), models: powerModels, power: continuousPower(), scenario: scenario,
                                              inputs: inputs, run: run, warnings: warnings)
        var result = made.result
        result.cohorts = cohortPower()
        if var b = result.breakdown {
            for i in b.cohorts.indices { b.cohorts[i].kind = spec.hardware[id: b.cohorts[i].hardware]?.kind.rawValue }
            result.breakdown = b
        }
        if let options = spec.options, !options.isEmpty {
            result.scenario.options = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.enabled) })
        }
        return (result, made.detail)
    }

    /// Each cohort's power per serving unit at base values (`Stats(base:)` only).
    public func cohortPower() -> [CohortPower] {
        zip(spec.fleet.cohorts, powerModels).map { c, m in
            CohortPower(id: c.id, hardware: c.hardware, site: c.site, stats: CohortPower.values(m).map { Stats(base: $0) })
        }
    }
}
