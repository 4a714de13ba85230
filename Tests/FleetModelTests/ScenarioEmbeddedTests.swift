import Foundation
import Testing
@testable import FleetModel
import FleetTestSupport

/// The copy of models/ compiled into the binary must be byte-identical to models/:
/// a stale copy (models/ edited without running scripts/generate) fails here.
@Suite("Scenario embedded models")
struct ScenarioEmbeddedTests {
    /// Relative paths of the files scripts/generate embeds: every .yaml file under models/.
    static func modelFiles() -> [String] {
        let root = Fixtures.repository.appendingPathComponent("models").path
        let all = (FileManager.default.subpaths(atPath: root) ?? [])
        return all.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func embeddedCopyMatchesModelsByteForByte() throws {
        let root = Fixtures.repository.appendingPathComponent("models")
        #expect(EmbeddedModels.files.keys.sorted() == Self.modelFiles(),
                "run scripts/generate after changing models/")
        for (rel, text) in EmbeddedModels.files {
            let bytes = try Data(contentsOf: root.appendingPathComponent(rel))
            #expect(Data(text.utf8) == bytes, "\(rel) differs from models/\(rel): run scripts/generate")
        }
    }

    @Test func defaultScenarioIsReadFromTheEmbeddedCopy() throws {
        // Whether its data resolve is the data's business (validate); here: it is the embedded text.
        let text = try #require(EmbeddedModels.files[ScenarioDocument.defaultScenario])
        let doc = try ScenarioDocument.open(.embedded, name: ScenarioDocument.defaultScenario)
        #expect(doc.info.source == "embedded:scenarios/openai-aws-2025.yaml")
        #expect(doc.info.id == "openai-aws-2025")
        #expect(doc.models == .embedded)
        #expect(doc.info.sha256 == ScenarioHash.sha256Hex(Array(text.utf8)))
        #expect(doc.info.sha256 == ScenarioHash.sha256Hex(try Data(contentsOf: Fixtures.repository.appendingPathComponent("models/"
            + ScenarioDocument.defaultScenario))))
    }

    @Test func embedScriptWritesLiteralsThatSurviveQuotesAndBackslashes() throws {
        // The script is Python: a missing interpreter fails with the set-up command, not a crash.
        guard TestSupport.requireTools([TestSupport.python]) else { return }
        // Run the script on a scratch copy of the repository layout holding awkward text.
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("embed-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        try fm.createDirectory(at: scratch.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try fm.createDirectory(at: scratch.appendingPathComponent("models/sites"), withIntermediateDirectories: true)
        try fm.copyItem(at: Fixtures.repository.appendingPathComponent("scripts/generate"),
                        to: scratch.appendingPathComponent("scripts/generate"))
        let awkward = "a: \"\"\"#\nb: '\\#(x) \\n'\nc: \"#\n"
        try awkward.write(to: scratch.appendingPathComponent("models/sites/x.yaml"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run([TestSupport.python, scratch.appendingPathComponent("scripts/generate").path, "models"])
        #expect(run.status == 0, "\(run.stderr)")
        let swift = try String(contentsOf: scratch.appendingPathComponent("Sources/FleetModel/Generated/EmbeddedModels.swift"),
                               encoding: .utf8)
        // The literal uses enough '#' that neither the terminator nor an interpolation occurs in the text.
        #expect(swift.contains("\"sites/x.yaml\": ##\"\"\"\n" + awkward + "\n\"\"\"##,"))
    }
}
