internal import CGSL

/// An error status returned by a GSL routine, with GSL's own message.
///
/// The raw value is GSL's status code (`GSL_EMAXITER`, `GSL_EROUND`, …);
/// `message` is what `gsl_strerror` says about it, plus what the wrapper was doing.
public struct GSLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// GSL's status code.
    public let code: Int32
    /// GSL's description of the code (from `gsl_strerror`).
    public let reason: String
    /// What was being computed when the error happened, for example "QAGS on [0, 1]".
    public let context: String

    public init(code: Int32, context: String) {
        self.code = code
        self.reason = String(cString: gsl_strerror(code))
        self.context = context
    }

    /// An error that the wrapper raises itself, before or after a GSL call
    /// (invalid arguments, a non-finite integrand value).
    public static func invalidArgument(_ context: String) -> GSLError {
        GSLError(code: Int32(GSL_EINVAL), context: context)
    }

    public var description: String { "\(context): \(reason) (GSL status \(code))" }

    /// The maximum number of subdivisions or iterations was reached.
    public static var maximumIterations: Int32 { Int32(GSL_EMAXITER) }
    /// Round-off error prevented the requested tolerance from being reached.
    public static var roundOff: Int32 { Int32(GSL_EROUND) }
    /// The integral or series is divergent or converges too slowly.
    public static var divergent: Int32 { Int32(GSL_EDIVERGE) }
    /// A matrix is not positive definite (Cholesky).
    public static var notPositiveDefinite: Int32 { Int32(GSL_EDOM) }
    /// Invalid argument supplied by the caller.
    public static var invalid: Int32 { Int32(GSL_EINVAL) }
}

/// Turns GSL's default error handler (which aborts the process) off, once.
///
/// Every public entry point that calls GSL goes through `GSLRuntime.ensure()`
/// so that no GSL routine can abort the host program; statuses are checked instead.
internal enum GSLRuntime {
    private static let installed: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    @inline(__always)
    static func ensure() { _ = installed }
}

/// Throws a `GSLError` when a GSL routine returned a non-zero status.
@inline(__always)
internal func check(_ status: Int32, _ context: @autoclosure () -> String) throws(GSLError) {
    if status != Int32(GSL_SUCCESS) {
        throw GSLError(code: status, context: context())
    }
}

/// The version of the GSL library linked in, for example "2.7.1".
public var gslVersion: String { String(cString: cgsl_version()) }
