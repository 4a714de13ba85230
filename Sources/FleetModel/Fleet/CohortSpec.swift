/// A group of identical units deployed together at one site.
/// STUB: the fleet-side work defines the real fields.
public struct CohortSpec: Codable, Sendable, Identified {
    public var id: String = ""
    /// Catalog id of the hardware, a key of `FleetSpec.hardware`.
    public var hardware: String
    /// Site id, a key of `FleetSpec.sites`.
    public var site: String
    enum CodingKeys: String, CodingKey { case hardware, site }
}
