/// Summary of one metric over one period: the deterministic value and, when
/// the run sampled (samples > 0), the distribution of the sampled values.
public struct Stats: Codable, Sendable, Hashable {
    /// Every input at its base value.
    public var base: Double
    public var mean: Double?
    /// Sample standard deviation.
    public var sd: Double?
    public var p05: Double?
    public var p50: Double?
    public var p95: Double?

    public init(base: Double, mean: Double? = nil, sd: Double? = nil,
                p05: Double? = nil, p50: Double? = nil, p95: Double? = nil) {
        self.base = base
        self.mean = mean
        self.sd = sd
        self.p05 = p05
        self.p50 = p50
        self.p95 = p95
    }
}

extension Stats {
    /// The statistics as reported for `metric`: a count (`Metric.isCount`) has its base and
    /// percentiles rounded to whole numbers, so GPU counts and hours read as integers in JSON
    /// and CSV; the mean and standard deviation stay fractional.
    public func reported(as metric: Metric) -> Stats {
        guard metric.isCount else { return self }
        return Stats(base: base.rounded(), mean: mean, sd: sd,
                     p05: p05?.rounded(), p50: p50?.rounded(), p95: p95?.rounded())
    }
}

extension Dictionary where Key == Metric, Value == Stats {
    /// Every metric's statistics as reported (`Stats.reported(as:)`): counts as whole numbers.
    public func reported() -> [Metric: Stats] {
        reduce(into: [:]) { $0[$1.key] = $1.value.reported(as: $1.key) }
    }
}

extension Metric {
    /// Metrics that count whole things (GPUs, site-hours): reported as integers.
    public var isCount: Bool {
        switch self {
        case .gpusInstalledPeak, .cfeMatchedHours, .loadSiteHours: true
        default: false
        }
    }
}
