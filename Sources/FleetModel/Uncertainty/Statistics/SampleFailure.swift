/// A sample whose evaluation threw or produced a non-finite output; it is left out of
/// every statistic and reported.
public struct SampleFailure: Sendable, Hashable {
    /// Index of the sample (or of the evaluation in a sensitivity design).
    public var index: Int
    /// The input values it was evaluated at, in the order of the run's inputs.
    public var inputs: [Double]
    /// What went wrong: the error, or the first non-finite output.
    public var reason: String
}
