/// An electricity grid: carbon intensity, prices, water intensity.
/// STUB: the facility-side work defines the real fields.
public struct GridSpec: Codable, Sendable, Identified {
    public var id: String = ""
    public var name: String
    enum CodingKeys: String, CodingKey { case name }
}
