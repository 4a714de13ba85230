internal import GSL

/// Board power of one unit as a function of utilization, interpolated through the
/// catalog's measured points with Steffen's monotone method, then limited by the
/// board power cap.
///
/// ```
/// P(u) = min(P₀ + ι·(S(u) − P₀), P_cap)
/// ```
/// where S is the Steffen interpolant through (uᵢ, fᵢ·TDP), P₀ = S(0) is idle with a
/// CUDA context, ι the workload's intensity (1 for dense GEMM) and P_cap = c·TDP.
public struct PowerCurve: Sendable {
    /// Catalog id of the hardware.
    public let hardwareID: String
    /// Board power limit of the hardware (TDP), W.
    public let tdpW: Double
    /// Power cap in force, W (TDP × cap fraction).
    public let capW: Double
    /// Board power at u = 0 with a process holding a CUDA context, W.
    public let idleContextW: Double
    private let interpolator: Interpolator

    /// - Parameters:
    ///   - hardware: the catalog entry with its curve points.
    ///   - capFraction: board power limit as a fraction of TDP; nil for none.
    /// - Throws: `EstimateError.invalid` for a cap outside (0, 1]; `GSLError` when the points
    ///   cannot be interpolated (fewer than three, x not strictly increasing).
    public init(hardware: HardwareSpec, capFraction: Double? = nil) throws {
        if let c = capFraction, !(c > 0 && c <= 1) {
            throw EstimateError.invalid(field: "cap_fraction", value: c, expected: "a fraction of TDP in (0, 1]")
        }
        hardwareID = hardware.id
        tdpW = hardware.tdpW
        capW = hardware.tdpW * (capFraction ?? 1)
        idleContextW = hardware.idleContextW
        interpolator = try Interpolator(x: hardware.curveUtilizationFraction,
                                        y: hardware.curvePowerFraction.map { $0 * hardware.tdpW },
                                        method: .steffen)
    }

    /// Board power at utilization `u` (clamped to [0, 1]) for a compute-bound load, capped, W.
    @inline(__always)
    public func boardPowerW(utilization u: Double) throws -> Double {
        min(try interpolator.value(at: min(max(u, 0), 1)), capW)
    }

    /// Board power at utilization `u` for kernels whose dynamic power is the fraction
    /// `intensity` of dense GEMM's at the same utilization, capped, W.
    @inline(__always)
    public func boardPowerW(utilization u: Double, intensity: Double) throws -> Double {
        let s = try interpolator.value(at: min(max(u, 0), 1))
        return min(idleContextW + intensity * (s - idleContextW), capW)
    }
}
