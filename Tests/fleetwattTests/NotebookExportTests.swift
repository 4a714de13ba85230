import Foundation
import Testing
import FleetTestSupport

/// notebooks-export/ holds one notebook per shipped scenario, made by scripts/export-notebooks;
/// they must be what the current code exports (regenerate them after a model change).
@Suite("Committed notebooks")
struct NotebookExportTests {
    static let scenarios = ["openai-aws-2025", "h100-training-100k", "inference-phoenix-air"]

    @Test(arguments: scenarios)
    func committedNotebookIsCurrent(id: String) throws {
        let committed = TestSupport.repoRoot.appendingPathComponent("notebooks-export/\(id).ipynb")
        let expected = try Data(contentsOf: committed)
        let dir = try TestSupport.tempFolder(id)
        let fresh = dir.appendingPathComponent("\(id).ipynb")
        let r = try TestSupport.fleetwatt(["export-notebook", "models/scenarios/\(id).yaml", "--samples", "200",
                                           "--seed", "20251103", "--out", fresh.path, "--quiet", "--progress", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: fresh) == expected,
                "notebooks-export/\(id).ipynb is stale: run scripts/export-notebooks and commit the result")
    }
}
