import FleetModel

/// The totals of a result (and its sweep or sensitivity, when present) as
/// tables for `--format table|markdown|csv`.
public enum TableRenderer {
    /// True when the result's statistics carry sampled percentiles.
    public static func isSampled(_ result: FleetResult) -> Bool {
        result.run.samples > 0 && result.totals.values.contains { $0.p05 != nil }
    }

    /// Metrics that stay 0 unless an option is on (hourly CFE matching): the terminal and
    /// Markdown tables leave them out while every statistic is 0; JSON and CSV keep them.
    static let hiddenWhenZero: Set<Metric> = [.cfeMatchedHours, .loadSiteHours, .cfeHoursShare]

    /// Whole-term totals: metric, unit, base and, when sampled, P5/P50/P95.
    /// Numbers are rounded to 4 significant digits with thousands separators.
    public static func totalsTable(_ result: FleetResult) -> TextTable {
        let sampled = isSampled(result)
        var headers = ["Metric", "Unit", "Base"]
        if sampled { headers += ["P5", "P50", "P95"] }
        // One unit per group of like metrics (energies, powers, waters, carbons), chosen by the
        // group's largest value: location carbon in Mt and market carbon in kt read as a 1,000× gap.
        func magnitude(_ m: Metric) -> Double {
            result.totals[m].map { max(abs($0.base), abs($0.p95 ?? 0)) } ?? 0
        }
        let rows = Metric.allCases.compactMap { m -> [String]? in
            guard let s = result.totals[m] else { return nil }
            if hiddenWhenZero.contains(m), [s.base, s.p05, s.p50, s.p95].allSatisfy({ ($0 ?? 0) == 0 }) { return nil }
            let u = m.tableUnit(magnitude: m.unitGroup.map(magnitude).max() ?? 0)
            var row = [m.shortLabel, u.label, cell(s.base, u.factor)]
            if sampled { row += [cell(s.p05, u.factor), cell(s.p50, u.factor), cell(s.p95, u.factor)] }
            return row
        }
        return TextTable(headers: headers,
                         alignments: [.left, .left] + Array(repeating: .right, count: headers.count - 2),
                         rows: rows)
    }

    /// The totals for an 80-column terminal, under a one-line title of the run. Warnings are
    /// not part of it: the command prints them on standard error.
    public static func text(_ result: FleetResult, width: Int = 80) -> String {
        var title = "\(result.scenario.title) (\(result.scenario.id))"
        if title.count > width { title = String(title.prefix(width - 1)) + "…" }
        let sampled = isSampled(result), showTotals = showsTotals(result)
        let run = sampled
            ? "\(NumberFormat.grouped(Double(result.run.samples), decimals: 0)) samples (\(result.run.sampler)), seed \(result.run.seed)"
            : showTotals ? "deterministic: every input at its base value" : analysisLine(result)
        var out = title + "\n" + run + "\n"
        if showTotals { out += "\n" + totalsTable(result).plainText(width: width) }
        if let sweep = result.sweep {
            out += "\n" + sweepTable(sweep, sampled: sweepSampled(sweep)).plainText(width: width)
        }
        if let sensitivity = result.sensitivity {
            for m in sensitivity.rankings.keys.sorted() {
                out += "\n\(m.label), \(sensitivity.method):\n"
                out += sensitivityTable(sensitivity, metric: m).plainText(width: width)
            }
        }
        return out
    }

    /// What a sweep or sensitivity analysis evaluated, for the line under the title.
    static func analysisLine(_ result: FleetResult) -> String {
        if let sweep = result.sweep {
            let points = "sweep of \(NumberFormat.grouped(Double(sweep.rows.count), decimals: 0)) points"
            return sweepSampled(sweep)
                ? "\(points), \(NumberFormat.grouped(Double(result.run.samples), decimals: 0)) samples each, seed \(result.run.seed)"
                : "\(points), each deterministic (every other input at its base value)"
        }
        guard let s = result.sensitivity else { return "" }
        if s.method == "sobol" {
            return "Sobol indices: \(s.baseSamples.map { "N = \(NumberFormat.grouped(Double($0), decimals: 0)) base samples, " } ?? "")"
                + "\(s.bootstrap ?? 0) bootstrap resamples, seed \(result.run.seed)"
        }
        return "tornado: each uncertain input at its P10 and P90, the others at their base value"
    }

    /// True when the sweep's points carry sampled percentiles.
    static func sweepSampled(_ sweep: Sweep) -> Bool {
        sweep.rows.contains { $0.totals.values.contains { $0.p50 != nil } }
    }

    /// Whether a result's output shows its totals: a sweep or a sensitivity analysis evaluates
    /// the base case on the way, and those deterministic totals were not asked for, so only a
    /// sampled run's totals are shown with them.
    static func showsTotals(_ result: FleetResult) -> Bool {
        isSampled(result) || (result.sweep == nil && result.sensitivity == nil)
    }

    /// The tables of `text` as Markdown pipe tables: the totals, the sweep, the rankings.
    public static func markdown(_ result: FleetResult) -> String {
        var parts: [String] = []
        if showsTotals(result) { parts.append(totalsTable(result).markdown()) }
        if let sweep = result.sweep { parts.append(sweepTable(sweep, sampled: sweepSampled(sweep)).markdown()) }
        if let sensitivity = result.sensitivity {
            for m in sensitivity.rankings.keys.sorted() {
                parts.append("\(m.label), \(sensitivity.method):\n\n" + sensitivityTable(sensitivity, metric: m).markdown())
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The totals as CSV with full-precision numbers: `metric,unit,base,mean,sd,p05,p50,p95`.
    public static func csv(_ result: FleetResult) -> String {
        CSVRenderer.totals(result)
    }

    /// One row per sweep point: the varied values, then each chosen metric (base, or P50 when sampled).
    public static func sweepTable(_ sweep: Sweep, sampled: Bool) -> TextTable {
        let headers = sweep.parameters.map { String($0.split(separator: ".").suffix(2).joined(separator: ".")) }
            + sweep.metrics.map { m in "\(m.shortLabel) (\(unit(m, sweep).label))\(sampled ? " P50" : "")" }
        let rows = sweep.rows.map { row -> [String] in
            sweep.parameters.map { row.point[$0].map(CSVRenderer.humanText) ?? "" }
                + sweep.metrics.map { m in
                    guard let s = row.totals[m] else { return "" }
                    return cell(sampled ? (s.p50 ?? s.base) : s.base, unit(m, sweep).factor)
                }
        }
        return TextTable(headers: headers, alignments: Array(repeating: .right, count: headers.count), rows: rows)
    }

    /// The ranking of the inputs for one metric: tornado swings or Sobol indices.
    public static func sensitivityTable(_ s: Sensitivity, metric: Metric, limit: Int = 10) -> TextTable {
        let entries = (s.rankings[metric] ?? []).sorted { $0.rank < $1.rank }.prefix(limit)
        if s.method == "sobol" {
            let rows = entries.map { e in
                ["\(e.rank)", e.path, index(e.firstOrder, e.firstOrderCI), index(e.totalOrder, e.totalOrderCI)]
            }
            return TextTable(headers: ["Rank", "Input", "S1 (95 % CI)", "ST (95 % CI)"],
                             alignments: [.right, .left, .right, .right], rows: Array(rows))
        }
        let u = metric.tableUnit(magnitude: entries.map { max(abs($0.lowValue ?? 0), abs($0.highValue ?? 0)) }.max() ?? 0)
        let rows = entries.map { e in
            ["\(e.rank)", e.path, cell(e.lowValue, u.factor), cell(e.highValue, u.factor), cell(e.swing, u.factor)]
        }
        return TextTable(headers: ["Rank", "Input", "At P10 (\(u.label))", "At P90 (\(u.label))", "Swing (\(u.label))"],
                         alignments: [.right, .left, .right, .right, .right], rows: Array(rows))
    }

    /// Every input (`fleetwatt params`): path, value (in `style`) or distribution, unit, source.
    public static func inputsTable(_ inputs: [FleetResult.Input], style: NumberStyle = .human) -> TextTable {
        TextTable(headers: ["Path", "Value or distribution", "Unit", "Source"], alignments: [.left, .left, .left, .left],
                  rows: inputs.map { [$0.path, $0.distribution ?? NumberFormat.trimmed($0.base, style), $0.unit, $0.source] })
    }

    static func cell(_ v: Double?, _ factor: Double) -> String {
        guard let v else { return "" }
        return NumberFormat.human(v * factor)
    }

    static func unit(_ m: Metric, _ sweep: Sweep) -> (label: String, factor: Double) {
        m.tableUnit(magnitude: sweep.rows.compactMap { $0.totals[m].map { abs($0.base) } }.max() ?? 0)
    }

    static func index(_ v: Double?, _ ci: [Double]?) -> String {
        guard let v else { return "" }
        var s = NumberFormat.grouped(v, decimals: 2)
        if let ci, ci.count == 2 {
            s += " [\(NumberFormat.grouped(ci[0], decimals: 2)), \(NumberFormat.grouped(ci[1], decimals: 2))]"
        }
        return s
    }
}
