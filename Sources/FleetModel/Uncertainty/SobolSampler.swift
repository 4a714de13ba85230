import GSL

/// Quasi-random points: GSL's Sobol sequence (Antonov–Saleev, Bratley & Fox 1988), with a
/// Cranley–Patterson rotation by a shift drawn from the seed (Cranley & Patterson 1976):
/// u_d = frac(x_d + s_d). Point i is the sequence's i-th point after the origin, so a
/// cursor asked for increasing indices generates each once; one asked for an earlier index
/// restarts. The rotation keeps the points' low discrepancy, makes the estimate unbiased and
/// lets the seed change the result as it does for the other samplers. GSL's Sobol sequence
/// has at most 40 dimensions.
public struct SobolSampler: UnitSampler {
    public let dimension: Int
    public let seed: UInt64
    /// The rotation of each coordinate, in [0, 1).
    public let shift: [Double]

    /// The most coordinates GSL's Sobol sequence provides.
    public static var maximumDimension: Int { QuasiRandomSequence.Kind.sobol.maximumDimension }

    /// - Throws: `UncertaintyError.invalidOption` above `maximumDimension` coordinates.
    public init(dimension: Int, seed: UInt64, rotate: Bool = true) throws(UncertaintyError) {
        guard dimension <= Self.maximumDimension else {
            throw .invalidOption("--sampler sobol: GSL's Sobol sequence has at most \(Self.maximumDimension) "
                                 + "dimensions and this run needs \(dimension); use --sampler lhs or random")
        }
        self.dimension = dimension
        self.seed = seed
        shift = (0..<dimension).map { d in
            rotate ? SeedHash.unit(SeedHash.hash(seed, SeedHash.Tag.rotation.rawValue, UInt64(d))) : 0
        }
    }

    /// The sequence (nil for zero coordinates) and a buffer for its points.
    public struct Cursor {
        let sequence: QuasiRandomSequence?
        var x: [Double]
    }

    public func makeCursor() -> Cursor {
        guard dimension > 0 else { return Cursor(sequence: nil, x: []) }
        guard let q = try? QuasiRandomSequence(.sobol, dimension: dimension) else {
            preconditionFailure("Sobol dimension \(dimension) was checked in init")
        }
        return Cursor(sequence: q, x: [Double](repeating: 0, count: dimension))
    }

    public func point(_ i: Int, cursor: inout Cursor, into u: inout [Double]) {
        guard let q = cursor.sequence else { return }
        if q.position > i { q.reset() }
        q.skip(i - q.position)
        q.next(into: &cursor.x)
        for d in 0..<dimension {
            let v = cursor.x[d] + shift[d]
            u[d] = clampOpenUnit(v >= 1 ? v - 1 : v)
        }
    }
}
