/// A grid of scenario variants: one row per point, each with the chosen metrics.
public struct Sweep: Codable, Sendable, Hashable {
    /// The varied paths, in the order of `--vary`.
    public var parameters: [String]
    public var metrics: [Metric]
    public var rows: [Row]

    public init(parameters: [String], metrics: [Metric], rows: [Row]) {
        self.parameters = parameters; self.metrics = metrics; self.rows = rows
    }

    public struct Row: Codable, Sendable, Hashable {
        /// The value of each varied path at this point.
        public var point: [String: Double]
        /// The totals of the chosen metrics at this point.
        public var totals: [Metric: Stats]
        public init(point: [String: Double], totals: [Metric: Stats]) {
            self.point = point; self.totals = totals
        }
    }
}
