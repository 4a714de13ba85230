/// Unit points keyed by input path, for comparisons with common random numbers: coordinate d
/// of point i is u = unit(hash(seed, i, key(path_d))), so an input takes the same unit value
/// at sample i in every variant that has it, whatever other inputs the variants have and in
/// whatever order they list them. The hash is `SeedHash` (SplitMix64's finaliser) over the
/// seed, the sample index and a 64-bit FNV-1a hash of the path; each coordinate is an
/// independent uniform variate for the purposes of Monte Carlo.
public struct CommonRandomSampler: UnitSampler {
    public let paths: [String]
    public let seed: UInt64
    let keys: [UInt64]

    public init(paths: [String], seed: UInt64) {
        self.paths = paths
        self.seed = seed
        keys = paths.map(Self.key)
    }

    public var dimension: Int { paths.count }

    public func makeCursor() {}

    public func point(_ i: Int, cursor: inout Void, into u: inout [Double]) {
        for d in keys.indices {
            u[d] = SeedHash.unit(SeedHash.hash(seed, SeedHash.Tag.commonRandom.rawValue, UInt64(i), keys[d]))
        }
    }

    /// FNV-1a (64-bit) of the path's UTF-8 bytes.
    static func key(_ path: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in path.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
