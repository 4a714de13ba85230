/// Where each output of one evaluation sits in its flat buffer: the whole-term total
/// of every metric, then each metric's value per year, then per month.
///
/// Index of metric m's total: m; of year y: M + m·Y + y; of month k: M + M·Y + m·K + k
/// (M metrics, Y years, K months), then the extra outputs (per-cohort power): extra i at
/// M(1 + Y + K) + i. A model writes all of them for every sample.
public struct OutputLayout: Sendable, Hashable {
    public let metrics: [Metric]
    /// Labels of the years ("2026") and months ("2026-01") of the term.
    public let years: [String]
    public let months: [String]
    /// Labels of the extra outputs ("gb200-use1 board"), summarised like months.
    public let extras: [String]

    public init(metrics: [Metric], years: [String], months: [String], extras: [String] = []) {
        self.metrics = metrics
        self.years = years
        self.months = months
        self.extras = extras
    }

    /// Number of values in one evaluation's buffer.
    public var count: Int { metrics.count * (1 + years.count + months.count) + extras.count }

    @inline(__always) public func total(_ m: Int) -> Int { m }
    @inline(__always) public func annual(_ m: Int, _ y: Int) -> Int { metrics.count + m * years.count + y }
    @inline(__always) public func monthly(_ m: Int, _ k: Int) -> Int {
        metrics.count * (1 + years.count) + m * months.count + k
    }
    @inline(__always) public func extra(_ i: Int) -> Int { metrics.count * (1 + years.count + months.count) + i }
}
