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
        guard let tree = try Yams.load(yaml: text) as? [String: Any], let hw = tree["hardware"] else { return [] }
        let data = try JSONSerialization.data(withJSONObject: resolve(hw))
        return try JSONDecoder().decode(IDMap<HardwareSpec>.self, from: data).elements
    }

    static func hardware(_ id: String) throws -> HardwareSpec {
        guard let h = try hardware().first(where: { $0.id == id }) else { throw CatalogMissing(id: id) }
        return h
    }

    struct CatalogMissing: Error { let id: String }
}
