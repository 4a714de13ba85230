/// A catalog entry: an accelerator with its share of the host server, network
/// and storage (all per GPU), or a CPU-only server (all per server).
///
/// Units are "units": one GPU for accelerators, one server for CPU servers.
/// Every field is a per-unit quantity; see docs/METHODS.md §1 for the equations.
public struct HardwareSpec: Codable, Sendable, Identified {
    public var id: String = ""
    /// Human name, for example "NVIDIA H100 SXM5 80 GB".
    public var name: String
    /// Accelerator (`gpu`) or CPU-only server (`cpu-server`).
    public var kind: HardwareKind
    /// Board power limit (TDP/TGP) of one GPU, or the maximum wall power of one CPU server, W.
    public var tdpW: Double
    /// Utilization points of the power curve, fractions from 0 to 1, strictly increasing.
    public var curveUtilizationFraction: [Double]
    /// Board power at each utilization point as a fraction of `tdpW` (compute-bound load,
    /// a running process at u = 0: idle with a CUDA context), dimensionless.
    public var curvePowerFraction: [Double]
    /// Board power with no process and no CUDA context (bare idle), W.
    public var idleBareW: Double
    /// Host share per unit (CPUs, memory, NICs, fans, in-node switches) when idle, W.
    public var hostIdleW: Double
    /// Host share per unit at full utilization, W.
    public var hostMaxW: Double
    /// Network switches (scale-out fabric, NVLink switch trays outside the node) per unit, W.
    public var networkW: Double
    /// Storage systems per unit, W.
    public var storageW: Double
    /// Share of the unit's IT heat captured by liquid when racked with direct-to-chip cooling.
    public var liquidHeatFraction: Double
    /// Embodied carbon of the GPU module (die, HBM, substrate, board) per GPU; 0 for CPU servers, kg CO2e.
    public var embodiedGPUKg: Double
    /// Embodied carbon of the unit's share of its host server (CPUs, DRAM, SSD, boards, chassis,
    /// power supplies, NICs) per GPU, or of the whole CPU server, kg CO2e.
    public var embodiedHostKg: Double
    /// Embodied carbon of the unit's share of rack (power shelves, busbar, manifolds, in-rack
    /// switches) and network fabric, kg CO2e.
    public var embodiedRackNetworkKg: Double
    /// Depreciation life over which embodied carbon is amortised and after which units retire, years.
    public var usefulLifeYears: Double
    /// Hardware failures needing a unit replacement, per unit-year (1/year).
    public var annualFailureRate: Double
    /// Mean time a failed unit is out of service until repaired or swapped, h.
    public var repairTimeHours: Double
    /// Utilization that `estimate` assumes when none is given, fraction.
    public var defaultUtilizationFraction: Double

    public init(id: String, name: String, kind: HardwareKind, tdpW: Double,
                curveUtilizationFraction: [Double], curvePowerFraction: [Double],
                idleBareW: Double, hostIdleW: Double, hostMaxW: Double, networkW: Double,
                storageW: Double, liquidHeatFraction: Double, embodiedGPUKg: Double,
                embodiedHostKg: Double, embodiedRackNetworkKg: Double,
                usefulLifeYears: Double, annualFailureRate: Double, repairTimeHours: Double,
                defaultUtilizationFraction: Double) {
        self.id = id; self.name = name; self.kind = kind; self.tdpW = tdpW
        self.curveUtilizationFraction = curveUtilizationFraction
        self.curvePowerFraction = curvePowerFraction
        self.idleBareW = idleBareW; self.hostIdleW = hostIdleW; self.hostMaxW = hostMaxW
        self.networkW = networkW; self.storageW = storageW
        self.liquidHeatFraction = liquidHeatFraction; self.embodiedGPUKg = embodiedGPUKg
        self.embodiedHostKg = embodiedHostKg; self.embodiedRackNetworkKg = embodiedRackNetworkKg
        self.usefulLifeYears = usefulLifeYears; self.annualFailureRate = annualFailureRate
        self.repairTimeHours = repairTimeHours
        self.defaultUtilizationFraction = defaultUtilizationFraction
    }

    enum CodingKeys: String, CodingKey {
        case name, kind
        case tdpW = "tdp_w"
        case curveUtilizationFraction = "curve_utilization_fraction"
        case curvePowerFraction = "curve_power_fraction"
        case idleBareW = "idle_bare_w"
        case hostIdleW = "host_idle_w"
        case hostMaxW = "host_max_w"
        case networkW = "network_w"
        case storageW = "storage_w"
        case liquidHeatFraction = "liquid_heat_fraction"
        case embodiedGPUKg = "embodied_gpu_kg"
        case embodiedHostKg = "embodied_host_kg"
        case embodiedRackNetworkKg = "embodied_rack_network_kg"
        case usefulLifeYears = "useful_life_years"
        case annualFailureRate = "annual_failure_rate"
        case repairTimeHours = "repair_time_hours"
        case defaultUtilizationFraction = "default_utilization_fraction"
    }

    /// Board power with a process holding a CUDA context but no kernel running
    /// (the curve at u = 0), W.
    public var idleContextW: Double { (curvePowerFraction.first ?? 0) * tdpW }

    /// Embodied carbon of one whole unit: GPU module + host share + rack and network share, kg CO2e.
    public var embodiedKg: Double { embodiedGPUKg + embodiedHostKg + embodiedRackNetworkKg }

    /// Embodied carbon of what a failure replaces: the GPU module for an accelerator (a swap
    /// replaces the module, not the server around it), the server for a CPU server, kg CO2e.
    public var embodiedReplacementKg: Double { isGPU ? embodiedGPUKg : embodiedHostKg }

    /// Whether the unit counts as a GPU (`gpus_installed_peak`).
    public var isGPU: Bool { kind == .gpu }
}

/// What one unit of a catalog entry is.
public enum HardwareKind: String, Codable, Sendable, CaseIterable {
    /// One accelerator with its share of the host server.
    case gpu
    /// One CPU-only server.
    case cpuServer = "cpu-server"
}
