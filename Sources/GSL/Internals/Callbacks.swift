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

