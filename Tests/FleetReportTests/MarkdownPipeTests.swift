import Testing
import FleetModel
@testable import FleetReport

/// A `|` in user text (a scenario title) broke the report's pipe tables: `MarkdownText.escape`
/// wrote `\|` and the table escaped it again to `\\|`, an escaped backslash and a bare pipe.
@Suite("Markdown tables: a pipe in user text stays in its cell")
struct MarkdownPipeTests {
    /// The cells of a pipe-table row, split on the pipes that are not escaped.
    static func cells(_ row: String) -> Int {
        var count = 0, backslashes = 0
        for c in row {
            if c == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = c == "\\" ? backslashes + 1 : 0
        }
        return count - 1
    }

    @Test func escapedAndRawPipesAreEscapedOnce() {
        #expect(TextTable.escapingPipes("a | b") == "a \\| b")
        #expect(TextTable.escapingPipes(MarkdownText.escape("a | b")) == "a \\| b")
        #expect(TextTable.escapingPipes("a \\\\| b") == "a \\\\\\| b", "an escaped backslash before a bare pipe")
        let table = TextTable(headers: ["Item", "Value"], alignments: [.left, .left],
                              rows: [[MarkdownText.escape("Scenario | with | pipes"), "x|y"]])
        for line in table.markdown().split(separator: "\n") where !line.hasPrefix("|:") && !line.hasPrefix("|-") {
            #expect(Self.cells(String(line)) == 2, "\(line)")
        }
    }

    @Test func aTitleWithPipesKeepsTheReportsTablesWhole() {
        var r = Fixtures.result()
        r.scenario.title = "Fleet A | Fleet B"
        let md = ReportMarkdown.render(r, figures: [], date: "2026-12-02")
        let scenarioRow = md.split(separator: "\n").first { $0.hasPrefix("| Scenario ") }
        #expect(scenarioRow.map { Self.cells(String($0)) } == 2, "\(scenarioRow ?? "none")")
        // Every row of every table has as many cells as its header.
        var header: Int?
        for line in md.split(separator: "\n").map(String.init) {
            guard line.hasPrefix("|") else { header = nil; continue }
            if header == nil { header = Self.cells(line); continue }
            if line.hasPrefix("|:") || line.hasPrefix("|-") { continue }
            #expect(Self.cells(line) == header, "\(line)")
        }
    }
}
