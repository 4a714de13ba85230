import Testing
@testable import FleetModel

@Suite("Samplers")
struct SamplerTests {
    /// Point i must not depend on which points the cursor produced before.
    @Test(arguments: [SamplerKind.random, .lhs])
    func pointDependsOnlyOnSeedAndIndex(kind: SamplerKind) {
        let n = 300, k = 5
        func points(order: [Int]) -> [[Double]] {
            var out = [[Double]](repeating: [], count: n)
            switch kind {
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
        let shuffled = points(order: Array(0..<n).reversed() + [])
        #expect(forward == shuffled)
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
            #expect(abs(acc[d].mean - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
            #expect(abs(acc[d].variance - 1.0 / 12) < 5 * (1.0 / 180 / Double(n)).squareRoot())
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

    @Test func samplerNamesParse() throws {
        #expect(try SamplerKind.parse("Sobol") == .sobol)
        #expect(throws: UncertaintyError.self) { try SamplerKind.parse("halton") }
    }
}
