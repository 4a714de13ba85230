internal import CGSL

/// An error status of a GSL routine, or one the wrapper raises for the same reason
/// (an invalid argument, a non-finite integrand value), with what was being computed.
///
/// Shaped like swift-system's `Errno`: the raw value is GSL's status code, and each code
/// the wrapper can meet is a named static value whose doc comment names the GSL constant.
/// Two errors are equal when their codes are; `context` is a message for people, not part
/// of the identity, so `catch GSLError.roundOff` and `#expect(throws: GSLError.maximumIterations)`
/// match whatever the error says. Every status a GSL routine returns goes through one
/// function, `check(_:_:)`.
public struct GSLError: RawRepresentable, Error, Hashable, Sendable, CustomStringConvertible {
    /// GSL's status code (`GSL_EDOM`, `GSL_EMAXITER`, …).
    public let rawValue: Int32
    /// What was being computed when the error happened, for example "QAGS on [0, 1]"; empty
    /// for a bare code.
    public private(set) var context = ""

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// This error with `context` saying what was being computed.
    public func with(context: String) -> GSLError {
        var e = self
        e.context = context
        return e
    }

    /// GSL's description of the code (from `gsl_strerror`).
    public var reason: String { String(cString: gsl_strerror(rawValue)) }

    public var description: String {
        context.isEmpty ? "\(reason) (GSL status \(rawValue))" : "\(context): \(reason) (GSL status \(rawValue))"
    }

    public static func == (lhs: GSLError, rhs: GSLError) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Matches a thrown error against a code, so `catch GSLError.roundOff { … }` works.
    public static func ~= (lhs: GSLError, rhs: any Error) -> Bool {
        (rhs as? GSLError)?.rawValue == lhs.rawValue
    }

    /// An input outside the function's domain, or a matrix that is not positive definite
    /// (Cholesky). The corresponding GSL constant is `GSL_EDOM`.
    public static let domain = GSLError(rawValue: Int32(GSL_EDOM))
    /// A result that cannot be represented. The corresponding GSL constant is `GSL_ERANGE`.
    public static let range = GSLError(rawValue: Int32(GSL_ERANGE))
    /// An invalid argument supplied by the caller. The corresponding GSL constant is `GSL_EINVAL`.
    public static let invalidArgument = GSLError(rawValue: Int32(GSL_EINVAL))
    /// A generic failure. The corresponding GSL constant is `GSL_EFAILED`.
    public static let failed = GSLError(rawValue: Int32(GSL_EFAILED))
    /// Memory could not be allocated. The corresponding GSL constant is `GSL_ENOMEM`.
    public static let outOfMemory = GSLError(rawValue: Int32(GSL_ENOMEM))
    /// The integrand or function misbehaved (for example a NaN). The corresponding GSL constant is `GSL_EBADFUNC`.
    public static let badFunction = GSLError(rawValue: Int32(GSL_EBADFUNC))
    /// The maximum number of subdivisions or iterations was reached. The corresponding GSL
    /// constant is `GSL_EMAXITER`.
    public static let maximumIterations = GSLError(rawValue: Int32(GSL_EMAXITER))
    /// The requested tolerance is invalid. The corresponding GSL constant is `GSL_EBADTOL`.
    public static let badTolerance = GSLError(rawValue: Int32(GSL_EBADTOL))
    /// The requested tolerance was not reached. The corresponding GSL constant is `GSL_ETOL`.
    public static let toleranceNotReached = GSLError(rawValue: Int32(GSL_ETOL))
    /// Round-off error prevented the requested tolerance from being reached. The
    /// corresponding GSL constant is `GSL_EROUND`.
    public static let roundOff = GSLError(rawValue: Int32(GSL_EROUND))
    /// Arrays of mismatched or invalid length. The corresponding GSL constant is `GSL_EBADLEN`.
    public static let badLength = GSLError(rawValue: Int32(GSL_EBADLEN))
    /// A matrix is not square. The corresponding GSL constant is `GSL_ENOTSQR`.
    public static let notSquare = GSLError(rawValue: Int32(GSL_ENOTSQR))
    /// The integral or series is divergent or converges too slowly. The corresponding GSL
    /// constant is `GSL_EDIVERGE`.
    public static let divergent = GSLError(rawValue: Int32(GSL_EDIVERGE))
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

/// Throws the `GSLError` of a GSL routine's non-zero status, saying what was being computed.
/// The one place a status becomes an error.
@inline(__always)
internal func check(_ status: Int32, _ context: @autoclosure () -> String) throws(GSLError) {
    if status != Int32(GSL_SUCCESS) {
        throw GSLError(rawValue: status).with(context: context())
    }
}
