/// One share of a run split over N independent processes (`--shard I/N`, 0 ≤ I < N): the
/// Monte Carlo blocks, sweep grid points or Sobol base samples it evaluates. Shares are
/// contiguous and in shard order, so their partial results join in index order.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// I, counted from 0.
    public let index: Int
    /// N, the number of shards.
    public let count: Int

    /// The most shards a run may be split into.
    public static let maximumCount = 100_000

    public init(index: Int, count: Int) throws(UncertaintyError) {
        guard (1...Self.maximumCount).contains(count) else {
            throw .invalidOption("--shard \(index)/\(count): N must be 1 to \(Self.maximumCount)")
        }
        guard (0..<count).contains(index) else {
            throw .invalidOption("--shard \(index)/\(count): I must be 0 to \(count - 1) (shards count from 0)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "I/N".
    public static func parse(_ text: String) throws(UncertaintyError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw .invalidOption("--shard \(text): expected I/N with whole numbers 0 ≤ I < N, such as 0/8")
        }
        return try Shard(index: i, count: n)
    }

    /// This shard's share of `units` consecutive units: ⌊I·units/N⌋ ..< ⌊(I+1)·units/N⌋.
    public func share(of units: Int) -> Range<Int> {
        (units * index / count)..<(units * (index + 1) / count)
    }

    public var description: String { "\(index)/\(count)" }

    enum CodingKeys: String, CodingKey { case index, count }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(index: c.decode(Int.self, forKey: .index), count: c.decode(Int.self, forKey: .count))
    }
}
