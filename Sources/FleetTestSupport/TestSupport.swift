import Foundation
import Testing

/// Paths and helpers shared by the test targets (not shipped in a product).
public enum TestSupport {
    /// The repository root (three levels above this file).
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The command that installs the external tools these tests use.
    public static let setupCommand =
        "./scripts/test (the README's test command: it installs pandoc, weasyprint, xelatex, the DejaVu fonts, poppler-utils " +
        "and Python's jsonschema, nbformat, pandas and matplotlib when missing), or by hand: sudo apt-get install -y pandoc " +
        "weasyprint texlive-xetex texlive-fonts-recommended lmodern fonts-dejavu-core fonts-dejavu-extra librsvg2-bin " +
        "poppler-utils python3-jsonschema python3-nbformat python3-pandas python3-matplotlib"

    /// The Python that has jsonschema and nbformat: $FLEETWATT_PYTHON (set by scripts/test), else python3.
    public static let python = ProcessInfo.processInfo.environment["FLEETWATT_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"

    /// A fresh empty folder under the system temp folder.
    public static func tempFolder(_ name: String = #function) throws -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetreport-\(clean)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// What a child process printed and how it ended.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `argv` (looked up on PATH), with an optional working directory.
    public static func run(_ argv: [String], in folder: URL? = nil) throws -> Run {
        try run(executable: URL(fileURLWithPath: "/usr/bin/env"), argv, in: folder)
    }

    /// Runs `executable` with `arguments`, with an optional working directory and variables
    /// added to this process's environment.
    public static func run(executable: URL, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let folder { p.currentDirectoryURL = folder }
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
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
    public static func requirePython(_ modules: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let ok = (try? run([python, "-c", modules.map { "import \($0)" }.joined(separator: "; ")]))?.status == 0
        if !ok {
            Issue.record("\(python) with \(modules.joined(separator: ", ")) is required; install with: \(setupCommand)",
                         sourceLocation: sourceLocation)
        }
        return ok
    }

    /// True when every tool is on PATH; otherwise records a failure naming the set-up command.
    public static func requireTools(_ tools: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let missing = tools.filter { (try? run(["sh", "-c", "command -v \($0)"]))?.status != 0 }
        if !missing.isEmpty {
            Issue.record("missing \(missing.joined(separator: ", ")); install with: \(setupCommand)",
                         sourceLocation: sourceLocation)
        }
        return missing.isEmpty
    }

    /// The `fleetwatt` executable built next to the test bundle (or $FLEETWATT_BIN).
    public static let fleetwattExecutable: URL = {
        if let path = ProcessInfo.processInfo.environment["FLEETWATT_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("fleetwatt")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repoRoot.appendingPathComponent(".build/debug/fleetwatt")
    }()

    /// Runs the built `fleetwatt` with `arguments` in `folder` (default: the repository root).
    public static func fleetwatt(_ arguments: [String], in folder: URL? = nil,
                                 environment: [String: String] = [:]) throws -> Run {
        try run(executable: fleetwattExecutable, arguments, in: folder ?? repoRoot, environment: environment)
    }

    /// A fixed `SOURCE_DATE_EPOCH` (2025-11-03 00:00 UTC), for outputs compared byte for byte:
    /// `run.timestamp` is the one field that otherwise differs between two runs.
    public static let reproducible = ["SOURCE_DATE_EPOCH": "1762128000"]
}

extension TestSupport {
    /// `command` as the installed pandoc takes it: before 2.19 (Debian 12 ships 2.17) the options
    /// `--embed-resources --standalone` were spelled `--self-contained`, as the README says.
    public static func forInstalledPandoc(_ command: String) -> String {
        let version = (try? run(["pandoc", "--version"]))?.stdout.split(separator: "\n").first
            .flatMap { $0.split(separator: " ").last }.map { $0.split(separator: ".").compactMap { Int($0) } } ?? []
        let old = version.count >= 2 && (version[0], version[1]) < (2, 19)
        return old ? command.replacingOccurrences(of: "--embed-resources --standalone", with: "--self-contained") : command
    }

    /// The names in `folder`, sorted (empty when it cannot be read).
    public static func listing(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The file's text as UTF-8, or nil when it cannot be read.
    public static func text(_ file: URL) -> String? {
        (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) }
    }
}
