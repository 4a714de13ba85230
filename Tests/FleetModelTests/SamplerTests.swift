import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("Samplers")
struct SamplerTests {
    /// Point i must not depend on which points the cursor produced before.
    @Test(arguments: [SamplerKind.random, .lhs, .sobol])
    func pointDependsOnlyOnSeedAndIndex(kind: SamplerKind) throws {
        let n = 300, k = 5
        func points(order: [Int]) -> [[Double]] {
            var out = [[Double]](repeating: [], count: n)
            switch kind {
            case .sobol:
                let s = SobolSampler(dimension: k, seed: 42)
                var c = s.makeCursor(); var u = [Double](repeating: 0, count: k)
                for i in order { s.point(i, cursor: &c, into: &u); out[i] = u }
            case .random:
                let s = RandomSampler(dimension: k, seed: 42)
                var c = s.makeCursor(); var u = [Double](repeating: 0, count: k)
                for i in order { s.point(i, cursor: &c, into: &u); out[i] = u }
            default:
                let s = LatinHypercubeSampler(dimension: k, samples: n, seed: 42)
                var c = s.makeCursor(); var u = [Double](repeating: 0, count: k)
                for i in order { s.point(i, cursor: &c, into: &u); out[i] = u }
            }
            return out
        }
        let forward = points(order: Array(0..<n))
        let backward = points(order: Array(0..<n).reversed())
        // Strided, as a worker sees it: chunks of 7, every third chunk, then the rest.
        let strided = points(order: stride(from: 0, to: n, by: 21).flatMap { $0..<min($0 + 7, n) }
                             + (0..<n).filter { $0 % 21 >= 7 })
        #expect(forward == backward)
        #expect(forward == strided)
        #expect(forward.allSatisfy { $0.allSatisfy { $0 > 0 && $0 < 1 } })
    }

    @Test func differentSeedsGiveDifferentPoints() {
        let a = RandomSampler(dimension: 3, seed: 1), b = RandomSampler(dimension: 3, seed: 2)
        var ca = a.makeCursor(), cb = b.makeCursor()
        var u = [0.0, 0, 0], v = [0.0, 0, 0]
        a.point(7, cursor: &ca, into: &u); b.point(7, cursor: &cb, into: &v)
        #expect(u != v)
    }

    /// Random points: each coordinate's mean and variance match U(0, 1)
    /// (tolerance: 5 standard errors for n = 20,000).
    @Test func randomPointsAreUniform() {
        let n = 20_000, k = 4
        let s = RandomSampler(dimension: k, seed: 9)
        var c = s.makeCursor(); var u = [Double](repeating: 0, count: k)
        var acc = [MomentAccumulator](repeating: .init(), count: k)
        for i in 0..<n {
            s.point(i, cursor: &c, into: &u)
            for d in 0..<k { acc[d].add(u[d]) }
        }
        for d in 0..<k {
            expectClose(acc[d].mean, 0.5, absolute: 5 * (1.0 / 12 / Double(n)).squareRoot())
            expectClose(acc[d].variance, 1.0 / 12, absolute: 5 * (1.0 / 180 / Double(n)).squareRoot())
        }
    }

    /// Latin hypercube: in each coordinate the n points fall one in each stratum [j/n, (j+1)/n).
    @Test func latinHypercubeMarginalsAreStratified() {
        let n = 257, k = 6
        let s = LatinHypercubeSampler(dimension: k, samples: n, seed: 3)
        var c = s.makeCursor(); var u = [Double](repeating: 0, count: k)
        var strata = [[Int]](repeating: [], count: k)
        for i in 0..<n {
            s.point(i, cursor: &c, into: &u)
            for d in 0..<k { strata[d].append(Int(u[d] * Double(n))) }
        }
        for d in 0..<k { #expect(strata[d].sorted() == Array(0..<n)) }
        // The permutations differ between coordinates.
        #expect(strata[0] != strata[1])
    }

    /// Unrotated Sobol points start as GSL's sequence does after the origin (first
    /// coordinate 1/2, 3/4, 1/4, 3/8, …, the van der Corput sequence in Gray-code order),
    /// and the rotation shifts every coordinate by the same amount modulo 1.
    @Test func sobolPointsAndRotation() throws {
        let plain = SobolSampler(dimension: 3, seed: 5, rotate: false)
        let rotated = SobolSampler(dimension: 3, seed: 5)
        var cp = plain.makeCursor(), cr = rotated.makeCursor()
        var u = [0.0, 0, 0], v = [0.0, 0, 0]
        var first: [Double] = []
        for i in 0..<64 {
            plain.point(i, cursor: &cp, into: &u)
            rotated.point(i, cursor: &cr, into: &v)
            first.append(u[0])
            for d in 0..<3 {
                let shifted = (u[d] + rotated.shift[d]).truncatingRemainder(dividingBy: 1)
                expectClose(v[d], shifted, absolute: 1e-15)
            }
        }
        #expect(Array(first.prefix(4)) == [0.5, 0.75, 0.25, 0.375])
        #expect(rotated.shift.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(!rotated.isPadded)
    }

    /// Quasi-random points integrate a smooth function far better than 1/√n:
    /// ∫ Π_d (1 + (u_d − ½)) du = 1 over (0,1)⁴; random points' standard error at n = 4,096 is
    /// ≈ 0.0096, the Sobol estimate must be within 0.001.
    @Test func sobolIntegratesSmoothFunctionsAccurately() throws {
        let s = SobolSampler(dimension: 4, seed: 12)
        var c = s.makeCursor(); var u = [Double](repeating: 0, count: 4)
        var sum = 0.0
        for i in 0..<4_096 {
            s.point(i, cursor: &c, into: &u)
            sum += u.reduce(1) { $0 * (1 + ($1 - 0.5)) }
        }
        expectClose(sum, 4_096, relative: 0.001)
    }

    /// Beyond GSL's 40 dimensions the Sobol sampler pads with the random sampler's
    /// coordinates of the same point; the first 40 stay quasi-random.
    @Test func sobolPadsBeyondFortyDimensions() {
        let k = SobolSampler.maximumDimension + 5
        let padded = SobolSampler(dimension: k, seed: 8), plain = SobolSampler(dimension: 40, seed: 8)
        let random = RandomSampler(dimension: k, seed: 8)
        var cp = padded.makeCursor(), cq = plain.makeCursor(), cr = random.makeCursor()
        var u = [Double](repeating: 0, count: k), v = [Double](repeating: 0, count: 40), w = u
        #expect(padded.isPadded && padded.quasiDimension == 40 && padded.paddingNote != nil)
        for i in [0, 1, 2, 70, 3] {
            padded.point(i, cursor: &cp, into: &u)
            plain.point(i, cursor: &cq, into: &v)
            random.point(i, cursor: &cr, into: &w)
            #expect(Array(u.prefix(40)) == v)
            #expect(Array(u.suffix(5)) == Array(w.suffix(5)))
        }
    }

    @Test func samplerNamesParse() throws {
        #expect(try SamplerKind.parse("Sobol") == .sobol)
        #expect(throws: UncertaintyError.self) { try SamplerKind.parse("halton") }
    }
}
