import FleetModel

/// `fleetwatt estimate --format json` (schema `fleetwatt.estimate/1`).
public struct EstimateOutput: Codable, Sendable, Hashable {
    public static let schemaVersion = "fleetwatt.estimate/1"
    public var schemaVersion = EstimateOutput.schemaVersion
    /// Facility energy, MWh.
    public var energyMWh: Double
    public var carbonTCO2e: Double
    public var costUSD: Double
    public var waterM3: Double
    public var inputs: Inputs

    public init(energyMWh: Double, carbonTCO2e: Double, costUSD: Double, waterM3: Double, inputs: Inputs) {
        self.energyMWh = energyMWh; self.carbonTCO2e = carbonTCO2e
        self.costUSD = costUSD; self.waterM3 = waterM3; self.inputs = inputs
    }

    /// The values used, after defaults from the catalog.
    public struct Inputs: Codable, Sendable, Hashable {
        public var gpu: String
        public var gpuHours: Double
        public var count: Double?
        public var hours: Double?
        public var utilization: Double?
        /// Average board power per GPU, W.
        public var powerW: Double
        public var pue: Double
        public var carbonIntensityKgPerKwh: Double
        public var priceUsdPerKwh: Double
        public var wueLPerKwh: Double

        public init(gpu: String, gpuHours: Double, count: Double? = nil, hours: Double? = nil,
                    utilization: Double? = nil, powerW: Double, pue: Double,
                    carbonIntensityKgPerKwh: Double, priceUsdPerKwh: Double, wueLPerKwh: Double) {
            self.gpu = gpu; self.gpuHours = gpuHours; self.count = count; self.hours = hours
            self.utilization = utilization; self.powerW = powerW; self.pue = pue
            self.carbonIntensityKgPerKwh = carbonIntensityKgPerKwh
            self.priceUsdPerKwh = priceUsdPerKwh; self.wueLPerKwh = wueLPerKwh
        }

        enum CodingKeys: String, CodingKey {
            case gpu, count, hours, utilization, pue
            case gpuHours = "gpu_hours"
            case powerW = "power_w"
            case carbonIntensityKgPerKwh = "carbon_intensity_kg_per_kwh"
            case priceUsdPerKwh = "price_usd_per_kwh"
            case wueLPerKwh = "wue_l_per_kwh"
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case energyMWh = "energy_mwh"
        case carbonTCO2e = "carbon_tco2e"
        case costUSD = "cost_usd"
        case waterM3 = "water_m3"
        case inputs
    }
}

/// `fleetwatt power --format json` (schema `fleetwatt.power/1`).
public struct PowerOutput: Codable, Sendable, Hashable {
    public static let schemaVersion = "fleetwatt.power/1"
    public var schemaVersion = PowerOutput.schemaVersion
    public var gpu: String
    public var points: [Point]

    public init(gpu: String, points: [Point]) { self.gpu = gpu; self.points = points }

    public struct Point: Codable, Sendable, Hashable {
        /// Fraction in [0, 1].
        public var utilization: Double
        /// Board power, W.
        public var powerW: Double
        public init(utilization: Double, powerW: Double) { self.utilization = utilization; self.powerW = powerW }
        enum CodingKeys: String, CodingKey {
            case utilization
            case powerW = "power_w"
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case gpu, points
    }
}

/// `fleetwatt params --format json` (schema `fleetwatt.params/1`): every settable path.
public struct ParamsOutput: Codable, Sendable, Hashable {
    public static let schemaVersion = "fleetwatt.params/1"
    public var schemaVersion = ParamsOutput.schemaVersion
    public var scenario: FleetResult.ScenarioInfo
    public var inputs: [FleetResult.Input]

    public init(scenario: FleetResult.ScenarioInfo, inputs: [FleetResult.Input]) {
        self.scenario = scenario; self.inputs = inputs
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case scenario, inputs
    }
}

/// `fleetwatt catalog --format json` (schema `fleetwatt.catalog/1`).
public struct CatalogOutput: Codable, Sendable, Hashable {
    public static let schemaVersion = "fleetwatt.catalog/1"
    public var schemaVersion = CatalogOutput.schemaVersion
    public var hardware: [Entry]
    public var sites: [Entry]
    public var coolingTypes: [Entry]
    public var grids: [Entry]

    public init(hardware: [Entry], sites: [Entry], coolingTypes: [Entry], grids: [Entry]) {
        self.hardware = hardware; self.sites = sites; self.coolingTypes = coolingTypes; self.grids = grids
    }

    /// One catalog entry; numeric facts carry their unit in the key (`tdp_w`, `embodied_kg`).
    public struct Entry: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        /// Hardware: "gpu" or "cpu-server"; sites: the cooling type.
        public var kind: String?
        public var properties: [String: Double]
        public var source: String
        public init(id: String, name: String, kind: String? = nil, properties: [String: Double] = [:], source: String) {
            self.id = id; self.name = name; self.kind = kind; self.properties = properties; self.source = source
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case hardware, sites, grids
        case coolingTypes = "cooling_types"
    }
}
