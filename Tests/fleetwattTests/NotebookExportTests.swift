import Foundation
import Testing
import FleetTestSupport

/// notebooks-export/ holds one notebook per shipped scenario, made by scripts/export-notebooks;
/// they must be what the current code exports (regenerate them after a model change).
///
/// The structure (cells, their kinds and ids, every word and key) must match byte for byte;
/// the numbers, including those in the embedded result, match to a relative 1e-9, so a
/// different libm or CPU that moves the last digits does not fail the test while any model
/// change does.
@Suite("Committed notebooks")
struct NotebookExportTests {
    static let scenarios = ["openai-aws-2025", "h100-training-100k", "inference-phoenix-air"]
    static let tolerance = 1e-9

    @Test(arguments: scenarios)
    func committedNotebookIsCurrent(id: String) throws {
        let committed = TestSupport.repoRoot.appendingPathComponent("notebooks-export/\(id).ipynb")
        let dir = try TestSupport.tempFolder(id)
        let fresh = dir.appendingPathComponent("\(id).ipynb")
        // scripts/export-notebooks pins the run's timestamp the same way.
        let r = try TestSupport.fleetwatt(["export-notebook", "models/scenarios/\(id).yaml", "--samples", "200",
                                           "--seed", "20251103", "--out", fresh.path, "--quiet", "--progress", "never"],
                                          environment: TestSupport.reproducible)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: committed))
        let actual = try JSONSerialization.jsonObject(with: Data(contentsOf: fresh))
        var differences: [String] = []
        Self.compare(actual, expected, at: "", into: &differences)
        #expect(differences.isEmpty,
                "notebooks-export/\(id).ipynb is stale (run scripts/export-notebooks and commit the result): \(differences.prefix(5))")
    }

    /// Numbers in a text, and the text between them.
    static let number = try! NSRegularExpression(pattern: #"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"#)

    static func split(_ s: String) -> (words: [String], numbers: [Double]) {
        let ns = s as NSString
        var words: [String] = [], numbers: [Double] = [], last = 0
        for m in number.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            words.append(ns.substring(with: NSRange(location: last, length: m.range.location - last)))
            numbers.append(Double(ns.substring(with: m.range)) ?? .nan)
            last = m.range.location + m.range.length
        }
        words.append(ns.substring(from: last))
        return (words, numbers)
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    /// Walks two JSON values: same keys, lengths and words; numbers within `tolerance`.
    static func compare(_ a: Any, _ b: Any, at path: String, into out: inout [String]) {
        guard out.count < 20 else { return }
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            if Set(x.keys) != Set(y.keys) { out.append("\(path): keys \(x.keys.sorted()) vs \(y.keys.sorted())"); return }
            for k in x.keys.sorted() { compare(x[k]!, y[k]!, at: "\(path).\(k)", into: &out) }
        case let (x as [Any], y as [Any]):
            if x.count != y.count { out.append("\(path): \(x.count) elements vs \(y.count)"); return }
            for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, at: "\(path)[\(i)]", into: &out) }
        case let (x as String, y as String):
            guard x != y else { return }
            let (wx, nx) = split(x), (wy, ny) = split(y)
            if wx != wy || nx.count != ny.count {
                let i = zip(wx, wy).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(wx.count, wy.count)
                out.append("\(path): text differs near \(wx.indices.contains(i) ? wx[i].prefix(60) : "") vs \(wy.indices.contains(i) ? wy[i].prefix(60) : "")")
                return
            }
            for (i, (u, v)) in zip(nx, ny).enumerated() where !close(u, v) {
                out.append("\(path): number \(i) is \(u), committed \(v)")
                return
            }
        case let (x as NSNumber, y as NSNumber):
            if !close(x.doubleValue, y.doubleValue) { out.append("\(path): \(x) vs \(y)") }
        default:
            if "\(a)" != "\(b)" { out.append("\(path): \(a) vs \(b)") }
        }
    }
}
