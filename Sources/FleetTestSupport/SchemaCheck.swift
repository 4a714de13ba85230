import Foundation
import Testing

extension TestSupport {
    /// Validates `json` against a repository schema (`docs/result.schema.json`,
    /// `docs/schemas/compare.schema.json`, …) with scripts/check-schema.py, keys sorted;
    /// a document that does not validate is a test failure naming `name`.
    public static func expectValid(_ json: String, schema: String, _ name: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard requirePython(["jsonschema"], sourceLocation: sourceLocation) else { return }
        let dir = try tempFolder(name)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        let check = try run([python, repoRoot.appendingPathComponent("scripts/check-schema.py").path,
                             repoRoot.appendingPathComponent(schema).path, file.path, "--sorted-keys"])
        #expect(check.status == 0, "\(name): \(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
    }
}
