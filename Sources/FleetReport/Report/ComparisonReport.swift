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
        let headline = Charts.comparedMetrics(c, limit: 8)
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
        md += "# How to reproduce\n\ncompare.json (schema `fleetwatt.compare/1`, printed by `fleetwatt schema --of compare`) "
            + "holds every number of this section; compare.csv the same in long form. Run the same `fleetwatt compare` "
            + "command with `--samples \(c.run.samples) --seed \(c.run.seed) --sampler \(c.run.sampler)`; "
            + "the same seed gives the same samples whatever the number of threads.\n"
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
