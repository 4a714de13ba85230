/// A catalog entry: an accelerator (with its share of the host server) or a
/// CPU-only server. STUB: the fleet-side work defines the real fields.
public struct HardwareSpec: Codable, Sendable, Identified {
    public var id: String = ""
    public var name: String
    enum CodingKeys: String, CodingKey { case name }
}
