internal import CGSL

/// The value of a definite integral, with GSL's estimate of its absolute error
/// and the number of times the integrand was evaluated.
public struct Integral: Sendable, Hashable {
    public var value: Double
    public var absoluteError: Double
    public var evaluations: Int
}

/// The Gauss–Kronrod rule that QAG uses on each subinterval.
public enum GaussKronrodRule: Int32, Sendable, CaseIterable {
    case points15 = 1, points21, points31, points41, points51, points61
}

/// Tolerances and limits for the adaptive integrators.
public struct QuadratureOptions: Sendable, Hashable {
    /// Absolute error goal (same unit as the integral).
    public var absoluteTolerance: Double
    /// Relative error goal (dimensionless).
    public var relativeTolerance: Double
    /// Maximum number of subintervals.
    public var limit: Int

    public init(absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10, limit: Int = 1000) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.limit = limit
    }
}

/// Adaptive one-dimensional integration with GSL's QUADPACK routines.
///
/// Each function throws a `GSLError` when GSL cannot reach the tolerance
/// (for example a divergent integral), and rethrows any error the integrand threw.
public enum Quadrature {

    /// Adaptive Gauss–Kronrod integration of `f` over [a, b].
    ///
    /// The corresponding GSL function is `gsl_integration_qag`.
    public static func qag(
        _ a: Double, _ b: Double, rule: GaussKronrodRule = .points21,
        options: QuadratureOptions = .init(), _ f: @escaping (Double) throws -> Double
    ) throws -> Integral {
        try adaptive("QAG on [\(a), \(b)]", options, f) { fn, ws, r, e in
            gsl_integration_qag(&fn, a, b, options.absoluteTolerance, options.relativeTolerance,
                                options.limit, rule.rawValue, ws, &r, &e)
        }
    }

    /// Adaptive integration with extrapolation, for integrable singularities
    /// at the ends of [a, b].
    ///
    /// The corresponding GSL function is `gsl_integration_qags`.
    public static func qags(
        _ a: Double, _ b: Double, options: QuadratureOptions = .init(),
        _ f: @escaping (Double) throws -> Double
    ) throws -> Integral {
        try adaptive("QAGS on [\(a), \(b)]", options, f) { fn, ws, r, e in
            gsl_integration_qags(&fn, a, b, options.absoluteTolerance, options.relativeTolerance,
                                 options.limit, ws, &r, &e)
        }
    }

    /// Adaptive integration with known break points (singularities or kinks)
    /// inside the range. `points` holds the ends and the break points in increasing order.
    ///
    /// The corresponding GSL function is `gsl_integration_qagp`.
    public static func qagp(
        points: [Double], options: QuadratureOptions = .init(),
        _ f: @escaping (Double) throws -> Double
    ) throws -> Integral {
        guard points.count >= 2, zip(points, points.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw GSLError.invalidArgument.with(context: "QAGP needs at least two increasing points, got \(points)")
        }
        var pts = points
        return try adaptive("QAGP on \(points)", options, f) { fn, ws, r, e in
            pts.withUnsafeMutableBufferPointer { buf in
                gsl_integration_qagp(&fn, buf.baseAddress, buf.count, options.absoluteTolerance,
                                     options.relativeTolerance, options.limit, ws, &r, &e)
            }
        }
    }

    /// Doubly-adaptive Clenshaw–Curtis integration, robust for difficult integrands
    /// (end-point singularities, kinks) at the cost of more evaluations. CQUAD evaluates
    /// the integrand at a and b, so a NaN or ±∞ there (ln x at x = 0) is accepted and
    /// worked around; a non-finite value inside (a, b) throws, as in the other integrators.
    ///
    /// The corresponding GSL function is `gsl_integration_cquad`.
    public static func cquad(
        _ a: Double, _ b: Double, options: QuadratureOptions = .init(limit: 100),
        _ f: @escaping (Double) throws -> Double
    ) throws -> Integral {
        let box = FunctionBox(singularPoints: [a, b], f)
        let ws = CQUADWorkspace(limit: max(options.limit, 3))
        var result = 0.0, abserr = 0.0, neval = 0
        let status = withGSLFunction(box) { fn in
            gsl_integration_cquad(&fn, a, b, options.absoluteTolerance, options.relativeTolerance,
                                  ws.pointer, &result, &abserr, &neval)
        }
        if let error = box.error { throw error }
        try check(status, "CQUAD on [\(a), \(b)]")
        return Integral(value: result, absoluteError: abserr, evaluations: neval)
    }

    /// Shared driver of the workspace-based integrators: boxes the closure,
    /// owns the workspace, rethrows the integrand's error, then checks the status.
    private static func adaptive(
        _ context: @autoclosure () -> String, _ options: QuadratureOptions,
        _ f: @escaping (Double) throws -> Double,
        _ call: (inout gsl_function, UnsafeMutablePointer<gsl_integration_workspace>,
                 inout Double, inout Double) -> Int32
    ) throws -> Integral {
        guard options.limit > 0 else { throw GSLError.invalidArgument.with(context: "\(context()): limit must be positive") }
        let box = FunctionBox(f)
        let ws = IntegrationWorkspace(limit: options.limit)
        var result = 0.0, abserr = 0.0
        let status = withGSLFunction(box) { fn in call(&fn, ws.pointer, &result, &abserr) }
        if let error = box.error { throw error }
        try check(status, context())
        return Integral(value: result, absoluteError: abserr, evaluations: box.evaluations)
    }
}
