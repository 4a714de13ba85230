/// Independent pseudo-random points: coordinate d of point i is the d-th draw of a
/// stream determined by (seed, i).
public struct RandomSampler: UnitSampler {
    public let dimension: Int
    public let seed: UInt64

    public init(dimension: Int, seed: UInt64) {
        self.dimension = dimension
        self.seed = seed
    }

    public struct Cursor {}

    public func makeCursor() -> Cursor { Cursor() }

    public func point(_ i: Int, cursor: inout Cursor, into u: inout [Double]) {
        for d in 0..<dimension {
            u[d] = SeedHash.unit(SeedHash.hash(seed, SeedHash.Tag.sampleStream.rawValue, UInt64(i), UInt64(d)))
        }
    }
}
