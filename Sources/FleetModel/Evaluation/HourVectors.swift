/// Loops over hourly arrays four hours at a time (`SIMD4` lanes). Each element gets
/// the operations of the scalar loop, so sums are the scalar loop's bit for bit; running maxima
/// use `Swift.max`'s rule (a value replaces the maximum when it is ≥ it, so NaN is skipped) and
/// equal the scalar loop's for any finite values.
enum HourVectors {
    typealias Lanes = SIMD4<Double>

    /// `dst[i] += src[i]` for `i` in `0..<count`.
    @inline(__always)
    static func add(_ src: UnsafePointer<Double>, to dst: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 4 <= count {
            store(load(dst + i) + load(src + i), dst + i)
            i += 4
        }
        while i < count { dst[i] += src[i]; i += 1 }
    }

    /// The running maximum of `start` and `v[0..<count]`.
    @inline(__always)
    static func peak(_ v: UnsafePointer<Double>, count: Int, from start: Double) -> Double {
        var m = Lanes(repeating: start), i = 0
        while i + 4 <= count {
            let x = load(v + i)
            m.replace(with: x, where: x .>= m)
            i += 4
        }
        var p = start
        for l in 0..<4 { p = max(p, m[l]) }
        while i < count { p = max(p, v[i]); i += 1 }
        return p
    }

    /// The running maxima of IT, liquid and air (IT − liquid) power over `count` hours.
    @inline(__always)
    static func peaks(it: UnsafePointer<Double>, liquid: UnsafePointer<Double>, count: Int,
                      from start: (it: Double, liquid: Double, air: Double)) -> (it: Double, liquid: Double, air: Double) {
        var mi = Lanes(repeating: start.it), ml = Lanes(repeating: start.liquid), ma = Lanes(repeating: start.air)
        var i = 0
        while i + 4 <= count {
            let x = load(it + i), q = load(liquid + i), a = x - q
            mi.replace(with: x, where: x .>= mi)
            ml.replace(with: q, where: q .>= ml)
            ma.replace(with: a, where: a .>= ma)
            i += 4
        }
        var p = start
        for l in 0..<4 { p.it = max(p.it, mi[l]); p.liquid = max(p.liquid, ml[l]); p.air = max(p.air, ma[l]) }
        while i < count {
            p.it = max(p.it, it[i]); p.liquid = max(p.liquid, liquid[i]); p.air = max(p.air, it[i] - liquid[i])
            i += 1
        }
        return p
    }

    /// `it[i] += v` and `liquid[i] += φ·v` for `i` in `0..<count`, with v = `weight[i]·day[i]`, or
    /// v = `day[i]` without weights (a cohort's power added to its site's hours).
    @inline(__always)
    static func addLoad(weight w: UnsafePointer<Double>?, day: UnsafePointer<Double>, count: Int, phi: Double,
                        it: UnsafeMutablePointer<Double>, liquid: UnsafeMutablePointer<Double>?) {
        var i = 0
        while i + 4 <= count {
            let v = w.map { load($0 + i) * load(day + i) } ?? load(day + i)
            store(load(it + i) + v, it + i)
            if let liquid { store(load(liquid + i) + phi * v, liquid + i) }
            i += 4
        }
        while i < count {
            let v = w.map { $0[i] * day[i] } ?? day[i]
            it[i] += v
            if let liquid { liquid[i] += phi * v }
            i += 1
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> Lanes { load(UnsafePointer(p)) }

    @inline(__always)
    private static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }
}
