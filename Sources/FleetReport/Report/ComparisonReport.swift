import Foundation
import FleetModel

/// The report of `fleetwatt compare --report DIR`: compare.md (a Markdown section with its
/// chart, in the style and with the stylesheet of `fleetwatt report`), figures/*.svg,
/// compare.json and compare.csv, staged and renamed into place like a report folder.
/// `section` is the Markdown alone, for a report that includes a comparison.
public enum ComparisonReport {
    /// The comparison as a report section: what was compared and how, the differences
    /// chart, and the table of the headline metrics. `level` is the heading level.
    public static func section(_ c: Comparison, figure: Figure?, level: Int = 1) -> String {
        let h = String(repeating: "#", count: level)
        var out = "\(h) Comparing scenarios\n\n"
        let sampled = ComparisonRenderer.isSampled(c)
        var intro = "Each variant below is evaluated "
        if sampled {
            intro += "at the same \(NumberFormat.grouped(Double(c.run.samples), decimals: 0)) Monte Carlo samples "
                + "(\(c.run.sampler), seed \(c.run.seed)) with common random numbers: every uncertain input the variants share "
                + "(\(c.sharedInputs.count) of them) takes the same sampled value in each, so the difference from "
                + "\(MarkdownText.escape(c.baseline)), taken sample by sample, shows the effect of what differs, not the noise "
                + "of two independent draws. Its P5–P95 band is that of the difference itself, not the difference of the two bands."
        } else {
            intro += "once with every input at its base value; the differences are those of the base cases."
        }
        out += intro + "\n\n"
        for v in c.variants {
            let what = v.changes.isEmpty
                ? "scenario \(MarkdownText.code(v.scenario.id)), \(MarkdownText.escape(v.scenario.title))"
                : v.changes.map(MarkdownText.code).joined(separator: ", ") + " on \(MarkdownText.code(v.scenario.id))"
            out += "- **\(MarkdownText.escape(v.name))**: \(what)\n"
        }
        out += "\n"
        if let figure { out += MarkdownText.figure(figure) + "\n" }
        let headline = c.metrics.count <= 8 ? c.metrics
            : Array((Charts.comparedMetrics(c) + c.metrics.filter { !Charts.comparedMetrics(c).contains($0) }).prefix(8))
        var shown = c
        shown.metrics = headline
        out += ComparisonRenderer.table(escaped(shown)).markdown() + "\n"
        if c.metrics.count > headline.count {
            out += "compare.csv and compare.json hold all \(c.metrics.count) compared metrics.\n\n"
        }
        for w in c.diagnostics.warnings { out += "Warning: \(MarkdownText.escape(w))\n\n" }
        return out
    }

    /// Variant names escaped for Markdown (a name is free text given on the command line).
    private static func escaped(_ c: Comparison) -> Comparison {
        var e = c
        for i in e.variants.indices { e.variants[i].name = MarkdownText.escape(e.variants[i].name) }
        for i in e.differences.indices { e.differences[i].name = MarkdownText.escape(e.differences[i].name) }
        return e
    }

    /// The `fleetwatt compare` command that makes `c` again.
    static func command(_ c: Comparison) -> String {
        func quote(_ s: String) -> String {
            s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,".contains($0) }) ? s
                : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        func scenario(_ v: Comparison.Variant) -> String {
            v.scenario.source.hasPrefix("embedded:") ? v.scenario.id : v.scenario.source
        }
        var cmd = ["fleetwatt", "compare"]
        cmd += c.variants.filter(\.changes.isEmpty).map { quote(scenario($0)) }
        for v in c.variants where !v.changes.isEmpty {
            cmd += ["--variant", quote("\(v.name.replacingOccurrences(of: ":", with: "-")):" + v.changes.joined(separator: ","))]
        }
        for o in c.run.overrides { cmd += ["--set", quote(o)] }
        cmd += ["--metric", c.metrics.map(\.rawValue).joined(separator: ","), "--samples", String(c.run.samples)]
        if c.run.samples > 0 { cmd += ["--seed", String(c.run.seed), "--sampler", c.run.sampler] }
        return (cmd + ["--report", "DIR"]).joined(separator: " ")
    }

    /// The files of the report, relative path → contents. Pure: nothing is written.
    /// - Parameter date: "YYYY-MM-DD", shown under the title.
    public static func files(for c: Comparison, date: String) throws(ReportError) -> [String: Data] {
        let json = try ResultJSON.encode(c)   // first: a non-finite number stops everything
        let figure = Charts.comparison(c)
        let names = c.variants.map(\.name).joined(separator: ", ")
        var md = "---\n"
        md += "title: \(MarkdownText.yaml("Comparison: \(names)"))\n"
        md += "subtitle: \(MarkdownText.yaml("fleetwatt \(c.tool.version) · differences from \(c.baseline)"))\n"
        md += "date: \(MarkdownText.yaml(date))\nlang: en\ncss: \(ReportStyle.fileName)\n---\n\n"
        md += section(c, figure: figure)
        md += "# How to reproduce\n\nRun, with the same version of fleetwatt (the same seed gives the same samples whatever "
            + "the number of threads):\n\n```\n" + command(c) + "\n```\n\n"
            + "compare.json (schema `fleetwatt.compare/1`, printed by `fleetwatt schema --of compare`) holds every number "
            + "of this section, compare.csv the same in long form.\n"
        var files: [String: Data] = [
            "compare.md": Data(md.utf8),
            "compare.json": json,
            "compare.csv": Data(ComparisonRenderer.csv(c).utf8),
            ReportStyle.fileName: Data(ReportStyle.css.utf8),
        ]
        if let figure { files["figures/\(figure.name).svg"] = Data(figure.svg.utf8) }
        return files
    }
}
