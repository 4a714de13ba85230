internal import GSL

/// Latin hypercube points for a run of exactly `samples` points: in every coordinate,
/// the points fall one in each of the `samples` equal strata of (0, 1).
///
/// Coordinate d of point i lies in stratum π_d(i), where π_d is a permutation of
/// 0..<samples shuffled by Fisher–Yates with MT19937 seeded from (seed, d); its position
/// inside the stratum is the random sampler's coordinate d of point i (jitter from (seed, i)).
/// Memory: one `Int32` per sample and coordinate.
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
        let generator = RandomGenerator(seed: 1, algorithm: .mt19937)
        for d in 0..<dimension {
            let word = SeedHash.hash(seed, SeedHash.Tag.latinPermutation.rawValue, UInt64(d))
            generator.reseed(UInt64(UInt32(truncatingIfNeeded: word)))
            let base = d * samples
            for i in 0..<samples { s[base + i] = Int32(i) }
            // Fisher–Yates: swap position j with a uniform position in 0...j.
            var j = samples - 1
            while j > 0 {
                s.swapAt(base + j, base + generator.uniformInt(below: j + 1))
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
