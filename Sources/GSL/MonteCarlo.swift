internal import CGSL

/// A Monte Carlo estimate of an integral over a box, with its statistical error.
public struct MonteCarloEstimate: Sendable, Hashable {
    /// The estimate of the integral (the integrand's unit times the box's volume unit).
    public var value: Double
    /// GSL's estimate of one standard error of `value`.
    public var standardError: Double
    /// The number of integrand evaluations, warm-up runs included.
    public var calls: Int
    /// VEGAS only: χ² per degree of freedom of the weighted average of its iterations;
    /// near 1 when the iterations agree (a value far from 1 means the error is unreliable).
    public var chiSquaredPerDegreeOfFreedom: Double?
}

/// Monte Carlo integration over a box [lower₀, upper₀] × … × [lowerₙ₋₁, upperₙ₋₁].
///
/// The integrand receives each point as a `Span<Double>` of n coordinates over GSL's own
/// array: no copy, no allocation, and the span cannot outlive the call. Each function throws
/// the integrand's own error (rethrown after GSL returns), a `GSLError` for a non-finite
/// integrand value or an invalid box, or GSL's status. Results depend only on the seed
/// of the `RandomGenerator` passed in.
public enum MonteCarlo {

    /// Plain Monte Carlo: `calls` uniform points; error ∝ 1/√calls.
    ///
    /// The corresponding GSL function is `gsl_monte_plain_integrate`.
    public static func plain(
        lower: [Double], upper: [Double], calls: Int, generator: RandomGenerator,
        _ f: (Span<Double>) throws -> Double
    ) throws -> MonteCarloEstimate {
        try integrate("plain Monte Carlo", lower, upper, calls, f) { fn, xl, xu, n, box in
            let state = PlainState(dimension: n)
            var result = 0.0, error = 0.0
            let status = gsl_monte_plain_integrate(&fn, xl, xu, n, calls, generator.rng, state.pointer, &result, &error)
            return (status, MonteCarloEstimate(value: result, standardError: error, calls: box.evaluations))
        }
    }

    /// MISER: recursive stratified sampling, which spends more points in the sub-boxes where
    /// the integrand varies most (Press & Farrar 1990).
    ///
    /// The corresponding GSL function is `gsl_monte_miser_integrate`.
    public static func miser(
        lower: [Double], upper: [Double], calls: Int, generator: RandomGenerator,
        _ f: (Span<Double>) throws -> Double
    ) throws -> MonteCarloEstimate {
        try integrate("MISER", lower, upper, calls, f) { fn, xl, xu, n, box in
            let state = MiserState(dimension: n)
            var result = 0.0, error = 0.0
            let status = gsl_monte_miser_integrate(&fn, xl, xu, n, calls, generator.rng, state.pointer, &result, &error)
            return (status, MonteCarloEstimate(value: result, standardError: error, calls: box.evaluations))
        }
    }

    /// VEGAS: adaptive importance sampling on a separable grid (Lepage 1978).
    ///
    /// As in the GSL manual's example: one warm-up run of `warmUpCalls` trains the grid and is
    /// discarded; then runs of `calls` each (independent estimates on the trained grid) repeat
    /// until χ²/dof lies within 0.5 of 1, at most `maxRuns` times. The last run is returned
    /// with its χ²/dof; `calls` in the result counts every evaluation.
    ///
    /// The corresponding GSL functions are `gsl_monte_vegas_integrate` and `gsl_monte_vegas_chisq`.
    public static func vegas(
        lower: [Double], upper: [Double], calls: Int, warmUpCalls: Int? = nil, maxRuns: Int = 5,
        generator: RandomGenerator, _ f: (Span<Double>) throws -> Double
    ) throws -> MonteCarloEstimate {
        let warmUp = warmUpCalls ?? Swift.max(calls / 5, 1)
        guard warmUp > 0, maxRuns > 0 else {
            throw GSLError.invalidArgument.with(context: "VEGAS needs warmUpCalls > 0 and maxRuns > 0, got \(warmUp), \(maxRuns)")
        }
        return try integrate("VEGAS", lower, upper, calls, f) { fn, xl, xu, n, box in
            let state = VegasState(dimension: n)
            var result = 0.0, error = 0.0
            var status = gsl_monte_vegas_integrate(&fn, xl, xu, n, warmUp, generator.rng, state.pointer, &result, &error)
            var runs = 0
            while status == Int32(GSL_SUCCESS) && box.error == nil && runs < maxRuns {
                status = gsl_monte_vegas_integrate(&fn, xl, xu, n, calls, generator.rng, state.pointer, &result, &error)
                runs += 1
                if abs(gsl_monte_vegas_chisq(state.pointer) - 1) <= 0.5 { break }
            }
            return (status, MonteCarloEstimate(value: result, standardError: error, calls: box.evaluations,
                                               chiSquaredPerDegreeOfFreedom: gsl_monte_vegas_chisq(state.pointer)))
        }
    }

    /// Shared driver: checks the box, boxes the closure for the duration of the call,
    /// rethrows the integrand's error, then checks GSL's status.
    private static func integrate(
        _ name: String, _ lower: [Double], _ upper: [Double], _ calls: Int,
        _ f: (Span<Double>) throws -> Double,
        _ run: (inout gsl_monte_function, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                Int, MultiFunctionBox) -> (Int32, MonteCarloEstimate)
    ) throws -> MonteCarloEstimate {
        GSLRuntime.ensure()
        let n = lower.count
        guard n >= 1, upper.count == n else {
            throw GSLError.invalidArgument.with(context: "\(name): lower and upper need the same, non-zero number of bounds (\(n), \(upper.count))")
        }
        guard zip(lower, upper).allSatisfy({ $0.isFinite && $1.isFinite && $0 < $1 }) else {
            throw GSLError.invalidArgument.with(context: "\(name): the box needs finite bounds with lower < upper, got \(lower), \(upper)")
        }
        guard calls > 0 else { throw GSLError.invalidArgument.with(context: "\(name): calls must be positive, got \(calls)") }
        var xl = lower, xu = upper
        let (status, estimate) = try withoutActuallyEscaping(f) { body in
            let box = MultiFunctionBox(body)
            let outcome = withGSLMonteFunction(box, dimension: n) { fn in
                xl.withUnsafeMutableBufferPointer { l in
                    xu.withUnsafeMutableBufferPointer { u in run(&fn, l.baseAddress!, u.baseAddress!, n, box) }
                }
            }
            if let error = box.error { throw error }
            return outcome
        }
        try check(status, "\(name) over \(lower) to \(upper)")
        return estimate
    }
}

/// Owns a `gsl_monte_plain_state`; frees it in `deinit`.
private final class PlainState {
    let pointer: UnsafeMutablePointer<gsl_monte_plain_state>
    init(dimension: Int) {
        guard let p = gsl_monte_plain_alloc(dimension) else { preconditionFailure("Unable to allocate a plain Monte Carlo state") }
        pointer = p
    }
    deinit { gsl_monte_plain_free(pointer) }
}

/// Owns a `gsl_monte_miser_state`; frees it in `deinit`.
private final class MiserState {
    let pointer: UnsafeMutablePointer<gsl_monte_miser_state>
    init(dimension: Int) {
        guard let p = gsl_monte_miser_alloc(dimension) else { preconditionFailure("Unable to allocate a MISER state") }
        pointer = p
    }
    deinit { gsl_monte_miser_free(pointer) }
}

/// Owns a `gsl_monte_vegas_state`; frees it in `deinit`.
private final class VegasState {
    let pointer: UnsafeMutablePointer<gsl_monte_vegas_state>
    init(dimension: Int) {
        guard let p = gsl_monte_vegas_alloc(dimension) else { preconditionFailure("Unable to allocate a VEGAS state") }
        pointer = p
    }
    deinit { gsl_monte_vegas_free(pointer) }
}
