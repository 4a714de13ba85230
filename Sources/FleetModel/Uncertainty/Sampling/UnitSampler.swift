/// A source of points in the open unit hypercube (0, 1)^dimension, one per sample index.
///
/// Point `i` depends only on the sampler's seed and on `i`, never on the order in which
/// points are asked for: a run split over any number of threads or chunks sees the same
/// points. A `Cursor` holds per-thread state (a generator, a sequence position) that makes
/// asking for increasing indices cheap; each thread owns its own cursor.
public protocol UnitSampler: Sendable {
    associatedtype Cursor
    /// Number of coordinates of each point.
    var dimension: Int { get }
    /// Fresh per-thread state.
    func makeCursor() -> Cursor
    /// Writes point `i` into `u[0..<dimension]`; every coordinate lies strictly inside (0, 1).
    func point(_ i: Int, cursor: inout Cursor, into u: inout [Double])
}

/// The samplers a run can use (`--sampler random|sobol|lhs`).
public enum SamplerKind: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Independent pseudo-random points.
    case random
    /// A Sobol low-discrepancy sequence with a seeded Cranley–Patterson rotation.
    case sobol
    /// Latin hypercube: each coordinate's samples fall one in each of N equal strata.
    case lhs

    public var description: String { rawValue }

    /// Parses "random", "sobol" or "lhs".
    public static func parse(_ text: String) throws(UncertaintyError) -> SamplerKind {
        guard let k = SamplerKind(rawValue: text.lowercased()) else {
            throw .invalidOption("--sampler: expected random, sobol or lhs, got \"\(text)\"")
        }
        return k
    }
}

/// Keeps a unit coordinate strictly inside (0, 1), where every inverse CDF is finite.
@inline(__always)
func clampOpenUnit(_ u: Double) -> Double {
    min(max(u, 0x1p-60), 1 - 0x1p-53)
}
