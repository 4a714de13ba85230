internal import GSL

/// Independent pseudo-random points from GSL's MT19937 generator.
///
/// Samples are grouped in fixed blocks of `block` consecutive indices; block b's stream is
/// MT19937 seeded with a 32-bit hash of (seed, b), and point i takes the d-th draw after
/// (i mod block)·dimension draws of its block's stream. Point i therefore depends only on
/// (seed, i), whatever the threads or chunks; a cursor that moves to the next index keeps
/// drawing, and one that jumps reseeds and skips inside the block. (GSL seeds are 32-bit:
/// seeding each block rather than each sample keeps the chance that two streams coincide
/// below 1 in 3,000 even at 10⁵ samples.)
public struct RandomSampler: UnitSampler {
    public let dimension: Int
    public let seed: UInt64
    /// Samples per independently seeded stream.
    public static let block = 64

    public init(dimension: Int, seed: UInt64) {
        self.dimension = dimension
        self.seed = seed
    }

    /// A generator and the index of the sample whose draws come next from it (−1: none).
    public struct Cursor {
        let generator: RandomGenerator
        var next: Int
    }

    public func makeCursor() -> Cursor { Cursor(generator: RandomGenerator(seed: 1, algorithm: .mt19937), next: -1) }

    public func point(_ i: Int, cursor: inout Cursor, into u: inout [Double]) {
        let block = Self.block
        if cursor.next != i {
            let b = i / block
            let word = SeedHash.hash(seed, SeedHash.Tag.sampleStream.rawValue, UInt64(b))
            cursor.generator.reseed(UInt64(UInt32(truncatingIfNeeded: word)))
            for _ in 0..<((i - b * block) * dimension) { _ = cursor.generator.uniform() }
        }
        for d in 0..<dimension { u[d] = cursor.generator.uniform() }
        cursor.next = (i + 1) % block == 0 ? -1 : i + 1
    }
}
