import FleetTestSupport
import Foundation
import Testing
import FleetModel
@testable import FleetReport

@Suite("Notebook")
struct NotebookTests {
    @Test func notebookIsDeterministicAndHoldsTheResult() throws {
        let r = Fixtures.result(sensitivity: "sobol")
        let a = try NotebookExporter.notebook(for: r)
        #expect(a == (try NotebookExporter.notebook(for: r)))
        let nb = try #require(try JSONSerialization.jsonObject(with: a) as? [String: Any])
        #expect(nb["nbformat"] as? Int == 4 && nb["nbformat_minor"] as? Int == 5)
        let cells = try #require(nb["cells"] as? [[String: Any]])
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == cells.count, "unique cell ids")
        let holder = try #require(cells.first { $0["id"] as? String == "result" })
        let source = (holder["source"] as? [String] ?? []).joined()
        let json = source.components(separatedBy: "r'''")[1].components(separatedBy: "'''")[0]
        let back = try JSONDecoder().decode(FleetResult.self, from: Data(json.utf8))
        #expect(back.totals == r.totals && back.monthly == r.monthly && back.inputs == r.inputs)
        #expect(cells.contains { $0["id"] as? String == "drivers" })
    }

    @Test func apostrophesCannotEndThePythonString() throws {
        var r = Fixtures.result(sampled: false, sensitivity: nil)
        r.scenario.title = "A fleet's ''' tricky title"
        let text = String(decoding: try NotebookExporter.notebook(for: r), as: UTF8.self)
        let nb = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let cell = (nb["cells"] as! [[String: Any]]).first { $0["id"] as? String == "result" }!
        let source = (cell["source"] as! [String]).joined()
        #expect(source.components(separatedBy: "'''").count == 3, "exactly one opening and one closing delimiter")
    }

    @Test func notebookValidatesWithNbformat() throws {
        guard TestSupport.requirePython(["nbformat"]) else { return }
        let dir = try TestSupport.tempFolder()
        for (name, r) in [("sampled.ipynb", Fixtures.result(sensitivity: "tornado")),
                          ("deterministic.ipynb", Fixtures.result(sampled: false, sensitivity: nil))] {
            let file = dir.appendingPathComponent(name)
            try NotebookExporter.write(result: r, to: file)
            let run = try TestSupport.run([TestSupport.python, TestSupport.repoRoot.appendingPathComponent("scripts/check-notebook.py").path,
                                           file.path])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
    }

    @Test func checkerRejectsAnInvalidNotebook() throws {
        guard TestSupport.requirePython(["nbformat"]) else { return }
        let dir = try TestSupport.tempFolder()
        let file = dir.appendingPathComponent("bad.ipynb")
        var text = String(decoding: try NotebookExporter.notebook(for: Fixtures.result(sampled: false, sensitivity: nil)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"cell_type\" : \"markdown\"", with: "\"cell_type\" : \"prose\"")
        try AtomicWriter.write(text, to: file)
        let run = try TestSupport.run([TestSupport.python, TestSupport.repoRoot.appendingPathComponent("scripts/check-notebook.py").path, file.path])
        #expect(run.status == 1)
    }
}
