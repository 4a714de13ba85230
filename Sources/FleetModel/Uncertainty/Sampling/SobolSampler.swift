internal import GSL

/// Quasi-random points: GSL's Sobol sequence (Antonov–Saleev, Bratley & Fox 1988), with a
/// Cranley–Patterson rotation by a shift drawn from the seed (Cranley & Patterson 1976):
/// u_d = frac(x_d + s_d). Point i is the sequence's i-th point after the origin, so a
/// cursor asked for increasing indices generates each once; one asked for an earlier index
/// restarts. The rotation keeps the points' low discrepancy, makes the estimate unbiased and
/// lets the seed change the result as it does for the other samplers.
///
/// GSL's Sobol sequence has 40 dimensions. Coordinates beyond the 40th are padded with the
/// random sampler's coordinates of the same point (a mixed sequence: Spanier 1995; Owen
/// 1998, "Latin supercube sampling"), so the first 40 inputs get quasi-random coordinates
/// and the rest pseudo-random ones; `isPadded` says when that happens.
public struct SobolSampler: UnitSampler {
    public let dimension: Int
    public let seed: UInt64
    /// The rotation of each quasi-random coordinate, in [0, 1).
    public let shift: [Double]
    /// Coordinates taken from the Sobol sequence: min(dimension, `maximumDimension`).
    public let quasiDimension: Int
    private let padding: RandomSampler

    /// The most coordinates GSL's Sobol sequence provides.
    public static var maximumDimension: Int { QuasiRandomSequence.Kind.sobol.maximumDimension }

    public init(dimension: Int, seed: UInt64, rotate: Bool = true) {
        self.dimension = dimension
        self.seed = seed
        quasiDimension = min(dimension, Self.maximumDimension)
        padding = RandomSampler(dimension: dimension, seed: seed)
        shift = (0..<quasiDimension).map { d in
            rotate ? SeedHash.unit(SeedHash.hash(seed, SeedHash.Tag.rotation.rawValue, UInt64(d))) : 0
        }
    }

    /// True when some coordinates are pseudo-random padding.
    public var isPadded: Bool { quasiDimension < dimension }

    /// A note for a run's warnings when the points are padded.
    var paddingNote: String? {
        isPadded ? "sampler sobol: GSL's Sobol sequence has \(Self.maximumDimension) dimensions; coordinates "
            + "\(quasiDimension + 1) to \(dimension) are pseudo-random (a mixed sequence)" : nil
    }

    /// The sequence (nil for zero coordinates), a buffer for its points and the padding's cursor.
    public struct Cursor {
        let sequence: QuasiRandomSequence?
        var x: [Double]
        var padding: RandomSampler.Cursor
    }

    public func makeCursor() -> Cursor {
        let pad = padding.makeCursor()
        guard quasiDimension > 0 else { return Cursor(sequence: nil, x: [], padding: pad) }
        guard let q = try? QuasiRandomSequence(.sobol, dimension: quasiDimension) else {
            preconditionFailure("Sobol dimension \(quasiDimension) is within GSL's limit")
        }
        return Cursor(sequence: q, x: [Double](repeating: 0, count: quasiDimension), padding: pad)
    }

    public func point(_ i: Int, cursor: inout Cursor, into u: inout [Double]) {
        if isPadded { padding.point(i, cursor: &cursor.padding, into: &u) }
        guard let q = cursor.sequence else { return }
        if q.position > i { q.reset() }
        q.skip(i - q.position)
        q.next(into: &cursor.x)
        for d in 0..<quasiDimension {
            let v = cursor.x[d] + shift[d]
            u[d] = clampOpenUnit(v >= 1 ? v - 1 : v)
        }
    }
}
