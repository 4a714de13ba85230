import Foundation

/// A headline quantity that every evaluation reports, for the whole term,
/// each year and each month. Raw values carry the unit in their name, as in
/// the JSON result (`fleetwatt.result/1`).
public enum Metric: String, CaseIterable, Codable, Sendable, Comparable {
    case itEnergy = "it_energy_mwh"
    case facilityEnergy = "facility_energy_mwh"
    case coolingEnergy = "cooling_energy_mwh"
    case powerDeliveryLoss = "power_delivery_loss_mwh"
    case peakFacilityPower = "peak_facility_mw"
    case averageFacilityPower = "avg_facility_mw"
    case pue = "pue"
    case waterOnsite = "water_onsite_m3"
    case waterOffsite = "water_offsite_m3"
    case carbonLocation = "carbon_location_tco2e"
    case carbonMarket = "carbon_market_tco2e"
    case carbonEmbodied = "carbon_embodied_tco2e"
    case electricityCost = "electricity_cost_usd"
    case costShareOfContract = "cost_share_of_contract"
    case gpusInstalledPeak = "gpus_installed_peak"
    case auxiliaryEnergy = "auxiliary_energy_mwh"
    case waterOnsiteConsumption = "water_onsite_consumption_m3"
    case waterStressWeighted = "water_stress_weighted_m3"
    case carbonMarginal = "carbon_marginal_tco2e"
    case demandCharges = "demand_charges_usd"
    case ppaSettlement = "ppa_settlement_usd"
    case wue = "wue_l_per_kwh"
    case cfeMatched = "cfe_matched_mwh"
    case cfeShare = "cfe_share"
    case cfeMatchedHours = "cfe_matched_site_hours"
    case loadSiteHours = "load_site_hours"
    case cfeHoursShare = "cfe_hours_matched_share"
    /// GPU-hours delivered: serving GPUs (not spares, not in repair) × hours.
    case gpuHours = "gpu_hours"
    /// Contract value per GPU-hour delivered, the contract spread evenly over the term's hours.
    case contractUSDPerGPUHour = "contract_usd_per_gpu_hour"

    /// The unit, as printed in tables and CSV headers.
    public var unit: String {
        switch self {
        case .itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .auxiliaryEnergy: "MWh"
        case .peakFacilityPower, .averageFacilityPower: "MW"
        case .pue, .costShareOfContract: "1"
        case .wue: "L/kWh"
        case .cfeMatched: "MWh"
        case .cfeShare, .cfeHoursShare: "1"
        case .cfeMatchedHours, .loadSiteHours: "h"
        case .waterOnsite, .waterOffsite, .waterOnsiteConsumption, .waterStressWeighted: "m3"
        case .carbonLocation, .carbonMarket, .carbonEmbodied, .carbonMarginal: "tCO2e"
        case .electricityCost, .demandCharges, .ppaSettlement: "USD"
        case .gpusInstalledPeak: "GPUs"
        case .gpuHours: "GPU-h"
        case .contractUSDPerGPUHour: "USD/GPU-h"
        }
    }

    /// A short human label.
    public var label: String {
        switch self {
        case .itEnergy: "IT energy"
        case .facilityEnergy: "Facility energy"
        case .coolingEnergy: "Cooling energy"
        case .powerDeliveryLoss: "Power delivery losses"
        case .peakFacilityPower: "Peak facility power"
        case .averageFacilityPower: "Average facility power"
        case .pue: "PUE (energy-weighted)"
        case .waterOnsite: "On-site water withdrawal"
        case .waterOffsite: "Off-site water consumed in generation"
        case .carbonLocation: "Carbon, location-based (operator Scope 2; customer Scope 3 cat. 1)"
        case .carbonMarket: "Carbon, market-based (operator Scope 2; customer Scope 3 cat. 1)"
        case .carbonEmbodied: "Carbon, embodied (scope 3)"
        case .electricityCost: "Electricity cost"
        case .costShareOfContract: "Cost share of contract"
        case .gpusInstalledPeak: "GPUs installed (peak)"
        case .auxiliaryEnergy: "Site auxiliary energy"
        case .waterOnsiteConsumption: "On-site water consumption"
        case .waterStressWeighted: "On-site water consumption × baseline water stress"
        case .carbonMarginal: "Carbon, long-run marginal (consequential; not an inventory figure)"
        case .demandCharges: "Demand and capacity charges (in the electricity cost)"
        case .ppaSettlement: "Virtual-PPA settlement (in the electricity cost)"
        case .wue: "WUE, on-site withdrawal per kWh of IT energy"
        case .cfeMatched: "Contracted carbon-free energy counted (annual or hourly matching)"
        case .cfeShare: "Carbon-free share of consumption counted"
        case .cfeMatchedHours: "Site-hours fully matched by contracted carbon-free supply (hourly matching)"
        case .loadSiteHours: "Site-hours with load"
        case .cfeHoursShare: "Share of hours fully matched (24/7 CFE; 0 without hourly matching)"
        case .gpuHours: "GPU-hours delivered"
        case .contractUSDPerGPUHour: "Contract value per GPU-hour"
        }
    }

    public static func < (a: Metric, b: Metric) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Metric {
    /// Whose greenhouse-gas inventory a carbon metric belongs to (GHG Protocol), nil for others.
    public var inventory: String? {
        switch self {
        case .carbonLocation: "operator Scope 2 (location-based); customer Scope 3 category 1 (purchased goods and services)"
        case .carbonMarket: "operator Scope 2 (market-based); customer Scope 3 category 1 (purchased goods and services)"
        case .carbonEmbodied: "operator Scope 3 category 2 (capital goods); customer Scope 3 category 1"
        case .carbonMarginal: "none: consequential emissions induced by the new load (not an inventory figure)"
        default: nil
        }
    }
}

/// Lets `[Metric: Stats]` encode as a JSON object keyed by the metric name.
extension Metric: CodingKeyRepresentable {}

extension Metric {
    /// The metrics named by contract name in `names`, each item possibly a comma-separated list,
    /// in the order given.
    /// - Throws: `UnknownMetric` for the first name that is not a metric.
    public static func parse(_ names: [String]) throws(UnknownMetric) -> [Metric] {
        var out: [Metric] = []
        for raw in names.flatMap({ $0.split(separator: ",") }) {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let m = Metric(rawValue: name) else { throw UnknownMetric(name: name) }
            out.append(m)
        }
        return out
    }
}

/// A metric name that is not one of the contract's, with the closest one when there is one.
public struct UnknownMetric: Error, Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public var description: String {
        let known = Metric.allCases.map(\.rawValue)
        return "unknown metric '\(name)'\(ClosestMatch.hint(for: name, among: known)); known: \(known.joined(separator: ", "))"
    }
}
