import FleetModel

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
