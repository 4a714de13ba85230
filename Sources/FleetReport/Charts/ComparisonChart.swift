import Foundation
import FleetModel

extension Charts {
    /// The headline metrics of a comparison to chart, at most `limit`.
    static func comparedMetrics(_ c: Comparison, limit: Int = 4) -> [Metric] {
        let preferred: [Metric] = [.facilityEnergy, .carbonLocation, .waterOnsite, .electricityCost]
        let chosen = preferred.filter(c.metrics.contains)
        return Array((chosen.isEmpty ? c.metrics : chosen).prefix(limit))
    }

    /// Each difference of a comparison as a share of the baseline's central value (P50 when
    /// sampled, else base): its P5–P95 band with the P50 marked, over a lighter band of the
    /// width independent sampling would give (P50 ± 1.645 √(sd_A² + sd_B²), normal approximation).
    public static func comparison(_ c: Comparison) -> Figure? {
        let metrics = comparedMetrics(c)
        guard let baseline = c.variants.first, !c.differences.isEmpty, !metrics.isEmpty else { return nil }
        struct Row { var label: String; var p05, p50, p95: Double; var independent: (Double, Double)? }
        var rows: [Row] = []
        for m in metrics {
            guard let a = baseline.totals[m] else { continue }
            let central = a.p50 ?? a.base
            guard central != 0, central.isFinite else { continue }
            let scale = 100 / abs(central)
            for d in c.differences {
                guard let s = d.totals[m] else { continue }
                let mid = (s.p50 ?? s.base) * scale
                let independent = d.sdIfIndependent[m].map { (mid - 1.645 * $0 * scale, mid + 1.645 * $0 * scale) }
                rows.append(Row(label: "\(m.shortLabel): \(d.variant)", p05: (s.p05 ?? s.base) * scale, p50: mid,
                                p95: (s.p95 ?? s.base) * scale, independent: independent))
            }
        }
        guard !rows.isEmpty else { return nil }
        let values = rows.flatMap { r in [r.p05, r.p50, r.p95] + (r.independent.map { [$0.0, $0.1] } ?? []) }
        let x = NiceScale(min: min(0, values.min()!), max: max(0, values.max()!), targetTicks: 6, includeZero: true)
        let labels = rows.map { shortPath($0.label, limit: 44) }
        var (p, height) = barFrame(labels: labels, rows: rows.count)
        var c2 = SVGCanvas(height: height)
        p.drawXAxis(&c2, x, title: "Difference from \(c.baseline), % of its \(c.run.samples > 0 ? "P50" : "base case")")
        let rowH = p.height / Double(rows.count)
        for (i, r) in rows.enumerated() {
            let yy = p.top + rowH * Double(i)
            if let (lo, hi) = r.independent {
                c2.rect(p.x(lo, x), yy + 3, p.x(hi, x) - p.x(lo, x), rowH - 6, fill: Palette.skyBlue, opacity: 0.3)
            }
            let lo = p.x(r.p05, x), hi = p.x(r.p95, x)
            c2.rect(lo, yy + 8, max(hi - lo, 1.5), rowH - 16, fill: Palette.blue)
            let mid = p.x(r.p50, x)
            c2.line(mid, yy + 4, mid, yy + rowH - 4, stroke: Palette.orange, width: 2.2)
            c2.text(labels[i], p.left - 6, yy + rowH / 2 + 3.8, size: 10.5, anchor: .end)
        }
        let zero = p.x(0, x)
        c2.line(zero, p.top - 4, zero, p.bottom, stroke: Palette.black, width: 1.2)
        PlotFrame(left: 16, top: p.top, right: p.right, bottom: p.bottom).drawLegend(&c2, [
            (label: "P5–P95 of the difference (common random numbers)", color: Palette.blue, key: .swatch),
            (label: "P50", color: Palette.orange, key: .line),
            (label: "Band if sampled independently", color: Palette.skyBlue, key: .band),
        ])
        height = 0
        let first = rows[0]
        let alt = "Differences from \(c.baseline) as a share of its central value: \(first.label) moves by "
            + "\(NumberFormat.human(first.p50, significant: 3)) % (P5 \(NumberFormat.human(first.p05, significant: 3)) %, "
            + "P95 \(NumberFormat.human(first.p95, significant: 3)) %); \(rows.count) differences shown."
        return Figure(name: "compare-differences",
                      caption: "Each variant minus \(c.baseline), sample by sample with common random numbers, as a share of "
                          + "\(c.baseline)'s central value: P5–P95 band and P50, over the wider band independent sampling would give.",
                      alt: alt, svg: c2.document(title: "Differences from \(c.baseline)", desc: alt))
    }
}
