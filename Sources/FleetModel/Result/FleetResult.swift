import Foundation

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
    /// One models/ data file a scenario read (defined with the scenario).
    public typealias DataFile = FleetModel.DataFile

    public struct RunInfo: Codable, Sendable, Hashable {
        public var samples: Int
        public var seed: UInt64
        /// "random", "sobol" or "lhs".
        public var sampler: String
        public var threads: Int
        /// Every `--set` applied, in order, as PATH=VALUE (an extension of the contract).
        public var overrides: [String]
        /// When the run was made, UTC, ISO 8601 to the second (`2026-12-07T08:15:00Z`); nil in
        /// results written before December 2026. `SOURCE_DATE_EPOCH` fixes it for reproducible files.
        public var timestamp: String?
        public init(samples: Int, seed: UInt64, sampler: String, threads: Int, overrides: [String] = [],
                    timestamp: String? = RunInfo.now()) {
            self.samples = samples; self.seed = seed; self.sampler = sampler
            self.threads = threads; self.overrides = overrides; self.timestamp = timestamp
        }

        /// The current time as ISO 8601 UTC, or the time `SOURCE_DATE_EPOCH` (seconds since 1970,
        /// the reproducible-builds convention) names when it is set, so exported files can be rebuilt
        /// byte for byte.
        public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
            let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) } ?? Date().timeIntervalSince1970
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            f.formatOptions = [.withInternetDateTime]
            return f.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
        }
    }

    /// An input as a result records it (defined with the scenario that owns it).
    public typealias Input = ScenarioInput

    /// One year or one month with the statistics of every metric.
    /// In JSON the period key (`year` or `month`), `hours` and `partial` sit beside the metric keys.
    public struct PeriodStats: Codable, Sendable, Hashable {
        /// `2026` for a year, `2026-01` for a month.
        public var period: String
        public var isMonth: Bool
        public var values: [Metric: Stats]
        /// Hours of the term in the period (nil in results written before December 2026).
        public var hours: Int?
        /// True when the term covers only part of the period (a first or last month or year), so
        /// its totals are not comparable with a whole one's; nil when `hours` is.
        public var partial: Bool?

        public init(period: String, isMonth: Bool, values: [Metric: Stats], hours: Int? = nil, partial: Bool? = nil) {
            self.period = period; self.isMonth = isMonth; self.values = values
            self.hours = hours; self.partial = partial
        }

        /// The keys of a period object that are not metrics.
        public static let periodKeys: Set<String> = ["year", "month", "hours", "partial"]

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            if let month = try c.decodeIfPresent(String.self, forKey: AnyKey("month")) {
                period = month; isMonth = true
            } else {
                period = String(try c.decode(Int.self, forKey: AnyKey("year"))); isMonth = false
            }
            hours = try c.decodeIfPresent(Int.self, forKey: AnyKey("hours"))
            partial = try c.decodeIfPresent(Bool.self, forKey: AnyKey("partial"))
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
            try c.encodeIfPresent(hours, forKey: AnyKey("hours"))
            try c.encodeIfPresent(partial, forKey: AnyKey("partial"))
            for (m, s) in values { try c.encode(s, forKey: AnyKey(m.rawValue)) }
        }

        /// The same period with the hours and partial flag of `other` (statistics replaced, calendar kept).
        func keepingCalendar(of other: PeriodStats?) -> PeriodStats {
            guard let other, other.period == period, other.isMonth == isMonth else { return self }
            var p = self
            p.hours = other.hours; p.partial = other.partial
            return p
        }
    }

    public struct Diagnostics: Codable, Sendable, Hashable {
        /// (hourly sum − adaptive quadrature of the continuous-time model) / quadrature,
        /// for facility energy over the months in `quadratureMonths`, at base values.
        public var quadratureVsTimestepRelDiff: Double
        /// The months ("YYYY-MM") the cross-check integrated (`FacilityModel.crossCheckMonths`);
        /// nil in results that predate the key, whose check covered the whole term.
        public var quadratureMonths: [String]?
        /// Monte Carlo standard error of the mean of each total (sd / √samples).
        public var mcStandardError: [Metric: Double]
        public var warnings: [String]
        public init(quadratureVsTimestepRelDiff: Double, quadratureMonths: [String]? = nil,
                    mcStandardError: [Metric: Double] = [:], warnings: [String] = []) {
            self.quadratureVsTimestepRelDiff = quadratureVsTimestepRelDiff
            self.quadratureMonths = quadratureMonths
            self.mcStandardError = mcStandardError
            self.warnings = warnings
        }
        enum CodingKeys: String, CodingKey {
            case quadratureVsTimestepRelDiff = "quadrature_vs_timestep_rel_diff"
            case quadratureMonths = "quadrature_months"
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
