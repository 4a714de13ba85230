/// Input vectors by index, for a batch of evaluations: sampled points, Saltelli's
/// matrices, a tornado's one-at-a-time points. Point j depends only on j.
protocol PointSource: Sendable {
    associatedtype Cursor
    /// Number of input values per point.
    var inputCount: Int { get }
    func makeCursor() -> Cursor
    /// Writes the input values of point j into `x[0..<inputCount]`.
    func inputs(_ j: Int, cursor: inout Cursor, into x: inout [Double])
}
