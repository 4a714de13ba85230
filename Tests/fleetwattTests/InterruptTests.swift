import Foundation
import Testing
import FleetTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interrupts at the two moments that matter, made deterministic by the test hook
/// `FLEETWATT_TEST_PAUSE_AT`: after the new output is staged but before any rename
/// (the earlier output must be intact, the staged files gone) and just after the last
/// rename (the new output is in place, and the message must say so).
@Suite("Interrupted runs")
struct InterruptTests {
    static let pauseLine = "fleetwatt: test pause at"
    let fm = FileManager.default

    /// Runs `arguments` until stderr shows `line`, sends `signal` and returns what the run printed.
    func interrupt(_ arguments: [String], environment: [String: String] = [:], when line: String,
                   with signal: Int32) throws -> TestSupport.Run {
        let child = try ChildProcess(fleetwatt: arguments, environment: environment)
        let reached = child.waitForLine(containing: line)
        child.send(reached ? signal : SIGKILL)
        let run = child.finish()
        #expect(reached, "never printed '\(line)': \(run.stderr)")
        return run
    }

    /// Runs `arguments`, pauses at `point` (the test hook), sends `signal` and returns what the run printed.
    func interrupt(_ arguments: [String], at point: String, with signal: Int32) throws -> TestSupport.Run {
        try interrupt(arguments, environment: ["FLEETWATT_TEST_PAUSE_AT": point], when: Self.pauseLine, with: signal)
    }

    func powerJSON(_ out: URL) -> [String] {
        ["power", "--gpu", "h100-sxm", "--utilization", "0.5", "--format", "json", "--out", out.path]
    }

    /// Before the first rename, whether still evaluating (the progress line shows it has
    /// started) or with the new file staged: the earlier file stays, no temporary remains.
    @Test(arguments: [(SIGINT, "staged"), (SIGTERM, "staged"), (SIGINT, "evaluating")])
    func signalBeforeTheRenameLeavesTheEarlierFileAndNoTemporaries(signal: Int32, moment: String) throws {
        let dir = try TestSupport.tempFolder("interrupt-\(moment)-\(signal)")
        let out = dir.appendingPathComponent("result.json")
        try Data("earlier output\n".utf8).write(to: out)
        let r = moment == "staged"
            ? try interrupt(powerJSON(out), at: "staged", with: signal)
            : try interrupt(["run", "--samples", "1000000", "--format", "json", "--out", out.path,
                             "--progress", "always", "--threads", "1"], when: "sampling: ", with: signal)
        #expect(r.status == (signal == SIGINT ? 130 : 143), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("fleetwatt: interrupted; \(out.path) is unchanged\n"), "\(r.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "earlier output\n")
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["result.json"])
    }

    @Test func signalAfterTheRenameSaysTheNewOutputIsInPlace() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("result.json")
        try Data("earlier output\n".utf8).write(to: out)
        let r = try interrupt(powerJSON(out), at: "committed", with: SIGINT)
        #expect(r.status == 130)
        #expect(r.stderr.hasSuffix("fleetwatt: interrupted; \(out.path) was written in full\n"), "\(r.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).contains("\"gpu\" : \"h100-sxm\""))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["result.json"])
    }

    func report(_ out: URL) -> [String] {
        ["report", "models/scenarios/inference-phoenix-air.yaml", "--samples", "0", "--sensitivity", "none",
         "--out", out.path, "--force", "--quiet", "--progress", "never"]
    }

    /// A report replaced over an earlier one: interrupted before the renames the earlier report
    /// is whole; just after them the new one is, and no staging folder remains either way.
    @Test(arguments: ["staged", "committed"])
    func reportReplacementIsNeverLeftWithNeitherReport(point: String) throws {
        let dir = try TestSupport.tempFolder("interrupt-report-\(point)")
        let out = dir.appendingPathComponent("report")
        let first = try TestSupport.fleetwatt(report(out))
        #expect(first.status == 0, "\(first.stderr)")
        let files = try fm.contentsOfDirectory(atPath: out.path).sorted()
        // Mark the earlier report so that the test can tell which one is on disk.
        try Data("earlier\n".utf8).write(to: out.appendingPathComponent("report.md"))
        let r = try interrupt(report(out), at: point, with: SIGTERM)
        #expect(r.status == 143)
        #expect(try fm.contentsOfDirectory(atPath: out.path).sorted() == files, "the same files, no staging folder")
        let text = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        if point == "staged" {
            #expect(r.stderr.hasSuffix("fleetwatt: interrupted; \(out.path) is unchanged\n"), "\(r.stderr)")
            #expect(text == "earlier\n")
        } else {
            #expect(r.stderr.hasSuffix("fleetwatt: interrupted; \(out.path) was written in full\n"), "\(r.stderr)")
            #expect(text.hasPrefix("---\ntitle: "), "\(text.prefix(40))")
        }
    }

    /// A new report folder interrupted before its renames is removed again with the
    /// parents the run made.
    @Test func anInterruptedNewReportLeavesNoFolderBehind() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("made/by/run")
        let r = try interrupt(report(out), at: "staged", with: SIGINT)
        #expect(r.status == 130)
        #expect(r.stderr.hasSuffix("fleetwatt: interrupted; \(out.path) was not created\n"), "\(r.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// SIGKILL cannot be handled: its temporaries stay, and the next run into the same place
    /// removes them (only those of fleetwatt's own pattern whose process is gone).
    @Test func theNextRunRemovesAKilledRunsTemporaries() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("result.json")
        try Data("earlier\n".utf8).write(to: out)
        let killed = try interrupt(powerJSON(out), at: "staged", with: SIGKILL)
        #expect(killed.status == SIGKILL)
        let left = try fm.contentsOfDirectory(atPath: dir.path).filter { $0 != "result.json" }
        #expect(left.count == 1 && left[0].hasPrefix(".result.json.") && left[0].hasSuffix(".tmp"), "\(left)")
        try Data("mine".utf8).write(to: dir.appendingPathComponent(".result.json.backup.tmp"))
        let next = try TestSupport.fleetwatt(powerJSON(out) + ["--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == [".result.json.backup.tmp", "result.json"])

        let folder = dir.appendingPathComponent("report")
        #expect(try TestSupport.fleetwatt(report(folder)).status == 0)
        let killedReport = try interrupt(report(folder), at: "staged", with: SIGKILL)
        #expect(killedReport.status == SIGKILL)
        #expect(try fm.contentsOfDirectory(atPath: folder.path).contains { $0.hasSuffix(".staging") })
        let again = try TestSupport.fleetwatt(report(folder))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try !fm.contentsOfDirectory(atPath: folder.path).contains { $0.hasSuffix(".staging") })
    }
}
