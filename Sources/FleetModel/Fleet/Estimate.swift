/// A single job or fleet slice without a scenario file: `fleetwatt estimate`.
///
/// ```
/// E_IT  = G · P / 10⁶                    (MWh; G GPU-hours, P W per GPU)
/// E     = E_IT · PUE                      (MWh, facility energy)
/// C     = E · I                           (t CO2e; I kg/kWh = t/MWh)
/// $     = E · 1000 · p                    (USD; p USD/kWh)
/// W     = E_IT · WUE                      (m³; WUE L/kWh = m³/MWh, per IT energy)
/// ```
/// Without a given power, P is the catalog IT power per GPU at utilization u:
/// board P(u) + host h(u) + network + storage; or, with a measured board power given as a
/// fraction f of TDP, board f·TDP + host h(x) + network + storage, x the load that board power
/// implies on the dense-GEMM curve (docs/METHODS.md §1.3).
public struct EstimateInput: Codable, Sendable, Hashable {
    /// Catalog id of the GPU (or CPU server).
    public var gpu: String
    /// Average IT power per GPU, used as given, W.
    public var powerW: Double?
    /// GPU-hours; or give `count` and `hours`.
    public var gpuHours: Double?
    /// Number of GPUs (with `hours`).
    public var count: Double?
    /// Hours each GPU runs, h (with `count`).
    public var hours: Double?
    /// Power usage effectiveness, facility over IT energy (1).
    public var pue: Double?
    /// Grid carbon intensity, kg CO2e/kWh of facility energy.
    public var carbonIntensityKgPerKwh: Double?
    /// Electricity price, USD/kWh of facility energy.
    public var priceUSDPerKwh: Double?
    /// On-site water per IT energy, L/kWh.
    public var wueLPerKwh: Double?
    /// Utilization for the catalog power, fraction (default: the catalog's).
    public var utilization: Double?
    /// Measured mean board power per GPU as a fraction of TDP (telemetry), in place of a utilization.
    public var boardPowerFraction: Double?

    public init(gpu: String, powerW: Double? = nil, gpuHours: Double? = nil, count: Double? = nil,
                hours: Double? = nil, pue: Double? = nil, carbonIntensityKgPerKwh: Double? = nil,
                priceUSDPerKwh: Double? = nil, wueLPerKwh: Double? = nil, utilization: Double? = nil,
                boardPowerFraction: Double? = nil) {
        self.gpu = gpu; self.powerW = powerW; self.gpuHours = gpuHours; self.count = count
        self.hours = hours; self.pue = pue; self.carbonIntensityKgPerKwh = carbonIntensityKgPerKwh
        self.priceUSDPerKwh = priceUSDPerKwh; self.wueLPerKwh = wueLPerKwh; self.utilization = utilization
        self.boardPowerFraction = boardPowerFraction
    }

    enum CodingKeys: String, CodingKey {
        case gpu, count, hours, pue, utilization
        case boardPowerFraction = "board_power_fraction"
        case powerW = "power_w"
        case gpuHours = "gpu_hours"
        case carbonIntensityKgPerKwh = "carbon_intensity_kg_per_kwh"
        case priceUSDPerKwh = "price_usd_per_kwh"
        case wueLPerKwh = "wue_l_per_kwh"
    }
}

/// What `estimate` prints: totals and the inputs actually used.
public struct EstimateResult: Codable, Sendable, Hashable {
    public static let schemaVersion = "fleetwatt.estimate/1"
    /// Identifies the document (schema `fleetwatt schema --of estimate`).
    public var schemaVersion = EstimateResult.schemaVersion
    /// Facility energy (IT × PUE), MWh.
    public var energyMWh: Double
    /// Location-based operational carbon, t CO2e.
    public var carbonTCO2e: Double
    /// Electricity cost, USD.
    public var costUSD: Double
    /// On-site water (WUE × IT energy), m³.
    public var waterM3: Double
    public var inputs: EstimateResolvedInputs
    /// What the estimate changed in its input and why (a board power outside what the board
    /// can draw), for standard error; not part of the JSON document.
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey {
        case inputs
        case schemaVersion = "schema_version"
        case energyMWh = "energy_mwh"
        case carbonTCO2e = "carbon_tco2e"
        case costUSD = "cost_usd"
        case waterM3 = "water_m3"
    }
}

/// Every input `estimate` used, with where the power came from.
public struct EstimateResolvedInputs: Codable, Sendable, Hashable {
    public var gpu: String
    public var gpuHours: Double
    /// IT power per GPU, W.
    public var powerW: Double
    /// "given" (from --power-w), "catalog" (board + host + network + storage at the utilization) or
    /// "board" (the given board power + host + network + storage).
    public var powerSource: String
    /// Utilization used for the catalog power; nil when the power was given.
    public var utilization: Double?
    /// Board power at that utilization, W; nil when the power was given.
    public var boardPowerW: Double?
    public var pue: Double
    public var carbonIntensityKgPerKwh: Double
    public var priceUSDPerKwh: Double
    public var wueLPerKwh: Double
    /// IT energy before PUE, MWh.
    public var itEnergyMWh: Double

    enum CodingKeys: String, CodingKey {
        case gpu, pue, utilization
        case gpuHours = "gpu_hours"
        case powerW = "power_w"
        case powerSource = "power_source"
        case boardPowerW = "board_power_w"
        case carbonIntensityKgPerKwh = "carbon_intensity_kg_per_kwh"
        case priceUSDPerKwh = "price_usd_per_kwh"
        case wueLPerKwh = "wue_l_per_kwh"
        case itEnergyMWh = "it_energy_mwh"
    }
}

/// Input that `estimate` and `power` cannot use: bad input (exit 2), not a failed run.
public enum EstimateError: InputError, Hashable, Sendable {
    case missingHours
    case conflictingHours
    case invalid(field: String, value: Double, expected: String)

    public var description: String {
        switch self {
        case .missingHours: "give --gpu-hours, or --count and --hours"
        case .conflictingHours: "give either --gpu-hours or --count with --hours, not both"
        case let .invalid(field, value, expected): "\(field): expected \(expected), got \(value)"
        }
    }
}

public enum Estimate {
    /// The largest plausible IT power per accelerator, W: a GB300 board (1.4 kW, docs/METHODS.md §1.2)
    /// with its share of host, network and storage is ≈ 2 kW; five times that is surely a typo.
    public static let maximumPowerW = 10_000.0

    /// Largest `--gpu-hours` (and `--count` × `--hours`): 10 million GPUs for 10 years is
    /// 8.8e11; beyond 1e12 the totals stop meaning anything (1e308 printed inf).
    public static let maximumGPUHours = 1e12
    /// Largest `--count`, as for a scenario cohort.
    public static let maximumCount = 1e8
    /// Largest `--hours`: a century.
    public static let maximumHours = 876_600.0

    /// Default PUE: Uptime Institute global average, 1.56 (2024).
    public static let defaultPUE = 1.56
    /// Default carbon intensity: US average, eGRID2022 total output 823.149 lb CO2/MWh (0.3734 kg CO2/kWh), 0.375 kg CO2e/kWh with CH4 and N2O (EPA 2024).
    public static let defaultCarbonIntensityKgPerKwh = 0.375
    /// Default price: US industrial average 2023, 8.06 ¢/kWh (EIA, via Statista).
    public static let defaultPriceUSDPerKwh = 0.0806
    /// Default WUE: industry average 0.84 L/kWh that Amazon cites against its 0.15 (2024).
    public static let defaultWUELPerKwh = 0.84

    /// Evaluates one estimate.
    /// - Parameter hardware: the catalog entry named by `input.gpu`.
    public static func run(_ input: EstimateInput, hardware: HardwareSpec) throws -> EstimateResult {
        func positive(_ name: String, _ v: Double?) throws {
            if let v, !(v >= 0 && v.isFinite) { throw EstimateError.invalid(field: name, value: v, expected: "a number ≥ 0") }
        }
        func atMost(_ name: String, _ v: Double?, _ limit: Double, _ why: String) throws {
            if let v, v > limit { throw EstimateError.invalid(field: name, value: v, expected: "at most \(why)") }
        }
        // Each flag is checked on its own, so a bad --count is blamed on --count, not --gpu-hours.
        try positive("count", input.count)
        try atMost("count", input.count, maximumCount, "1e8 GPUs (the scenario limit of a cohort)")
        try positive("hours", input.hours)
        try atMost("hours", input.hours, maximumHours, "876600 h (100 years)")
        let gpuHours: Double
        switch (input.gpuHours, input.count, input.hours) {
        case (let g?, nil, nil): gpuHours = g
        case (nil, let n?, let h?): gpuHours = n * h
        case (.some, _, _): throw EstimateError.conflictingHours
        default: throw EstimateError.missingHours
        }
        try positive("gpu_hours", gpuHours)
        try atMost("gpu_hours", gpuHours, maximumGPUHours, "1e12 GPU-hours (10 million GPUs for 10 years is 8.8e11)")
        try positive("power_w", input.powerW)
        if let p = input.powerW, p > maximumPowerW {
            throw EstimateError.invalid(field: "power_w", value: p,
                                        expected: "at most \(Int(maximumPowerW)) W per GPU (with its share of the host, today's largest draw ≈ 2 kW)")
        }
        try positive("carbon_intensity_kg_per_kwh", input.carbonIntensityKgPerKwh)
        try atMost("carbon_intensity_kg_per_kwh", input.carbonIntensityKgPerKwh, 1.5,
                   "1.5 kg/kWh (as for a scenario grid; lignite plants emit ≈ 1.1)")
        try positive("price_usd_per_kwh", input.priceUSDPerKwh)
        try atMost("price_usd_per_kwh", input.priceUSDPerKwh, 2, "2 USD/kWh (as for a scenario grid)")
        try positive("wue_l_per_kwh", input.wueLPerKwh)
        try atMost("wue_l_per_kwh", input.wueLPerKwh, 20, "20 L/kWh (as for a scenario's fixed-PUE site)")
        let pue = input.pue ?? defaultPUE
        if !(pue >= 1 && pue <= 10) { throw EstimateError.invalid(field: "pue", value: pue, expected: "1 to 10") }

        let power: Double, utilization: Double?, board: Double?
        var warnings: [String] = []
        if input.boardPowerFraction != nil && (input.powerW != nil || input.utilization != nil) {
            throw EstimateError.invalid(field: "board_power_fraction", value: input.boardPowerFraction!,
                                        expected: "no --power-w or --utilization beside it (give one way of stating the power)")
        }
        if let p = input.powerW {
            power = p; utilization = nil; board = nil
        } else if let f = input.boardPowerFraction {
            if !(f > 0 && f <= 1) {
                throw EstimateError.invalid(field: "board_power_fraction", value: f, expected: "a fraction of TDP in (0, 1]")
            }
            let curve = try PowerCurve(hardware: hardware)
            let full = try curve.boardPowerW(utilization: 1)
            let b = ServingPowerProfile.clampBoard(f * hardware.tdpW, idle: curve.idleContextW, full: full)
            if b != f * hardware.tdpW {
                func round(_ v: Double, _ scale: Double) -> Double { (v * scale).rounded() / scale }
                let (change, why) = b > f * hardware.tdpW
                    ? ("raised", "idle with a CUDA context, the least a board holding a job draws")
                    : ("lowered", "full-load power on the catalog curve, the most the board draws")
                warnings.append("--board-power-fraction \(f) (\(round(f * hardware.tdpW, 10)) W) \(change) to "
                    + "\(round(b, 10)) W (\(round(b / hardware.tdpW, 1000)) of TDP) for \(hardware.id): \(why) "
                    + "(docs/METHODS.md §1.5)")
            }
            let x = ServingPowerProfile.load(board: b, idle: curve.idleContextW, full: full)
            power = b + hardware.hostIdleW + (hardware.hostMaxW - hardware.hostIdleW) * x
                + hardware.networkW + hardware.storageW
            utilization = nil; board = b
        } else {
            let u = input.utilization ?? hardware.defaultUtilizationFraction
            if !(0...1).contains(u) { throw EstimateError.invalid(field: "utilization", value: u, expected: "0 to 1") }
            let b = try PowerCurve(hardware: hardware).boardPowerW(utilization: u)
            power = b + hardware.hostIdleW + (hardware.hostMaxW - hardware.hostIdleW) * u
                + hardware.networkW + hardware.storageW
            utilization = u; board = b
        }
        let ci = input.carbonIntensityKgPerKwh ?? defaultCarbonIntensityKgPerKwh
        let price = input.priceUSDPerKwh ?? defaultPriceUSDPerKwh
        let wue = input.wueLPerKwh ?? defaultWUELPerKwh
        let itMWh = gpuHours * power / 1e6
        let energy = itMWh * pue
        return EstimateResult(
            energyMWh: energy, carbonTCO2e: energy * ci, costUSD: energy * 1000 * price, waterM3: itMWh * wue,
            inputs: EstimateResolvedInputs(
                gpu: hardware.id, gpuHours: gpuHours, powerW: power,
                powerSource: input.powerW != nil ? "given" : input.boardPowerFraction != nil ? "board" : "catalog",
                utilization: utilization,
                boardPowerW: board, pue: pue, carbonIntensityKgPerKwh: ci, priceUSDPerKwh: price,
                wueLPerKwh: wue, itEnergyMWh: itMWh),
            warnings: warnings)
    }
}
