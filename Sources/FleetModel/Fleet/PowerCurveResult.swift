/// What `fleetwatt power` prints: one GPU's board power at each utilization.
public struct PowerCurveResult: Codable, Sendable, Hashable {
    public static let schemaVersion = "fleetwatt.power/1"
    /// Identifies the document (schema `fleetwatt schema --of power`).
    public var schemaVersion = PowerCurveResult.schemaVersion
    public var gpu: String
    public var points: [Point]

    public struct Point: Codable, Sendable, Hashable {
        /// nvidia-smi GPU utilization, fraction.
        public var utilization: Double
        /// Board power, W.
        public var powerW: Double
        enum CodingKeys: String, CodingKey {
            case utilization
            case powerW = "power_w"
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case gpu, points
    }

    /// Board power from the catalog curve (compute-bound load, a running process, no cap
    /// unless `capFraction` is given) at each utilization.
    /// - Throws: `EstimateError.invalid` for a utilization outside [0, 1].
    public static func compute(hardware: HardwareSpec, utilizations: [Double],
                               capFraction: Double? = nil) throws -> PowerCurveResult {
        let curve = try PowerCurve(hardware: hardware, capFraction: capFraction)
        let points = try utilizations.map { u in
            guard (0...1).contains(u) else {
                throw EstimateError.invalid(field: "utilization", value: u, expected: "0 to 1")
            }
            return Point(utilization: u, powerW: try curve.boardPowerW(utilization: u))
        }
        return PowerCurveResult(gpu: hardware.id, points: points)
    }

    public init(gpu: String, points: [Point]) {
        self.gpu = gpu
        self.points = points
    }
}
