/// Which scenario a result is of: id, title, where it was read from and its hash.
public struct ScenarioInfo: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    /// The file it was read from, or "embedded:<name>" for the built-in default.
    public var source: String
    /// SHA-256 of the scenario file's bytes, hex.
    public var sha256: String
    /// The scenario's switchable options and whether each is enabled (nil: none); an extension of the contract.
    public var options: [String: Bool]?
    /// Every models/ data file the scenario pulled (hardware, sites, grids), with its SHA-256, so a
    /// result names the exact data it used and not only the scenario file (nil: none read).
    public var models: [DataFile]?
    /// Every weather file the sites read (`sites.<id>.climate.weather_file`), with its SHA-256, so
    /// a result also names the weather it used (nil: none read); an extension of the contract.
    public var weatherFiles: [DataFile]?
    public init(id: String, title: String, source: String, sha256: String, options: [String: Bool]? = nil,
                models: [DataFile]? = nil, weatherFiles: [DataFile]? = nil) {
        self.id = id; self.title = title; self.source = source; self.sha256 = sha256; self.options = options
        self.models = models; self.weatherFiles = weatherFiles
    }

    enum CodingKeys: String, CodingKey {
        case id, title, source, sha256, options, models
        case weatherFiles = "weather_files"
    }
}

/// One data file read for a scenario.
public struct DataFile: Codable, Sendable, Hashable {
    /// Relative to the models root: `hardware.yaml`, `sites/us-east-1.yaml`; for a weather file,
    /// the `weather_file` value as the scenario gives it.
    public var path: String
    /// Where it was read: `embedded:sites/us-east-1.yaml` (the copy in the binary) or a file path.
    public var source: String
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    public var sha256: String
    public init(path: String, source: String, sha256: String) {
        self.path = path; self.source = source; self.sha256 = sha256
    }
}

/// A numeric input of a scenario as a result records it (`FleetResult.inputs`).
public struct ScenarioInput: Codable, Sendable, Hashable {
    /// Dotted path, by id: `fleet.cohorts.gb200.count`.
    public var path: String
    public var unit: String
    public var base: Double
    /// The distribution in scenario syntax, for example "triangular(250000, 400000, 600000)",
    /// or nil for a fixed value.
    public var distribution: String?
    public var source: String
    public init(path: String, unit: String, base: Double, distribution: String?, source: String) {
        self.path = path; self.unit = unit; self.base = base
        self.distribution = distribution; self.source = source
    }
}
