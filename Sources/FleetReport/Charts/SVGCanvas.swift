import Foundation

/// The Okabe–Ito palette, distinguishable with every common colour-vision
/// deficiency (Okabe & Ito, "Color Universal Design", 2008).
public enum Palette {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let green = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let purple = "#CC79A7"
    /// Series colours in order of use (yellow last: weak on white).
    public static let series = [blue, orange, green, vermillion, skyBlue, purple, black, yellow]
    static let grid = "#D9D9D9"
    static let axis = "#4D4D4D"
}

/// A small SVG writer: real `<text>` elements (selectable, rendered by
/// rsvg and weasyprint), coordinates with two decimals, and no element with a
/// non-finite coordinate (such an element is dropped, never written as NaN).
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body: [String] = []
    static let font = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"

    init(width: Double = 640, height: Double = 360) { self.width = width; self.height = height }

    static func num(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(format: "%.2f", r)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func finite(_ vs: Double...) -> Bool { vs.allSatisfy(\.isFinite) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                       width w: Double = 1, dash: String? = nil) {
        guard Self.finite(x1, y1, x2, y2) else { return }
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append("<line x1=\"\(Self.num(x1))\" y1=\"\(Self.num(y1))\" x2=\"\(Self.num(x2))\" y2=\"\(Self.num(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.num(w))\"\(d)/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                       stroke: String? = nil, opacity: Double = 1) {
        guard Self.finite(x, y, w, h) else { return }
        let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"0.8\"" } ?? ""
        let o = opacity < 1 ? " fill-opacity=\"\(Self.num(opacity))\"" : ""
        body.append("<rect x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"\(Self.num(max(0, w)))\" height=\"\(Self.num(max(0, h)))\" fill=\"\(fill)\"\(o)\(s)/>")
    }

    private static func points(_ pts: [(Double, Double)]) -> String {
        pts.filter { $0.0.isFinite && $0.1.isFinite }.map { "\(num($0.0)),\(num($0.1))" }.joined(separator: " ")
    }

    mutating func polyline(_ pts: [(Double, Double)], stroke: String, width w: Double = 1.8, dash: String? = nil) {
        guard pts.count > 1 else { return }
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append("<polyline points=\"\(Self.points(pts))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.num(w))\" stroke-linejoin=\"round\"\(d)/>")
    }

    mutating func polygon(_ pts: [(Double, Double)], fill: String, opacity: Double = 1) {
        guard pts.count > 2 else { return }
        let o = opacity < 1 ? " fill-opacity=\"\(Self.num(opacity))\"" : ""
        body.append("<polygon points=\"\(Self.points(pts))\" fill=\"\(fill)\"\(o) stroke=\"none\"/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ s: String, _ x: Double, _ y: Double, size: Double = 11, anchor: Anchor = .start,
                       fill: String = "#1A1A1A", bold: Bool = false, rotate: Double? = nil) {
        guard Self.finite(x, y) else { return }
        let r = rotate.map { " transform=\"rotate(\(Self.num($0)) \(Self.num(x)) \(Self.num(y)))\"" } ?? ""
        let b = bold ? " font-weight=\"bold\"" : ""
        body.append("<text x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" font-size=\"\(Self.num(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\"\(b)\(r)>\(Self.escape(s))</text>")
    }

    /// Approximate width of `s` in pixels at `size` (DejaVu Sans averages ≈ 0.58 em).
    static func textWidth(_ s: String, size: Double = 11) -> Double { Double(s.count) * size * 0.58 }

    /// The complete document with `<title>` and `<desc>` for screen readers.
    func document(title: String, desc: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.num(width))" height="\(Self.num(height))" viewBox="0 0 \(Self.num(width)) \(Self.num(height))" role="img" aria-labelledby="title desc" font-family="\(Self.font)">
        <title id="title">\(Self.escape(title))</title>
        <desc id="desc">\(Self.escape(desc))</desc>
        <rect x="0" y="0" width="\(Self.num(width))" height="\(Self.num(height))" fill="#FFFFFF"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }
}
