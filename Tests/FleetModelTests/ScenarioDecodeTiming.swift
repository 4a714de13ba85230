import Foundation
import Testing
@testable import FleetModel

/// Decoding speed for Monte Carlo, run by hand (it prints, it asserts nothing about time):
///
///     FLEETWATT_TIMING=1 swift test --filter ScenarioDecodeTiming            # debug
///     FLEETWATT_TIMING=1 swift test -c release --filter ScenarioDecodeTiming # what samples see
@Suite("Scenario decode timing", .enabled(if: ProcessInfo.processInfo.environment["FLEETWATT_TIMING"] != nil))
struct ScenarioDecodeTiming {
    struct Spec: Codable, Sendable {
        var fleet: Fleet
        var sites: IDMap<Site>
    }

    struct Fleet: Codable, Sendable { var cohorts: IDMap<Cohort> }

    struct Cohort: Codable, Sendable, Identified {
        var id = ""
        var site: String
        var a, b, c, d, e, f, g, h, i, j: Double
        enum CodingKeys: String, CodingKey { case site, a, b, c, d, e, f, g, h, i, j }
    }

    struct Site: Codable, Sendable, Identified {
        var id = ""
        var name: String
        var dryBulbC, wetBulbC, humidityFraction, windSpeed: [Double]
        var approachC, rangeC, cyclesOfConcentration, pumpW, fanW, trimFraction: Double
        enum CodingKeys: String, CodingKey {
            case name
            case dryBulbC = "dry_bulb_c", wetBulbC = "wet_bulb_c", humidityFraction = "humidity_fraction", windSpeed = "wind_speed"
            case approachC = "approach_c", rangeC = "range_c", cyclesOfConcentration = "cycles_of_concentration"
            case pumpW = "pump_w", fanW = "fan_w", trimFraction = "trim_fraction"
        }
    }

    /// 15 cohorts × 10 inputs + 3 sites × (4 monthly series + 6 inputs) = 312 numeric leaves.
    static func text() -> String {
        func p(_ v: Double, _ unit: String) -> String { "{value: \(v), unit: \"\(unit)\", source: \"assumption: timing\"}" }
        var y = "fleet:\n  cohorts:\n"
        for k in 0..<15 {
            y += "    c\(k):\n      site: s\(k % 3)\n"
            for f in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] { y += "      \(f): \(p(Double(k) + 0.5, "GPU"))\n" }
        }
        y += "sites:\n"
        for s in 0..<3 {
            let months = (0..<12).map { String(Double($0) * 0.05) }.joined(separator: ", ")
            y += "  s\(s):\n    name: Site \(s)\n"
            for f in ["dry_bulb_c", "wet_bulb_c", "humidity_fraction", "wind_speed"] {
                y += "    \(f): {values: [\(months)], unit: \"\(f == "wind_speed" ? "m/s" : f.hasSuffix("_c") ? "°C" : "fraction")\", source: s}\n"
            }
            for f in ["approach_c": "°C", "range_c": "K", "cycles_of_concentration": "1", "pump_w": "kW", "fan_w": "W",
                      "trim_fraction": "%"].sorted(by: { $0.key < $1.key }) {
                y += "    \(f.key): \(p(f.key == "trim_fraction" ? 10 : 4, f.value))\n"
            }
        }
        return y
    }

    @Test func decodeWithOverrides() throws {
        let doc = try ScenarioDocument(text: Self.text(), file: "timing.yaml", models: .files([:], label: "none"))
        #expect(doc.check(Spec.self).isEmpty)
        print("timing: \(doc.parameters.count) numeric leaves")
        var values = doc.baseValues
        let n = 20_000
        var sink = 0.0
        let start = Date()
        for k in 0..<n {
            values[k % values.count] += 1
            let spec = try doc.decode(Spec.self, values: values)
            sink += spec.fleet.cohorts[0].a
        }
        let perDecode = Date().timeIntervalSince(start) / Double(n)
        let overridesStart = Date()
        for k in 0..<2000 {
            _ = try doc.decode(Spec.self, overrides: ["fleet.cohorts.c3.b": Double(k)], checkUnknownKeys: false)
        }
        let perOverride = Date().timeIntervalSince(overridesStart) / 2000
        print(String(format: "timing: decode(values:) %.1f µs, decode(overrides:) %.1f µs per spec (sink %.0f)",
                     perDecode * 1e6, perOverride * 1e6, sink))
    }
}
