import Foundation

/// Fan or pump power over design power, tabulated on load ratio x ∈ [0, 2] so the
/// hourly loop needs no `pow`; above 2 it falls back to `pow`.
public struct PartLoadTable: Sendable {
    static let steps = 512
    static let xMax = 2.0
    let values: [Double]
    let minSpeed: Double, exponent: Double

    /// - Parameter tabulated: false leaves the table empty, for a law nothing will read (the
    ///   approach of a plant whose design approach is 0), saving its 513 `pow` per sample.
    public init(minSpeed: Double, exponent: Double, tabulated: Bool = true) {
        self.minSpeed = minSpeed; self.exponent = exponent
        values = !tabulated ? [] : (0...Self.steps).map {
            CoolingPhysics.partLoadPower(Double($0) * Self.xMax / Double(Self.steps), minSpeed: minSpeed, exponent: exponent)
        }
    }

    /// Linear interpolation in the table (exact at the nodes).
    @inline(__always)
    public func callAsFunction(_ x: Double) -> Double {
        values.withUnsafeBufferPointer { Self.lookup($0, x, minSpeed: minSpeed, exponent: exponent) }
    }

    /// Linear interpolation in `t` (this table's `values`), for loops that hold the storage.
    @inline(__always)
    static func lookup(_ t: UnsafeBufferPointer<Double>, _ x: Double, minSpeed: Double, exponent: Double) -> Double {
        let u = max(x, 0) * (Double(steps) / xMax)
        if u >= Double(steps) { return CoolingPhysics.partLoadPower(x, minSpeed: minSpeed, exponent: exponent) }
        let i = Int(saturating: u, in: 0...(steps - 1)), f = u - Double(i)
        return t[i] + f * (t[i + 1] - t[i])
    }

    /// `lookup` of two load ratios, lane by lane with the same operations (a lane off the
    /// table, or NaN, sends both through the scalar form).
    @inline(__always)
    static func lookup(_ t: UnsafeBufferPointer<Double>, _ x: SIMD2<Double>, minSpeed: Double, exponent: Double) -> SIMD2<Double> {
        var u = x
        u.replace(with: 0, where: x .<= 0)
        u *= Double(steps) / xMax
        guard all(u .< Double(steps)) else { return lookupEach(t, x, minSpeed: minSpeed, exponent: exponent) }
        // The integer part of each lane without a checked conversion: adding 2⁵² rounds u ∈ [0, 512)
        // to an integer held in the low bits of the mantissa; one less where that rounded up.
        let big = SIMD2<Double>(repeating: 0x1p52)
        var whole = (u + big) - big
        whole.replace(with: whole - 1, where: whole .> u)
        let index = whole + big
        let i0 = Int(truncatingIfNeeded: index[0].bitPattern & 0xFFFF), i1 = Int(truncatingIfNeeded: index[1].bitPattern & 0xFFFF)
        let f = u - whole
        let a = SIMD2(t[i0], t[i1])
        return a + f * (SIMD2(t[i0 + 1], t[i1 + 1]) - a)
    }

    @inline(never)
    private static func lookupEach(_ t: UnsafeBufferPointer<Double>, _ x: SIMD2<Double>, minSpeed: Double,
                                   exponent: Double) -> SIMD2<Double> {
        SIMD2(lookup(t, x[0], minSpeed: minSpeed, exponent: exponent), lookup(t, x[1], minSpeed: minSpeed, exponent: exponent))
    }
}
