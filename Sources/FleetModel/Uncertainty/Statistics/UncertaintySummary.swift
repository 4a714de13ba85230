internal import GSL

/// The statistics of a Monte Carlo run, for every metric over the whole term, each year
/// and each month: the base value and, when samples > 0, mean, standard deviation and
/// P5/P50/P95; histograms and standard errors of the totals; failed samples.
///
/// Whole-term quantiles are exact (from every stored total, GSL's
/// `gsl_stats_quantile_from_sorted_data`). Yearly and monthly quantiles
/// come from `StreamingQuantiles`: exact up to `pilotSize` samples, afterwards within one
/// bin width (1.5 × the pilot's range / `quantileBins`).
public struct UncertaintySummary: Sendable, Hashable {
    public let layout: OutputLayout
    /// Samples requested (0: deterministic run).
    public let samples: Int
    /// Samples that entered the statistics (requested minus failed).
    public let validSamples: Int
    /// Every output at base values, in `layout` order.
    public let base: [Double]
    public let totals: [Metric: Stats]
    public let annual: [FleetResult.PeriodStats]
    public let monthly: [FleetResult.PeriodStats]
    /// Histograms of the sampled totals (empty for a deterministic run).
    public let histograms: [Metric: FleetResult.Histogram]
    /// Statistics of the extra outputs (per-cohort power), in `layout.extras` order.
    public let extras: [Stats]
    /// sd / √n of each total's sample mean.
    public let mcStandardError: [Metric: Double]
    /// Samples whose evaluation threw or gave a non-finite output, left out of the statistics.
    public let failedSamples: Int
    /// The first `failuresKept` of them, by sample index.
    public let failures: [SampleFailure]
    /// Human-readable notes for `diagnostics.warnings`.
    public let warnings: [String]

    static let failuresKept = 20

    /// A deterministic run: base values only.
    init(layout: OutputLayout, samples: Int, base: [Double]) {
        self.layout = layout
        self.samples = samples
        validSamples = 0
        self.base = base
        var t: [Metric: Stats] = [:]
        for (m, metric) in layout.metrics.enumerated() { t[metric] = Stats(base: base[layout.total(m)]) }
        totals = t
        annual = layout.years.enumerated().map { y, label in
            FleetResult.PeriodStats(period: label, isMonth: false, values: Dictionary(uniqueKeysWithValues:
                layout.metrics.enumerated().map { m, metric in (metric, Stats(base: base[layout.annual(m, y)])) }))
        }
        monthly = layout.months.enumerated().map { k, label in
            FleetResult.PeriodStats(period: label, isMonth: true, values: Dictionary(uniqueKeysWithValues:
                layout.metrics.enumerated().map { m, metric in (metric, Stats(base: base[layout.monthly(m, k)])) }))
        }
        extras = layout.extras.indices.map { Stats(base: base[layout.extra($0)]) }
        histograms = [:]
        mcStandardError = [:]
        failedSamples = 0
        failures = []
        warnings = []
    }

    /// A sampled run, from its accumulators (`moments` for every slot, `totals` the stored
    /// whole-term values, `streams` the quantile estimators of the year and month slots).
    init(layout: OutputLayout, samples: Int, base: [Double], inputPaths: [String],
         moments: [MomentAccumulator], totals stored: StoredTotals, streams: [StreamingQuantiles],
         failedCount: Int, failures: [SampleFailure], notes: [String] = []) {
        self.layout = layout
        self.samples = samples
        self.base = base
        validSamples = samples - failedCount
        failedSamples = failedCount
        self.failures = failures
        let metricCount = layout.metrics.count

        var t: [Metric: Stats] = [:], h: [Metric: FleetResult.Histogram] = [:], se: [Metric: Double] = [:]
        for (m, metric) in layout.metrics.enumerated() {
            let sorted = stored.values(m).sorted()
            let mo = moments[layout.total(m)]
            t[metric] = Stats(base: base[layout.total(m)], mean: mo.mean, sd: mo.standardDeviation,
                              p05: Statistics.quantile(sorted: sorted, fraction: 0.05),
                              p50: Statistics.quantile(sorted: sorted, fraction: 0.50),
                              p95: Statistics.quantile(sorted: sorted, fraction: 0.95))
            h[metric] = SampleHistogram.histogram(sorted: sorted)
            se[metric] = mo.standardError
        }
        totals = t
        histograms = h
        mcStandardError = se

        var extrapolated = 0
        func stats(_ slot: Int) -> Stats {
            let q = streams[slot - metricCount], mo = moments[slot]
            if q.isOutsideSpan(0.05) || q.isOutsideSpan(0.95) { extrapolated += 1 }
            let p = q.quantiles([0.05, 0.50, 0.95])
            return Stats(base: base[slot], mean: mo.mean, sd: mo.standardDeviation, p05: p[0], p50: p[1], p95: p[2])
        }
        var a: [FleetResult.PeriodStats] = []
        for (y, label) in layout.years.enumerated() {
            var v: [Metric: Stats] = [:]
            for (m, metric) in layout.metrics.enumerated() { v[metric] = stats(layout.annual(m, y)) }
            a.append(.init(period: label, isMonth: false, values: v))
        }
        var mm: [FleetResult.PeriodStats] = []
        for (k, label) in layout.months.enumerated() {
            var v: [Metric: Stats] = [:]
            for (m, metric) in layout.metrics.enumerated() { v[metric] = stats(layout.monthly(m, k)) }
            mm.append(.init(period: label, isMonth: true, values: v))
        }
        annual = a
        monthly = mm
        extras = layout.extras.indices.map { stats(layout.extra($0)) }

        var w = notes
        if failedCount > 0 {
            var note = "\(failedCount) of \(samples) samples failed and are left out of the statistics; first: "
                + Self.describe(failures[0], inputs: inputPaths)
            if failures.count > 1 {
                note += "; also samples " + failures.dropFirst().map { String($0.index) }.joined(separator: ", ")
                    + (failedCount > failures.count ? ", …" : "")
            }
            w.append(note)
        }
        if extrapolated > 0 {
            w.append("P5 or P95 of \(extrapolated) yearly or monthly values lie beyond the range of the first "
                     + "\(streams.first?.pilotSize ?? 0) samples and are interpolated towards the sampled extreme")
        }
        warnings = w
    }

    /// A sampled run from its joined accumulators: refuses a run whose every sample failed,
    /// and lays the quantile streams' bins when the run reached the pilot's size (a run of
    /// exactly `pilotSize` samples, or one whose parts each held part of the pilot).
    static func sampled(layout: OutputLayout, samples: Int, base: [Double], inputPaths: [String],
                        moments: [MomentAccumulator], totals: StoredTotals, streams: [StreamingQuantiles],
                        failedCount: Int, failures: [SampleFailure], notes: [String]) throws(EvaluationFailure) -> Self {
        guard failedCount < samples else {
            let first = failures.first.map { describe($0, inputs: inputPaths) } ?? "none kept"
            throw EvaluationFailure("all \(samples) samples failed; first: \(first)")
        }
        var streams = streams
        for i in streams.indices where samples >= streams[i].pilotSize && !streams[i].hasBins { streams[i].layBins() }
        return UncertaintySummary(layout: layout, samples: samples, base: base, inputPaths: inputPaths,
                                  moments: moments, totals: totals, streams: streams, failedCount: failedCount,
                                  failures: failures, notes: notes)
    }

    /// "sample 17 (a.b = 3, c.d = -1): reason".
    static func describe(_ f: SampleFailure, inputs paths: [String]?) -> String {
        let values: String
        if let paths, paths.count == f.inputs.count {
            values = zip(paths, f.inputs).map { "\($0) = \($1)" }.joined(separator: ", ")
        } else {
            values = f.inputs.map { "\($0)" }.joined(separator: ", ")
        }
        return "sample \(f.index) (\(values)): \(f.reason)"
    }

    /// Writes the statistics into a result document: totals, annual, monthly (keeping each period's
    /// hours), each site's months, histograms, the standard errors and the warnings (appended).
    /// Counts are reported as whole numbers (`Stats.reported(as:)`).
    public func apply(to result: inout FleetResult) {
        func reported(_ p: FleetResult.PeriodStats, _ old: FleetResult.PeriodStats?) -> FleetResult.PeriodStats {
            var p = p.keepingCalendar(of: old)
            p.values = p.values.reported()
            return p
        }
        result.totals = totals.reported()
        let oldAnnual = result.annual, oldMonthly = result.monthly
        result.annual = annual.enumerated().map { reported($1, oldAnnual.indices.contains($0) ? oldAnnual[$0] : nil) }
        result.monthly = monthly.enumerated().map { reported($1, oldMonthly.indices.contains($0) ? oldMonthly[$0] : nil) }
        result.histograms = histograms.isEmpty ? nil : histograms
        var next = 0
        if let cohorts = result.cohorts, cohorts.count * CohortPower.valueCount <= extras.count {
            result.cohorts = cohorts.enumerated().map { c, row in
                CohortPower(id: row.id, hardware: row.hardware, site: row.site,
                            stats: Array(extras[(c * CohortPower.valueCount)..<((c + 1) * CohortPower.valueCount)]))
            }
            next = cohorts.count * CohortPower.valueCount
        }
        let months = layout.months.count, metrics = Breakdown.siteMetrics
        if var b = result.breakdown, next + b.sites.count * metrics.count * months == extras.count {
            for s in b.sites.indices {
                guard let old = b.sites[s].monthly, old.count == months else { continue }
                b.sites[s].monthly = (0..<months).map { k in
                    var p = old[k]
                    for (j, m) in metrics.enumerated() {
                        p.values[m] = extras[next + (s * metrics.count + j) * months + k].reported(as: m)
                    }
                    return p
                }
            }
            result.breakdown = b
        }
        result.diagnostics.mcStandardError = mcStandardError
        result.diagnostics.warnings += warnings
    }
}
