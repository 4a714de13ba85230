import Foundation
import Testing
import FleetTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every command's output, end to end: what `--out` does to what is already at the path,
/// how a lost standard output is reported, and that a bad location is refused before any
/// evaluation. Devices and FIFOs are made in a temporary folder, never in the system's /dev.
@Suite("Output safety")
struct OutputSafetyTests {
    let fm = FileManager.default

    static let isRoot = geteuid() == 0
    static let power = ["power", "--gpu", "h100-sxm", "--utilization", "0.5", "--format", "json"]

    func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// One line on stderr, no trap, no backtrace.
    func expectOneCleanLine(_ r: TestSupport.Run, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(what): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(!["Fatal error", "Stack dump", "backtrace", "Trace/breakpoint"].contains { r.stderr.contains($0) },
                "\(what): \(r.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: - report --force

    /// The hostile case of issue 9: `report --out . --force` in a folder of sources deleted
    /// them. It must refuse, name the foreign file, and leave the folder as it was.
    @Test func reportForceIntoAFolderWithAForeignFileRefusesAndKeepsIt() throws {
        let dir = try TestSupport.tempFolder()
        try Data("int main(void) { return 0; }\n".utf8).write(to: dir.appendingPathComponent("main.c"))
        let scenario = TestSupport.repoRoot.appendingPathComponent("models/scenarios/inference-phoenix-air.yaml").path
        let r = try TestSupport.fleetwatt(["report", scenario, "--samples", "0", "--out", ".", "--force"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: .: holds main.c, which no earlier report wrote;"), "\(r.stderr)")
        expectOneCleanLine(r, "report --force")
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["main.c"])
        #expect(try String(contentsOf: dir.appendingPathComponent("main.c"), encoding: .utf8) == "int main(void) { return 0; }\n")
        // The parent folder too (`--out .. --force` deleted it).
        let inner = dir.appendingPathComponent("inner")
        try fm.createDirectory(at: inner, withIntermediateDirectories: false)
        let up = try TestSupport.fleetwatt(["report", scenario, "--samples", "0", "--out", "..", "--force"], in: inner)
        #expect(up.status == 2)
        #expect(up.stderr.contains("holds inner,"), "\(up.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["inner", "main.c"])
    }

    // MARK: - --out onto special files

    /// As root, `--out /dev/null` turned the system's /dev/null into a regular file. A character
    /// device made with mknod in a temporary folder must stay a character device.
    @Test(.enabled(if: isRoot, "needs root to mknod a character device (CI runs as root)"))
    func outOntoACharacterDeviceStreamsAndKeepsTheDevice() throws {
        let dir = try TestSupport.tempFolder()
        let device = dir.appendingPathComponent("null").path
        // Major 1, minor 3: the null device. Linux's dev_t for small numbers is major << 8 | minor.
        #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        for command in [Self.power, ["run", "--samples", "0", "--format", "csv"], ["catalog"]] {
            let r = try TestSupport.fleetwatt(command + ["--out", device])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(kind(device) == S_IFCHR, "\(command) replaced the device")
        }
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["null"], "no temporary file beside it")
    }

    /// A device that refuses the bytes (the full device, major 1 minor 7: every write fails
    /// with ENOSPC) is a failed run: exit 1, one line naming the user's path, the device intact.
    @Test(.enabled(if: isRoot, "needs root to mknod a character device (CI runs as root)"))
    func aDeviceThatFailsTheWriteExitsOneNamingIt() throws {
        let dir = try TestSupport.tempFolder()
        let device = dir.appendingPathComponent("full").path
        #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0, "mknod: \(String(cString: strerror(errno)))")
        let r = try TestSupport.fleetwatt(Self.power + ["--out", device])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(device): could not write: No space left on device\n")
        #expect(kind(device) == S_IFCHR)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["full"])
    }

    /// A FIFO gets the output in place: its reader receives all of it and it stays a FIFO.
    @Test func outOntoAFIFOStreamsToItsReader() throws {
        let dir = try TestSupport.tempFolder()
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try FIFOReader(path: fifo)
        let r = try TestSupport.fleetwatt(Self.power + ["--out", fifo, "--quiet"])
        // A writer that replaced the FIFO instead of writing to it leaves the reader waiting: a failure, not a hang.
        let received = try #require(reader.finish(within: 30), "the FIFO's reader got nothing; \(r.stderr)")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: received) as? [String: Any]
        #expect(json?["gpu"] as? String == "h100-sxm")
        #expect(kind(fifo) == S_IFIFO)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["pipe"])
    }

    /// A symlink's regular-file target is replaced; the link stays and the target keeps its permissions.
    @Test func outThroughASymlinkReplacesItsTargetAndKeepsPermissions() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("real.json")
        try Data("old\n".utf8).write(to: target)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        let link = dir.appendingPathComponent("link.json")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
        let r = try TestSupport.fleetwatt(Self.power + ["--out", link.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(kind(link.path) == S_IFLNK)
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == "real.json")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("h100-sxm"))
        #expect(try fm.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o600)
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["link.json", "real.json"])
    }

    @Test(arguments: [["run", "--samples", "0"], ["export-notebook", "--samples", "0"], power])
    func outOntoAFolderIsRefused(_ command: [String]) throws {
        let dir = try TestSupport.tempFolder()
        let r = try TestSupport.fleetwatt(command + ["--out", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(dir.path): cannot write the output here: it is a folder; give a file name\n")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// `--out /dev/stdout` writes to the descriptor: when stdout is a file, the same file (same
    /// inode) receives the output, rather than a new file renamed over it.
    @Test func outToDevStdoutWritesToStandardOutput() throws {
        let dir = try TestSupport.tempFolder()
        let file = dir.appendingPathComponent("captured.json")
        try Data().write(to: file)
        let inode = try fm.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        let r = try TestSupport.run(["sh", "-c", "\"$0\" \"$@\" > \"\(file.path)\"", TestSupport.fleetwattExecutable.path]
                                    + Self.power + ["--out", "/dev/stdout"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("\"gpu\" : \"h100-sxm\""))
        #expect(try fm.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == inode)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["captured.json"])
    }

    /// A 240-character file name works (the temporary name beside it stays within 255 bytes).
    @Test func aLongFileNameWorks() throws {
        let dir = try TestSupport.tempFolder()
        let name = String(repeating: "n", count: 235) + ".json"
        let r = try TestSupport.fleetwatt(Self.power + ["--out", dir.appendingPathComponent(name).path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == [name])
    }

    // MARK: - Checked before the evaluation

    /// A bad output location is refused before the Monte Carlo: a million samples would take
    /// minutes; the refusal takes well under the 2 s allowed here.
    @Test(arguments: [
        ["run", "--samples", "1000000", "--out", "FILE/x.json"],
        ["export-notebook", "--samples", "1000000", "--out", "FILE/x.ipynb"],
        ["sweep", "--vary", "fleet.cohorts.gb200-use1.count=1:2:2", "--samples", "1000000", "--out", "FILE/x"],
        ["report", "--samples", "1000000", "--out", "FULL"],
        ["report", "--samples", "1000000", "--out", "FULL", "--force"],
        ["report", "--samples", "1000000", "--out", "FILE"],
        ["sensitivity", "--method", "sobol", "--base-samples", "100000", "--out", "FOLDER"],
    ])
    func aBadOutIsRefusedBeforeAnyEvaluation(_ template: [String]) throws {
        let dir = try TestSupport.tempFolder()
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let full = dir.appendingPathComponent("full")
        try fm.createDirectory(at: full, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: full.appendingPathComponent("notes.txt"))
        let arguments = template.map {
            $0.replacingOccurrences(of: "FILE", with: file.path).replacingOccurrences(of: "FULL", with: full.path)
                .replacingOccurrences(of: "FOLDER", with: dir.path)
        }
        let start = Date()
        let r = try TestSupport.fleetwatt(arguments + ["--progress", "never"])
        let seconds = Date().timeIntervalSince(start)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(seconds < 2, "took \(seconds) s: the location was checked after the evaluation")
        expectOneCleanLine(r, template[0])
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["a-file", "full"])
        #expect(try fm.contentsOfDirectory(atPath: full.path) == ["notes.txt"])
    }

    @Test func missingParentFoldersAreMade() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("a/b/c/result.json")
        let r = try TestSupport.fleetwatt(Self.power + ["--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fm.fileExists(atPath: out.path))
    }

    @Test func theScenarioFileCannotBeItsOwnOutput() throws {
        let dir = try TestSupport.tempFolder()
        let scenario = dir.appendingPathComponent("s.yaml")
        try fm.copyItem(at: TestSupport.repoRoot.appendingPathComponent("models/scenarios/inference-phoenix-air.yaml"), to: scenario)
        let before = try Data(contentsOf: scenario)
        let r = try TestSupport.fleetwatt(["run", scenario.path, "--samples", "0", "--out", scenario.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("which this command reads"), "\(r.stderr)")
        #expect(try Data(contentsOf: scenario) == before)
    }

    // MARK: - Links to missing places, closed descriptors, read-only files

    /// A link to a missing file or folder, or a closed descriptor, is refused at once with exit
    /// 2, naming the user's path. The link to a missing file was followed (its missing folders
    /// made wherever it pointed); the others failed after the evaluation, with exit 1 and, for a
    /// report, the hidden staging folder's name. 5,000 samples take several seconds.
    @Test(arguments: [
        ["run", "--out", "out.json"],
        ["export-notebook", "--out", "out.json"],
        ["run", "--out", "dangling/x.json"],
        ["report", "--out", "dangling"],
        ["report", "--out", "dangling/sub"],
        ["run", "--out", "/dev/fd/987"],
    ])
    func aLinkToNothingOrAClosedDescriptorIsRefusedAtOnce(_ command: [String]) throws {
        let dir = try TestSupport.tempFolder()
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out.json").path, withDestinationPath: "elsewhere/deep/x.json")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        let start = Date()
        let r = try TestSupport.fleetwatt(command + ["--samples", "5000", "--progress", "never"], in: dir)
        let seconds = Date().timeIntervalSince(start)
        #expect(r.status == 2, "\(command): \(r.stderr)")
        #expect(seconds < 2, "\(command): took \(seconds) s: the location was checked after the evaluation")
        #expect(r.stderr.hasPrefix("error: \(command[2]): cannot write the output here: "), "\(r.stderr)")
        #expect(!r.stderr.contains(".staging") && !r.stderr.contains(".tmp"), "\(r.stderr)")
        expectOneCleanLine(r, "\(command)")
        #expect(TestSupport.listing(dir) == ["dangling", "out.json"])
    }

    /// As root, access(2) says every file is writable, and a read-only (0444) file was replaced.
    @Test func aReadOnlyFileIsRefusedEvenAsRoot() throws {
        let dir = try TestSupport.tempFolder()
        let file = dir.appendingPathComponent("other.txt")
        try Data("other\n".utf8).write(to: file)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let r = try TestSupport.fleetwatt(["catalog", "--out", "other.txt"], in: dir)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("error: other.txt: cannot write the output here: the file is read-only"), "\(r.stderr)")
        #expect(TestSupport.text(file) == "other\n")
        #expect(try fm.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o444)
    }

    // MARK: - Files the command reads

    /// A folder holding s.yaml, whose one site reads the weather file w.csv (named by its
    /// absolute path, so that a copy of s.yaml elsewhere reads the same file).
    func scenarioWithWeather() throws -> (folder: URL, weather: URL) {
        let dir = try TestSupport.tempFolder()
        let weather = dir.appendingPathComponent("w.csv")
        try fm.copyItem(at: TestSupport.repoRoot.appendingPathComponent("Tests/FleetModelTests/Data/723170TYA-columns.csv"),
                        to: weather)
        let template = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent(
            "Tests/fleetwattTests/Corpus/scenarios/weather-nan-cell.yaml"), encoding: .utf8)
        try template.replacingOccurrences(of: "../weather/nan-cell.csv", with: weather.path)
            .write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return (dir, weather)
    }

    /// `--out` onto a weather file the scenario (or a sweep's point) reads, or onto any scenario
    /// `compare` reads (not only the first), is refused as the scenario file is; every input
    /// stays as it was.
    @Test func noFileTheCommandReadsCanBeTheOutput() throws {
        let (dir, weather) = try scenarioWithWeather()
        let before = try Data(contentsOf: weather)
        for command in [["run", "s.yaml", "--samples", "0"], ["params", "s.yaml"],
                        ["run", "s.yaml", "--samples", "20", "--shard", "0/2"],
                        ["compare", "s.yaml", "--variant", "a:fleet.cohorts.h100-tx.count=5000", "--samples", "10"]] {
            let r = try TestSupport.fleetwatt(command + ["--out", "w.csv"], in: dir)
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr == "error: w.csv: cannot write the output here: it is \(weather.path), which this command "
                    + "reads; writing there would replace it\n", "\(command)")
        }
        #expect(try Data(contentsOf: weather) == before)
        // A sweep over weather files reads each of them.
        try fm.copyItem(at: weather, to: dir.appendingPathComponent("w2.csv"))
        let sweep = try TestSupport.fleetwatt(["sweep", "s.yaml", "--vary", "sites.us-tx.climate.weather_file=w.csv,w2.csv",
                                               "--out", "w2.csv"], in: dir)
        #expect(sweep.status == 2, "\(sweep.stderr)")
        #expect(sweep.stderr == "error: w2.csv: cannot write the output here: it is w2.csv, which this command reads; "
                + "writing there would replace it\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("w2.csv")) == before)
        let models = TestSupport.repoRoot.appendingPathComponent("models/scenarios")
        try fm.copyItem(at: models.appendingPathComponent("h100-training-100k.yaml"), to: dir.appendingPathComponent("a.yaml"))
        try fm.copyItem(at: models.appendingPathComponent("inference-phoenix-air.yaml"), to: dir.appendingPathComponent("b.yaml"))
        let second = try Data(contentsOf: dir.appendingPathComponent("b.yaml"))
        let r = try TestSupport.fleetwatt(["compare", "a.yaml", "b.yaml", "--samples", "10", "--out", "b.yaml"], in: dir)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "error: b.yaml: cannot write the output here: it is b.yaml, which this command reads; "
                + "writing there would replace it\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("b.yaml")) == second)
        #expect(TestSupport.listing(dir) == ["a.yaml", "b.yaml", "s.yaml", "w.csv", "w2.csv"])
    }

    /// `report --force` replaces the files its manifest lists and removes those the new report
    /// lacks: when the scenario or its weather file is one of them, it is refused, not replaced.
    @Test func reportForceNeverReplacesOrRemovesAFileItReads() throws {
        let (dir, weather) = try scenarioWithWeather()
        let r0 = try TestSupport.fleetwatt(["report", "s.yaml", "--samples", "0", "--out", "r", "--quiet"], in: dir)
        try #require(r0.status == 0, "\(r0.stderr)")
        let report = dir.appendingPathComponent("r")
        let manifest = report.appendingPathComponent(".fleetwatt-report")
        let scenario = try Data(contentsOf: dir.appendingPathComponent("s.yaml"))
        // The scenario read is the earlier report's report.md, which the new report replaces.
        try scenario.write(to: report.appendingPathComponent("report.md"))
        // A scenario listed in the manifest, which the new report removes.
        try scenario.write(to: report.appendingPathComponent("s.yaml"))
        try (TestSupport.text(manifest)! + "s.yaml\n").write(to: manifest, atomically: true, encoding: .utf8)
        for input in ["r/report.md", "r/s.yaml"] {
            let r = try TestSupport.fleetwatt(["report", input, "--samples", "0", "--out", "r", "--force"], in: dir)
            #expect(r.status == 2, "\(input): \(r.stderr)")
            #expect(r.stderr.hasPrefix("error: r: cannot write the output here: it holds \(input.dropFirst(2)), "
                                       + "which this command reads"), "\(r.stderr)")
            expectOneCleanLine(r, input)
            #expect(try Data(contentsOf: dir.appendingPathComponent(input)) == scenario)
        }
        // The weather file, moved into the report folder and listed in its manifest.
        let moved = report.appendingPathComponent("w.csv")
        try fm.moveItem(at: weather, to: moved)
        try (TestSupport.text(manifest)! + "w.csv\n").write(to: manifest, atomically: true, encoding: .utf8)
        let text = try String(contentsOf: dir.appendingPathComponent("s.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: weather.path, with: moved.path)
            .write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let r = try TestSupport.fleetwatt(["report", "s.yaml", "--samples", "0", "--out", "r", "--force"], in: dir)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("error: r: cannot write the output here: it holds w.csv, which this command reads"),
                "\(r.stderr)")
        #expect(fm.fileExists(atPath: moved.path))
    }

    // MARK: - --report and --out together

    /// `--out` that is the `--report` folder, lies inside it, or holds it is refused before any
    /// work: the report was written first, then the command exited 2 saying the folder "became
    /// a folder while the command ran", or the --out file silently replaced a report file.
    @Test func outAndTheReportFolderMustBeApart() throws {
        let dir = try TestSupport.tempFolder()
        let compare = ["compare", "h100-training-100k", "--variant", "a:fleet.cohorts.h100-tx.count=5000",
                       "--samples", "20", "--progress", "never"]
        for (report, out) in [("c3", "c3"), ("c2", "c2/compare.md"), ("c4", "c4/sub/notes.md"), ("c5/inner", "c5")] {
            let r = try TestSupport.fleetwatt(compare + ["--report", report, "--out", out], in: dir)
            #expect(r.status == 2, "--report \(report) --out \(out): \(r.stderr)")
            #expect(r.stderr.hasPrefix("error: \(out): cannot write the output here: "), "\(r.stderr)")
            #expect(r.stderr.contains("--report folder \(report)"), "\(r.stderr)")
            expectOneCleanLine(r, "--report \(report) --out \(out)")
            #expect(TestSupport.listing(dir).isEmpty, "--report \(report) --out \(out)")
        }
        // merge refuses before reading its parts (this one is not even a part).
        try Data("not a part".utf8).write(to: dir.appendingPathComponent("p0.fwpart"))
        for (report, out) in [("m", "m"), ("m2", "m2/report.md")] {
            let r = try TestSupport.fleetwatt(["merge", "p0.fwpart", "--report", report, "--out", out], in: dir)
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("error: \(out): cannot write the output here: "), "\(r.stderr)")
            #expect(TestSupport.listing(dir) == ["p0.fwpart"])
        }
    }

    // MARK: - Standard output lost

    /// stdout full (/dev/full) or closed (`>&-`): exit 1 with one line, never 0, never a trap.
    @Test(arguments: [
        ["schema"], ["validate", "models/scenarios/inference-phoenix-air.yaml"], ["run", "--samples", "0"],
        ["catalog"], ["params"], ["--help"], ["--version"], power, ["bench", "--samples", "10", "--threads", "1"],
    ])
    func lostStandardOutputExitsOneWithOneLine(_ command: [String]) throws {
        for redirect in ["> /dev/full", ">&-"] {
            let r = try TestSupport.run(["sh", "-c", "\"$0\" \"$@\" \(redirect)", TestSupport.fleetwattExecutable.path] + command,
                                        in: TestSupport.repoRoot)
            #expect(r.status == 1, "\(command) \(redirect): exit \(r.status); \(r.stderr)")
            let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasPrefix("error: standard output: could not write: "), "\(command) \(redirect): \(r.stderr)")
            if command[0] != "bench" { expectOneCleanLine(r, "\(command) \(redirect)") }
        }
    }

    /// A reader that goes away (`| head -c 1`) is a failed write with a message, not a silent death.
    @Test func aClosedPipeIsReportedNotFatal() throws {
        let r = try TestSupport.run(["bash", "-c", "\"$0\" run --samples 0 --format json | head -c 1 > /dev/null; "
                                     + "exit ${PIPESTATUS[0]}", TestSupport.fleetwattExecutable.path], in: TestSupport.repoRoot)
        // The whole document may fit in the pipe before head exits: then the write succeeded.
        #expect(r.status == 0 || r.status == 1, "exit \(r.status): \(r.stderr)")
        if r.status == 1 { #expect(r.stderr == "error: standard output: could not write: Broken pipe\n") }
    }
}

/// Reads a FIFO to its end on a background thread (a FIFO's writer blocks until a reader opens it).
final class FIFOReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(path: String) throws {
        Thread.detachNewThread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = handle.readDataToEndOfFile()
            }
            done.signal()
        }
    }

    /// What the reader got, or nil when it did not finish within `seconds`.
    func finish(within seconds: Double) -> Data? {
        done.wait(timeout: .now() + seconds) == .success ? data : nil
    }
}
