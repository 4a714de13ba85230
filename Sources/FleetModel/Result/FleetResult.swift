/// The result of evaluating a scenario: the `fleetwatt.result/1` JSON document.
///
/// Keys and units are fixed by the contract (docs/contract and
/// `fleetwatt schema`); encode with `FleetResult.encoder()` for stable, sorted keys.
public struct FleetResult: Codable, Sendable {
    public static let schemaVersion = "fleetwatt.result/1"

    public var schemaVersion: String = FleetResult.schemaVersion
    public var tool: Tool
    public var scenario: ScenarioInfo
    public var run: RunInfo
    /// Every resolved input, uncertain or not.
    public var inputs: [Input]
    public var totals: [Metric: Stats]
    public var annual: [PeriodStats]
    public var monthly: [PeriodStats]
    public var sensitivity: Sensitivity?
    public var sweep: Sweep?
    /// Per-site and per-cohort breakdown at base values (an extension of the contract).
    public var breakdown: Breakdown?
    /// Histograms of the sampled totals, when samples > 0 (an extension of the contract).
    public var histograms: [Metric: Histogram]?
    /// Each cohort's IT power per serving unit at full deployment (an extension of the contract).
    public var cohorts: [CohortPower]?
    public var diagnostics: Diagnostics
    /// Unit, label and, for carbon, whose inventory each metric belongs to (GHG Protocol).
    public var metrics: [Metric: MetricInfo]? = FleetResult.metricInfo

    /// What a metric is, for readers of the JSON.
    public struct MetricInfo: Codable, Sendable, Hashable {
        public var unit: String
        public var label: String
        /// Whose greenhouse-gas inventory (carbon metrics only).
        public var inventory: String?
    }

    /// Every metric's unit, label and inventory.
    public static var metricInfo: [Metric: MetricInfo] {
        Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0, MetricInfo(unit: $0.unit, label: $0.label, inventory: $0.inventory)) })
    }

    public init(tool: Tool = .current, scenario: ScenarioInfo, run: RunInfo, inputs: [Input],
                totals: [Metric: Stats], annual: [PeriodStats], monthly: [PeriodStats],
                sensitivity: Sensitivity? = nil, sweep: Sweep? = nil, breakdown: Breakdown? = nil,
                histograms: [Metric: Histogram]? = nil, diagnostics: Diagnostics) {
        self.tool = tool
        self.scenario = scenario
        self.run = run
        self.inputs = inputs
        self.totals = totals
        self.annual = annual
        self.monthly = monthly
        self.sensitivity = sensitivity
        self.sweep = sweep
        self.breakdown = breakdown
        self.histograms = histograms
        self.diagnostics = diagnostics
    }

    public struct Tool: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
        public static let current = Tool(name: "fleetwatt", version: FleetModelInfo.toolVersion)
    }

    /// Which scenario a result is of (defined with the scenario that owns it).
    public typealias ScenarioInfo = FleetModel.ScenarioInfo

    public struct RunInfo: Codable, Sendable, Hashable {
        public var samples: Int
        public var seed: UInt64
        /// "random", "sobol" or "lhs".
        public var sampler: String
        public var threads: Int
        /// Every `--set` applied, in order, as PATH=VALUE (an extension of the contract).
        public var overrides: [String]
        public init(samples: Int, seed: UInt64, sampler: String, threads: Int, overrides: [String] = []) {
            self.samples = samples; self.seed = seed; self.sampler = sampler
            self.threads = threads; self.overrides = overrides
        }
    }

    /// An input as a result records it (defined with the scenario that owns it).
    public typealias Input = ScenarioInput

    /// One year or one month with the statistics of every metric.
    /// In JSON the period key (`year` or `month`) sits beside the metric keys.
    public struct PeriodStats: Codable, Sendable, Hashable {
        /// `2026` for a year, `2026-01` for a month.
        public var period: String
        public var isMonth: Bool
        public var values: [Metric: Stats]

        public init(period: String, isMonth: Bool, values: [Metric: Stats]) {
            self.period = period; self.isMonth = isMonth; self.values = values
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            if let month = try c.decodeIfPresent(String.self, forKey: AnyKey("month")) {
                period = month; isMonth = true
            } else {
                period = String(try c.decode(Int.self, forKey: AnyKey("year"))); isMonth = false
            }
            var v: [Metric: Stats] = [:]
            for m in Metric.allCases {
                if let s = try c.decodeIfPresent(Stats.self, forKey: AnyKey(m.rawValue)) { v[m] = s }
            }
            values = v
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            if isMonth { try c.encode(period, forKey: AnyKey("month")) }
            else { try c.encode(Int(period) ?? 0, forKey: AnyKey("year")) }
            for (m, s) in values { try c.encode(s, forKey: AnyKey(m.rawValue)) }
        }
    }

    public struct Diagnostics: Codable, Sendable, Hashable {
        /// (hourly sum − adaptive quadrature of the continuous-time model) / quadrature,
        /// for facility energy over the whole term, at base values.
        public var quadratureVsTimestepRelDiff: Double
        /// Monte Carlo standard error of the mean of each total (sd / √samples).
        public var mcStandardError: [Metric: Double]
        public var warnings: [String]
        public init(quadratureVsTimestepRelDiff: Double, mcStandardError: [Metric: Double] = [:],
                    warnings: [String] = []) {
            self.quadratureVsTimestepRelDiff = quadratureVsTimestepRelDiff
            self.mcStandardError = mcStandardError
            self.warnings = warnings
        }
        enum CodingKeys: String, CodingKey {
            case quadratureVsTimestepRelDiff = "quadrature_vs_timestep_rel_diff"
            case mcStandardError = "mc_standard_error"
            case warnings
        }
    }

    public struct Histogram: Codable, Sendable, Hashable {
        /// Bin edges, one more than counts, in the metric's unit.
        public var edges: [Double]
        public var counts: [Int]
        public init(edges: [Double], counts: [Int]) { self.edges = edges; self.counts = counts }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case tool, scenario, run, inputs, totals, annual, monthly, sensitivity, sweep,
             breakdown, histograms, cohorts, diagnostics, metrics
    }
}
