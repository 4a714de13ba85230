import Foundation
import Testing
import FleetTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// An interrupted run removes what it staged and leaves earlier output untouched.
@Suite("Interrupted runs")
struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func signalLeavesEarlierOutputAndNoTemporaries(signal: Int32) throws {
        let dir = try TestSupport.tempFolder("interrupt\(signal)")
        let out = dir.appendingPathComponent("result.json")
        try Data("earlier output\n".utf8).write(to: out)
        let process = Process()
        process.executableURL = TestSupport.fleetwattExecutable
        // Long enough to be interrupted mid-run: many samples of the default scenario.
        process.arguments = ["run", "--samples", "200000", "--format", "json", "--out", out.path, "--progress", "never"]
        process.currentDirectoryURL = TestSupport.repoRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, signal)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == (signal == SIGINT ? 130 : 143), "\(message)")
        #expect(message.contains("interrupted"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "earlier output\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["result.json"])
    }
}
