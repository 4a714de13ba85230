import Foundation
import FleetTestSupport
import Testing
import Yams
@testable import FleetModel

/// Shared fixtures of the facility tests: the Greensboro TMY3 excerpt, data files
/// of models/ read with their parameter mappings reduced to base values, and
/// synthetic cohort loads.
enum FacilityFixtures {
    static let repoRoot = TestSupport.repoRoot

    /// The Greensboro, NC TMY3 year (pvlib 0.16.1 `pvlib/data/723170TYA.CSV`, NREL TMY3,
    /// Wilcox & Marion 2008), cut to the date, time, dry-bulb, dew-point, RH and pressure columns.
    static func greensboroText() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Data/723170TYA-columns", withExtension: "csv"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func greensboro() throws -> WeatherFile.Hourly {
        try WeatherFile.parse(greensboroText(), format: .tmy3, name: "723170TYA-columns.csv")
    }

    /// Replaces every `{value|base, unit, source}` mapping by its base number and every
    /// `{values, unit, source}` by its array (units in the shipped files are canonical).
    static func reduceParameters(_ node: Any) -> Any {
        if let d = node as? [String: Any] {
            if d["source"] != nil, d["unit"] != nil {
                if let v = d["values"] { return v }
                if let v = d["value"] ?? d["base"] { return v }
            }
            return d.mapValues(reduceParameters)
        }
        if let a = node as? [Any] { return a.map(reduceParameters) }
        return node
    }

    static func decodeEntities<T: Decodable>(_ type: T.Type, file: String, key: String) throws -> IDMap<T> where T: Identified & Codable & Sendable {
        let text = try String(contentsOf: repoRoot.appendingPathComponent(file), encoding: .utf8)
        let tree = try #require(try Yams.load(yaml: text) as? [String: Any])
        let reduced = reduceParameters(try #require(tree[key]))
        let json = try JSONSerialization.data(withJSONObject: reduced)
        return try JSONDecoder().decode(IDMap<T>.self, from: json)
    }

    /// A shipped site through the catalog, so its named cooling design (models/cooling.yaml) is merged in.
    static func site(_ id: String) throws -> SiteSpec {
        try Catalog(models: .directory(repoRoot.appendingPathComponent("models").path)).decode(SiteSpec.self, .sites, id: id)
    }

    static func grid(_ id: String) throws -> GridSpec {
        try #require(try decodeEntities(GridSpec.self, file: "models/grids/\(id).yaml", key: "grids")[id: id])
    }

    static let siteIDs = ["us-east-1", "us-east-2", "us-west-2", "us-tx", "phoenix-az"]
    static let gridIDs = ["srvc", "rfcw", "nwpp", "erct", "aznm", "us-avg"]

    /// A cohort load at `site` ramping linearly from zero to `peakW` over `rampMonths`,
    /// with a diurnal ±`swing` modulation (the fleet side's role until its code lands).
    static func load(_ id: String, site: String, calendar: TermCalendar, peakW: Double, liquid: Double,
                     rampMonths: Int = 12, swing: Double = 0.1, isGPU: Bool = true, units: Double = 1000) -> CohortLoad {
        let rampHours = Double(calendar.monthStartHour[min(rampMonths, calendar.months)])
        let power = (0..<calendar.hourCount).map { h in
            continuousPower(Double(h) + 0.5, peakW: peakW, rampHours: rampHours, swing: swing)
        }
        let installed = (0..<calendar.months).map { k in units * min(Double(calendar.monthStartHour[k + 1]) / rampHours, 1) }
        return CohortLoad(cohortID: id, siteID: site, isGPU: isGPU, itPowerW: power, liquidHeatFraction: liquid,
                          installedAtMonthEnd: installed, embodiedKgPerMonth: installed.map { $0 * 2 })
    }

    /// The continuous form of `load`'s power at fractional term hour t, W.
    static func continuousPower(_ t: Double, peakW: Double, rampHours: Double, swing: Double) -> Double {
        let ramp = min(t / rampHours, 1)
        return peakW * ramp * (1 + swing * sin(2 * Double.pi * (t - 8) / 24))
    }
}

extension FacilityFixtures {
    /// A facility model over the shipped sites (each with its own grid file).
    static func model(sites ids: [String], start: String = "2025-11-01", months: Int = 12,
                      edit: (inout SiteSpec, inout GridSpec) -> Void = { _, _ in }) throws -> FacilityModel {
        let cal = try TermCalendar(start: start, months: months)
        let models = try ids.map { id -> SiteModel in
            var s = try site(id)
            var g = try grid(s.grid)
            edit(&s, &g)
            return SiteModel(site: s, grid: g, calendar: cal, weather: try WeatherCache.shared.weather(for: s.climate))
        }
        return FacilityModel(sites: models, calendar: cal, contractValueUSD: 38e9)
    }

    /// One liquid-cooled GPU cohort and one air-cooled CPU cohort per site.
    static func loads(_ m: FacilityModel, peakW: Double = 100e6, scale: Double = 1) -> [CohortLoad] {
        m.sites.flatMap { s in
            [load("\(s.spec.id)-gpu", site: s.spec.id, calendar: m.calendar, peakW: peakW * scale, liquid: 0.85,
                  rampMonths: min(6, m.calendar.months)),
             load("\(s.spec.id)-cpu", site: s.spec.id, calendar: m.calendar, peakW: 0.1 * peakW * scale, liquid: 0,
                  rampMonths: 1, swing: 0.2, isGPU: false)]
        }
    }
}
