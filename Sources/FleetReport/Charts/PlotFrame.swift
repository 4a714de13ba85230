import Foundation

/// The plot region of a chart and the drawing of its axes, grid and legend.
struct PlotFrame {
    var left: Double = 74
    var top: Double = 46
    var right: Double = 622
    var bottom: Double = 308

    var width: Double { right - left }
    var height: Double { bottom - top }

    func y(_ v: Double, _ s: NiceScale) -> Double { s.map(v, from: bottom, to: top) }
    func x(_ v: Double, _ s: NiceScale) -> Double { s.map(v, from: left, to: right) }

    /// x of month `k` of `n` (first month at the left edge, last at the right).
    func month(_ k: Int, of n: Int) -> Double { left + width * Double(k) / Double(max(1, n - 1)) }

    /// Horizontal grid lines with tick labels, and the rotated y-axis title.
    func drawYAxis(_ c: inout SVGCanvas, _ s: NiceScale, title: String) {
        for t in s.ticks {
            let yy = y(t, s)
            c.line(left, yy, right, yy, stroke: Palette.grid, width: 0.8)
            c.text(s.label(t), left - 6, yy + 3.8, size: 10.5, anchor: .end, fill: Palette.axis)
        }
        c.line(left, top, left, bottom, stroke: Palette.axis)
        c.text(title, 16, (top + bottom) / 2, size: 11.5, anchor: .middle, fill: Palette.axis, rotate: -90)
    }

    /// Vertical grid lines with tick labels, and the x-axis title.
    func drawXAxis(_ c: inout SVGCanvas, _ s: NiceScale, title: String) {
        for t in s.ticks {
            let xx = x(t, s)
            c.line(xx, top, xx, bottom, stroke: Palette.grid, width: 0.8)
            c.text(s.label(t), xx, bottom + 15, size: 10.5, anchor: .middle, fill: Palette.axis)
        }
        c.line(left, bottom, right, bottom, stroke: Palette.axis)
        c.text(title, (left + right) / 2, bottom + 36, size: 11.5, anchor: .middle, fill: Palette.axis)
    }

    /// A time axis over `months` ("YYYY-MM"): a tick at each January labelled with its year.
    func drawMonthAxis(_ c: inout SVGCanvas, months: [String]) {
        c.line(left, bottom, right, bottom, stroke: Palette.axis)
        let n = months.count
        let januaries = months.indices.filter { months[$0].hasSuffix("-01") }
        let every = max(1, Int((Double(januaries.count) * 40 / width).rounded(.up)))
        for (i, k) in januaries.enumerated() {
            let xx = month(k, of: n)
            c.line(xx, bottom, xx, bottom + 5, stroke: Palette.axis)
            if i % every == 0 {
                c.text(String(months[k].prefix(4)), xx, bottom + 17, size: 10.5, anchor: .middle, fill: Palette.axis)
            }
        }
        c.text("Year (ticks at 1 January)", (left + right) / 2, bottom + 38, size: 11.5, anchor: .middle,
               fill: Palette.axis)
    }

    enum Key { case swatch, line, dashed, band }

    /// A legend in rows above the plot region.
    func drawLegend(_ c: inout SVGCanvas, _ items: [(label: String, color: String, key: Key)]) {
        var xx = left, yy = 18.0
        for item in items {
            let w = 26 + SVGCanvas.textWidth(item.label, size: 11) + 16
            if xx + w > right && xx > left { xx = left; yy += 16 }
            switch item.key {
            case .swatch: c.rect(xx, yy - 9, 18, 10, fill: item.color)
            case .band: c.rect(xx, yy - 9, 18, 10, fill: item.color, opacity: 0.3)
            case .line: c.line(xx, yy - 4, xx + 18, yy - 4, stroke: item.color, width: 2.2)
            case .dashed: c.line(xx, yy - 4, xx + 18, yy - 4, stroke: item.color, width: 2.2, dash: "5 3")
            }
            c.text(item.label, xx + 24, yy, size: 11)
            xx += w
        }
    }
}
