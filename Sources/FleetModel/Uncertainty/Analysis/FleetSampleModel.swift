/// The fleet physics as a `SampleModel`: a sample's values of the uncertain inputs are
/// written into the prepared spec at typed places (`SpecPlaces`), the spec is
/// finished (options, refreshes) and evaluated by `FleetEvaluator` (cohort loads, then the
/// facility, hour by hour); every metric's whole-term total, years and months fill the
/// output buffer.
public struct FleetSampleModel: SampleModel {
    /// Where each uncertain input is written, in the run's `InputSpace` order.
    let places: SpecPlaces
    /// The evaluator at base values: samples whose cooling and climate inputs equal the base
    /// reuse its plant tables.
    let baseEvaluator: FleetEvaluator
    public let layout: OutputLayout
    /// Simulated site-hours of one evaluation (term hours × sites), for benchmarks.
    public let siteHours: Int
    /// Every output with each input at its base value, in `layout` order.
    public let base: [Double]

    /// The model of a prepared scenario; its base outputs are the evaluation behind `baseResult`, not evaluated again.
    public init(_ prepared: PreparedScenario) {
        self.init(places: prepared.places, evaluator: prepared.evaluator) { layout, y in
            Self.write(prepared.baseDetail, cohorts: prepared.evaluator.powerModels.count, layout: layout, into: &y)
        }
    }

    /// The model around `evaluator` (a sweep point's), its base outputs evaluated here.
    init(places: SpecPlaces, evaluator: FleetEvaluator) throws {
        try self.init(places: places, evaluator: evaluator) { layout, y in
            Self.write(try evaluator.evaluateBySite(), cohorts: evaluator.powerModels.count, layout: layout, into: &y)
        }
    }

    private init(places: SpecPlaces, evaluator: FleetEvaluator,
                 base fill: (OutputLayout, inout [Double]) throws -> Void) rethrows {
        self.places = places
        baseEvaluator = evaluator
        let calendar = evaluator.calendar
        var years: [String] = []
        for label in calendar.monthLabels where years.last != String(label.year) { years.append(String(label.year)) }
        let parts = ["board", "host", "network", "storage", "total", "board fraction of TDP"]
        let cohortExtras = evaluator.powerModels.flatMap { m in parts.map { "\(m.cohortID) \($0)" } }
        let siteExtras = evaluator.facility.sites.flatMap { site in
            Breakdown.siteMetrics.flatMap { m in calendar.monthNames.map { "site \(site.spec.id) \($0) of \(m.rawValue)" } }
        }
        layout = OutputLayout(metrics: Metric.allCases, years: years, months: calendar.monthNames,
                              extras: cohortExtras + siteExtras)
        siteHours = calendar.hourCount * evaluator.spec.sites.count
        var y = [Double](repeating: .nan, count: layout.count)
        try fill(layout, &y)
        Self.write(cohorts: evaluator.powerModels, layout: layout, into: &y)
        base = y
    }

    public struct Evaluator: SampleEvaluator {
        let model: FleetSampleModel
        /// This worker's buffers, left by one sample for the next.
        private let workspace = EvaluationWorkspace()

        init(model: FleetSampleModel) { self.model = model }

        public mutating func evaluate(_ inputs: [Double], into outputs: inout [Double]) throws {
            let spec = try model.places.spec(inputs)
            let evaluator = try FleetEvaluator(spec: spec, baseDirectory: model.places.document.baseDirectory,
                                               previous: model.baseEvaluator, workspace: workspace)
            FleetSampleModel.write(try evaluator.evaluateBySite(workspace: workspace), cohorts: evaluator.powerModels.count,
                                   layout: model.layout, into: &outputs)
            FleetSampleModel.write(cohorts: evaluator.powerModels, layout: model.layout, into: &outputs)
            workspace.keepTables(of: evaluator)
        }
    }

    public func makeEvaluator() -> Evaluator { Evaluator(model: self) }

    /// Copies each site's months of `Breakdown.siteMetrics` into the extra slots after the cohorts'.
    static func write(sites: [Evaluation], cohorts: Int, layout: OutputLayout, into y: inout [Double]) {
        let months = layout.months.count, first = cohorts * CohortPower.valueCount
        precondition(first + sites.count * Breakdown.siteMetrics.count * months == layout.extras.count,
                     "sites differ from the layout's")
        for (s, ev) in sites.enumerated() {
            for (j, m) in Breakdown.siteMetrics.enumerated() {
                let at = layout.extra(first + (s * Breakdown.siteMetrics.count + j) * months)
                for k in 0..<months { y[at + k] = ev.monthly[m.index][k] }
            }
        }
    }

    /// Copies an evaluation's fleet totals, years and months and each site's months into a
    /// buffer laid out as `layout` (the sites after the first `cohorts` cohorts' slots).
    static func write(_ detail: FacilityModel.Detail, cohorts: Int, layout: OutputLayout, into y: inout [Double]) {
        write(detail.fleet, layout: layout, into: &y)
        write(sites: detail.sites, cohorts: cohorts, layout: layout, into: &y)
    }

    /// Copies each cohort's power per unit (`CohortPower.values`) into the layout's first extra slots.
    static func write(cohorts: [CohortPowerModel], layout: OutputLayout, into y: inout [Double]) {
        precondition(cohorts.count * CohortPower.valueCount <= layout.extras.count, "cohorts differ from the layout's")
        for (c, m) in cohorts.enumerated() {
            for (j, v) in CohortPower.values(m).enumerated() { y[layout.extra(c * CohortPower.valueCount + j)] = v }
        }
    }

    /// Copies an evaluation's totals, years and months into a buffer laid out as `layout`.
    static func write(_ ev: Evaluation, layout: OutputLayout, into y: inout [Double]) {
        let total = ev.total(), annual = ev.annual()
        precondition(annual.count == layout.years.count && ev.months == layout.months.count,
                     "evaluation periods differ from the layout's")
        for (m, metric) in layout.metrics.enumerated() {
            let row = metric.index
            y[layout.total(m)] = total[row]
            for (yi, year) in annual.enumerated() { y[layout.annual(m, yi)] = year.values[row] }
            for k in 0..<ev.months { y[layout.monthly(m, k)] = ev.monthly[row][k] }
        }
    }
}
