/// A data-centre site: climate, cooling design, power delivery, grid.
/// STUB: the facility-side work defines the real fields.
public struct SiteSpec: Codable, Sendable, Identified {
    public var id: String = ""
    public var name: String
    /// Grid id, a key of `FleetSpec.grids`.
    public var grid: String
    enum CodingKeys: String, CodingKey { case name, grid }
}
