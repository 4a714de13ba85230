/// Power and water flows of one site-hour, W and L.
public struct HourFlows: Sendable {
    /// IT power, W.
    public var it: Double
    /// Chillers, fans and pumps, W.
    public var cooling: Double
    /// Distribution, UPS and transformer losses, W.
    public var delivery: Double
    /// Site auxiliary loads (lighting, controls, block heaters), W.
    public var auxiliary: Double
    /// Facility power: IT + cooling + auxiliaries + delivery losses, W.
    public var facility: Double
    /// Heat rejected to the heat sink (IT heat, losses in the building, fan and pump heat, chiller work), W.
    public var rejected: Double
    /// On-site water consumed (evaporation + drift) and withdrawn (make-up), L in the hour.
    public var waterConsumedL: Double
    public var waterWithdrawnL: Double
}
