/// A scenario resolved to concrete values: what the physics evaluates.
///
/// Its shape is the resolved scenario tree: `fleet.cohorts.<id>`, `hardware.<id>`,
/// `sites.<id>`, `grids.<id>`; every dotted path a user can `--set` names a field here.
/// Keys are snake_case in files (explicit `CodingKeys`).
public struct FleetSpec: Codable, Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var term: TermSpec
    public var contract: ContractSpec
    public var fleet: FleetSection
    /// Catalog entries used by the cohorts (from models/hardware.yaml, with scenario overrides).
    public var hardware: IDMap<HardwareSpec>
    /// Sites used by the cohorts (from models/sites/<id>.yaml, with scenario overrides).
    public var sites: IDMap<SiteSpec>
    /// Grids used by the sites (from models/grids/<id>.yaml, with scenario overrides).
    public var grids: IDMap<GridSpec>
}

/// The contract term.
public struct TermSpec: Codable, Sendable, Hashable {
    /// First day, "YYYY-MM-DD".
    public var start: String
    /// Length in whole months.
    public var months: Int
}

/// The commercial contract the fleet serves.
public struct ContractSpec: Codable, Sendable, Hashable {
    /// Total contract value over the term, nominal USD.
    public var valueUSD: Double
    enum CodingKeys: String, CodingKey { case valueUSD = "value_usd" }
}

/// The hardware cohorts of the fleet.
public struct FleetSection: Codable, Sendable {
    public var cohorts: IDMap<CohortSpec>
}
