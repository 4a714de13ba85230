/// The fleet model: scenarios, physics and accounting of a GPU fleet over a
/// contract term, with Monte Carlo uncertainty and sensitivity.
public enum FleetModelInfo {
    /// The tool's version, written into every result.
    public static let toolVersion = "0.1.0"
}
