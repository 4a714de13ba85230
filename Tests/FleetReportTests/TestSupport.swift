import Foundation
import Testing

/// Paths and helpers shared by the FleetReport tests.
enum TestSupport {
    /// The repository root (three levels above this file).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The command that installs the external tools these tests use.
    static let setupCommand =
        "./scripts/test (the README's test command: it installs pandoc, weasyprint, poppler-utils and Python's " +
        "jsonschema and nbformat when missing), or by hand: sudo apt-get install -y pandoc weasyprint poppler-utils " +
        "python3-jsonschema python3-nbformat"

    /// The Python that has jsonschema and nbformat: $FLEETWATT_PYTHON (set by scripts/test), else python3.
    static let python = ProcessInfo.processInfo.environment["FLEETWATT_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"

    /// A fresh empty folder under the system temp folder.
    static func tempFolder(_ name: String = #function) throws -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetreport-\(clean)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `argv` (looked up on PATH), with an optional working directory.
    static func run(_ argv: [String], in folder: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        if let folder { p.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self))
    }

    /// True when `python3 -c "import <module>"` succeeds; otherwise records a failure
    /// that names the set-up command (a missing tool must fail, not skip).
    static func requirePython(_ modules: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let ok = (try? run([python, "-c", modules.map { "import \($0)" }.joined(separator: "; ")]))?.status == 0
        if !ok {
            Issue.record("\(python) with \(modules.joined(separator: ", ")) is required; install with: \(setupCommand)",
                         sourceLocation: sourceLocation)
        }
        return ok
    }

    /// True when every tool is on PATH; otherwise records a failure naming the set-up command.
    static func requireTools(_ tools: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let missing = tools.filter { (try? run(["sh", "-c", "command -v \($0)"]))?.status != 0 }
        if !missing.isEmpty {
            Issue.record("missing \(missing.joined(separator: ", ")); install with: \(setupCommand)",
                         sourceLocation: sourceLocation)
        }
        return missing.isEmpty
    }
}
