import Testing
import FleetTestSupport
import GSL

@Suite("QuasiRandomSequence")
struct QuasiRandomSequenceTests {
    @Test func sobolMatchesGSLsPublishedSequence() throws {
        // The GSL manual's qrng example prints the 2-D Sobol sequence as
        // 0.50000 0.50000 / 0.75000 0.25000 / 0.25000 0.75000 / 0.37500 0.37500 / 0.87500 0.87500 / …
        let expected: [[Double]] = [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875],
                                    [0.625, 0.125], [0.125, 0.625]]
        let sobol = try QuasiRandomSequence(.sobol, dimension: 2)
        var point: [Double] = []
        for e in expected {
            sobol.next(into: &point)
            #expect(point == e)
        }
        #expect(sobol.position == expected.count)
    }

    @Test(arguments: QuasiRandomSequence.Kind.allCases)
    func pointsLieInTheUnitCube(kind: QuasiRandomSequence.Kind) throws {
        let dimension = min(kind.maximumDimension, 12)
        let sequence = try QuasiRandomSequence(kind, dimension: dimension)
        if kind == .niederreiter2 {
            #expect(sequence.next() == [Double](repeating: 0, count: dimension))
        }
        var point: [Double] = []
        for _ in 0..<4096 {
            sequence.next(into: &point)
            #expect(point.count == dimension)
            #expect(point.allSatisfy { $0 > 0 && $0 < 1 })
        }
    }

    @Test func sobolStratifiesEachAxis() throws {
        // Sobol's generator matrices are unit upper triangular, so with the origin the first 2^m
        // points put exactly one coordinate in each interval [k/2^m, (k + 1)/2^m) of every axis
        // (Bratley & Fox 1988). GSL skips the origin, which fills the first interval.
        let m = 8, n = 1 << m, dimension = 40
        let sequence = try QuasiRandomSequence(.sobol, dimension: dimension)
        var counts = [[Int]](repeating: [1] + [Int](repeating: 0, count: n - 1), count: dimension)
        var point: [Double] = []
        for _ in 1..<n {
            sequence.next(into: &point)
            for (j, x) in point.enumerated() { counts[j][Int(x * Double(n))] += 1 }
        }
        #expect(counts.allSatisfy { $0.allSatisfy { $0 == 1 } })
    }

    @Test func resetAndSkip() throws {
        let sequence = try QuasiRandomSequence(.halton, dimension: 3)
        let first = (0..<10).map { _ in sequence.next() }
        sequence.reset()
        #expect(sequence.position == 0)
        #expect((0..<10).map { _ in sequence.next() } == first)
        sequence.reset()
        sequence.skip(7)
        #expect(sequence.next() == first[7])
        #expect(sequence.position == 8)
        // Halton's first coordinate is the base-2 radical inverse: 1/2, 1/4, 3/4, 1/8, …
        #expect(first.prefix(4).map { $0[0] } == [0.5, 0.25, 0.75, 0.125])
    }

    @Test func invalidDimensionsThrow() {
        #expect(throws: GSLError.self) { try QuasiRandomSequence(.sobol, dimension: 0) }
        #expect(throws: GSLError.self) { try QuasiRandomSequence(.sobol, dimension: 41) }
        #expect(throws: GSLError.self) { try QuasiRandomSequence(.niederreiter2, dimension: 13) }
        #expect(QuasiRandomSequence.Kind.halton.maximumDimension == 1229)
    }

    @Test func sobolIntegratesBetterThanRandom() throws {
        // The mean of Σxᵢ² over [0, 1]⁵ is 5/3; 4096 Sobol points land far closer than the
        // standard error of 4096 random points.
        let sequence = try QuasiRandomSequence(.sobol, dimension: 5)
        var point: [Double] = [], sum = 0.0
        let n = 4096
        for _ in 0..<n {
            sequence.next(into: &point)
            sum += point.reduce(0) { $0 + $1 * $1 }
        }
        let standardErrorOfRandom = (5 * (1.0 / 5 - 1.0 / 9) / Double(n)).squareRoot()
        expectClose(sum / Double(n), 5.0 / 3, absolute: standardErrorOfRandom / 10)
    }
}
