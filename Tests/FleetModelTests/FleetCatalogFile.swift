import Foundation
import Yams
@testable import FleetModel

/// Reads models/hardware.yaml the simple way (a parameter mapping → its value or base,
/// a series → its values) so the fleet tests can check the shipped catalog before the
/// scenario loader lands. Not a loader: no units are converted (the catalog is written
/// in canonical units).
enum FleetCatalogFile {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func resolve(_ node: Any) -> Any {
        if let m = node as? [String: Any] {
            if let v = m["value"] ?? m["base"], m["unit"] != nil { return v }
            if let v = m["values"], m["unit"] != nil { return v }
            return m.mapValues(resolve)
        }
        if let a = node as? [Any] { return a.map(resolve) }
        return node
    }

    static func hardware() throws -> [HardwareSpec] {
        let text = try String(contentsOf: repoRoot.appendingPathComponent("models/hardware.yaml"), encoding: .utf8)
        // A catalog without entries would silently empty every loop over it: fail instead.
        guard let tree = try Yams.load(yaml: text) as? [String: Any], let hw = tree["hardware"] else {
            throw CatalogMissing(id: "hardware (models/hardware.yaml has no `hardware` mapping)")
        }
        let data = try JSONSerialization.data(withJSONObject: resolve(hw))
        let entries = try JSONDecoder().decode(IDMap<HardwareSpec>.self, from: data).elements
        guard !entries.isEmpty else { throw CatalogMissing(id: "hardware (models/hardware.yaml lists no entries)") }
        return entries
    }

    /// A shipped scenario's term, cohorts and the catalog entries they use, with the
    /// scenario's hardware overrides merged over the catalog (scenario wins).
    static func scenario(_ id: String) throws -> (calendar: TermCalendar, cohorts: [CohortSpec], hardware: [HardwareSpec]) {
        let text = try String(contentsOf: repoRoot.appendingPathComponent("models/scenarios/\(id).yaml"), encoding: .utf8)
        guard let tree = try Yams.load(yaml: text) as? [String: Any],
              let term = tree["term"] as? [String: Any], let start = term["start"] as? String, let months = term["months"] as? Int,
              let fleet = tree["fleet"] as? [String: Any], let cohortTree = fleet["cohorts"] else { throw CatalogMissing(id: id) }
        let cohorts = try JSONDecoder().decode(IDMap<CohortSpec>.self,
                                               from: try JSONSerialization.data(withJSONObject: resolve(cohortTree))).elements
        let catalogText = try String(contentsOf: repoRoot.appendingPathComponent("models/hardware.yaml"), encoding: .utf8)
        guard let catalog = (try Yams.load(yaml: catalogText) as? [String: Any])?["hardware"] as? [String: Any] else {
            throw CatalogMissing(id: "hardware")
        }
        let overrides = tree["hardware"] as? [String: Any] ?? [:]
        var used: [String: Any] = [:]
        for id in Set(cohorts.map(\.hardware) + cohorts.compactMap(\.refreshTo)) {
            guard var entry = catalog[id] as? [String: Any] else { throw CatalogMissing(id: id) }
            for (k, v) in overrides[id] as? [String: Any] ?? [:] { entry[k] = v }
            used[id] = entry
        }
        let hardware = try JSONDecoder().decode(IDMap<HardwareSpec>.self,
                                                from: try JSONSerialization.data(withJSONObject: resolve(used))).elements
        return (try TermCalendar(start: start, months: months), cohorts, hardware)
    }

    static func hardware(_ id: String) throws -> HardwareSpec {
        guard let h = try hardware().first(where: { $0.id == id }) else { throw CatalogMissing(id: id) }
        return h
    }

    struct CatalogMissing: Error { let id: String }
}
