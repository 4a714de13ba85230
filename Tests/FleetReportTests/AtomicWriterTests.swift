import FleetTestSupport
import Foundation
import Testing
@testable import FleetReport

@Suite("AtomicWriter")
struct AtomicWriterTests {
    let fm = FileManager.default

    func listing(_ folder: URL) -> [String] {
        ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func read(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesNewFileAndReplacesExistingWithoutLeftovers() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("result.json")
        try AtomicWriter.write("first\n", to: target)
        #expect(read(target) == "first\n")
        try AtomicWriter.write("second\n", to: target)
        #expect(read(target) == "second\n")
        #expect(listing(dir) == ["result.json"])
        let mode = try fm.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func failedFileWriteLeavesNothing() throws {
        let dir = try TestSupport.tempFolder()
        let missing = dir.appendingPathComponent("no-such-folder/result.json")
        #expect(throws: ReportError.self) { try AtomicWriter.write("x", to: missing) }
        #expect(listing(dir).isEmpty)
        // A target that is a folder cannot be replaced by a file: the folder stays, no temp remains.
        let folder = dir.appendingPathComponent("taken")
        try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        try AtomicWriter.write("keep", to: folder.appendingPathComponent("inner.txt"))
        #expect(throws: ReportError.self) { try AtomicWriter.write("x", to: folder) }
        #expect(listing(dir) == ["taken"])
        #expect(read(folder.appendingPathComponent("inner.txt")) == "keep")
    }

    @Test func writesFolderWithSubfolders() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try AtomicWriter.writeFolder(["report.md": Data("# R\n".utf8), "figures/a.svg": Data("<svg/>".utf8)],
                                     to: out, force: false)
        #expect(read(out.appendingPathComponent("report.md")) == "# R\n")
        #expect(read(out.appendingPathComponent("figures/a.svg")) == "<svg/>")
        #expect(listing(dir) == ["report"])
    }

    @Test func emptyExistingFolderIsUsedWithoutForce() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try fm.createDirectory(at: out, withIntermediateDirectories: false)
        try AtomicWriter.writeFolder(["a.txt": Data("a".utf8)], to: out, force: false)
        #expect(listing(out) == ["a.txt"])
        #expect(listing(dir) == ["report"])
    }

    @Test func refusesNonEmptyFolderWithoutForceAndTouchesNothing() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try AtomicWriter.writeFolder(["old.txt": Data("old".utf8)], to: out, force: false)
        #expect(throws: ReportError.folderNotEmpty(path: out.standardizedFileURL.path)) {
            try AtomicWriter.writeFolder(["new.txt": Data("new".utf8)], to: out, force: false)
        }
        #expect(listing(out) == ["old.txt"])
        #expect(listing(dir) == ["report"])
        #expect(ReportError.folderNotEmpty(path: "x").description.contains("--force"))
    }

    @Test func forceReplacesTheWholeFolder() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try AtomicWriter.writeFolder(["old.txt": Data("old".utf8), "figures/old.svg": Data()], to: out, force: false)
        try AtomicWriter.writeFolder(["new.txt": Data("new".utf8)], to: out, force: true)
        #expect(listing(out) == ["new.txt"])
        #expect(listing(dir) == ["report"])
    }

    @Test func failureWhileStagingLeavesEarlierOutputUntouched() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try AtomicWriter.writeFolder(["report.md": Data("earlier".utf8)], to: out, force: false)
        // "figures" as a file and as a folder: the second write fails half-way through staging.
        let clash = ["report.md": Data("later".utf8), "figures": Data("f".utf8), "figures/a.svg": Data("a".utf8)]
        #expect(throws: ReportError.self) { try AtomicWriter.writeFolder(clash, to: out, force: true) }
        #expect(read(out.appendingPathComponent("report.md")) == "earlier")
        #expect(listing(out) == ["report.md"])
        #expect(listing(dir) == ["report"], "no staging or temporary folder remains")
        #expect(TemporaryPaths.shared.all().filter { $0.hasPrefix(dir.path) }.isEmpty, "nothing left registered as in flight")
    }

    @Test(arguments: ["", "/abs.txt", "../escape.txt", "a/../../b", "a//b", "./a"])
    func rejectsPathsOutsideTheFolder(_ name: String) throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        #expect(throws: ReportError.badRelativePath(name)) {
            try AtomicWriter.writeFolder([name: Data()], to: out, force: false)
        }
        #expect(listing(dir).isEmpty)
    }

    @Test func removeTemporariesDeletesWhatIsInFlight() throws {
        let dir = try TestSupport.tempFolder()
        let stray = dir.appendingPathComponent(".report.1-2.staging")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: false)
        TemporaryPaths.shared.insert(stray.path)
        // Only under `dir`: other tests run in parallel with temporaries of their own.
        #expect(AtomicWriter.removeTemporaries(under: dir) == [stray.path])
        #expect(listing(dir).isEmpty)
        #expect(!TemporaryPaths.shared.all().contains(stray.path))
    }

    @Test func missingParentFolderIsAClearError() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("missing/report")
        do {
            try AtomicWriter.writeFolder(["a": Data()], to: out, force: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("does not exist"))
        }
        #expect(listing(dir).isEmpty)
    }
}
