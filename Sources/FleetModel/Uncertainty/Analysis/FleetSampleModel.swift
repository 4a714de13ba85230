/// The fleet physics as a `SampleModel`: a sample's values of the uncertain inputs are
/// written over the scenario's base values, decoded into a `FleetSpec` and evaluated by
/// `FleetEvaluator` (cohort loads, then the facility, hour by hour); every metric's whole-term
/// total, years and months fill the output buffer.
public struct FleetSampleModel: SampleModel {
    public let document: ScenarioDocument
    /// Position in `document.parameters` of each uncertain input, in `InputSpace(document:)` order.
    let parameterIndices: [Int]
    let baseValues: [Double]
    /// Where relative weather-file paths resolve.
    let baseDirectory: String
    public let layout: OutputLayout
    /// Simulated site-hours of one evaluation (term hours × sites), for benchmarks.
    public let siteHours: Int
    /// The evaluator at base values: samples whose cooling and climate inputs equal the base
    /// reuse its plant tables.
    let baseEvaluator: FleetEvaluator

    /// - Parameter baseDirectory: where relative weather files resolve (default: the scenario's folder).
    /// - Throws: the scenario's and the physics' errors for the base values.
    public init(document: ScenarioDocument, baseDirectory: String? = nil) throws {
        let baseDirectory = baseDirectory ?? document.baseDirectory
        self.document = document
        self.baseDirectory = baseDirectory
        parameterIndices = document.uncertainParameters.map(\.index)
        baseValues = document.baseValues
        let spec = try document.decode(FleetSpec.self)
        baseEvaluator = try FleetEvaluator(spec: spec, baseDirectory: baseDirectory)
        let calendar = baseEvaluator.calendar
        var years: [String] = []
        for label in calendar.monthLabels where years.last != String(label.year) { years.append(String(label.year)) }
        let parts = ["board", "host", "network", "storage", "total", "board fraction of TDP"]
        let cohortExtras = baseEvaluator.powerModels.flatMap { m in parts.map { "\(m.cohortID) \($0)" } }
        let siteExtras = baseEvaluator.facility.sites.flatMap { site in
            Breakdown.siteMetrics.flatMap { m in calendar.monthNames.map { "site \(site.spec.id) \($0) of \(m.rawValue)" } }
        }
        layout = OutputLayout(metrics: Metric.allCases, years: years, months: calendar.monthNames,
                              extras: cohortExtras + siteExtras)
        siteHours = calendar.hourCount * spec.sites.count
    }

    public struct Evaluator: SampleEvaluator {
        let model: FleetSampleModel
        var values: [Double]

        public mutating func evaluate(_ inputs: [Double], into outputs: inout [Double]) throws {
            for (j, p) in model.parameterIndices.enumerated() { values[p] = inputs[j] }
            let spec = try model.document.decode(FleetSpec.self, values: values)
            let evaluator = try FleetEvaluator(spec: spec, baseDirectory: model.baseDirectory,
                                               previous: model.baseEvaluator)
            let detail = try evaluator.evaluateBySite()
            model.write(detail.fleet, into: &outputs)
            model.write(cohorts: evaluator.powerModels, into: &outputs)
            model.write(sites: detail.sites, cohorts: evaluator.powerModels.count, into: &outputs)
        }
    }

    public func makeEvaluator() -> Evaluator { Evaluator(model: self, values: baseValues) }

    /// Copies each site's months of `Breakdown.siteMetrics` into the extra slots after the cohorts'.
    func write(sites: [Evaluation], cohorts: Int, into y: inout [Double]) {
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

    /// Copies each cohort's power per unit (`CohortPower.values`) into the layout's first extra slots.
    func write(cohorts: [CohortPowerModel], into y: inout [Double]) {
        precondition(cohorts.count * CohortPower.valueCount <= layout.extras.count, "cohorts differ from the layout's")
        for (c, m) in cohorts.enumerated() {
            for (j, v) in CohortPower.values(m).enumerated() { y[layout.extra(c * CohortPower.valueCount + j)] = v }
        }
    }

    /// Copies an evaluation's totals, years and months into a buffer laid out as `layout`.
    func write(_ ev: Evaluation, into y: inout [Double]) {
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
