internal import GSL

/// Stateless mixing of a run's seed with indices, so that anything drawn for
/// sample `i` depends only on (seed, i) and never on which thread or chunk draws it.
///
/// The mixing function is SplitMix64's finaliser (`GSL.SplitMix64`): a bijection on 64-bit
/// words whose outputs for consecutive inputs pass BigCrush.
public enum SeedHash {
    /// SplitMix64's output function applied to `x`.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 { SplitMix64.mix(x) }

    /// A 64-bit word determined by the seed, a purpose tag and up to two indices.
    /// Different tags give unrelated words for the same indices.
    @inline(__always)
    public static func hash(_ seed: UInt64, _ tag: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        mix(mix(mix(seed ^ mix(tag)) ^ a) ^ (b &* 0xD6E8_FEB8_6659_FD93))
    }

    /// A double in the open interval (0, 1) from a 64-bit word (53 significant bits, centred in its cell).
    @inline(__always)
    public static func unit(_ word: UInt64) -> Double {
        (Double(word >> 11) + 0.5) * 0x1p-53
    }

    /// Purpose tags, so that streams drawn for different purposes never coincide.
    enum Tag: UInt64 {
        case sampleStream = 1
        case latinPermutation = 2
        case latinJitter = 3
        case rotation = 4
        case bootstrap = 5
        case commonRandom = 6
    }
}
