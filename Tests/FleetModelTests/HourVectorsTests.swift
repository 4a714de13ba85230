import Testing
@testable import FleetModel

/// The four-lane loops against the scalar loops they replace, bit for bit, at every count
/// from 0 to 13 (whole lanes and every remainder), with NaN skipped by the maxima as
/// `Swift.max`'s running maximum skips it. Arrays hold one value past `count`, which must not be touched.
@Suite("HourVectors")
struct HourVectorsTests {
    static func values(_ n: Int, seed: UInt64, nan: Bool) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { i in nan && i % 5 == 3 ? .nan : Double.random(in: -2e5..<8e5, using: &g) }
    }

    @Test(arguments: 0...13)
    func addAndAddLoadEqualTheScalarLoops(count n: Int) {
        let src = Self.values(n + 1, seed: 1, nan: false), w = Self.values(n + 1, seed: 2, nan: false)
        let day = Self.values(n + 1, seed: 3, nan: false), phi = 0.83
        var dst = Self.values(n + 1, seed: 4, nan: false), expected = dst
        for i in 0..<n { expected[i] += src[i] }
        src.withUnsafeBufferPointer { s in dst.withUnsafeMutableBufferPointer { d in
            HourVectors.add(s.baseAddress!, to: d.baseAddress!, count: n)
        }}
        #expect(dst.map(\.bitPattern) == expected.map(\.bitPattern))

        for weighted in [true, false] {
            var it = Self.values(n + 1, seed: 5, nan: false), liquid = Self.values(n + 1, seed: 6, nan: false)
            var itExpected = it, liquidExpected = liquid
            for i in 0..<n {
                let v = weighted ? w[i] * day[i] : day[i]
                itExpected[i] += v; liquidExpected[i] += phi * v
            }
            w.withUnsafeBufferPointer { wp in day.withUnsafeBufferPointer { dp in
            it.withUnsafeMutableBufferPointer { ip in liquid.withUnsafeMutableBufferPointer { qp in
                HourVectors.addLoad(weight: weighted ? wp.baseAddress! : nil, day: dp.baseAddress!, count: n, phi: phi,
                                    it: ip.baseAddress!, liquid: qp.baseAddress!)
            }}}}
            #expect(it.map(\.bitPattern) == itExpected.map(\.bitPattern))
            #expect(liquid.map(\.bitPattern) == liquidExpected.map(\.bitPattern))
        }
    }

    @Test(arguments: 0...13)
    func peaksEqualTheRunningMaximum(count n: Int) {
        for nan in [false, true] {
            let it = Self.values(n + 1, seed: 7, nan: nan), liquid = Self.values(n + 1, seed: 8, nan: nan)
            var p = 1.5e5, pi = 2e5, pl = -1e5, pa = 0.0
            for i in 0..<n { p = max(p, it[i]); pi = max(pi, it[i]); pl = max(pl, liquid[i]); pa = max(pa, it[i] - liquid[i]) }
            it.withUnsafeBufferPointer { ip in liquid.withUnsafeBufferPointer { qp in
                #expect(HourVectors.peak(ip.baseAddress!, count: n, from: 1.5e5) == p)
                let q = HourVectors.peaks(it: ip.baseAddress!, liquid: qp.baseAddress!, count: n, from: (2e5, -1e5, 0))
                #expect(q.it == pi && q.liquid == pl && q.air == pa)
            }}
        }
    }
}
