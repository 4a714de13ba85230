import Foundation
import FleetTestSupport
import Yams
@testable import FleetModel

/// Reads models/hardware.yaml the simple way (a parameter mapping → its value or base,
/// a series → its values), so the catalog checks do not depend on the scenario loader;
/// shipped scenarios go through the loader. No units are converted (the catalog is
/// written in canonical units).
enum FleetCatalogFile {
    static let repoRoot = TestSupport.repoRoot

    static func hardware() throws -> [HardwareSpec] {
        let text = try String(contentsOf: repoRoot.appendingPathComponent("models/hardware.yaml"), encoding: .utf8)
        // A catalog without entries would silently empty every loop over it: fail instead.
        guard let tree = try Yams.load(yaml: text) as? [String: Any], let hw = tree["hardware"] else {
            throw CatalogMissing(id: "hardware (models/hardware.yaml has no `hardware` mapping)")
        }
        let data = try JSONSerialization.data(withJSONObject: FacilityFixtures.reduceParameters(hw))
        let entries = try JSONDecoder().decode(IDMap<HardwareSpec>.self, from: data).elements
        guard !entries.isEmpty else { throw CatalogMissing(id: "hardware (models/hardware.yaml lists no entries)") }
        return entries
    }

    /// A shipped scenario's term, cohorts (workload profiles merged in) and the catalog
    /// entries they use, with the scenario's hardware overrides, through the scenario loader.
    static func scenario(_ id: String) throws -> (calendar: TermCalendar, cohorts: [CohortSpec], hardware: [HardwareSpec]) {
        let path = repoRoot.appendingPathComponent("models/scenarios/\(id).yaml").path
        let spec = try ScenarioDocument.load(path: path).decode(FleetSpec.self)
        return (try TermCalendar(start: spec.term.start, months: spec.term.months), spec.fleet.cohorts.elements,
                spec.hardware.elements)
    }

    static func hardware(_ id: String) throws -> HardwareSpec {
        guard let h = try hardware().first(where: { $0.id == id }) else { throw CatalogMissing(id: id) }
        return h
    }

    struct CatalogMissing: Error { let id: String }
}
