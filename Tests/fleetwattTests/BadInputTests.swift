import Testing
import Foundation
import FleetTestSupport

/// The bad-input corpus (Tests/fleetwattTests/Corpus): malformed scenario files and flag sets,
/// each of which must exit 2 with a message that names its place, print nothing on stdout and
/// never crash. Expectations live next to the corpus, in expected.tsv and flags.tsv.
enum BadInputCorpus {
    static let folder = "Tests/fleetwattTests/Corpus"
    static let root = TestSupport.repoRoot.appendingPathComponent(folder)

    /// One malformed scenario file and the exact lines `fleetwatt validate` must print.
    struct ScenarioCase: Sendable, CustomTestStringConvertible {
        var file: String
        /// `Corpus/scenarios/FILE:LINE:COLUMN: MESSAGE`, in order.
        var expected: [String]
        var testDescription: String { file }
    }

    /// One set of flags and the first line it must print.
    struct FlagCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var expected: String
        var note: String
        var isKnownBug: Bool { note.hasPrefix("known bug:") }
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// The non-comment rows of a tab-separated file, split into columns.
    static func rows(_ name: String) -> [[String]] {
        let text = (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static let scenarios: [ScenarioCase] = {
        var cases: [ScenarioCase] = []
        for row in rows("expected.tsv") where row.count == 3 {
            let line = "\(folder)/scenarios/\(row[0]):\(row[1]): \(row[2])"
            if let i = cases.firstIndex(where: { $0.file == row[0] }) {
                cases[i].expected.append(line)
            } else {
                cases.append(ScenarioCase(file: row[0], expected: [line]))
            }
        }
        return cases
    }()

    static let flags: [FlagCase] = rows("flags.tsv").filter { $0.count == 3 }.map {
        FlagCase(arguments: words($0[0]), expected: $0[1], note: $0[2])
    }

    /// Splits on spaces; text in single quotes stays one word (with its spaces).
    static func words(_ line: String) -> [String] {
        var out: [String] = [], word = "", quoted = false, started = false
        for c in line {
            if c == "'" { quoted.toggle(); started = true; continue }
            if c == " " && !quoted {
                if started { out.append(word) }
                word = ""; started = false
                continue
            }
            word.append(c); started = true
        }
        if started { out.append(word) }
        return out
    }

    /// Signs of a crash or a stack trace rather than a message.
    static func looksLikeACrash(_ stderr: String) -> Bool {
        ["Fatal error", "Stack dump", "Current stack trace", "Segmentation fault", "Illegal instruction",
         "#0 0x", "Trace/breakpoint trap"].contains { stderr.contains($0) }
    }
}

@Suite("Bad input: the corpus of malformed scenarios and flags exits 2 with its place named")
struct BadInputTests {
    @Test func theCorpusIsLargeAndEveryFileHasItsExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: BadInputCorpus.root.appendingPathComponent("scenarios").path).sorted()
        let described = BadInputCorpus.scenarios.map(\.file).sorted()
        #expect(files == described, "every corpus file has rows in expected.tsv and every row a file")
        #expect(files.count + BadInputCorpus.flags.count >= 50)
        #expect(BadInputCorpus.flags.count >= 25)
        #expect(BadInputCorpus.scenarios.contains { $0.expected.count >= 4 }, "one file has several errors")
    }

    /// `fleetwatt validate FILE` prints exactly the expected lines: every error of the file at
    /// once, each as file:line:column: path: message.
    @Test(arguments: BadInputCorpus.scenarios)
    func malformedScenarioExitsTwoNamingEachPlace(_ c: BadInputCorpus.ScenarioCase) throws {
        let r = try TestSupport.fleetwatt(["validate", "\(BadInputCorpus.folder)/scenarios/\(c.file)"])
        #expect(r.status == 2, "exit status \(r.status)")
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout)")
        #expect(!BadInputCorpus.looksLikeACrash(r.stderr), "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines == c.expected)
    }

    /// The same errors reach every command that opens a scenario, not only `validate`, before
    /// anything is evaluated.
    @Test(arguments: [("params", "several-errors.yaml"), ("run", "several-errors.yaml"),
                      ("sensitivity", "corr-not-positive-definite.yaml"), ("run", "unknown-cooling-type.yaml"),
                      ("export-notebook", "count-zero.yaml")])
    func everyCommandReportsTheSameErrorsAsValidate(_ command: String, _ file: String) throws {
        let c = try #require(BadInputCorpus.scenarios.first { $0.file == file })
        // A temporary folder, never the repository: a bug here must not leave a file in the sources.
        let dir = try TestSupport.tempFolder("\(command)-\(file)")
        let extra = command == "export-notebook" ? ["--out", dir.appendingPathComponent("never-written.ipynb").path] : []
        let r = try TestSupport.fleetwatt([command, "\(BadInputCorpus.folder)/scenarios/\(file)"] + extra)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").map(String.init) == c.expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
    }

    /// A bad flag exits 2 with one clear first line naming the flag (and the path for --set).
    @Test(arguments: BadInputCorpus.flags)
    func badFlagsExitTwoWithOneClearLine(_ c: BadInputCorpus.FlagCase) throws {
        let r = try TestSupport.fleetwatt(c.arguments)
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!BadInputCorpus.looksLikeACrash(r.stderr), "\(r.stderr)")
        if c.isKnownBug {
            withKnownIssue(Comment(rawValue: c.note)) {
                #expect(r.status == 2 && r.stdout.isEmpty && first.contains(c.expected))
            }
        } else {
            #expect(r.status == 2, "exit status \(r.status); stderr: \(r.stderr)")
            #expect(r.stdout.isEmpty, "stdout: \(r.stdout)")
            #expect(first == c.expected)
        }
    }

    /// A --set that a later check rejects is blamed on the flag, not on the data file it replaced.
    @Test func aSetValueRejectedBySemanticChecksNamesTheFlag() throws {
        let r = try TestSupport.fleetwatt(["validate", "models/scenarios/h100-training-100k.yaml",
                             "--set", "hardware.h100-sxm.tdp_w=70000"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("--set: hardware.h100-sxm.tdp_w: "), "\(r.stderr)")
    }
}
