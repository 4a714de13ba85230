import Foundation

/// How a table writes its numbers: rounded with thousands separators for people (terminal,
/// Markdown), or plain at full precision for machines (CSV).
public enum NumberStyle: Sendable, Hashable {
    case human, machine
}

/// Number formatting for people (tables, report text, chart ticks) and for
/// machines (CSV). Independent of the locale: "," groups thousands, "." is the
/// decimal point.
public enum NumberFormat {
    /// `value` rounded to `significant` digits, with thousands separators:
    /// 41234567 → "41,230,000", 1.18342 → "1.183", 0.07123 → "0.07123".
    public static func human(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let factor = pow(10.0, Double(significant - 1 - magnitude))
        let rounded = (value * factor).rounded() / factor
        // Near the ends of the double range (1e-320: the factor overflows) scientific notation.
        guard factor.isFinite, rounded.isFinite, rounded != 0 else { return String(format: "%.\(significant)g", value) }
        // Rounding may carry into the next power of ten (999.95 → 1,000).
        let decimals = max(0, significant - 1 - Int(floor(log10(abs(rounded)))))
        return grouped(rounded, decimals: decimals)
    }

    /// `value` with a fixed number of decimals and thousands separators in the integer part.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groupedInt = ""
        while integer.count > 3 {
            groupedInt = "," + integer.suffix(3) + groupedInt
            integer = String(integer.dropLast(3))
        }
        groupedInt = integer + groupedInt
        let body = parts.count > 1 ? groupedInt + "." + parts[1] : groupedInt
        let isZero = Double(text) == 0
        return (value < 0 && !isZero ? "−" : "") + body
    }

    /// Shortest text that reads back as the same Double, without a trailing ".0"
    /// and without exponent for ordinary magnitudes: for CSV and notebooks.
    public static func machine(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// `value` to `significant` digits without padding zeros: 40000 → "40,000", 0.33 → "0.33".
    public static func trimmed(_ value: Double, significant: Int = 6) -> String {
        var s = human(value, significant: significant)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// `value` in `style`: `grouped(value, decimals:)` for people, `machine(value)` for CSV.
    public static func text(_ value: Double, decimals: Int, _ style: NumberStyle) -> String {
        style == .machine ? machine(value) : grouped(value, decimals: decimals)
    }

    /// `value` in `style`: `trimmed(value)` for people, `machine(value)` for CSV.
    public static func trimmed(_ value: Double, _ style: NumberStyle) -> String {
        style == .machine ? machine(value) : trimmed(value)
    }

    /// A percentage with `decimals` decimals: 0.0712 → "7.1 %".
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        grouped(fraction * 100, decimals: decimals) + " %"
    }
}
