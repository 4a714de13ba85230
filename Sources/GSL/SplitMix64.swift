/// SplitMix64's output function (Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014): a bijection on 64-bit words whose outputs for consecutive inputs
/// pass BigCrush. The one copy behind seed folding, `SeedHash` and the tests' seeded generator.
public enum SplitMix64 {
    /// The golden-ratio increment of the SplitMix64 sequence.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The output for state `x`: the finaliser of `x + increment`.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ increment
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
