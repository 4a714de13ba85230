internal import CGSL

/// A low-discrepancy (quasi-random) sequence of points in the unit cube [0, 1)^dimension.
///
/// Quasi-random points fill the cube more evenly than pseudo-random ones, so Monte Carlo
/// estimates and Sobol sensitivity indices converge faster (error near 1/n rather than
/// 1/√n for smooth integrands). Map each coordinate onto an input's distribution with the
/// quantile functions in `Distributions` (see `next(into:)` about the point 0).
/// Owns a `gsl_qrng`, freed in `deinit`; mutable state, one per task.
///
/// The corresponding GSL functions are `gsl_qrng_alloc`, `gsl_qrng_get`, `gsl_qrng_init`
/// and `gsl_qrng_free`.
public final class QuasiRandomSequence {
    /// The construction of the sequence.
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// Sobol (Antonov–Saleev variant, Bratley & Fox 1988), up to 40 dimensions.
        case sobol
        /// Niederreiter in base 2 (Bratley, Fox & Niederreiter 1992), up to 12 dimensions.
        case niederreiter2
        /// Halton (1960), up to 1229 dimensions.
        case halton

        /// The largest dimension GSL supports for this kind.
        public var maximumDimension: Int { Int(Self.gslType(self).pointee.max_dimension) }

        static func gslType(_ kind: Kind) -> UnsafePointer<gsl_qrng_type> {
            switch kind {
            case .sobol: cgsl_qrng_sobol()
            case .niederreiter2: cgsl_qrng_niederreiter_2()
            case .halton: cgsl_qrng_halton()
            }
        }
    }

    /// The construction in use.
    public let kind: Kind
    /// The number of coordinates of each point.
    public let dimension: Int
    /// How many points have been produced (or skipped) since creation or the last `reset()`.
    public private(set) var position = 0
    private let qrng: UnsafeMutablePointer<gsl_qrng>
    private var scratch: [Double]

    /// - Throws: `GSLError` (invalid argument) when `dimension` is not in 1...kind.maximumDimension.
    public init(_ kind: Kind = .sobol, dimension: Int) throws(GSLError) {
        GSLRuntime.ensure()
        guard dimension >= 1 && dimension <= kind.maximumDimension else {
            throw GSLError.invalidArgument.with(context: 
                "\(kind) sequences have 1 to \(kind.maximumDimension) dimensions, not \(dimension)")
        }
        guard let q = gsl_qrng_alloc(Kind.gslType(kind), UInt32(dimension)) else {
            preconditionFailure("Unable to allocate a GSL quasi-random sequence of dimension \(dimension)")
        }
        self.qrng = q
        self.kind = kind
        self.dimension = dimension
        self.scratch = [Double](repeating: 0, count: dimension)
    }

    deinit { gsl_qrng_free(qrng) }

    /// Writes the next point into `point`, resizing it to `dimension` if needed (so a
    /// caller-owned array is allocated once and reused). Coordinates lie in [0, 1).
    /// GSL's Sobol and Halton sequences start after the all-zero point, so their coordinates
    /// are never 0 and can go straight into a quantile function; the Niederreiter sequence
    /// starts at the origin: `skip(1)` first.
    public func next(into point: inout [Double]) {
        if point.count != dimension { point = [Double](repeating: 0, count: dimension) }
        let status = point.withUnsafeMutableBufferPointer { gsl_qrng_get(qrng, $0.baseAddress) }
        precondition(status == Int32(GSL_SUCCESS), "\(kind) sequence exhausted after \(position) points")
        position += 1
    }

    /// The next point, as a new array of `dimension` coordinates in [0, 1).
    public func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        next(into: &point)
        return point
    }

    /// Restarts the sequence from its first point.
    public func reset() {
        gsl_qrng_init(qrng)
        position = 0
    }

    /// Advances the sequence by `n` points without returning them (GSL has no jump-ahead,
    /// so this costs n point generations).
    public func skip(_ n: Int) {
        precondition(n >= 0, "skip needs n >= 0, got \(n)")
        for _ in 0..<n { next(into: &scratch) }
    }
}

@available(*, unavailable, message: "a QuasiRandomSequence is mutable state: create one per task")
extension QuasiRandomSequence: Sendable {}
