internal import CGSL

/// Holds a Swift closure so that GSL can call it through a C function pointer.
///
/// Errors cannot unwind through C: the thunk catches them, stores the first one
/// here and returns NaN; the caller rethrows it after GSL returns. A non-finite
/// value is an error too, except at the points in `singularPoints` (CQUAD evaluates
/// the ends of its range and works around a non-finite value there).
internal final class FunctionBox {
    let body: (Double) throws -> Double
    let singularPoints: [Double]
    var error: (any Error)?
    var evaluations = 0

    init(singularPoints: [Double] = [], _ body: @escaping (Double) throws -> Double) {
        self.body = body
        self.singularPoints = singularPoints
    }

    func call(_ x: Double) -> Double {
        evaluations += 1
        if error != nil { return .nan }
        do {
            let y = try body(x)
            if !y.isFinite && !singularPoints.contains(x) {
                error = GSLError.invalidArgument.with(context: "integrand is not finite at x = \(x) (got \(y))")
                return .nan
            }
            return y
        } catch {
            self.error = error
            return .nan
        }
    }
}

/// Calls `work` with a `gsl_function` that forwards to `box`, keeping the box alive.
internal func withGSLFunction<R>(
    _ box: FunctionBox, _ work: (inout gsl_function) throws -> R
) rethrows -> R {
    try withExtendedLifetime(box) {
        var fn = gsl_function(
            function: { x, params in
                Unmanaged<FunctionBox>.fromOpaque(params!).takeUnretainedValue().call(x)
            },
            params: Unmanaged.passUnretained(box).toOpaque()
        )
        return try work(&fn)
    }
}

/// Holds a Swift closure of several variables for `gsl_monte_function`.
///
/// The closure sees the point as a `Span<Double>`, which cannot escape the call, over
/// GSL's own coordinate array (no copy). As in `FunctionBox`, the first error (thrown, or a
/// non-finite value) is kept for the caller to rethrow, and later calls return 0 at once.
internal final class MultiFunctionBox {
    let body: (Span<Double>) throws -> Double
    var error: (any Error)?
    var evaluations = 0

    init(_ body: @escaping (Span<Double>) throws -> Double) { self.body = body }

    func call(_ x: UnsafeMutablePointer<Double>?, _ n: Int) -> Double {
        evaluations += 1
        if error != nil { return 0 }
        do {
            let y = try body(UnsafeBufferPointer(start: x, count: n).span)
            if !y.isFinite {
                error = GSLError.invalidArgument.with(context: 
                    "integrand is not finite at \(Array(UnsafeBufferPointer(start: x, count: n))) (got \(y))")
                return 0
            }
            return y
        } catch {
            self.error = error
            return 0
        }
    }
}

/// Calls `work` with a `gsl_monte_function` of `dimension` variables that forwards to `box`.
internal func withGSLMonteFunction<R>(
    _ box: MultiFunctionBox, dimension: Int, _ work: (inout gsl_monte_function) throws -> R
) rethrows -> R {
    try withExtendedLifetime(box) {
        var fn = gsl_monte_function(
            f: { x, n, params in
                Unmanaged<MultiFunctionBox>.fromOpaque(params!).takeUnretainedValue().call(x, n)
            },
            dim: dimension,
            params: Unmanaged.passUnretained(box).toOpaque()
        )
        return try work(&fn)
    }
}
