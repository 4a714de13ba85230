import GSL

/// The SplitMix64 sequence (`GSL.SplitMix64`) as a tiny seeded generator, so every property run
/// and every randomised test draws the same values.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        defer { state &+= SplitMix64.increment }
        return SplitMix64.mix(state)
    }
}
