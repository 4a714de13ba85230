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
    /// GPU-hours delivered: serving GPUs (not spares, not in repair) × hours.
    case gpuHours = "gpu_hours"
    /// Contract value per GPU-hour delivered, the contract spread evenly over the term's hours.
    case contractUSDPerGPUHour = "contract_usd_per_gpu_hour"

    /// The unit, as printed in tables and CSV headers.
    public var unit: String {
        switch self {
        case .itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss: "MWh"
        case .peakFacilityPower, .averageFacilityPower: "MW"
        case .pue, .costShareOfContract: "1"
        case .waterOnsite, .waterOffsite: "m3"
        case .carbonLocation, .carbonMarket, .carbonEmbodied: "tCO2e"
        case .electricityCost: "USD"
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
        case .waterOnsite: "On-site water"
        case .waterOffsite: "Off-site (grid) water"
        case .carbonLocation: "Carbon, location-based (scope 2)"
        case .carbonMarket: "Carbon, market-based (scope 2)"
        case .carbonEmbodied: "Carbon, embodied (scope 3)"
        case .electricityCost: "Electricity cost"
        case .costShareOfContract: "Cost share of contract"
        case .gpusInstalledPeak: "GPUs installed (peak)"
        case .gpuHours: "GPU-hours delivered"
        case .contractUSDPerGPUHour: "Contract value per GPU-hour"
        }
    }

    public static func < (a: Metric, b: Metric) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Lets `[Metric: Stats]` encode as a JSON object keyed by the metric name.
extension Metric: CodingKeyRepresentable {}
