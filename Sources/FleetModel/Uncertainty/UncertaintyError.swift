/// Errors of the uncertainty engine: bad options, inputs that cannot be sampled,
/// correlations that do not form a valid matrix, sweeps that cannot be parsed.
/// Each message names the path or flag at fault.
public enum UncertaintyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A run option out of range (`--samples`, `--threads`, `--sampler`, …).
    case invalidOption(String)
    /// A `correlations:` entry or the matrix they form is unusable.
    case invalidCorrelation(String)
    /// A `--vary` flag that cannot be parsed.
    case invalidSweep(String)
    /// Every sample failed, or the deterministic evaluation failed.
    case evaluationFailed(String)

    public var description: String {
        switch self {
        case .invalidOption(let s), .invalidCorrelation(let s), .invalidSweep(let s),
             .evaluationFailed(let s): s
        }
    }
}
