import Foundation
import FleetModel

/// The report's charts, drawn from a result: each a self-contained SVG sized
/// for an A4 or Letter page (640 × 360 px viewBox, about 16 × 9 cm printed).
public enum Charts {
    /// Every chart the result has data for, in report order.
    public static func figures(for r: FleetResult) -> [Figure] {
        var out: [Figure] = []
        if let f = fleetRamp(r) { out.append(f) }
        if let f = facilityPower(r) { out.append(f) }
        if let f = pueBySite(r) { out.append(f) }
        if let f = water(r) { out.append(f) }
        if let f = cumulativeCarbon(r) { out.append(f) }
        out += sensitivity(r)
        if let f = histograms(r) { out.append(f) }
        return out
    }

    static func months(_ r: FleetResult) -> [String] { r.monthly.map(\.period) }

    static func monthName(_ period: String) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = period.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return period }
        return "\(names[m - 1]) \(parts[0])"
    }

    /// Installed units of each cohort, stacked, by month.
    public static func fleetRamp(_ r: FleetResult) -> Figure? {
        let ms = months(r)
        guard let cohorts = r.breakdown?.cohorts, !cohorts.isEmpty, ms.count > 1,
              cohorts.allSatisfy({ $0.monthlyInstalled.count == ms.count }) else { return nil }
        let n = ms.count
        var stacks: [[Double]] = []
        var running = Array(repeating: 0.0, count: n)
        for c in cohorts {
            running = zip(running, c.monthlyInstalled).map { $0 + max(0, $1) }
            stacks.append(running)
        }
        let peak = running.max() ?? 0
        let thousands = peak >= 10_000
        let f = thousands ? 1e-3 : 1
        let y = NiceScale(min: 0, max: peak * f, includeZero: true)
        var c = SVGCanvas()
        let p = PlotFrame()
        p.drawYAxis(&c, y, title: thousands ? "Installed units (thousands)" : "Installed units")
        for (i, top) in stacks.enumerated() {
            let below = i == 0 ? Array(repeating: 0.0, count: n) : stacks[i - 1]
            let upper = (0..<n).map { (p.month($0, of: n), p.y(top[$0] * f, y)) }
            let lower = (0..<n).reversed().map { (p.month($0, of: n), p.y(below[$0] * f, y)) }
            c.polygon(upper + lower, fill: Palette.series[i % Palette.series.count], opacity: 0.85)
        }
        p.drawMonthAxis(&c, months: ms)
        p.drawLegend(&c, cohorts.enumerated().map { i, co in
            ("\(co.id) (\(co.hardware), \(co.site))", Palette.series[i % Palette.series.count], .swatch)
        })
        let full = running.firstIndex { $0 >= 0.99 * peak } ?? n - 1
        let alt = "Stacked areas of installed units by cohort; the fleet reaches \(NumberFormat.human(peak, significant: 3)) units "
            + "(GPUs and CPU servers) by \(monthName(ms[full])) and holds about that level to \(monthName(ms[n - 1]))."
        return Figure(name: "fleet-ramp", caption: "Fleet ramp: installed units of each cohort, stacked, at the end of each month.",
                      alt: alt, svg: c.document(title: "Fleet ramp by cohort", desc: alt))
    }

    /// Average facility power by month with its P5–P95 band.
    public static func facilityPower(_ r: FleetResult) -> Figure? {
        let ms = months(r)
        let stats = r.monthly.compactMap { $0.values[.averageFacilityPower] }
        guard ms.count > 1, stats.count == ms.count else { return nil }
        let n = ms.count
        let sampled = stats.allSatisfy { $0.p05 != nil && $0.p95 != nil }
        let top = stats.map { max($0.base, $0.p95 ?? $0.base) }.max() ?? 0
        let u = DisplayUnit.of(.averageFacilityPower, magnitude: top)
        let y = NiceScale(min: 0, max: top * u.factor, includeZero: true)
        var c = SVGCanvas()
        let p = PlotFrame()
        p.drawYAxis(&c, y, title: "Average facility power (\(u.label))")
        if sampled {
            let upper = (0..<n).map { (p.month($0, of: n), p.y(stats[$0].p95! * u.factor, y)) }
            let lower = (0..<n).reversed().map { (p.month($0, of: n), p.y(stats[$0].p05! * u.factor, y)) }
            c.polygon(upper + lower, fill: Palette.blue, opacity: 0.22)
            c.polyline((0..<n).map { (p.month($0, of: n), p.y((stats[$0].p50 ?? stats[$0].base) * u.factor, y)) },
                       stroke: Palette.orange, width: 1.8, dash: "5 3")
        }
        c.polyline((0..<n).map { (p.month($0, of: n), p.y(stats[$0].base * u.factor, y)) }, stroke: Palette.blue, width: 2.2)
        p.drawMonthAxis(&c, months: ms)
        var legend: [(String, String, PlotFrame.Key)] = [("Base case", Palette.blue, .line)]
        if sampled { legend += [("Median (P50)", Palette.orange, .dashed), ("P5–P95 band", Palette.blue, .band)] }
        p.drawLegend(&c, legend.map { (label: $0.0, color: $0.1, key: $0.2) })
        let k = stats.indices.max { stats[$0].base < stats[$1].base } ?? 0
        var alt = "Average facility power by month; the base case peaks at \(u.format(stats[k].base)) in \(monthName(ms[k]))"
        if sampled { alt += ", with a P5–P95 range of \(u.format(stats[k].p05!))–\(u.format(stats[k].p95!)) that month" }
        alt += "."
        return Figure(name: "facility-power",
                      caption: sampled ? "Average facility power by month: base case, median and 5th–95th percentile band."
                                       : "Average facility power by month (base case).",
                      alt: alt, svg: c.document(title: "Facility power by month", desc: alt))
    }

    /// Energy-weighted PUE of each site, and of the fleet, by month.
    public static func pueBySite(_ r: FleetResult) -> Figure? {
        let ms = months(r)
        let n = ms.count
        guard n > 1, let sites = r.breakdown?.sites, !sites.isEmpty,
              sites.allSatisfy({ $0.monthlyPUE.count == n }) else { return nil }
        let fleet = r.monthly.map { $0.values[.pue]?.base ?? .nan }
        let all = sites.flatMap { $0.monthlyPUE.compactMap { $0 } } + fleet.filter { $0.isFinite && $0 > 0 }
        let y = NiceScale(min: all.min() ?? 1, max: all.max() ?? 1.2, targetTicks: 5)
        var c = SVGCanvas()
        let p = PlotFrame()
        p.drawYAxis(&c, y, title: "PUE (facility ÷ IT energy)")
        for (i, s) in sites.enumerated() {
            // Months without load have no PUE; the line starts when the site does.
            c.polyline((0..<n).compactMap { k in s.monthlyPUE[k].map { (p.month(k, of: n), p.y($0, y)) } },
                       stroke: Palette.series[i % Palette.series.count], width: 2)
        }
        if fleet.allSatisfy(\.isFinite) {
            c.polyline((0..<n).map { (p.month($0, of: n), p.y(fleet[$0], y)) }, stroke: Palette.black, width: 1.5, dash: "5 3")
        }
        p.drawMonthAxis(&c, months: ms)
        var legend = sites.enumerated().map { i, s in
            (label: "\(s.id) (\(s.cooling))", color: Palette.series[i % Palette.series.count], key: PlotFrame.Key.line)
        }
        if fleet.allSatisfy(\.isFinite) { legend.append((label: "Fleet", color: Palette.black, key: .dashed)) }
        p.drawLegend(&c, legend)
        let ranges = sites.map { s in
            let values = s.monthlyPUE.compactMap { $0 }
            return values.isEmpty ? "\(s.id) no load"
                : "\(s.id) \(NumberFormat.grouped(values.min()!, decimals: 2))–\(NumberFormat.grouped(values.max()!, decimals: 2))"
        }
        let alt = "Monthly PUE by site, higher in summer when cooling works harder: " + ranges.joined(separator: "; ") + "."
        return Figure(name: "pue-by-site", caption: "PUE by site and month (energy-weighted, base case); the dashed line is the fleet.",
                      alt: alt, svg: c.document(title: "PUE by site and month", desc: alt))
    }

    /// Cumulative emissions: location-based, market-based (scope 2) and embodied (scope 3).
    public static func cumulativeCarbon(_ r: FleetResult) -> Figure? {
        let ms = months(r)
        let n = ms.count
        let metrics: [(Metric, String, String)] = [
            (.carbonLocation, "Location-based (scope 2)", Palette.vermillion),
            (.carbonMarket, "Market-based (scope 2)", Palette.blue),
            (.carbonEmbodied, "Embodied (scope 3)", Palette.green),
        ]
        var series: [[Double]] = []
        for (m, _, _) in metrics {
            let v = r.monthly.map { $0.values[m]?.base }
            guard n > 1, v.allSatisfy({ $0 != nil }) else { return nil }
            var acc = 0.0
            series.append(v.map { acc += $0!; return acc })
        }
        let top = series.map { $0.last ?? 0 }.max() ?? 0
        let u = DisplayUnit.of(.carbonLocation, magnitude: top)
        let y = NiceScale(min: 0, max: top * u.factor, includeZero: true)
        var c = SVGCanvas()
        let p = PlotFrame()
        p.drawYAxis(&c, y, title: "Cumulative emissions (\(u.label))")
        for (i, s) in series.enumerated() {
            c.polyline((0..<n).map { (p.month($0, of: n), p.y(s[$0] * u.factor, y)) }, stroke: metrics[i].2, width: 2.2,
                       dash: i == 2 ? "6 3" : nil)
        }
        p.drawMonthAxis(&c, months: ms)
        p.drawLegend(&c, metrics.enumerated().map { i, m in (label: m.1, color: m.2, key: i == 2 ? .dashed : .line) })
        let alt = "Cumulative emissions over the term (base case): location-based \(u.format(series[0].last!)), "
            + "market-based \(u.format(series[1].last!)), embodied \(u.format(series[2].last!)) by \(monthName(ms[n - 1]))."
        return Figure(name: "cumulative-carbon",
                      caption: "Cumulative carbon emissions: location-based and market-based electricity (scope 2) and embodied hardware emissions (scope 3), base case.",
                      alt: alt, svg: c.document(title: "Cumulative carbon", desc: alt))
    }

    /// On-site and off-site water by month, stacked.
    public static func water(_ r: FleetResult) -> Figure? {
        let ms = months(r)
        let n = ms.count
        let on = r.monthly.map { $0.values[.waterOnsite]?.base }
        let off = r.monthly.map { $0.values[.waterOffsite]?.base }
        guard n > 1, on.allSatisfy({ $0 != nil }), off.allSatisfy({ $0 != nil }) else { return nil }
        let onV = on.map { max(0, $0!) }, total = zip(onV, off).map { $0 + max(0, $1!) }
        let top = total.max() ?? 0
        let u = DisplayUnit.of(.waterOnsite, magnitude: top)
        let y = NiceScale(min: 0, max: top * u.factor, includeZero: true)
        var c = SVGCanvas()
        let p = PlotFrame()
        p.drawYAxis(&c, y, title: "Water per month (\(u.label))")
        let zero = (0..<n).reversed().map { (p.month($0, of: n), p.bottom) }
        let onTop = (0..<n).map { (p.month($0, of: n), p.y(onV[$0] * u.factor, y)) }
        c.polygon(onTop + zero, fill: Palette.blue, opacity: 0.9)
        let totalTop = (0..<n).map { (p.month($0, of: n), p.y(total[$0] * u.factor, y)) }
        c.polygon(totalTop + onTop.reversed(), fill: Palette.skyBlue, opacity: 0.75)
        p.drawMonthAxis(&c, months: ms)
        p.drawLegend(&c, [(label: "On-site (cooling towers, evaporation and blowdown)", color: Palette.blue, key: .swatch),
                          (label: "Off-site (water used to generate the electricity)", color: Palette.skyBlue, key: .swatch)])
        let onTotal = onV.reduce(0, +), offTotal = off.map { $0! }.reduce(0, +)
        let tu = DisplayUnit.of(.waterOnsite, magnitude: max(onTotal, offTotal))
        let alt = "Water by month, stacked; over the term \(tu.format(onTotal)) on-site and \(tu.format(offTotal)) off-site (base case)."
        return Figure(name: "water", caption: "Water consumption by month: on-site and off-site (grid generation), stacked, base case.",
                      alt: alt, svg: c.document(title: "Water by month", desc: alt))
    }

    /// `sites.us-east-2.cooling.chiller_cop_fraction_of_carnot` → a label of at most `limit` characters.
    static func shortPath(_ path: String, limit: Int = 38) -> String {
        if path.count <= limit { return path }
        var parts = path.split(separator: ".").map(String.init)
        while parts.count > 1 && parts.joined(separator: ".").count + 2 > limit { parts.removeFirst() }
        let s = "…" + parts.joined(separator: ".")
        if s.count <= limit { return s }
        return String(s.prefix(limit / 2)) + "…" + String(s.suffix(limit - limit / 2 - 1))
    }

    /// The metrics to chart a ranking for: the headline ones first, at most `limit`.
    static func rankedMetrics(_ s: Sensitivity, limit: Int = 2) -> [Metric] {
        let preferred: [Metric] = [.facilityEnergy, .carbonLocation, .electricityCost, .waterOnsite]
        let have = Set(s.rankings.filter { !$0.value.isEmpty }.keys)
        return Array((preferred.filter(have.contains) + have.subtracting(preferred).sorted()).prefix(limit))
    }

    /// A tornado or Sobol chart for each of the headline ranked metrics.
    public static func sensitivity(_ r: FleetResult) -> [Figure] {
        guard let s = r.sensitivity else { return [] }
        return rankedMetrics(s).compactMap { m in
            s.method == "sobol" ? sobol(s, metric: m) : tornado(s, metric: m, base: r.totals[m]?.base)
        }
    }

    static func barFrame(labels: [String], rows: Int, bottomSpace: Double = 52) -> (PlotFrame, Double) {
        let widest = labels.map { SVGCanvas.textWidth($0, size: 10.5) }.max() ?? 60
        var p = PlotFrame()
        p.left = min(300, max(90, widest + 16))
        p.top = 46
        let rowHeight = 26.0
        p.bottom = p.top + rowHeight * Double(rows)
        return (p, p.bottom + bottomSpace)
    }

    /// Horizontal bars from the base value to the metric with each input at its P10 and P90.
    public static func tornado(_ s: Sensitivity, metric m: Metric, base: Double?, limit: Int = 8) -> Figure? {
        let entries = (s.rankings[m] ?? []).filter { $0.lowValue != nil && $0.highValue != nil }
            .sorted { $0.rank < $1.rank }.prefix(limit)
        guard !entries.isEmpty else { return nil }
        let baseValue = base ?? (entries.map { ($0.lowValue! + $0.highValue!) / 2 }.reduce(0, +) / Double(entries.count))
        let values = entries.flatMap { [$0.lowValue!, $0.highValue!] } + [baseValue]
        let u = DisplayUnit.of(m, magnitude: values.map(abs).max() ?? 0)
        let x = NiceScale(min: values.min()! * u.factor, max: values.max()! * u.factor, targetTicks: 6)
        let labels = entries.map { shortPath($0.path) }
        var (p, height) = barFrame(labels: labels, rows: entries.count)
        var c = SVGCanvas(height: height)
        p.drawXAxis(&c, x, title: "\(m.label) (\(u.label))")
        let rowH = p.height / Double(entries.count)
        let bx = p.x(baseValue * u.factor, x)
        for (i, e) in entries.enumerated() {
            let yy = p.top + rowH * Double(i)
            let lo = p.x(e.lowValue! * u.factor, x), hi = p.x(e.highValue! * u.factor, x)
            c.rect(min(bx, lo), yy + 4, abs(lo - bx), rowH - 8, fill: Palette.blue)
            c.rect(min(bx, hi), yy + 4, abs(hi - bx), rowH - 8, fill: Palette.orange)
            c.text(labels[i], p.left - 6, yy + rowH / 2 + 3.8, size: 10.5, anchor: .end)
        }
        c.line(bx, p.top - 4, bx, p.bottom, stroke: Palette.black, width: 1.4)
        PlotFrame(left: 16, top: p.top, right: p.right, bottom: p.bottom).drawLegend(&c, [(label: "Input at its P10", color: Palette.blue, key: .swatch),
                          (label: "Input at its P90", color: Palette.orange, key: .swatch),
                          (label: "Base case \(u.format(baseValue))", color: Palette.black, key: .line)])
        height = 0
        let first = entries.first!
        let alt = "Tornado chart of \(m.label.lowercased()): \(first.path) moves it most, from \(u.format(first.lowValue!)) "
            + "to \(u.format(first.highValue!)); \(entries.count) inputs shown, each swung from its P10 to its P90 with the others at base."
        return Figure(name: "tornado-\(m.rawValue)",
                      caption: "Tornado chart of \(m.label.lowercased()): each input at its 10th and 90th percentile, the others at base.",
                      alt: alt, svg: c.document(title: "Tornado chart, \(m.label)", desc: alt))
    }

    /// First-order and total Sobol indices with their 95 % bootstrap intervals.
    public static func sobol(_ s: Sensitivity, metric m: Metric, limit: Int = 8) -> Figure? {
        let entries = (s.rankings[m] ?? []).filter { $0.firstOrder != nil && $0.totalOrder != nil }
            .sorted { $0.rank < $1.rank }.prefix(limit)
        guard !entries.isEmpty else { return nil }
        var highs: [Double] = [], lows: [Double] = []
        for e in entries {
            highs += [e.totalOrder!, e.firstOrder!] + (e.totalOrderCI ?? []) + (e.firstOrderCI ?? [])
            lows += [e.firstOrder!, e.totalOrder!] + (e.totalOrderCI ?? []) + (e.firstOrderCI ?? [])
        }
        let x = NiceScale(min: min(0, lows.min()!), max: max(highs.max()!, 0.1), targetTicks: 5, includeZero: true)
        let labels = entries.map { shortPath($0.path) }
        var (p, height) = barFrame(labels: labels, rows: entries.count)
        var c = SVGCanvas(height: height)
        p.drawXAxis(&c, x, title: "Sobol index of \(m.label.lowercased()) (share of variance)")
        let rowH = p.height / Double(entries.count)
        let x0 = p.x(0, x)
        for (i, e) in entries.enumerated() {
            let yy = p.top + rowH * Double(i)
            let bars: [(Double, [Double]?, String, Double)] = [(e.firstOrder!, e.firstOrderCI, Palette.blue, yy + 3),
                                                               (e.totalOrder!, e.totalOrderCI, Palette.orange, yy + rowH / 2)]
            for (v, ci, color, barTop) in bars {
                let xv: Double = p.x(v, x)
                c.rect(Swift.min(x0, xv), barTop, Swift.abs(xv - x0), rowH / 2 - 3, fill: color)
                if let ci, ci.count == 2 {
                    let mid: Double = barTop + (rowH / 2 - 3) / 2
                    c.line(p.x(ci[0], x), mid, p.x(ci[1], x), mid, stroke: Palette.black, width: 1.2)
                    for b in ci { c.line(p.x(b, x), mid - 3, p.x(b, x), mid + 3, stroke: Palette.black, width: 1.2) }
                }
            }
            c.text(labels[i], p.left - 6, yy + rowH / 2 + 3.8, size: 10.5, anchor: .end)
        }
        c.line(x0, p.top, x0, p.bottom, stroke: Palette.axis)
        PlotFrame(left: 16, top: p.top, right: p.right, bottom: p.bottom).drawLegend(&c, [(label: "First-order S1", color: Palette.blue, key: .swatch),
                          (label: "Total-order ST", color: Palette.orange, key: .swatch),
                          (label: "95 % bootstrap interval", color: Palette.black, key: .line)])
        height = 0
        let first = entries.first!
        let alt = "Sobol indices of \(m.label.lowercased()): \(first.path) explains the largest share of its variance "
            + "(S1 \(NumberFormat.grouped(first.firstOrder!, decimals: 2)), ST \(NumberFormat.grouped(first.totalOrder!, decimals: 2)))."
        return Figure(name: "sobol-\(m.rawValue)",
                      caption: "Sobol sensitivity indices of \(m.label.lowercased()): first-order (alone) and total (with interactions), with 95 % bootstrap intervals.",
                      alt: alt, svg: c.document(title: "Sobol indices, \(m.label)", desc: alt))
    }

    /// Histograms of up to four headline totals, in a 2 × 2 grid, with P5, P50 and P95 marked.
    public static func histograms(_ r: FleetResult) -> Figure? {
        guard let hs = r.histograms, !hs.isEmpty else { return nil }
        let preferred: [Metric] = [.facilityEnergy, .carbonLocation, .waterOnsite, .electricityCost]
        let chosen = Array((preferred.filter { hs[$0] != nil } + hs.keys.filter { !preferred.contains($0) }.sorted())
            .filter { hs[$0]!.edges.count == hs[$0]!.counts.count + 1 && hs[$0]!.counts.count > 0 }.prefix(4))
        guard !chosen.isEmpty else { return nil }
        let rows = (chosen.count + 1) / 2
        var c = SVGCanvas(height: 40 + 190 * Double(rows))
        var notes: [String] = []
        for (i, m) in chosen.enumerated() {
            let h = hs[m]!
            let u = DisplayUnit.of(m, magnitude: h.edges.map(abs).max() ?? 0)
            let col = Double(i % 2), row = Double(i / 2)
            var p = PlotFrame()
            p.left = 62 + col * 320; p.right = p.left + 240
            p.top = 44 + row * 190; p.bottom = p.top + 110
            let x = NiceScale(min: h.edges.first! * u.factor, max: h.edges.last! * u.factor, targetTicks: 3)
            let y = NiceScale(min: 0, max: Double(h.counts.max() ?? 1), targetTicks: 3, includeZero: true)
            p.drawYAxis(&c, y, title: "")
            p.drawXAxis(&c, x, title: "")
            c.text("\(m.label) (\(u.label))", (p.left + p.right) / 2, p.bottom + 34, size: 11, anchor: .middle, fill: Palette.axis)
            c.text("Samples", p.left - 40, (p.top + p.bottom) / 2, size: 10.5, anchor: .middle, fill: Palette.axis, rotate: -90)
            for (k, count) in h.counts.enumerated() {
                let x0 = p.x(h.edges[k] * u.factor, x), x1 = p.x(h.edges[k + 1] * u.factor, x)
                let y0 = p.y(Double(count), y)
                c.rect(x0, y0, x1 - x0, p.bottom - y0, fill: Palette.skyBlue, stroke: "#FFFFFF")
            }
            if let s = r.totals[m], let p05 = s.p05, let p50 = s.p50, let p95 = s.p95 {
                for (v, dash) in [(p05, "4 3"), (p50, nil), (p95, "4 3")] as [(Double, String?)] {
                    c.line(p.x(v * u.factor, x), p.top, p.x(v * u.factor, x), p.bottom, stroke: Palette.vermillion,
                           width: 1.6, dash: dash)
                }
                notes.append("\(m.label) P5–P95 \(u.format(p05))–\(u.format(p95))")
            }
        }
        let legend = PlotFrame(left: 62, top: 44, right: 620, bottom: 0)
        legend.drawLegend(&c, [(label: "Samples per bin", color: Palette.skyBlue, key: .swatch),
                               (label: "P50", color: Palette.vermillion, key: .line),
                               (label: "P5 and P95", color: Palette.vermillion, key: .dashed)])
        let n = r.run.samples
        let alt = "Histograms of \(NumberFormat.grouped(Double(n), decimals: 0)) sampled totals"
            + (notes.isEmpty ? "." : ": " + notes.joined(separator: "; ") + ".")
        return Figure(name: "histograms",
                      caption: "Distributions of headline totals over the Monte Carlo samples, with the 5th, 50th and 95th percentiles.",
                      alt: alt, svg: c.document(title: "Histograms of headline totals", desc: alt))
    }
}
