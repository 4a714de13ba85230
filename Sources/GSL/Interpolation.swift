internal import CGSL

/// A one-dimensional interpolant through tabulated points (x strictly increasing).
///
/// Steffen's method is monotone between the data points (no overshoot), which
/// suits measured power curves and climate profiles. Evaluating outside
/// [x.first, x.last] throws instead of extrapolating.
///
/// The corresponding GSL functions are `gsl_interp_init` and `gsl_interp_eval_e`.
public final class Interpolator: @unchecked Sendable {
    /// The interpolation method.
    public enum Method: Sendable { case steffen, linear }

    public let x: [Double]
    public let y: [Double]
    public let method: Method
    private let interp: UnsafeMutablePointer<gsl_interp>

    /// - Throws: `GSLError` when the points are fewer than the method needs,
    ///   not strictly increasing in x, or not finite.
    public init(x: [Double], y: [Double], method: Method = .steffen) throws {
        GSLRuntime.ensure()
        guard x.count == y.count else {
            throw GSLError.invalidArgument.with(context: "interpolation needs as many x as y values (\(x.count) vs \(y.count))")
        }
        let type = method == .steffen ? cgsl_interp_steffen() : cgsl_interp_linear()
        let minimum = Int(gsl_interp_type_min_size(type))
        guard x.count >= minimum else {
            throw GSLError.invalidArgument.with(context: "interpolation needs at least \(minimum) points, got \(x.count)")
        }
        guard zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw GSLError.invalidArgument.with(context: "interpolation x values must be strictly increasing: \(x)")
        }
        guard (x + y).allSatisfy(\.isFinite) else {
            throw GSLError.invalidArgument.with(context: "interpolation values must be finite")
        }
        guard let p = gsl_interp_alloc(type, x.count) else {
            preconditionFailure("Unable to allocate a GSL interpolation object")
        }
        self.x = x
        self.y = y
        self.method = method
        self.interp = p
        let status = x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in gsl_interp_init(p, xb.baseAddress, yb.baseAddress, x.count) }
        }
        // Every stored property is set, so a throw here runs deinit, which frees `interp`.
        try check(status, "interpolation set-up")
    }

    deinit { gsl_interp_free(interp) }

    /// The range of x over which the interpolant is defined.
    public var domain: ClosedRange<Double> { x[0]...x[x.count - 1] }

    /// The interpolated value at `t`.
    ///
    /// - Throws: `GSLError.domain` (`GSL_EDOM`) when `t` lies outside `domain`.
    public func value(at t: Double) throws -> Double {
        guard domain.contains(t) else {
            throw GSLError.domain.with(context: "interpolation at \(t) outside its data range \(domain)")
        }
        var out = 0.0
        let status = x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                gsl_interp_eval_e(interp, xb.baseAddress, yb.baseAddress, t, nil, &out)
            }
        }
        try check(status, "interpolation at \(t)")
        return out
    }

    /// The first derivative dy/dx at `t`.
    public func derivative(at t: Double) throws -> Double {
        guard domain.contains(t) else {
            throw GSLError.domain.with(context: "interpolation derivative at \(t) outside \(domain)")
        }
        var out = 0.0
        let status = x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                gsl_interp_eval_deriv_e(interp, xb.baseAddress, yb.baseAddress, t, nil, &out)
            }
        }
        try check(status, "interpolation derivative at \(t)")
        return out
    }
}
