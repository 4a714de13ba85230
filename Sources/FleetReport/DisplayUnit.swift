import FleetModel

/// A unit to show a metric in, chosen for its magnitude, so that chart axes and
/// prose read "41.2 TWh" rather than "41,200,000 MWh".
public struct DisplayUnit: Sendable, Equatable {
    /// Multiply a value in the metric's own unit by this to get the display value.
    public var factor: Double
    /// The unit label, for example "TWh" or "Mt CO₂e".
    public var label: String

    /// The display unit for values of `metric` up to about `magnitude` (in the metric's unit).
    public static func of(_ metric: Metric, magnitude: Double) -> DisplayUnit {
        let m = abs(magnitude)
        switch metric {
        case .itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .auxiliaryEnergy:
            if m >= 1e6 { return DisplayUnit(factor: 1e-6, label: "TWh") }
            if m >= 1e3 { return DisplayUnit(factor: 1e-3, label: "GWh") }
            return DisplayUnit(factor: 1, label: "MWh")
        case .peakFacilityPower, .averageFacilityPower:
            if m >= 1e4 { return DisplayUnit(factor: 1e-3, label: "GW") }
            return DisplayUnit(factor: 1, label: "MW")
        case .waterOnsite, .waterOffsite, .waterOnsiteConsumption, .waterStressWeighted:
            if m >= 1e6 { return DisplayUnit(factor: 1e-6, label: "million m³") }
            if m >= 1e4 { return DisplayUnit(factor: 1e-3, label: "thousand m³") }
            return DisplayUnit(factor: 1, label: "m³")
        case .carbonLocation, .carbonMarket, .carbonEmbodied, .carbonMarginal:
            if m >= 1e6 { return DisplayUnit(factor: 1e-6, label: "Mt CO₂e") }
            if m >= 1e4 { return DisplayUnit(factor: 1e-3, label: "kt CO₂e") }
            return DisplayUnit(factor: 1, label: "t CO₂e")
        case .electricityCost, .demandCharges, .ppaSettlement:
            if m >= 1e9 { return DisplayUnit(factor: 1e-9, label: "billion USD") }
            if m >= 1e6 { return DisplayUnit(factor: 1e-6, label: "million USD") }
            return DisplayUnit(factor: 1, label: "USD")
        case .costShareOfContract:
            return DisplayUnit(factor: 100, label: "% of contract")
        case .pue:
            return DisplayUnit(factor: 1, label: "")
        case .wue:
            return DisplayUnit(factor: 1, label: "L/kWh")
        case .cfeMatched:
            if m >= 1e6 { return DisplayUnit(factor: 1e-6, label: "TWh") }
            if m >= 1e3 { return DisplayUnit(factor: 1e-3, label: "GWh") }
            return DisplayUnit(factor: 1, label: "MWh")
        case .cfeShare, .cfeHoursShare:
            return DisplayUnit(factor: 100, label: "%")
        case .cfeMatchedHours, .loadSiteHours:
            return DisplayUnit(factor: 1, label: "h")
        case .gpusInstalledPeak:
            return DisplayUnit(factor: 1, label: "GPUs")
        case .gpuHours:
            if m >= 1e9 { return DisplayUnit(factor: 1e-9, label: "billion GPU-h") }
            if m >= 1e6 { return DisplayUnit(factor: 1e-6, label: "million GPU-h") }
            return DisplayUnit(factor: 1, label: "GPU-h")
        case .contractUSDPerGPUHour:
            return DisplayUnit(factor: 1, label: "USD/GPU-h")
        }
    }

    /// `value` (in the metric's unit) in this unit, with 3 significant digits and the label.
    public func format(_ value: Double, significant: Int = 3) -> String {
        let text = NumberFormat.human(value * factor, significant: significant)
        return label.isEmpty ? text : "\(text) \(label)"
    }
}

extension Metric {
    /// The unit and scale factor for tables (plain text, 80 columns): the largest of the
    /// metric's units that keeps the values at 1 or more, so that a column reads
    /// "25.82 TWh" rather than "25,820,000 MWh" (ASCII labels for any terminal).
    func tableUnit(magnitude: Double) -> (label: String, factor: Double) {
        let m = abs(magnitude)
        switch self {
        case .costShareOfContract, .cfeShare, .cfeHoursShare: return ("%", 100)
        case .cfeMatched: return m >= 1e6 ? ("TWh", 1e-6) : m >= 1e4 ? ("GWh", 1e-3) : ("MWh", 1)
        case .pue: return ("-", 1)
        case .electricityCost, .demandCharges, .ppaSettlement: return m >= 1e9 ? ("B USD", 1e-9) : m >= 1e7 ? ("M USD", 1e-6) : ("USD", 1)
        case .carbonLocation, .carbonMarket, .carbonEmbodied, .carbonMarginal:
            return m >= 1e6 ? ("MtCO2e", 1e-6) : m >= 1e4 ? ("ktCO2e", 1e-3) : ("tCO2e", 1)
        case .waterOnsite, .waterOffsite, .waterOnsiteConsumption, .waterStressWeighted: return m >= 1e6 ? ("M m3", 1e-6) : m >= 1e4 ? ("k m3", 1e-3) : ("m3", 1)
        case .gpuHours: return m >= 1e9 ? ("B GPU-h", 1e-9) : m >= 1e6 ? ("M GPU-h", 1e-6) : ("GPU-h", 1)
        case .itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .auxiliaryEnergy:
            return m >= 1e6 ? ("TWh", 1e-6) : m >= 1e4 ? ("GWh", 1e-3) : ("MWh", 1)
        default: return (unit, 1)
        }
    }

    /// The metrics shown in one unit in a table: those of the same quantity.
    var unitGroup: [Metric] {
        let groups: [[Metric]] = [
            [.itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .auxiliaryEnergy, .cfeMatched],
            [.peakFacilityPower, .averageFacilityPower],
            [.waterOnsite, .waterOffsite, .waterOnsiteConsumption, .waterStressWeighted],
            [.carbonLocation, .carbonMarket, .carbonEmbodied, .carbonMarginal],
            [.electricityCost, .demandCharges, .ppaSettlement],
        ]
        return groups.first { $0.contains(self) } ?? [self]
    }

    /// A short label that fits a 20-character table column.
    var shortLabel: String {
        switch self {
        case .itEnergy: "IT energy"
        case .facilityEnergy: "Facility energy"
        case .coolingEnergy: "Cooling energy"
        case .powerDeliveryLoss: "Delivery losses"
        case .peakFacilityPower: "Peak facility power"
        case .averageFacilityPower: "Avg facility power"
        case .pue: "PUE"
        case .waterOnsite: "Water withdrawn"
        case .waterOffsite: "Water, off-site"
        case .carbonLocation: "CO2e location S2/S3"
        case .carbonMarket: "CO2e market S2/S3"
        case .carbonEmbodied: "CO2e embodied (S3)"
        case .electricityCost: "Electricity cost"
        case .costShareOfContract: "Cost / contract"
        case .gpusInstalledPeak: "GPUs installed, peak"
        case .auxiliaryEnergy: "Auxiliary energy"
        case .waterOnsiteConsumption: "Water consumed"
        case .waterStressWeighted: "Water x stress"
        case .carbonMarginal: "CO2e LR marginal"
        case .demandCharges: "Demand charges"
        case .ppaSettlement: "vPPA settlement"
        case .wue: "WUE, on-site"
        case .cfeMatched: "CFE counted"
        case .cfeShare: "CFE share"
        case .cfeMatchedHours: "CFE-matched hours"
        case .loadSiteHours: "Site-hours loaded"
        case .cfeHoursShare: "Hours matched 24/7"
        case .gpuHours: "GPU-hours"
        case .contractUSDPerGPUHour: "Contract / GPU-h"
        }
    }
}
