/// Errors in what the user gave the uncertainty engine: run options, correlations that
/// do not form a valid matrix, sweeps that cannot be parsed. Each message names the path
/// or flag at fault; the CLI exits with status 2.
public enum UncertaintyError: InputError, Hashable, Sendable {
    /// A run option out of range (`--samples`, `--threads`, `--sampler`, …).
    case invalidOption(String)
    /// A `correlations:` entry or the matrix they form is unusable; `entries` are the
    /// positions of the correlations at fault in the list given.
    case invalidCorrelation(String, entries: [Int] = [])
    /// A `--vary` flag that cannot be parsed.
    case invalidSweep(String)

    public var description: String {
        switch self {
        case .invalidOption(let s), .invalidCorrelation(let s, _), .invalidSweep(let s): s
        }
    }
}

/// A run that failed: the evaluation at base values, every sample, or a point that a
/// tornado or sweep needs. The CLI exits with status 1.
public struct EvaluationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
