import Foundation
import FleetModel

/// `fleetwatt compare` output: one table of every compared metric with a row per variant and
/// per difference (variant − baseline, sample by sample), as text, Markdown or CSV, or the
/// `fleetwatt.compare/1` JSON document.
public enum ComparisonRenderer {
    /// The comparison in `format`, as the bytes to print or write.
    public static func data(_ c: Comparison, as format: OutputFormat, width: Int = 80) throws(ReportError) -> Data {
        switch format {
        case .json: return try ResultJSON.encode(c)
        case .table: return Data(text(c, width: width).utf8)
        case .markdown: return Data((heading(c).map { "\($0)\n" }.joined() + "\n" + table(c).markdown()).utf8)
        // Already one value set per row (metric, variant or difference), so the long form is the same.
        case .csv, .csvLong: return Data(csv(c).utf8)
        }
    }

    static func isSampled(_ c: Comparison) -> Bool {
        c.run.samples > 0 && c.variants.contains { $0.totals.values.contains { $0.p50 != nil } }
    }

    /// The lines above the table: what was compared and how.
    static func heading(_ c: Comparison) -> [String] {
        let run = isSampled(c)
            ? "\(NumberFormat.grouped(Double(c.run.samples), decimals: 0)) samples (\(c.run.sampler)), seed \(c.run.seed), "
                + "common random numbers over \(c.sharedInputs.count) shared uncertain inputs"
            : "deterministic: every input at its base value"
        var lines = ["Comparison of \(c.variants.count) variants; differences are variant − \(c.baseline), sample by sample", run]
        for v in c.variants {
            let what = v.changes.isEmpty ? "\(v.scenario.title) (\(v.scenario.id))" : v.changes.joined(separator: ", ")
            lines.append("  \(v.name): \(what)")
        }
        return lines
    }

    /// The table's display unit of `m`: chosen from the variants' values, shared by their differences.
    static func unit(_ m: Metric, _ c: Comparison) -> (label: String, factor: Double) {
        m.tableUnit(magnitude: c.variants.compactMap { $0.totals[m].map { max(abs($0.base), abs($0.p95 ?? 0)) } }.max() ?? 0)
    }

    /// Rows: for each metric, each variant then each difference; columns Base and, when
    /// sampled, P5, P50, P95 (of the difference itself for a difference row).
    public static func table(_ c: Comparison) -> TextTable {
        let sampled = isSampled(c)
        var headers = ["Metric", "Unit", "Variant", "Base"]
        if sampled { headers += ["P5", "P50", "P95"] }
        var rows: [[String]] = []
        for m in c.metrics {
            let u = unit(m, c)
            // A difference row is "Δ VARIANT" (variant − baseline, as the heading says), short enough not to wrap.
            let named = c.variants.map { ($0.name, $0.totals[m]) } + c.differences.map { ("Δ \($0.variant)", $0.totals[m]) }
            for (i, (name, stats)) in named.enumerated() {
                guard let s = stats else { continue }
                var row = [i == 0 ? m.shortLabel : "", i == 0 ? u.label : "", name, TableRenderer.cell(s.base, u.factor)]
                if sampled {
                    row += [TableRenderer.cell(s.p05, u.factor), TableRenderer.cell(s.p50, u.factor),
                            TableRenderer.cell(s.p95, u.factor)]
                }
                rows.append(row)
            }
        }
        return TextTable(headers: headers, alignments: [.left, .left, .left] + Array(repeating: .right, count: headers.count - 3),
                         rows: rows)
    }

    /// The heading lines and the table, for a terminal (the command prints warnings on standard error).
    public static func text(_ c: Comparison, width: Int = 80) -> String {
        heading(c).joined(separator: "\n") + "\n\n" + table(c).plainText(width: width)
    }

    /// One row per metric and variant or difference, full precision in the metric's own unit:
    /// `metric,unit,kind,name,base,mean,sd,p05,p50,p95,sd_if_independent` (kind `variant` or
    /// `difference`; the sampled columns and sd_if_independent empty when not sampled).
    public static func csv(_ c: Comparison) -> String {
        let stats = ["base", "mean", "sd", "p05", "p50", "p95"]
        var rows = [["metric", "unit", "kind", "name"] + stats + ["sd_if_independent"]]
        for m in c.metrics {
            for v in c.variants {
                rows.append([m.rawValue, m.unit, "variant", v.name] + stats.map { CSVRenderer.value(v.totals[m], $0) } + [""])
            }
            for d in c.differences {
                rows.append([m.rawValue, m.unit, "difference", d.name] + stats.map { CSVRenderer.value(d.totals[m], $0) }
                            + [d.sdIfIndependent[m].map(NumberFormat.machine) ?? ""])
            }
        }
        return CSVRenderer.document(rows)
    }
}
