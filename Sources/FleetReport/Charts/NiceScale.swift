import Foundation

/// Axis ticks at "nice" round values (1, 2, 2.5 or 5 × 10^k) that cover the data,
/// after Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
public struct NiceScale: Sendable, Equatable {
    /// Axis ends: `lo ≤ data minimum`, `hi ≥ data maximum`, both multiples of `step`.
    public let lo: Double
    public let hi: Double
    public let step: Double

    /// - Parameters:
    ///   - min, max: the data range (any order; equal values get a unit-wide range).
    ///   - targetTicks: about how many intervals to aim for.
    ///   - includeZero: extend the range to 0 (for quantities measured from zero).
    public init(min a: Double, max b: Double, targetTicks: Int = 5, includeZero: Bool = false) {
        var lower = Swift.min(a, b), upper = Swift.max(a, b)
        if !lower.isFinite || !upper.isFinite { lower = 0; upper = 1 }
        if includeZero { lower = Swift.min(lower, 0); upper = Swift.max(upper, 0) }
        if upper - lower < 1e-12 * Swift.max(1, abs(upper)) {
            let pad = upper == 0 ? 1 : abs(upper) * 0.1
            lower -= pad; upper += pad
            if includeZero && a >= 0 && b >= 0 { lower = Swift.max(lower, 0) }
        }
        let raw = (upper - lower) / Double(Swift.max(1, targetTicks))
        let s = NiceScale.niceStep(raw)
        step = s
        // The tolerance absorbs rounding noise (0.30000000000000004 / 0.1), never a whole step.
        lo = (lower / s + 1e-9).rounded(.down) * s
        hi = (upper / s - 1e-9).rounded(.up) * s
    }

    /// The smallest of 1, 2, 2.5, 5, 10 × 10^k not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let exponent = floor(log10(raw))
        let base = pow(10, exponent)
        let fraction = raw / base
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * base
    }

    /// The tick values from `lo` to `hi`, rounded to the step's precision.
    public var ticks: [Double] {
        let n = Int(((hi - lo) / step).rounded())
        let digits = Swift.max(0, decimals + 1)
        let scale = pow(10, Double(digits))
        return (0...n).map { i in
            let v = lo + Double(i) * step
            let r = (v * scale).rounded() / scale
            return r == 0 ? 0 : r
        }
    }

    /// Decimals needed to print the ticks exactly (0.25 → 2, 50 → 0).
    public var decimals: Int {
        var d = 0
        while d < 10 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, scaled) { break }
            d += 1
        }
        return d
    }

    /// A tick label with thousands separators and just enough decimals.
    public func label(_ v: Double) -> String { NumberFormat.grouped(v, decimals: decimals) }

    /// Maps `v` in [lo, hi] linearly onto [from, to] (pixels).
    public func map(_ v: Double, from: Double, to: Double) -> Double {
        from + (v - lo) / (hi - lo) * (to - from)
    }
}
