import FleetModel

/// CSV after RFC 4180: comma separated, CRLF line ends, a field quoted when it
/// holds a comma, a quote, CR or LF, with quotes doubled.
public enum CSVRenderer {
    /// One field, quoted when needed.
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// Rows of fields as a CSV document, every line ending in CRLF.
    public static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The statistics written per metric: `base` always, the rest when sampled.
    static func statistics(sampled: Bool) -> [String] {
        sampled ? ["base", "mean", "sd", "p05", "p50", "p95"] : ["base"]
    }

    static func value(_ s: Stats?, _ stat: String) -> String {
        guard let s else { return "" }
        let v: Double? = switch stat {
        case "base": s.base
        case "mean": s.mean
        case "sd": s.sd
        case "p05": s.p05
        case "p50": s.p50
        default: s.p95
        }
        return v.map(NumberFormat.machine) ?? ""
    }

    /// Whole-term totals: `metric,unit,base[,mean,sd,p05,p50,p95]`, full precision.
    public static func totals(_ result: FleetResult) -> String {
        let stats = statistics(sampled: TableRenderer.isSampled(result))
        var rows = [["metric", "unit"] + stats]
        for m in Metric.allCases {
            guard let s = result.totals[m] else { continue }
            rows.append([m.rawValue, m.unit] + stats.map { value(s, $0) })
        }
        return document(rows)
    }

    /// `series.csv`: one row per month (kind `month`, period `2026-01`) then per year
    /// (kind `year`, period `2026`), one column per metric and statistic named
    /// `METRIC.STAT` (the metric name carries its unit: `it_energy_mwh.p05`).
    public static func series(_ result: FleetResult) -> String {
        let stats = statistics(sampled: TableRenderer.isSampled(result))
        let metrics = Metric.allCases
        var rows = [["period", "kind"] + metrics.flatMap { m in stats.map { "\(m.rawValue).\($0)" } }]
        for p in result.monthly + result.annual {
            rows.append([p.period, p.isMonth ? "month" : "year"]
                        + metrics.flatMap { m in stats.map { value(p.values[m], $0) } })
        }
        return document(rows)
    }

    /// A sweep value for a machine: a number in full precision, text as it is.
    static func machineText(_ v: SweepValue) -> String {
        v.number.map(NumberFormat.machine) ?? v.description
    }

    /// A sweep value for a person: a number rounded to 4 significant digits, text as it is.
    static func humanText(_ v: SweepValue) -> String {
        v.number.map { NumberFormat.human($0) } ?? v.description
    }

    /// The header of the long ("tidy") CSV: one value per row.
    public static let longHeader = ["period_type", "period", "site", "metric", "unit", "stat", "value"]

    /// The result as a long CSV (`--format csv-long`, report's `series.long.csv`): one row per
    /// value, with `period_type` `term`, `year` or `month` so that months and years never share a
    /// `period` column untyped. `period` is `2026-01`, `2026`, or the term's first and last month
    /// (`2025-11/2032-10`); `site` is `fleet` for the whole fleet, else a site id (its term totals
    /// at base values, its months with the run's statistics); `unit` is the metric's unit.
    /// Every number at full precision (shortest round-trip form).
    public static func long(_ result: FleetResult) -> String {
        let stats = statistics(sampled: TableRenderer.isSampled(result))
        var rows = [longHeader]
        func add(_ type: String, _ period: String, _ site: String, _ values: [Metric: Stats], _ stats: [String]) {
            for m in Metric.allCases {
                guard let s = values[m] else { continue }
                for stat in stats {
                    let v = value(s, stat)
                    if !v.isEmpty { rows.append([type, period, site, m.rawValue, m.unit, stat, v]) }
                }
            }
        }
        let term = [result.monthly.first?.period, result.monthly.last?.period].compactMap { $0 }.joined(separator: "/")
        add("term", term, "fleet", result.totals, stats)
        for site in result.breakdown?.sites ?? [] {
            add("term", term, site.id, site.totals.mapValues { Stats(base: $0) }, ["base"])
        }
        for p in result.annual { add("year", p.period, "fleet", p.values, stats) }
        for p in result.monthly { add("month", p.period, "fleet", p.values, stats) }
        for site in result.breakdown?.sites ?? [] {
            for p in site.monthly ?? [] { add("month", p.period, site.id, p.values, stats) }
        }
        return document(rows)
    }

    /// A sweep as a long CSV: the varied paths, then `metric, unit, stat, value`, one value per row.
    public static func sweepLong(_ sweep: Sweep, sampled: Bool) -> String {
        let stats = statistics(sampled: sampled)
        var rows = [sweep.parameters + ["metric", "unit", "stat", "value"]]
        for r in sweep.rows {
            let point = sweep.parameters.map { r.point[$0].map(machineText) ?? "" }
            for m in sweep.metrics {
                for stat in stats {
                    let v = value(r.totals[m], stat)
                    if !v.isEmpty { rows.append(point + [m.rawValue, m.unit, stat, v]) }
                }
            }
        }
        return document(rows)
    }

    /// A sensitivity ranking as CSV, one row per metric and input in rank order (metrics in
    /// `Metric` order). Tornado: `metric,unit,rank,input,low_input,high_input,low_value,high_value,swing`
    /// (`unit` is the metric's, of the values and the swing; the inputs are in their own units).
    /// Sobol: `metric,rank,input,first_order,first_order_ci_low,first_order_ci_high,total_order,
    /// total_order_ci_low,total_order_ci_high`. Full precision.
    public static func sensitivity(_ s: Sensitivity) -> String {
        let columns = sensitivityColumns(s)
        let unit = s.method != "sobol"
        var rows = [["metric"] + (unit ? ["unit"] : []) + ["rank", "input"] + columns.map(\.name)]
        for (m, e) in rankedEntries(s) {
            rows.append([m.rawValue] + (unit ? [m.unit] : []) + ["\(e.rank)", e.path]
                        + columns.map { c in c.value(e).map(NumberFormat.machine) ?? "" })
        }
        return document(rows)
    }

    /// A sensitivity ranking as a long CSV: `metric,rank,input,stat,value`, one value per row,
    /// `stat` one of the wide form's value columns (`swing`, `first_order_ci_low`, …).
    public static func sensitivityLong(_ s: Sensitivity) -> String {
        let columns = sensitivityColumns(s)
        var rows = [["metric", "rank", "input", "stat", "value"]]
        for (m, e) in rankedEntries(s) {
            for c in columns {
                if let v = c.value(e) { rows.append([m.rawValue, "\(e.rank)", e.path, c.name, NumberFormat.machine(v)]) }
            }
        }
        return document(rows)
    }

    /// Every ranked entry, metric by metric, each metric's inputs by rank.
    static func rankedEntries(_ s: Sensitivity) -> [(Metric, SensitivityEntry)] {
        s.rankings.keys.sorted().flatMap { m in (s.rankings[m] ?? []).sorted { $0.rank < $1.rank }.map { (m, $0) } }
    }

    /// The value columns of a method: tornado's inputs, values and swing, or Sobol's indices and intervals.
    static func sensitivityColumns(_ s: Sensitivity) -> [(name: String, value: (SensitivityEntry) -> Double?)] {
        func bound(_ ci: [Double]?, _ i: Int) -> Double? { ci.flatMap { $0.count == 2 ? $0[i] : nil } }
        if s.method == "sobol" {
            return [("first_order", { $0.firstOrder }), ("first_order_ci_low", { bound($0.firstOrderCI, 0) }),
                    ("first_order_ci_high", { bound($0.firstOrderCI, 1) }), ("total_order", { $0.totalOrder }),
                    ("total_order_ci_low", { bound($0.totalOrderCI, 0) }), ("total_order_ci_high", { bound($0.totalOrderCI, 1) })]
        }
        return [("low_input", { $0.lowInput }), ("high_input", { $0.highInput }), ("low_value", { $0.lowValue }),
                ("high_value", { $0.highValue }), ("swing", { $0.swing })]
    }

    /// A sweep as CSV: the varied paths, then `METRIC.STAT` columns (base, and mean, sd,
    /// p05, p50 and p95 when the points were sampled).
    public static func sweep(_ sweep: Sweep, sampled: Bool) -> String {
        let stats = statistics(sampled: sampled)
        var rows = [sweep.parameters + sweep.metrics.flatMap { m in stats.map { "\(m.rawValue).\($0)" } }]
        for r in sweep.rows {
            rows.append(sweep.parameters.map { r.point[$0].map(machineText) ?? "" }
                        + sweep.metrics.flatMap { m in stats.map { value(r.totals[m], $0) } })
        }
        return document(rows)
    }
}
