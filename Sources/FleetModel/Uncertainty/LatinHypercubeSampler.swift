/// Latin hypercube points for a run of exactly `samples` points: in every coordinate,
/// the points fall one in each of the `samples` equal strata of (0, 1).
///
/// Coordinate d of point i lies in stratum π_d(i), where π_d is a permutation of
/// 0..<samples drawn from (seed, d) by Fisher–Yates; its position inside the stratum is
/// the random sampler's coordinate d of point i (jitter from (seed, i)). Memory: one
/// `Int32` per sample and coordinate.
public struct LatinHypercubeSampler: UnitSampler {
    public let dimension: Int
    public let samples: Int
    public let seed: UInt64
    /// π_d(i) at index d · samples + i.
    private let strata: [Int32]
    private let jitter: RandomSampler

    public init(dimension: Int, samples: Int, seed: UInt64) {
        precondition(samples > 0 && samples <= Int(Int32.max), "LHS needs 1 to 2^31 − 1 samples")
        self.dimension = dimension
        self.samples = samples
        self.seed = seed
        self.jitter = RandomSampler(dimension: dimension, seed: seed)
        var s = [Int32](repeating: 0, count: dimension * samples)
        for d in 0..<dimension {
            let base = d * samples
            for i in 0..<samples { s[base + i] = Int32(i) }
            // Fisher–Yates: swap position j with a uniform position in 0...j.
            var j = samples - 1
            while j > 0 {
                let w = SeedHash.hash(seed, SeedHash.Tag.latinPermutation.rawValue, UInt64(d), UInt64(j))
                let r = Int(w.multipliedFullWidth(by: UInt64(j + 1)).high)
                s.swapAt(base + j, base + r)
                j -= 1
            }
        }
        strata = s
    }

    public func makeCursor() -> RandomSampler.Cursor { jitter.makeCursor() }

    public func point(_ i: Int, cursor: inout RandomSampler.Cursor, into u: inout [Double]) {
        precondition(i < samples, "LHS point \(i) outside a design of \(samples) samples")
        jitter.point(i, cursor: &cursor, into: &u)
        let n = Double(samples)
        for d in 0..<dimension {
            u[d] = clampOpenUnit((Double(strata[d * samples + i]) + u[d]) / n)
        }
    }
}
