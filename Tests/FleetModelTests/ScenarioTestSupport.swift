import Foundation
import FleetTestSupport
@testable import FleetModel

/// Paths of the fixture files, found from this source file.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let models = folder.appendingPathComponent("models").path
    static func bad(_ name: String) -> String { folder.appendingPathComponent("bad/\(name)").path }
    static func scenario(_ name: String) -> String { models + "/scenarios/" + name }
    /// The repository root (for the embedded-copy check).
    static let repository = TestSupport.repoRoot

    /// Loads a bad fixture against the fixture models and returns every error, as `validate` does.
    static func errors(_ name: String) -> [String] {
        ScenarioDocument.validate(path: bad(name), models: .directory(models), as: TSpec.self).map(\.description)
    }
}

// Small spec types shaped like FleetSpec, decoded from the fixtures.

struct TSpec: Codable, Sendable {
    var id: String
    var title: String
    var description: String?
    var term: TTerm
    var contract: TContract
    var fleet: TFleet
    var hardware: IDMap<THardware>
    var sites: IDMap<TSite>
    var grids: IDMap<TGrid>
}

struct TTerm: Codable, Sendable {
    var start: String
    var months: Int
}

struct TContract: Codable, Sendable {
    var valueUSD: Double
    enum CodingKeys: String, CodingKey { case valueUSD = "value_usd" }
}

struct TFleet: Codable, Sendable {
    var cohorts: IDMap<TCohort>
}

struct TCohort: Codable, Sendable, Identified {
    var id = ""
    var hardware: String
    var site: String
    var count: Double
    var utilizationFraction: Double
    enum CodingKeys: String, CodingKey {
        case hardware, site, count
        case utilizationFraction = "utilization_fraction"
    }
}

struct THardware: Codable, Sendable, Identified {
    var id = ""
    var name: String
    var tdpW: Double
    var idleFraction: Double
    var embodiedKg: Double
    var powerCurveW: [Double]?
    enum CodingKeys: String, CodingKey {
        case name
        case tdpW = "tdp_w"
        case idleFraction = "idle_fraction"
        case embodiedKg = "embodied_kg"
        case powerCurveW = "power_curve_w"
    }
}

struct TSite: Codable, Sendable, Identified {
    var id = ""
    var name: String
    var grid: String
    var cooling: TCooling
    var climate: TClimate
    enum CodingKeys: String, CodingKey { case name, grid, cooling, climate }
}

enum TCoolingType: String, Codable, Sendable, CaseIterable {
    case liquidTower = "liquid-tower"
    case liquidDryCooler = "liquid-dry-cooler"
    case airChillerEconomizer = "air-chiller-economizer"
    case fixedPUE = "fixed-pue"
}

struct TCooling: Codable, Sendable {
    var type: TCoolingType
    var approachC: Double
    enum CodingKeys: String, CodingKey {
        case type
        case approachC = "approach_c"
    }
}

struct TClimate: Codable, Sendable {
    var dryBulbMeanC: [Double]
    enum CodingKeys: String, CodingKey { case dryBulbMeanC = "dry_bulb_mean_c" }
}

struct TGrid: Codable, Sendable, Identified {
    var id = ""
    var name: String
    var carbonIntensityKgPerKWh: Double
    var priceUSDPerKWh: Double
    var annualChange: Double
    enum CodingKeys: String, CodingKey {
        case name
        case carbonIntensityKgPerKWh = "carbon_intensity_kg_per_kwh"
        case priceUSDPerKWh = "price_usd_per_kwh"
        case annualChange = "annual_change"
    }
}
